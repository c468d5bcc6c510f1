//! Prepared responses: every page and JSON document is rendered once per
//! index, on its first request, and kept with its gzip and brotli forms and
//! an `ETag`. Later requests are answered from memory, as a static file
//! server would: the right encoding for the client, or `304 Not Modified`.
//!
//! The corpus is read-only while it is served, so a prepared page never goes
//! stale; a reload builds a new site with an empty cache. The cache holds at
//! most a byte budget, every byte of an entry counted (its key, headers and
//! bookkeeping as well as its bodies); past it, the pages least recently
//! asked for are let go, one at a time in constant time (and rendered again
//! if asked for again).
//!
//! Entries are keyed by the canonical form of the address (`canonical.rs`):
//! parameters a page does not read, and other spellings of the same
//! address, never make a new entry or a new render.
//!
//! Requests for an address that is being prepared wait for it rather than
//! render it again: a link shared somewhere busy brings many previews asking
//! for the same page and share card at once, and a card is costly to draw.
//! Images that are compressed already (PNG) are kept as they are.
//!
//! Rendering and compressing run on a pool of their own (one thread per
//! core, at a lower priority), at most [`RENDERS_AT_ONCE`] per core at once:
//! a flood of addresses never asked for before waits its turn there, while
//! the async workers go on answering `/healthz` and prepared pages.

use std::collections::HashMap;
use std::io::Write;
use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Bodies larger than this are served as they come, not kept.
const MAX_PREPARED_BYTES: usize = 64 * 1024 * 1024;

/// Renders of addresses not prepared yet, per core of the render pool, at
/// once; more wait for a turn (within their request's time).
const RENDERS_AT_ONCE: usize = 2;
/// What an entry costs beyond its key, bodies and header bytes: the entry
/// itself, its place in the map and the recency list, the header map's
/// table, allocator rounding. Measured roughly; erring high.
const ENTRY_OVERHEAD: usize = 640;
/// What each header costs beyond its name and value bytes.
const HEADER_OVERHEAD: usize = 64;

/// One prepared response.
struct Prepared {
    headers: HeaderMap,
    identity: Bytes,
    gzip: Bytes,
    brotli: Bytes,
    etag: HeaderValue,
}

impl Prepared {
    /// Every byte it holds, but for its key.
    fn size(&self) -> usize {
        let headers: usize = self.headers.iter().map(|(k, v)| k.as_str().len() + v.len() + HEADER_OVERHEAD).sum();
        self.identity.len() + self.gzip.len() + self.brotli.len() + headers + self.etag.len() + ENTRY_OVERHEAD
    }
}

pub struct PageCache {
    /// Prepared responses by canonical address, least recently used last.
    entries: Mutex<lru::LruCache<String, Arc<Prepared>>>,
    /// Addresses being prepared, each with the lock its later requests wait on.
    preparing: Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
    bytes: AtomicUsize,
    budget: usize,
    /// Turns to render an address not prepared yet.
    renders: Arc<tokio::sync::Semaphore>,
}

impl PageCache {
    /// A cache that keeps at most `budget` bytes of prepared responses.
    pub fn new(budget: usize) -> PageCache {
        PageCache {
            entries: Mutex::new(lru::LruCache::unbounded()),
            preparing: Mutex::new(HashMap::new()),
            bytes: AtomicUsize::new(0),
            budget,
            renders: Arc::new(tokio::sync::Semaphore::new(RENDERS_AT_ONCE * render_threads())),
        }
    }

    /// Waits until no other request is preparing `key`, then holds it until
    /// the claim is dropped.
    async fn claim(self: &Arc<Self>, key: &str) -> Option<Claim> {
        let lock = self.preparing.lock().ok()?.entry(key.to_string()).or_default().clone();
        let guard = lock.lock_owned().await;
        Some(Claim { cache: self.clone(), key: key.to_string(), _guard: guard })
    }

    /// How many responses are prepared, and the bytes counted for them.
    pub fn stats(&self) -> (usize, usize) {
        (self.entries.lock().map(|e| e.len()).unwrap_or(0), self.bytes.load(Ordering::Relaxed))
    }

    fn get(&self, key: &str) -> Option<Arc<Prepared>> {
        self.entries.lock().ok()?.get(key).cloned()
    }

    /// Keeps `prepared` under `key`, letting go of the least recently used
    /// entries until the whole is within the budget. An entry larger than
    /// the budget is not kept.
    fn insert(&self, key: String, prepared: Arc<Prepared>) {
        let size = key.len() + prepared.size();
        if size > self.budget {
            return;
        }
        let Ok(mut entries) = self.entries.lock() else { return };
        if let Some((old_key, old)) = entries.push(key, prepared) {
            self.bytes.fetch_sub(old_key.len() + old.size(), Ordering::Relaxed);
        }
        let mut total = self.bytes.fetch_add(size, Ordering::Relaxed) + size;
        while total > self.budget {
            let Some((k, p)) = entries.pop_lru() else { break };
            total = self.bytes.fetch_sub(k.len() + p.size(), Ordering::Relaxed) - (k.len() + p.size());
        }
    }
}

/// The right to prepare one address; the next request for it waits until
/// this is dropped.
struct Claim {
    cache: Arc<PageCache>,
    key: String,
    _guard: tokio::sync::OwnedMutexGuard<()>,
}

impl Drop for Claim {
    fn drop(&mut self) {
        let Ok(mut preparing) = self.cache.preparing.lock() else { return };
        // Held by the map and by this claim alone: nobody waits, so let go.
        if preparing.get(&self.key).is_some_and(|lock| Arc::strong_count(lock) <= 2) {
            preparing.remove(&self.key);
        }
    }
}

impl PageCache {
    /// The prepared answer to `request`, if its page is prepared: what the
    /// router would answer, found without routing, extracting or the
    /// per-route layers, so that a prepared page costs what a static file
    /// server's would. `None` sends the request through the router: a
    /// request the router would refuse (too long, too many header bytes)
    /// and every page not prepared yet.
    pub fn answer_before_routing(&self, request: &Request) -> Option<Response> {
        let head = match *request.method() {
            Method::GET => false,
            Method::HEAD => true,
            _ => return None,
        };
        let uri = request.uri();
        if uri.path() == "/healthz" || super::middleware::limits::oversized(request) {
            return None;
        }
        let key = super::canonical::canonical(uri.path(), uri.query())?;
        let prepared = self.get(&key)?;
        let mut response = answer(&prepared, &Client::of(request.headers()), head);
        super::middleware::headers::apply(response.headers_mut());
        // The line the router's request log would write (`--log-requests`).
        tracing::info!(target: "tower_http::trace::on_response", method = %request.method(), uri = %uri, status = response.status().as_u16(), "answered a prepared page");
        Some(response)
    }
}

/// The middleware: answers from the cache, or prepares what the router
/// returns. Only successful responses without an encoding are kept; a HEAD
/// prepares the page as a GET would, so it carries the same `ETag`.
pub async fn serve_prepared(State(cache): State<Arc<PageCache>>, request: Request, next: Next) -> Response {
    let cacheable = matches!(*request.method(), Method::GET | Method::HEAD) && request.uri().path() != "/healthz";
    if !cacheable {
        return next.run(request).await;
    }
    let head = request.method() == Method::HEAD;
    let client = Client::of(request.headers());
    let Some(key) = super::canonical::canonical(request.uri().path(), request.uri().query()) else {
        // An address the page refuses as malformed: answered, not kept.
        return match cache.render(request, next).await {
            Rendered::Kept(p) => answer(&p, &client, head),
            Rendered::AsIs(response) if head => without_body(response),
            Rendered::AsIs(response) => response,
        };
    };
    if let Some(p) = cache.get(&key) {
        return answer(&p, &client, head);
    }
    let _claim = cache.claim(&key).await;
    // Whoever held the address before has prepared it by now, if it can be.
    if let Some(p) = cache.get(&key) {
        return answer(&p, &client, head);
    }
    // Ask the router for the plain page at its canonical address; encodings
    // and 304s are ours.
    let mut request = request;
    if let Ok(uri) = key.parse() {
        *request.uri_mut() = uri;
    }
    *request.method_mut() = Method::GET;
    request.headers_mut().remove(header::ACCEPT_ENCODING);
    request.headers_mut().remove(header::IF_NONE_MATCH);
    match cache.render(request, next).await {
        Rendered::Kept(prepared) => {
            cache.insert(key, prepared.clone());
            answer(&prepared, &client, head)
        }
        Rendered::AsIs(response) if head => without_body(response),
        Rendered::AsIs(response) => response,
    }
}

/// What a render gave: a response prepared to keep, or one to send as it is.
enum Rendered {
    Kept(Arc<Prepared>),
    AsIs(Response),
}

impl PageCache {
    /// Renders `request` on the render pool, once a turn is free, and
    /// prepares it if it is to be kept. If the request is given up (its
    /// time ran out, the client left), the render is called off.
    async fn render(&self, request: Request, next: Next) -> Rendered {
        let turn = self.renders.clone().acquire_owned().await.ok();
        let work = async move {
            let _turn = turn;
            prepare_response(next.run(request).await).await
        };
        let Some(pool) = render_pool() else { return work.await };
        let mut task = AbortOnDrop(pool.spawn(work));
        match (&mut task.0).await {
            Ok(rendered) => rendered,
            Err(e) => {
                tracing::error!("a render stopped: {e}");
                Rendered::AsIs(super::middleware::panic_response(Box::new(())))
            }
        }
    }
}

/// Keeps a successful plain response with its encodings; anything else is
/// sent as it is.
async fn prepare_response(response: Response) -> Rendered {
    // A response too large to keep (the export of a very large corpus) is
    // sent as it is, uncompressed, rather than refused.
    let too_large = axum::body::HttpBody::size_hint(response.body()).lower() > MAX_PREPARED_BYTES as u64;
    if response.status() != StatusCode::OK || response.headers().contains_key(header::CONTENT_ENCODING) || too_large {
        return Rendered::AsIs(response);
    }
    let (parts, body) = response.into_parts();
    match axum::body::to_bytes(body, MAX_PREPARED_BYTES).await {
        Ok(bytes) => Rendered::Kept(Arc::new(prepare(parts.headers, bytes))),
        Err(_) => Rendered::AsIs((StatusCode::INTERNAL_SERVER_ERROR, "The response was too large to prepare.").into_response()),
    }
}

/// A task on the render pool, called off when its request is given up.
struct AbortOnDrop<T>(tokio::task::JoinHandle<T>);

impl<T> Drop for AbortOnDrop<T> {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Threads of the render pool: one per core.
fn render_threads() -> usize {
    std::thread::available_parallelism().map_or(2, NonZeroUsize::get)
}

/// The render pool, started on first use; `None` if its threads could not
/// be started (renders then run where they are asked for).
fn render_pool() -> Option<&'static tokio::runtime::Runtime> {
    static POOL: OnceLock<Option<tokio::runtime::Runtime>> = OnceLock::new();
    POOL.get_or_init(|| {
        let threads = render_threads();
        let pool = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(threads)
            // Share cards are drawn in the pool's blocking threads: as many as cores.
            .max_blocking_threads(threads)
            .thread_name("render")
            .on_thread_start(lower_priority)
            .enable_all()
            .build();
        match pool {
            Ok(pool) => Some(pool),
            Err(e) => {
                tracing::warn!("cannot start the render pool ({e}); pages are rendered on the serving threads");
                None
            }
        }
    })
    .as_ref()
}

/// Renders give way to the threads that answer prepared pages and
/// `/healthz`: on Linux a thread's nice value is its own.
fn lower_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: gettid has no arguments; setpriority only changes this
    // thread's nice value, and failing leaves it as it was.
    unsafe {
        let tid = libc::syscall(libc::SYS_gettid) as libc::id_t;
        libc::setpriority(libc::PRIO_PROCESS, tid, 10);
    }
}

/// A response to a HEAD request: the headers of the GET it was made as.
fn without_body(response: Response) -> Response {
    let (parts, _) = response.into_parts();
    Response::from_parts(parts, Body::empty())
}

/// Is a body of this type worth compressing? Not PNG, JPEG and the like,
/// which are compressed already; SVG is text.
fn compressible(headers: &HeaderMap) -> bool {
    let content_type = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    !content_type.starts_with("image/") || content_type.starts_with("image/svg")
}

fn prepare(mut headers: HeaderMap, identity: Bytes) -> Prepared {
    // Kept for long: exactly its length, not the capacity it was rendered into.
    let identity = Bytes::copy_from_slice(&identity);
    let etag = HeaderValue::from_str(&format!("\"{}\"", &blake3::hash(&identity).to_hex()[..20]))
        .expect("a hex string is a valid header value");
    headers.remove(header::CONTENT_LENGTH);
    headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    headers.entry(header::CACHE_CONTROL).or_insert(HeaderValue::from_static("no-cache"));
    // An empty encoding is never sent: `answer` falls back to the identity.
    let (gzip, brotli) =
        if compressible(&headers) { (gzip(&identity), brotli(&identity)) } else { (Bytes::new(), Bytes::new()) };
    Prepared { gzip, brotli, identity, headers, etag }
}

fn gzip(body: &[u8]) -> Bytes {
    let mut enc = flate2::write::GzEncoder::new(Vec::with_capacity(body.len() / 4), flate2::Compression::default());
    // Writing to a Vec cannot fail.
    let _ = enc.write_all(body);
    let mut out = enc.finish().unwrap_or_default();
    out.shrink_to_fit();
    Bytes::from(out)
}

fn brotli(body: &[u8]) -> Bytes {
    // Quality 6: on this app's pages (4 to 80 KB) quality 9 took 7 to 16
    // times as long (7 ms for a 4 KB page, 16 ms for a search of 29 KB, on
    // the tables its hasher sets up for every body) and saved under 1% of
    // the bytes. A page never asked for before, a search above all, waits
    // for its compression. Very large documents get 5.
    let quality = if body.len() > 1024 * 1024 { 5 } else { 6 };
    let mut out = Vec::with_capacity(body.len() / 4);
    {
        let mut w = brotli::CompressorWriter::new(&mut out, 16 * 1024, quality, 22);
        let _ = w.write_all(body);
    }
    out.shrink_to_fit();
    Bytes::from(out)
}

/// What a response depends on in the request: the encodings the client
/// takes and the version it already has.
struct Client {
    accept_encoding: Option<HeaderValue>,
    if_none_match: Option<HeaderValue>,
}

impl Client {
    fn of(headers: &HeaderMap) -> Client {
        Client {
            accept_encoding: headers.get(header::ACCEPT_ENCODING).cloned(),
            if_none_match: headers.get(header::IF_NONE_MATCH).cloned(),
        }
    }
}

/// The prepared response for this client: 304 if it has it, else the best
/// encoding it accepts.
fn answer(p: &Prepared, client: &Client, head: bool) -> Response {
    let has_it = client.if_none_match.as_ref().and_then(|v| v.to_str().ok()).is_some_and(|v| matches_etag(v, &p.etag));
    if has_it {
        let mut r = StatusCode::NOT_MODIFIED.into_response();
        r.headers_mut().insert(header::ETAG, p.etag.clone());
        r.headers_mut().insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        return r;
    }
    let accepts = client.accept_encoding.as_ref().and_then(|v| v.to_str().ok()).unwrap_or("");
    let (body, encoding) = if accepts_coding(accepts, "br") && !p.brotli.is_empty() {
        (p.brotli.clone(), Some("br"))
    } else if accepts_coding(accepts, "gzip") && !p.gzip.is_empty() {
        (p.gzip.clone(), Some("gzip"))
    } else {
        (p.identity.clone(), None)
    };
    let length = body.len();
    let mut r = if head { Response::new(Body::empty()) } else { Response::new(Body::from(body)) };
    *r.headers_mut() = p.headers.clone();
    r.headers_mut().insert(header::ETAG, p.etag.clone());
    r.headers_mut().insert(header::CONTENT_LENGTH, HeaderValue::from(length));
    if let Some(e) = encoding {
        r.headers_mut().insert(header::CONTENT_ENCODING, HeaderValue::from_static(e));
    }
    r
}

/// Does an If-None-Match value name this `etag`? The comparison is weak
/// (RFC 9110, 13.1.2): `W/"x"` matches `"x"`, as proxies weaken tags.
fn matches_etag(if_none_match: &str, etag: &HeaderValue) -> bool {
    let ours = etag.to_str().unwrap_or("");
    let ours = ours.strip_prefix("W/").unwrap_or(ours);
    if_none_match.split(',').map(str::trim).any(|t| t == "*" || t.strip_prefix("W/").unwrap_or(t) == ours)
}

/// Does an Accept-Encoding value accept `coding` (and not with a weight of
/// zero, however it is written: `q=0`, `q=0.0`, `Q=0.000`)?
fn accepts_coding(accept: &str, coding: &str) -> bool {
    accept.split(',').any(|part| {
        let mut fields = part.split(';').map(str::trim);
        let name = fields.next().unwrap_or("");
        let refused = fields.any(|f| {
            let f: String = f.chars().filter(|c| !c.is_whitespace()).collect();
            let weight = f.strip_prefix("q=").or_else(|| f.strip_prefix("Q="));
            weight.is_some_and(|w| w.parse::<f32>().is_ok_and(|q| q == 0.0))
        });
        name.eq_ignore_ascii_case(coding) && !refused
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_encoding_is_read_with_its_refusals() {
        assert!(accepts_coding("gzip, deflate, br", "br"));
        assert!(accepts_coding("gzip;q=0.8", "gzip"));
        assert!(!accepts_coding("br;q=0", "br"));
        assert!(!accepts_coding("br;q=0.000", "br"));
        assert!(!accepts_coding("gzip ; Q = 0.00", "gzip"));
        assert!(accepts_coding("gzip;q=0.001", "gzip"));
        assert!(!accepts_coding("identity", "gzip"));
    }

    #[test]
    fn a_weak_etag_matches() {
        let etag = HeaderValue::from_static("\"abc\"");
        assert!(matches_etag("W/\"abc\"", &etag));
        assert!(matches_etag("\"x\", W/\"abc\"", &etag));
        assert!(matches_etag("\"abc\"", &etag));
        assert!(matches_etag("*", &etag));
        assert!(!matches_etag("W/\"abd\"", &etag));
        assert!(!matches_etag("", &etag));
    }

    #[test]
    fn the_cache_keeps_to_its_budget() {
        let cache = PageCache::new(10_000);
        for i in 0..50 {
            let body = Bytes::from(vec![b'a' + (i % 26) as u8; 1000]);
            cache.insert(format!("/p{i}"), Arc::new(prepare(HeaderMap::new(), body)));
        }
        let (n, bytes) = cache.stats();
        assert!(bytes <= 10_000, "{bytes} bytes kept");
        assert!(n > 0 && n < 50);
        // Keys and bookkeeping count, not the bodies alone.
        let bodies: usize = (0..50).filter_map(|i| cache.get(&format!("/p{i}"))).map(|p| p.identity.len()).sum();
        assert!(bytes >= bodies + n * ENTRY_OVERHEAD, "{bytes} bytes counted for {bodies} bytes of bodies");
        // The most recent entries are the ones kept.
        assert!(cache.get("/p49").is_some());
    }

    #[test]
    fn long_keys_are_counted() {
        let cache = PageCache::new(100_000);
        let body = || Arc::new(prepare(HeaderMap::new(), Bytes::from_static(b"x")));
        cache.insert("/short".into(), body());
        let short = cache.stats().1;
        cache.insert(format!("/{}", "k".repeat(4000)), body());
        assert!(cache.stats().1 - short >= 4000);
        // Many entries of long keys stay within the budget.
        for i in 0..1000 {
            cache.insert(format!("/{i}{}", "k".repeat(4000)), body());
        }
        assert!(cache.stats().1 <= 100_000, "{:?}", cache.stats());
    }

    #[test]
    fn images_are_kept_without_compressed_copies() {
        let mut headers = HeaderMap::new();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("image/png"));
        let p = prepare(headers, Bytes::from(vec![7u8; 4096]));
        assert!(p.gzip.is_empty() && p.brotli.is_empty());
        let client = Client { accept_encoding: Some(HeaderValue::from_static("br, gzip")), if_none_match: None };
        assert!(!answer(&p, &client, false).headers().contains_key(header::CONTENT_ENCODING));
        let mut headers = HeaderMap::new();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("image/svg+xml"));
        assert!(!prepare(headers, Bytes::from(vec![7u8; 4096])).gzip.is_empty());
    }

    #[tokio::test]
    async fn a_second_request_for_an_address_waits_for_the_first() {
        let cache = Arc::new(PageCache::new(10_000));
        let first = cache.claim("/p").await.expect("a claim");
        let waiting = tokio::spawn({
            let cache = cache.clone();
            async move { cache.claim("/p").await.is_some() }
        });
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        assert!(!waiting.is_finished(), "the second claim went ahead of the first");
        // Another address does not wait.
        assert!(cache.claim("/q").await.is_some());
        drop(first);
        assert!(waiting.await.unwrap());
        assert!(cache.preparing.lock().unwrap().is_empty(), "claims are let go");
    }

    /// The measurement behind the compression levels: every file of
    /// `$COMPRESSION_SAMPLES` (pages saved from a running server) at each
    /// level, time and size. `cargo test --release --lib compression_levels
    /// -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn compression_levels() {
        let Ok(dir) = std::env::var("COMPRESSION_SAMPLES") else { return };
        let pages: Vec<Vec<u8>> =
            std::fs::read_dir(dir).unwrap().map(|e| std::fs::read(e.unwrap().path()).unwrap()).collect();
        let total: usize = pages.iter().map(Vec::len).sum();
        let time = |f: &dyn Fn(&[u8]) -> usize| {
            let started = std::time::Instant::now();
            let mut size = 0;
            for _ in 0..5 {
                size = pages.iter().map(|p| f(p)).sum::<usize>();
            }
            (started.elapsed() / 5, size)
        };
        println!("{} pages, {total} bytes", pages.len());
        for level in [1, 4, 6, 9] {
            let (t, size) = time(&|p| {
                let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(level));
                enc.write_all(p).unwrap();
                enc.finish().unwrap().len()
            });
            println!("gzip {level}: {t:?}, {size} bytes ({:.1}%)", size as f64 * 100.0 / total as f64);
        }
        for quality in [4, 5, 6, 7, 9, 11] {
            let (t, size) = time(&|p| {
                let mut out = Vec::new();
                let mut w = brotli::CompressorWriter::new(&mut out, 16 * 1024, quality, 22);
                w.write_all(p).unwrap();
                drop(w);
                out.len()
            });
            println!("brotli {quality}: {t:?}, {size} bytes ({:.1}%)", size as f64 * 100.0 / total as f64);
        }
    }

    #[test]
    fn prepared_bodies_decompress_to_the_page() {
        let page = Bytes::from("<p>hello</p>".repeat(200));
        let p = prepare(HeaderMap::new(), page.clone());
        let mut out = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&p.gzip[..]), &mut out).unwrap();
        assert_eq!(out.as_bytes(), &page[..]);
        let mut out = Vec::new();
        brotli::BrotliDecompress(&mut &p.brotli[..], &mut out).unwrap();
        assert_eq!(out, page);
    }
}
