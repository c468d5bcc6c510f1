//! The web app and the library that feeds it, driven in-process: every
//! route, its JSON twin, error pages, caching, compression, security headers,
//! and that nothing from an article reaches a page unescaped (through
//! `tower::ServiceExt::oneshot`, no sockets); what loading does with bad
//! files (`bad_input`), ids that hold across reloads (`ids`), quotes that can
//! be traced word for word (`trust`), 10,000 odd requests (`hostile_requests`),
//! reloading under load on a socket (`reload`), and a reader's path through
//! the site in headless Chromium (`browser`).
//!
//! Pages are checked against the export (`/export.json`), so the tests
//! follow the corpus instead of hard-coding what the analysis finds.
//!
//! The tests are in files by subject, in one test binary so that the
//! project's tests link as few binaries as they can (each costs a link of the
//! whole program); the helpers every file uses are below and in
//! `tests/support`.

use std::path::Path;
use std::sync::Arc;

use axum::http::{header, Method, StatusCode};
use serde_json::Value;

use counterparts::index::Index;
use counterparts::web::Site;
use counterparts::{Library, LoadOptions};

// Only the helpers this file needs from `tests/support` (not the scorer).
#[path = "../support/app.rs"]
mod app;
#[path = "../support/html.rs"]
mod html;

use app::*;
use html::*;

mod bad_input;
mod browser;
mod contracts;
mod hold;
mod hostile_requests;
mod ids;
mod lists;
mod pages;
mod reload;
mod reports;
mod search;
mod site_wide;
mod transcript;
mod trust;

// ---------------------------------------------------------------------------
// Checks shared by every page
// ---------------------------------------------------------------------------

/// The security headers every response must carry, whatever its status.
fn assert_security_headers(reply: &Reply, what: &str) {
    let csp = reply.header(header::CONTENT_SECURITY_POLICY);
    assert!(!csp.is_empty(), "{what}: no Content-Security-Policy");
    assert!(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), "{what}: weak CSP {csp:?}");
    assert!(csp.contains("script-src 'self'") || csp.contains("default-src 'self'"), "{what}: CSP lets in other scripts: {csp:?}");
    assert_eq!(reply.header(header::X_CONTENT_TYPE_OPTIONS), "nosniff", "{what}");
    assert!(!reply.header(header::REFERRER_POLICY).is_empty(), "{what}: no Referrer-Policy");
    assert_eq!(reply.header(header::X_FRAME_OPTIONS), "DENY", "{what}");
}

/// No inline script or style and no event-handler attributes: the CSP
/// would block them, and they are how injected markup would run.
fn assert_no_inline_code(html: &str, what: &str) {
    for tag in tags(html) {
        if tag.name == "script" {
            assert!(tag.attr("src").is_some_and(|s| !s.is_empty()), "{what}: a <script> without src: {tag:?}");
        }
        assert_ne!(tag.name, "style", "{what}: a <style> element");
        for (name, _) in &tag.attrs {
            assert_ne!(name, "style", "{what}: a style= attribute on {tag:?}");
            assert!(!name.starts_with("on"), "{what}: an event handler {name}= on {tag:?}");
        }
    }
}

/// The URL in a `Link` header value, with the header's parameters.
fn parse_link(value: &str) -> (String, String) {
    let (url, params) = value.split_once(">;").unwrap_or_else(|| panic!("not a Link value: {value:?}"));
    (url.trim().trim_start_matches('<').to_string(), params.replace(' ', ""))
}

/// A 200 response carries an ETag; sending it back gives 304 with no body.
async fn assert_revalidates(site: &Arc<Site>, uri: &str, reply: &Reply) {
    let etag = reply.header(header::ETAG);
    assert!(etag.starts_with('"') && etag.len() > 2, "GET {uri}: no ETag ({etag:?})");
    let again = send(site, Method::GET, uri, &[("if-none-match", etag)]).await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED, "GET {uri} with If-None-Match {etag}");
    assert!(again.body.is_empty(), "GET {uri}: a 304 with a body");
    assert_eq!(again.header(header::ETAG), etag, "GET {uri}: the 304 names another ETag");
    assert_security_headers(&again, &format!("304 for {uri}"));
    let stale = send(site, Method::GET, uri, &[("if-none-match", "\"stale\"")]).await;
    assert_eq!(stale.status, StatusCode::OK, "GET {uri} with a stale ETag");
}

/// Everything true of any HTML page that answers 200: type, headers, no
/// inline code, and a revalidating ETag.
async fn assert_html_basics(site: &Arc<Site>, uri: &str, reply: &Reply) {
    assert_eq!(reply.status, StatusCode::OK, "GET {uri}: {}", reply.text());
    assert_eq!(reply.header(header::CONTENT_TYPE), "text/html; charset=utf-8", "GET {uri}");
    assert!(reply.text().starts_with("<!DOCTYPE html>"), "GET {uri}: not an HTML document");
    assert_security_headers(reply, uri);
    assert_no_inline_code(reply.text(), uri);
    assert_revalidates(site, uri, reply).await;
}

/// Fetches a JSON document that must answer 200 and revalidate; its
/// `Link` header must point back to the HTML page `html_path`.
async fn fetch_twin(site: &Arc<Site>, uri: &str, html_path: &str) -> Value {
    let reply = get_ok(site, uri).await;
    assert!(reply.header(header::CONTENT_TYPE).starts_with("application/json"), "GET {uri}: {}", reply.header(header::CONTENT_TYPE));
    assert_security_headers(&reply, uri);
    assert_revalidates(site, uri, &reply).await;
    let (back, params) = parse_link(reply.header(header::LINK));
    assert_eq!(back, html_path, "GET {uri}: Link back to the page");
    assert!(params.contains("rel=\"alternate\"") && params.contains("type=\"text/html\""), "GET {uri}: Link {params}");
    reply.json()
}

/// Checks the HTML page at `path` and its JSON twin at `twin` (announced in
/// the `Link` header and in `<link rel="alternate">`), and returns both.
async fn check_page(site: &Arc<Site>, path: &str, twin: &str) -> (String, Value) {
    let reply = get(site, path).await;
    assert_html_basics(site, path, &reply).await;
    let (link, params) = parse_link(reply.header(header::LINK));
    assert_eq!(link, twin, "GET {path}: the Link header's target");
    assert!(params.contains("rel=\"alternate\""), "GET {path}: Link {params}");
    assert!(params.contains("type=\"application/json\""), "GET {path}: Link {params}");
    let alternate = tags(reply.text())
        .into_iter()
        .find(|t| t.name == "link" && t.attr("rel") == Some("alternate") && t.attr("type") == Some("application/json"))
        .and_then(|t| t.attr("href").map(String::from));
    assert_eq!(alternate.as_deref(), Some(twin), "GET {path}: <link rel=alternate type=application/json>");
    // The twin links back to the very page, query string and all.
    let json = fetch_twin(site, twin, path).await;
    (reply.text().to_string(), json)
}

// ---------------------------------------------------------------------------
// The export, as the reference for what pages show
// ---------------------------------------------------------------------------

/// One statement of the export, with the article it is in.
#[derive(Debug, Clone)]
struct Said {
    id: String,
    article: String,
    speaker: Option<String>,
    text: String,
    topics: Vec<String>,
}

/// `/export.json`, flattened: every statement in source order.
async fn export(site: &Arc<Site>) -> (Value, Vec<Said>) {
    let reply = get_ok(site, "/export.json").await;
    assert!(reply.header(header::CONTENT_TYPE).starts_with("application/json"));
    let doc = reply.json();
    let mut said = Vec::new();
    for a in doc["articles"].as_array().expect("articles") {
        for s in a["statements"].as_array().expect("statements") {
            said.push(Said {
                id: str_of(&s["id"]),
                article: str_of(&a["id"]),
                speaker: s["speaker"].as_str().map(String::from),
                text: str_of(&s["text"]),
                topics: s["topics"].as_array().expect("topics").iter().map(str_of).collect(),
            });
        }
    }
    (doc, said)
}

fn str_of(v: &Value) -> String {
    v.as_str().unwrap_or_else(|| panic!("not a string: {v}")).to_string()
}

/// The ids of a list of statement views, in order.
fn ids_of(statements: &Value) -> Vec<String> {
    statements.as_array().expect("a list of statements").iter().map(|s| str_of(&s["id"])).collect()
}

/// The ids in `/export.json` of every topic, speaker or article.
fn ids_in(doc: &Value, list: &str) -> Vec<String> {
    doc[list].as_array().expect(list).iter().map(|x| str_of(&x["id"])).collect()
}

/// The words of a statement, lower case, as search reads them.
fn words_of(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

fn sorted(mut ids: Vec<String>) -> Vec<String> {
    ids.sort();
    ids.dedup();
    ids
}

/// The width and height of a PNG, decoding it whole.
fn png_size(body: &[u8], what: &str) -> (u32, u32) {
    let decoder = png::Decoder::new(body);
    let mut reader = decoder.read_info().unwrap_or_else(|e| panic!("{what}: not a PNG: {e}"));
    let mut pixels = vec![0; reader.output_buffer_size()];
    let frame = reader.next_frame(&mut pixels).unwrap_or_else(|e| panic!("{what}: a broken PNG: {e}"));
    (frame.width, frame.height)
}
