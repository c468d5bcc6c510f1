//! `/topics/{topic}`: the heart of the site — one column per speaker, their
//! statements on the topic in source order.

use std::sync::Arc;

use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use serde::Serialize;

use crate::web::error::PageError;
use crate::web::layout::Layout;
use crate::web::paging::{PageQuery, Pager};
use crate::web::respond::{split_atom, split_json};
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
    pub pager: Pager,
}

/// One speaker's statements on the topic (this page of them).
#[derive(Serialize)]
pub struct Column {
    pub speaker: SpeakerRef,
    /// How many in all, on every page.
    pub total: usize,
    pub statements: Vec<StatementView>,
}

#[derive(Template)]
#[template(path = "topic.html")]
struct TopicTemplate<'a> {
    layout: Layout,
    page: &'a TopicPage,
}

/// The statements of each column, and of others, before paging: each
/// statement once, however many articles reported it.
fn lists(site: &Site, t: usize) -> (Vec<Vec<usize>>, Vec<usize>) {
    let index = &site.index;
    let columns = (0..index.summit.speakers.len()).map(|s| index.one_per_statement(index.said_on(s, t))).collect();
    let others = index.one_per_statement(index.on_topic(t).iter().copied().filter(|&i| index.entries[i].speaker.is_none()));
    (columns, others)
}

pub fn build(site: &Site, t: usize, columns: Vec<Vec<usize>>, others: Vec<usize>, pager: Pager) -> TopicPage {
    let index = &site.index;
    let page_of = |list: &[usize]| views::statements(index, list[pager.range(list.len())].iter().copied());
    TopicPage {
        topic: views::topic_ref(index, t),
        description: index.summit.topics[t].description.clone(),
        columns: columns
            .iter()
            .enumerate()
            .map(|(s, list)| Column { speaker: views::speaker_ref(index, s), total: list.len(), statements: page_of(list) })
            .collect(),
        others: page_of(&others),
        other_topics: (0..index.summit.topics.len()).filter(|&o| o != t).map(|o| views::topic_ref(index, o)).collect(),
        pager,
    }
}

pub async fn page(
    State(site): State<Arc<Site>>,
    Path(param): Path<String>,
    query: Result<Query<PageQuery>, QueryRejection>,
) -> Response {
    if let (id, true) = split_atom(&param) {
        return super::feed::topic(&site, id);
    }
    let (id, json) = split_json(&param);
    let Some(t) = site.index.topic(id) else {
        return PageError::not_found("topic", json).render(Some(&site));
    };
    let base = format!("/topics/{id}");
    let (columns, others) = lists(&site, t);
    let lengths: Vec<usize> = columns.iter().map(Vec::len).chain([others.len()]).collect();
    let pager = match super::shared_pager(&query, &lengths, &base, json) {
        Ok(p) => p,
        Err(e) => return e.render(Some(&site)),
    };
    let path = pager.path(&base);
    let page = build(&site, t, columns, others, pager);
    let names: Vec<&str> = page.columns.iter().map(|c| c.speaker.name.as_str()).collect();
    let description = format!("What {} said on {}, side by side.", names.join(" and "), page.topic.name);
    super::render(&path, json, &page, || TopicTemplate {
        layout: Layout::new(&site, &path, &page.topic.name, &description, Some(super::json_path(&path)))
            .with_feed(&base, &format!("{} (Atom feed)", page.topic.name)),
        page: &page,
    })
    .unwrap_or_else(|e| e.render(Some(&site)))
}
