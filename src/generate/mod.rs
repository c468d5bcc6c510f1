//! Generated coverage of the Geneva summit, for benchmarks and load tests.
//!
//! Every article is shaped like the scraped coverage the tool reads: a
//! headline, sometimes a front-matter block, paragraphs one per line or
//! separated by blank lines, subheadings, direct quotes attributed before,
//! after, inverted or around the speaker, reported speech, "according to"
//! frames, "he said" / "he added" chains, other people's quotes, embedded
//! posts with their signature lines and bare links. Straight and curly quote
//! marks both occur, sometimes mixed within one article.
//!
//! Sentences come from many templates whose slots (`{np}`, `{adj}`, `{other}`
//! ...) are filled from word lists of the summit's topics and the speakers'
//! aliases, so the text is varied enough that the analysis does real work.
//! Nobody said these words: generated text must never be mixed into a real
//! corpus.
//!
//! Generation is deterministic: the same seed and index always give the same
//! bytes, on every platform.

use std::ops::RangeInclusive;

use fastrand::Rng;

mod parts;
mod speakers;
mod words;
mod writer;

use writer::Writer;

/// The size of every generated article, in bytes.
pub const ARTICLE_BYTES: RangeInclusive<usize> = 2048..=4096;

/// One generated article: its file name (`gen_000123.txt`) and its text.
pub fn generate_article(rng_seed: u64, index: usize) -> (String, String) {
    let rng = Rng::with_seed(mix(rng_seed, index as u64));
    (format!("gen_{index:06}.txt"), Writer::new(rng).article())
}

/// `n` generated articles, numbered from 0; article `i` is exactly
/// `generate_article(seed, i)`.
pub fn generate_corpus(n: usize, seed: u64) -> Vec<(String, String)> {
    (0..n).map(|i| generate_article(seed, i)).collect()
}

/// A per-article seed, so that neighbouring indexes give unrelated streams.
fn mix(seed: u64, index: u64) -> u64 {
    splitmix64(seed ^ splitmix64(index))
}

fn splitmix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::speakers::Leader;
    use super::words::{BIDEN_LINES, HEADLINES, LEADS, NARRATIVE, OTHER_CLAUSES, OTHER_LINES, PUTIN_LINES, QUESTIONS, REPORTED_CLAUSES, SHARED_LINES};
    use super::*;
    use crate::corpus::{Article, BlockKind};

    #[test]
    fn same_seed_and_index_give_the_same_article() {
        for i in [0, 1, 17, 999] {
            assert_eq!(generate_article(7, i), generate_article(7, i));
        }
        assert_eq!(generate_corpus(20, 3), generate_corpus(20, 3));
    }

    #[test]
    fn corpus_is_numbered_articles() {
        let corpus = generate_corpus(12, 42);
        for (i, item) in corpus.iter().enumerate() {
            assert_eq!(*item, generate_article(42, i));
        }
        assert_eq!(corpus[3].0, "gen_000003.txt");
        assert_eq!(generate_article(42, 123_456).0, "gen_123456.txt");
    }

    #[test]
    fn seeds_and_indexes_give_different_articles() {
        let texts: HashSet<String> = generate_corpus(300, 1).into_iter().map(|(_, t)| t).collect();
        assert_eq!(texts.len(), 300);
        assert_ne!(generate_article(1, 5).1, generate_article(2, 5).1);
    }

    #[test]
    fn sizes_are_in_range() {
        for (name, text) in generate_corpus(500, 9) {
            assert!(ARTICLE_BYTES.contains(&text.len()), "{name}: {} bytes", text.len());
        }
    }

    #[test]
    fn every_template_slot_is_known() {
        // `fill` panics on an unknown slot: run every template once.
        let mut w = Writer::new(Rng::with_seed(1));
        let lists = [
            SHARED_LINES,
            BIDEN_LINES,
            PUTIN_LINES,
            REPORTED_CLAUSES,
            OTHER_LINES,
            OTHER_CLAUSES,
            NARRATIVE,
            LEADS,
            HEADLINES,
            QUESTIONS,
        ];
        for template in lists.iter().flat_map(|l| l.iter()) {
            let filled = w.fill(template, Some(Leader::Putin));
            assert!(!filled.contains('{') && !filled.contains('}'), "{filled}");
        }
    }

    #[test]
    fn articles_have_the_shapes_of_real_coverage() {
        let corpus = generate_corpus(200, 11);
        let count = |pred: &dyn Fn(&str) -> bool| corpus.iter().filter(|(_, t)| pred(t)).count();
        assert!(count(&|t| t.contains('“') && t.contains('”')) > 20, "curly quotes");
        assert!(count(&|t| t.contains('"') && !t.contains('“')) > 20, "straight quotes only");
        assert!(count(&|t| t.contains('"') && t.contains('“')) > 5, "mixed quotes");
        assert!(count(&|t| t.starts_with("---")) > 30, "front matter");
        assert!(count(&|t| !t.starts_with("---")) > 80, "no front matter");
        assert!(count(&|t| t.contains("\n\n")) > 50, "blank-line paragraphs");
        assert!(count(&|t| !t.contains("\n\n")) > 50, "one paragraph per line");
        assert!(count(&|t| t.contains("\r\n")) > 2, "CRLF line ends");
        assert!(count(&|t| t.contains("pic.twitter.com/")) > 10, "embedded posts");
        assert!(count(&|t| t.contains("\nPutin: ") || t.contains("\nBiden: ")) > 20, "speaker subheadings");
        assert!(count(&|t| t.contains("according to")) > 20, "according to");
        assert!(count(&|t| t.contains(" said that ")) > 20, "reported speech");
        assert!(count(&|t| t.contains("Peskov")) > 10, "other speakers");
    }

    #[test]
    fn text_is_not_repetitive() {
        let corpus = generate_corpus(100, 5);
        let lines: Vec<&str> = corpus.iter().flat_map(|(_, t)| t.lines()).filter(|l| l.len() > 80).collect();
        let distinct: HashSet<&str> = lines.iter().copied().collect();
        assert!(distinct.len() * 10 >= lines.len() * 9, "{} of {} long lines distinct", distinct.len(), lines.len());
    }

    #[test]
    fn articles_parse_into_titles_paragraphs_and_posts() {
        let mut posts = 0;
        for (name, text) in generate_corpus(100, 13) {
            let has_front_matter = text.starts_with("---");
            let a = Article::parse(&name, text);
            assert_ne!(a.title, name, "{name} has no headline");
            assert_eq!(a.outlet.is_some(), has_front_matter, "{name}");
            assert!(a.blocks.iter().filter(|b| b.kind == BlockKind::Paragraph).count() >= 4, "{name}");
            posts += a.blocks.iter().filter(|b| matches!(b.kind, BlockKind::Post { .. })).count();
        }
        assert!(posts > 5, "{posts} posts");
    }
}
