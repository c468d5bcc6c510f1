//! Tagging text with the summit's topics.
//!
//! Keywords are matched on whole words after Snowball stemming, so "sanction"
//! finds "sanctions" and "attack" finds "attacked"; a keyword ending in `*`
//! matches any word that starts with it ("cyber*": "cyberspace",
//! "cyber-attacks"). Both kinds are found in one pass each with Aho-Corasick
//! over a normalised copy of the text.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::summit::Summit;

pub struct TopicTagger {
    stemmer: Stemmer,
    /// Stemmed phrases, as " stem stem ".
    exact: AhoCorasick,
    exact_topics: Vec<usize>,
    /// Prefixes of lower-case words, as " word word".
    prefix: AhoCorasick,
    prefix_topics: Vec<usize>,
    topic_count: usize,
    /// The first two letters of every word of every stemmed keyword.
    stem_starts: FxHashSet<(char, char)>,
    /// The same for two ASCII letters, as a table indexed by `a * 128 + b`:
    /// asked for every word tagged.
    ascii_stem_starts: Box<[bool]>,
}

/// Words that point back at an issue named earlier ("this file", "that region").
const ANAPHORA_NOUNS: &[&str] = &[
    "file", "issue", "matter", "question", "topic", "subject", "area", "region", "dossier", "problem", "case",
    "agreement", "situation",
];

impl TopicTagger {
    pub fn new(summit: &Summit) -> TopicTagger {
        let stemmer = Stemmer::create(Algorithm::English);
        let mut exact = Vec::new();
        let mut exact_topics = Vec::new();
        let mut prefix = Vec::new();
        let mut prefix_topics = Vec::new();
        for (t, topic) in summit.topics.iter().enumerate() {
            for kw in &topic.keywords {
                if let Some(stem) = kw.strip_suffix('*') {
                    let words = lower_words(stem);
                    if !words.is_empty() {
                        prefix.push(format!(" {}", words.join(" ")));
                        prefix_topics.push(t);
                    }
                } else {
                    let words: Vec<String> = lower_words(kw).iter().map(|w| stemmer.stem(w).into_owned()).collect();
                    if !words.is_empty() {
                        exact.push(format!(" {} ", words.join(" ")));
                        exact_topics.push(t);
                    }
                }
            }
        }
        let build = |p: &[String]| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                // Every statement is tagged: a DFA (small for a summit file's
                // keywords) is the fastest to run.
                .kind(Some(AhoCorasickKind::DFA))
                .build(p)
                .expect("keyword patterns are plain strings")
        };
        let stem_starts: FxHashSet<(char, char)> = exact
            .iter()
            .flat_map(|p| p.split_whitespace())
            .filter_map(|w| {
                let mut c = w.chars();
                Some((c.next()?, c.next()?))
            })
            .collect();
        let mut ascii_stem_starts = vec![false; 128 * 128].into_boxed_slice();
        for &(a, b) in &stem_starts {
            if a.is_ascii() && b.is_ascii() {
                ascii_stem_starts[a as usize * 128 + b as usize] = true;
            }
        }
        TopicTagger {
            stem_starts,
            ascii_stem_starts,
            exact: build(&exact),
            prefix: build(&prefix),
            stemmer,
            exact_topics,
            prefix_topics,
            topic_count: summit.topics.len(),
        }
    }

    /// The topics (indices into the summit's topics) that `text` names, in
    /// the summit file's order.
    pub fn tag(&self, text: &str) -> Vec<usize> {
        // Both haystacks in one pass: " word word " and " stem stem ".
        let mut plain = String::with_capacity(text.len() + 2);
        let mut stemmed = String::with_capacity(text.len() + 2);
        plain.push(' ');
        stemmed.push(' ');
        let mut word = String::new();
        for w in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
            word.clear();
            if w.is_ascii() {
                word.push_str(w);
                word.make_ascii_lowercase();
            } else {
                word.extend(w.chars().flat_map(char::to_lowercase));
            }
            plain.push_str(&word);
            plain.push(' ');
            // Stemming is the costly part: only words that could stem to a
            // keyword's stem are stemmed (stems keep a word's first letters).
            if self.could_match(&word) {
                self.push_stem(&word, &mut stemmed);
            } else {
                stemmed.push_str(&word);
            }
            stemmed.push(' ');
        }
        if plain.len() == 1 {
            return Vec::new();
        }
        let mut hit = vec![false; self.topic_count];
        for m in self.prefix.find_overlapping_iter(&plain) {
            hit[self.prefix_topics[m.pattern().as_usize()]] = true;
        }
        for m in self.exact.find_overlapping_iter(&stemmed) {
            hit[self.exact_topics[m.pattern().as_usize()]] = true;
        }
        (0..self.topic_count).filter(|&t| hit[t]).collect()
    }

    /// Appends the stem of `word`, remembering stems per thread: the same
    /// few thousand words make up most of any coverage.
    fn push_stem(&self, word: &str, out: &mut String) {
        thread_local! {
            static STEMS: std::cell::RefCell<FxHashMap<String, String>> = Default::default();
        }
        /// Enough for the vocabulary of a large corpus; past it, start afresh.
        const MAX_REMEMBERED: usize = 100_000;
        STEMS.with(|cell| {
            let mut stems = cell.borrow_mut();
            if let Some(stem) = stems.get(word) {
                out.push_str(stem);
                return;
            }
            let stem = self.stemmer.stem(word).into_owned();
            out.push_str(&stem);
            if stems.len() >= MAX_REMEMBERED {
                stems.clear();
            }
            stems.insert(word.to_string(), stem);
        });
    }

    /// Could this lower-case word stem to one of the keywords' stems? Stems
    /// keep a word's first two letters, so a word whose first two letters
    /// begin no keyword stem cannot.
    fn could_match(&self, word: &str) -> bool {
        if let [a, b, ..] = *word.as_bytes() {
            if a.is_ascii() && b.is_ascii() {
                return self.ascii_stem_starts[a as usize * 128 + b as usize];
            }
        }
        let mut chars = word.chars();
        match (chars.next(), chars.next()) {
            (Some(a), Some(b)) => self.stem_starts.contains(&(a, b)),
            _ => false,
        }
    }

    /// Does the text point back at an issue named before ("this file")?
    pub fn has_anaphora(&self, text: &str) -> bool {
        let mut prev_is_demonstrative = false;
        for w in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
            if prev_is_demonstrative && ANAPHORA_NOUNS.iter().any(|n| n.eq_ignore_ascii_case(w)) {
                return true;
            }
            prev_is_demonstrative = matches!(w.len(), 4 | 5) && ["this", "that", "these", "those"].iter().any(|d| d.eq_ignore_ascii_case(w));
        }
        false
    }
}

/// Lower-case words: runs of letters and digits; hyphens and apostrophes
/// split words ("cyber-security" is "cyber security").
fn lower_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(text: &str) -> Vec<String> {
        let s = Summit::builtin().unwrap();
        let t = TopicTagger::new(&s);
        t.tag(text).into_iter().map(|i| s.topics[i].id.clone()).collect()
    }

    #[test]
    fn stems_and_prefixes() {
        assert_eq!(tags("New sanctions on trading"), ["trade"]);
        assert_eq!(tags("The cyber-attacks and CYBERSPACE"), ["cybersecurity"]);
        assert_eq!(tags("talks on Ukrainian gas"), ["ukraine"]);
        assert_eq!(tags("two Americans imprisoned there"), ["prisoners"]);
    }

    #[test]
    fn phrases_are_not_found_in_unrelated_words() {
        assert!(tags("He died in prison").is_empty(), "prison alone is not the prisoners topic");
        assert!(tags("an electric car").is_empty());
        assert!(tags("this is related to that").is_empty());
        assert_eq!(tags("democratic elections"), ["election-interference"]);
    }

    #[test]
    fn anaphora() {
        let s = Summit::builtin().unwrap();
        let t = TopicTagger::new(&s);
        assert!(t.has_anaphora("we can cooperate on this file"));
        assert!(t.has_anaphora("That region is calm"));
        assert!(!t.has_anaphora("this is a file"));
    }
}
