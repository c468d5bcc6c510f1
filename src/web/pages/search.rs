//! `/search?q=&speaker=&topic=`: statements matching words, filtered by
//! speaker and topic.

use std::sync::Arc;

use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, RawQuery, State};
use axum::response::Response;
use serde::{Deserialize, Serialize};

use crate::web::error::PageError;
use crate::web::layout::Layout;
use crate::web::paging::Pager;
use crate::web::views::{self, SpeakerRef, StatementView, TopicRef};
use crate::web::Site;

/// Longest query accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 200;

#[derive(Deserialize, Default)]
pub struct SearchParams {
    #[serde(default)]
    page: Option<String>,
    #[serde(default)]
    q: String,
    #[serde(default)]
    speaker: String,
    #[serde(default)]
    topic: String,
}

#[derive(Serialize)]
pub struct SearchPage {
    pub query: String,
    pub speaker: String,
    pub topic: String,
    pub searched: bool,
    pub total: usize,
    pub results: Vec<StatementView>,
    pub pager: Pager,
    pub speakers: Vec<SpeakerRef>,
    pub topics: Vec<TopicRef>,
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchTemplate<'a> {
    layout: Layout,
    page: &'a SearchPage,
}

fn build(site: &Site, p: &SearchParams, json: bool) -> Result<SearchPage, PageError> {
    let index = &site.index;
    let query = p.q.trim();
    if query.chars().count() > MAX_QUERY_CHARS {
        return Err(PageError::bad_request(format!("The search is too long: at most {MAX_QUERY_CHARS} characters."), json));
    }
    let speaker = match p.speaker.as_str() {
        "" => None,
        id => Some(index.speaker(id).ok_or_else(|| PageError::bad_request(format!("There is no speaker {id:?}."), json))?),
    };
    let topic = match p.topic.as_str() {
        "" => None,
        id => Some(index.topic(id).ok_or_else(|| PageError::bad_request(format!("There is no topic {id:?}."), json))?),
    };
    let searched = !query.is_empty() || speaker.is_some() || topic.is_some();
    let found = if searched { index.search(query, speaker, topic) } else { Vec::new() };
    let base = search_path(query, &p.speaker, &p.topic);
    let pager = Pager::new(p.page.as_deref(), found.len(), &base).map_err(|e| super::page_number_error(&e, json))?;
    let shown = found[pager.range(found.len())].to_vec();
    Ok(SearchPage {
        pager,
        query: query.to_string(),
        speaker: p.speaker.clone(),
        topic: p.topic.clone(),
        searched,
        total: found.len(),
        results: views::statements(index, shown),
        speakers: (0..index.summit.speakers.len()).map(|s| views::speaker_ref(index, s)).collect(),
        topics: (0..index.summit.topics.len()).map(|t| views::topic_ref(index, t)).collect(),
    })
}

fn respond(
    site: &Site,
    raw: Option<String>,
    params: Result<Query<SearchParams>, QueryRejection>,
    json: bool,
) -> Response {
    let raw = raw.unwrap_or_default();
    let result = check_encoding(&raw)
        .map_err(|why| PageError::bad_request(format!("The search address is malformed: {why}."), json))
        .and_then(|()| params.map_err(|e| PageError::bad_request(format!("The search address is malformed: {}", e.body_text()), json)))
        .and_then(|Query(p)| build(site, &p, json))
        .and_then(|page| {
            let title = if page.query.is_empty() { "Search".to_string() } else { format!("Search: {}", page.query) };
            let (path, twin) = if raw.is_empty() {
                ("/search".to_string(), "/search.json".to_string())
            } else {
                (format!("/search?{raw}"), format!("/search.json?{raw}"))
            };
            super::render_with_twin(&path, &twin, json, &page, || SearchTemplate {
                layout: Layout::new(site, &path, &title, "Search what each leader said.", Some(twin.clone()))
                    .with_query(&page.query),
                page: &page,
            })
        });
    result.unwrap_or_else(|e| e.render(Some(site)))
}

/// "/search?q=cyber&speaker=putin", with only the filters that are set.
fn search_path(q: &str, speaker: &str, topic: &str) -> String {
    let params: Vec<String> = [("q", q), ("speaker", speaker), ("topic", topic)]
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect();
    if params.is_empty() { "/search".to_string() } else { format!("/search?{}", params.join("&")) }
}

/// Percent-encodes a query value (letters, digits and `-._~` stay).
fn encode(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    for b in v.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else if b == b' ' {
            out.push('+');
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Axum decodes queries leniently ("%ZZ" stays as it is, "%FF" becomes
/// "�"); a search address must be properly percent-encoded UTF-8.
fn check_encoding(raw: &str) -> Result<(), String> {
    let bytes = raw.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
                let byte = hex.and_then(|h| u8::from_str_radix(h, 16).ok()).ok_or_else(|| {
                    format!("\"%\" at position {} is not followed by two hexadecimal digits", i + 1)
                })?;
                decoded.push(byte);
                i += 3;
            }
            b => {
                decoded.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(decoded).map(|_| ()).map_err(|_| "it does not decode to UTF-8 text".to_string())
}

pub async fn html(
    State(site): State<Arc<Site>>,
    RawQuery(raw): RawQuery,
    q: Result<Query<SearchParams>, QueryRejection>,
) -> Response {
    respond(&site, raw, q, false)
}

pub async fn json(
    State(site): State<Arc<Site>>,
    RawQuery(raw): RawQuery,
    q: Result<Query<SearchParams>, QueryRejection>,
) -> Response {
    respond(&site, raw, q, true)
}

#[cfg(test)]
mod tests {
    use super::check_encoding;

    #[test]
    fn percent_encoding_must_be_whole_and_utf8() {
        assert!(check_encoding("q=cyber+attacks&speaker=putin").is_ok());
        assert!(check_encoding("q=%E2%80%9Cquoted%E2%80%9D").is_ok());
        assert!(check_encoding("q=%ZZ").is_err());
        assert!(check_encoding("q=a%2").is_err());
        assert!(check_encoding("q=%FF").is_err());
        assert!(check_encoding("q=%C3%28").is_err());
    }
}
