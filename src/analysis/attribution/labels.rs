//! Speakers named before a colon ("Putin: …", "PRESIDENT PUTIN: …"),
//! transcript lines, and quotations left open before their attribution.
//!
//! The functions here that read a range outside a sentence (a block's first
//! words, the words after a comma) build a [`Reader`] over that range, with
//! no quotations.

use super::frames::{Frame, FrameKind};
use super::words::{skip_blanks, Word};
use super::{Reader, Who};
use crate::analysis::mentions::{Mention, MentionFinder, Referent};
use crate::analysis::quotes::Quote;
use crate::analysis::verbs::speech_verb;
use crate::analysis::transcript::label::MAX_LABEL_CHARS;
use crate::text::is_blank;

impl Reader<'_> {
    /// A speaker named before a colon:
    /// - a label: "Putin: …", "19:52 Biden: …", "PRESIDENT PUTIN: …";
    /// - a topic label: "Putin on cyber: most attacks come from …";
    /// - a subject that introduces a quotation: "The US president opens his
    ///   news conference: “…”".
    ///
    /// What follows a label and is not a quotation is the speaker's too, as a
    /// clause.
    pub(super) fn colon_label(&self, i: usize) -> Option<Frame> {
        let text = self.text;
        let w = &self.words[i];
        if !text[w.end..].starts_with(':') {
            return None;
        }
        let colon = w.end;
        let after = self.after_blanks(colon + 1);
        let quote_follows = text[after..self.end].starts_with(crate::text::is_any_quote_mark);
        // What follows a label is its speaker's, unless a frame of its own follows.
        let frame_follows = self.words.iter().skip(i + 1).any(|x| speech_verb(self.word_str(x), None).is_some());
        let clause = (!quote_follows && !frame_follows).then(|| self.trim_clause(after, self.end)).flatten();
        let frame = |who: Who, zone_start: usize, clause: Option<(usize, usize)>| Frame {
            kind: FrameKind::Colon,
            verb: (colon, colon + 1),
            zone_start,
            coordinated: false,
            who,
            clause,
        };
        if let Some((who, zone)) = self.label_before_colon(i) {
            return Some(frame(who, zone, clause));
        }
        // A subject a few words before the colon, with no verb of its own between.
        if !quote_follows {
            return None;
        }
        let subject = self.sentence_subject_mention()?;
        let between: Vec<&Word> = self.words.iter().filter(|x| x.start >= subject.end && x.end <= colon).collect();
        let has_own_frame =
            between.iter().any(|x| speech_verb(self.word_str(x), None).is_some() && !self.is_passive_asked(x));
        let speaks = matches!(subject.referent, Referent::Speaker(_) | Referent::Other | Referent::Pronoun(_));
        if has_own_frame || between.len() > 15 || !speaks || between.iter().any(|x| x.stretch != w.stretch) {
            return None;
        }
        let who = self.referent_who(subject)?;
        Some(frame(self.expand_other(who, subject).0, subject.start, None))
    }

    /// "Putin:", "19:52 Biden:", "• PRESIDENT PUTIN:", "Putin on cyber:": the
    /// speaker, and where the label starts. Only a time or a bullet may come
    /// before the name, which ends with the word `i`.
    fn label_before_colon(&self, i: usize) -> Option<(Who, usize)> {
        let (text, words) = (self.text, &self.words);
        let first = words.iter().position(|x| !self.word_str(x).chars().all(|c| c.is_ascii_digit()))?;
        if first > i || words[first].stretch != words[i].stretch {
            return None;
        }
        let lead = &text[self.start..words[first].start];
        if !lead.chars().all(|c| c.is_ascii_digit() || is_blank(c) || ":.•*-–—·".contains(c)) {
            return None;
        }
        let start = words[first].start;
        let name_end = words[i].end;
        let m = self.mentions.iter().find(|m| m.start == start);
        match m {
            Some(m) if m.end == name_end => {
                let who = self.referent_who(m)?;
                matches!(who, Who::Speaker(_) | Who::Other(_)).then(|| (self.expand_other(who, m).0, start))
            }
            // "Putin on cyber:" — a speaker, then what the words are about.
            Some(m @ Mention { referent: Referent::Speaker(sp), .. }) => {
                let next = words.iter().find(|x| x.start >= m.end)?;
                let on = self.word_is(next, "on") && text[m.end..next.start].chars().all(is_blank);
                (on && i - first <= 6).then_some((Who::Speaker(*sp), start))
            }
            Some(_) => None,
            // A lone capitalised word before a colon counts only as a tracked name.
            None if first == i => Some((Who::Speaker(self.finder.misspelled_speaker(self.word_str(&words[i]))?), start)),
            None => None,
        }
    }

    /// A transcript label in capitals of at most three words ("Q", "MODERATOR").
    fn shouted_label(&self) -> Option<Who> {
        let names: Vec<&str> =
            self.words.iter().map(|w| self.word_str(w)).skip_while(|w| w.chars().all(|c| c.is_ascii_digit())).collect();
        let shouted = !names.is_empty()
            && names.len() <= 3
            && names.iter().all(|w| w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic()) && w.chars().any(char::is_alphabetic));
        shouted.then(|| Who::Other(names.join(" ")))
    }

    /// Do the words of the range read as an attribution: "Biden said." /
    /// "he added," / "said Putin."?
    fn is_attribution(&self) -> bool {
        let (text, words) = (self.text, &self.words);
        let is_subject = |w: &Word| {
            self.mentions.iter().any(|m| {
                m.start == w.start && matches!(m.referent, Referent::Speaker(_) | Referent::Pronoun(_) | Referent::Other)
            }) || self.finder.misspelled_speaker(self.word_str(w)).is_some()
        };
        let mention_end = |w: &Word| self.mentions.iter().find(|m| m.start == w.start).map_or(w.end, |m| m.end);
        let Some(first) = words.first() else { return false };
        // Subject then verb, or verb then subject.
        let verb_at = if is_subject(first) {
            let after = mention_end(first);
            words.iter().position(|w| w.start >= after)
        } else {
            Some(0)
        };
        let Some(v) = verb_at else { return false };
        let Some(verb) = words.get(v) else { return false };
        let is_verb = self.word_str(verb).starts_with(char::is_lowercase) && speech_verb(self.word_str(verb), None).is_some();
        let after_verb = if v == 0 { words.get(1).filter(|w| is_subject(w)).map(mention_end) } else { Some(verb.end) };
        is_verb && after_verb.is_some_and(|e| text[e..self.end].trim_start_matches(is_blank).starts_with(['.', ',', ';']))
    }
}

/// A quotation whose closing mark was left out before its attribution
/// ("“People are starving there, Biden said. According to him, …") ends
/// before that attribution: a comma, then a speaker and a verb of saying
/// (or the verb and then the speaker), then the end of a sentence or clause.
pub fn cut_unclosed_at_attribution(text: &str, quotes: &mut [Quote], finder: &MentionFinder) {
    for q in quotes.iter_mut().filter(|q| q.close_end.is_none()) {
        let inner = &text[q.start..q.end];
        let cut = inner.match_indices(", ").map(|(i, _)| q.start + i).find(|&comma| {
            let tail_end = text[comma..q.end].char_indices().nth(60).map_or(q.end, |(i, _)| comma + i);
            Reader::over(text, comma + 1, tail_end, finder).is_attribution()
        });
        if let Some(comma) = cut {
            let kept = text[q.start..comma].trim_end_matches(is_blank);
            // Only where words are left before the attribution.
            if kept.chars().any(char::is_alphanumeric) {
                q.end = q.start + kept.len();
                q.open_at_block_end = false;
            }
        }
    }
}

/// A transcript line: "PUTIN: Yes, President Biden raised this issue. …".
/// Returns the speaker and where their words start, when the block opens
/// with a speaker's label and what follows is not a quotation (a quotation
/// after a label is read sentence by sentence like any other).
pub fn transcript_label(text: &str, start: usize, end: usize, finder: &MentionFinder) -> Option<(Who, usize)> {
    let colon = crate::text::colon_within(text, start, end, MAX_LABEL_CHARS)?;
    let label = Reader::over(text, start, colon, finder);
    let i = label.words.len().checked_sub(1)?;
    let who = match label.label_before_colon(i) {
        Some((who, _)) => who,
        // "Q:", "MODERATOR:", "THE PRESIDENT:" — someone's line, but not a
        // tracked speaker's: kept under its label.
        None => label.shouted_label()?,
    };
    let content = skip_blanks(text, colon + 1, end);
    let is_topic_label = label.words.iter().any(|w| label.word_is(w, "on"));
    let quoted = text[content..end].starts_with(crate::text::is_any_quote_mark);
    (!is_topic_label && !quoted && content < end).then_some((who, content))
}
