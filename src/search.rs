//! Full-text search over every statement: a tantivy index in memory, built
//! once per corpus beside the [`Index`] it searches.
//!
//! Words are matched on their stems ("attacks" finds "attack") and as the
//! beginnings of words ("cyber" finds "cyberspace" and "cybersecurity"),
//! all of them by default; `"quoted words"` ask for a phrase, `-word` leaves a word out.
//! Results are ranked by relevance (BM25). Filters by speaker, topic and
//! article narrow the results; the counts of each filter value are worked
//! out from the words alone, so a reader sees what each choice would give.
//!
//! One pass over the index finds every statement with the words and its
//! score; the counts, the filters and the page of best results are then
//! worked out from the statements themselves, which the [`Index`] holds.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::Arc;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::query::{AllQuery, EmptyQuery, Query, QueryParser};
use tantivy::schema::{Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST};
use tantivy::tokenizer::{AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer};
use tantivy::{DocId, Index as Tantivy, Score, SegmentOrdinal, SegmentReader, Searcher, TantivyDocument};

use crate::summit::{SpeakerIx, TopicIx};
use crate::index::{ArticleIx, EntryIx, Index};

/// The name the analyser of statement words is registered under.
const ANALYZER: &str = "statement_words";
/// The same words unstemmed, matched by their beginnings: a stem is no
/// beginning ("cybersecurity" stems to "cybersecur", "cyber" to "cyber",
/// and neither finds the other by stems alone).
const RAW_ANALYZER: &str = "statement_words_raw";
/// Memory for the index writer; a corpus of 10,000 articles fits in one
/// segment, which keeps searching simple and fast.
const WRITER_MEMORY_BYTES: usize = 200_000_000;
/// Tokens longer than this are not words anyone searches for.
const LONGEST_TOKEN: usize = 40;

/// What a reader asked for.
#[derive(Debug, Default, Clone)]
pub struct Request<'a> {
    pub words: &'a str,
    pub speaker: Option<SpeakerIx>,
    pub topic: Option<TopicIx>,
    pub article: Option<ArticleIx>,
    /// The range of ranked results wanted (one page).
    pub page: Range<usize>,
}

/// One page of results, and the counts of every filter value.
#[derive(Debug, Default)]
pub struct Outcome {
    /// The statements found, best first.
    pub hits: Vec<EntryIx>,
    /// How many statements match the words and every filter.
    pub total: usize,
    /// Per tracked speaker, then one for everyone else: statements that match the words.
    pub by_speaker: Vec<usize>,
    pub others: usize,
    /// Per topic and per article: statements that match the words.
    pub by_topic: Vec<usize>,
    pub by_article: Vec<usize>,
    /// The stems of the words searched for, to mark them in results.
    pub stems: HashSet<String>,
    /// The words searched for as beginnings of words (lower case, without
    /// accents), to mark the words they begin.
    pub prefixes: Vec<String>,
    /// Parts of the query that could not be read, in the reader's terms.
    pub problems: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
#[error("the search index could not be built: {0}")]
pub struct BuildError(#[from] tantivy::TantivyError);

/// Why a search was not answered.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The query parsed, but tantivy cannot run it (a range over words, say):
    /// the reader's to change, never the server's fault.
    #[error("{0}")]
    Unreadable(String),
    /// The index itself failed, with no words to blame.
    #[error("the search failed: {0}")]
    Index(tantivy::TantivyError),
}

/// The search index of one corpus.
pub struct Search {
    index: Tantivy,
    /// The index never changes once built: one searcher serves every search.
    searcher: Searcher,
    /// `entries[segment][doc]`: the statement (its place in
    /// `Index::entries`) of each document, read from the index once.
    entries: Vec<Arc<[u32]>>,
    /// What the filters and counts need of each statement, packed
    /// together: a search may count tens of thousands of statements.
    facts: Facts,
    analyzer: TextAnalyzer,
    raw_analyzer: TextAnalyzer,
    words: Field,
    raw: Field,
}

/// Each statement's speaker, article and topics, in statement order.
struct Facts {
    /// `of[i]`: statement `i`'s speaker (`NO_SPEAKER` for someone not
    /// tracked), article, and the range of its topics in `topics`.
    of: Vec<Fact>,
    topics: Vec<u32>,
}

struct Fact {
    speaker: u32,
    article: u32,
    topics: Range<u32>,
}

const NO_SPEAKER: u32 = u32::MAX;

impl Facts {
    fn new(index: &Index) -> Facts {
        let mut facts = Facts { of: Vec::with_capacity(index.entries.len()), topics: Vec::new() };
        for e in &index.entries {
            let start = facts.topics.len() as u32;
            facts.topics.extend(e.statement.topics.iter().map(|&t| t.position() as u32));
            facts.of.push(Fact {
                speaker: e.statement.speaker.map_or(NO_SPEAKER, |s| s.position() as u32),
                article: e.article.position() as u32,
                topics: start..facts.topics.len() as u32,
            });
        }
        facts
    }

    fn topics(&self, fact: &Fact) -> &[u32] {
        &self.topics[fact.topics.start as usize..fact.topics.end as usize]
    }

    /// Does statement `i` pass the request's filters?
    fn passes(&self, i: u32, request: &Request) -> bool {
        let f = &self.of[i as usize];
        request.speaker.is_none_or(|s| f.speaker == s.position() as u32)
            && request.topic.is_none_or(|t| self.topics(f).contains(&(t.position() as u32)))
            && request.article.is_none_or(|a| f.article == a.position() as u32)
    }

    /// Counts statement `i` under its speaker, its topics and its article.
    fn count(&self, i: u32, outcome: &mut Outcome) {
        let f = &self.of[i as usize];
        match outcome.by_speaker.get_mut(f.speaker as usize) {
            Some(n) => *n += 1,
            None => outcome.others += 1,
        }
        for &t in self.topics(f) {
            outcome.by_topic[t as usize] += 1;
        }
        outcome.by_article[f.article as usize] += 1;
    }
}

/// The field with each statement's place in `Index::entries`.
const ENTRY: &str = "entry";

fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(LONGEST_TOKEN))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(Language::English))
        .build()
}

/// As [`analyzer`], without the stemmer: the tokens are the same, one for one.
fn raw_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(LONGEST_TOKEN))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

fn schema() -> (Schema, Field, Field) {
    let mut b = Schema::builder();
    let field = |b: &mut tantivy::schema::SchemaBuilder, name: &str, tokenizer: &str| {
        let indexing =
            TextFieldIndexing::default().set_tokenizer(tokenizer).set_index_option(IndexRecordOption::WithFreqsAndPositions);
        b.add_text_field(name, TextOptions::default().set_indexing_options(indexing))
    };
    let words = field(&mut b, "words", ANALYZER);
    let raw = field(&mut b, "raw", RAW_ANALYZER);
    b.add_u64_field(ENTRY, FAST);
    (b.build(), words, raw)
}

/// The words of a query that are searched as beginnings of words: every
/// word but those left out (`-word`), lower case and without accents.
fn query_prefixes(query: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut analyzer = raw_analyzer();
    for piece in query.split_whitespace().filter(|p| !p.starts_with('-')) {
        let mut stream = analyzer.token_stream(piece);
        while let Some(t) = stream.next() {
            if !out.contains(&t.text) {
                out.push(t.text.clone());
            }
        }
    }
    out
}

impl Search {
    /// Indexes every statement of `index`.
    pub fn build(index: &Index) -> Result<Search, BuildError> {
        let (schema, words, raw) = schema();
        let tantivy = Tantivy::create_in_ram(schema.clone());
        tantivy.tokenizers().register(ANALYZER, analyzer());
        tantivy.tokenizers().register(RAW_ANALYZER, raw_analyzer());
        let mut writer = tantivy.writer_with_num_threads::<TantivyDocument>(1, WRITER_MEMORY_BYTES)?;
        let entry_field = schema.get_field(ENTRY)?;
        for i in index.entry_ixs() {
            let mut doc = TantivyDocument::default();
            doc.add_text(words, index.words(i));
            doc.add_text(raw, index.words(i));
            doc.add_u64(entry_field, i.position() as u64);
            writer.add_document(doc)?;
        }
        writer.commit()?;
        let searcher = tantivy.reader()?.searcher();
        let entries = searcher
            .segment_readers()
            .iter()
            .map(|segment| {
                let column = segment.fast_fields().u64(ENTRY)?;
                (0..segment.max_doc())
                    .map(|doc| {
                        column.first(doc).map(|e| e as u32).ok_or_else(|| {
                            tantivy::TantivyError::InternalError(format!("document {doc} has no entry number"))
                        })
                    })
                    .collect::<Result<Arc<[u32]>, _>>()
            })
            .collect::<Result<_, _>>()?;
        Ok(Search {
            index: tantivy,
            searcher,
            entries,
            facts: Facts::new(index),
            analyzer: analyzer(),
            raw_analyzer: raw_analyzer(),
            words,
            raw,
        })
    }

    /// Runs a search. Filters alone (no words) list statements in source order.
    pub fn run(&self, index: &Index, request: &Request) -> Result<Outcome, SearchError> {
        let mut outcome = Outcome {
            by_speaker: vec![0; index.summit.speakers.len()],
            by_topic: vec![0; index.summit.topics.len()],
            by_article: vec![0; index.articles.len()],
            ..Outcome::default()
        };
        let words = request.words.trim();
        let (kept, left_out) = without_exists_clauses(words);
        outcome.problems = left_out
            .iter()
            .map(|c| format!("{c:?} asks whether a field exists, not for words: it was left out"))
            .collect();
        let text_query: Box<dyn Query> = if words.is_empty() {
            Box::new(AllQuery)
        } else if kept.is_empty() {
            // Nothing but what was left out: no words, so no statements.
            Box::new(EmptyQuery)
        } else {
            // Each word is looked for in both fields: by its stem, and (in
            // the unstemmed field) as the beginning of a word.
            let mut parser = QueryParser::for_index(&self.index, vec![self.words, self.raw]);
            parser.set_conjunction_by_default();
            parser.set_field_fuzzy(self.raw, true, 0, false);
            outcome.prefixes = query_prefixes(&kept);
            let (query, errors) = parser.parse_query_lenient(&kept);
            outcome.problems.extend(errors.iter().map(|e| e.to_string()));
            query
        };
        text_query.query_terms(&mut |term, _| {
            if term.field() == self.words {
                if let Some(stem) = term.value().as_str() {
                    outcome.stems.insert(stem.to_string());
                }
            }
        });
        // Every statement with the words, and its score.
        let matching = self.searcher.search(&text_query, &Matches { entries: &self.entries }).map_err(|e| {
            if words.is_empty() {
                SearchError::Index(e)
            } else {
                SearchError::Unreadable(e.to_string())
            }
        })?;
        for &(i, _) in &matching {
            self.facts.count(i, &mut outcome);
        }
        let mut listed: Vec<(u32, Score)> = matching.into_iter().filter(|&(i, _)| self.facts.passes(i, request)).collect();
        outcome.total = listed.len();
        let end = request.page.end.min(listed.len());
        let start = request.page.start.min(end);
        if words.is_empty() {
            listed.sort_unstable_by_key(|&(i, _)| i);
        } else {
            best_first(&mut listed, end);
        }
        outcome.hits = listed[start..end].iter().map(|&(i, _)| EntryIx(i as usize)).collect();
        Ok(outcome)
    }

    /// Where the searched-for words stand in `text`: byte ranges of every
    /// token whose stem was searched for, with neighbours joined.
    pub fn marks(&self, text: &str, stems: &HashSet<String>, prefixes: &[String]) -> Vec<Range<usize>> {
        marks(&mut self.analyzer.clone(), &mut self.raw_analyzer.clone(), text, stems, prefixes)
    }
}

fn marks(
    analyzer: &mut TextAnalyzer,
    raw_analyzer: &mut TextAnalyzer,
    text: &str,
    stems: &HashSet<String>,
    prefixes: &[String],
) -> Vec<Range<usize>> {
    if stems.is_empty() && prefixes.is_empty() {
        return Vec::new();
    }
    // The two analysers give the same tokens, stemmed and not.
    let mut stream = analyzer.token_stream(text);
    let mut raw = raw_analyzer.token_stream(text);
    let mut marks: Vec<Range<usize>> = Vec::new();
    while let (Some(token), Some(raw_token)) = (stream.next(), raw.next()) {
        let begun = prefixes.iter().any(|p| raw_token.text.starts_with(p.as_str()));
        if !stems.contains(&token.text) && !begun {
            continue;
        }
        let range = token.offset_from..token.offset_to;
        match marks.last_mut() {
            // "cyber attacks" found as a phrase is marked as one stretch.
            Some(last) if text[last.end..range.start].chars().all(char::is_whitespace) => last.end = range.end,
            _ => marks.push(range),
        }
    }
    marks
}

/// The query without its "exists" clauses (`field:*`), and those clauses.
/// The parser accepts them on any field name, and tantivy fails only when
/// searching, so they are taken out first, except inside a phrase.
fn without_exists_clauses(words: &str) -> (String, Vec<String>) {
    let mut kept: Vec<&str> = Vec::new();
    let mut left_out = Vec::new();
    let mut in_phrase = false;
    for token in words.split_whitespace() {
        let opens_outside = !in_phrase;
        in_phrase ^= token.matches('"').count() % 2 == 1;
        if opens_outside && is_exists_clause(token) {
            left_out.push(token.to_string());
        } else {
            kept.push(token);
        }
    }
    (kept.join(" "), left_out)
}

/// `foo:*`, `+foo:*`, `-(foo:*)`: a field name, a colon and a star.
fn is_exists_clause(token: &str) -> bool {
    let bare = token.trim_start_matches(['+', '-']).trim_start_matches('(').trim_end_matches(')');
    bare.strip_suffix(":*").is_some_and(|field| !field.is_empty() && !field.contains(['"', ':', '*']))
}

/// Puts the `n` best of `listed` first, best first: the highest score, and
/// of equal scores the earlier statement. The rest is left in any order.
fn best_first(listed: &mut [(u32, Score)], n: usize) {
    let order = |a: &(u32, Score), b: &(u32, Score)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
    if n == 0 {
        return;
    }
    if n < listed.len() {
        listed.select_nth_unstable_by(n - 1, order);
    }
    listed[..n].sort_unstable_by(order);
}

/// Collects every matching statement (its place in `Index::entries`) and its score.
struct Matches<'a> {
    entries: &'a [Arc<[u32]>],
}

struct SegmentMatches {
    entries: Arc<[u32]>,
    found: Vec<(u32, Score)>,
}

impl Collector for Matches<'_> {
    type Fruit = Vec<(u32, Score)>;
    type Child = SegmentMatches;

    fn for_segment(&self, segment: SegmentOrdinal, _: &SegmentReader) -> tantivy::Result<SegmentMatches> {
        let entries = self.entries.get(segment as usize).ok_or_else(|| {
            tantivy::TantivyError::InternalError(format!("segment {segment} was not read when the index was built"))
        })?;
        Ok(SegmentMatches { entries: Arc::clone(entries), found: Vec::new() })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Vec<(u32, Score)>>) -> tantivy::Result<Vec<(u32, Score)>> {
        Ok(fruits.concat())
    }
}

impl SegmentCollector for SegmentMatches {
    type Fruit = Vec<(u32, Score)>;

    fn collect(&mut self, doc: DocId, score: Score) {
        if let Some(&entry) = self.entries.get(doc as usize) {
            self.found.push((entry, score));
        }
    }

    fn harvest(self) -> Vec<(u32, Score)> {
        self.found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The stretches of `text` marked when `query` is searched for.
    fn marked<'a>(text: &'a str, query: &str) -> Vec<&'a str> {
        let mut stems = HashSet::new();
        let mut a = analyzer();
        let mut stream = a.token_stream(query);
        while let Some(t) = stream.next() {
            stems.insert(t.text.clone());
        }
        marks(&mut analyzer(), &mut raw_analyzer(), text, &stems, &[]).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn words_begun_by_a_searched_word_are_marked() {
        let text = "We believe that cyberspace and cybersecurity matter, not cybernetics.";
        let prefixes = query_prefixes("cyber -cybernetics");
        assert_eq!(prefixes, ["cyber"]);
        let found: Vec<&str> =
            marks(&mut analyzer(), &mut raw_analyzer(), text, &HashSet::new(), &prefixes).into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["cyberspace", "cybersecurity", "cybernetics"]);
    }

    #[test]
    fn the_best_come_first_and_equal_scores_keep_source_order() {
        let mut listed = vec![(4, 1.0), (0, 0.5), (9, 2.0), (2, 1.0), (7, 0.1), (1, 1.0)];
        best_first(&mut listed, 3);
        assert_eq!(listed[..3], [(9, 2.0), (1, 1.0), (2, 1.0)]);
        best_first(&mut listed, 6);
        assert_eq!(listed, [(9, 2.0), (1, 1.0), (2, 1.0), (4, 1.0), (0, 0.5), (7, 0.1)]);
        best_first(&mut listed, 0);
        assert_eq!(listed.len(), 6);
    }

    #[test]
    fn marks_every_form_of_a_searched_word() {
        assert_eq!(marked("Attacks, attacking and the attack.", "attack"), ["Attacks", "attacking", "attack"]);
    }

    #[test]
    fn a_phrase_is_marked_as_one_stretch() {
        assert_eq!(marked("no more cyber attacks on pipelines", "cyber attack"), ["cyber attacks"]);
        assert_eq!(marked("cyber, then attacks", "cyber attack"), ["cyber", "attacks"]);
    }

    #[test]
    fn exists_clauses_are_taken_out_except_in_phrases() {
        assert_eq!(without_exists_clauses("cyber foo:*"), ("cyber".to_string(), vec!["foo:*".to_string()]));
        assert_eq!(without_exists_clauses("-(words:*) +x:*").1, ["-(words:*)", "+x:*"]);
        assert_eq!(without_exists_clauses("\"a foo:* b\" c").0, "\"a foo:* b\" c");
        assert_eq!(without_exists_clauses(":* * a:b").0, ":* * a:b");
    }

    #[test]
    fn accents_and_case_do_not_matter() {
        assert_eq!(marked("Genève and GENEVE, not Geneva", "geneve"), ["Genève", "GENEVE"]);
    }
}
