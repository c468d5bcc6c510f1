//! `/topics/{topic}`: the heart of the site — one column per speaker, their
//! statements on the topic in source order.

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
pub struct TopicPage {
    pub topic: TopicRef,
    pub description: String,
    pub columns: Vec<Column>,
    /// What people who are not tracked speakers said on the topic.
    pub others: Vec<StatementView>,
    pub other_topics: Vec<TopicRef>,
}

/// One speaker's statements on the topic.
#[derive(Serialize)]
pub struct Column {
    pub speaker: SpeakerRef,
    pub statements: Vec<StatementView>,
}

#[derive(Template)]
#[template(path = "topic.html")]
struct TopicTemplate<'a> {
    layout: Layout,
    page: &'a TopicPage,
}

pub fn build(site: &Site, t: usize) -> TopicPage {
    let index = &site.index;
    let columns = (0..index.summit.speakers.len())
        .map(|s| Column { speaker: views::speaker_ref(index, s), statements: views::statements(index, index.said_on(s, t)) })
        .collect();
    let others = index.on_topic(t).iter().copied().filter(|&i| index.entries[i].speaker.is_none());
    TopicPage {
        topic: views::topic_ref(index, t),
        description: index.summit.topics[t].description.clone(),
        columns,
        others: views::statements(index, others),
        other_topics: (0..index.summit.topics.len()).filter(|&o| o != t).map(|o| views::topic_ref(index, o)).collect(),
    }
}

pub async fn page(State(site): State<Arc<Site>>, Path(param): Path<String>) -> Response {
    let (id, json) = split_json(&param);
    let Some(t) = site.index.topic(id) else {
        return PageError::not_found("topic", json).render(Some(&site));
    };
    let page = build(&site, t);
    let path = format!("/topics/{id}");
    let names: Vec<&str> = page.columns.iter().map(|c| c.speaker.name.as_str()).collect();
    let description = format!("What {} said on {}, side by side.", names.join(" and "), page.topic.name);
    super::render(&path, json, &page, || TopicTemplate {
        layout: Layout::new(&site, &path, &page.topic.name, &description, Some(format!("{path}.json"))),
        page: &page,
    })
    .unwrap_or_else(|e| e.render(Some(&site)))
}
