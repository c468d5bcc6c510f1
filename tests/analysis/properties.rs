//! Property tests: whatever an article file holds, splitting it and finding
//! its statements never panics, and every offset that comes out can be used
//! to slice the file (the export and the web pages do exactly that).
//!
//! Inputs range from arbitrary Unicode to a soup of the characters and words
//! the analysis reacts to (quote marks of every style, line breaks of every
//! kind, speaker names, verbs of saying, colons, ellipses, links, signature
//! lines), quote-shaped lines, and generated articles with random edits.

use std::collections::HashSet;

use counterparts::analysis::{Analyzer, Statement};
use counterparts::corpus::Article;
use counterparts::generate::generate_article;
use counterparts::ids::looks_like_id;
use counterparts::summit::Summit;
use proptest::prelude::*;
use proptest::sample::Index;

thread_local! {
    // Built once per test thread: proptest runs every case of a property on
    // the thread of its test function.
    static SUMMIT: Summit = Summit::builtin().expect("the built-in summit file is valid");
    static ANALYZER: Analyzer = SUMMIT.with(Analyzer::new);
}

/// Cases per property: enough to reach the odd corners, fast in a debug build.
const CASES: u32 = 384;

fn config() -> ProptestConfig {
    ProptestConfig { cases: CASES, ..ProptestConfig::default() }
}

// ---------------------------------------------------------------------------
// The invariants
// ---------------------------------------------------------------------------

/// Parses and analyses `text` and checks everything that comes out.
fn check_text(text: String) -> Result<(), TestCaseError> {
    let article = Article::parse("prop.txt", text);
    check_blocks(&article)?;
    let statements = ANALYZER.with(|a| a.analyze(&article));
    check_statements(&article, &statements)?;
    // The same article always gives the same statements: ids are permanent links.
    let again = ANALYZER.with(|a| a.analyze(&article));
    prop_assert_eq!(&statements, &again, "analysis is not deterministic");
    Ok(())
}

/// A byte range that slices `text`: ordered, in bounds, on char boundaries.
fn check_range(text: &str, start: usize, end: usize, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(start <= end && end <= text.len(), "{what} {start}..{end} out of 0..{}", text.len());
    prop_assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what} {start}..{end} is not on char boundaries"
    );
    Ok(())
}

/// Blocks are non-empty, in order, and do not overlap.
fn check_blocks(article: &Article) -> Result<(), TestCaseError> {
    let text = &article.text;
    let mut previous_end = 0;
    for (i, b) in article.blocks.iter().enumerate() {
        check_range(text, b.start, b.end, &format!("block {i}"))?;
        prop_assert!(b.start < b.end, "block {} is empty at {}", i, b.start);
        prop_assert!(b.start >= previous_end, "block {} starts at {} inside the block before it", i, b.start);
        previous_end = b.end;
    }
    Ok(())
}

fn check_statements(article: &Article, statements: &[Statement]) -> Result<(), TestCaseError> {
    let text = &article.text;
    let mut ids = HashSet::new();
    let mut previous_start = 0;
    for (k, s) in statements.iter().enumerate() {
        check_range(text, s.start, s.end, &format!("statement {}", s.id))?;
        if let Some(q) = s.question {
            prop_assert!(q < k, "statement {} answers a question that does not come before it", s.id);
        }
        prop_assert!(s.start < s.end, "statement {} is empty", s.id);
        check_range(text, s.sentence.0, s.sentence.1, &format!("sentence of {}", s.id))?;
        prop_assert!(
            s.block < article.blocks.len(),
            "statement {} in block {} of {}",
            s.id,
            s.block,
            article.blocks.len()
        );
        prop_assert!(looks_like_id(&s.id), "malformed id {:?}", s.id);
        prop_assert!(ids.insert(s.id.clone()), "id {} is given twice in one article", s.id);
        prop_assert!(s.start >= previous_start, "statement {} is out of source order", s.id);
        previous_start = s.start;
        check_names(s)?;
    }
    Ok(())
}

/// Speakers and topics are the summit file's.
fn check_names(s: &Statement) -> Result<(), TestCaseError> {
    SUMMIT.with(|summit| {
        if let Some(speaker) = s.speaker {
            prop_assert!(speaker.position() < summit.speakers.len(), "unknown speaker {speaker:?}");
        }
        for topic in &s.topics {
            prop_assert!(topic.position() < summit.topics.len(), "unknown topic {topic:?}");
        }
        Ok(())
    })
}

// ---------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------

/// Pieces the analysis reacts to.
const TOKENS: &[&str] = &[
    // quote marks
    "“",
    "”",
    "\"",
    "«",
    "»",
    "„",
    "’",
    "'",
    "‘",
    "‟",
    "″",
    // line breaks and blank-ish characters
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    " ",
    "  ",
    "\t",
    "\u{200b}",
    "\u{feff}",
    "\u{202e}",
    "\u{a0}",
    // punctuation
    ":",
    ", ",
    ". ",
    ".",
    "?",
    "!",
    ";",
    "…",
    "...",
    " — ",
    "—",
    "–",
    "-",
    "(",
    ")",
    "[",
    "]",
    // speakers
    "Biden",
    "Putin",
    "Joe Biden",
    "Vladimir Putin",
    "Mr Putin",
    "Mr. Biden",
    "the US president",
    "the Russian leader",
    "the Kremlin chief",
    "his Russian counterpart",
    "POTUS",
    "he",
    "He",
    "she",
    "they",
    "Peskov",
    "a White House official",
    "analysts",
    "Biden and Putin",
    "Bidens",
    "Putin's",
    // verbs and frames
    "said",
    "said:",
    "says",
    "added",
    "told reporters",
    "stressed",
    "warned",
    "said that",
    "according to",
    "asked",
    "replied:",
    "he said",
    "he added",
    "quoted",
    "continued,",
    "noted",
    // words and topics
    "cyber",
    "ransomware",
    "Navalny",
    "Ukraine",
    "human rights",
    "the Arctic",
    "Minsk agreements",
    "we",
    "will",
    "respond",
    "not",
    "the",
    "talks",
    "were",
    "constructive",
    "and",
    "I",
    // structure
    "---\n",
    "title: T\n",
    "Putin: ",
    "Biden: ",
    "https://t.co/abc",
    "pic.twitter.com/xyz",
    "www.example.com",
    "— Name (@handle) June 16, 2021",
    "(@",
    "@",
    "#",
];

/// One token: a known piece, a word, or any character at all.
fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => proptest::sample::select(TOKENS).prop_map(str::to_string),
        2 => "[A-Za-z]{1,9}",
        1 => any::<char>().prop_map(String::from),
    ]
}

/// A few hundred tokens run together.
fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(token(), 0..200).prop_map(|t| t.concat())
}

/// Lines shaped like quotations and attributions, with everything varied.
fn quote_line() -> impl Strategy<Value = String> {
    let marks = proptest::sample::select(
        &[("“", "”"), ("\"", "\""), ("«", "»"), ("„", "“"), ("“", "\""), ("\"", ""), ("", "”")][..],
    );
    let name =
        proptest::sample::select(&["Biden", "Putin", "the Russian president", "he", "Peskov", "Mr Biden", ""][..]);
    let verb = proptest::sample::select(&["said", "added", "told reporters", "said that", "according to", ""][..]);
    let words = prop::collection::vec(token(), 0..12).prop_map(|t| t.concat());
    let shape = 0..6u8;
    (marks, name, verb, words, shape).prop_map(|((open, close), name, verb, words, shape)| match shape {
        0 => format!("{name} {verb}: {open}{words}{close}"),
        1 => format!("{open}{words},{close} {name} {verb}."),
        2 => format!("{open}{words},{close} {verb} {name}."),
        3 => format!("{open}{words},{close} {name} {verb}. {open}{words}{close}"),
        4 => format!("{name} {verb} {words}."),
        _ => format!("{name}: {open}{words}{close}"),
    })
}

/// Quote-shaped lines separated by any kind of line break.
fn quote_lines() -> impl Strategy<Value = String> {
    let newline = proptest::sample::select(&["\n", "\r\n", "\r", "\n\n", " "][..]);
    prop::collection::vec((quote_line(), newline), 0..12)
        .prop_map(|lines| lines.into_iter().map(|(l, nl)| l + nl).collect())
}

/// The largest char boundary of `s` at or before `i`.
fn floor_boundary(s: &str, i: usize) -> usize {
    (0..=i.min(s.len())).rev().find(|&j| s.is_char_boundary(j)).unwrap_or(0)
}

/// An edit at a position given as an [`Index`] into the text.
#[derive(Debug, Clone)]
enum Edit {
    Insert(Index, String),
    Delete(Index, usize),
    Truncate(Index),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => (any::<Index>(), token()).prop_map(|(i, t)| Edit::Insert(i, t)),
        2 => (any::<Index>(), 1..40usize).prop_map(|(i, n)| Edit::Delete(i, n)),
        1 => any::<Index>().prop_map(Edit::Truncate),
    ]
}

fn apply(text: &mut String, edit: &Edit) {
    match edit {
        Edit::Insert(at, s) => {
            let i = floor_boundary(text, at.index(text.len() + 1));
            text.insert_str(i, s);
        }
        Edit::Delete(at, n) => {
            let i = floor_boundary(text, at.index(text.len() + 1));
            let j = floor_boundary(text, i + n);
            text.replace_range(i..j, "");
        }
        Edit::Truncate(at) => {
            let i = floor_boundary(text, at.index(text.len() + 1));
            text.truncate(i);
        }
    }
}

/// A generated article with a few random edits.
fn edited_article() -> impl Strategy<Value = String> {
    (any::<u64>(), 0..10_000usize, prop::collection::vec(edit(), 0..10)).prop_map(|(seed, index, edits)| {
        let (_, mut text) = generate_article(seed, index);
        for e in &edits {
            apply(&mut text, e);
        }
        text
    })
}

// ---------------------------------------------------------------------------
// The properties
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_unicode_is_handled(text in any::<String>()) {
        check_text(text)?;
    }

    #[test]
    fn arbitrary_chars_with_controls_are_handled(chars in prop::collection::vec(any::<char>(), 0..400)) {
        check_text(chars.into_iter().collect())?;
    }

    #[test]
    fn token_soup_is_handled(text in soup()) {
        check_text(text)?;
    }

    #[test]
    fn quote_shaped_lines_are_handled(text in quote_lines()) {
        check_text(text)?;
    }

    #[test]
    fn edited_articles_are_handled(text in edited_article()) {
        check_text(text)?;
    }
}

/// The generated corpus itself, unedited, meets the same invariants.
#[test]
fn generated_articles_are_handled() {
    for index in 0..50 {
        let (_, text) = generate_article(99, index);
        check_text(text).unwrap();
    }
}

// ---------------------------------------------------------------------------
// The slow job
// ---------------------------------------------------------------------------

/// Cases of the slow job, run apart from `cargo test` (CI's time is kept for
/// the rest): `cargo test --release --test properties -- --ignored`.
const SLOW_CASES: u32 = 100_000;

/// Any of the inputs above: article-like text of every kind.
fn article_like() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => edited_article(),
        3 => soup(),
        2 => quote_lines(),
        1 => any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: SLOW_CASES, ..config() })]

    #[test]
    #[ignore = "slow: 100,000 cases; run with --ignored in a release build"]
    fn a_hundred_thousand_article_like_texts_are_handled(text in article_like()) {
        check_text(text)?;
    }
}
