//! Limits on what a request may be: a long address or a mountain of
//! headers is refused before any page is looked at.

use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Longest address accepted (path and query), in bytes.
pub const MAX_URI_BYTES: usize = 4096;
/// Most header bytes accepted (names and values together).
pub const MAX_HEADER_BYTES: usize = 16 * 1024;
/// Requests served at once; more wait their turn.
pub const MAX_CONCURRENT_REQUESTS: usize = 1024;

pub async fn refuse_oversized(request: Request, next: Next) -> Response {
    let uri_len = request.uri().path_and_query().map_or(0, |pq| pq.as_str().len());
    if uri_len > MAX_URI_BYTES {
        let message = format!("The address is too long: at most {MAX_URI_BYTES} bytes.\n");
        return (StatusCode::URI_TOO_LONG, message).into_response();
    }
    let header_bytes: usize = request.headers().iter().map(|(k, v)| k.as_str().len() + v.len()).sum();
    if header_bytes > MAX_HEADER_BYTES {
        let message = format!("The request headers are too large: at most {MAX_HEADER_BYTES} bytes.\n");
        return (StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE, message).into_response();
    }
    next.run(request).await
}
