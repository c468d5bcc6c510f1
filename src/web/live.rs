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
use crate::library::{Library, LoadOptions};

pub struct Live {
    router: RwLock<Router>,
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
        // Serve at once: `app` has groups and the search index worked out
        // alongside, and a request that needs them before waits for them.
        let router = app(Arc::new(Site::with_cache_budget(index, public_url, cache_budget)));
        let permits = Arc::new(tokio::sync::Semaphore::new(super::limits::MAX_CONCURRENT_REQUESTS));
        Arc::new(Live { router: RwLock::new(router), cache_budget, permits, public_url: public_url.to_string(), load })
    }

    fn current(&self) -> Router {
        match self.router.read() {
            Ok(r) => r.clone(),
            // A panic while swapping cannot leave a half-written router:
            // the value is replaced whole, so the poisoned one is still good.
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// Loads the corpus again and swaps it in if it loaded; returns what was
    /// loaded, or why the old corpus is still being served.
    pub async fn reload(self: &Arc<Self>) -> Result<String, String> {
        let started = Instant::now();
        let load = self.load.clone();
        let built = tokio::task::spawn_blocking(move || -> Result<(Index, String), String> {
            let library = Library::load(&load).map_err(|e| e.to_string())?;
            for line in library.warnings() {
                tracing::warn!("{line}");
            }
            let r = library.report();
            if r.articles == 0 {
                return Err("no article could be loaded".to_string());
            }
            let summary = format!("{} articles ({} skipped), {} statements", r.articles, r.skipped, r.statements);
            let index = Index::build(library);
            // The new corpus is swapped in whole, groups and search index with it.
            index.prepare();
            Ok((index, summary))
        })
        .await
        .map_err(|e| format!("the reload stopped: {e}"))??;
        let (index, summary) = built;
        let router = app(Arc::new(Site::with_cache_budget(index, &self.public_url, self.cache_budget)));
        match self.router.write() {
            Ok(mut r) => *r = router,
            Err(poisoned) => *poisoned.into_inner() = router,
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

/// The service the server runs: each request goes to the router current
/// when it arrives, and finishes there even if a reload swaps another in
/// meanwhile; it waits its turn and has its time counted from arrival.
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
        let router = self.0.current();
        super::limits::Guard::new(router, self.0.permits.clone()).call(request)
    }
}
