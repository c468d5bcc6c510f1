//! The export, the health check, robots.txt and the sitemap.

use std::sync::Arc;

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::web::{respond, Site};

/// `/export.json`: every statement, as `counterparts export` prints it.
pub async fn export(State(site): State<Arc<Site>>) -> Response {
    let export = crate::export::Export::from_index(&site.index);
    respond::json(StatusCode::OK, &export, None)
}

pub async fn healthz() -> Response {
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8"), (header::CACHE_CONTROL, "no-store")], "ok\n").into_response()
}

pub async fn robots(State(site): State<Arc<Site>>) -> Response {
    let body = format!("User-agent: *\nAllow: /\nSitemap: {}\n", site.absolute("/sitemap.xml"));
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], body).into_response()
}

/// Every page: the overview, topics, speakers, articles and statements.
pub async fn sitemap(State(site): State<Arc<Site>>) -> Response {
    let index = &site.index;
    let mut paths = vec!["/".to_string()];
    paths.extend(index.summit.topics.iter().map(|t| format!("/topics/{}", t.id)));
    paths.extend(index.summit.speakers.iter().map(|s| format!("/speakers/{}", s.id)));
    paths.extend(index.articles.iter().map(|a| format!("/articles/{}", a.article.id)));
    let mut seen = std::collections::HashSet::new();
    paths.extend(index.entries.iter().filter(|e| seen.insert(e.id.as_str())).map(|e| format!("/quotes/{}", e.id)));
    let mut body = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for p in paths {
        body.push_str(&format!("<url><loc>{}</loc></url>\n", xml_escape(&site.absolute(&p))));
    }
    body.push_str("</urlset>\n");
    ([(header::CONTENT_TYPE, "application/xml; charset=utf-8")], body).into_response()
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
