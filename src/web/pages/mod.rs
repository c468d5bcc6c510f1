//! One module per page. Each builds a view model from the index and renders
//! it as HTML or, for the `.json` address, as JSON. Feeds (`feed.rs`) and
//! share cards (`card.rs`) have modules of their own; `routes.rs` says which
//! module answers which address and representation.

pub mod article;
pub mod articles;
pub mod card;
pub mod feed;
pub mod home;
pub mod meta;
pub mod quote;
pub mod search;
pub mod speaker;
pub mod topic;

use askama::Template;
use axum::http::StatusCode;
use axum::response::Response;
use serde::Serialize;

use super::error::PageError;
use super::paging::{PageNumberError, Pager};
use super::request::{Format, PageNumber};
use super::respond;

/// Renders `template` as the HTML page at `path`, or `view` as its JSON twin.
pub fn render<T: Template, V: Serialize>(
    path: &str,
    format: Format,
    view: &V,
    template: impl FnOnce() -> T,
) -> Result<Response, PageError> {
    render_with_twin(path, &json_path(path), format, view, template)
}

/// As [`render`], for a page whose twin is not simply `path` + ".json"
/// (a search keeps its query string).
pub fn render_with_twin<T: Template, V: Serialize>(
    path: &str,
    json_url: &str,
    format: Format,
    view: &V,
    template: impl FnOnce() -> T,
) -> Result<Response, PageError> {
    if format == Format::Json {
        return Ok(respond::json(StatusCode::OK, view, Some(path)));
    }
    let body = template().render().map_err(|e| {
        tracing::error!("cannot render {path}: {e}");
        PageError::internal("The page could not be rendered.")
    })?;
    Ok(respond::html(StatusCode::OK, body, Some(json_url)))
}

/// The JSON twin's path: "/" -> "/index.json", "/topics/x" ->
/// "/topics/x.json", "/topics/x?page=2" -> "/topics/x.json?page=2".
pub fn json_path(path: &str) -> String {
    let (path, query) = path.split_once('?').map_or((path, None), |(p, q)| (p, Some(q)));
    let twin = if path == "/" { "/index.json".to_string() } else { format!("{path}{}", Format::Json.suffix()) };
    match query {
        Some(q) => format!("{twin}?{q}"),
        None => twin,
    }
}

/// The pager of a list page (`size` items of each list a page), or a 400
/// or 404 that says what is wrong with the page asked for. The page number
/// is read only here, after the list is known to exist: an unknown topic is
/// not found, whatever page of it is asked for.
pub fn pager(page: Result<PageNumber, PageError>, longest: usize, size: usize, base: &str) -> Result<Pager, PageError> {
    let PageNumber(requested) = page?;
    Pager::sized(requested.as_deref(), longest, size, base).map_err(|e| page_number_error(&e))
}

/// The pager of a page of several lists (a topic page's columns, a
/// speaker page's topics) of these lengths, which share each page's room.
pub fn shared_pager(page: Result<PageNumber, PageError>, lengths: &[usize], base: &str) -> Result<Pager, PageError> {
    let longest = lengths.iter().copied().max().unwrap_or(0);
    pager(page, longest, super::paging::shared_page_size(lengths), base)
}

/// A page past the last is not found; a page that is not a number is a bad request.
pub fn page_number_error(e: &PageNumberError) -> PageError {
    let status = match e {
        PageNumberError::PastTheEnd { .. } => StatusCode::NOT_FOUND,
        PageNumberError::NotANumber(_) => StatusCode::BAD_REQUEST,
    };
    PageError::new(status, format!("No such page: {e}."))
}
