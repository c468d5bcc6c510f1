//! `/quotes/{id}`: one statement on its own — its words, speaker, topics,
//! the paragraph it was said in, what the other speakers said on the same
//! topics, a link to copy, and link-preview metadata. (Its share card,
//! `/quotes/{id}.png`, is drawn in `card.rs` from [`card_of`].)

use askama::Template;
use axum::response::Response;
use serde::Serialize;

use super::article::{pieces, Piece};
use crate::index::EntryIx;
use crate::summit::SpeakerIx;
use crate::web::card::{self, Card};
use crate::web::citation;
use crate::web::embed;
use crate::web::layout::SITE_NAME;
use crate::web::text_fragment;
use crate::web::error::PageError;
use crate::web::layout::{Layout, Preview, PreviewImage};
use crate::web::paging::{Pager, PAGE_SIZE};
use crate::web::request::{Format, PageNumber};
use crate::web::views::{self, SpeakerRef, StatementView, TopicRef};
use crate::web::Site;

/// How many of a counterpart's statements a quote page shows per topic.
const COUNTERPART_LIMIT: usize = 5;
/// How long the share card's description may be, in characters.
const CARD_ALT_LIMIT: usize = 300;

#[derive(Serialize)]
pub struct QuotePage {
    pub heading: String,
    pub statement: StatementView,
    pub role: Option<String>,
    pub permalink: String,
    /// The paragraph it stands in, with the statement marked.
    pub paragraph: Vec<Piece>,
    /// The statement at its source, with a link to the exact words there,
    /// when the article gives its original address.
    pub original: Option<String>,
    /// How many articles report the statement, in this or another version.
    pub sources: usize,
    /// How many versions the statement has (this one among them).
    pub version_total: usize,
    /// This page's share of the versions, in source order: a statement
    /// reported by a hundred articles has its versions on several pages.
    pub versions: Vec<Version>,
    /// Where this page stands among the pages of versions.
    pub pager: Pager,
    /// An HTML snippet to quote the statement on another page.
    pub embed: String,
    /// What each other speaker said on each of the statement's topics.
    pub counterparts: Vec<Counterpart>,
    /// In a transcript, the question the statement answers.
    pub question: Option<StatementView>,
    /// Ready citations to copy.
    pub citation: citation::Citation,
    /// The share card's address, and what it shows.
    pub card_url: String,
    pub card_alt: String,
}

/// One article's version of the statement.
#[derive(Serialize)]
pub struct Version {
    #[serde(flatten)]
    pub statement: StatementView,
    /// Its words at the source, when the article gives its original address.
    pub original: Option<String>,
    /// Is this the version the page is about?
    pub current: bool,
}

#[derive(Serialize)]
pub struct Counterpart {
    pub speaker: SpeakerRef,
    pub topic: TopicRef,
    pub statements: Vec<StatementView>,
}

#[derive(Template)]
#[template(path = "quote.html")]
struct QuoteTemplate<'a> {
    layout: Layout,
    page: &'a QuotePage,
}

pub fn build(site: &Site, i: EntryIx, pager: Pager) -> QuotePage {
    let index = &site.index;
    let e = index.statement(i);
    let statement = views::statement(index, i);
    let (_, pstart, pend) = index.paragraph(i);
    let text = &index.article_of(i).text;
    let counterparts = index.summit.speaker_ixs()
        .filter(|&s| Some(s) != e.speaker)
        .flat_map(|s| e.topics.iter().map(move |&t| (s, t)))
        .map(|(s, t)| Counterpart {
            speaker: views::speaker_ref(index, s),
            topic: views::topic_ref(index, t),
            statements: views::statements(index, index.one_per_statement(index.said_on(s, t)).into_iter().take(COUNTERPART_LIMIT)),
        })
        .collect();
    let topic = statement.topics.first().map(|t| t.name.clone());
    let role = e.speaker.map(|s| index.summit.speakers[s].role.clone()).filter(|r| !r.is_empty());
    let version_total = index.versions(i).len();
    let shown = pager.range(version_total);
    let permalink = site.absolute(&statement.url);
    QuotePage {
        heading: match &topic {
            Some(t) => format!("{} on {t}", statement.speaker_name),
            None => statement.speaker_name.clone(),
        },
        paragraph: pieces(index, text, pstart, pend, &[i]),
        original: original(site, i),
        sources: statement.sources,
        version_total,
        versions: index
            .versions(i)
            .skip(shown.start)
            .take(shown.len())
            .map(|v| Version { statement: views::statement(index, v), original: original(site, v), current: v == i })
            .collect(),
        pager,
        embed: embed::snippet(&statement, role.as_deref(), &permalink, SITE_NAME),
        citation: citation::of(&statement, &permalink),
        card_url: format!("{}.png", statement.url),
        card_alt: card_alt(&statement),
        role,
        permalink,
        counterparts,
        question: index.question(i).map(|q| views::statement(index, q)),
        statement,
    }
}

/// What the share card shows, in words.
fn card_alt(s: &StatementView) -> String {
    crate::text::shorten(&format!("{}: {} ({})", s.speaker_name, s.labelled_text(), s.article.source_line), CARD_ALT_LIMIT)
}

/// Statement `i`'s words in its original article, with a text fragment.
fn original(site: &Site, i: EntryIx) -> Option<String> {
    let index = &site.index;
    let article = index.article_of(i);
    text_fragment::web_address(article.url.as_deref()).map(|url| text_fragment::link(url, index.words(i)))
}

/// The quote page or its JSON twin. Its list of versions comes a page at a
/// time, as lists do (`?page=2`).
pub fn page(site: &Site, id: &str, format: Format, page_number: Result<PageNumber, PageError>) -> Result<Response, PageError> {
    let Some(i) = site.index.entry(id) else {
        return Err(PageError::not_found("statement"));
    };
    let base = format!("/quotes/{id}");
    let pager = super::pager(page_number, site.index.versions(i).len(), PAGE_SIZE, &base)?;
    let path = pager.path(&base);
    let page = build(site, i, pager);
    let words = crate::text::shorten(&views::preview_description(&page.statement), 300);
    let image = PreviewImage {
        url: site.absolute(&format!("{path}.png")),
        width: card::WIDTH,
        height: card::HEIGHT,
        kind: card::CONTENT_TYPE,
        alt: page.card_alt.clone(),
    };
    let preview =
        Preview { title: views::preview_title(&page.statement), description: words.clone(), kind: "article", image: Some(image) };
    super::render(&path, format, &page, || QuoteTemplate {
        layout: Layout::new(site, &path, &page.heading, &words, Some(super::json_path(&path))).with_preview(preview),
        page: &page,
    })
}

/// What the share card of statement `i` shows.
pub fn card_of(site: &Site, i: EntryIx) -> Card {
    let index = &site.index;
    let e = index.statement(i);
    let statement = views::statement(index, i);
    Card {
        reported: statement.reported.as_ref().map(|_| card::reported_line(statement.article.outlet.as_deref(), e.speaker.map_or("their", |s| index.summit.speakers[s].pronoun.possessive()))),
        source: statement.article.source_line.clone(),
        via: statement.via.clone(),
        parts: statement.parts,
        speaker: statement.speaker_name,
        role: e.speaker.map(|s| index.summit.speakers[s].role.clone()).filter(|r| !r.trim().is_empty()),
        topic: statement.topics.into_iter().next().map(|t| t.name),
        summit: index.summit.title.clone(),
        colour: card::speaker_colour(e.speaker.map(SpeakerIx::position)),
    }
}
