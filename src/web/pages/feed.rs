//! Atom feeds: `/topics/{topic}.atom` and `/speakers/{speaker}.atom`, so a
//! reader can follow what is said on an issue, or by one leader, in any feed
//! reader. A feed holds the newest statements (by their article's date) and
//! changes whenever a reload brings new ones.

use askama::Template;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::index::{EntryIx, Index};
use crate::web::error::PageError;
use crate::web::layout::SITE_NAME;
use crate::web::{views, Site};

/// How many statements a feed holds: the newest.
pub const FEED_LIMIT: usize = 100;
const CONTENT_TYPE: &str = "application/atom+xml; charset=utf-8";
/// The time of day given to a date without one.
const MIDNIGHT: &str = "T00:00:00Z";
/// The date of statements whose article and summit have none.
const NO_DATE: &str = "1970-01-01";

#[derive(Template)]
#[template(path = "feed.xml")]
struct FeedTemplate {
    /// The feed's own absolute address, also its id.
    id: String,
    title: String,
    subtitle: String,
    /// The page the feed follows.
    page: String,
    generator: &'static str,
    updated: String,
    entries: Vec<FeedEntry>,
}

struct FeedEntry {
    /// The statement's permalink, also its id.
    id: String,
    title: String,
    author: String,
    updated: String,
    words: String,
    source: String,
    topics: Vec<String>,
}

/// The feed of a topic.
pub fn topic(site: &Site, id: &str) -> Result<Response, PageError> {
    let index = &site.index;
    let Some(t) = index.topic(id) else {
        return Err(PageError::not_found("topic"));
    };
    let topic = &index.summit.topics[t];
    let statements = index.one_per_statement(index.on_topic(t).iter().copied());
    render(
        site,
        &format!("/topics/{id}"),
        format!("{} · {}", topic.name, index.summit.title),
        format!("What each speaker said on {} in the coverage of the {}.", topic.name, index.summit.title),
        statements,
    )
}

/// The feed of a tracked speaker.
pub fn speaker(site: &Site, id: &str) -> Result<Response, PageError> {
    let index = &site.index;
    let Some(s) = index.speaker(id) else {
        return Err(PageError::not_found("speaker"));
    };
    let speaker = &index.summit.speakers[s];
    let statements = index.one_per_statement(index.by_speaker(s).iter().copied());
    render(
        site,
        &format!("/speakers/{id}"),
        format!("{} · {}", speaker.name, index.summit.title),
        format!("Everything {} said in the coverage of the {}.", speaker.name, index.summit.title),
        statements,
    )
}

fn render(site: &Site, page: &str, title: String, subtitle: String, statements: Vec<EntryIx>) -> Result<Response, PageError> {
    let index = &site.index;
    let mut dated: Vec<(String, EntryIx)> = statements.into_iter().map(|i| (date_of(index, i), i)).collect();
    // Newest first; statements of one day in the order they were reported.
    dated.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    dated.truncate(FEED_LIMIT);
    let updated = dated.first().map_or_else(|| date_time(&summit_date(index)), |(d, _)| date_time(d));
    let feed = FeedTemplate {
        id: site.absolute(&format!("{page}.atom")),
        title: xml_text(&title),
        subtitle: xml_text(&subtitle),
        page: site.absolute(page),
        generator: SITE_NAME,
        updated,
        entries: dated.into_iter().map(|(date, i)| entry(site, i, &date)).collect(),
    };
    let body = feed.render().map_err(|e| {
        tracing::error!("cannot render the feed of {page}: {e}");
        PageError::internal("The feed could not be rendered.")
    })?;
    let mut response = (StatusCode::OK, body).into_response();
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(CONTENT_TYPE));
    Ok(response)
}

fn entry(site: &Site, i: EntryIx, date: &str) -> FeedEntry {
    let s = views::statement(&site.index, i);
    // Reported speech says so before its words, as on every page.
    let words = s.labelled_text();
    let mut source = format!("{} ({})", s.article.title, s.article.source_line);
    if let Some(via) = &s.via {
        source.push_str(&format!(", via {via}"));
    }
    FeedEntry {
        id: site.absolute(&s.url),
        title: xml_text(&views::preview_title(&s)),
        author: xml_text(&s.speaker_name),
        updated: date_time(date),
        words: xml_text(&words),
        source: xml_text(&source),
        topics: s.topics.iter().map(|t| xml_text(&t.name)).collect(),
    }
}

/// The day a statement was reported: its article's date, else the summit's.
fn date_of(index: &Index, i: EntryIx) -> String {
    let article = index.article_of(i);
    article.date.as_deref().and_then(day).map_or_else(|| summit_date(index), str::to_string)
}

fn summit_date(index: &Index) -> String {
    day(&index.summit.date).unwrap_or(NO_DATE).to_string()
}

/// "2021-06-16" from a date that starts with one ("2021-06-16T09:00Z" too).
fn day(date: &str) -> Option<&str> {
    let d = date.trim().get(..10)?;
    let b = d.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    (digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)).then_some(d)
}

fn date_time(day: &str) -> String {
    format!("{day}{MIDNIGHT}")
}

/// Text that XML 1.0 can carry: control characters other than tab and
/// line ends are not allowed even escaped, so they are left out.
fn xml_text(s: &str) -> String {
    s.chars().filter(|&c| !matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_from_their_first_ten_characters() {
        assert_eq!(day("2021-06-16"), Some("2021-06-16"));
        assert_eq!(day(" 2021-06-16T09:30:00Z"), Some("2021-06-16"));
        assert_eq!(day("16 June 2021"), None);
        assert_eq!(day("2021-6-16"), None);
        assert_eq!(day("2021-06-1"), None);
        assert_eq!(day("2021-06-1é"), None);
    }

    #[test]
    fn characters_xml_cannot_carry_are_left_out() {
        assert_eq!(xml_text("a\u{0}b\u{1b}c\td\ne\u{ffff}"), "abc\td\ne");
    }
}
