//! Who said what: finding statements in an article, attributing each to its
//! speaker and tagging its topics.
//!
//! An article is read block by block and sentence by sentence: [`news`]
//! reads most articles, [`transcript`] those made of speakers' turns, and
//! [`attribution`] does one sentence. Between sentences a small discourse
//! state remembers who spoke last, so that "he said" and a quotation standing
//! alone go to the right person, and which section heading is in force. This
//! file holds what both readings share: settling pronouns against that
//! state, topics from context, and giving the statements their ids.

mod attribution;
mod discourse;
pub(crate) mod lexicon;
mod mentions;
mod news;
mod quotes;
mod sentences;
mod topics;
mod transcript;
mod verbs;

use serde::Serialize;

use self::attribution::{Found, Resolved, Who};
use self::mentions::MentionFinder;
use self::topics::{StatementWords, TopicTagger};
use crate::corpus::{Article, BlockKind};
use crate::summit::{Pronoun, SpeakerIx, Summit, TopicIx};

pub use self::attribution::MAX_SENTENCE_BYTES;
pub use self::quotes::{find_quotes, Quote};
pub use self::sentences::split_sentences;

/// How a statement reports what was said.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// The speaker's own words, inside quotation marks.
    Direct,
    /// Reported speech without quotation marks ("Biden said that ...").
    Indirect,
    /// Reported speech that carries quoted fragments.
    Mixed,
}

impl Kind {
    pub fn as_str(&self) -> &'static str {
        match self {
            Kind::Direct => "direct",
            Kind::Indirect => "indirect",
            Kind::Mixed => "mixed",
        }
    }
}

/// One thing one speaker said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    pub id: String,
    /// The tracked speaker; `None` for anyone else or an unknown speaker.
    pub speaker: Option<SpeakerIx>,
    /// Who spoke when it is not a tracked speaker ("a White House official").
    pub speaker_label: Option<String>,
    pub kind: Kind,
    /// Byte range of the statement's words in the article file.
    pub start: usize,
    pub end: usize,
    /// Its topics, in the summit file's order.
    pub topics: Vec<TopicIx>,
    /// Index of the block (paragraph, heading, post) it is in.
    pub block: usize,
    /// Byte range of the sentence around it.
    pub sentence: (usize, usize),
    /// In a transcript, the question this statement answers: its place
    /// among the article's statements (a question comes before its answers).
    pub question: Option<usize>,
    /// A mixed statement's quotations, as [`find_quotes`] reads them over
    /// the statement's words: its page sets them apart from the reporter's
    /// words, and the transcript check compares them. None for a direct
    /// statement (all of it is quoted) or an indirect one.
    pub quotes: Box<[Quote]>,
}

impl Statement {
    /// Its tracked speaker's id in `summit`, the summit file it was read
    /// against: where a speaker becomes a string again, for the export and
    /// for reports.
    pub fn speaker_id<'s>(&self, summit: &'s Summit) -> Option<&'s str> {
        self.speaker.map(|s| summit.speakers[s].id.as_str())
    }

    /// Its topics' ids in `summit` (see [`Statement::speaker_id`]).
    pub fn topic_ids<'s>(&self, summit: &'s Summit) -> Vec<&'s str> {
        self.topics.iter().map(|&t| summit.topics[t].id.as_str()).collect()
    }
}

/// The quotations a statement of `kind` over `start..end` of `text` keeps
/// (see [`Statement::quotes`]).
pub fn statement_quotes(text: &str, start: usize, end: usize, kind: Kind) -> Box<[Quote]> {
    match kind {
        Kind::Mixed => find_quotes(text, start, end).into_boxed_slice(),
        Kind::Direct | Kind::Indirect => Box::default(),
    }
}

/// A statement's speaker is settled by the last few blocks at most: a
/// "he said" or a lone quotation further from its speaker is left unattributed.
const MAX_BLOCKS_SINCE_SPEAKER: usize = 3;

/// How many sentences before a statement may lend it their topic.
const EARLIER_SENTENCES: usize = 3;

/// A section heading gives its topic to statements that name none for this
/// many blocks; further on, coverage has usually moved to other things.
const HEADING_REACH_BLOCKS: usize = 3;

/// Finds statements; built once per summit file and reused for every article.
pub struct Analyzer {
    summit: Summit,
    mentions: MentionFinder,
    topics: TopicTagger,
}

/// What the reading remembers between sentences.
#[derive(Default)]
struct Discourse {
    /// The last speaker and the block they spoke in.
    speaker: Option<(Resolved, usize)>,
    /// Topics of the last section heading, and its block.
    section_topics: Vec<TopicIx>,
    section_block: usize,
}

/// A statement before its id is given, with what topic tagging needs.
struct Draft {
    found: Found,
    speaker: Resolved,
    block: usize,
    sentence: (usize, usize),
    topics: Vec<TopicIx>,
    /// The statement's words as [`crate::ids::normalise`] gives them.
    normalised: String,
    /// Where the question it answers starts, in a transcript.
    question: Option<usize>,
}

impl Analyzer {
    pub fn new(summit: &Summit) -> Analyzer {
        Analyzer { summit: summit.clone(), mentions: MentionFinder::new(summit), topics: TopicTagger::new(summit) }
    }

    pub fn analyze(&self, article: &Article) -> Vec<Statement> {
        self.read(article).0
    }

    /// The article's statements, and whether it was read as a transcript
    /// (by its shape, or because its front matter says so): found in one
    /// reading, as loading needs both.
    pub fn read(&self, article: &Article) -> (Vec<Statement>, bool) {
        match transcript::Transcript::detect(article, &self.summit, &self.mentions) {
            Some(transcript) => (self.finish(&article.text, self.read_transcript(article, &transcript)), true),
            None => (self.read_news(article), false),
        }
    }

    /// Settles pronouns, groups and continuations against what came before.
    /// `quoted`: the statement carries quoted words (it is not a paraphrase).
    fn resolve(&self, who: &Who, quoted: bool, in_sentence: Option<&Resolved>, state: &Discourse, bi: usize) -> Resolved {
        let recent = state
            .speaker
            .as_ref()
            .filter(|(_, at)| bi.saturating_sub(*at) <= MAX_BLOCKS_SINCE_SPEAKER)
            .map(|(r, _)| r);
        match who {
            Who::Speaker(i) => Resolved::Speaker(*i),
            Who::Other(label) => Resolved::Other(label.clone()),
            Who::Pronoun(p) => in_sentence
                .filter(|r| self.fits_pronoun(r, p))
                .or(recent.filter(|r| self.fits_pronoun(r, p)))
                .cloned()
                .unwrap_or(Resolved::Unknown(None)),
            Who::Relative => in_sentence.or(recent).cloned().unwrap_or(Resolved::Unknown(None)),
            // A group's words are one leader's when he is given as their
            // source in the same sentence ("they agreed …, Putin said"), or
            // when they are quoted words in the account of the leader being
            // reported; what a group agreed, told in the reporter's words,
            // is nobody's in particular.
            Who::Collective(label) => match in_sentence.or(recent.filter(|_| quoted)) {
                Some(r @ Resolved::Speaker(_)) => r.clone(),
                _ => Resolved::Unknown(Some(label.clone())),
            },
            Who::Continuation => recent.cloned().unwrap_or(Resolved::Unknown(None)),
            Who::Unknown => Resolved::Unknown(None),
        }
    }

    fn fits_pronoun(&self, r: &Resolved, p: &Pronoun) -> bool {
        match r {
            Resolved::Speaker(i) => self.summit.speakers[*i].pronoun == *p,
            Resolved::Other(_) => true,
            Resolved::Unknown(_) => false,
        }
    }

    /// A statement's topics: those its own words name; where they name none,
    /// those of the rest of its sentence outside `left_out` (the statement
    /// itself and other speakers' statements), then of the sentences before it in
    /// the paragraph, then of a question just before, then of the section
    /// heading, then the summit's default. Words that point back ("this
    /// file") add the topics of that context too. `own`'s topics are taken
    /// to build the answer on.
    #[allow(clippy::too_many_arguments)]
    fn topics_in_context(
        &self,
        text: &str,
        left_out: &[(usize, usize)],
        own: &mut StatementWords,
        sentences: &mut SentenceTopics,
        si: usize,
        bi: usize,
        article: &Article,
        state: &Discourse,
    ) -> Vec<TopicIx> {
        if !own.topics.is_empty() && !own.has_anaphora {
            return std::mem::take(&mut own.topics);
        }
        let mut context = self.topics.tag(&narrative_around(text, sentences.ranges[si], left_out));
        if context.is_empty() {
            let earlier = (0..si).rev().take(EARLIER_SENTENCES);
            if let Some(k) = earlier.into_iter().find(|&k| !sentences.topics(&self.topics, text, k).is_empty()) {
                context = sentences.topics(&self.topics, text, k).to_vec();
            }
        }
        if context.is_empty() {
            let question = bi
                .checked_sub(1)
                .and_then(|p| article.blocks.get(p))
                .filter(|b| b.kind == BlockKind::Paragraph)
                .map(|b| &text[b.start..b.end])
                .filter(|t| asks(t));
            if let Some(q) = question {
                context = self.topics.tag(q);
            }
        }
        if context.is_empty() && bi - state.section_block <= HEADING_REACH_BLOCKS {
            context = state.section_topics.clone();
        }
        let mut all = std::mem::take(&mut own.topics);
        all.extend(context);
        all.sort_unstable();
        all.dedup();
        self.with_default(all)
    }

    /// The summit's default topic where no other was found.
    fn with_default(&self, topics: Vec<TopicIx>) -> Vec<TopicIx> {
        if !topics.is_empty() {
            return topics;
        }
        let default = self.summit.default_topic.as_deref().and_then(|d| self.summit.topic_ix(d));
        default.into_iter().collect()
    }

    /// Drops overlapping statements and gives each its id.
    fn finish(&self, text: &str, mut drafts: Vec<Draft>) -> Vec<Statement> {
        drafts.sort_by_key(|d| (d.found.start, std::cmp::Reverse(d.found.end)));
        let mut kept: Vec<Draft> = Vec::with_capacity(drafts.len());
        for d in drafts {
            if kept.last().is_some_and(|k| d.found.start < k.found.end) {
                continue; // nested in or overlapping the one before
            }
            kept.push(d);
        }
        // Each statement's id counts how often the same (speaker, words)
        // came before in this article.
        let mut seen: rustc_hash::FxHashMap<(&str, &str), usize> = Default::default();
        let ids: Vec<String> = kept
            .iter()
            .map(|d| {
                let key_speaker = match d.speaker {
                    Resolved::Speaker(i) => self.summit.speakers[i].id.as_str(),
                    Resolved::Other(_) | Resolved::Unknown(_) => "",
                };
                let n = seen.entry((key_speaker, d.normalised.as_str())).or_insert(0);
                *n += 1;
                crate::ids::id_of_normalised(key_speaker, &d.normalised, *n - 1)
            })
            .collect();
        // The drafts are used up: their topics and labels move into the statements.
        let mut questions = Vec::with_capacity(kept.len());
        let mut out: Vec<Statement> = kept
            .into_iter()
            .zip(ids)
            .map(|(d, id)| {
                questions.push(d.question);
                let (speaker, speaker_label) = match d.speaker {
                    Resolved::Speaker(i) => (Some(SpeakerIx(i)), None),
                    Resolved::Other(label) => (None, Some(label)),
                    Resolved::Unknown(label) => (None, label),
                };
                let (start, end, kind) = (d.found.start, d.found.end, d.found.kind);
                Statement {
                    id,
                    speaker,
                    speaker_label,
                    kind,
                    start,
                    end,
                    topics: d.topics,
                    block: d.block,
                    sentence: d.sentence,
                    question: None,
                    quotes: statement_quotes(text, start, end, kind),
                }
            })
            .collect();
        // A question is known by its place once every statement has one.
        for (k, question) in questions.into_iter().enumerate() {
            if let Some(q) = question {
                out[k].question = out.iter().position(|s| s.start == q);
            }
        }
        out
    }
}

/// The topics of a paragraph's sentences, each tagged only when first asked
/// for: several statements of a paragraph may look back at the same ones.
struct SentenceTopics<'a> {
    ranges: &'a [(usize, usize)],
    tagged: Vec<Option<Vec<TopicIx>>>,
}

impl<'a> SentenceTopics<'a> {
    fn new(ranges: &'a [(usize, usize)]) -> SentenceTopics<'a> {
        SentenceTopics { ranges, tagged: vec![None; ranges.len()] }
    }

    /// The topics sentence `k` names.
    fn topics(&mut self, tagger: &TopicTagger, text: &str, k: usize) -> &[TopicIx] {
        let (a, b) = self.ranges[k];
        self.tagged[k].get_or_insert_with(|| tagger.tag(&text[a..b]))
    }
}

/// Whether a paragraph asks something of the next one: it ends with a
/// question mark (inside closing quotation marks or brackets too). A
/// paragraph with a question inside it and an answer after ("Ukraine? We
/// barely touched it.") is a statement of its own, not a question put to
/// the next paragraph's speaker.
fn asks(paragraph: &str) -> bool {
    paragraph.trim_end_matches(|c: char| c.is_whitespace() || crate::text::is_any_quote_mark(c) || matches!(c, ')' | ']')).ends_with('?')
}

/// The words of a sentence outside `left_out` and outside every quotation:
/// the frame ("When asked about X, Biden said"), which often names the issue
/// a quotation answers, and the same speaker's other statements there.
fn narrative_around(text: &str, sentence: (usize, usize), left_out: &[(usize, usize)]) -> String {
    let quotes = find_quotes(text, sentence.0, sentence.1);
    let mut out = String::new();
    let mut pos = sentence.0;
    let mut skip: Vec<(usize, usize)> = quotes.iter().map(Quote::outer).collect();
    skip.extend_from_slice(left_out);
    skip.sort_unstable();
    for (s, e) in skip {
        if s > pos {
            out.push_str(&text[pos..s]);
            out.push(' ');
        }
        pos = pos.max(e);
    }
    if pos < sentence.1 {
        out.push_str(&text[pos..sentence.1]);
    }
    out
}
