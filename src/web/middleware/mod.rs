//! Every layer a request goes through, and the order they wrap the router.
//!
//! From the outside in:
//! 1. The page cache (`PageCache::answer_before_routing`, called in
//!    `live.rs`): a page already prepared is answered before routing, and
//!    before waiting for a turn.
//! 2. `limits::Guard` (also in `live.rs`, around the whole router, since a
//!    layer added with `Router::layer` is one per route): at most so many
//!    requests at once, each within its time from arrival.
//! 3. [`around`], the layers of the router itself, outermost first:
//!    - the request log (`--log-requests`, tower-http's `TraceLayer`);
//!    - [`log_server_errors`]: every 5xx logged, request log or not;
//!    - `headers::security_headers`: the security headers on every response;
//!    - [`panic_response`]: a handler that panics answers a plain 500 page;
//!    - `limits::refuse_oversized`: a long address or a mountain of headers
//!      is refused before any page is looked at;
//!    - the page cache's `cache::serve_prepared`: answers from, and fills,
//!      the cache of prepared pages (the cache's own module, as it is the
//!      cache's front door);
//!    - compression of what is not prepared;
//!    - [`frame_errors`]: a handler's `PageError` rendered as the site's
//!      HTML or JSON error page.
//! 4. Around the pages that show a statement's versions or search results
//!    only, [`until_prepared`]: those wait while the index's versions and
//!    search index are still being worked out after start-up.

pub mod headers;
pub mod limits;

use std::any::Any;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::{from_fn, from_fn_with_state, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::trace::{DefaultMakeSpan, DefaultOnResponse, TraceLayer};
use tower_http::LatencyUnit;
use tracing::Level;

use super::error::PageError;
use super::request::Format;
use super::{cache, Site};

/// `router` inside the layers every response of the router goes through
/// (see the module's doc for what each does, and why in this order).
pub fn around(router: Router<Arc<Site>>, site: &Arc<Site>) -> Router<Arc<Site>> {
    // `layer` wraps what is there already: innermost first.
    router
        .layer(from_fn_with_state(site.clone(), frame_errors))
        .layer(CompressionLayer::new())
        .layer(from_fn_with_state(site.cache.clone(), cache::serve_prepared))
        .layer(from_fn(limits::refuse_oversized))
        .layer(CatchPanicLayer::custom(panic_response))
        .layer(from_fn(headers::security_headers))
        .layer(from_fn(log_server_errors))
        .layer(
            // A line per request, at info under the `tower_http` target
            // (`--log-requests`); server errors are logged above either way.
            TraceLayer::new_for_http()
                .make_span_with(DefaultMakeSpan::new().level(Level::INFO))
                .on_response(DefaultOnResponse::new().level(Level::INFO).latency_unit(LatencyUnit::Micros))
                .on_failure(()),
        )
}

/// Lets a request through once the site's warm-up is over (at once, after
/// the first seconds of a large corpus; see `Site::warm_up`).
pub async fn until_prepared(State(site): State<Arc<Site>>, request: Request, next: Next) -> Response {
    site.until_warm().await;
    next.run(request).await
}

/// Renders a handler's or extractor's [`PageError`] in the site's frame:
/// the same HTML page, or JSON error for a JSON address, whichever route it
/// came from.
pub async fn frame_errors(State(site): State<Arc<Site>>, request: Request, next: Next) -> Response {
    let format = Format::of_path(request.uri().path());
    let response = next.run(request).await;
    match response.extensions().get::<PageError>() {
        Some(error) => error.render(Some(&site), format),
        None => response,
    }
}

/// Logs every server error (5xx) with its request, whether or not each
/// request is logged (`--log-requests`): those are the lines to act on.
pub async fn log_server_errors(request: Request, next: Next) -> Response {
    let (method, uri) = (request.method().clone(), request.uri().clone());
    let response = next.run(request).await;
    if response.status().is_server_error() {
        tracing::error!(%method, %uri, status = response.status().as_u16(), "server error");
    }
    response
}

/// A handler that panicked: a plain 500 page, never a dropped connection.
pub fn panic_response(_err: Box<dyn Any + Send + 'static>) -> Response {
    tracing::error!("a request handler panicked");
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        [("content-type", "text/plain; charset=utf-8")],
        "Internal server error: something went wrong on our side.\n",
    )
        .into_response()
}
