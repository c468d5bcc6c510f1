//! Who said what in one sentence.
//!
//! A sentence is read as narrative text around quotations. In the narrative
//! we look for *frames*: a verb of saying with its subject ("Biden said",
//! "said Putin", "he added", "according to a White House official", "Putin:").
//! Each frame yields statements:
//! - a frame with a reported clause ("said that they will meet") gives an
//!   indirect statement, or a mixed one when the clause carries quoted words,
//!   or a direct one when the clause is almost all one quotation;
//! - "according to X" makes the whole sentence X's;
//! - a quotation takes the speaker of the frame right after it ("…,” he said)
//!   or right before it (He added: “…”);
//! - a quotation that stands alone continues the last speaker.
//!
//! Subjects are read from the words right before the verb: a tracked
//! speaker's alias, a pronoun (resolved later), a group, another person, or a
//! capitalised name (a misspelling of a tracked name counts as that name).
//! A leader named after a preposition ("with Putin") is never a subject.
//!
//! One [`Reader`] holds a sentence (or any range of text) with its narrative
//! words and mentions; its methods are the stages, by file:
//! - `words`: the narrative words and small cursor helpers over them;
//! - `frames`: finding the frames of speech;
//! - `subjects`: who a frame's subject is;
//! - `labels`: speaker labels before a colon, transcript lines, and
//!   quotations left open before their attribution;
//! - `nominal`: frames without a verb ("Xi's remark that …", "In Biden's
//!   words, …", "As Putin put it, …");
//! - `clauses`: where reported clauses start and end;
//! - `statements`: turning frames and quotations into statements.
//!
//! The closed word lists it reads are in [`super::lexicon`].

mod clauses;
mod frames;
mod labels;
mod nominal;
mod statements;
mod subjects;
mod words;

use super::mentions::{Mention, MentionFinder};
use super::quotes::Quote;
use crate::summit::Pronoun;

pub use self::labels::{cut_unclosed_at_attribution, transcript_label};
use self::words::{narrative_words, Word};

/// Who a frame's subject is, before pronouns and groups are resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Who {
    Speaker(usize),
    /// Someone not tracked, with the words that name them.
    Other(String),
    Pronoun(Pronoun),
    /// A group that includes the leaders, named by these words.
    Collective(String),
    /// "who": the person just named.
    Relative,
    /// A quotation standing alone: the last speaker goes on.
    Continuation,
    Unknown,
}

/// Who a statement is finally given to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    Speaker(usize),
    Other(String),
    Unknown(Option<String>),
}

/// A statement found in a sentence, before ids and topics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub kind: super::Kind,
    pub who: Who,
}

/// Everything known about one sentence.
pub struct Sentence<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    /// The quotations inside the sentence, in order.
    pub quotes: Vec<&'a Quote>,
}

/// What one sentence says, and about whom.
pub struct Reading {
    /// The statements, in order.
    pub found: Vec<Found>,
    /// The subject of the sentence's last frame of speech, even one that
    /// frames no statement ("Okafor spoke next."): a later "he" or a lone
    /// quotation may be theirs.
    pub last_speaker: Option<Who>,
    /// The person the sentence opens on ("Dmitry Peskov has …"): the likely
    /// referent of a "he" that follows, even if they said nothing.
    pub opening_subject: Option<Who>,
}

/// No real sentence is this long; a longer "sentence" (a file with no full
/// stops, a wall of repeated words) is not read for speakers, which keeps a
/// hostile file from costing more than its length.
pub const MAX_SENTENCE_BYTES: usize = 20_000;

/// A sentence (or a range of text read like one) with what the stages read
/// in it: its narrative words and the mentions in them. The stages are its
/// methods; each reads these fields rather than having them passed along.
pub(super) struct Reader<'a> {
    /// The whole text the range is in (offsets are into it).
    text: &'a str,
    /// The range read.
    start: usize,
    end: usize,
    /// The quotations inside the range, in order.
    quotes: &'a [&'a Quote],
    /// The words outside quotations, each with its stretch.
    words: Vec<Word>,
    /// The mentions in the narrative stretches, left to right.
    mentions: Vec<Mention>,
    finder: &'a MentionFinder,
}

impl<'a> Reader<'a> {
    /// A reader of one sentence: its narrative is the sentence minus its
    /// quotations.
    pub(super) fn new(s: &'a Sentence<'a>, finder: &'a MentionFinder) -> Reader<'a> {
        let stretches = stretches(s.start, s.end, &s.quotes);
        let words = narrative_words(s.text, &stretches);
        let mut mentions: Vec<Mention> = Vec::new();
        for &(a, b) in &stretches {
            finder.find_into(s.text, a, b, &mut mentions);
        }
        Reader { text: s.text, start: s.start, end: s.end, quotes: &s.quotes, words, mentions, finder }
    }

    /// A reader of `text[start..end]` as one stretch of narrative, with no
    /// quotations: a label, or the words after a comma.
    fn over(text: &'a str, start: usize, end: usize, finder: &'a MentionFinder) -> Reader<'a> {
        let words = narrative_words(text, &[(start, end)]);
        let mentions = finder.find(text, start, end);
        Reader { text, start, end, quotes: &[], words, mentions, finder }
    }

    /// Reads the sentence: what was said in it, by whom.
    fn read(&self) -> Reading {
        let mut frames = self.find_frames();
        let bounds = self.clause_bounds(&frames);
        self.close_clauses(&mut frames, &bounds);
        self.give_reported_frames_their_reporter(&mut frames);
        let last_speaker = frames.iter().rev().map(|f| f.who.clone()).find(|w| *w != Who::Unknown);
        let opening_subject = self.opening_subject();
        Reading { found: self.statements(&frames, &bounds), last_speaker, opening_subject }
    }
}

/// The narrative stretches of `start..end`: the range minus its quotations.
fn stretches(start: usize, end: usize, quotes: &[&Quote]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = start;
    for q in quotes {
        let (s, e) = q.outer();
        if s > pos {
            out.push((pos, s.min(end)));
        }
        pos = pos.max(e);
    }
    if pos < end {
        out.push((pos, end));
    }
    out
}

/// Reads one sentence and returns what was said in it, by whom.
pub fn analyze_sentence(s: &Sentence, finder: &MentionFinder) -> Reading {
    if s.end - s.start > MAX_SENTENCE_BYTES {
        return Reading { found: Vec::new(), last_speaker: None, opening_subject: None };
    }
    Reader::new(s, finder).read()
}
