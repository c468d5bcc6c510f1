//! The narrative words of a sentence, and the small cursor helpers the
//! stages read them with.

use super::Reader;
use crate::analysis::lexicon::{WordList, NOT_NAMES};
use crate::analysis::verbs::speech_verb;
use crate::text::is_blank;

#[derive(Debug, Clone, Copy)]
pub(super) struct Word {
    pub(super) start: usize,
    pub(super) end: usize,
    /// Index of the narrative stretch the word is in (stretches are split by
    /// quotations).
    pub(super) stretch: usize,
}

/// Words of the narrative stretches, with the stretch each is in.
pub(super) fn narrative_words(text: &str, stretches: &[(usize, usize)]) -> Vec<Word> {
    // Room for a word every five bytes, more than prose has: the list is
    // made once, without growing.
    let bytes: usize = stretches.iter().map(|&(a, b)| b - a).sum();
    let mut out = Vec::with_capacity(bytes / 5 + 1);
    for (k, &(a, b)) in stretches.iter().enumerate() {
        let mut at = a;
        while at < b {
            let (c, len) = char_at(text, at);
            if !c.is_alphanumeric() {
                at += len;
                continue;
            }
            let start = at;
            at = word_end(text, at, b);
            out.push(Word { start, end: at, stretch: k });
        }
    }
    out
}

/// Where the word that starts at `at` ends, at `limit` at most. An
/// apostrophe, hyphen or dot between letters is inside a word ("Biden's",
/// "cyber-attack", "U.S").
fn word_end(text: &str, mut at: usize, limit: usize) -> usize {
    let bytes = &text.as_bytes()[..limit];
    while at < limit {
        if bytes[at].is_ascii_alphanumeric() {
            at += 1;
            continue;
        }
        let (c, len) = char_at(text, at);
        let joins = || {
            matches!(c, '\'' | '’' | '-' | '.') && at + len < limit && char_at(text, at + len).0.is_alphanumeric()
        };
        if !(c.is_alphanumeric() || joins()) {
            break;
        }
        at += len;
    }
    at
}

/// The character that starts at byte `at` of `text` (a character boundary
/// before its end), and its length in bytes. ASCII, most of any article, is
/// read without decoding.
fn char_at(text: &str, at: usize) -> (char, usize) {
    let b = text.as_bytes()[at];
    if b.is_ascii() {
        return (b as char, 1);
    }
    let c = text[at..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER);
    (c, c.len_utf8())
}

/// The first position from `from` that is not blank, at `limit` at most.
pub(super) fn skip_blanks(text: &str, from: usize, limit: usize) -> usize {
    let rest = &text[from..limit];
    from + (rest.len() - rest.trim_start_matches(is_blank).len())
}

/// A capitalised word with lower-case letters that is neither a common
/// sentence opener nor a verb of saying: a name, or part of one.
pub(super) fn is_name_like(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && word.chars().any(char::is_lowercase)
        && !NOT_NAMES.has(word)
        && speech_verb(word, None).is_none()
}

impl<'a> Reader<'a> {
    /// The text of a word.
    pub(super) fn word_str(&self, w: &Word) -> &'a str {
        &self.text[w.start..w.end]
    }

    /// Is the word `lit` (a lower-case ASCII word), in any case? Compared
    /// only when the lengths agree: most words are told apart without
    /// slicing the text.
    pub(super) fn word_is(&self, w: &Word, lit: &str) -> bool {
        w.end - w.start == lit.len() && self.word_str(w).eq_ignore_ascii_case(lit)
    }

    /// Is byte `at` inside one of the range's quotations (marks included)?
    pub(super) fn in_quotation(&self, at: usize) -> bool {
        self.quotes.iter().any(|q| (q.outer().0..q.outer().1).contains(&at))
    }

    /// Is the word the first of its stretch (right after a quotation)?
    pub(super) fn starts_stretch(&self, i: usize) -> bool {
        i == 0 || self.words[i - 1].stretch != self.words[i].stretch
    }

    /// The start of the last few characters before `at` (not before the
    /// range's start): enough to read the joining words there without
    /// scanning the sentence.
    pub(super) fn near_before(&self, at: usize) -> usize {
        let floor = self.start;
        self.text[floor..at].char_indices().rev().nth(24).map_or(floor, |(i, _)| floor + i)
    }

    /// The first position from `from` that is not blank, within the range.
    pub(super) fn after_blanks(&self, from: usize) -> usize {
        skip_blanks(self.text, from, self.end)
    }

    /// Where the run of names that ends with the word at `j` starts.
    pub(super) fn name_run_start(&self, j: usize) -> usize {
        let words = &self.words;
        let mut k = j;
        while k > 0 && words[k - 1].stretch == words[j].stretch && is_name_like(self.word_str(&words[k - 1])) {
            k -= 1;
        }
        words[k].start
    }

    /// Index of the last word of the run of names starting at `k`.
    pub(super) fn name_run_forward_end(&self, k: usize) -> usize {
        let words = &self.words;
        let mut e = k;
        while e + 1 < words.len() && words[e + 1].stretch == words[k].stretch && is_name_like(self.word_str(&words[e + 1])) {
            e += 1;
        }
        e
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words_of(text: &str) -> Vec<&str> {
        narrative_words(text, &[(0, text.len())]).iter().map(|w| &text[w.start..w.end]).collect()
    }

    #[test]
    fn narrative_words_keep_joiners_between_letters_only() {
        assert_eq!(words_of("Biden's cyber-attack on the U.S. was 'real'"), ["Biden's", "cyber-attack", "on", "the", "U.S", "was", "real"]);
        assert_eq!(words_of("Путин’s «ответ» - no-one -x y- .5"), ["Путин’s", "ответ", "no-one", "x", "y", "5"]);
        assert_eq!(words_of("a--b it's. 2.5"), ["a", "b", "it's", "2.5"]);
        assert!(words_of(" … — ").is_empty());
    }

    #[test]
    fn narrative_words_stop_at_stretch_ends() {
        let text = "he said-it's over";
        // The stretch ends right after the hyphen: it cannot join "said" to "it".
        let words: Vec<&str> = narrative_words(text, &[(0, 8), (8, text.len())]).iter().map(|w| &text[w.start..w.end]).collect();
        assert_eq!(words, ["he", "said", "it's", "over"]);
    }
}
