//! Arbitrary bytes as an article file: checked as the loader checks it, then
//! parsed and analysed against the built-in summit. Whatever the bytes, no
//! panic, and every statement's span can slice the text it came from.
#![no_main]

use std::sync::LazyLock;

use counterparts::analysis::{Analyzer, Statement};
use counterparts::corpus::{check_text, Article};
use counterparts::ids::looks_like_id;
use counterparts::summit::Summit;
use libfuzzer_sys::fuzz_target;

static SUMMIT: LazyLock<Summit> = LazyLock::new(|| Summit::builtin().expect("the built-in summit file is valid"));
static ANALYZER: LazyLock<Analyzer> = LazyLock::new(|| Analyzer::new(&SUMMIT));

fuzz_target!(|data: &[u8]| {
    // What the loader would refuse never reaches the analysis.
    let Ok(text) = check_text(data.to_vec()) else { return };
    let article = Article::parse("fuzz.txt", text);
    for note in &article.notes {
        assert!(!note.to_string().is_empty());
    }
    for b in &article.blocks {
        assert_slices(&article.text, b.start, b.end, "block");
        assert!(b.start < b.end, "empty block at {}", b.start);
    }
    let statements = ANALYZER.analyze(&article);
    check_statements(&article, &statements);
});

fn check_statements(article: &Article, statements: &[Statement]) {
    let mut previous_start = 0;
    let mut ids = std::collections::HashSet::new();
    for s in statements {
        assert_slices(&article.text, s.start, s.end, "statement");
        assert!(s.start < s.end, "empty statement {}", s.id);
        assert_slices(&article.text, s.sentence.0, s.sentence.1, "sentence");
        assert!(s.block < article.blocks.len(), "statement {} in block {} of {}", s.id, s.block, article.blocks.len());
        assert!(looks_like_id(&s.id), "malformed id {:?}", s.id);
        assert!(ids.insert(s.id.clone()), "id {} given twice", s.id);
        assert!(s.start >= previous_start, "statement {} out of source order", s.id);
        previous_start = s.start;
        if let Some(speaker) = s.speaker {
            assert!(speaker.position() < SUMMIT.speakers.len(), "unknown speaker {speaker:?}");
        }
        for topic in &s.topics {
            assert!(topic.position() < SUMMIT.topics.len(), "unknown topic {topic:?}");
        }
    }
}

/// `start..end` is ordered, in bounds and on character boundaries.
fn assert_slices(text: &str, start: usize, end: usize, what: &str) {
    assert!(start <= end && end <= text.len(), "{what} {start}..{end} out of 0..{}", text.len());
    assert!(text.is_char_boundary(start) && text.is_char_boundary(end), "{what} {start}..{end} not on char boundaries");
}
