//! `/`: the summit at a glance — a topic × speaker table, the speakers and
//! the first articles (all of them are on `/articles`, in `articles.rs`).

use askama::Template;
use axum::response::Response;
use serde::Serialize;

use crate::index::EntryIx;
use crate::web::error::PageError;
use crate::web::layout::Layout;
use crate::web::paging::PAGE_SIZE;
use crate::web::request::Format;
use crate::web::views::{self, ArticleRef, SpeakerRef, TopicRef};
use crate::web::Site;

#[derive(Serialize)]
pub struct HomePage {
    pub summit: SummitView,
    pub statement_count: usize,
    pub topics: Vec<TopicRow>,
    pub speakers: Vec<SpeakerCount>,
    /// Statements by anyone who is not a tracked speaker.
    pub others: usize,
    /// The first articles; all of them are on `/articles`.
    pub articles: Vec<ArticleCount>,
    pub article_total: usize,
}

#[derive(Serialize)]
pub struct SummitView {
    pub title: String,
    pub date: String,
    pub place: String,
}

#[derive(Serialize)]
pub struct TopicRow {
    pub topic: TopicRef,
    pub cells: Vec<Cell>,
}

/// How much one speaker said on one topic, with the start of the most
/// specific statement (see `Index::most_specific`).
#[derive(Serialize)]
pub struct Cell {
    pub speaker: String,
    pub speaker_name: String,
    pub count: usize,
    pub first: Option<String>,
}

#[derive(Serialize)]
pub struct SpeakerCount {
    pub speaker: SpeakerRef,
    pub count: usize,
}

#[derive(Serialize)]
pub struct ArticleCount {
    pub article: ArticleRef,
    pub count: usize,
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomeTemplate<'a> {
    layout: Layout,
    page: &'a HomePage,
}

pub fn build(site: &Site) -> HomePage {
    let index = &site.index;
    let summit = &index.summit;
    // A statement already standing for one topic stands for another only
    // when there is nothing else to choose.
    let mut used = std::collections::HashSet::new();
    let topics = summit.topic_ixs()
        .map(|t| TopicRow {
            topic: views::topic_ref(index, t),
            cells: summit.speaker_ixs()
                .map(|s| {
                    let said = index.one_per_statement(index.said_on(s, t));
                    let fresh = index.most_specific(said.iter().copied().filter(|i| !used.contains(i)));
                    let chosen = fresh.or_else(|| index.most_specific(said.iter().copied()));
                    used.extend(chosen);
                    Cell {
                        speaker: summit.speakers[s].id.clone(),
                        speaker_name: summit.speakers[s].name.clone(),
                        count: said.len(),
                        first: chosen.map(|i| first_line(index, i)),
                    }
                })
                .collect(),
        })
        .collect();
    HomePage {
        summit: SummitView { title: summit.title.clone(), date: summit.date.clone(), place: summit.place.clone() },
        statement_count: index.entries.len(),
        topics,
        speakers: summit.speaker_ixs()
            .map(|s| SpeakerCount { speaker: views::speaker_ref(index, s), count: index.one_per_statement(index.by_speaker(s).iter().copied()).len() })
            .collect(),
        others: index.entries.iter().filter(|e| e.statement.speaker.is_none()).count(),
        articles: article_counts(index, 0..index.articles.len().min(PAGE_SIZE)),
        article_total: index.articles.len(),
    }
}

/// A statement as one line of the overview: a quote in quotation marks,
/// reported speech said to be reported.
fn first_line(index: &crate::index::Index, i: EntryIx) -> String {
    let words = crate::text::for_display(&crate::text::shorten(index.words(i), 90));
    if index.statement(i).kind == crate::analysis::Kind::Direct {
        format!("\u{201c}{words}\u{201d}")
    } else {
        format!("Reported: {words}")
    }
}

/// The articles at the places in `range`, each with how many statements it gave.
pub fn article_counts(index: &crate::index::Index, range: std::ops::Range<usize>) -> Vec<ArticleCount> {
    index
        .article_ixs()
        .skip(range.start)
        .take(range.len())
        .map(|a| ArticleCount { article: views::article_ref(index, a), count: index.articles[a].entries.len() })
        .collect()
}

/// The overview or its JSON twin (`/index.json`).
pub fn page(site: &Site, format: Format) -> Result<Response, PageError> {
    let page = build(site);
    let names: Vec<&str> = site.index.summit.speakers.iter().map(|s| s.name.as_str()).collect();
    let description = format!("What {} said at the {}, topic by topic, side by side.", names.join(" and "), site.index.summit.title);
    let title = format!("{}: what each leader said, side by side", site.index.summit.title);
    let preview = crate::web::layout::Preview::of_site(site, title, description.clone());
    super::render("/", format, &page, || HomeTemplate {
        layout: Layout::new(site, "/", &site.index.summit.title, &description, Some(super::json_path("/"))).with_preview(preview),
        page: &page,
    })
}
