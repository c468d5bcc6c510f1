//! Sites and requests for the tests that drive the web app in-process
//! through `tower::ServiceExt::oneshot` (no sockets): a site over the
//! built-in corpus or a folder, and a request's reply read whole.
// Each test file uses some of these.
#![allow(dead_code)]

use std::path::Path;
use std::sync::{Arc, OnceLock};

use axum::body::{Body, Bytes};
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

use counterparts::index::Index;
use counterparts::web::{app, Site};
use counterparts::{Library, LoadOptions};

/// The public address every site in these tests is published at.
pub const PUBLIC_URL: &str = "https://counterparts.example";

/// The site over the built-in corpus, built once for all tests.
pub fn seed_site() -> Arc<Site> {
    static SITE: OnceLock<Arc<Site>> = OnceLock::new();
    SITE.get_or_init(|| {
        site_of(Library::load(&LoadOptions::default()).expect("the built-in corpus loads"))
    })
    .clone()
}

/// A site over the `*.txt` files of `dir`, with the built-in summit.
pub fn site_from_dir(dir: &Path) -> Arc<Site> {
    let opts = LoadOptions { articles: Some(dir.to_path_buf()), summit: None };
    site_of(Library::load(&opts).expect("the folder loads"))
}

/// A site over a library already loaded.
pub fn site_of(library: Library) -> Arc<Site> {
    Arc::new(Site::new(Index::build(library), PUBLIC_URL))
}

/// A response with its body read whole.
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl Reply {
    /// A header's value, or "" when it is missing.
    pub fn header(&self, name: impl header::AsHeaderName) -> &str {
        self.headers.get(name).map_or("", |v| v.to_str().expect("an ASCII header value"))
    }

    pub fn text(&self) -> &str {
        std::str::from_utf8(&self.body).expect("a UTF-8 body")
    }

    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| panic!("the body is not JSON ({e}): {}", self.text()))
    }
}

/// Sends one request through a fresh router over `site`.
pub async fn call(site: &Arc<Site>, request: Request<Body>) -> Reply {
    let response = app(site.clone()).oneshot(request).await.expect("the router never fails");
    let (parts, body) = response.into_parts();
    let body = body.collect().await.expect("a readable body").to_bytes();
    Reply { status: parts.status, headers: parts.headers, body }
}

/// `method uri` with the given request headers.
pub async fn send(site: &Arc<Site>, method: Method, uri: &str, headers: &[(&str, &str)]) -> Reply {
    let mut builder = Request::builder().method(method).uri(uri);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    call(site, builder.body(Body::empty()).expect("a valid request")).await
}

pub async fn get(site: &Arc<Site>, uri: &str) -> Reply {
    send(site, Method::GET, uri, &[]).await
}

/// GET that must answer 200; returns the reply.
pub async fn get_ok(site: &Arc<Site>, uri: &str) -> Reply {
    let reply = get(site, uri).await;
    assert_eq!(reply.status, StatusCode::OK, "GET {uri}: {}", reply.text());
    reply
}

/// GET that must answer 200; its body as text.
pub async fn get_text(site: &Arc<Site>, uri: &str) -> String {
    get_ok(site, uri).await.text().to_string()
}

/// GET that must answer 200 with JSON; the value.
pub async fn get_json(site: &Arc<Site>, uri: &str) -> Value {
    get_ok(site, uri).await.json()
}
