//! The export, the health check, robots.txt and the sitemap.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};

use crate::text::escape_markup;
use crate::web::{respond, Site};

/// `/export.json`: every statement, as `counterparts export` prints it.
pub async fn export(State(site): State<Arc<Site>>) -> Response {
    respond::json_written(site.export_json().await)
}

pub async fn healthz() -> Response {
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8"), (header::CACHE_CONTROL, "no-store")], "ok\n").into_response()
}

pub async fn robots(State(site): State<Arc<Site>>) -> Response {
    let body = format!("User-agent: *\nAllow: /\nSitemap: {}\n", site.absolute("/sitemap.xml"));
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], body).into_response()
}

/// The most addresses one sitemap file may list (sitemaps.org): past it,
/// `/sitemap.xml` becomes an index of numbered files.
pub const URLS_PER_SITEMAP: usize = 50_000;

/// `/sitemap.xml`: every page (the overview, topics, speakers, articles and
/// statements), or, for a corpus with more pages than one file may list, an
/// index of `/sitemaps/{n}.xml`.
pub async fn sitemap(State(site): State<Arc<Site>>) -> Response {
    let paths = page_paths(&site);
    let body = if paths.len() <= URLS_PER_SITEMAP {
        url_set(&site, &paths)
    } else {
        sitemap_index(&site, paths.len().div_ceil(URLS_PER_SITEMAP))
    };
    xml(body)
}

/// `/sitemaps/{n}.xml`: the `n`th file (from 1) of a sitemap too long for one.
/// The number is checked against the count of pages before any list is made:
/// a 404 costs nothing.
pub async fn sitemap_part(State(site): State<Arc<Site>>, Path(file): Path<String>) -> Result<Response, crate::web::error::PageError> {
    let files = page_count(&site).div_ceil(URLS_PER_SITEMAP);
    let number = file.strip_suffix(".xml").and_then(|n| n.parse::<usize>().ok()).filter(|n| (1..=files).contains(n));
    match number {
        // A sitemap that fits one file is only at /sitemap.xml.
        Some(n) if files > 1 => {
            let paths = page_paths(&site);
            let start = (n - 1) * URLS_PER_SITEMAP;
            Ok(xml(url_set(&site, &paths[start..(start + URLS_PER_SITEMAP).min(paths.len())])))
        }
        _ => Err(crate::web::error::PageError::not_found("sitemap file")),
    }
}

/// How many paths [`page_paths`] lists, without listing them.
fn page_count(site: &Site) -> usize {
    let index = &site.index;
    1 + index.summit.topics.len() + index.summit.speakers.len() + index.articles.len() + index.distinct_ids()
}

/// Every page of the site, in a stable order; each statement id once
/// ([`page_count`] says how many).
fn page_paths(site: &Site) -> Vec<String> {
    let index = &site.index;
    let mut paths = vec!["/".to_string()];
    paths.extend(index.summit.topics.iter().map(|t| format!("/topics/{}", t.id)));
    paths.extend(index.summit.speakers.iter().map(|s| format!("/speakers/{}", s.id)));
    paths.extend(index.articles.iter().map(|a| format!("/articles/{}", a.article.id)));
    let mut seen = std::collections::HashSet::new();
    let ids = index.entries.iter().map(|e| e.statement.id.as_str());
    paths.extend(ids.filter(|&id| seen.insert(id)).map(|id| format!("/quotes/{id}")));
    paths
}

fn url_set(site: &Site, paths: &[String]) -> String {
    let mut body = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for p in paths {
        body.push_str(&format!("<url><loc>{}</loc></url>\n", escape_markup(&site.absolute(p))));
    }
    body.push_str("</urlset>\n");
    body
}

fn sitemap_index(site: &Site, files: usize) -> String {
    let mut body =
        String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for n in 1..=files {
        body.push_str(&format!("<sitemap><loc>{}</loc></sitemap>\n", escape_markup(&site.absolute(&format!("/sitemaps/{n}.xml")))));
    }
    body.push_str("</sitemapindex>\n");
    body
}

fn xml(body: String) -> Response {
    ([(header::CONTENT_TYPE, "application/xml; charset=utf-8")], body).into_response()
}
