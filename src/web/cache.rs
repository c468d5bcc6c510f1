//! Prepared responses: every page and JSON document is rendered once per
//! index, on its first request, and kept with its gzip and brotli forms and
//! an `ETag`. Later requests are answered from memory, as a static file
//! server would: the right encoding for the client, or `304 Not Modified`.
//!
//! The corpus is read-only while it is served, so a prepared page never goes
//! stale; a reload builds a new site with an empty cache. The cache holds at
//! most a byte budget; past it, the pages least recently asked for are let go
//! (and rendered again if asked for again).
//!
//! Requests for an address that is being prepared wait for it rather than
//! render it again: a link shared somewhere busy brings many previews asking
//! for the same page and share card at once, and a card is costly to draw.
//! Images that are compressed already (PNG) are kept as they are.

use std::collections::HashMap;
use std::io::Write;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, RwLock};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Bodies larger than this are served as they come, not kept.
const MAX_PREPARED_BYTES: usize = 64 * 1024 * 1024;

/// One prepared response.
struct Prepared {
    headers: HeaderMap,
    identity: Bytes,
    gzip: Bytes,
    brotli: Bytes,
    etag: HeaderValue,
    last_used: AtomicU64,
}

impl Prepared {
    fn size(&self) -> usize {
        self.identity.len() + self.gzip.len() + self.brotli.len()
    }
}

pub struct PageCache {
    entries: RwLock<HashMap<String, Arc<Prepared>>>,
    /// Addresses being prepared, each with the lock its later requests wait on.
    preparing: Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
    bytes: AtomicUsize,
    budget: usize,
    clock: AtomicU64,
}

impl PageCache {
    /// A cache that keeps at most `budget` bytes of prepared responses.
    pub fn new(budget: usize) -> PageCache {
        PageCache {
            entries: RwLock::new(HashMap::new()),
            preparing: Mutex::new(HashMap::new()),
            bytes: AtomicUsize::new(0),
            budget,
            clock: AtomicU64::new(0),
        }
    }

    /// Waits until no other request is preparing `key`, then holds it until
    /// the claim is dropped.
    async fn claim(self: &Arc<Self>, key: &str) -> Option<Claim> {
        let lock = self.preparing.lock().ok()?.entry(key.to_string()).or_default().clone();
        let guard = lock.lock_owned().await;
        Some(Claim { cache: self.clone(), key: key.to_string(), _guard: guard })
    }

    /// How many responses are prepared, and their bytes (all encodings).
    pub fn stats(&self) -> (usize, usize) {
        (self.entries.read().map(|e| e.len()).unwrap_or(0), self.bytes.load(Ordering::Relaxed))
    }

    fn get(&self, key: &str) -> Option<Arc<Prepared>> {
        let found = self.entries.read().ok()?.get(key).cloned()?;
        found.last_used.store(self.clock.fetch_add(1, Ordering::Relaxed), Ordering::Relaxed);
        Some(found)
    }

    fn insert(&self, key: String, prepared: Arc<Prepared>) {
        let Ok(mut entries) = self.entries.write() else { return };
        let size = prepared.size();
        if let Some(old) = entries.insert(key, prepared) {
            self.bytes.fetch_sub(old.size(), Ordering::Relaxed);
        }
        let total = self.bytes.fetch_add(size, Ordering::Relaxed) + size;
        if total > self.budget {
            self.evict(&mut entries);
        }
    }

    /// Lets go of the least recently used quarter of the entries, or more,
    /// until the cache is back under three quarters of its budget.
    fn evict(&self, entries: &mut HashMap<String, Arc<Prepared>>) {
        let mut by_age: Vec<(u64, String)> =
            entries.iter().map(|(k, p)| (p.last_used.load(Ordering::Relaxed), k.clone())).collect();
        by_age.sort_unstable();
        let target = self.budget / 4 * 3;
        let quarter = entries.len() / 4;
        for (i, (_, key)) in by_age.into_iter().enumerate() {
            if self.bytes.load(Ordering::Relaxed) <= target && i >= quarter {
                break;
            }
            if let Some(p) = entries.remove(&key) {
                self.bytes.fetch_sub(p.size(), Ordering::Relaxed);
            }
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

/// The middleware: answers from the cache, or prepares what the router
/// returns. Only successful responses without an encoding are kept; a HEAD
/// prepares the page as a GET would, so it carries the same `ETag`.
pub async fn serve_prepared(State(cache): State<Arc<PageCache>>, request: Request, next: Next) -> Response {
    let cacheable = matches!(*request.method(), Method::GET | Method::HEAD)
        && request.uri().path() != "/healthz"
        && request.uri().query().is_none_or(only_known_parameters);
    if !cacheable {
        return next.run(request).await;
    }
    let head = request.method() == Method::HEAD;
    let client = Client::of(request.headers());
    let key = request.uri().path_and_query().map_or(request.uri().path(), |pq| pq.as_str());
    if let Some(p) = cache.get(key) {
        return answer(&p, &client, head);
    }
    let key = key.to_string();
    let _claim = cache.claim(&key).await;
    // Whoever held the address before has prepared it by now, if it can be.
    if let Some(p) = cache.get(&key) {
        return answer(&p, &client, head);
    }
    // Ask the router for the plain page; encodings and 304s are ours.
    let mut request = request;
    *request.method_mut() = Method::GET;
    request.headers_mut().remove(header::ACCEPT_ENCODING);
    request.headers_mut().remove(header::IF_NONE_MATCH);
    let response = next.run(request).await;
    // A response too large to keep (the export of a very large corpus) is
    // sent as it is, uncompressed, rather than refused.
    let too_large = axum::body::HttpBody::size_hint(response.body()).lower() > MAX_PREPARED_BYTES as u64;
    if response.status() != StatusCode::OK || response.headers().contains_key(header::CONTENT_ENCODING) || too_large {
        return if head { without_body(response) } else { response };
    }
    let (parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_PREPARED_BYTES).await else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "The response was too large to prepare.").into_response();
    };
    let prepared = Arc::new(prepare(parts.headers, bytes));
    cache.insert(key, prepared.clone());
    answer(&prepared, &client, false)
}

/// Query parameters that pages read. An address with others is served but
/// not kept: made-up parameters must not fill the cache with copies.
const KNOWN_PARAMETERS: &[&str] = &["q", "speaker", "topic", "article", "page"];

fn only_known_parameters(query: &str) -> bool {
    query.split('&').filter(|p| !p.is_empty()).all(|p| KNOWN_PARAMETERS.contains(&p.split('=').next().unwrap_or("")))
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
    let etag = HeaderValue::from_str(&format!("\"{}\"", &blake3::hash(&identity).to_hex()[..20]))
        .expect("a hex string is a valid header value");
    headers.remove(header::CONTENT_LENGTH);
    headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    headers.entry(header::CACHE_CONTROL).or_insert(HeaderValue::from_static("no-cache"));
    // An empty encoding is never sent: `answer` falls back to the identity.
    let (gzip, brotli) =
        if compressible(&headers) { (gzip(&identity), brotli(&identity)) } else { (Bytes::new(), Bytes::new()) };
    Prepared { gzip, brotli, identity, headers, etag, last_used: AtomicU64::new(0) }
}

fn gzip(body: &[u8]) -> Bytes {
    let mut enc = flate2::write::GzEncoder::new(Vec::with_capacity(body.len() / 4), flate2::Compression::default());
    // Writing to a Vec cannot fail.
    let _ = enc.write_all(body);
    Bytes::from(enc.finish().unwrap_or_default())
}

fn brotli(body: &[u8]) -> Bytes {
    // A page is compressed once and sent many times: spend the effort,
    // except on very large documents where time to first byte matters more.
    let quality = if body.len() > 1024 * 1024 { 5 } else { 9 };
    let mut out = Vec::with_capacity(body.len() / 4);
    {
        let mut w = brotli::CompressorWriter::new(&mut out, 16 * 1024, quality, 22);
        let _ = w.write_all(body);
    }
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
    let has_it = client
        .if_none_match
        .as_ref()
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == p.etag || t.trim() == "*"));
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

/// Does an Accept-Encoding value accept `coding` (and not with q=0)?
fn accepts_coding(accept: &str, coding: &str) -> bool {
    accept.split(',').any(|part| {
        let mut fields = part.split(';').map(str::trim);
        let name = fields.next().unwrap_or("");
        let refused = fields.any(|f| f.replace(' ', "") == "q=0" || f.replace(' ', "") == "q=0.0");
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
        assert!(!accepts_coding("identity", "gzip"));
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
        // The most recent entries are the ones kept.
        assert!(cache.get("/p49").is_some());
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
