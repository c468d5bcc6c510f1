//! Full-text search over every statement: a tantivy index in memory, built
//! once per corpus beside the [`Index`] it searches.
//!
//! Words are matched on their stems ("attacks" finds "attack"), all of them
//! by default; `"quoted words"` ask for a phrase, `-word` leaves a word out.
//! Results are ranked by relevance (BM25). Filters by speaker, topic and
//! article narrow the results; the counts of each filter value are worked
//! out from the words alone, so a reader sees what each choice would give.

use std::collections::HashSet;
use std::ops::Range;

use tantivy::collector::{Collector, SegmentCollector, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, ConstScoreQuery, Occur, Query, QueryParser, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, STRING};
use tantivy::tokenizer::{AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer};
use tantivy::{DocId, Index as Tantivy, IndexReader, Score, SegmentOrdinal, SegmentReader, TantivyDocument, Term};

use crate::index::Index;

/// The name the analyser of statement words is registered under.
const ANALYZER: &str = "statement_words";
/// Memory for the index writer; a corpus of 10,000 articles fits in one
/// segment, which keeps searching simple and fast.
const WRITER_MEMORY_BYTES: usize = 200_000_000;
/// Tokens longer than this are not words anyone searches for.
const LONGEST_TOKEN: usize = 40;

/// The filter value stored for a statement by someone who is not tracked.
pub const OTHER_SPEAKER: &str = "-";

/// What a reader asked for.
#[derive(Debug, Default, Clone)]
pub struct Request<'a> {
    pub words: &'a str,
    pub speaker: Option<usize>,
    pub topic: Option<usize>,
    pub article: Option<usize>,
    /// The range of ranked results wanted (one page).
    pub page: Range<usize>,
}

/// One page of results, and the counts of every filter value.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Entries (indices into `Index::entries`), best first.
    pub hits: Vec<usize>,
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
    /// Parts of the query that could not be read, in the reader's terms.
    pub problems: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
#[error("the search index could not be built: {0}")]
pub struct BuildError(#[from] tantivy::TantivyError);

/// The search index of one corpus.
pub struct Search {
    index: Tantivy,
    reader: IndexReader,
    analyzer: TextAnalyzer,
    fields: Fields,
}

#[derive(Clone, Copy)]
struct Fields {
    words: Field,
    speaker: Field,
    topic: Field,
    article: Field,
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

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(ANALYZER)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let words = b.add_text_field("words", TextOptions::default().set_indexing_options(indexing));
    let speaker = b.add_text_field("speaker", STRING);
    let topic = b.add_text_field("topic", STRING);
    let article = b.add_text_field("article", STRING);
    b.add_u64_field(ENTRY, FAST);
    (b.build(), Fields { words, speaker, topic, article })
}

impl Search {
    /// Indexes every statement of `index`.
    pub fn build(index: &Index) -> Result<Search, BuildError> {
        let (schema, fields) = schema();
        let tantivy = Tantivy::create_in_ram(schema.clone());
        tantivy.tokenizers().register(ANALYZER, analyzer());
        let mut writer = tantivy.writer_with_num_threads::<TantivyDocument>(1, WRITER_MEMORY_BYTES)?;
        let entry_field = schema.get_field(ENTRY)?;
        for (i, e) in index.entries.iter().enumerate() {
            let mut doc = TantivyDocument::default();
            doc.add_text(fields.words, index.words(i));
            doc.add_text(fields.speaker, speaker_value(index, e.speaker));
            for &t in &e.topics {
                doc.add_text(fields.topic, &index.summit.topics[t].id);
            }
            doc.add_text(fields.article, &index.articles[e.article].article.id);
            doc.add_u64(entry_field, i as u64);
            writer.add_document(doc)?;
        }
        writer.commit()?;
        let reader = tantivy.reader()?;
        Ok(Search { index: tantivy, reader, analyzer: analyzer(), fields })
    }

    /// Runs a search. Filters alone (no words) list statements in source order.
    pub fn run(&self, index: &Index, request: &Request) -> Result<Outcome, tantivy::TantivyError> {
        let mut outcome = Outcome {
            by_speaker: vec![0; index.summit.speakers.len()],
            by_topic: vec![0; index.summit.topics.len()],
            by_article: vec![0; index.articles.len()],
            ..Outcome::default()
        };
        let words = request.words.trim();
        let text_query: Box<dyn Query> = if words.is_empty() {
            Box::new(AllQuery)
        } else {
            let mut parser = QueryParser::for_index(&self.index, vec![self.fields.words]);
            parser.set_conjunction_by_default();
            let (query, errors) = parser.parse_query_lenient(words);
            outcome.problems = errors.iter().map(|e| e.to_string()).collect();
            query
        };
        text_query.query_terms(&mut |term, _| {
            if term.field() == self.fields.words {
                if let Some(stem) = term.value().as_str() {
                    outcome.stems.insert(stem.to_string());
                }
            }
        });
        let searcher = self.reader.searcher();
        // Every statement with the words, for the counts and the total.
        let matching = searcher.search(&text_query, &Entries)?;
        for &i in &matching {
            count(index, i, &mut outcome);
        }
        outcome.total = matching.iter().filter(|&&i| passes(index, i, request)).count();
        outcome.hits = if words.is_empty() {
            let mut listed: Vec<usize> = matching.into_iter().filter(|&i| passes(index, i, request)).collect();
            listed.sort_unstable();
            let page = request.page.start.min(listed.len())..request.page.end.min(listed.len());
            listed[page].to_vec()
        } else {
            self.ranked(&searcher, text_query, index, request)?
        };
        Ok(outcome)
    }

    /// One page of the statements that match the words and the filters, best first.
    fn ranked(
        &self,
        searcher: &tantivy::Searcher,
        text_query: Box<dyn Query>,
        index: &Index,
        request: &Request,
    ) -> Result<Vec<usize>, tantivy::TantivyError> {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, text_query)];
        let filters = [
            (self.fields.speaker, request.speaker.map(|s| speaker_value(index, Some(s)).to_string())),
            (self.fields.topic, request.topic.map(|t| index.summit.topics[t].id.clone())),
            (self.fields.article, request.article.map(|a| index.articles[a].article.id.clone())),
        ];
        for (field, value) in filters {
            if let Some(value) = value {
                // A filter decides what matches, never how well.
                let term = TermQuery::new(Term::from_field_text(field, &value), IndexRecordOption::Basic);
                clauses.push((Occur::Must, Box::new(ConstScoreQuery::new(Box::new(term), 0.0))));
            }
        }
        let query = BooleanQuery::new(clauses);
        let limit = request.page.len().max(1);
        let top = searcher.search(&query, &TopDocs::with_limit(limit).and_offset(request.page.start).order_by_score())?;
        top.into_iter()
            .map(|(_, address)| {
                let column = searcher.segment_reader(address.segment_ord).fast_fields().u64(ENTRY)?;
                let entry = column.first(address.doc_id).ok_or_else(|| {
                    tantivy::TantivyError::InternalError(format!("document {address:?} has no entry number"))
                })?;
                Ok(entry as usize)
            })
            .collect()
    }

    /// Where the searched-for words stand in `text`: byte ranges of every
    /// token whose stem was searched for, with neighbours joined.
    pub fn marks(&self, text: &str, stems: &HashSet<String>) -> Vec<Range<usize>> {
        if stems.is_empty() {
            return Vec::new();
        }
        let mut analyzer = self.analyzer.clone();
        let mut stream = analyzer.token_stream(text);
        let mut marks: Vec<Range<usize>> = Vec::new();
        while let Some(token) = stream.next() {
            if !stems.contains(&token.text) {
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
}

fn speaker_value(index: &Index, speaker: Option<usize>) -> &str {
    speaker.map_or(OTHER_SPEAKER, |s| index.summit.speakers[s].id.as_str())
}

fn passes(index: &Index, i: usize, request: &Request) -> bool {
    let e = &index.entries[i];
    request.speaker.is_none_or(|s| e.speaker == Some(s))
        && request.topic.is_none_or(|t| e.topics.contains(&t))
        && request.article.is_none_or(|a| e.article == a)
}

fn count(index: &Index, i: usize, outcome: &mut Outcome) {
    let e = &index.entries[i];
    match e.speaker {
        Some(s) => outcome.by_speaker[s] += 1,
        None => outcome.others += 1,
    }
    for &t in &e.topics {
        outcome.by_topic[t] += 1;
    }
    outcome.by_article[e.article] += 1;
}

/// Collects the entry number of every matching statement, unranked.
struct Entries;

struct SegmentEntries {
    column: tantivy::columnar::Column<u64>,
    found: Vec<usize>,
}

impl Collector for Entries {
    type Fruit = Vec<usize>;
    type Child = SegmentEntries;

    fn for_segment(&self, _: SegmentOrdinal, segment: &SegmentReader) -> tantivy::Result<SegmentEntries> {
        Ok(SegmentEntries { column: segment.fast_fields().u64(ENTRY)?, found: Vec::new() })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Vec<usize>>) -> tantivy::Result<Vec<usize>> {
        Ok(fruits.concat())
    }
}

impl SegmentCollector for SegmentEntries {
    type Fruit = Vec<usize>;

    fn collect(&mut self, doc: DocId, _: Score) {
        if let Some(entry) = self.column.first(doc) {
            self.found.push(entry as usize);
        }
    }

    fn harvest(self) -> Vec<usize> {
        self.found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The stretches of `text` marked when `query` is searched for.
    fn marked<'a>(text: &'a str, query: &str) -> Vec<&'a str> {
        let (schema, fields) = schema();
        let index = Tantivy::create_in_ram(schema);
        let reader = index.reader().unwrap();
        let search = Search { index, reader, analyzer: analyzer(), fields };
        let mut stems = HashSet::new();
        let mut a = analyzer();
        let mut stream = a.token_stream(query);
        while let Some(t) = stream.next() {
            stems.insert(t.text.clone());
        }
        search.marks(text, &stems).into_iter().map(|r| &text[r]).collect()
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
    fn accents_and_case_do_not_matter() {
        assert_eq!(marked("Genève and GENEVE, not Geneva", "geneve"), ["Genève", "GENEVE"]);
    }
}
