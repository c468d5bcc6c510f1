//! Turning a rendered page, a JSON value or an image into a response:
//! content type and the `Link` to the page's other form. (`ETag`, `304`
//! and encodings are the page cache's: see `cache.rs`.)

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// An HTML page whose JSON twin is at `json_url`.
pub fn html(status: StatusCode, body: String, json_url: Option<&str>) -> Response {
    let link = json_url.map(|u| format!("<{u}>; rel=\"alternate\"; type=\"application/json\""));
    finish(status, "text/html; charset=utf-8", body, link)
}

/// A JSON document whose HTML page is at `html_url`.
pub fn json<T: Serialize>(status: StatusCode, value: &T, html_url: Option<&str>) -> Response {
    let body = json_bytes(value);
    let link = html_url.map(|u| format!("<{u}>; rel=\"alternate\"; type=\"text/html\""));
    finish(status, "application/json", body, link)
}

/// A value as pretty-printed JSON (an object naming the error should it not
/// serialise).
fn json_bytes<T: Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec_pretty(value).unwrap_or_else(|e| serde_json::json!({ "error": e.to_string() }).to_string().into_bytes())
}

/// JSON already written, such as the shared export.
pub fn json_written(body: axum::body::Bytes) -> Response {
    finish(StatusCode::OK, "application/json", body, None)
}

/// A PNG image.
pub fn png(body: Vec<u8>) -> Response {
    let mut response = (StatusCode::OK, body).into_response();
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("image/png"));
    response
}

fn finish(status: StatusCode, content_type: &'static str, body: impl IntoResponse, link: Option<String>) -> Response {
    let mut response = (status, body).into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Some(v) = link.and_then(|l| HeaderValue::from_str(&l).ok()) {
        h.insert(header::LINK, v);
    }
    response
}
