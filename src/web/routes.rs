//! The one route table: every address the site answers, and which page
//! module answers each representation of it.
//!
//! A route with a parameter takes the whole segment; the extractors of
//! `request.rs` read it as a [`Resource`] (its id and [`Format`]), and the
//! handlers here send each format to its page: the HTML page and its JSON
//! twin to the page's module, an Atom feed to `feed.rs`, a share card to
//! `card.rs`. A format a resource does not have is not found.

use std::sync::Arc;

use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use axum::Router;

use super::error::{self, PageError};
use super::pages::{article, articles, card, feed, home, meta, quote, search, speaker, topic};
use super::request::{Format, PageNumber, Resource};
use super::{assets, middleware, Site};

/// Every route, without the layers around them (see `middleware`).
pub fn table(site: &Arc<Site>) -> Router<Arc<Site>> {
    // Pages that show a statement's versions or search results wait, while
    // those are still being worked out after start-up, without holding one
    // of the threads that serve everything else.
    let pages = Router::new()
        .route("/", get(overview))
        .route("/index.json", get(overview))
        .route("/topics/{topic}", get(topics))
        .route("/speakers/{speaker}", get(speakers))
        .route("/articles", get(article_list))
        .route("/articles.json", get(article_list))
        .route("/articles/{article}", get(one_article))
        .route("/quotes/{id}", get(quotes))
        .route("/search", get(searches))
        .route("/search.json", get(searches))
        .route("/export.json", get(meta::export))
        .route("/sitemap.xml", get(meta::sitemap))
        .route("/sitemaps/{file}", get(meta::sitemap_part))
        .route_layer(axum::middleware::from_fn_with_state(site.clone(), middleware::until_prepared));
    Router::new()
        .merge(pages)
        .route("/healthz", get(meta::healthz))
        .route("/robots.txt", get(meta::robots))
        .route("/static/{file}", get(assets::serve))
        .fallback(error::not_found_fallback)
        .method_not_allowed_fallback(error::method_not_allowed)
}

/// `/` and `/index.json`.
async fn overview(State(site): State<Arc<Site>>, format: Format) -> Result<Response, PageError> {
    home::page(&site, format)
}

/// `/articles` and `/articles.json`.
async fn article_list(State(site): State<Arc<Site>>, format: Format, page: Result<PageNumber, PageError>) -> Result<Response, PageError> {
    articles::page(&site, format, page)
}

/// `/topics/{topic}`, `.json`, `.atom` and `.png`.
async fn topics(State(site): State<Arc<Site>>, resource: Resource, page: Result<PageNumber, PageError>) -> Result<Response, PageError> {
    match resource.format {
        Format::Html | Format::Json => topic::page(&site, &resource.id, resource.format, page),
        Format::Atom => feed::topic(&site, &resource.id),
        Format::Png => card::topic(site, &resource.id).await,
    }
}

/// `/speakers/{speaker}`, `.json` and `.atom`.
async fn speakers(State(site): State<Arc<Site>>, resource: Resource, page: Result<PageNumber, PageError>) -> Result<Response, PageError> {
    match resource.format {
        Format::Html | Format::Json => speaker::page(&site, &resource.id, resource.format, page),
        Format::Atom => feed::speaker(&site, &resource.id),
        Format::Png => Err(PageError::not_found("speaker")),
    }
}

/// `/articles/{article}` and `.json`.
async fn one_article(State(site): State<Arc<Site>>, resource: Resource) -> Result<Response, PageError> {
    match resource.format {
        Format::Html | Format::Json => article::page(&site, &resource.id, resource.format),
        Format::Atom | Format::Png => Err(PageError::not_found("article")),
    }
}

/// `/quotes/{id}`, `.json` and `.png`.
async fn quotes(State(site): State<Arc<Site>>, resource: Resource, page: Result<PageNumber, PageError>) -> Result<Response, PageError> {
    match resource.format {
        Format::Html | Format::Json => quote::page(&site, &resource.id, resource.format, page),
        Format::Png => card::quote(site, &resource.id).await,
        Format::Atom => Err(PageError::not_found("statement")),
    }
}

/// `/search` and `/search.json`.
async fn searches(State(site): State<Arc<Site>>, format: Format, request: search::SearchRequest) -> Result<Response, PageError> {
    search::page(&site, format, request)
}
