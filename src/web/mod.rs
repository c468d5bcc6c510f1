//! The web app: server-rendered pages that compare what each speaker said,
//! each with a JSON twin at the same path plus `.json`.
//!
//! [`app`] builds the router so tests can drive it without a socket;
//! [`serve`] binds it and runs it until SIGTERM or Ctrl-C.

pub mod assets;
pub mod cache;
pub mod canonical;
mod card;
pub mod citation;
pub mod connections;
pub mod embed;
mod error;
mod layout;
pub mod live;
pub mod middleware;
mod pages;
pub mod paging;
mod percent;
mod request;
mod respond;
mod routes;
pub mod serve;
pub mod text_fragment;
pub mod views;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use axum::Router;

use crate::index::Index;

pub use serve::{serve, ServeOptions};

/// Everything a request needs: the index, where the site is published, and
/// the pages prepared from this index so far.
pub struct Site {
    pub index: Index,
    /// The public address, without a trailing slash ("https://example.org"),
    /// used for canonical links, link previews and the sitemap.
    pub public_url: String,
    pub cache: Arc<cache::PageCache>,
    /// Whether the index's groups and search index are being worked out.
    preparing: AtomicBool,
    /// The card of the topic most was said on, with its words: the picture
    /// of every page without a card of its own, worked out once.
    site_card: std::sync::OnceLock<Option<(String, String)>>,
    /// `/export.json`, written once and shared by every reader: the export
    /// of a large corpus is too large for the page cache, and writing it
    /// for each reader would hold a copy per reader.
    export: tokio::sync::OnceCell<axum::body::Bytes>,
}

/// Memory for prepared pages (all encodings, keys and bookkeeping counted):
/// enough for every page of a large corpus that readers actually visit.
pub const CACHE_BUDGET_BYTES: usize = 256 * 1024 * 1024;

impl Site {
    pub fn new(index: Index, public_url: &str) -> Site {
        Site::with_cache_budget(index, public_url, CACHE_BUDGET_BYTES)
    }

    /// A site whose page cache keeps at most `budget` bytes.
    pub fn with_cache_budget(index: Index, public_url: &str, budget: usize) -> Site {
        Site {
            index,
            public_url: public_url.trim_end_matches('/').to_string(),
            cache: Arc::new(cache::PageCache::new(budget)),
            preparing: AtomicBool::new(false),
            site_card: std::sync::OnceLock::new(),
            export: tokio::sync::OnceCell::new(),
        }
    }

    /// The path and words of the card that pages without one of their own
    /// show: the topic most was said on. Worked out on first use only, as
    /// it reads every statement of that topic and every page (an error
    /// page included) would otherwise pay for it.
    pub fn site_card(&self) -> Option<&(String, String)> {
        self.site_card
            .get_or_init(|| {
                let index = &self.index;
                let busiest = (0..index.summit.topics.len()).max_by_key(|&t| (index.on_topic(t).len(), std::cmp::Reverse(t)))?;
                Some((format!("/topics/{}.png", index.summit.topics[busiest].id), pages::topic::card_alt(self, busiest)))
            })
            .as_ref()
    }

    /// The export of every statement as JSON, written on first use; later
    /// readers (and those waiting meanwhile) share the same bytes.
    pub async fn export_json(&self) -> axum::body::Bytes {
        self.export
            .get_or_init(|| async {
                crate::export::Export::from_index(&self.index).to_json_bytes().into()
            })
            .await
            .clone()
    }

    /// Starts working out the index's groups and search index in a thread
    /// of its own, unless they are ready or being worked out already.
    fn start_preparing(self: &Arc<Self>) {
        if self.index.is_prepared() || self.preparing.swap(true, Ordering::AcqRel) {
            return;
        }
        let site = self.clone();
        let started = std::thread::Builder::new().name("prepare".into()).spawn(move || site.index.prepare());
        if let Err(e) = started {
            // Without a thread of its own, it is done before serving starts.
            tracing::warn!("could not start a thread to prepare the index ({e}); preparing it now");
            self.index.prepare();
        }
    }

    /// The absolute URL of a path on this site.
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{}", self.public_url, path)
    }
}

/// The router with every page, JSON twin and asset, and the layers every
/// response goes through.
pub fn app(site: Arc<Site>) -> Router {
    site.start_preparing();
    middleware::around(routes::table(&site), &site).with_state(site)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Library, LoadOptions};

    #[tokio::test]
    async fn every_reader_of_the_export_shares_one_copy() {
        let library = Library::load(&LoadOptions::default()).expect("the seeds load");
        let printed = crate::export::Export::from_index(&Index::build(library.clone())).to_json_pretty();
        let site = Site::new(Index::build(library), "https://example.org");
        let (first, second) = tokio::join!(site.export_json(), site.export_json());
        assert_eq!(first, printed.as_bytes(), "the served export is the one `counterparts export` prints");
        assert_eq!(first.as_ptr(), second.as_ptr(), "two readers share the same bytes");
        assert_eq!(site.export_json().await.as_ptr(), first.as_ptr(), "a later reader too");
    }
}
