//! One module per page. Each builds a view model from the index and renders
//! it as HTML or, for the `.json` address, as JSON.

pub mod article;
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
        PageError { status: StatusCode::INTERNAL_SERVER_ERROR, message: "The page could not be rendered.".into(), json }
    })?;
    Ok(respond::html(StatusCode::OK, body, Some(json_url)))
}

/// The JSON twin's path: "/" -> "/index.json", "/topics/x" -> "/topics/x.json".
pub fn json_path(path: &str) -> String {
    if path == "/" { "/index.json".to_string() } else { format!("{path}.json") }
}
