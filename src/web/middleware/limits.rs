//! Limits on what a request may be and what it may take: a long address or
//! a mountain of headers is refused before any page is looked at; at most
//! [`MAX_CONCURRENT_REQUESTS`] are served at once across the whole site, and
//! each has [`REQUEST_TIMEOUT`] from its arrival, its wait for a turn included.

use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tokio::sync::Semaphore;
use tower::{Service, ServiceExt};

/// Longest address accepted (path and query), in bytes.
pub const MAX_URI_BYTES: usize = 4096;
/// Most header bytes accepted (names and values together).
pub const MAX_HEADER_BYTES: usize = 16 * 1024;
/// Requests served at once; more wait their turn.
pub const MAX_CONCURRENT_REQUESTS: usize = 1024;
/// How long one request may take, from its arrival, before it is answered with 408.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// Serves requests through `inner`, at most as many at once as `permits`
/// allows, each within its time from arrival.
///
/// It wraps the whole router, not each route: `Router::layer` gives every
/// route a layer of its own, so a concurrency limit added there would be a
/// limit per route (the test below shows both).
#[derive(Clone)]
pub struct Guard<S> {
    pub inner: S,
    pub permits: Arc<Semaphore>,
    pub timeout: Duration,
}

impl<S> Guard<S> {
    pub fn new(inner: S, permits: Arc<Semaphore>) -> Guard<S> {
        Guard { inner, permits, timeout: REQUEST_TIMEOUT }
    }
}

impl<S> Service<Request> for Guard<S>
where
    S: Service<Request, Response = Response, Error = Infallible> + Clone + Send + 'static,
    S::Future: Send,
{
    type Response = Response;
    type Error = Infallible;
    type Future = Pin<Box<dyn Future<Output = Result<Response, Infallible>> + Send>>;

    fn poll_ready(&mut self, _cx: &mut std::task::Context<'_>) -> std::task::Poll<Result<(), Infallible>> {
        std::task::Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: Request) -> Self::Future {
        let deadline = tokio::time::Instant::now() + self.timeout;
        let (inner, permits) = (self.inner.clone(), self.permits.clone());
        Box::pin(async move {
            let work = async move {
                // The semaphore is never closed; were it, the request would
                // simply go ahead.
                let _turn = permits.acquire_owned().await.ok();
                inner.oneshot(request).await
            };
            match tokio::time::timeout_at(deadline, work).await {
                Ok(answered) => answered,
                Err(_) => Ok(timed_out()),
            }
        })
    }
}

/// 408, with the headers every response carries.
fn timed_out() -> Response {
    let message = format!("The request took too long: at most {} seconds.\n", REQUEST_TIMEOUT.as_secs());
    let mut response = (StatusCode::REQUEST_TIMEOUT, message).into_response();
    super::headers::apply(response.headers_mut());
    response
}

/// Is the address or are the headers of `request` over their limits?
pub fn oversized(request: &Request) -> bool {
    uri_bytes(request) > MAX_URI_BYTES || header_bytes(request) > MAX_HEADER_BYTES
}

fn uri_bytes(request: &Request) -> usize {
    request.uri().path_and_query().map_or(0, |pq| pq.as_str().len())
}

fn header_bytes(request: &Request) -> usize {
    request.headers().iter().map(|(k, v)| k.as_str().len() + v.len()).sum()
}

pub async fn refuse_oversized(request: Request, next: Next) -> Response {
    if uri_bytes(&request) > MAX_URI_BYTES {
        let message = format!("The address is too long: at most {MAX_URI_BYTES} bytes.\n");
        return (StatusCode::URI_TOO_LONG, message).into_response();
    }
    if header_bytes(&request) > MAX_HEADER_BYTES {
        let message = format!("The request headers are too large: at most {MAX_HEADER_BYTES} bytes.\n");
        return (StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE, message).into_response();
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use axum::body::Body;
    use axum::routing::get;
    use axum::Router;

    /// Two routes whose handlers count how many run at once.
    fn counting_router(active: Arc<AtomicUsize>, most: Arc<AtomicUsize>) -> Router {
        let handler = move || {
            let (active, most) = (active.clone(), most.clone());
            async move {
                let now = active.fetch_add(1, Ordering::SeqCst) + 1;
                most.fetch_max(now, Ordering::SeqCst);
                tokio::time::sleep(Duration::from_millis(40)).await;
                active.fetch_sub(1, Ordering::SeqCst);
                "ok"
            }
        };
        Router::new().route("/a", get(handler.clone())).route("/b", get(handler))
    }

    /// Sends 8 requests at once, half to each route; returns the most
    /// handlers that ran at the same time.
    async fn most_at_once<S>(service: S, most: Arc<AtomicUsize>) -> usize
    where
        S: Service<Request, Response = Response, Error = Infallible> + Clone + Send + 'static,
        S::Future: Send,
    {
        let tasks: Vec<_> = (0..8)
            .map(|i| {
                let service = service.clone();
                let path = if i % 2 == 0 { "/a" } else { "/b" };
                tokio::spawn(service.oneshot(Request::get(path).body(Body::empty()).unwrap()))
            })
            .collect();
        for t in tasks {
            assert_eq!(t.await.unwrap().unwrap().status(), StatusCode::OK);
        }
        most.load(Ordering::SeqCst)
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn the_limit_is_one_for_the_whole_site_not_one_per_route() {
        let (active, most) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
        let guarded = Guard::new(counting_router(active.clone(), most.clone()), Arc::new(Semaphore::new(2)));
        assert!(most_at_once(guarded, most).await <= 2, "at most 2 at once across both routes");
        // What the guard replaces: `Router::layer` limits each route on its own.
        let (active, most) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
        let per_route = counting_router(active, most.clone()).layer(tower::limit::ConcurrencyLimitLayer::new(2));
        assert!(most_at_once(per_route, most).await > 2, "Router::layer limits per route");
    }

    #[tokio::test]
    async fn the_time_of_a_request_counts_its_wait_for_a_turn() {
        let (active, most) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
        let permits = Arc::new(Semaphore::new(1));
        let _all_taken = permits.clone().acquire_owned().await.unwrap();
        let mut guard = Guard::new(counting_router(active, most), permits);
        guard.timeout = Duration::from_millis(50);
        let response = guard.oneshot(Request::get("/a").body(Body::empty()).unwrap()).await.unwrap();
        assert_eq!(response.status(), StatusCode::REQUEST_TIMEOUT);
        assert!(response.headers().contains_key("content-security-policy"));
    }
}
