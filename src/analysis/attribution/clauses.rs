//! Reported clauses: where one starts after its verb ("said that …", "said
//! he would …") and where it must end.

use super::frames::Frame;
use super::words::is_name_like;
use super::Reader;
use crate::analysis::lexicon::{
    ends_with_folded, WordList, ADVERBIAL_OPENERS, CLAUSE_AUXILIARIES, CLAUSE_CONJUNCTIONS, CLAUSE_OPENERS, DAY_PARTS, DETERMINERS,
    FINITE, JOINING_CONJUNCTIONS, PREPOSITIONS, RELATIVES, TIME_NOUNS, WEEKDAYS,
};
use crate::analysis::mentions::is_possessive;
use crate::analysis::verbs::{speech_verb, SpeechVerb};
use crate::text::is_blank;

/// Most words between a verb that needs "that" (`THAT_CLAUSE_VERBS`) and
/// its "that": enough for "wrote in an op-ed published before his trip to
/// Europe that".
const MAX_ADVERBIAL_WORDS: usize = 10;

impl Reader<'_> {
    /// Where the reported clause of the verb at `i` starts: after "that" (within
    /// a few words), or right after the verb when a clause plainly follows it
    /// ("said he would", "noting what").
    pub(super) fn clause_start(&self, i: usize, verb: SpeechVerb) -> Option<usize> {
        let (text, words) = (self.text, &self.words);
        let w = &words[i];
        let after = text[w.end..self.end].trim_start_matches(is_blank);
        if after.starts_with([',', ':', ';']) || after.starts_with(crate::text::is_any_quote_mark) {
            return None;
        }
        if verb.needs_that {
            return self.that_after_adverbial(i);
        }
        // "said he would", "suggested the US would respond", "noting what": a
        // clause right after the verb, if it has a verb of its own.
        if let Some(next) = words.get(i + 1).filter(|n| n.stretch == w.stretch) {
            let first = self.word_str(next);
            if self.points_back_as_object(i + 1) {
                return None;
            }
            let opens = CLAUSE_OPENERS.has(first) || is_name_like(first) || is_acronym(first);
            if !first.eq_ignore_ascii_case("that") && opens && (self.has_finite_verb(i + 1) || verb.participle) {
                return Some(next.start);
            }
            if verb.bare_clause && self.is_noun_then_auxiliary(i + 1) {
                return Some(next.start);
            }
        }
        // "said in a news conference after the summit that …", "told reporters that …".
        // An object of another verb ("noted the progress that had been made")
        // is followed by a relative clause, not by what was said.
        let object = !verb.person_object && words.get(i + 1).is_some_and(|n| DETERMINERS.has(self.word_str(n)));
        let mut k = i + 1;
        while k < words.len() && k <= i + 20 {
            let between = &text[words[k - 1].end..words[k].start];
            if words[k].stretch != w.stretch || between.contains([':', ';']) {
                break;
            }
            let word = self.word_str(&words[k]);
            if word.eq_ignore_ascii_case("that") {
                let of_time = words[i + 1..k].iter().map(|t| self.word_str(t)).any(|t| TIME_NOUNS.has(t) || WEEKDAYS.has(t) || DAY_PARTS.has(t));
                return (!object || of_time).then(|| self.after_blanks(words[k].end));
            }
            if speech_verb(word, None).is_some() {
                break;
            }
            k += 1;
        }
        None
    }

    /// Does a verb follow within the first few words from `k` ("the United
    /// States would respond", "he gave Putin a list")? Without one, "stressed
    /// the importance of the meeting" is an object, not a clause.
    fn has_finite_verb(&self, k: usize) -> bool {
        let words = &self.words;
        let stretch = words[k].stretch;
        words[k..]
            .iter()
            .take(8)
            .take_while(|w| w.stretch == stretch)
            .skip(1)
            .take_while(|w| {
                // A relative clause ("the leader who is in prison") is not the clause's own verb.
                !RELATIVES.has(self.word_str(w))
            })
            .any(|w| {
                let t = self.word_str(w);
                t.starts_with(char::is_lowercase)
                    && (FINITE.has(t) || (ends_with_folded(t, "ed") && t.to_lowercase().len() > 4) || ends_with_folded(t, "n't"))
            })
    }

    /// "replied that …", "wrote in an op-ed on Monday that …": "that" right
    /// after the verb at `i`, or after a phrase of time or place (a few
    /// words, no verb of saying among them).
    fn that_after_adverbial(&self, i: usize) -> Option<usize> {
        let (text, words) = (self.text, &self.words);
        let w = &words[i];
        let next = words.get(i + 1).filter(|n| n.stretch == w.stretch)?;
        let is_that = |k: usize| self.word_is(&words[k], "that");
        if is_that(i + 1) {
            return Some(self.after_blanks(next.end));
        }
        if !ADVERBIAL_OPENERS.has(self.word_str(next)) {
            return None;
        }
        (i + 2..words.len())
            .take(MAX_ADVERBIAL_WORDS)
            .take_while(|&k| {
                words[k].stretch == w.stretch
                    && !text[words[k - 1].end..words[k].start].contains([':', ';'])
                    && speech_verb(self.word_str(&words[k]), None).is_none()
            })
            .find(|&k| is_that(k))
            .map(|k| self.after_blanks(words[k].end))
    }

    /// "said growth would meet …": the word at `k` is a plain lower-case
    /// noun and the next, in the same stretch, an auxiliary or a modal. Not
    /// "said goodbye to …".
    fn is_noun_then_auxiliary(&self, k: usize) -> bool {
        let words = &self.words;
        let (Some(noun), Some(aux)) = (words.get(k), words.get(k + 1)) else { return false };
        let noun_text = self.word_str(noun);
        noun.stretch == aux.stretch
            && noun_text.chars().all(|c| c.is_lowercase())
            && !PREPOSITIONS.has(noun_text)
            && speech_verb(noun_text, None).is_none()
            && self.text[noun.end..aux.start].chars().all(is_blank)
            && CLAUSE_AUXILIARIES.has(self.word_str(aux))
    }

    /// "said this to Biden", "said so": the word at `k` is the verb's object,
    /// pointing back to words quoted before, and no clause follows.
    fn points_back_as_object(&self, k: usize) -> bool {
        let word = self.word_str(&self.words[k]);
        let next = self.words.get(k + 1).filter(|n| n.stretch == self.words[k].stretch).map(|n| self.word_str(n));
        ["this", "so"].has(word) && next.is_none_or(|n| PREPOSITIONS.has(n) || n.eq_ignore_ascii_case("as"))
    }

    /// Where a reported clause must end: before the next frame joined to the
    /// sentence by a comma or conjunction (", adding that"), and before a new
    /// subject after a comma and conjunction (", but the Russian leader gave …").
    pub(super) fn clause_bounds(&self, frames: &[Frame]) -> Vec<usize> {
        let text = self.text;
        let mut bounds: Vec<usize> = frames.iter().filter(|f| f.coordinated).map(|f| f.zone_start).collect();
        for m in &self.mentions {
            let before = text[self.near_before(m.start)..m.start].trim_end_matches(is_blank);
            let after_conjunction = CLAUSE_CONJUNCTIONS.iter().any(|c| {
                ends_with_ignoring_case(before, c) && before[..before.len() - c.len()].trim_end_matches(is_blank).ends_with(',')
            });
            if (after_conjunction || before.ends_with(';')) && !is_possessive(text, m) {
                bounds.push(self.clause_join_start(m.start));
            }
        }
        // "he said there was room for cooperation: “…”" — the quotation is its own.
        for q in self.quotes {
            let (qs, _) = q.outer();
            let before = text[self.start..qs].trim_end_matches(is_blank);
            if before.ends_with(':') {
                bounds.push(self.start + before.len() - 1);
            }
        }
        bounds.push(self.end);
        bounds.sort_unstable();
        bounds.dedup();
        bounds
    }

    /// A clause runs to the end of the sentence or to the next bound.
    pub(super) fn close_clauses(&self, frames: &mut [Frame], bounds: &[usize]) {
        for f in frames.iter_mut() {
            let Some((cs, ce)) = f.clause else { continue };
            f.clause = self.trim_clause(cs, bound_after(bounds, cs).min(ce));
        }
    }

    /// A clause without trailing punctuation, joining words or the sentence's
    /// final stop; `None` if nothing is left.
    pub(super) fn trim_clause(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let text = self.text;
        if start >= end {
            return None;
        }
        let mut e = end;
        loop {
            let slice = text[start..e].trim_end_matches(is_blank);
            let t = slice.trim_end_matches([',', ';', '.', '—', '–']).trim_end_matches(is_blank);
            let t = JOINING_CONJUNCTIONS
                .iter()
                .find(|conj| ends_with_word(t, conj))
                .map_or(t, |conj| t[..t.len() - conj.len()].trim_end_matches(is_blank));
            let new_end = start + t.len();
            if new_end == e {
                break;
            }
            e = new_end;
        }
        // Two words at least; counting stops at the second.
        text[start..e].split_whitespace().nth(1).is_some().then_some((start, e))
    }

    /// Does a comma, semicolon or a coordinating "and"/"but" come right before `at`?
    pub(super) fn preceded_by_join(&self, at: usize) -> bool {
        let floor = self.near_before(at);
        // A comma inside a closing quote joins too: "…,” adding that …".
        let before = self.text[floor..at].trim_end_matches(|c: char| is_blank(c) || crate::text::is_any_quote_mark(c));
        before.ends_with([',', ';', '—', '–'])
            || JOINING_CONJUNCTIONS.iter().any(|conj| ends_with_word(before, conj))
                && before[..before.len() - before.rsplit(' ').next().map_or(0, str::len)].trim_end().ends_with(',')
    }

    /// Where the joining words before `at` start (", adding" starts at the comma).
    pub(super) fn clause_join_start(&self, at: usize) -> usize {
        let floor = self.near_before(at);
        let before = &self.text[floor..at];
        let mut trimmed = before.trim_end_matches(is_blank);
        for conj in JOINING_CONJUNCTIONS {
            if ends_with_word(trimmed, conj) {
                trimmed = trimmed[..trimmed.len() - conj.len()].trim_end_matches(is_blank);
            }
        }
        let trimmed = trimmed.trim_end_matches([',', ';', '—', '–']).trim_end_matches(is_blank);
        floor + trimmed.len()
    }
}

/// "NATO", "EU", "U.S": a name in capitals, which opens a clause as a
/// name does ("he says NATO membership was barely touched on").
fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| *c != '.').count();
    (2..=6).contains(&letters) && word.chars().all(|c| c.is_ascii_uppercase() || c == '.')
}

/// The first bound after `from`.
pub(super) fn bound_after(bounds: &[usize], from: usize) -> usize {
    bounds.iter().copied().find(|&b| b > from).unwrap_or(from)
}

/// Does `s` end with `suffix`, ASCII letters compared in any case?
fn ends_with_ignoring_case(s: &str, suffix: &str) -> bool {
    s.len() >= suffix.len() && s.as_bytes()[s.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// Does `s` end with a space and then the ASCII `word`, in any case (" and")?
fn ends_with_word(s: &str, word: &str) -> bool {
    s.len() > word.len() && s.as_bytes()[s.len() - word.len() - 1] == b' ' && ends_with_ignoring_case(s, word)
}
