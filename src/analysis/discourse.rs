//! What a paragraph's sentences tell about who is speaking, beyond their
//! own statements: a heading over one speaker's words, a sentence that puts
//! two people in play, a quotation the next sentence claims, and a live
//! blog's time stamp before an entry.

use super::attribution::{Resolved, Who};
use super::mentions::{self, Mention, Referent};
use super::lexicon::{self, WordList};
use super::{verbs, Analyzer, Discourse};
use crate::corpus::Block;

impl Analyzer {
    /// A heading over one speaker's words ("Key quotes: Putin", "Biden in
    /// his own words", "Putin on Ukraine") makes lone quotations below his;
    /// one over other people's ("What the officials said") ends the chain.
    pub(super) fn heading_speaker(&self, text: &str, block: &Block, bi: usize, state: &mut Discourse) {
        let mentions = self.mentions.find(text, block.start, block.end);
        let tracked = leaders_named(text, &mentions);
        let others = mentions.iter().any(|m| m.referent == Referent::Other);
        let cue = text[block.start..block.end]
            .split(|c: char| !c.is_alphabetic())
            .any(|w| lexicon::QUOTE_LIST_CUES.has(w));
        let opens_with_speaker = mentions.first().is_some_and(|m| m.start == block.start && matches!(m.referent, Referent::Speaker(_)));
        match tracked.as_slice() {
            [i] if !others && (cue || opens_with_speaker) => state.speaker = Some((Resolved::Speaker(*i), bi)),
            [] if cue || others => state.speaker = None,
            _ => {}
        }
    }

    /// Does the sentence put more than one person in play: both leaders
    /// named, a group of them as its subject, or a leader acting on someone
    /// else ("him", "her")?
    pub(super) fn two_in_play(&self, text: &str, start: usize, end: usize) -> bool {
        let mentions = self.mentions.find(text, start, end);
        let leaders = leaders_named(text, &mentions);
        let group_first = mentions.first().is_some_and(|m| m.referent == Referent::Collective);
        let someone_else = !leaders.is_empty()
            && text[start..end].split(|c: char| !c.is_alphabetic()).any(|w| lexicon::OBJECT_PRONOUNS.contains(&w));
        leaders.len() > 1 || group_first || someone_else
    }

    /// "“Nobody expected miracles.” The Russian president said this with a
    /// shrug.": a quotation standing alone that the next sentence gives to
    /// its speaker.
    pub(super) fn claimed_by_next(&self, text: &str, next: Option<&(usize, usize)>) -> Option<Who> {
        let &(a, b) = next?;
        let m = self.mentions.find(text, a, b).into_iter().next().filter(|m| m.start == a && !mentions::is_possessive(text, m))?;
        let Referent::Speaker(i) = m.referent else { return None };
        let mut words = text[m.end..b].split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
        let (verb, object) = (words.next()?, words.next()?);
        let points_back = lexicon::DEMONSTRATIVES.has(object) && object != "that" || object == "so";
        (verbs::speech_verb(verb, Some(object)).is_some() && points_back).then_some(Who::Speaker(i))
    }
}

/// Do these few words only announce quotations ("key quotes", "in his own
/// words", "what he said")? At most four words, one of them a cue.
pub(super) fn is_quote_list_cue(words: &str) -> bool {
    let words: Vec<String> = words.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    words.len() <= 4 && words.iter().any(|w| lexicon::QUOTE_LIST_CUES.contains(&w.as_str()))
}

/// Where the words of a live-blog entry start: after a time stamp, an
/// optional time zone ("17:37 CEST —", "5:40 pm:") and a separator.
pub(super) fn live_blog_lead_end(text: &str, start: usize, end: usize) -> usize {
    let Some(n) = super::transcript::stage::time_stamp_len(&text[start..end]) else { return start };
    let rest = text[start + n..end].trim_start();
    let zone = rest.split_whitespace().next().filter(|w| {
        w.len() <= 4 && (w.chars().all(|c| c.is_ascii_uppercase()) || matches!(w.to_ascii_lowercase().as_str(), "am" | "pm" | "a.m." | "p.m."))
    });
    let rest = zone.map_or(rest, |z| rest[z.len()..].trim_start());
    match rest.strip_prefix(['—', '–', '-', ':', '|']) {
        Some(words) => end - words.trim_start().len(),
        None => start,
    }
}

/// The tracked speakers that `mentions` name as people, not as owners ("Biden's
/// plan"), each once, in the summit file's order.
fn leaders_named(text: &str, mentions: &[Mention]) -> Vec<usize> {
    let mut leaders: Vec<usize> = mentions
        .iter()
        .filter(|m| !mentions::is_possessive(text, m))
        .filter_map(|m| match m.referent {
            Referent::Speaker(i) => Some(i),
            _ => None,
        })
        .collect();
    leaders.sort_unstable();
    leaders.dedup();
    leaders
}
