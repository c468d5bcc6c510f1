//! Loading everything the server and the export need: the summit file, the
//! articles, and the statements found in them.

use std::path::PathBuf;

use crate::analysis::{Analyzer, Statement};
use crate::corpus::{self, Article, Skipped, SourceFile, Sources};
use crate::summit::{Summit, SummitError};

/// Where to load from; `None` means the corpus compiled into the binary.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    pub articles: Option<PathBuf>,
    pub summit: Option<PathBuf>,
}

/// One article with the statements found in it, in source order.
#[derive(Debug, Clone)]
pub struct AnalyzedArticle {
    pub article: Article,
    pub statements: Vec<Statement>,
    /// Read as a transcript: a primary source that quotations elsewhere
    /// are checked against.
    pub transcript: bool,
}

/// The loaded corpus.
#[derive(Debug, Clone)]
pub struct Library {
    pub summit: Summit,
    pub articles: Vec<AnalyzedArticle>,
    /// Files that were not loaded, with the reason.
    pub skipped: Vec<Skipped>,
    /// What is wrong with `sources.toml`, each as "sources.toml:line: …".
    pub source_warnings: Vec<String>,
}

/// What stops loading altogether. A bad article never does: it is skipped.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{0}")]
    Summit(#[from] SummitError),
    #[error("{dir}: cannot read the articles folder: {source}")]
    ArticlesDir { dir: String, source: std::io::Error },
    /// Every article was skipped (or there were none): nothing to serve or
    /// export. Only [`crate::load::load_index`] says so; the library itself
    /// is still a full account of what was skipped.
    #[error("no article could be loaded; see the warnings above")]
    NothingLoaded,
}

/// A one-line account of what was loaded, for logs and the CLI.
#[derive(Debug, Clone)]
pub struct LoadReport {
    pub articles: usize,
    pub skipped: usize,
    pub statements: usize,
    /// Statements per tracked speaker id, in the summit file's order.
    pub by_speaker: Vec<(String, usize)>,
    pub unattributed: usize,
}

impl Library {
    pub fn load(opts: &LoadOptions) -> Result<Library, LoadError> {
        let summit = match &opts.summit {
            Some(path) => Summit::from_file(path)?,
            None => Summit::builtin()?,
        };
        let (files, skipped) = match &opts.articles {
            Some(dir) => corpus::load_dir(dir)
                .map_err(|source| LoadError::ArticlesDir { dir: dir.display().to_string(), source })?,
            None => corpus::load_embedded(),
        };
        let (sources, mut source_warnings) = match &opts.articles {
            Some(dir) => corpus::dir_sources(dir),
            None => corpus::embedded_sources(),
        };
        let mut library = Library::build_with_sources(summit, files, skipped, &sources);
        library.warn_of_unused_sources(&sources, &mut source_warnings);
        library.source_warnings = source_warnings;
        Ok(library)
    }

    /// Warns of the entries of `sources.toml` that name no loaded file. A
    /// page is named by its file name, a record as `check` names it
    /// (`news.jsonl:3`).
    fn warn_of_unused_sources(&self, sources: &Sources, warnings: &mut Vec<String>) {
        let loaded: std::collections::HashSet<&str> = self.articles.iter().map(|a| a.article.file.as_str()).collect();
        let mut unknown: Vec<&str> = sources.files().filter(|f| !loaded.contains(f)).collect();
        unknown.sort_unstable();
        warnings.extend(unknown.into_iter().map(|f| format!("{}: \"{f}\" is not an article that loaded; its entry is not used", corpus::SOURCES_FILE)));
    }

    /// Analyses already-read files, on every core; the order of the files is kept.
    pub fn build(summit: Summit, files: Vec<SourceFile>, skipped: Vec<Skipped>) -> Library {
        Library::build_with_sources(summit, files, skipped, &Sources::default())
    }

    /// The same, each article first given what `sources.toml` says of it
    /// where its own metadata (front matter, or a page's or a record's) is
    /// silent: before it is read, so that `kind = "transcript"` there makes
    /// it read as a transcript.
    pub fn build_with_sources(summit: Summit, files: Vec<SourceFile>, skipped: Vec<Skipped>, sources: &Sources) -> Library {
        use rayon::prelude::*;
        let analyzer = Analyzer::new(&summit);
        let mut articles: Vec<AnalyzedArticle> = files
            .into_par_iter()
            .map(|f| {
                let mut article = Article::from_source(f);
                if let Some(info) = sources.get(&article.file) {
                    article.apply_source(info);
                }
                let (statements, transcript) = analyzer.read(&article);
                AnalyzedArticle { article, statements, transcript }
            })
            .collect();
        // Ids come from each file's own name (`corpus::article_id`), so they
        // differ already; two names that still share one (`a.txt` and
        // `a.TXT`, or two hashes alike) both take a longer hash of their
        // name, whatever their order.
        let mut count: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        for a in &articles {
            *count.entry(a.article.id.clone()).or_default() += 1;
        }
        for a in &mut articles {
            if count[&a.article.id] > 1 {
                let hash = crate::ids::short_hash(a.article.file.as_bytes());
                a.article.id = format!("{}-{}", crate::corpus::slug(&a.article.file), &hash[..16]);
            }
        }
        Library { summit, articles, skipped, source_warnings: Vec::new() }
    }

    /// Every warning of the load, each naming its file, in file-name order:
    /// files skipped and why, and notes on the ones that loaded.
    pub fn warnings(&self) -> Vec<String> {
        let mut lines: Vec<(&str, String)> = self.skipped.iter().map(|s| (s.file.as_str(), s.to_string())).collect();
        for a in &self.articles {
            let file = a.article.file.as_str();
            lines.extend(a.article.notes.iter().map(|n| (file, format!("{file}: note: {n}"))));
        }
        // A stable sort: a file's notes stay in the order they were found.
        lines.sort_by(|a, b| corpus::report_order(a.0).cmp(&corpus::report_order(b.0)));
        self.source_warnings.iter().cloned().chain(lines.into_iter().map(|(_, line)| line)).collect()
    }

    pub fn report(&self) -> LoadReport {
        let statements: Vec<&Statement> = self.articles.iter().flat_map(|a| &a.statements).collect();
        let by_speaker = self
            .summit
            .speaker_ixs()
            .map(|s| (self.summit.speakers[s].id.clone(), statements.iter().filter(|st| st.speaker == Some(s)).count()))
            .collect();
        LoadReport {
            articles: self.articles.len(),
            skipped: self.skipped.len(),
            statements: statements.len(),
            by_speaker,
            unattributed: statements.iter().filter(|s| s.speaker.is_none()).count(),
        }
    }
}
