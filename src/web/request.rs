//! What a request asks for, read once by extractors so that handlers get
//! typed values: which resource, in which representation, and which page of
//! a list. A request they cannot read is refused with a [`PageError`], which
//! the error layer frames like any other.
//!
//! The router cannot tell `/topics/{id}.png` from `/topics/{id}`: one route
//! takes the segment, and [`Resource`] splits it into the id and the
//! [`Format`] its ending asks for.

use axum::extract::{FromRequestParts, Path, Query};
use axum::http::request::Parts;
use serde::Deserialize;

use super::error::PageError;

/// The representations the site serves a resource in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The page itself: no ending ("/topics/cybersecurity").
    Html,
    /// Its JSON twin: ".json".
    Json,
    /// A topic's or speaker's feed: ".atom".
    Atom,
    /// A share card: ".png".
    Png,
}

impl Format {
    /// Every representation with an ending, tried in this order.
    const SUFFIXED: [Format; 3] = [Format::Json, Format::Atom, Format::Png];

    /// The ending of an address in this representation ("" for HTML).
    pub fn suffix(self) -> &'static str {
        match self {
            Format::Html => "",
            Format::Json => ".json",
            Format::Atom => ".atom",
            Format::Png => ".png",
        }
    }

    /// `name` without its ending, and the representation the ending asks
    /// for: "cybersecurity.json" -> ("cybersecurity", Json).
    pub fn split(name: &str) -> (&str, Format) {
        Format::SUFFIXED
            .iter()
            .find_map(|&f| name.strip_suffix(f.suffix()).map(|stem| (stem, f)))
            .unwrap_or((name, Format::Html))
    }

    /// The representation the path of an address asks for.
    pub fn of_path(path: &str) -> Format {
        Format::split(path).1
    }
}

/// A route without a parameter serves the representation its path names
/// ("/" and "/index.json" are one handler).
impl<S: Send + Sync> FromRequestParts<S> for Format {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Format::of_path(parts.uri.path()))
    }
}

/// The one parameter of a route's path, as the id of a resource and the
/// representation asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resource {
    pub id: String,
    pub format: Format,
}

impl<S: Send + Sync> FromRequestParts<S> for Resource {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Path(segment) = Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(|e| PageError::new(e.status(), format!("The address is malformed: {}", e.body_text())))?;
        let (id, format) = Format::split(&segment);
        Ok(Resource { id: id.to_string(), format })
    }
}

/// The page of a list asked for (`?page=2`), as written: whether it is a
/// page at all is for the list to say, which knows its length.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageNumber(pub Option<String>);

#[derive(Deserialize)]
struct PageQuery {
    #[serde(default)]
    page: Option<String>,
}

impl PageNumber {
    /// The query parameters a list reads (the canonical address keeps
    /// these and drops the rest).
    pub const PARAMETERS: &'static [&'static str] = &["page"];
}

impl<S: Send + Sync> FromRequestParts<S> for PageNumber {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Query(q) = Query::<PageQuery>::from_request_parts(parts, state)
            .await
            .map_err(|e| PageError::bad_request(format!("The address is malformed: {}", e.body_text())))?;
        Ok(PageNumber(q.page))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::{Request, StatusCode};

    async fn extract<T: FromRequestParts<()>>(uri: &str) -> Result<T, T::Rejection> {
        let (mut parts, ()) = Request::builder().uri(uri).body(()).expect("a valid request").into_parts();
        T::from_request_parts(&mut parts, &()).await
    }

    #[test]
    fn an_ending_names_the_representation() {
        assert_eq!(Format::split("cybersecurity"), ("cybersecurity", Format::Html));
        assert_eq!(Format::split("cybersecurity.json"), ("cybersecurity", Format::Json));
        assert_eq!(Format::split("putin.atom"), ("putin", Format::Atom));
        assert_eq!(Format::split("ab12.png"), ("ab12", Format::Png));
        // Only the last ending counts.
        assert_eq!(Format::split("ab12.png.json"), ("ab12.png", Format::Json));
        assert_eq!(Format::split(".json"), ("", Format::Json));
        assert_eq!(Format::of_path("/index.json"), Format::Json);
        assert_eq!(Format::of_path("/"), Format::Html);
        for f in [Format::Html, Format::Json, Format::Atom, Format::Png] {
            assert_eq!(Format::split(&format!("x{}", f.suffix())), ("x", f));
        }
    }

    #[tokio::test]
    async fn a_format_is_read_from_the_path_alone() {
        assert_eq!(extract::<Format>("/articles.json?page=2").await, Ok(Format::Json));
        assert_eq!(extract::<Format>("/articles?page=x.json").await, Ok(Format::Html));
    }

    #[tokio::test]
    async fn a_page_number_is_read_as_written_and_a_malformed_query_refused() {
        assert_eq!(extract::<PageNumber>("/articles?page=2").await.ok(), Some(PageNumber(Some("2".into()))));
        assert_eq!(extract::<PageNumber>("/articles?page=two").await.ok(), Some(PageNumber(Some("two".into()))));
        assert_eq!(extract::<PageNumber>("/articles?other=1").await.ok(), Some(PageNumber(None)));
        let refused = extract::<PageNumber>("/articles?page=1&page=2").await.expect_err("two page numbers are refused");
        assert_eq!(refused.status, StatusCode::BAD_REQUEST);
        assert!(refused.message.starts_with("The address is malformed"), "{}", refused.message);
    }
}
