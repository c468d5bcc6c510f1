//! The site being served, and reloading it without dropping a request.
//!
//! Requests go to whatever router is current. A reload (SIGHUP, or a change
//! in the articles folder with `--watch`) loads and indexes the corpus again
//! beside the one being served, and swaps the new router in only if it
//! built cleanly; a broken corpus leaves the old one serving and says why.

use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant, SystemTime};

use axum::extract::Request;
use axum::response::Response;
use axum::Router;
use tower::Service;

use super::{app, Site};
use crate::index::Index;
use crate::library::LoadOptions;
use crate::load::load_index;

pub struct Live {
    current: RwLock<Current>,
    /// Bytes each site's page cache may keep.
    cache_budget: usize,
    /// Turns to serve a request, shared by every router this serves: one
    /// limit for the whole site, across reloads.
    permits: Arc<tokio::sync::Semaphore>,
    public_url: String,
    load: LoadOptions,
}

impl Live {
    pub fn new(index: Index, public_url: &str, load: LoadOptions, cache_budget: usize) -> Arc<Live> {
        // Serve at once: the site warms up alongside (versions and the search
        // index worked out), and a request that needs them waits for them.
        let current = Current::new(Site::with_cache_budget(index, public_url, cache_budget));
        let permits = Arc::new(tokio::sync::Semaphore::new(super::middleware::limits::MAX_CONCURRENT_REQUESTS));
        Arc::new(Live { current: RwLock::new(current), cache_budget, permits, public_url: public_url.to_string(), load })
    }

    /// The current site and router, read in place.
    fn current(&self) -> std::sync::RwLockReadGuard<'_, Current> {
        // A panic while swapping cannot leave a half-written value: it is
        // replaced whole, so the poisoned one is still good.
        self.current.read().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Loads the corpus again and swaps it in if it loaded; returns what was
    /// loaded, or why the old corpus is still being served.
    pub async fn reload(self: &Arc<Self>) -> Result<String, String> {
        let started = Instant::now();
        let load = self.load.clone();
        let built = tokio::task::spawn_blocking(move || -> Result<(Index, String), String> {
            let (index, r) = load_index(&load).map_err(|e| e.to_string())?;
            let summary = format!("{} articles ({} skipped), {} statements", r.articles, r.skipped, r.statements);
            // The new corpus is swapped in whole, versions and search index with it.
            index.prepare();
            Ok((index, summary))
        })
        .await
        .map_err(|e| format!("the reload stopped: {e}"))??;
        let (index, summary) = built;
        let current = Current::new(Site::with_cache_budget(index, &self.public_url, self.cache_budget));
        match self.current.write() {
            Ok(mut c) => *c = current,
            Err(poisoned) => *poisoned.into_inner() = current,
        }
        Ok(format!("{summary} in {} ms", started.elapsed().as_millis()))
    }

    /// Reloads and logs the outcome.
    pub async fn reload_and_log(self: &Arc<Self>, why: &str) {
        tracing::info!("reloading ({why})");
        match self.reload().await {
            Ok(summary) => tracing::info!("reloaded: {summary}"),
            Err(e) => tracing::error!("reload failed, still serving the previous corpus: {e}"),
        }
    }

    /// Watches the articles folder (and the summit file) every `every`,
    /// reloading when a file is added, removed or changed.
    pub async fn watch(self: Arc<Self>, every: Duration) {
        let mut last = self.fingerprint();
        loop {
            tokio::time::sleep(every).await;
            let now = self.fingerprint();
            if now != last {
                last = now;
                self.reload_and_log("the articles changed").await;
            }
        }
    }

    /// Names, sizes and modification times of every input file.
    fn fingerprint(&self) -> Vec<(String, u64, Option<SystemTime>)> {
        let mut files = Vec::new();
        if let Some(dir) = &self.load.articles {
            if let Ok(entries) = std::fs::read_dir(dir) {
                for e in entries.flatten() {
                    let meta = e.metadata().ok();
                    files.push((
                        e.file_name().to_string_lossy().into_owned(),
                        meta.as_ref().map_or(0, |m| m.len()),
                        meta.and_then(|m| m.modified().ok()),
                    ));
                }
            }
        }
        if let Some(summit) = &self.load.summit {
            let meta = std::fs::metadata(summit).ok();
            files.push((summit.display().to_string(), meta.as_ref().map_or(0, |m| m.len()), meta.and_then(|m| m.modified().ok())));
        }
        files.sort();
        files
    }
}

/// The site being served and its router.
struct Current {
    site: Arc<Site>,
    router: Router,
}

impl Current {
    /// The site served, warming up: its versions and search index are worked
    /// out while it answers.
    fn new(site: Site) -> Current {
        let site = Arc::new(site);
        site.warm_up();
        Current { router: app(site.clone()), site }
    }
}

/// The service the server runs: each request goes to the router current
/// when it arrives, and finishes there even if a reload swaps another in
/// meanwhile; it waits its turn and has its time counted from arrival. A
/// page already prepared is answered at once, ahead of the router and of
/// the queue for a turn (`PageCache::answer_before_routing`).
#[derive(Clone)]
pub struct LiveService(pub Arc<Live>);

impl Service<Request> for LiveService {
    type Response = Response;
    type Error = Infallible;
    type Future = Pin<Box<dyn Future<Output = Result<Response, Infallible>> + Send>>;

    fn poll_ready(&mut self, _cx: &mut std::task::Context<'_>) -> std::task::Poll<Result<(), Infallible>> {
        std::task::Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: Request) -> Self::Future {
        let router = {
            let current = self.0.current();
            if let Some(prepared) = current.site.cache.answer_before_routing(&request) {
                return Box::pin(std::future::ready(Ok(prepared)));
            }
            current.router.clone()
        };
        super::middleware::limits::Guard::new(router, self.0.permits.clone()).call(request)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use axum::http::{HeaderMap, Method, StatusCode};
    use http_body_util::BodyExt;
    use tower::ServiceExt;

    fn seeds() -> Arc<Live> {
        let load = LoadOptions::default();
        let index = Index::build(crate::library::Library::load(&load).expect("the seeds load"));
        Live::new(index, "https://example.org", load, crate::web::CACHE_BUDGET_BYTES)
    }

    async fn send(live: &Arc<Live>, method: &Method, path: &str, headers: &[(&str, &str)]) -> (StatusCode, HeaderMap, Vec<u8>) {
        let mut request = Request::builder().method(method.clone()).uri(path);
        for (k, v) in headers {
            request = request.header(*k, *v);
        }
        let response = LiveService(live.clone()).oneshot(request.body(Body::empty()).unwrap()).await.unwrap();
        let (parts, body) = response.into_parts();
        (parts.status, parts.headers, body.collect().await.unwrap().to_bytes().to_vec())
    }

    fn prepared(live: &Arc<Live>, method: &Method, path: &str, headers: &[(&str, &str)]) -> bool {
        let mut request = Request::builder().method(method.clone()).uri(path);
        for (k, v) in headers {
            request = request.header(*k, *v);
        }
        live.current().site.cache.answer_before_routing(&request.body(Body::empty()).unwrap()).is_some()
    }

    /// A request: its method, address and headers.
    type Case<'a> = (Method, &'a str, Vec<(&'a str, &'a str)>);

    /// A prepared page answered ahead of the router is the router's answer
    /// to the byte: status, every header (security headers, encoding,
    /// `ETag`, `Vary`), body, for GET, HEAD, every encoding and a 304.
    #[tokio::test]
    async fn a_prepared_page_is_answered_before_routing_exactly_as_the_router_answers_it() {
        let live = seeds();
        let (_, first, _) = send(&live, &Method::GET, "/topics/cybersecurity", &[]).await;
        let etag = first["etag"].to_str().unwrap().to_string();
        let weak = format!("W/{etag}");
        let cases: Vec<Case> = vec![
            (Method::GET, "/", vec![]),
            (Method::HEAD, "/", vec![]),
            (Method::GET, "/", vec![("accept-encoding", "br, gzip")]),
            (Method::GET, "/", vec![("accept-encoding", "gzip")]),
            (Method::HEAD, "/", vec![("accept-encoding", "br")]),
            (Method::GET, "/topics/cybersecurity", vec![("if-none-match", etag.as_str())]),
            (Method::GET, "/topics/cybersecurity", vec![("if-none-match", weak.as_str())]),
            (Method::GET, "/topics/cybersecurity?z=1", vec![]),
            (Method::GET, "/search?q=cyber", vec![("accept-encoding", "gzip;q=0, br")]),
            (Method::GET, "/index.json", vec![]),
            (Method::GET, crate::web::assets::url("style.css"), vec![("accept-encoding", "br")]),
        ];
        for (method, path, headers) in &cases {
            // Asked once through the router, which prepares it if needed.
            let routed = send(&live, method, path, headers).await;
            assert!(prepared(&live, method, path, headers), "{method} {path} is prepared");
            let before_routing = send(&live, method, path, headers).await;
            assert_eq!(routed, before_routing, "{method} {path} {headers:?}");
            assert!(routed.1.contains_key("content-security-policy"), "{method} {path}");
        }
        assert_eq!(send(&live, &Method::GET, "/topics/cybersecurity", &[("if-none-match", &etag)]).await.0, StatusCode::NOT_MODIFIED);
    }

    /// What the router answers otherwise is never taken from the cache:
    /// other methods, an address too long, too many header bytes, a page
    /// not prepared, the health check.
    #[tokio::test]
    async fn only_prepared_pages_are_answered_before_routing() {
        let live = seeds();
        send(&live, &Method::GET, "/", &[]).await;
        assert!(prepared(&live, &Method::GET, "/", &[]));
        assert!(!prepared(&live, &Method::POST, "/", &[]));
        assert!(!prepared(&live, &Method::GET, "/speakers/putin", &[]));
        assert!(!prepared(&live, &Method::GET, "/healthz", &[]));
        let long = format!("/?z={}", "a".repeat(crate::web::middleware::limits::MAX_URI_BYTES));
        assert!(!prepared(&live, &Method::GET, &long, &[]));
        assert_eq!(send(&live, &Method::GET, &long, &[]).await.0, StatusCode::URI_TOO_LONG);
        let big = "b".repeat(crate::web::middleware::limits::MAX_HEADER_BYTES);
        assert!(!prepared(&live, &Method::GET, "/", &[("x-big", &big)]));
        assert_eq!(send(&live, &Method::GET, "/", &[("x-big", &big)]).await.0, StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE);
    }
}
