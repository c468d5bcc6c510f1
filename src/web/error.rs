//! Error pages: a real 404, 400 or 500 page in HTML, or a JSON error for a
//! `.json` address. Handlers and extractors return `PageError` and use `?`;
//! the error becomes a bare response that carries it, and one layer
//! (`middleware::frame_errors`), which has the site and the address, renders
//! it in the site's frame.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use super::layout::Layout;
use super::request::Format;
use super::{respond, Site};

/// Why a page could not be served. Whether it is told as an HTML page or a
/// JSON error is the address's to say (see [`PageError::render`]), not the
/// handler's.
#[derive(Debug, Clone)]
pub struct PageError {
    pub status: StatusCode,
    pub message: String,
}

impl PageError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> PageError {
        PageError { status, message: message.into() }
    }

    pub fn not_found(what: &str) -> PageError {
        PageError::new(StatusCode::NOT_FOUND, format!("There is no {what} at this address."))
    }

    pub fn bad_request(message: impl Into<String>) -> PageError {
        PageError::new(StatusCode::BAD_REQUEST, message)
    }

    /// Something went wrong on the server's side (a page that could not be
    /// rendered, a card that could not be drawn); logged where it happens.
    pub fn internal(message: impl Into<String>) -> PageError {
        PageError::new(StatusCode::INTERNAL_SERVER_ERROR, message)
    }

    /// Something the server needs is not working; the reader may try again.
    pub fn unavailable(message: impl Into<String>) -> PageError {
        PageError::new(StatusCode::SERVICE_UNAVAILABLE, message)
    }

    /// The response to a request for `format`: a JSON error for a JSON
    /// address, else an HTML page in the site's frame where the site is
    /// known.
    pub(super) fn render(&self, site: Option<&Site>, format: Format) -> Response {
        let title = self.status.canonical_reason().unwrap_or("Error");
        if format == Format::Json {
            let body = JsonError { status: self.status.as_u16(), error: title, message: &self.message };
            return respond::json(self.status, &body, None);
        }
        let Some(site) = site else {
            return (self.status, format!("{title}: {}", self.message)).into_response();
        };
        let page = ErrorPage { title: format!("{} {title}", self.status.as_u16()), message: self.message.clone() };
        let layout = Layout::for_error(site, &page.title, &self.message);
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
        let mut response = self.render(None, Format::Html);
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
pub async fn not_found_fallback() -> PageError {
    PageError::not_found("page")
}

pub async fn method_not_allowed() -> Response {
    (StatusCode::METHOD_NOT_ALLOWED, [("allow", "GET, HEAD")], "Method not allowed: this site only reads (GET, HEAD).\n").into_response()
}
