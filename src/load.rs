//! The one way a corpus is made ready to serve or export: load the library,
//! log every warning and what was loaded, refuse a corpus without one
//! article, and index it. The server at start, `export` and every reload
//! go through it, so they say the same things about the same folder.

use std::time::Instant;

use crate::index::Index;
use crate::library::{Library, LoadError, LoadOptions, LoadReport};

/// Loads and indexes the corpus `opts` names. Warnings (files skipped and
/// why, notes, a broken `sources.toml`) and a line saying what was loaded
/// are logged; a corpus in which no article could be loaded is an error.
pub fn load_index(opts: &LoadOptions) -> Result<(Index, LoadReport), LoadError> {
    let started = Instant::now();
    let library = Library::load(opts)?;
    for line in library.warnings() {
        tracing::warn!("{line}");
    }
    let report = library.report();
    let per_speaker: Vec<String> = report.by_speaker.iter().map(|(id, n)| format!("{id} {n}")).collect();
    tracing::info!(
        "loaded {} articles ({} skipped): {} statements ({}, others {}) in {} ms",
        report.articles,
        report.skipped,
        report.statements,
        per_speaker.join(", "),
        report.unattributed,
        started.elapsed().as_millis()
    );
    if report.articles == 0 {
        return Err(LoadError::NothingLoaded);
    }
    Ok((Index::build(library), report))
}
