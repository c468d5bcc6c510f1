//! Error pages: a real 404, 400 or 500 page in HTML, or a JSON error for a
//! `.json` address. Handlers return `Result<Response, PageError>` and use
//! `?`; the error becomes a bare response that carries it, and one layer
//! (`middleware::frame_errors`), which has the site, renders it in the
//! site's frame.

use askama::Template;
use axum::extract::OriginalUri;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use super::layout::Layout;
use super::{respond, Site};

/// Why a page could not be served.
#[derive(Debug, Clone)]
pub struct PageError {
    pub status: StatusCode,
    pub message: String,
    /// Answer in JSON (the request was for a `.json` address).
    pub json: bool,
}

impl PageError {
    pub fn not_found(what: &str, json: bool) -> PageError {
        PageError { status: StatusCode::NOT_FOUND, message: format!("There is no {what} at this address."), json }
    }

    pub fn bad_request(message: impl Into<String>, json: bool) -> PageError {
        PageError { status: StatusCode::BAD_REQUEST, message: message.into(), json }
    }

    /// Something went wrong on the server's side (a page that could not be
    /// rendered, a card that could not be drawn); logged where it happens.
    pub fn internal(message: impl Into<String>, json: bool) -> PageError {
        PageError { status: StatusCode::INTERNAL_SERVER_ERROR, message: message.into(), json }
    }

    /// Something the server needs is not working; the reader may try again.
    pub fn unavailable(message: impl Into<String>, json: bool) -> PageError {
        PageError { status: StatusCode::SERVICE_UNAVAILABLE, message: message.into(), json }
    }

    /// The response, rendered in the site's frame where the site is known.
    pub(super) fn render(&self, site: Option<&Site>) -> Response {
        let title = self.status.canonical_reason().unwrap_or("Error");
        if self.json {
            let body = JsonError { status: self.status.as_u16(), error: title, message: &self.message };
            return respond::json(self.status, &body, None);
        }
        let Some(site) = site else {
            return (self.status, format!("{title}: {}", self.message)).into_response();
        };
        let page = ErrorPage { title: format!("{} {title}", self.status.as_u16()), message: self.message.clone() };
        // An error page is not shared: it carries no preview.
        let mut layout = Layout::new(site, "/", &page.title, &self.message, None);
        layout.preview = None;
        // Laid out as "/", which is titled with the summit; the tab and a
        // screen reader must say what went wrong.
        layout.title = format!("{} · {}", page.title, super::layout::SITE_NAME);
        match (ErrorTemplate { layout, page }).render() {
            Ok(body) => respond::html(self.status, body, None),
            Err(_) => (self.status, self.message.clone()).into_response(),
        }
    }
}

impl IntoResponse for PageError {
    /// The plain message (or the JSON error), with the error kept in the
    /// response for [`super::middleware::frame_errors`] to render in the site's frame; that
    /// layer is on every route.
    fn into_response(self) -> Response {
        let mut response = self.render(None);
        response.extensions_mut().insert(self);
        response
    }
}

#[derive(Serialize)]
struct JsonError<'a> {
    status: u16,
    error: &'a str,
    message: &'a str,
}

struct ErrorPage {
    title: String,
    message: String,
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorTemplate {
    layout: Layout,
    page: ErrorPage,
}

/// Any address no route knows.
pub async fn not_found_fallback(OriginalUri(uri): OriginalUri) -> PageError {
    PageError::not_found("page", uri.path().ends_with(".json"))
}

pub async fn method_not_allowed() -> Response {
    (StatusCode::METHOD_NOT_ALLOWED, [("allow", "GET, HEAD")], "Method not allowed: this site only reads (GET, HEAD).\n").into_response()
}
