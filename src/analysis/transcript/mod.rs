//! Transcripts: documents made of turns.
//!
//! A transcript is recognised from its shape: several blocks that open with
//! a speaker label ("THE PRESIDENT:", "Vladimir Putin:", "Q", "Reporter:"),
//! with questioners, roles or labels in capitals among them (a live blog's
//! few "Biden:" lines are not a transcript) — or from front matter that says
//! `kind: transcript`. A turn goes on across blocks until the next label, and
//! every word of a leader's turn is his: a leader named inside it is an
//! object of his sentence, never its speaker. Stage directions and time
//! stamps belong to no one. A questioner's turn is kept as the question the
//! next answer replies to.
//!
//! [`Cast`] settles who a label names; [`Transcript`] marks each block with
//! the turn it opens; `read` (on the analyzer) turns them into statements.

pub mod label;
mod read;
pub mod stage;


use self::label::Label;
use super::lexicon::{QUESTIONER_LABELS, ROLE_LABELS, VOCATIVES};
use super::mentions::{MentionFinder, Referent};
use crate::corpus::{Article, BlockKind};
use crate::summit::{SpeakerIx, Summit};

/// At least this many labelled blocks make a transcript by shape.
const MIN_TURNS: usize = 3;

/// Who speaks in a turn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Voice {
    /// A tracked speaker, in person or through an interpreter.
    Leader(usize),
    /// A journalist whose turn may report, in their own words, what others
    /// said: read sentence by sentence.
    Reporter(String),
    /// Someone asking a question.
    Questioner(String),
    /// A moderator, an interpreter, an official: their words are theirs.
    Other(String),
    /// A role label ("THE PRESIDENT") the document does not settle.
    Unresolved(String),
}

/// A block that opens a turn: who speaks, and where their words start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Turn {
    pub voice: Voice,
    pub content: usize,
}

/// An article read as a transcript.
#[derive(Debug)]
pub struct Transcript {
    /// For each block, the turn it opens, if it opens one.
    pub turns: Vec<Option<Turn>>,
    /// The first block that belongs to a turn: blocks before it (the title,
    /// an introduction) are read as ordinary text.
    pub first_turn: usize,
    /// The whole document's speaker when one is given for it (captions):
    /// words before any label are theirs.
    pub speaker: Option<usize>,
    /// Blocks are lines (captions), not paragraphs: a turn's lines are read
    /// together.
    pub lines: bool,
}

impl Transcript {
    /// The article as a transcript, or `None` if it is not one.
    pub fn detect(article: &Article, summit: &Summit, finder: &MentionFinder) -> Option<Transcript> {
        let labels: Vec<Option<Label>> = article
            .blocks
            .iter()
            .map(|b| match b.kind {
                BlockKind::Paragraph | BlockKind::Heading | BlockKind::Title => label::parse(&article.text, b.start, b.end),
                _ => None,
            })
            .collect();
        let said_so = article.kind.as_deref() == Some("transcript");
        let speaker = article.speaker.as_deref().and_then(|id| summit.speaker_ix(id)).map(SpeakerIx::position);
        if !said_so && speaker.is_none() && !has_transcript_shape(article, &labels) {
            return None;
        }
        let first_label = labels.iter().position(Option::is_some);
        let first_turn = match speaker {
            // Captions: the speaker's words start with the body, after a
            // headline that is not the front matter's title.
            Some(_) => match article.blocks.first() {
                Some(b) if b.kind == BlockKind::Title && article.text[b.start..b.end] == article.title => 1,
                _ => 0,
            },
            None => first_label?,
        };
        let cast = Cast { article, summit, finder, speaker, first_turn: first_label.unwrap_or(first_turn) };
        let turns = labels
            .into_iter()
            .enumerate()
            .map(|(bi, l)| l.map(|l| Turn { content: l.content, voice: cast.voice(&l, bi) }))
            .collect();
        let lines = speaker.is_some() || are_lines(article, first_turn);
        Some(Transcript { turns, first_turn, speaker, lines })
    }
}

/// Several labels, more than one voice, labels on a good share of the
/// blocks, and a mark of a transcript: a questioner, a role, a label in
/// capitals or a reporter.
fn has_transcript_shape(article: &Article, labels: &[Option<Label>]) -> bool {
    let found: Vec<&Label> = labels.iter().flatten().collect();
    let Some(first) = labels.iter().position(Option::is_some) else { return false };
    let blocks_after = article.blocks[first..].iter().filter(|b| matches!(b.kind, BlockKind::Paragraph | BlockKind::Heading)).count();
    let mut names: Vec<String> = found.iter().map(|l| l.name.to_lowercase()).collect();
    names.sort();
    names.dedup();
    let shouted = found.iter().filter(|l| !l.name.contains(char::is_lowercase)).count();
    let marked = found.iter().any(|l| l.questioner || l.reporting || l.interpreted || is_role(&l.name)) || shouted * 2 >= found.len();
    found.len() >= MIN_TURNS && names.len() >= 2 && found.len() * 5 >= blocks_after && marked
}

/// Blocks that are caption lines rather than paragraphs: short on average.
fn are_lines(article: &Article, from: usize) -> bool {
    let blocks = &article.blocks[from.min(article.blocks.len())..];
    let total: usize = blocks.iter().map(|b| b.end - b.start).sum();
    blocks.len() >= 4 && total / blocks.len() < 60
}

/// The role a label names, lower case without "the" ("president"), if it
/// names a role rather than a person.
fn role_of(name: &str) -> Option<String> {
    let lower = name.to_lowercase();
    let role = lower.strip_prefix("the ").unwrap_or(&lower).trim();
    ROLE_LABELS.contains(&role).then(|| role.to_string())
}

fn is_role(name: &str) -> bool {
    role_of(name).is_some()
}

/// Who the labels of one document name.
struct Cast<'a> {
    article: &'a Article,
    summit: &'a Summit,
    finder: &'a MentionFinder,
    /// The document's speaker from its front matter.
    speaker: Option<usize>,
    first_turn: usize,
}

impl Cast<'_> {
    /// Who speaks a turn whose label is `label`, in block `bi`.
    fn voice(&self, label: &Label, bi: usize) -> Voice {
        if let Some(i) = self.leader_named(label) {
            return Voice::Leader(i);
        }
        if let Some(role) = role_of(&label.name) {
            return match self.section_holder(&role, bi).or_else(|| self.role_holder(&role)) {
                Some(i) => Voice::Leader(i),
                None => Voice::Unresolved(label.full.clone()),
            };
        }
        if label.questioner {
            Voice::Questioner(label.full.clone())
        } else if label.reporting {
            Voice::Reporter(label.full.clone())
        } else {
            Voice::Other(label.full.clone())
        }
    }

    /// A tracked speaker named by the label: one of the summit file's extra
    /// labels, or the label's name ending on an alias of one speaker and
    /// naming no one else ("PRESIDENT PUTIN", "Joe Biden", "BIDEN").
    fn leader_named(&self, label: &Label) -> Option<usize> {
        let by_summit = self.summit.speakers.iter().position(|s| {
            s.labels.iter().any(|l| l.eq_ignore_ascii_case(&label.name) || l.eq_ignore_ascii_case(&label.full))
        });
        if by_summit.is_some() || label.questioner || label.reporting {
            return by_summit;
        }
        let name = label.name.as_str();
        let mentions = self.finder.find(name, 0, name.len());
        let speakers: Vec<usize> = mentions.iter().filter_map(|m| match m.referent {
            Referent::Speaker(i) => Some(i),
            _ => None,
        }).collect();
        let ends_on_alias = mentions.last().is_some_and(|m| m.end == name.len() && matches!(m.referent, Referent::Speaker(_)));
        match speakers.as_slice() {
            [i, rest @ ..] if ends_on_alias && rest.iter().all(|j| j == i) && mentions.len() == speakers.len() => Some(*i),
            [] if !name.contains(' ') && !QUESTIONER_LABELS.contains(&name.to_lowercase().as_str()) => {
                self.finder.misspelled_speaker(name)
            }
            _ => None,
        }
    }

    /// The one tracked speaker who holds a role in this document: given in
    /// its front matter, or the only one its title and headings name (else
    /// its introduction), named with that role ("Remarks by President X").
    fn role_holder(&self, role: &str) -> Option<usize> {
        if self.speaker.is_some() {
            return self.speaker;
        }
        let art = self.article;
        let head = &art.blocks[..self.first_turn.min(art.blocks.len())];
        let headings = head.iter().filter(|b| matches!(b.kind, BlockKind::Title | BlockKind::Heading)).map(|b| (b.start, b.end));
        let paragraphs = head.iter().filter(|b| b.kind == BlockKind::Paragraph).map(|b| (b.start, b.end));
        self.only_holder(&art.title, [(0, art.title.len())].into_iter(), role)
            .or_else(|| self.only_holder(&art.text, headings, role))
            .or_else(|| self.only_holder(&art.text, paragraphs, role))
    }

    /// The one tracked speaker who holds a role in the part of the document
    /// that block `bi` is in: the nearest heading among the turns that names
    /// a tracked speaker names that one alone, with the role ("PART TWO —
    /// PRESIDENT X" over the second leader's press conference). A document
    /// given to one speaker in its front matter has no parts.
    fn section_holder(&self, role: &str, bi: usize) -> Option<usize> {
        if self.speaker.is_some() {
            return None;
        }
        let art = self.article;
        let blocks = art.blocks.get(self.first_turn..bi.min(art.blocks.len()))?;
        let heading = blocks.iter().rev().filter(|b| b.kind == BlockKind::Heading).find(|b| {
            self.finder.find(&art.text, b.start, b.end).iter().any(|m| matches!(m.referent, Referent::Speaker(_)))
        })?;
        self.only_holder(&art.text, [(heading.start, heading.end)].into_iter(), role)
    }

    /// The speaker when the ranges name exactly one, with the role next to
    /// the name ("President Biden", "the US president"); an answer label
    /// ("A") needs no role word.
    fn only_holder(&self, text: &str, ranges: impl Iterator<Item = (usize, usize)>, role: &str) -> Option<usize> {
        let mut named: Vec<(usize, bool)> = Vec::new();
        for (a, b) in ranges {
            for m in self.finder.find(text, a, b) {
                if let Referent::Speaker(i) = m.referent {
                    let before = text[..m.start].char_indices().rev().nth(24).map_or(0, |(k, _)| k);
                    let near = text[before..m.end].to_lowercase();
                    named.push((i, role == "a" || near.contains(role)));
                }
            }
        }
        let first = named.first()?.0;
        (named.iter().all(|(i, _)| *i == first) && named.iter().any(|(_, with_role)| *with_role)).then_some(first)
    }
}

/// An unlabelled paragraph that asks the speaker something: a question that
/// opens by turning to them ("Mr. President, …?").
pub fn is_addressed_question(text: &str) -> bool {
    let t = text.trim();
    let first = t.split(|c: char| !c.is_alphabetic()).next().unwrap_or("").to_lowercase();
    t.ends_with('?') && VOCATIVES.contains(&first.as_str())
}

