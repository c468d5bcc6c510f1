//! Pages of long lists: `?page=N` on topic, speaker, article-list and search
//! pages, so that a large corpus never makes a page too big to serve fast.

use serde::Serialize;

/// Statements (or articles) per page of a list.
pub const PAGE_SIZE: usize = 25;

/// The most statements a page shows in all its lists together: a topic
/// page's three full lists (two leaders' columns and others quoted). That
/// is about 1,100 elements, within the 1,400 past which a page's size slows
/// layout and scrolling on a phone, and about 65 KB of HTML.
pub const MOST_PER_PAGE: usize = 3 * PAGE_SIZE;

/// How many of each list a page shows when several lists share it (a
/// topic page's columns, a speaker page's topics): the most, up to
/// [`PAGE_SIZE`], that keeps the page within [`MOST_PER_PAGE`]. Short lists
/// show in full and long ones share the rest, so a few lists get a page
/// each and many get a few items each; never fewer than one.
pub fn shared_page_size(lengths: &[usize]) -> usize {
    let shown = |size: usize| lengths.iter().map(|&n| n.min(size)).sum::<usize>();
    (1..=PAGE_SIZE).rev().find(|&size| shown(size) <= MOST_PER_PAGE).unwrap_or(1)
}


/// Where a page stands in its list, with links to its neighbours.
#[derive(Debug, Clone, Serialize)]
pub struct Pager {
    pub page: usize,
    pub pages: usize,
    pub prev: Option<String>,
    pub next: Option<String>,
    /// Items of each list per page.
    #[serde(skip)]
    size: usize,
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
    /// The pager for `requested` (1 if absent) over `longest` items,
    /// [`PAGE_SIZE`] a page, with links built on `base` (a path, maybe with
    /// a query of its own).
    pub fn new(requested: Option<&str>, longest: usize, base: &str) -> Result<Pager, PageNumberError> {
        Pager::sized(requested, longest, PAGE_SIZE, base)
    }

    /// The same with `size` items a page (at least one).
    pub fn sized(requested: Option<&str>, longest: usize, size: usize, base: &str) -> Result<Pager, PageNumberError> {
        let size = size.max(1);
        let pages = longest.div_ceil(size).max(1);
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
            size,
        })
    }

    /// The slice of a list of `len` items that this page shows.
    pub fn range(&self, len: usize) -> std::ops::Range<usize> {
        let start = ((self.page - 1) * self.size).min(len);
        start..(start + self.size).min(len)
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

    /// Items of each list a page.
    pub fn size(&self) -> usize {
        self.size
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
        // Two full pages and a part-filled third.
        let len = 2 * PAGE_SIZE + 3;
        let p = Pager::new(Some("2"), len, "/topics/x").unwrap();
        assert_eq!((p.page, p.pages), (2, 3));
        assert_eq!(p.prev.as_deref(), Some("/topics/x"));
        assert_eq!(p.next.as_deref(), Some("/topics/x?page=3"));
        assert_eq!(p.range(len), PAGE_SIZE..2 * PAGE_SIZE);
        assert_eq!(Pager::new(Some("3"), len, "/topics/x").unwrap().range(len), 2 * PAGE_SIZE..len);
        assert_eq!(p.path("/topics/x"), "/topics/x?page=2");
        assert_eq!(Pager::new(None, 0, "/s?q=a").unwrap().range(0), 0..0);
        assert_eq!(Pager::new(Some("3"), len, "/s?q=a").unwrap().prev.as_deref(), Some("/s?q=a&page=2"));
    }

    #[test]
    fn lists_that_share_a_page_share_its_room() {
        // Few lists: each gets a full page's worth.
        assert_eq!(shared_page_size(&[1000, 1000, 1000]), PAGE_SIZE);
        assert_eq!(shared_page_size(&[]), PAGE_SIZE);
        // Short lists show in full, and leave their room to the long ones.
        let lengths = [1000, 2, 3, 1000, 1000, 1000];
        let shown = |size: usize| lengths.iter().map(|&n| n.min(size)).sum::<usize>();
        let size = shared_page_size(&lengths);
        assert!(shown(size) <= MOST_PER_PAGE && shown(size + 1) > MOST_PER_PAGE, "size {size}");
        assert_eq!(size, (MOST_PER_PAGE - 2 - 3) / 4);
        // Many long lists: a few of each, within the page's room.
        assert_eq!(shared_page_size(&[500; 18]), MOST_PER_PAGE / 18);
        // More lists than the room: still one of each.
        assert_eq!(shared_page_size(&[9; MOST_PER_PAGE + 1]), 1);
        // The pager pages by that size.
        let p = Pager::sized(Some("2"), 9, 4, "/speakers/x").unwrap();
        assert_eq!((p.pages, p.range(9)), (3, 4..8));
        assert_eq!(Pager::sized(None, 9, 0, "/").unwrap().range(9), 0..1);
    }

    #[test]
    fn bad_page_numbers_are_refused() {
        assert!(Pager::new(Some("0"), 10, "/").is_err());
        assert!(Pager::new(Some("x"), 10, "/").is_err());
        assert_eq!(Pager::new(Some("2"), 10, "/").unwrap_err(), PageNumberError::PastTheEnd { pages: 1 });
        assert!(Pager::new(Some("2"), 10, "/").unwrap_err().to_string().contains("only 1"));
    }
}
