//! The web app, driven in-process through `tower::ServiceExt::oneshot` (no
//! sockets): every route, its JSON twin, error pages, caching, compression,
//! security headers, and that nothing from an article reaches a page
//! unescaped.
//!
//! Pages are checked against the export (`/export.json`), so the tests
//! follow the corpus instead of hard-coding what the analysis finds.

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
const PUBLIC_URL: &str = "https://counterparts.example";

// ---------------------------------------------------------------------------
// Sites and requests
// ---------------------------------------------------------------------------

/// The site over the built-in corpus, built once for all tests.
fn seed_site() -> Arc<Site> {
    static SITE: OnceLock<Arc<Site>> = OnceLock::new();
    SITE.get_or_init(|| {
        let library = Library::load(&LoadOptions::default()).expect("the built-in corpus loads");
        Arc::new(Site::new(Index::build(library), PUBLIC_URL))
    })
    .clone()
}

/// A site over the `*.txt` files of `dir`, with the built-in summit.
fn site_from_dir(dir: &Path) -> Arc<Site> {
    let opts = LoadOptions { articles: Some(dir.to_path_buf()), summit: None };
    let library = Library::load(&opts).expect("the folder loads");
    Arc::new(Site::new(Index::build(library), PUBLIC_URL))
}

/// A response with its body read whole.
struct Reply {
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
}

impl Reply {
    /// A header's value, or "" when it is missing.
    fn header(&self, name: impl header::AsHeaderName) -> &str {
        self.headers.get(name).map_or("", |v| v.to_str().expect("an ASCII header value"))
    }

    fn text(&self) -> &str {
        std::str::from_utf8(&self.body).expect("a UTF-8 body")
    }

    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| panic!("the body is not JSON ({e}): {}", self.text()))
    }
}

/// Sends one request through a fresh router over `site`.
async fn call(site: &Arc<Site>, request: Request<Body>) -> Reply {
    let response = app(site.clone()).oneshot(request).await.expect("the router never fails");
    let (parts, body) = response.into_parts();
    let body = body.collect().await.expect("a readable body").to_bytes();
    Reply { status: parts.status, headers: parts.headers, body }
}

/// `method uri` with the given request headers.
async fn send(site: &Arc<Site>, method: Method, uri: &str, headers: &[(&str, &str)]) -> Reply {
    let mut builder = Request::builder().method(method).uri(uri);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    call(site, builder.body(Body::empty()).expect("a valid request")).await
}

async fn get(site: &Arc<Site>, uri: &str) -> Reply {
    send(site, Method::GET, uri, &[]).await
}

/// GET that must answer 200; returns the reply.
async fn get_ok(site: &Arc<Site>, uri: &str) -> Reply {
    let reply = get(site, uri).await;
    assert_eq!(reply.status, StatusCode::OK, "GET {uri}: {}", reply.text());
    reply
}

// ---------------------------------------------------------------------------
// A small HTML scanner: start tags and their attributes
// ---------------------------------------------------------------------------

/// One start tag, with its attribute values unescaped.
#[derive(Debug)]
struct Tag {
    name: String,
    attrs: Vec<(String, String)>,
}

impl Tag {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// Every start tag of `html`, in order. Escaped text (`&lt;b&gt;`) is not a
/// tag; a raw `<b>` that escaped escaping is.
fn tags(html: &str) -> Vec<Tag> {
    let bytes = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        i += off + 1;
        if !bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
            continue; // closing tag, comment, doctype or a stray '<'
        }
        let name_end = html[i..].find(|c: char| c.is_whitespace() || c == '>' || c == '/').map_or(html.len(), |n| i + n);
        let name = html[i..name_end].to_ascii_lowercase();
        let (attrs, end) = attributes(html, name_end);
        out.push(Tag { name, attrs });
        i = end;
    }
    out
}

/// The attributes of a tag from `pos` up to its `>`, and where it ends.
fn attributes(html: &str, mut pos: usize) -> (Vec<(String, String)>, usize) {
    let bytes = html.as_bytes();
    let mut attrs = Vec::new();
    loop {
        while pos < bytes.len() && (bytes[pos].is_ascii_whitespace() || bytes[pos] == b'/') {
            pos += 1;
        }
        if pos >= bytes.len() || bytes[pos] == b'>' {
            return (attrs, pos);
        }
        let name_end = html[pos..].find(|c: char| c.is_whitespace() || c == '=' || c == '>').map_or(html.len(), |n| pos + n);
        let name = html[pos..name_end].to_ascii_lowercase();
        pos = name_end;
        let mut value = String::new();
        if bytes.get(pos) == Some(&b'=') {
            pos += 1;
            let (raw, end) = match bytes.get(pos) {
                Some(&q) if q == b'"' || q == b'\'' => {
                    let close = html[pos + 1..].find(q as char).map_or(html.len(), |n| pos + 1 + n);
                    (&html[pos + 1..close], close + 1)
                }
                _ => {
                    let end = html[pos..].find(|c: char| c.is_whitespace() || c == '>').map_or(html.len(), |n| pos + n);
                    (&html[pos..end], end)
                }
            };
            value = unescape(raw);
            pos = end;
        }
        attrs.push((name, value));
    }
}

/// Decodes the character references of HTML text or an attribute value:
/// numeric (`&#60;`, `&#x3c;`) and the few named ones a page may use.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded = rest.find(';').filter(|&end| end <= 10).and_then(|end| {
            let name = &rest[1..end];
            let c = match name {
                "lt" => Some('<'),
                "gt" => Some('>'),
                "amp" => Some('&'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => match name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok().and_then(char::from_u32),
                    None => name.strip_prefix('#').and_then(|d| d.parse().ok()).and_then(char::from_u32),
                },
            };
            c.map(|c| (c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// HTML-escapes `s` the way the app's templates (askama) do.
fn escape(s: &str) -> String {
    s.replace('&', "&#38;").replace('<', "&#60;").replace('>', "&#62;").replace('"', "&#34;").replace('\'', "&#39;")
}

/// Does `html` show `text` escaped, in askama's numeric references or in
/// the named ones (`&lt;script&gt;`)?
fn shows_escaped(html: &str, text: &str) -> bool {
    let named = text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
    html.contains(&escape(text)) || html.contains(&named)
}

/// The `href` of the first `<link>` whose `rel` is `rel`.
fn link_href(html: &str, rel: &str) -> Option<String> {
    tags(html).into_iter().find(|t| t.name == "link" && t.attr("rel") == Some(rel)).and_then(|t| t.attr("href").map(String::from))
}

/// The `content` of `<meta property=key>` or `<meta name=key>`.
fn meta_content(html: &str, key: &str) -> Option<String> {
    tags(html)
        .into_iter()
        .find(|t| t.name == "meta" && (t.attr("property") == Some(key) || t.attr("name") == Some(key)))
        .and_then(|t| t.attr("content").map(String::from))
}

/// The part of a page from the first occurrence of `start` to the next `end`.
fn section<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let from = html.find(start).unwrap_or_else(|| panic!("{start:?} is not in the page"));
    let to = html[from..].find(end).map_or(html.len(), |n| from + n);
    &html[from..to]
}

/// The statement ids the "Permalink" links of `html` point to, in order.
fn permalink_ids(html: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let mut rest = html;
    while let Some(p) = rest.find("\">Permalink") {
        let href_start = rest[..p].rfind("href=\"/quotes/").expect("a Permalink link to /quotes/");
        ids.push(rest[href_start + "href=\"/quotes/".len()..p].to_string());
        rest = &rest[p + 1..];
    }
    ids
}

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

// ---------------------------------------------------------------------------
// Pages
// ---------------------------------------------------------------------------

#[tokio::test]
async fn home_page_and_its_twin_at_index_json() {
    let site = seed_site();
    let (doc, said) = export(&site).await;
    let (html, json) = check_page(&site, "/", "/index.json").await;
    assert_eq!(json["statement_count"].as_u64(), Some(said.len() as u64));
    assert_eq!(json["summit"]["title"], doc["summit"]["title"]);
    let articles: Vec<String> = json["articles"].as_array().unwrap().iter().map(|a| str_of(&a["article"]["id"])).collect();
    assert_eq!(articles, ids_in(&doc, "articles"));
    // The page links every topic, speaker and article.
    for t in ids_in(&doc, "topics") {
        assert!(html.contains(&format!("href=\"/topics/{t}\"")), "no link to topic {t}");
    }
    for s in ids_in(&doc, "speakers") {
        assert!(html.contains(&format!("href=\"/speakers/{s}\"")), "no link to speaker {s}");
    }
    for a in &articles {
        assert!(html.contains(&format!("href=\"/articles/{a}\"")), "no link to article {a}");
    }
    assert_eq!(link_href(&html, "canonical").as_deref(), Some("https://counterparts.example/"));
}

#[tokio::test]
async fn every_topic_page_has_one_column_per_speaker_in_source_order() {
    let site = seed_site();
    let (doc, said) = export(&site).await;
    let speakers = doc["speakers"].as_array().unwrap();
    let mut empty_columns = 0;
    for topic in ids_in(&doc, "topics") {
        let path = format!("/topics/{topic}");
        let (html, json) = check_page(&site, &path, &format!("{path}.json")).await;
        assert_eq!(json["topic"]["id"], topic.as_str());
        let columns = json["columns"].as_array().expect("columns");
        assert_eq!(columns.len(), speakers.len(), "{path}: one column per speaker");
        assert_eq!(html.matches("<section class=\"column ").count(), speakers.len(), "{path}: HTML columns");
        for (column, speaker) in columns.iter().zip(speakers) {
            let sid = str_of(&speaker["id"]);
            let name = str_of(&speaker["name"]);
            assert_eq!(column["speaker"]["id"], sid.as_str(), "{path}: columns in the summit's order");
            // Exactly the export's statements by this speaker on this topic, in source order.
            let expected: Vec<String> = said
                .iter()
                .filter(|s| s.speaker.as_deref() == Some(sid.as_str()) && s.topics.contains(&topic))
                .map(|s| s.id.clone())
                .collect();
            let shown = ids_of(&column["statements"]);
            assert_each_statement_once(&site, &shown, &expected, &format!("{path}: {sid}'s column")).await;
            for s in column["statements"].as_array().unwrap() {
                assert_eq!(s["speaker"], sid.as_str(), "{path}: a statement in the wrong column");
                assert!(ids_of(&s["topics"]).contains(&topic), "{path}: a statement not on the topic");
            }
            // The HTML column shows the same cards in the same order.
            let col_html = section(&html, &format!("aria-labelledby=\"col-{sid}\""), "</section>");
            assert_eq!(permalink_ids(col_html), shown, "{path}: the order of {sid}'s HTML cards");
            let nothing = format!("The coverage has nothing from {name}");
            if expected.is_empty() {
                empty_columns += 1;
                assert!(col_html.contains(&nothing), "{path}: the empty {sid} column does not say so");
            } else {
                assert!(!col_html.contains(&nothing), "{path}: {sid}'s column has statements yet says it has none");
            }
        }
        assert_cards_link_in_context(&html, &json["columns"], &said, &path);
    }
    assert!(empty_columns > 0, "the seed corpus has a topic one speaker never spoke on; no empty column was found");
}

/// The ids of every version of statement `id` (one statement reported by
/// several articles, or again in one), as its quote page lists them.
async fn versions_of(site: &Arc<Site>, id: &str) -> Vec<String> {
    let json = get_ok(site, &format!("/quotes/{id}.json")).await.json();
    let mut ids = ids_of(&json["versions"]);
    ids.sort();
    ids.dedup();
    ids
}

/// `shown` lists each statement of `expected` (ids in source order) once:
/// every one of them is shown, itself or as a version of one shown; no two
/// shown are versions of each other; and they come in the order of their
/// first report.
async fn assert_each_statement_once(site: &Arc<Site>, shown: &[String], expected: &[String], what: &str) {
    let mut firsts = Vec::new();
    for id in shown {
        let versions = versions_of(site, id).await;
        let first = expected.iter().position(|e| versions.contains(e));
        firsts.push(first.unwrap_or_else(|| panic!("{what}: {id} is not expected here")));
    }
    assert!(firsts.windows(2).all(|w| w[0] < w[1]), "{what}: not in source order, or shown twice: {shown:?}");
    for e in expected {
        let versions = versions_of(site, e).await;
        assert!(shown.iter().any(|s| versions.contains(s)), "{what}: {e} is missing");
    }
}

/// Each card of each column links "In context" to its article's anchor and
/// "Permalink" to its quote page.
fn assert_cards_link_in_context(html: &str, columns: &Value, said: &[Said], path: &str) {
    for column in columns.as_array().unwrap() {
        for s in column["statements"].as_array().unwrap() {
            let id = str_of(&s["id"]);
            let article = str_of(&s["article"]["id"]);
            assert!(said.iter().any(|x| x.id == id && x.article == article), "{path}: {id} is not in {article}");
            let context = format!("/articles/{article}#s-{id}");
            assert_eq!(s["context_url"], context.as_str(), "{path}: context_url of {id}");
            assert_eq!(s["url"], format!("/quotes/{id}").as_str(), "{path}: url of {id}");
            assert!(html.contains(&format!("<a href=\"{context}\">In context")), "{path}: no In context link for {id}");
            assert!(html.contains(&format!("<a href=\"/quotes/{id}\">Permalink")), "{path}: no Permalink for {id}");
        }
    }
}

#[tokio::test]
async fn every_speaker_page_shows_all_their_statements_by_topic() {
    let site = seed_site();
    let (doc, said) = export(&site).await;
    for speaker in doc["speakers"].as_array().unwrap() {
        let sid = str_of(&speaker["id"]);
        let path = format!("/speakers/{sid}");
        let (html, json) = check_page(&site, &path, &format!("{path}.json")).await;
        let theirs: Vec<&Said> = said.iter().filter(|s| s.speaker.as_deref() == Some(sid.as_str())).collect();
        assert_eq!(json["speaker"]["id"], sid.as_str());
        let mut statements = std::collections::HashSet::new();
        for s in &theirs {
            statements.insert(versions_of(&site, &s.id).await);
        }
        assert_eq!(json["count"].as_u64(), Some(statements.len() as u64), "{path}: count of statements, not reports");
        assert!(html.contains(&escape(&str_of(&speaker["name"]))), "{path}: no name");
        for group in json["groups"].as_array().unwrap() {
            let topic = str_of(&group["topic"]["id"]);
            let expected: Vec<String> = theirs.iter().filter(|s| s.topics.contains(&topic)).map(|s| s.id.clone()).collect();
            let what = format!("{path}: the {topic} group");
            assert_each_statement_once(&site, &ids_of(&group["statements"]), &expected, &what).await;
        }
        // Every statement of theirs is somewhere on the page, itself or as a version.
        let shown = permalink_ids(&html);
        for s in &theirs {
            let versions = versions_of(&site, &s.id).await;
            assert!(shown.iter().any(|id| versions.contains(id)), "{path}: {} is missing", s.id);
        }
    }
}

#[tokio::test]
async fn every_article_page_anchors_every_statement() {
    let site = seed_site();
    let (doc, said) = export(&site).await;
    for article in ids_in(&doc, "articles") {
        let path = format!("/articles/{article}");
        let (html, json) = check_page(&site, &path, &format!("{path}.json")).await;
        let expected: Vec<String> = said.iter().filter(|s| s.article == article).map(|s| s.id.clone()).collect();
        assert_eq!(json["article"]["id"], article.as_str());
        assert_eq!(ids_of(&json["statements"]), expected, "{path}: statements in source order");
        for id in &expected {
            let anchor = format!("id=\"s-{id}\"");
            assert_eq!(html.matches(&anchor).count(), 1, "{path}: the anchor {anchor} (the target of \"In context\")");
        }
    }
}

#[tokio::test]
async fn quote_pages_show_the_statement_with_previews_and_permalink() {
    let site = seed_site();
    let (_, said) = export(&site).await;
    assert!(said.len() >= 5, "the seed corpus has statements");
    let mut seen = std::collections::HashSet::new();
    // Every distinct statement id of the export (the first with each id is the one shown).
    for s in said.iter().filter(|s| seen.insert(s.id.clone())) {
        let path = format!("/quotes/{}", s.id);
        let (html, json) = check_page(&site, &path, &format!("{path}.json")).await;
        let permalink = format!("{PUBLIC_URL}{path}");
        // The twin holds the statement asked for.
        assert_eq!(json["statement"]["id"], s.id.as_str(), "{path}");
        assert_eq!(json["statement"]["text"], s.text.as_str(), "{path}");
        assert_eq!(json["statement"]["speaker"].as_str(), s.speaker.as_deref(), "{path}");
        assert_eq!(json["permalink"], permalink.as_str(), "{path}");
        // Link previews and the canonical link, from the public address.
        assert_eq!(link_href(&html, "canonical").as_deref(), Some(permalink.as_str()), "{path}: canonical");
        assert_eq!(meta_content(&html, "og:url").as_deref(), Some(permalink.as_str()), "{path}: og:url");
        // The title is the heading (speaker and topic) and the first words.
        let title = meta_content(&html, "og:title").unwrap_or_default();
        assert!(title.starts_with(json["heading"].as_str().unwrap_or("?")) && title.len() > json["heading"].as_str().unwrap_or("").len(), "{path}: og:title {title:?}");
        assert_eq!(meta_content(&html, "og:type").as_deref(), Some("article"), "{path}: og:type");
        assert_eq!(meta_content(&html, "og:site_name").as_deref(), Some("Counterparts"), "{path}: og:site_name");
        let start: String = s.text.chars().take(40).collect();
        // The share card is the preview's picture, shown large.
        let card = format!("{permalink}.png");
        assert_eq!(meta_content(&html, "og:image").as_deref(), Some(card.as_str()), "{path}: og:image");
        assert_eq!(meta_content(&html, "og:image:type").as_deref(), Some("image/png"), "{path}: og:image:type");
        assert_eq!(meta_content(&html, "og:image:width").as_deref(), Some("1200"), "{path}: og:image:width");
        assert_eq!(meta_content(&html, "og:image:height").as_deref(), Some("630"), "{path}: og:image:height");
        let alt = meta_content(&html, "og:image:alt").unwrap_or_default();
        let speaker = json["statement"]["speaker_name"].as_str().unwrap_or_default();
        // The card's words: a quote as his, reported speech said to be reported.
        let direct = json["statement"]["kind"] == "direct";
        let words_start = if direct { format!("\u{201c}{}", start.trim_end()) } else { "Reported ".to_string() };
        assert!(alt.starts_with(&format!("{speaker}: {words_start}")), "{path}: og:image:alt {alt:?}");
        assert!(alt.chars().count() <= 301, "{path}: og:image:alt is not shortened");
        assert_eq!(meta_content(&html, "twitter:card").as_deref(), Some("summary_large_image"), "{path}: twitter:card");
        assert_eq!(meta_content(&html, "twitter:image").as_deref(), Some(card.as_str()), "{path}: twitter:image");
        let description = meta_content(&html, "og:description").unwrap_or_else(|| panic!("{path}: no og:description"));
        assert!(description.starts_with(&words_start), "{path}: og:description {description:?} is not the words");
        // The copy-link field holds the absolute permalink.
        let input = tags(&html).into_iter().find(|t| t.name == "input" && t.attr("id") == Some("permalink"));
        assert_eq!(input.and_then(|t| t.attr("value").map(String::from)).as_deref(), Some(permalink.as_str()), "{path}");
        // The words appear, escaped, and the page links back into the article.
        assert!(shows_escaped(&html, &s.text), "{path}: the statement's words are not on the page");
        assert!(html.contains(&format!("href=\"/articles/{}#s-{}\"", s.article, s.id)), "{path}: no link in context");
    }
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

#[tokio::test]
async fn every_quote_has_a_share_card_of_1200_by_630() {
    let site = seed_site();
    let (_, said) = export(&site).await;
    let mut seen = std::collections::HashSet::new();
    for s in said.iter().filter(|s| seen.insert(s.id.clone())) {
        let uri = format!("/quotes/{}.png", s.id);
        let reply = get_ok(&site, &uri).await;
        assert_eq!(reply.header(header::CONTENT_TYPE), "image/png", "GET {uri}");
        assert_eq!(png_size(&reply.body, &uri), (1200, 630), "GET {uri}");
        assert_security_headers(&reply, &uri);
    }
}

#[tokio::test]
async fn share_cards_revalidate_answer_head_and_are_not_compressed_again() {
    // A site of its own: the first request for the card here is a HEAD.
    let library = Library::load(&LoadOptions::default()).expect("the built-in corpus loads");
    let site = Arc::new(Site::new(Index::build(library), PUBLIC_URL));
    let (_, said) = export(&site).await;
    let uri = format!("/quotes/{}.png", said[0].id);
    let head = send(&site, Method::HEAD, &uri, &[]).await;
    assert_eq!(head.status, StatusCode::OK, "HEAD {uri}");
    assert!(head.body.is_empty(), "HEAD {uri}: a body");
    assert_eq!(head.header(header::CONTENT_TYPE), "image/png", "HEAD {uri}");
    let reply = get_ok(&site, &uri).await;
    assert!(!reply.header(header::ETAG).is_empty(), "GET {uri}: no ETag");
    assert_eq!(head.header(header::ETAG), reply.header(header::ETAG), "HEAD {uri}: another version than GET");
    assert_eq!(head.header(header::CONTENT_LENGTH), reply.body.len().to_string(), "HEAD {uri}: Content-Length");
    assert_revalidates(&site, &uri, &reply).await;
    // PNG is compressed already: the same bytes whatever the client accepts.
    let encoded = send(&site, Method::GET, &uri, &[("accept-encoding", "br, gzip")]).await;
    assert_eq!(encoded.status, StatusCode::OK);
    assert_eq!(encoded.header(header::CONTENT_ENCODING), "", "GET {uri}: compressed again");
    assert_eq!(encoded.body, reply.body, "GET {uri}: another body");
    // Previews asking for a new card at the same moment all get the one card.
    let other = format!("/quotes/{}.png", said.iter().find(|s| s.id != said[0].id).expect("two statements").id);
    let at_once: Vec<_> = (0..6)
        .map(|_| {
            let (site, other) = (site.clone(), other.clone());
            tokio::spawn(async move { get(&site, &other).await })
        })
        .collect();
    let mut etags = std::collections::HashSet::new();
    for task in at_once {
        let r = task.await.expect("a request task");
        assert_eq!(r.status, StatusCode::OK, "GET {other} at once");
        etags.insert(r.header(header::ETAG).to_string());
    }
    assert_eq!(etags.len(), 1, "GET {other} at once: {etags:?}");
}

#[tokio::test]
async fn a_card_for_no_statement_is_the_404_page() {
    let site = seed_site();
    for uri in ["/quotes/nothing.png", "/quotes/.png", "/quotes/nothing.json.png", "/quotes/nothing.png.json"] {
        let reply = get(&site, uri).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "GET {uri}");
        assert_security_headers(&reply, uri);
        if !uri.ends_with(".json") {
            assert_eq!(reply.header(header::CONTENT_TYPE), "text/html; charset=utf-8", "GET {uri}");
            assert!(reply.text().contains("There is no statement at this address."), "GET {uri}: {}", reply.text());
        }
    }
}

#[tokio::test]
async fn search_finds_every_form_of_the_words_and_marks_them() {
    let site = seed_site();
    let (_, said) = export(&site).await;

    // Every statement with a form of "attack" is found, and nothing else.
    let forms = ["attack", "attacks", "attacked", "attacking"];
    let (html, json) = search(&site, "q=attacks").await;
    let expected: Vec<String> = said
        .iter()
        .filter(|s| words_of(&s.text).iter().any(|w| forms.contains(&w.as_str())))
        .map(|s| s.id.clone())
        .collect();
    assert!(!expected.is_empty(), "the seeds speak of attacks");
    assert_eq!(sorted(ids_of(&json["results"])), sorted(expected.clone()));
    assert_eq!(json["total"].as_u64(), Some(expected.len() as u64));
    assert_eq!(json["query"], "attacks");
    assert_eq!(sorted(permalink_ids(&html)), sorted(expected), "the HTML shows the same results");
    assert!(html.contains("value=\"attacks\""), "the search box keeps the query");
    // The matched words, and only they, are marked.
    for hit in json["results"].as_array().unwrap() {
        let marked: Vec<&Value> = hit["marked"].as_array().unwrap().iter().filter(|p| p["marked"] == true).collect();
        assert!(!marked.is_empty(), "a result with nothing marked: {hit}");
        for m in marked {
            let w = str_of(&m["text"]).to_lowercase();
            assert!(forms.contains(&w.as_str()), "{w:?} is marked");
        }
        let whole: String = hit["marked"].as_array().unwrap().iter().map(|p| str_of(&p["text"])).collect();
        assert_eq!(whole, str_of(&hit["text"]), "the marked stretches are the statement's words");
    }
    assert!(html.contains("<mark>"), "the HTML marks the words");
}

#[tokio::test]
async fn search_phrases_exclusions_and_odd_queries() {
    let site = seed_site();
    let (_, said) = export(&site).await;

    // A phrase in quotation marks finds the words side by side only.
    let (_, loose) = search(&site, "q=human+rights").await;
    let (_, phrase) = search(&site, "q=%22human+rights%22").await;
    let phrase_ids = ids_of(&phrase["results"]);
    assert!(!phrase_ids.is_empty());
    for id in &phrase_ids {
        let s = said.iter().find(|s| &s.id == id).unwrap();
        assert!(words_of(&s.text).windows(2).any(|w| w[0] == "human" && w[1] == "rights"), "{id}: {}", s.text);
    }
    assert!(loose["total"].as_u64() >= phrase["total"].as_u64());

    // A word after "-" is left out.
    let (_, with) = search(&site, "q=cyber").await;
    let (_, without) = search(&site, "q=cyber+-infrastructure").await;
    assert!(without["total"].as_u64() < with["total"].as_u64(), "a cyber statement mentions infrastructure");
    assert!(without["total"].as_u64() > Some(0));
    for id in ids_of(&without["results"]) {
        let s = said.iter().find(|s| s.id == id).unwrap();
        assert!(!words_of(&s.text).contains(&"infrastructure".to_string()), "{id}");
    }

    // Words that match nothing, and queries that are all punctuation or half syntax.
    for q in ["zebra+quasar", "%21%21%21", "%22unclosed", "title%3Afoo", "AND", "%2B%2B%2B"] {
        let (html, json) = search(&site, &format!("q={q}")).await;
        if json["total"].as_u64() == Some(0) {
            assert!(html.contains("Nothing matches"), "{q}: no-results message");
        }
    }
    let (html, json) = search(&site, "q=title%3Afoo").await;
    assert!(!json["problems"].as_array().unwrap().is_empty(), "an unknown field is reported");
    assert!(html.contains("could not be read"), "and said on the page");

    // The longest query allowed is still served.
    let longest = format!("q={}", "a".repeat(200));
    search(&site, &longest).await;
}

#[tokio::test]
async fn search_filters_and_counts_what_each_filter_gives() {
    let site = seed_site();
    let (_, said) = export(&site).await;

    // A speaker filter alone lists their statements in source order.
    let (_, json) = search(&site, "speaker=putin").await;
    let putin: Vec<String> = said.iter().filter(|s| s.speaker.as_deref() == Some("putin")).map(|s| s.id.clone()).collect();
    assert!(!putin.is_empty());
    assert_eq!(ids_of(&json["results"]), putin);
    let (html, json) = search(&site, "speaker=biden&topic=cybersecurity").await;
    let both: Vec<String> = said
        .iter()
        .filter(|s| s.speaker.as_deref() == Some("biden") && s.topics.iter().any(|t| t == "cybersecurity"))
        .map(|s| s.id.clone())
        .collect();
    assert!(!both.is_empty());
    assert_eq!(ids_of(&json["results"]), both);
    assert!(html.contains("<option value=\"biden\" selected>"), "the speaker stays selected");
    assert!(html.contains("<option value=\"cybersecurity\" selected>"), "the topic stays selected");

    // The counts of each speaker add up to the results of the words alone,
    // and choosing one gives as many results as its count said.
    let (_, words) = search(&site, "q=talks").await;
    let total = words["total"].as_u64().unwrap();
    let facets = &words["facets"];
    let speakers = facets["speakers"].as_array().unwrap();
    let counted: u64 = speakers.iter().map(|v| v["count"].as_u64().unwrap()).sum();
    let others = said.iter().filter(|s| s.speaker.is_none() && words_of(&s.text).iter().any(|w| w == "talks" || w == "talk")).count();
    assert_eq!(counted + others as u64, total);
    for v in speakers.iter().chain(facets["topics"].as_array().unwrap()).chain(facets["articles"].as_array().unwrap()) {
        let url = str_of(&v["url"]);
        let query = url.split_once('?').unwrap().1;
        let (_, narrowed) = search(&site, query).await;
        assert_eq!(narrowed["total"], v["count"], "{url}");
    }

    // The article filter keeps to one article, with the words.
    let article = str_of(&facets["articles"][0]["id"]);
    let (_, json) = search(&site, &format!("q=talks&article={article}")).await;
    assert!(json["total"].as_u64().unwrap() > 0);
    assert!(json["results"].as_array().unwrap().iter().all(|r| r["article"]["id"] == article.as_str()));
    // A chosen filter links to the search without it.
    let chosen = json["facets"]["articles"].as_array().unwrap().iter().find(|v| v["selected"] == true).unwrap();
    assert_eq!(str_of(&chosen["url"]), "/search?q=talks");

    // Unknown filter values are refused.
    for bad in ["speaker=nobody", "topic=nothing", "article=no-such-article"] {
        let reply = get(&site, &format!("/search?q=talks&{bad}")).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{bad}");
    }
}

/// `/search?{query}` as HTML and `/search.json?{query}` as JSON, both 200.
async fn search(site: &Arc<Site>, query: &str) -> (String, Value) {
    let path = format!("/search?{query}");
    let reply = get(site, &path).await;
    assert_html_basics(site, &path, &reply).await;
    let json = fetch_twin(site, &format!("/search.json?{query}"), &format!("/search?{query}")).await;
    (reply.text().to_string(), json)
}

/// With more articles than the article counts list, the articles with the
/// most matches are listed, most first; a chosen article is listed however
/// few matches it has, and its count is still right.
#[tokio::test]
async fn the_article_counts_list_the_busiest_articles_and_the_chosen_one() {
    let dir = tempfile::tempdir().unwrap();
    // Article k has k statements about harbours: 1 to 14.
    for k in 1..=14 {
        let said: String = (0..k).map(|n| format!("\u{201c}Our harbours are open, number {n} of {k},\u{201d} Biden said.\n\n")).collect();
        std::fs::write(dir.path().join(format!("port-{k:02}.txt")), format!("Port news {k}\n\n{said}")).unwrap();
    }
    let site = site_from_dir(dir.path());
    let listed = |json: &Value| -> Vec<(String, u64)> {
        json["facets"]["articles"].as_array().unwrap().iter().map(|v| (str_of(&v["id"]), v["count"].as_u64().unwrap())).collect()
    };
    let (_, json) = search(&site, "q=harbours").await;
    let expected: Vec<(String, u64)> = (5..=14).rev().map(|k| (format!("port-{k:02}"), k)).collect();
    assert_eq!(listed(&json), expected);

    let (_, json) = search(&site, "q=harbours&article=port-02").await;
    assert_eq!(json["total"], 2);
    let mut with_chosen = expected.clone();
    with_chosen.push(("port-02".to_string(), 2));
    assert_eq!(listed(&json), with_chosen);
}

#[tokio::test]
async fn search_results_page_links_to_the_twin_with_the_same_query() {
    let site = seed_site();
    // The twin of a results page is the same search as JSON, not the empty search.
    let (html, json) = check_page(&site, "/search?q=cyber", "/search.json?q=cyber").await;
    assert!(json["total"].as_u64().unwrap() > 0);
    assert_eq!(json["query"], "cyber");
    assert_eq!(ids_of(&json["results"]).len(), permalink_ids(&html).len());
}

#[tokio::test]
async fn export_health_robots_and_sitemap() {
    let site = seed_site();
    let (doc, said) = export(&site).await;
    assert!(!said.is_empty());
    assert!(said.iter().all(|s| counterparts::ids::looks_like_id(&s.id)), "export ids look like ids");
    let reply = get_ok(&site, "/export.json").await;
    assert_revalidates(&site, "/export.json", &reply).await;

    let health = get_ok(&site, "/healthz").await;
    assert_eq!(health.text().trim(), "ok");
    assert!(health.header(header::CONTENT_TYPE).starts_with("text/plain"));

    let robots = get_ok(&site, "/robots.txt").await;
    assert!(robots.header(header::CONTENT_TYPE).starts_with("text/plain"));
    assert!(robots.text().contains("User-agent: *"));
    assert!(robots.text().contains("Sitemap: https://counterparts.example/sitemap.xml"));

    let sitemap = get_ok(&site, "/sitemap.xml").await;
    assert!(sitemap.header(header::CONTENT_TYPE).starts_with("application/xml"));
    let body = sitemap.text();
    assert!(body.starts_with("<?xml") && body.contains("<urlset"), "a sitemap document");
    let mut expected = vec!["/".to_string()];
    expected.extend(ids_in(&doc, "topics").iter().map(|t| format!("/topics/{t}")));
    expected.extend(ids_in(&doc, "speakers").iter().map(|s| format!("/speakers/{s}")));
    expected.extend(ids_in(&doc, "articles").iter().map(|a| format!("/articles/{a}")));
    expected.extend(said.iter().map(|s| format!("/quotes/{}", s.id)));
    for path in expected {
        assert!(body.contains(&format!("<loc>{PUBLIC_URL}{path}</loc>")), "the sitemap lacks {path}");
    }
}

/// A corpus with more pages than one sitemap file may list: `/sitemap.xml`
/// is an index of numbered files that list every page once between them.
#[tokio::test]
async fn a_sitemap_too_long_for_one_file_is_split() {
    let dir = tempfile::tempdir().unwrap();
    let (files, per_file) = (260, 200);
    for a in 0..files {
        let said: String =
            (0..per_file).map(|k| format!("\u{201c}Harbour rule {k} of book {a} stands,\u{201d} Biden said.\n\n")).collect();
        std::fs::write(dir.path().join(format!("book-{a:03}.txt")), format!("Book {a}\n\n{said}")).unwrap();
    }
    let site = site_from_dir(dir.path());
    let locs = |body: &str| -> Vec<String> {
        body.split("<loc>").skip(1).map(|rest| rest.split("</loc>").next().unwrap().to_string()).collect()
    };
    let index = get_ok(&site, "/sitemap.xml").await;
    assert!(index.text().contains("<sitemapindex"), "an index of sitemap files");
    assert_eq!(locs(index.text()), [format!("{PUBLIC_URL}/sitemaps/1.xml"), format!("{PUBLIC_URL}/sitemaps/2.xml")]);

    let mut listed = Vec::new();
    for n in [1, 2] {
        let part = get_ok(&site, &format!("/sitemaps/{n}.xml")).await;
        assert!(part.header(header::CONTENT_TYPE).starts_with("application/xml"));
        assert!(part.text().contains("<urlset"));
        let urls = locs(part.text());
        assert!(urls.len() <= 50_000, "file {n} lists {}", urls.len());
        listed.extend(urls);
    }
    assert_eq!(listed.iter().filter(|u| u.contains("/quotes/")).count(), files * per_file);
    assert!(listed.contains(&format!("{PUBLIC_URL}/articles/book-259")) && listed.contains(&format!("{PUBLIC_URL}/")));
    let distinct: std::collections::HashSet<&String> = listed.iter().collect();
    assert_eq!(distinct.len(), listed.len(), "every page once");

    for missing in ["/sitemaps/3.xml", "/sitemaps/0.xml", "/sitemaps/one.xml", "/sitemaps/1"] {
        assert_eq!(get(&site, missing).await.status, StatusCode::NOT_FOUND, "{missing}");
    }
    // A sitemap that fits one file is only at /sitemap.xml.
    assert_eq!(get(&seed_site(), "/sitemaps/1.xml").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn hashed_assets_are_immutable_and_others_are_not_found() {
    let site = seed_site();
    let home = get_ok(&site, "/").await;
    let html = home.text();
    let css = link_href(html, "stylesheet").expect("a stylesheet link");
    let icon = link_href(html, "icon").expect("an icon link");
    let js = tags(html).into_iter().find_map(|t| (t.name == "script").then(|| t.attr("src").map(String::from)).flatten()).expect("a script");
    let wanted = [(&css, "text/css"), (&js, "text/javascript"), (&icon, "image/svg+xml")];
    for (url, content_type) in wanted {
        assert!(counterparts::web::assets::all_urls().contains(url), "{url} is one of the app's assets");
        let reply = get_ok(&site, url).await;
        assert!(reply.header(header::CONTENT_TYPE).starts_with(content_type), "{url}: {}", reply.header(header::CONTENT_TYPE));
        assert!(reply.header(header::CACHE_CONTROL).contains("immutable"), "{url}: {}", reply.header(header::CACHE_CONTROL));
        assert!(!reply.body.is_empty(), "{url}: empty");
        assert_security_headers(&reply, url);
    }
    // The name carries a hash of the content: the plain name and a stale hash do not exist.
    let (stem, ext) = css.split_once('.').expect("a hashed name: stem.hash.ext");
    let stale = format!("{stem}.0000000000.{}", ext.rsplit('.').next().unwrap());
    assert_ne!(stale, css);
    for url in ["/static/style.css", "/static/app.js", "/static/icon.svg", stale.as_str(), "/static/nothing.css", "/static/"] {
        let reply = get(&site, url).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "GET {url}");
        assert_security_headers(&reply, url);
    }
}

// ---------------------------------------------------------------------------
// Errors and methods
// ---------------------------------------------------------------------------

#[tokio::test]
async fn unknown_addresses_are_404_pages_or_json() {
    let site = seed_site();
    for path in ["/topics/no-such-topic", "/speakers/nobody", "/articles/no-such-article", "/quotes/aaaaaaaaaa", "/quotes/not-an-id", "/no/such/page", "/topics"] {
        let reply = get(&site, path).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "GET {path}");
        assert_eq!(reply.header(header::CONTENT_TYPE), "text/html; charset=utf-8", "GET {path}");
        assert!(reply.text().contains("404"), "GET {path}: the page says 404");
        assert_security_headers(&reply, path);
        assert_no_inline_code(reply.text(), path);

        let json_path = format!("{path}.json");
        let reply = get(&site, &json_path).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "GET {json_path}");
        assert!(reply.header(header::CONTENT_TYPE).starts_with("application/json"), "GET {json_path}");
        assert_eq!(reply.json()["status"], 404, "GET {json_path}");
        assert_security_headers(&reply, &json_path);
    }
}

#[tokio::test]
async fn bad_searches_are_400_with_a_plain_message() {
    let site = seed_site();
    let too_long = format!("q={}", "a".repeat(201));
    let cases = [(too_long.as_str(), "too long"), ("speaker=nobody", "nobody"), ("topic=nowhere", "nowhere"), ("q=a&q=b", "malformed")];
    for (query, words) in cases {
        assert_bad_search(&site, query, words).await;
    }
}

#[tokio::test]
async fn malformed_percent_encoding_in_a_search_is_400() {
    let site = seed_site();
    // "%ZZ" is no escape at all; "%FF" and "%C3%28" decode to bytes that are not UTF-8.
    let queries = ["q=%ZZ", "q=%FF", "q=%C3%28", "q=a%2"];
    let mut accepted = Vec::new();
    for query in queries {
        for path in [format!("/search?{query}"), format!("/search.json?{query}")] {
            let reply = get(&site, &path).await;
            if reply.status != StatusCode::BAD_REQUEST {
                accepted.push(format!("{path} -> {}", reply.status));
            }
        }
    }
    assert!(accepted.is_empty(), "malformed searches answered as if well-formed:\n{}", accepted.join("\n"));
    for query in queries {
        assert_bad_search(&site, query, "malformed").await;
    }
}

/// `/search?{query}` is a 400 page and `/search.json?{query}` a 400 JSON
/// error, both with a message containing `words`.
async fn assert_bad_search(site: &Arc<Site>, query: &str, words: &str) {
    let path = format!("/search?{query}");
    let reply = get(site, &path).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "GET {path}");
    assert_eq!(reply.header(header::CONTENT_TYPE), "text/html; charset=utf-8", "GET {path}");
    assert!(reply.text().to_lowercase().contains(words), "GET {path}: the page does not say {words:?}");
    assert_security_headers(&reply, &path);

    let path = format!("/search.json?{query}");
    let reply = get(site, &path).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "GET {path}");
    assert!(reply.header(header::CONTENT_TYPE).starts_with("application/json"), "GET {path}");
    let json = reply.json();
    assert_eq!(json["status"], 400, "GET {path}");
    let message = json["message"].as_str().unwrap_or_default();
    assert!(message.to_lowercase().contains(words), "GET {path}: message {message:?}");
    assert_security_headers(&reply, &path);
}

#[tokio::test]
async fn pages_only_read_other_methods_are_405() {
    let site = seed_site();
    for path in ["/", "/topics/cybersecurity", "/quotes/aaaaaaaaaa", "/search", "/export.json", "/healthz"] {
        for method in [Method::POST, Method::PUT, Method::DELETE] {
            let reply = send(&site, method.clone(), path, &[]).await;
            assert_eq!(reply.status, StatusCode::METHOD_NOT_ALLOWED, "{method} {path}");
            assert!(reply.header(header::ALLOW).contains("GET"), "{method} {path}: Allow {:?}", reply.header(header::ALLOW));
            assert_security_headers(&reply, &format!("{method} {path}"));
        }
    }
}

#[tokio::test]
async fn head_answers_like_get_without_a_body() {
    let site = seed_site();
    for path in ["/", "/topics/cybersecurity", "/index.json"] {
        let reply = send(&site, Method::HEAD, path, &[]).await;
        assert_eq!(reply.status, StatusCode::OK, "HEAD {path}");
        assert!(reply.body.is_empty(), "HEAD {path}: a body");
        let got = get_ok(&site, path).await;
        assert_eq!(reply.header(header::CONTENT_TYPE), got.header(header::CONTENT_TYPE), "HEAD {path}");
        assert_eq!(reply.header(header::ETAG), got.header(header::ETAG), "HEAD {path}");
        assert_security_headers(&reply, &format!("HEAD {path}"));
    }
}

// ---------------------------------------------------------------------------
// Headers on everything, compression
// ---------------------------------------------------------------------------

#[tokio::test]
async fn every_kind_of_response_has_the_security_headers() {
    let site = seed_site();
    let (_, said) = export(&site).await;
    let asset = counterparts::web::assets::all_urls()[0].clone();
    let quote = format!("/quotes/{}", said[0].id);
    let article = format!("/articles/{}", said[0].article);
    let gets = [
        "/", "/index.json", "/topics/cybersecurity", "/topics/cybersecurity.json", "/speakers/putin", article.as_str(),
        quote.as_str(), "/search?q=cyber", "/search.json?q=cyber", "/search?speaker=nobody", "/search.json?q=a&q=b",
        "/export.json", "/healthz", "/robots.txt", "/sitemap.xml", asset.as_str(), "/static/style.css",
        "/topics/nowhere", "/quotes/nothing.json", "/no/such/page",
    ];
    for path in gets {
        let reply = get(&site, path).await;
        assert_security_headers(&reply, &format!("GET {path} ({})", reply.status));
    }
    let reply = send(&site, Method::POST, "/", &[]).await;
    assert_security_headers(&reply, "POST /");
    let reply = send(&site, Method::HEAD, "/", &[]).await;
    assert_security_headers(&reply, "HEAD /");
}

#[tokio::test]
async fn pages_are_compressed_when_the_client_accepts_it() {
    let site = seed_site();
    for path in ["/", "/topics/cybersecurity.json", "/export.json"] {
        let plain = get_ok(&site, path).await;
        assert_eq!(plain.header(header::CONTENT_ENCODING), "", "GET {path} without Accept-Encoding");
        for encoding in ["gzip", "br"] {
            let reply = send(&site, Method::GET, path, &[("accept-encoding", encoding)]).await;
            assert_eq!(reply.status, StatusCode::OK, "GET {path} ({encoding})");
            assert_eq!(reply.header(header::CONTENT_ENCODING), encoding, "GET {path} ({encoding})");
            assert!(reply.body.len() < plain.body.len(), "GET {path}: {encoding} is not smaller");
            assert!(reply.header(header::VARY).to_lowercase().contains("accept-encoding"), "GET {path}: Vary");
            assert_security_headers(&reply, &format!("GET {path} ({encoding})"));
        }
        let gzip = send(&site, Method::GET, path, &[("accept-encoding", "gzip")]).await;
        assert_eq!(&gzip.body[..2], &[0x1f, 0x8b], "GET {path}: a gzip stream");
    }
}

// ---------------------------------------------------------------------------
// Escaping what articles say
// ---------------------------------------------------------------------------

/// An article whose words are markup, to check that pages escape it: a
/// title with a script, and statements holding tags, an `&` and a handler.
const HOSTILE: &str = "Summit talks <script>alert(1)</script> in Geneva\n\n\
The talks lasted hours. Biden said: “<b>bold</b> & <img src=x onerror=alert(1)>” Then he left the villa.\n\n\
Putin told reporters: “We discussed <script>alert(1)</script> and cyber attacks at length.”\n";

#[tokio::test]
async fn article_markup_is_escaped_on_every_page() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(dir.path().join("hostile.txt"), HOSTILE).unwrap();
    let site = site_from_dir(dir.path());
    let (_, said) = export(&site).await;
    assert!(!said.is_empty(), "statements are found in the hostile article");
    for markup in ["<script>alert(1)</script>", "<b>bold</b> & <img src=x onerror=alert(1)>"] {
        assert!(said.iter().any(|s| s.text.contains(markup)), "no statement holds {markup:?}: {said:?}");
    }

    let mut pages = vec!["/".to_string(), "/articles/hostile".to_string(), "/search?q=alert".to_string()];
    pages.extend(said.iter().map(|s| format!("/quotes/{}", s.id)));
    pages.extend(said.iter().flat_map(|s| s.topics.iter().map(|t| format!("/topics/{t}"))));
    pages.extend(said.iter().filter_map(|s| s.speaker.as_ref().map(|sp| format!("/speakers/{sp}"))));
    let mut saw_escaped_script = false;
    for path in &pages {
        let html = get_ok(&site, path).await.text().to_string();
        for raw in ["<script>alert(1)</script>", "<b>bold</b>", "<img src=x", "onerror=alert"] {
            if raw.starts_with("onerror") {
                // Escaped, it can only stand inside text, never as an attribute.
                assert!(!tags(&html).iter().any(|t| t.attrs.iter().any(|(n, _)| n == "onerror")), "{path}: an onerror attribute");
            } else {
                assert!(!html.contains(raw), "{path}: raw {raw:?} from the article");
            }
        }
        assert_no_inline_code(&html, path);
        saw_escaped_script |= shows_escaped(&html, "<script>");
    }
    assert!(saw_escaped_script, "the <script> of the article is shown as text somewhere");
    let article = get_ok(&site, "/articles/hostile").await;
    assert!(shows_escaped(article.text(), "<script>alert(1)</script>"), "the article page shows the tag as text");
    assert!(shows_escaped(article.text(), "<img src=x onerror=alert(1)>"), "the article page shows the img as text");
    // Quote pages of statements holding markup show it as text, and their
    // cards (SVG inside) are still drawn.
    for s in said.iter().filter(|s| s.text.contains('<')) {
        let html = get_ok(&site, &format!("/quotes/{}", s.id)).await;
        assert!(shows_escaped(html.text(), &s.text), "/quotes/{}: the words, escaped", s.id);
        let card = get_ok(&site, &format!("/quotes/{}.png", s.id)).await;
        assert_eq!(png_size(&card.body, &s.id), (1200, 630));
    }
}

// ---------------------------------------------------------------------------
// The checks themselves catch what they look for
// ---------------------------------------------------------------------------

#[test]
fn the_html_checks_catch_inline_code_and_raw_markup() {
    let fails = |html: &'static str| std::panic::catch_unwind(|| assert_no_inline_code(html, "sample")).is_err();
    assert!(fails("<p>ok</p><script>alert(1)</script>"), "an inline script");
    assert!(fails("<p style=\"color:red\">x</p>"), "a style attribute");
    assert!(fails("<img src=x onerror=alert(1)>"), "an unquoted handler");
    assert!(fails("<a href=\"/\" onclick='go()'>x</a>"), "a quoted handler");
    assert!(fails("<style>p{}</style>"), "a style element");
    assert!(!fails("<script src=\"/static/app.js\" defer></script><p>&#60;script&#62;alert(1)&#60;/script&#62;</p>"));
    assert_eq!(unescape("&#60;b&#62; &amp; &#x27;x&#39; &quot;"), "<b> & 'x' \"");
    assert!(shows_escaped("a &#60;script&#62; b", "<script>") && shows_escaped("&lt;script&gt;", "<script>"));
    assert!(!shows_escaped("<script>", "<script>"));
    assert_eq!(permalink_ids("<a href=\"/quotes/abc\">Permalink</a> <a href=\"/quotes/def\">Permalink<span>"), ["abc", "def"]);
}

/// A site over `n` generated articles, for paging.
fn generated_site(n: usize) -> Arc<Site> {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in counterparts::generate::generate_corpus(n, 3) {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let lib = Library::load(&LoadOptions { articles: Some(dir.path().to_path_buf()), summit: None }).unwrap();
    Arc::new(Site::new(Index::build(lib), "https://counterparts.example"))
}

#[tokio::test]
async fn long_lists_come_a_page_at_a_time() {
    let site = generated_site(120);
    let first = fetch_twin(&site, "/topics/relations.json", "/topics/relations").await;
    let pages = first["pager"]["pages"].as_u64().unwrap();
    assert!(pages >= 2, "a topic with many statements is paged: {}", first["pager"]);
    for col in first["columns"].as_array().unwrap() {
        assert!(col["statements"].as_array().unwrap().len() <= counterparts::web::paging::PAGE_SIZE);
    }
    // Page 2 holds the statements after page 1's, in the same order as the whole list.
    let second = fetch_twin(&site, "/topics/relations.json?page=2", "/topics/relations?page=2").await;
    // (The same words in two articles share an id: a statement is its id in its article.)
    let col = |v: &Value, i: usize| -> Vec<(String, String)> {
        v["columns"][i]["statements"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| (s["id"].as_str().unwrap().to_string(), s["article"]["id"].as_str().unwrap().to_string()))
            .collect()
    };
    let both: Vec<(String, String)> = col(&first, 0).into_iter().chain(col(&second, 0)).collect();
    let unique: std::collections::HashSet<&(String, String)> = both.iter().collect();
    assert_eq!(unique.len(), both.len(), "no statement on two pages");
    let (html, _) = check_page(&site, "/topics/relations?page=2", "/topics/relations.json?page=2").await;
    assert!(html.contains("rel=\"prev\"") && html.contains("Page 2 of"), "the page links back");
    // Past the last page: 404; not a number: 400.
    let past = format!("/topics/relations?page={}", pages + 1);
    assert_eq!(get(&site, &past).await.status, StatusCode::NOT_FOUND);
    assert_eq!(get(&site, "/topics/relations?page=zero").await.status, StatusCode::BAD_REQUEST);
    // The overview lists the first articles and links to all of them.
    let (home, _) = check_page(&site, "/", "/index.json").await;
    assert!(home.contains("href=\"/articles\""), "the overview links to every article");
    let all = fetch_twin(&site, "/articles.json?page=3", "/articles?page=3").await;
    assert_eq!(all["total"], 120);
    let page_size = counterparts::web::paging::PAGE_SIZE;
    assert_eq!(all["articles"].as_array().unwrap().len(), (120 - 2 * page_size).min(page_size));
}

/// The most elements a page may have: past 1,400, a page's size slows
/// style, layout and scrolling on a phone (Lighthouse's "excessive DOM size").
const MOST_ELEMENTS: usize = 1_400;

#[tokio::test]
async fn a_full_page_stays_within_the_element_budget() {
    let site = generated_site(160);
    let page_size = counterparts::web::paging::PAGE_SIZE;
    let lists = |v: &Value| -> Vec<usize> {
        let columns = v["columns"].as_array().unwrap().iter().map(|c| c["statements"].as_array().unwrap().len());
        columns.chain([v["others"].as_array().unwrap().len()]).collect()
    };
    let mut full = 0;
    let topics: Vec<String> = site.index.summit.topics.iter().map(|t| t.id.clone()).collect();
    for topic in topics {
        let path = format!("/topics/{topic}");
        let (html, json) = check_page(&site, &path, &format!("{path}.json")).await;
        let elements = tags(&html).len();
        assert!(elements <= MOST_ELEMENTS, "{path}: {elements} elements, lists of {:?}", lists(&json));
        full += usize::from(lists(&json).iter().all(|&n| n == page_size));
    }
    assert!(full > 0, "no topic page is full in every list, so the budget was not tried at its worst");
    for path in ["/speakers/biden", "/articles", "/search?q=cyber"] {
        let html = get_ok(&site, path).await.text().to_string();
        assert!(tags(&html).len() <= MOST_ELEMENTS, "{path}: {} elements", tags(&html).len());
    }
}

#[tokio::test]
async fn a_speaker_page_shows_every_topic_and_links_to_the_rest() {
    let site = generated_site(160);
    let (_, page) = check_page(&site, "/speakers/biden", "/speakers/biden.json").await;
    let groups = page["groups"].as_array().unwrap();
    // The first page has something on every topic Biden spoke on.
    let biden = site.index.speaker("biden").unwrap();
    let topics = &site.index.summit.topics;
    let spoken: Vec<&str> =
        (0..topics.len()).filter(|&t| site.index.said_on(biden, t).next().is_some()).map(|t| topics[t].id.as_str()).collect();
    let shown: Vec<&str> = groups.iter().map(|g| g["topic"]["id"].as_str().unwrap()).collect();
    assert_eq!(shown, spoken);
    let mut cut = 0;
    for g in groups {
        let (total, on_page) = (g["total"].as_u64().unwrap() as usize, g["statements"].as_array().unwrap().len());
        match g["all_url"].as_str() {
            // A topic cut short links to Biden's whole column on its page.
            Some(all) => {
                cut += 1;
                assert!(on_page < total, "{}", g["topic"]["id"]);
                let (path, anchor) = all.split_once('#').unwrap();
                assert_eq!(path, g["topic"]["url"].as_str().unwrap());
                let topic = get_ok(&site, path).await;
                assert!(topic.text().contains(&format!("id=\"{anchor}\"")), "{all}: no such column");
            }
            None => assert_eq!(on_page, total, "{}: all on one page", g["topic"]["id"]),
        }
    }
    assert!(cut > 0, "no topic was long enough to be cut short");
}

// ---------------------------------------------------------------------------
// One statement across outlets, feeds, embedding, links to the source
// ---------------------------------------------------------------------------

/// Three outlets report one statement of Biden's on cyber attacks (in full,
/// with other marks and case, cut short); a fourth a different statement
/// that differs in the one word that matters. Files load in name order.
const REPORTS: &[(&str, &str)] = &[
    (
        "a-wire.txt",
        "---\ntitle: Biden warns on hacking\noutlet: Wire One\nurl: https://wire.test/biden-hacking\ndate: 2021-06-16\n---\n\nBiden warns on hacking\n\n\u{201c}We will not tolerate cyber attacks on our hospitals, and they know exactly what follows if they go on,\u{201d} Biden said.\n",
    ),
    (
        "daily.txt",
        "---\ntitle: Summit ends\noutlet: Daily Two\ndate: 2021-06-17\n---\n\nSummit ends\n\nBiden said: \"we will NOT tolerate cyber attacks on our hospitals, and they know exactly what follows if they go on.\"\n",
    ),
    (
        "brief.txt",
        "---\ntitle: In brief\noutlet: Brief Three\n---\n\nIn brief\n\n\"We will not tolerate cyber attacks on our hospitals,\" Biden told reporters.\n",
    ),
    (
        "other.txt",
        "---\ntitle: Another warning\noutlet: Four\nurl: javascript:alert(1)\n---\n\nAnother warning\n\n\"We will not tolerate cyber attacks on our pipelines,\" Biden said.\n",
    ),
];

fn reports_dir(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("an article is written");
    }
    dir
}

/// The statement of `article` in the export.
fn said_in<'a>(said: &'a [Said], article: &str) -> &'a Said {
    said.iter().find(|s| s.article == article).unwrap_or_else(|| panic!("nothing found in {article}"))
}

#[tokio::test]
async fn one_statement_in_several_outlets_is_one_card_with_every_version_listed() {
    let dir = reports_dir(REPORTS);
    let site = site_from_dir(dir.path());
    let (_, said) = export(&site).await;
    let (wire, daily, brief, other) =
        (said_in(&said, "a-wire"), said_in(&said, "daily"), said_in(&said, "brief"), said_in(&said, "other"));
    assert!(said.iter().all(|s| s.speaker.as_deref() == Some("biden")), "every statement is Biden's");
    assert!(said.iter().all(|s| s.topics.contains(&"cybersecurity".to_string())));
    // Every version keeps its own id, but the one with identical words.
    assert_eq!(wire.id, daily.id, "the same words have the same id");
    assert_ne!(wire.id, brief.id);

    // The topic page shows the statement once, reported by three sources, and the other statement apart.
    let (html, json) = check_page(&site, "/topics/cybersecurity", "/topics/cybersecurity.json").await;
    let column = &json["columns"][0];
    assert_eq!(ids_of(&column["statements"]), [wire.id.clone(), other.id.clone()]);
    assert_eq!(column["total"], 2);
    assert_eq!(column["statements"][0]["sources"], 3);
    assert_eq!(column["statements"][1]["sources"], 1);
    assert!(html.contains(&format!("href=\"/quotes/{}#sources\">Reported by 3 sources", wire.id)));
    assert_eq!(html.matches("Reported by").count(), 1);

    // Every version's page lists all three, each with its own link, and marks itself.
    for s in [wire, brief] {
        let path = format!("/quotes/{}", s.id);
        let (html, json) = check_page(&site, &path, &format!("{path}.json")).await;
        assert_eq!(json["sources"], 3, "{path}");
        let versions = json["versions"].as_array().unwrap();
        let articles: Vec<String> = versions.iter().map(|v| str_of(&v["article"]["id"])).collect();
        assert_eq!(articles, ["a-wire", "brief", "daily"], "{path}: every source, in source order");
        let current: Vec<String> = versions.iter().filter(|v| v["current"] == true).map(|v| str_of(&v["article"]["id"])).collect();
        assert_eq!(current, std::slice::from_ref(&s.article), "{path}");
        assert!(html.contains("<h2 id=\"sources\">Reported by 3 sources</h2>"), "{path}");
        for v in versions {
            assert_eq!(get(&site, &str_of(&v["url"])).await.status, StatusCode::OK, "{path}: {}", v["url"]);
            assert!(shows_escaped(&html, &str_of(&v["text"])), "{path}: a version's own words");
        }
    }
    // The different statement stands alone.
    let (_, json) = check_page(&site, &format!("/quotes/{}", other.id), &format!("/quotes/{}.json", other.id)).await;
    assert_eq!(json["sources"], 1);
    assert_eq!(json["versions"].as_array().unwrap().len(), 1);
    // The overview counts statements, not reports.
    let (_, home) = check_page(&site, "/", "/index.json").await;
    let cyber = home["topics"].as_array().unwrap().iter().find(|t| t["topic"]["id"] == "cybersecurity").unwrap();
    assert_eq!(cyber["cells"][0]["count"], 2);
}

#[tokio::test]
async fn adding_a_report_groups_it_without_changing_any_id() {
    let before_dir = reports_dir(&REPORTS[1..]);
    let before = site_from_dir(before_dir.path());
    let after_dir = reports_dir(REPORTS);
    let after = site_from_dir(after_dir.path());
    let (_, old) = export(&before).await;
    let (_, new) = export(&after).await;
    for s in &old {
        assert!(new.iter().any(|n| n.id == s.id && n.article == s.article), "{} in {} kept its id", s.id, s.article);
        assert_eq!(get(&after, &format!("/quotes/{}", s.id)).await.status, StatusCode::OK);
    }
    let brief = said_in(&old, "brief");
    let (_, json) = check_page(&before, &format!("/quotes/{}", brief.id), &format!("/quotes/{}.json", brief.id)).await;
    assert_eq!(json["sources"], 2);
    let (_, json) = check_page(&after, &format!("/quotes/{}", brief.id), &format!("/quotes/{}.json", brief.id)).await;
    assert_eq!(json["sources"], 3);
}

#[tokio::test]
async fn quote_pages_link_to_the_exact_words_at_the_source() {
    let dir = reports_dir(REPORTS);
    let site = site_from_dir(dir.path());
    let (_, said) = export(&site).await;
    let wire = said_in(&said, "a-wire");
    let (html, json) = check_page(&site, &format!("/quotes/{}", wire.id), &format!("/quotes/{}.json", wire.id)).await;
    let expected = "https://wire.test/biden-hacking#:~:text=We%20will%20not%20tolerate,if%20they%20go%20on";
    assert_eq!(json["original"], expected);
    let at_source = tags(&html).into_iter().find(|t| t.name == "a" && t.attr("href") == Some(expected));
    let at_source = at_source.expect("a link to the words at the source");
    assert!(at_source.attr("rel").unwrap_or_default().contains("noopener"));
    // No address, or one that is not a web address: no link.
    for article in ["brief", "other"] {
        let s = said_in(&said, article);
        let (html, json) = check_page(&site, &format!("/quotes/{}", s.id), &format!("/quotes/{}.json", s.id)).await;
        assert!(json["original"].is_null(), "{article}");
        assert!(!html.contains(":~:text=") || article == "brief", "{article}: a text fragment");
        assert!(!html.contains("javascript:"), "{article}: a script address is linked");
    }
}

#[tokio::test]
async fn quote_pages_offer_an_html_snippet_to_embed() {
    let mut files = REPORTS.to_vec();
    files.push(("markup.txt", "Markup\n\n\"We <b>will</b> not & cannot tolerate cyber attacks,\" Biden said.\n"));
    let dir = reports_dir(&files);
    let site = site_from_dir(dir.path());
    let (_, said) = export(&site).await;
    for s in [said_in(&said, "a-wire"), said_in(&said, "markup")] {
        let path = format!("/quotes/{}", s.id);
        let (html, json) = check_page(&site, &path, &format!("{path}.json")).await;
        let snippet = str_of(&json["embed"]);
        let permalink = format!("{PUBLIC_URL}{path}");
        assert!(snippet.starts_with(&format!("<figure>\n<blockquote cite=\"{permalink}\">")), "{snippet}");
        assert!(snippet.contains(&format!("<a href=\"{permalink}\">Counterparts</a>")), "{snippet}");
        assert!(snippet.contains("Joe Biden, President of the United States"), "{snippet}");
        // The words are escaped in the snippet, so they show as text on another page.
        let words = s.text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
        assert!(snippet.contains(&words), "{snippet}");
        assert!(!snippet.contains("<b>"), "{snippet}");
        // On the page it is in a text area to copy, escaped once more.
        let area = section(&html, "<textarea id=\"embed-code\"", "</textarea>");
        let shown = unescape(&area[area.find('>').unwrap() + 1..]);
        assert_eq!(shown, snippet, "{path}");
        assert!(html.contains("data-copy=\"embed-code\""), "{path}: a copy button");
    }
}

/// The `<entry>` elements of an Atom feed: (id, updated, title).
fn feed_entries(xml: &str) -> Vec<(String, String, String)> {
    let field = |entry: &str, name: &str| section(entry, &format!("<{name}>"), &format!("</{name}>"))[name.len() + 2..].to_string();
    xml.split("<entry>").skip(1).map(|e| (field(e, "id"), field(e, "updated"), unescape(&field(e, "title")))).collect()
}

#[tokio::test]
async fn topics_and_speakers_have_atom_feeds_that_follow_reloads() {
    let dir = reports_dir(&REPORTS[1..]);
    let site = site_from_dir(dir.path());
    for (page, feed) in [("/topics/cybersecurity", "/topics/cybersecurity.atom"), ("/speakers/biden", "/speakers/biden.atom")] {
        let (html, _) = check_page(&site, page, &format!("{page}.json")).await;
        let alternate = tags(&html).into_iter().find(|t| t.name == "link" && t.attr("type") == Some("application/atom+xml"));
        assert_eq!(alternate.and_then(|t| t.attr("href").map(String::from)).as_deref(), Some(feed), "{page}");
        assert!(html.contains(&format!("<a class=\"feed\" href=\"{feed}\">")), "{page}: a visible link");
        let reply = get_ok(&site, feed).await;
        assert_eq!(reply.header(header::CONTENT_TYPE), "application/atom+xml; charset=utf-8");
        assert_security_headers(&reply, feed);
        assert_revalidates(&site, feed, &reply).await;
        let xml = reply.text();
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"));
        assert!(xml.contains(&format!("<id>{PUBLIC_URL}{feed}</id>")));
        assert!(xml.contains(&format!("<link rel=\"alternate\" type=\"text/html\" href=\"{PUBLIC_URL}{page}\"/>")));
        // One entry per statement (each once), newest first, each a working permalink.
        let entries = feed_entries(xml);
        assert_eq!(entries.len(), 2, "{feed}: {xml}");
        assert!(entries.windows(2).all(|w| w[0].1 >= w[1].1), "{feed}: newest first");
        assert!(entries.iter().all(|e| e.1.len() == 20 && e.1.ends_with("T00:00:00Z")), "{feed}: {entries:?}");
        for (id, _, title) in &entries {
            let path = id.strip_prefix(PUBLIC_URL).expect("an absolute permalink");
            assert_eq!(get(&site, path).await.status, StatusCode::OK, "{feed}: {id}");
            assert!(title.starts_with("Joe Biden on ") || title.starts_with("Joe Biden: "), "{feed}: {title}");
        }
    }
    // A reload that brings a new article brings its statement into the feed.
    let more = reports_dir(&[REPORTS, &[("new.txt", "New\n\n\"Ransomware gangs will find no shelter in our partnership,\" Biden said.\n")]].concat());
    let reloaded = site_from_dir(more.path());
    let old = feed_entries(get_ok(&site, "/topics/cybersecurity.atom").await.text());
    let new = feed_entries(get_ok(&reloaded, "/topics/cybersecurity.atom").await.text());
    assert!(new.len() > old.len());
    assert!(new.iter().any(|(_, _, t)| t.contains("Ransomware gangs")));
    // Unknown topics and speakers have no feed.
    for uri in ["/topics/nothing.atom", "/speakers/nobody.atom"] {
        assert_eq!(get(&site, uri).await.status, StatusCode::NOT_FOUND, "{uri}");
    }
}

#[tokio::test]
async fn feeds_carry_markup_as_text_and_leave_out_what_xml_cannot_carry() {
    let dir = reports_dir(&[("odd.txt", "Odd\n\n\"Cyber <script>alert(1)</script> & attacks\u{1b} will stop,\" Biden said.\n")]);
    let site = site_from_dir(dir.path());
    let xml = get_ok(&site, "/speakers/biden.atom").await.text().to_string();
    assert!(!xml.contains("<script>"), "{xml}");
    assert!(!xml.contains('\u{1b}'), "{xml}");
    assert!(xml.contains("&#60;script&#62;") || xml.contains("&lt;script&gt;"), "{xml}");
    let entries = feed_entries(&xml);
    assert!(entries[0].2.contains("<script>alert(1)</script> & attacks"), "{:?}", entries[0]);
}

// ---------------------------------------------------------------------------
// Holding on the open internet: odd queries, the page cache's keys and budget
// ---------------------------------------------------------------------------

/// Every query tantivy parses is answered 200, with a note for what was left
/// out, or refused as 400: never a 5xx.
#[tokio::test]
async fn exists_queries_and_others_tantivy_cannot_run_are_never_a_server_error() {
    let site = seed_site();
    for (q, status) in [
        ("foo:*", StatusCode::OK),
        ("words:*", StatusCode::OK),
        ("cyber+foo:*", StatusCode::OK),
        ("-(foo:*)+attack", StatusCode::OK),
        ("%22a+foo:*+b%22", StatusCode::OK),
        ("entry:*", StatusCode::OK),
        ("words:%5Ba+TO+b%5D", StatusCode::OK),
        ("entry:%5B1+TO+2%5D", StatusCode::OK),
        ("words:IN+%5Ba+b%5D", StatusCode::OK),
    ] {
        for path in ["/search", "/search.json"] {
            let reply = get(&site, &format!("{path}?q={q}")).await;
            assert!(!reply.status.is_server_error(), "{path}?q={q}: {} {}", reply.status, reply.text());
            if reply.status != status {
                assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{path}?q={q}: {}", reply.text());
            }
        }
    }
    let reply = get_ok(&site, "/search.json?q=cyber+foo:*").await;
    let problems = reply.json()["problems"].to_string();
    assert!(problems.contains("foo:*") && problems.contains("left out"), "{problems}");
    assert!(reply.json()["total"].as_u64().unwrap() > 0, "the rest of the query is searched");
    let html = get_ok(&site, "/search?q=foo:*").await;
    assert!(html.text().contains("left out"), "the page says what was left out");
}

/// Addresses the site answers alike are one entry of the page cache, and
/// parameters a page does not read never make a new one.
#[tokio::test]
async fn other_spellings_of_an_address_are_not_rendered_again() {
    let site = site_from_dir(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds")));
    let id = get_ok(&site, "/export.json").await.json()["articles"][0]["statements"][0]["id"].as_str().unwrap().to_string();
    let card = get_ok(&site, &format!("/quotes/{id}.png")).await;
    let entries = site.cache.stats().0;
    for other in [format!("/quotes/{id}%2Epng"), format!("/quotes/{id}.png?"), format!("/quotes/{id}.png?&"), format!("/quotes/{id}.png?page=1"), format!("/quotes/{id}.png?z=1")] {
        let reply = get_ok(&site, &other).await;
        assert_eq!(reply.body, card.body, "{other}");
    }
    for n in 0..50 {
        get_ok(&site, &format!("/?z={n}")).await;
        get_ok(&site, &format!("/robots.txt?q={n}")).await;
        get_ok(&site, &format!("/topics/cybersecurity?page=1&utm={n}")).await;
    }
    assert_eq!(site.cache.stats().0, entries + 3, "one entry each for the card, /, /robots.txt and the topic page");
    // A search keeps what it reads, in one spelling.
    let a = get_ok(&site, "/search?q=cyber+attack&speaker=putin").await;
    let b = get_ok(&site, "/search?speaker=putin&q=+cyber%20attack+&topic=&x=1").await;
    assert_eq!(a.body, b.body);
    assert_eq!(site.cache.stats().0, entries + 4);
}

#[tokio::test]
async fn a_weak_etag_is_answered_with_304() {
    let site = seed_site();
    let first = get_ok(&site, "/topics/cybersecurity").await;
    let etag = first.header(header::ETAG).to_string();
    for sent in [etag.clone(), format!("W/{etag}"), format!("\"other\", W/{etag}")] {
        let reply = send(&site, Method::GET, "/topics/cybersecurity", &[("if-none-match", &sent)]).await;
        assert_eq!(reply.status, StatusCode::NOT_MODIFIED, "If-None-Match: {sent}");
    }
    let reply = send(&site, Method::GET, "/topics/cybersecurity", &[("accept-encoding", "br;q=0.000, gzip;q=0.000")]).await;
    assert_eq!(reply.header(header::CONTENT_ENCODING), "", "q=0.000 refuses an encoding");
}

/// A flood of addresses never asked for before: the cache keeps within its
/// budget, every byte of each entry counted.
#[tokio::test(flavor = "multi_thread")]
async fn a_flood_of_unique_addresses_keeps_the_cache_within_its_budget() {
    let library = Library::load(&LoadOptions::default()).unwrap();
    let budget = 1024 * 1024;
    let site = Arc::new(Site::with_cache_budget(Index::build(library), PUBLIC_URL, budget));
    let words = ["cyber", "attack", "arctic", "prisoners", "navalny", "ukraine", "talks", "nuclear"];
    for n in 0..3000 {
        let q = format!("{}+{}+{}", words[n % 8], words[(n / 8) % 8], "x".repeat(n % 100));
        let reply = get(&site, &format!("/search?q={q}&page={}", 1 + n % 2)).await;
        assert!(!reply.status.is_server_error());
        let (entries, bytes) = site.cache.stats();
        assert!(bytes <= budget, "{bytes} bytes counted in {entries} entries, over the budget of {budget}");
    }
    assert!(site.cache.stats().0 > 10, "the cache still keeps pages: {:?}", site.cache.stats());
}

// ---------------------------------------------------------------------------
// Quotations checked against the transcript
// ---------------------------------------------------------------------------

/// `tests/fixtures/checked`: an invented press-conference transcript and a
/// wire report that quotes it once word for word, once with words changed,
/// and once with words the transcript does not have.
fn checked_site() -> Arc<Site> {
    site_from_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/checked"))
}

/// The export's statement of `file` whose text contains `words`.
fn statement_with<'e>(export: &'e Value, file: &str, words: &str) -> &'e Value {
    let article = export["articles"].as_array().unwrap().iter().find(|a| a["file"] == file).expect("the article is exported");
    article["statements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["text"].as_str().unwrap().contains(words))
        .unwrap_or_else(|| panic!("no statement of {file} says {words:?}: {article}"))
}

#[tokio::test]
async fn quotations_are_checked_against_the_transcript_in_the_export() {
    let site = checked_site();
    let export = get_ok(&site, "/export.json").await.json();
    let said = statement_with(&export, "press_conference.txt", "sixteen kinds");
    assert_eq!(said["speaker"], "biden");
    assert!(said.get("transcript").is_none(), "a transcript is not checked against itself: {said}");

    let exact = statement_with(&export, "wire_report.txt", "sixteen kinds");
    assert_eq!(exact["transcript"]["match"], "exact", "{exact}");
    assert_eq!(exact["transcript"]["id"], said["id"]);

    let close = statement_with(&export, "wire_report.txt", "it's about self-interest");
    let answer = statement_with(&export, "press_conference.txt", "not about trust");
    assert_eq!(close["transcript"]["match"], "close", "{close}");
    assert_eq!(close["transcript"]["id"], answer["id"]);

    let absent = statement_with(&export, "wire_report.txt", "tamper with our elections");
    assert_eq!(absent["transcript"]["match"], "not_found", "{absent}");
    assert!(absent["transcript"].get("id").is_none());

    let reported = statement_with(&export, "wire_report.txt", "had been about cybersecurity");
    assert_eq!(reported["kind"], "indirect");
    assert!(reported.get("transcript").is_none(), "reported speech is the reporter's words: {reported}");
}

#[tokio::test]
async fn a_quote_page_shows_what_the_transcript_says_and_cards_mark_it() {
    let site = checked_site();
    let export = get_ok(&site, "/export.json").await.json();
    let answer = statement_with(&export, "press_conference.txt", "not about trust");
    let close = statement_with(&export, "wire_report.txt", "it's about self-interest");

    let page = get_ok(&site, &format!("/quotes/{}", close["id"].as_str().unwrap())).await;
    let html = page.text();
    assert!(html.contains("Checked against the transcript"), "{html}");
    assert!(html.contains("close, but these words differ"));
    assert!(html.contains(&format!("href=\"/quotes/{}\"", answer["id"].as_str().unwrap())), "links to the transcript's words");
    // "it's" was quoted where the transcript says "It is", and "the" was left out.
    let diff = html.split("class=\"diff\">").nth(1).and_then(|d| d.split("</p>").next()).expect("the words compared");
    let diff = diff.replace("&#39;", "'").replace("&#x27;", "'");
    assert!(diff.contains("</span>it's</del>"), "{diff}");
    assert!(diff.contains("</span>It</ins>") && diff.contains("</span>is</ins>"), "{diff}");
    assert!(diff.contains("</span>the</ins>"), "{diff}");
    assert!(diff.starts_with("This is not about trust "), "{diff}");

    let json = get_ok(&site, &format!("/quotes/{}.json", close["id"].as_str().unwrap())).await.json();
    assert_eq!(json["statement"]["transcript"]["match"], "close", "{json}");

    let absent = statement_with(&export, "wire_report.txt", "tamper with our elections");
    let html = get_ok(&site, &format!("/quotes/{}", absent["id"].as_str().unwrap())).await.text().to_string();
    assert!(html.contains("Not found in the loaded transcript"));

    // Topic and speaker pages mark each checked card. (The word-for-word
    // quotation is one statement with the transcript's words: its card is
    // the transcript's own, "reported by 2 sources".)
    for page in ["/speakers/biden".to_string(), format!("/topics/{}", absent["topics"][0].as_str().unwrap())] {
        let html = get_ok(&site, &page).await.text().to_string();
        assert!(html.contains("<p class=\"check check-not_found\">Not found in the loaded transcript</p>"), "{page}");
    }
}

#[tokio::test]
async fn a_transcript_answer_is_the_speakers_own_words_and_shows_its_question() {
    let site = checked_site();
    let export = get_ok(&site, "/export.json").await.json();
    let answer = statement_with(&export, "press_conference.txt", "not about trust");
    assert_eq!(answer["kind"], "direct");
    let question = statement_with(&export, "press_conference.txt", "do you trust him");
    assert_eq!(answer["question"], question["id"]);

    let html = get_ok(&site, &format!("/quotes/{}", answer["id"].as_str().unwrap())).await.text().to_string();
    assert!(html.contains("In answer to"), "{html}");
    assert!(html.contains("do you trust him?"));
    assert!(!html.contains("not his exact words"), "a turn of the transcript is his own words");
    let topic = answer["topics"][0].as_str().unwrap();
    let html = get_ok(&site, &format!("/topics/{topic}")).await.text().to_string();
    assert!(html.contains("It is about self-interest"), "the answer is on its topic page");
}

#[tokio::test]
async fn a_transcript_named_in_sources_toml_is_checked_against() {
    // One labelled turn is too little to look like a transcript: only
    // sources.toml says it is one, and it is read as one from the start.
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write("remarks.txt", "PRESIDENT BIDEN: We spent the afternoon on cyber, and I gave him a list of sixteen kinds of infrastructure that are off-limits.\n");
    write("report.txt", "Biden said he had raised cyber attacks.\n\n\"I gave him a list of sixteen kinds of infrastructure that are off-limits,\" Biden said.\n");
    write("sources.toml", "[\"remarks.txt\"]\ntitle = \"Remarks by President Biden\"\nkind = \"transcript\"\n");
    let export = get_ok(&site_from_dir(dir.path()), "/export.json").await.json();
    let quoted = statement_with(&export, "report.txt", "sixteen kinds");
    let said = statement_with(&export, "remarks.txt", "sixteen kinds");
    assert_eq!(said["speaker"], "biden", "{export}");
    assert_eq!(quoted["transcript"]["match"], "exact", "{quoted}");
    assert_eq!(quoted["transcript"]["id"], said["id"]);
}
