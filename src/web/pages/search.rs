//! `/search?q=&speaker=&topic=&article=`: statements ranked by how well they
//! match a few remembered words, with the words marked, filters by speaker,
//! topic and article, and how many statements each filter would give.

use std::ops::Range;

use askama::Template;
use axum::extract::{FromRequestParts, Query};
use axum::http::request::Parts;
use axum::response::Response;
use serde::{Deserialize, Serialize};

use crate::index::{ArticleIx, EntryIx, Index};
use crate::search::{Outcome, Request, SearchError};
use crate::summit::{SpeakerIx, TopicIx};
use crate::text::marked_stretches;
use crate::web::error::PageError;
use crate::web::percent::{check_query, query_value};
use crate::web::layout::Layout;
use crate::web::paging::Pager;
use crate::web::request::Format;
use crate::web::views::{self, SpeakerRef, StatementView, TopicRef};
use crate::web::Site;

/// Longest query accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 200;
/// How many articles the article filter lists (those with the most results).
const ARTICLE_FACET_LIMIT: usize = 10;

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
    #[serde(default)]
    article: String,
}

#[derive(Serialize)]
pub struct SearchPage {
    pub query: String,
    pub speaker: String,
    pub topic: String,
    pub article: String,
    pub searched: bool,
    pub total: usize,
    pub results: Vec<Hit>,
    pub pager: Pager,
    /// Parts of the query that could not be read; the rest was searched.
    pub problems: Vec<String>,
    pub facets: Facets,
    /// The topics the words name ("cyber", "human rights"): their pages,
    /// where each leader's words on it stand side by side, come first.
    pub topic_offers: Vec<TopicRef>,
    /// Every speaker and topic, for the form.
    pub speakers: Vec<SpeakerRef>,
    pub topics: Vec<TopicRef>,
}

/// A statement found, with the searched-for words marked.
#[derive(Serialize)]
pub struct Hit {
    #[serde(flatten)]
    pub statement: StatementView,
    /// The statement's words in stretches, `marked` where they matched.
    pub marked: Vec<Stretch>,
}

#[derive(Serialize)]
pub struct Stretch {
    pub text: String,
    pub marked: bool,
}

/// Every filter value with how many statements match the words with it.
#[derive(Serialize)]
pub struct Facets {
    pub speakers: Vec<FacetValue>,
    pub topics: Vec<FacetValue>,
    pub articles: Vec<FacetValue>,
}

#[derive(Serialize)]
pub struct FacetValue {
    pub id: String,
    pub name: String,
    pub count: usize,
    pub selected: bool,
    /// This search with the filter set to this value (or cleared, when it is set).
    pub url: String,
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchTemplate<'a> {
    layout: Layout,
    page: &'a SearchPage,
}

/// The filters of a search, resolved against the index.
struct Filters {
    speaker: Option<SpeakerIx>,
    topic: Option<TopicIx>,
    article: Option<ArticleIx>,
}

fn filters(index: &Index, p: &SearchParams) -> Result<Filters, PageError> {
    Ok(Filters {
        speaker: filter(&p.speaker, "speaker", |id| index.speaker(id))?,
        topic: filter(&p.topic, "topic", |id| index.topic(id))?,
        article: filter(&p.article, "article", |id| index.article(id))?,
    })
}

/// The filter a parameter asks for: none when it is empty, a bad request
/// when it names nothing there is.
fn filter<T>(id: &str, what: &str, find: impl Fn(&str) -> Option<T>) -> Result<Option<T>, PageError> {
    match id {
        "" => Ok(None),
        id => find(id).map(Some).ok_or_else(|| PageError::bad_request(format!("There is no {what} {id:?}."))),
    }
}

fn build(site: &Site, p: &SearchParams) -> Result<SearchPage, PageError> {
    let index = &site.index;
    let query = p.q.trim();
    if query.chars().count() > MAX_QUERY_CHARS {
        return Err(PageError::bad_request(format!("The search is too long: at most {MAX_QUERY_CHARS} characters.")));
    }
    let f = filters(index, p)?;
    let searched = !query.is_empty() || f.speaker.is_some() || f.topic.is_some() || f.article.is_some();
    let base = search_path(query, &p.speaker, &p.topic, &p.article);
    let page_error = |e| super::page_number_error(&e);
    // The page number is checked twice: as a number before searching, and
    // against the number of results after.
    let wanted = Pager::new(p.page.as_deref(), index.entries.len(), &base).map_err(page_error)?;
    let range = wanted.range(index.entries.len());
    let outcome = if searched { run(site, query, &f, range)? } else { Outcome::default() };
    let pager = Pager::new(p.page.as_deref(), outcome.total, &base).map_err(page_error)?;
    let results = outcome.hits.iter().map(|&i| hit(site, i, &outcome)).collect();
    Ok(SearchPage {
        pager,
        query: query.to_string(),
        speaker: p.speaker.clone(),
        topic: p.topic.clone(),
        article: p.article.clone(),
        searched,
        total: outcome.total,
        results,
        problems: outcome.problems.clone(),
        facets: facets(index, query, p, &outcome),
        topic_offers: topics_named(index, query).into_iter().map(|t| views::topic_ref(index, t)).collect(),
        speakers: index.summit.speaker_ixs().map(|s| views::speaker_ref(index, s)).collect(),
        topics: index.summit.topic_ixs().map(|t| views::topic_ref(index, t)).collect(),
    })
}

/// Words shorter than this name no topic on their own.
const SHORTEST_TOPIC_WORD: usize = 3;

/// The topics whose name, id or keywords the query's words begin, every
/// one of them: "cyber" and "cybersecurity" name Cybersecurity, "human
/// rights" Human rights; "the talks" names nothing.
fn topics_named(index: &Index, query: &str) -> Vec<TopicIx> {
    let words: Vec<String> = query
        .split_whitespace()
        .filter(|piece| !piece.starts_with('-'))
        .flat_map(|piece| piece.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() || words.iter().any(|w| w.chars().count() < SHORTEST_TOPIC_WORD) {
        return Vec::new();
    }
    index.summit.topic_ixs()
        .filter(|&t| {
            let topic = &index.summit.topics[t];
            let names: Vec<String> = std::iter::once(topic.name.as_str())
                .chain(std::iter::once(topic.id.as_str()))
                .chain(topic.keywords.iter().map(String::as_str))
                .flat_map(|n| n.split(|c: char| !c.is_alphanumeric()).map(str::to_lowercase).collect::<Vec<_>>())
                .filter(|n| !n.is_empty())
                .collect();
            words.iter().all(|w| names.iter().any(|n| n.starts_with(w.as_str())))
        })
        .collect()
}

fn run(site: &Site, words: &str, f: &Filters, page: Range<usize>) -> Result<Outcome, PageError> {
    let unavailable = |why: &str| {
        tracing::error!("search failed: {why}");
        PageError::unavailable("Search is not available right now. Please try again later.")
    };
    let search = site.index.search().map_err(unavailable)?;
    let request = Request { words, speaker: f.speaker, topic: f.topic, article: f.article, page };
    search.run(&site.index, &request).map_err(|e| match e {
        // The reader's query, not a fault: said to them, not logged.
        SearchError::Unreadable(why) => PageError::bad_request(format!("This search cannot be run: {why}.")),
        SearchError::Index(e) => unavailable(&e.to_string()),
    })
}

fn hit(site: &Site, i: EntryIx, outcome: &Outcome) -> Hit {
    let statement = views::statement(&site.index, i);
    let marks = site.index.search().map(|s| s.marks(&statement.text, &outcome.stems, &outcome.prefixes)).unwrap_or_default();
    let marked = marked_stretches(0, statement.text.len(), marks.into_iter().map(|m| (m, ())))
        .into_iter()
        .map(|(range, mark)| Stretch { text: statement.text[range].to_string(), marked: mark.is_some() })
        .collect();
    Hit { statement, marked }
}

fn facets(index: &Index, query: &str, p: &SearchParams, outcome: &Outcome) -> Facets {
    let value = |id: &str, name: &str, count: usize, current: &str, with: &dyn Fn(&str) -> String| FacetValue {
        id: id.to_string(),
        name: name.to_string(),
        count,
        selected: current == id,
        url: with(if current == id { "" } else { id }),
    };
    let with_speaker = |id: &str| search_path(query, id, &p.topic, &p.article);
    let with_topic = |id: &str| search_path(query, &p.speaker, id, &p.article);
    let with_article = |id: &str| search_path(query, &p.speaker, &p.topic, id);
    let mut speakers: Vec<FacetValue> = index
        .summit
        .speakers
        .iter()
        .zip(&outcome.by_speaker)
        .map(|(s, &n)| value(&s.id, &s.name, n, &p.speaker, &with_speaker))
        .collect();
    speakers.retain(|v| v.count > 0 || v.selected);
    let topics = index
        .summit
        .topics
        .iter()
        .zip(&outcome.by_topic)
        .filter(|(t, &n)| n > 0 || t.id == p.topic)
        .map(|(t, &n)| value(&t.id, &t.name, n, &p.topic, &with_topic))
        .collect();
    // The articles with the most matches, and the chosen one however far
    // down it is; only those are written out (a corpus has thousands).
    let chosen = index.article(&p.article);
    let mut by_article: Vec<(ArticleIx, usize)> =
        index.article_ixs().zip(outcome.by_article.iter().copied()).filter(|&(a, n)| n > 0 || Some(a) == chosen).collect();
    let order = |x: &(ArticleIx, usize), y: &(ArticleIx, usize)| y.1.cmp(&x.1).then(x.0.cmp(&y.0));
    if by_article.len() > ARTICLE_FACET_LIMIT {
        by_article.select_nth_unstable_by(ARTICLE_FACET_LIMIT, order);
        let kept = chosen.filter(|c| by_article[ARTICLE_FACET_LIMIT..].iter().any(|&(a, _)| a == *c));
        by_article.truncate(ARTICLE_FACET_LIMIT);
        by_article.sort_unstable_by(order);
        by_article.extend(kept.map(|c| (c, outcome.by_article[c.position()])));
    } else {
        by_article.sort_unstable_by(order);
    }
    let articles: Vec<FacetValue> = by_article
        .iter()
        .map(|&(a, n)| {
            let art = &index.articles[a].article;
            value(&art.id, &crate::text::shorten(&art.title, 60), n, &p.article, &with_article)
        })
        .collect();
    Facets { speakers, topics, articles }
}

/// A search as asked for: its query string as written (the page's address
/// keeps it) and its parameters. A query that is not well formed is refused
/// before anything is searched.
pub struct SearchRequest {
    raw: String,
    params: SearchParams,
}

impl SearchRequest {
    /// The query parameters a search reads, in the order its canonical
    /// address lists them.
    pub const PARAMETERS: &'static [&'static str] = &["q", "speaker", "topic", "article", "page"];
}

impl<S: Send + Sync> FromRequestParts<S> for SearchRequest {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let raw = parts.uri.query().unwrap_or_default().to_string();
        check_query(&raw).map_err(|why| PageError::bad_request(format!("The search address is malformed: {why}.")))?;
        let Query(params) = Query::<SearchParams>::from_request_parts(parts, state)
            .await
            .map_err(|e| PageError::bad_request(format!("The search address is malformed: {}", e.body_text())))?;
        Ok(SearchRequest { raw, params })
    }
}

/// The search page or its JSON twin.
pub fn page(site: &Site, format: Format, request: SearchRequest) -> Result<Response, PageError> {
    let SearchRequest { raw, params: p } = request;
    let page = build(site, &p)?;
    let title = if page.query.is_empty() { "Search".to_string() } else { format!("Search: {}", page.query) };
    let (path, twin) =
        if raw.is_empty() { ("/search".to_string(), "/search.json".to_string()) } else { (format!("/search?{raw}"), format!("/search.json?{raw}")) };
    super::render_with_twin(&path, &twin, format, &page, || SearchTemplate {
        layout: Layout::new(site, &path, &title, "Search what each leader said.", Some(twin.clone())).with_query(&page.query),
        page: &page,
    })
}

/// "/search?q=cyber&speaker=putin", with only the filters that are set.
fn search_path(q: &str, speaker: &str, topic: &str, article: &str) -> String {
    let params: Vec<String> = [("q", q), ("speaker", speaker), ("topic", topic), ("article", article)]
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", query_value(v)))
        .collect();
    if params.is_empty() { "/search".to_string() } else { format!("/search?{}", params.join("&")) }
}
