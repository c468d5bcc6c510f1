//! `/quotes/{id}`: one statement on its own — its words, speaker, topics,
//! the paragraph it was said in, what the other speakers said on the same
//! topics, a link to copy, and link-preview metadata.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use serde::Serialize;

use super::article::{pieces, Piece};
use crate::web::error::PageError;
use crate::web::layout::{Layout, Preview};
use crate::web::respond::split_json;
use crate::web::views::{self, SpeakerRef, StatementView, TopicRef};
use crate::web::Site;

/// How many of a counterpart's statements a quote page shows per topic.
const COUNTERPART_LIMIT: usize = 5;
/// How many other articles with the same words a quote page lists.
const ALSO_IN_LIMIT: usize = 20;

#[derive(Serialize)]
pub struct QuotePage {
    pub heading: String,
    pub statement: StatementView,
    pub role: Option<String>,
    pub permalink: String,
    /// The paragraph it stands in, with the statement marked.
    pub paragraph: Vec<Piece>,
    /// The same words by the same speaker in other articles (the first of them).
    pub also_in: Vec<StatementView>,
    pub also_in_total: usize,
    /// What each other speaker said on each of the statement's topics.
    pub counterparts: Vec<Counterpart>,
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

pub fn build(site: &Site, i: usize) -> QuotePage {
    let index = &site.index;
    let e = &index.entries[i];
    let statement = views::statement(index, i);
    let (_, pstart, pend) = index.paragraph(i);
    let text = &index.articles[e.article].article.text;
    let counterparts = (0..index.summit.speakers.len())
        .filter(|&s| Some(s) != e.speaker)
        .flat_map(|s| e.topics.iter().map(move |&t| (s, t)))
        .map(|(s, t)| Counterpart {
            speaker: views::speaker_ref(index, s),
            topic: views::topic_ref(index, t),
            statements: views::statements(index, index.first_versions(index.said_on(s, t)).into_iter().take(COUNTERPART_LIMIT)),
        })
        .collect();
    let topic = statement.topics.first().map(|t| t.name.clone());
    QuotePage {
        heading: match &topic {
            Some(t) => format!("{} on {t}", statement.speaker_name),
            None => statement.speaker_name.clone(),
        },
        role: e.speaker.map(|s| index.summit.speakers[s].role.clone()).filter(|r| !r.is_empty()),
        permalink: site.absolute(&statement.url),
        paragraph: pieces(index, text, pstart, pend, &[i]),
        also_in: views::statements(
            index,
            index.entries_with_id(&e.id).iter().copied().filter(|&o| o != i).take(ALSO_IN_LIMIT),
        ),
        also_in_total: index.entries_with_id(&e.id).len() - 1,
        counterparts,
        statement,
    }
}

pub async fn page(State(site): State<Arc<Site>>, Path(param): Path<String>) -> Response {
    let (id, json) = split_json(&param);
    let Some(i) = site.index.entry(id) else {
        return PageError::not_found("statement", json).render(Some(&site));
    };
    let page = build(&site, i);
    let path = format!("/quotes/{id}");
    let words = crate::text::shorten(&page.statement.text, 200);
    let preview = Preview { title: page.heading.clone(), description: words.clone(), kind: "article" };
    super::render(&path, json, &page, || QuoteTemplate {
        layout: Layout::new(&site, &path, &page.heading, &words, Some(format!("{path}.json"))).with_preview(preview),
        page: &page,
    })
    .unwrap_or_else(|e| e.render(Some(&site)))
}
