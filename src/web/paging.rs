//! Pages of long lists: `?page=N` on topic, speaker, article-list and search
//! pages, so that a large corpus never makes a page too big to serve fast.

use serde::{Deserialize, Serialize};

/// Statements (or articles) per page of a list.
pub const PAGE_SIZE: usize = 50;

/// The `page` query parameter, as given.
#[derive(Debug, Default, Deserialize)]
pub struct PageQuery {
    #[serde(default)]
    pub page: Option<String>,
}

/// Where a page stands in its list, with links to its neighbours.
#[derive(Debug, Clone, Serialize)]
pub struct Pager {
    pub page: usize,
    pub pages: usize,
    pub prev: Option<String>,
    pub next: Option<String>,
}

/// What is wrong with a requested page number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageNumberError {
    /// Not a whole number from 1 up.
    NotANumber(String),
    /// A number past the last page.
    PastTheEnd { pages: usize },
}

impl std::fmt::Display for PageNumberError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PageNumberError::NotANumber(p) => write!(f, "page {p:?} is not a page number"),
            PageNumberError::PastTheEnd { pages } => write!(f, "there are only {pages} pages"),
        }
    }
}

impl Pager {
    /// The pager for `requested` (1 if absent) over `longest` items, with
    /// links built on `base` (a path, maybe with a query of its own).
    pub fn new(requested: Option<&str>, longest: usize, base: &str) -> Result<Pager, PageNumberError> {
        let pages = longest.div_ceil(PAGE_SIZE).max(1);
        let page = match requested {
            None | Some("") => 1,
            Some(p) => p
                .parse::<usize>()
                .ok()
                .filter(|&n| n >= 1)
                .ok_or_else(|| PageNumberError::NotANumber(p.to_string()))?,
        };
        if page > pages {
            return Err(PageNumberError::PastTheEnd { pages });
        }
        let link = |n: usize| {
            if n == 1 {
                base.to_string()
            } else {
                let sep = if base.contains('?') { '&' } else { '?' };
                format!("{base}{sep}page={n}")
            }
        };
        Ok(Pager {
            page,
            pages,
            prev: (page > 1).then(|| link(page - 1)),
            next: (page < pages).then(|| link(page + 1)),
        })
    }

    /// The slice of a list of `len` items that this page shows.
    pub fn range(&self, len: usize) -> std::ops::Range<usize> {
        let start = ((self.page - 1) * PAGE_SIZE).min(len);
        start..(start + PAGE_SIZE).min(len)
    }

    /// This page's own address: the base, or the base with `page=N`.
    pub fn path(&self, base: &str) -> String {
        if self.page == 1 {
            base.to_string()
        } else {
            let sep = if base.contains('?') { '&' } else { '?' };
            format!("{base}{sep}page={}", self.page)
        }
    }

    pub fn is_paged(&self) -> bool {
        self.pages > 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_of_a_long_list() {
        let p = Pager::new(Some("2"), 120, "/topics/x").unwrap();
        assert_eq!((p.page, p.pages), (2, 3));
        assert_eq!(p.prev.as_deref(), Some("/topics/x"));
        assert_eq!(p.next.as_deref(), Some("/topics/x?page=3"));
        assert_eq!(p.range(120), 50..100);
        assert_eq!(p.path("/topics/x"), "/topics/x?page=2");
        assert_eq!(Pager::new(None, 0, "/s?q=a").unwrap().range(0), 0..0);
        assert_eq!(Pager::new(Some("3"), 120, "/s?q=a").unwrap().prev.as_deref(), Some("/s?q=a&page=2"));
    }

    #[test]
    fn bad_page_numbers_are_refused() {
        assert!(Pager::new(Some("0"), 10, "/").is_err());
        assert!(Pager::new(Some("x"), 10, "/").is_err());
        assert_eq!(Pager::new(Some("2"), 10, "/").unwrap_err(), PageNumberError::PastTheEnd { pages: 1 });
        assert!(Pager::new(Some("2"), 10, "/").unwrap_err().to_string().contains("only 1"));
    }
}
