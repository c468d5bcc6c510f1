//! Turning a rendered page or a JSON value into a response: content type,
//! the `Link` to the page's other form, and an `ETag` so that a browser
//! that has the page gets `304 Not Modified`.

use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// "cybersecurity.json" -> ("cybersecurity", true).
pub fn split_json(param: &str) -> (&str, bool) {
    match param.strip_suffix(".json") {
        Some(stem) => (stem, true),
        None => (param, false),
    }
}

/// An HTML page whose JSON twin is at `json_url`.
pub fn html(request: &HeaderMap, status: StatusCode, body: String, json_url: Option<&str>) -> Response {
    let link = json_url.map(|u| format!("<{u}>; rel=\"alternate\"; type=\"application/json\""));
    finish(request, status, "text/html; charset=utf-8", body, link)
}

/// A JSON document whose HTML page is at `html_url`.
pub fn json<T: Serialize>(request: &HeaderMap, status: StatusCode, value: &T, html_url: Option<&str>) -> Response {
    let body = serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
    let link = html_url.map(|u| format!("<{u}>; rel=\"alternate\"; type=\"text/html\""));
    finish(request, status, "application/json", body, link)
}

fn finish(request: &HeaderMap, status: StatusCode, content_type: &'static str, body: String, link: Option<String>) -> Response {
    let etag = format!("\"{}\"", &blake3::hash(body.as_bytes()).to_hex()[..20]);
    let fresh = status.is_success()
        && request
            .get(header::IF_NONE_MATCH)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
    let mut response = if fresh { StatusCode::NOT_MODIFIED.into_response() } else { (status, body).into_response() };
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if status.is_success() {
        if let Ok(v) = HeaderValue::from_str(&etag) {
            h.insert(header::ETAG, v);
        }
        // The corpus only changes on a restart or reload: revalidate each time, cheaply.
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    }
    if let Some(v) = link.and_then(|l| HeaderValue::from_str(&l).ok()) {
        h.insert(header::LINK, v);
    }
    response
}
