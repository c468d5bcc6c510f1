//! One module per page. Each builds a view model from the index and renders
//! it as HTML or, for the `.json` address, as JSON.

pub mod article;
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
use super::respond;

/// Renders `template` as the HTML page at `path`, or `view` as its JSON twin.
pub fn render<T: Template, V: Serialize>(
    path: &str,
    json: bool,
    view: &V,
    template: impl FnOnce() -> T,
) -> Result<Response, PageError> {
    render_with_twin(path, &json_path(path), json, view, template)
}

/// As [`render`], for a page whose twin is not simply `path` + ".json"
/// (a search keeps its query string).
pub fn render_with_twin<T: Template, V: Serialize>(
    path: &str,
    json_url: &str,
    json: bool,
    view: &V,
    template: impl FnOnce() -> T,
) -> Result<Response, PageError> {
    if json {
        return Ok(respond::json(StatusCode::OK, view, Some(path)));
    }
    let body = template().render().map_err(|e| {
        tracing::error!("cannot render {path}: {e}");
        PageError::internal("The page could not be rendered.", json)
    })?;
    Ok(respond::html(StatusCode::OK, body, Some(json_url)))
}

/// The JSON twin's path: "/" -> "/index.json", "/topics/x" ->
/// "/topics/x.json", "/topics/x?page=2" -> "/topics/x.json?page=2".
pub fn json_path(path: &str) -> String {
    let (path, query) = path.split_once('?').map_or((path, None), |(p, q)| (p, Some(q)));
    let twin = if path == "/" { "/index.json".to_string() } else { format!("{path}.json") };
    match query {
        Some(q) => format!("{twin}?{q}"),
        None => twin,
    }
}

/// The pager of a list page (`size` items of each list a page), or a 400
/// or 404 that says what is wrong with the page asked for.
pub fn pager(
    query: &Result<axum::extract::Query<crate::web::paging::PageQuery>, axum::extract::rejection::QueryRejection>,
    longest: usize,
    size: usize,
    base: &str,
    json: bool,
) -> Result<crate::web::paging::Pager, PageError> {
    let requested = match query {
        Ok(q) => q.page.as_deref(),
        Err(e) => return Err(PageError::bad_request(format!("The address is malformed: {}", e.body_text()), json)),
    };
    crate::web::paging::Pager::sized(requested, longest, size, base).map_err(|e| page_number_error(&e, json))
}

/// The pager of a page of several lists (a topic page's columns, a
/// speaker page's topics) of these lengths, which share each page's room.
pub fn shared_pager(
    query: &Result<axum::extract::Query<crate::web::paging::PageQuery>, axum::extract::rejection::QueryRejection>,
    lengths: &[usize],
    base: &str,
    json: bool,
) -> Result<crate::web::paging::Pager, PageError> {
    let longest = lengths.iter().copied().max().unwrap_or(0);
    pager(query, longest, crate::web::paging::shared_page_size(lengths), base, json)
}

/// A page past the last is not found; a page that is not a number is a bad request.
pub fn page_number_error(e: &crate::web::paging::PageNumberError, json: bool) -> PageError {
    let status = match e {
        crate::web::paging::PageNumberError::PastTheEnd { .. } => StatusCode::NOT_FOUND,
        crate::web::paging::PageNumberError::NotANumber(_) => StatusCode::BAD_REQUEST,
    };
    PageError { status, message: format!("No such page: {e}."), json }
}
