//! Styles, script and icon, compiled into the binary and served at paths
//! that carry a hash of their content, so browsers may cache them forever.

use std::sync::OnceLock;

use axum::extract::Path;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

struct Asset {
    /// "style.css"
    name: &'static str,
    content_type: &'static str,
    body: &'static str,
}

const ASSETS: &[Asset] = &[
    Asset { name: "style.css", content_type: "text/css; charset=utf-8", body: include_str!("../../static/style.css") },
    Asset { name: "app.js", content_type: "text/javascript; charset=utf-8", body: include_str!("../../static/app.js") },
    Asset { name: "icon.svg", content_type: "image/svg+xml", body: include_str!("../../static/icon.svg") },
];

/// "/static/style.3f9a1c0b2d.css" for "style.css".
fn hashed_name(a: &Asset) -> String {
    let hash = &blake3::hash(a.body.as_bytes()).to_hex()[..10];
    let (stem, ext) = a.name.rsplit_once('.').unwrap_or((a.name, ""));
    format!("{stem}.{hash}.{ext}")
}

fn urls() -> &'static Vec<String> {
    static URLS: OnceLock<Vec<String>> = OnceLock::new();
    URLS.get_or_init(|| ASSETS.iter().map(|a| format!("/static/{}", hashed_name(a))).collect())
}

/// The URL of an asset by its plain name ("style.css").
pub fn url(name: &str) -> &'static str {
    let i = ASSETS.iter().position(|a| a.name == name).expect("a known asset name");
    &urls()[i]
}

/// All asset URLs, for tests and the sitemap of what exists.
pub fn all_urls() -> &'static [String] {
    urls()
}

/// Serves `/static/{file}`: only the current hashed names exist.
pub async fn serve(Path(file): Path<String>) -> Response {
    let found = ASSETS.iter().zip(urls()).find(|(_, u)| u.strip_prefix("/static/") == Some(file.as_str()));
    match found {
        Some((a, _)) => (
            [
                (header::CONTENT_TYPE, HeaderValue::from_static(a.content_type)),
                (header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=31536000, immutable")),
            ],
            a.body,
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}
