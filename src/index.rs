//! The read-only index the web pages are served from: statements by id,
//! speaker, topic and article, built once from a loaded [`Library`].

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::analysis::{Kind, Statement};
use crate::corpus::Article;
use crate::versions::{self, Versions};
use crate::library::Library;
use crate::search::Search;
use crate::summit::{SpeakerIx, Summit, TopicIx};
use crate::transcript_check::{self, Check, Said};

place_type! {
    /// A statement of the corpus, by its place in [`Index::entries`].
    EntryIx in Entry
}

place_type! {
    /// An article of the corpus, by its place in [`Index::articles`].
    ArticleIx in ArticleEntry
}

/// One statement of the corpus: what the analysis found, and the article
/// it was found in.
#[derive(Debug, Clone)]
pub struct Entry {
    pub article: ArticleIx,
    pub statement: Statement,
}

/// An article and the statements found in it.
#[derive(Debug, Clone)]
pub struct ArticleEntry {
    pub article: Article,
    /// Its statements, in source order.
    pub entries: Vec<EntryIx>,
    /// A transcript: quotations in other articles are checked against it.
    pub transcript: bool,
}

pub struct Index {
    pub summit: Summit,
    pub articles: Vec<ArticleEntry>,
    /// Every statement, article by article, in source order.
    pub entries: Vec<Entry>,
    /// Files that were not loaded, and why.
    pub skipped: Vec<crate::corpus::Skipped>,
    by_id: HashMap<String, Vec<EntryIx>>,
    by_article: HashMap<String, ArticleIx>,
    /// The plain slug of an article whose id is more (`a-b` of `A b.txt`),
    /// where no other article has that slug or id: its old address.
    moved: HashMap<String, ArticleIx>,
    /// `by_topic[topic]`: entries tagged with it, in source order.
    by_topic: Vec<Vec<EntryIx>>,
    /// `by_speaker[speaker]`: a tracked speaker's entries, in source order.
    by_speaker: Vec<Vec<EntryIx>>,
    /// `checks[i]`: the entry at place `i` checked against the loaded
    /// transcripts, where it could be (see [`crate::transcript_check`]).
    checks: Vec<Option<Check>>,
    /// The versions of each statement (the same statement reported by
    /// several articles), worked out on first use (or ahead of it, see
    /// [`Index::prepare`]).
    versions: OnceLock<Versions>,
    /// The full-text index, built on first use (or ahead of it, see
    /// [`Index::prepare`]); an error says why search is unavailable.
    search: OnceLock<Result<Search, String>>,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index")
            .field("articles", &self.articles.len())
            .field("entries", &self.entries.len())
            .finish()
    }
}

impl Index {
    pub fn build(library: Library) -> Index {
        let summit = library.summit;
        let mut entries: Vec<Entry> = Vec::new();
        let mut articles = Vec::new();
        for (ai, analyzed) in library.articles.into_iter().enumerate() {
            let first = entries.len();
            entries.extend(analyzed.statements.into_iter().map(|statement| Entry { article: ArticleIx(ai), statement }));
            let ids = (first..entries.len()).map(EntryIx).collect();
            articles.push(ArticleEntry { article: analyzed.article, entries: ids, transcript: analyzed.transcript });
        }
        let mut by_id: HashMap<String, Vec<EntryIx>> = HashMap::new();
        let mut by_topic = vec![Vec::new(); summit.topics.len()];
        let mut by_speaker = vec![Vec::new(); summit.speakers.len()];
        for (i, e) in entries.iter().enumerate() {
            let i = EntryIx(i);
            let st = &e.statement;
            by_id.entry(st.id.clone()).or_default().push(i);
            for &t in &st.topics {
                by_topic[t.position()].push(i);
            }
            if let Some(s) = st.speaker {
                by_speaker[s.position()].push(i);
            }
        }
        let by_article: HashMap<String, ArticleIx> =
            articles.iter().enumerate().map(|(i, a)| (a.article.id.clone(), ArticleIx(i))).collect();
        let moved = moved_articles(&articles, &by_article);
        let checks = check_against_transcripts(&articles, &entries);
        Index {
            summit,
            articles,
            entries,
            skipped: library.skipped,
            by_id,
            by_article,
            moved,
            by_topic,
            by_speaker,
            checks,
            versions: OnceLock::new(),
            search: OnceLock::new(),
        }
    }

    /// The full-text index, built now if it has not been.
    pub fn search(&self) -> Result<&Search, &str> {
        self.search
            .get_or_init(|| Search::build(self).map_err(|e| e.to_string()))
            .as_ref()
            .map_err(String::as_str)
    }

    /// Works out what the index works out on first use, ahead of it: the
    /// versions of every statement, and the full-text index.
    /// (Serving starts before: the site's warm-up runs this, and lets the
    /// requests that need them wait, see `web::Site::warm_up`.)
    pub fn prepare(&self) {
        // The two do not depend on each other: on a machine of two cores
        // or more, they are ready in the time of the slower.
        rayon::join(
            || {
                let started = std::time::Instant::now();
                let distinct = self.all_versions().sets.len();
                tracing::info!(
                    "found the versions of {} statements, {distinct} distinct, in {} ms",
                    self.entries.len(),
                    started.elapsed().as_millis()
                );
            },
            || {
                let started = std::time::Instant::now();
                match self.search() {
                    Ok(_) => tracing::info!("search index built in {} ms", started.elapsed().as_millis()),
                    Err(e) => tracing::error!("search is unavailable: {e}"),
                }
            },
        );
    }

    /// Whether what [`Index::prepare`] works out is ready.
    pub fn is_prepared(&self) -> bool {
        self.versions.get().is_some() && self.search.get().is_some()
    }

    fn all_versions(&self) -> &Versions {
        self.versions.get_or_init(|| find_versions(&self.summit, &self.articles, &self.entries))
    }

    /// Every version of statement `i` (itself included), in source order:
    /// the same statement reported by other articles, or again in its own.
    pub fn versions(&self, i: EntryIx) -> impl ExactSizeIterator<Item = EntryIx> + '_ {
        let versions = self.all_versions();
        versions.sets[versions.of[i.0]].iter().map(|&v| EntryIx(v))
    }

    /// How many articles carry a version of statement `i`.
    pub fn sources(&self, i: EntryIx) -> usize {
        let versions = self.all_versions();
        versions.sources[versions.of[i.0]]
    }

    /// One version of each statement in `list`, however often reported:
    /// the fullest (the longest; the first of equals), in the place of the
    /// statement's first report.
    pub fn one_per_statement(&self, list: impl IntoIterator<Item = EntryIx>) -> Vec<EntryIx> {
        let versions = self.all_versions();
        let mut place: HashMap<usize, usize> = HashMap::new();
        let mut chosen: Vec<EntryIx> = Vec::new();
        let len = |i: EntryIx| self.entries[i].statement.end - self.entries[i].statement.start;
        for i in list {
            match place.get(&versions.of[i.0]) {
                Some(&p) if len(i) > len(chosen[p]) => chosen[p] = i,
                Some(_) => {}
                None => {
                    place.insert(versions.of[i.0], chosen.len());
                    chosen.push(i);
                }
            }
        }
        chosen
    }

    /// The most specific of `list`, to stand for a topic where there is
    /// room for one line: the statement tagged with the fewest topics (a
    /// statement that lists every issue stands for none of them), then a
    /// direct quote before reported speech, then one of a readable length,
    /// then the first.
    pub fn most_specific(&self, list: impl IntoIterator<Item = EntryIx>) -> Option<EntryIx> {
        /// Statements about this long read well as one line.
        const READABLE: std::ops::RangeInclusive<usize> = 40..=160;
        list.into_iter().enumerate().min_by_key(|&(place, i)| {
            let e = &self.entries[i].statement;
            let len = self.words(i).chars().count();
            let off = if READABLE.contains(&len) { 0 } else { len.abs_diff(*READABLE.start()).min(len.abs_diff(*READABLE.end())) };
            (e.topics.len(), e.kind != Kind::Direct, off / 20, place)
        }).map(|(_, i)| i)
    }

    /// How many different statement ids there are.
    pub fn distinct_ids(&self) -> usize {
        self.by_id.len()
    }

    /// The statement with this id. The same words by the same speaker in
    /// several articles share an id; this is the first of them.
    pub fn entry(&self, id: &str) -> Option<EntryIx> {
        self.by_id.get(id).and_then(|v| v.first().copied())
    }

    /// Every statement with this id (one per article that carries it).
    pub fn entries_with_id(&self, id: &str) -> &[EntryIx] {
        self.by_id.get(id).map_or(&[], Vec::as_slice)
    }

    /// Every statement, in source order.
    pub fn entry_ixs(&self) -> impl ExactSizeIterator<Item = EntryIx> {
        (0..self.entries.len()).map(EntryIx)
    }

    /// Every article, in the order they were loaded.
    pub fn article_ixs(&self) -> impl ExactSizeIterator<Item = ArticleIx> {
        (0..self.articles.len()).map(ArticleIx)
    }

    pub fn article(&self, id: &str) -> Option<ArticleIx> {
        self.by_article.get(id).copied()
    }

    /// The article that `slug` (not an id) stood for before ids carried a
    /// hash of the file name, when only one can be meant.
    pub fn article_moved(&self, slug: &str) -> Option<ArticleIx> {
        self.moved.get(slug).copied()
    }

    pub fn topic(&self, id: &str) -> Option<TopicIx> {
        self.summit.topic_ix(id)
    }

    pub fn speaker(&self, id: &str) -> Option<SpeakerIx> {
        self.summit.speaker_ix(id)
    }

    pub fn on_topic(&self, topic: TopicIx) -> &[EntryIx] {
        &self.by_topic[topic.position()]
    }

    pub fn by_speaker(&self, speaker: SpeakerIx) -> &[EntryIx] {
        &self.by_speaker[speaker.position()]
    }

    /// A tracked speaker's statements on a topic, in source order.
    pub fn said_on(&self, speaker: SpeakerIx, topic: TopicIx) -> impl Iterator<Item = EntryIx> + '_ {
        self.on_topic(topic).iter().copied().filter(move |&i| self.entries[i].statement.speaker == Some(speaker))
    }

    /// What the loaded transcripts say of entry `i`: `None` when it was
    /// not checked (reported speech, a transcript's own turn, or no
    /// transcript of its speaker loaded).
    pub fn transcript_check(&self, i: EntryIx) -> Option<&Check> {
        self.checks.get(i.0).and_then(Option::as_ref)
    }

    /// The transcript's statement that `check` (of [`Index::transcript_check`])
    /// found the words at; `None` when it found them nowhere.
    pub fn checked_against(&self, check: &Check) -> Option<EntryIx> {
        match check {
            Check::Same { transcript } | Check::Close { transcript, .. } => Some(EntryIx(*transcript)),
            Check::NotFound => None,
        }
    }

    /// Statement `i`, as the analysis found it.
    pub fn statement(&self, i: EntryIx) -> &Statement {
        &self.entries[i].statement
    }

    /// The article statement `i` was found in.
    pub fn article_of(&self, i: EntryIx) -> &Article {
        &self.articles[self.entries[i].article].article
    }

    /// The statement's own words.
    pub fn words(&self, i: EntryIx) -> &str {
        let e = &self.entries[i];
        &self.articles[e.article].article.text[e.statement.start..e.statement.end]
    }

    /// In a transcript, the question statement `i` answers.
    pub fn question(&self, i: EntryIx) -> Option<EntryIx> {
        let e = &self.entries[i];
        e.statement.question.map(|q| self.articles[e.article].entries[q])
    }

    /// The paragraph (block) a statement stands in, and its byte range.
    pub fn paragraph(&self, i: EntryIx) -> (&str, usize, usize) {
        let e = &self.entries[i];
        let a = &self.articles[e.article].article;
        let b = &a.blocks[e.statement.block];
        (&a.text[b.start..b.end], b.start, b.end)
    }

    /// Who said it, as shown to readers.
    pub fn speaker_name(&self, i: EntryIx) -> String {
        let e = &self.entries[i].statement;
        match (e.speaker, &e.speaker_label) {
            (Some(s), _) => self.summit.speakers[s].name.clone(),
            (None, Some(label)) => label.clone(),
            (None, None) => "Unattributed".to_string(),
        }
    }

}

/// Finds the versions of every statement: the same statement reported by
/// several articles, or again in one.
fn find_versions(summit: &Summit, articles: &[ArticleEntry], entries: &[Entry]) -> Versions {
    let normalised: Vec<String> = entries
        .iter()
        .map(|e| crate::ids::normalise(&articles[e.article].article.text[e.statement.start..e.statement.end]))
        .collect();
    let items: Vec<versions::Item> = entries
        .iter()
        .zip(&normalised)
        .map(|(e, words)| versions::Item {
            speaker: match e.statement.speaker {
                Some(s) => Some(summit.speakers[s].id.as_str()),
                None => e.statement.speaker_label.as_deref(),
            },
            words,
            article: e.article.position(),
        })
        .collect();
    versions::find(&items)
}

/// Checks every quotation of a tracked speaker outside a transcript against
/// that speaker's own turns (direct statements) in the transcripts.
fn check_against_transcripts(articles: &[ArticleEntry], entries: &[Entry]) -> Vec<Option<Check>> {
    let said: Vec<Said> = entries
        .iter()
        .map(|entry| {
            let article = &articles[entry.article];
            let text = &article.article.text;
            let e = &entry.statement;
            let quoted = match e.kind {
                Kind::Direct => vec![&text[e.start..e.end]],
                // A transcript is checked against with the speaker's own
                // turns only, never a correspondent's account of them.
                Kind::Mixed if !article.transcript => {
                    e.quotes.iter().filter(|q| q.start >= e.start && q.end <= e.end).map(|q| &text[q.start..q.end]).collect()
                }
                Kind::Mixed | Kind::Indirect => Vec::new(),
            };
            Said { speaker: e.speaker, article: entry.article.position(), in_transcript: article.transcript, quoted }
        })
        .collect();
    transcript_check::check(&said)
}

/// Plain slugs that lead to exactly one article whose id is more than its
/// slug, and are no article's id.
fn moved_articles(articles: &[ArticleEntry], ids: &HashMap<String, ArticleIx>) -> HashMap<String, ArticleIx> {
    let mut by_slug: HashMap<String, Option<ArticleIx>> = HashMap::new();
    for (i, a) in articles.iter().enumerate() {
        let slug = crate::corpus::slug(&a.article.file);
        if slug != a.article.id && !ids.contains_key(&slug) {
            by_slug.entry(slug).and_modify(|only| *only = None).or_insert(Some(ArticleIx(i)));
        }
    }
    by_slug.into_iter().filter_map(|(slug, only)| only.map(|i| (slug, i))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::LoadOptions;

    #[test]
    fn preparing_works_out_versions_and_search_ahead_of_use() {
        let index = Index::build(Library::load(&LoadOptions::default()).expect("the built-in corpus loads"));
        assert!(!index.is_prepared());
        index.prepare();
        assert!(index.is_prepared());
        assert!(index.search().is_ok());
        assert!(index.versions(EntryIx(0)).len() > 0);
    }
}
