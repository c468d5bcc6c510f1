//! Frames without a verb of saying: a noun of speech owned by its speaker
//! ("Xi's remark that …", "the Kremlin chief's claim that …", "his pledge
//! that …") and phrases that hand the rest of the sentence to someone ("In
//! Biden's words, …", "In the words of Putin, …", "As Xi put it, …").

use super::frames::{Frame, FrameKind};
use super::{Reader, Who};
use crate::analysis::lexicon::{ends_with_folded, WordList, FINITE, SPEECH_NOUNS};
use crate::analysis::mentions::is_possessive;
use crate::summit::Pronoun;
use crate::text::is_blank;

impl Reader<'_> {
    /// A nominal frame starting at the word `i`, if there is one.
    pub(super) fn nominal_frame(&self, i: usize) -> Option<Frame> {
        self.owned_speech_noun(i).or_else(|| self.words_of_opener(i)).or_else(|| self.put_it_opener(i))
    }

    /// "Xi's remark that China would …": the clause after "that" is the
    /// owner's, up to the sentence's own verb ("… was aimed at …").
    fn owned_speech_noun(&self, i: usize) -> Option<Frame> {
        let noun = &self.words[i];
        let that = self.words.get(i + 1).filter(|w| w.stretch == noun.stretch)?;
        if !self.word_is(that, "that") || !SPEECH_NOUNS.has(self.word_str(noun)) {
            return None;
        }
        let (who, owner_start) = self.owner_before(i)?;
        let start = self.after_blanks(that.end);
        // "… that Xi was a “dictator,” delivered almost as an afterthought":
        // a comma after a quoted term ends it too.
        let end = self.end_at_quoted_term(start, self.nominal_clause_end(i + 2));
        let (a, b) = self.trim_clause(start, end)?;
        Some(Frame { kind: FrameKind::Nominal, verb: (noun.start, that.end), zone_start: owner_start, coordinated: false, who, clause: Some((a, b)) })
    }

    /// Who owns the noun at `i`: a possessive mention right before it
    /// ("Xi's", "the Russian leader's") or "his"/"her".
    fn owner_before(&self, i: usize) -> Option<(Who, usize)> {
        let noun = &self.words[i];
        let prev = i.checked_sub(1).map(|k| &self.words[k]).filter(|p| p.stretch == noun.stretch)?;
        let pronoun = self.word_str(prev);
        if pronoun.eq_ignore_ascii_case("his") {
            return Some((Who::Pronoun(Pronoun::He), prev.start));
        }
        if pronoun.eq_ignore_ascii_case("her") {
            return Some((Who::Pronoun(Pronoun::She), prev.start));
        }
        let m = self.mentions.iter().find(|m| {
            is_possessive(self.text, m)
                && m.end < noun.start
                && self.text[m.end..noun.start].trim_start_matches(['\'', '’', 's']).chars().all(is_blank)
        })?;
        Some((self.referent_who(m)?, m.start))
    }

    /// Where a clause after a noun of speech ends: before the first finite
    /// verb after its own ("that China would never fight anyone | was
    /// aimed at …"), or at the sentence's end.
    fn nominal_clause_end(&self, from: usize) -> usize {
        let (_, body_end) = self.sentence_body();
        let word = |k: usize| self.word_str(&self.words[k]);
        let finite = |k: &usize| FINITE.has(word(*k));
        // Its own verb may be any past tense ("Taiwan remained …").
        let own = |k: &usize| finite(k) || ends_with_folded(word(*k), "ed") && word(*k).to_lowercase().len() > 4;
        let Some(own) = (from..self.words.len()).find(own) else { return body_end };
        (own + 1..self.words.len()).find(finite).map_or(body_end, |main| self.words[main].start)
    }

    /// "In Biden's words, …", "In the words of Putin, …" opening the sentence.
    fn words_of_opener(&self, i: usize) -> Option<Frame> {
        if !self.opens_sentence_with(i, "in") {
            return None;
        }
        let comma = self.start + self.text[self.start..self.end].find(',')?;
        let phrase = &self.text[self.start..comma];
        let lower = phrase.to_lowercase();
        let m = self.mentions.iter().find(|m| m.end <= comma)?;
        let owned = is_possessive(self.text, m) && lower.trim_end().ends_with(" words");
        let of = lower.starts_with("in the words of ") && self.text[m.end..comma].trim().is_empty();
        if !(owned || of) {
            return None;
        }
        self.rest_of_sentence_frame(m, comma)
    }

    /// "As Xi put it at the dinner, …" opening the sentence.
    fn put_it_opener(&self, i: usize) -> Option<Frame> {
        if !self.opens_sentence_with(i, "as") {
            return None;
        }
        let m = self.mentions.iter().find(|m| !is_possessive(self.text, m))?;
        let after: Vec<&str> = self.words.iter().filter(|w| w.start >= m.end).take(2).map(|w| self.word_str(w)).collect();
        if !matches!(after.as_slice(), [put, it] if put.eq_ignore_ascii_case("put") && it.eq_ignore_ascii_case("it")) {
            return None;
        }
        let comma = m.end + self.text[m.end..self.end].find(',')?;
        self.rest_of_sentence_frame(m, comma)
    }

    /// Is the word at `i` the sentence's first, and `word` (in any case)?
    fn opens_sentence_with(&self, i: usize, word: &str) -> bool {
        i == 0 && self.words[0].start == self.start && self.word_is(&self.words[0], word)
    }

    /// A frame whose clause is the rest of the sentence after `comma`.
    fn rest_of_sentence_frame(&self, m: &crate::analysis::mentions::Mention, comma: usize) -> Option<Frame> {
        let who = self.referent_who(m)?;
        let (_, body_end) = self.sentence_body();
        let (a, b) = self.trim_clause(self.after_blanks(comma + 1), body_end)?;
        Some(Frame { kind: FrameKind::Nominal, verb: (self.start, comma), zone_start: self.start, coordinated: false, who, clause: Some((a, b)) })
    }
}
