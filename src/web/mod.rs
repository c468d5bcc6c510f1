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
    /// Where the warm-up stands: the index's versions and search index worked
    /// out ahead of the requests that need them (see [`Site::warm_up`]).
    warm_up: tokio::sync::watch::Sender<WarmUp>,
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
            warm_up: tokio::sync::watch::Sender::new(WarmUp::NotStarted),
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
                let busiest = index.summit.topic_ixs().max_by_key(|&t| (index.on_topic(t).len(), std::cmp::Reverse(t)))?;
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

    /// Starts working out the index's versions and search index in a thread
    /// of its own, unless that has started already: the server answers
    /// meanwhile, and the pages that need them wait (see
    /// [`Site::until_warm`]). The live site starts it (`live.rs`); a site
    /// that is never warmed up works each out on first use.
    pub fn warm_up(self: &Arc<Self>) {
        if self.index.is_prepared() {
            // A reload prepares the index before it is served.
            self.warm_up.send_replace(WarmUp::Done);
            return;
        }
        let started = self.warm_up.send_if_modified(|w| {
            let starting = *w == WarmUp::NotStarted;
            if starting {
                *w = WarmUp::Running;
            }
            starting
        });
        if !started {
            return;
        }
        let site = self.clone();
        let spawned = std::thread::Builder::new().name("prepare".into()).spawn(move || {
            // Waiters are let go however this ends: after a panic here, a
            // request works out what it needs itself.
            let _done = WarmedUp(&site.warm_up);
            site.index.prepare();
        });
        if let Err(e) = spawned {
            // Without a thread of its own, it is done before serving starts.
            tracing::warn!("could not start a thread to prepare the index ({e}); preparing it now");
            let _done = WarmedUp(&self.warm_up);
            self.index.prepare();
        }
    }

    /// Waits, without holding a thread, while the warm-up runs; at once if
    /// it is over or was never started.
    pub async fn until_warm(&self) {
        let mut state = self.warm_up.subscribe();
        // The sender lives as long as `self`, so this cannot fail.
        let _ = state.wait_for(|w| *w != WarmUp::Running).await;
    }

    /// The absolute URL of a path on this site.
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{}", self.public_url, path)
    }
}

/// Where a site's warm-up stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WarmUp {
    NotStarted,
    Running,
    Done,
}

/// Marks the warm-up done when dropped, whether it ended or panicked.
struct WarmedUp<'a>(&'a tokio::sync::watch::Sender<WarmUp>);

impl Drop for WarmedUp<'_> {
    fn drop(&mut self) {
        self.0.send_replace(WarmUp::Done);
    }
}

/// The router with every page, JSON twin and asset, and the layers every
/// response goes through: a function of the site alone, which starts
/// nothing (the live site warms it up, see [`Site::warm_up`]).
pub fn app(site: Arc<Site>) -> Router {
    middleware::around(routes::table(&site), &site).with_state(site)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Library, LoadOptions};

    #[tokio::test(flavor = "current_thread")]
    async fn waiting_for_the_warm_up_leaves_the_thread_free() {
        let library = Library::load(&LoadOptions::default()).expect("the seeds load");
        let site = Arc::new(Site::new(Index::build(library), "https://example.org"));
        // Never started: nothing to wait for.
        site.until_warm().await;
        // Marked running by hand, so that the test decides when it ends.
        site.warm_up.send_replace(WarmUp::Running);
        let waiting = tokio::spawn({
            let site = site.clone();
            async move { site.until_warm().await }
        });
        // The runtime has one thread: this task runs only because the
        // waiting one handed it back.
        for _ in 0..10 {
            tokio::task::yield_now().await;
        }
        assert!(!waiting.is_finished(), "the warm-up is still running");
        drop(WarmedUp(&site.warm_up));
        waiting.await.expect("the waiting task ends once the warm-up is done");
        // A warm-up asked for again after it is done does not run again.
        site.warm_up();
        assert_eq!(*site.warm_up.borrow(), WarmUp::Done);
    }

    #[tokio::test]
    async fn a_warm_up_prepares_the_index() {
        let library = Library::load(&LoadOptions::default()).expect("the seeds load");
        let site = Arc::new(Site::new(Index::build(library), "https://example.org"));
        assert!(!site.index.is_prepared());
        site.warm_up();
        site.until_warm().await;
        assert!(site.index.is_prepared());
    }

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
