//! `/speakers/{speaker}`: everything one speaker said, grouped by topic.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use serde::Serialize;

use crate::web::error::PageError;
use crate::web::layout::Layout;
use crate::web::respond::split_json;
use crate::web::views::{self, SpeakerRef, StatementView, TopicRef};
use crate::web::Site;

#[derive(Serialize)]
pub struct SpeakerPage {
    pub speaker: SpeakerRef,
    pub count: usize,
    pub groups: Vec<TopicGroup>,
}

#[derive(Serialize)]
pub struct TopicGroup {
    pub topic: TopicRef,
    pub statements: Vec<StatementView>,
}

#[derive(Template)]
#[template(path = "speaker.html")]
struct SpeakerTemplate<'a> {
    layout: Layout,
    page: &'a SpeakerPage,
}

pub fn build(site: &Site, s: usize) -> SpeakerPage {
    let index = &site.index;
    let groups = (0..index.summit.topics.len())
        .map(|t| TopicGroup { topic: views::topic_ref(index, t), statements: views::statements(index, index.said_on(s, t)) })
        .filter(|g| !g.statements.is_empty())
        .collect();
    SpeakerPage { speaker: views::speaker_ref(index, s), count: index.by_speaker(s).len(), groups }
}

pub async fn page(State(site): State<Arc<Site>>, Path(param): Path<String>) -> Response {
    let (id, json) = split_json(&param);
    let Some(s) = site.index.speaker(id) else {
        return PageError::not_found("speaker", json).render(Some(&site));
    };
    let page = build(&site, s);
    let path = format!("/speakers/{id}");
    let description = format!("Everything {} said in the coverage of the {}, by topic.", page.speaker.name, site.index.summit.title);
    super::render(&path, json, &page, || SpeakerTemplate {
        layout: Layout::new(&site, &path, &page.speaker.name, &description, Some(format!("{path}.json"))),
        page: &page,
    })
    .unwrap_or_else(|e| e.render(Some(&site)))
}
