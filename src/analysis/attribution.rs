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

use super::lexicon::{
    BETWEEN_SUBJECT_AND_VERB, CLAUSE_CONJUNCTIONS, CLAUSE_OPENERS, COORDINATORS, DETERMINERS, FINITE, JOINING_CONJUNCTIONS,
    NOT_MODIFIERS, NOT_NAMES, OBJECT_VERBS, PREPOSITIONS, RELATIVES,
};
use super::mentions::{is_possessive, Mention, MentionFinder, Referent};
use super::quotes::Quote;
use super::verbs::{speech_verb, SpeechVerb};
use crate::summit::Pronoun;
use crate::text::{is_blank, is_terminal};

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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FrameKind {
    Verb(SpeechVerb),
    According,
    Colon,
}

#[derive(Debug, Clone)]
struct Frame {
    kind: FrameKind,
    /// The verb ("said"), "according to", or the colon.
    verb: (usize, usize),
    /// Where the frame's own words start (its subject, or the comma before a
    /// participle): text before it can belong to an earlier frame.
    zone_start: usize,
    /// The frame is joined to the sentence by a comma or a conjunction, so
    /// it ends the clause of the frame before it.
    coordinated: bool,
    who: Who,
    clause: Option<(usize, usize)>,
}

/// A statement found in a sentence, before ids and topics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub kind: super::Kind,
    pub who: Who,
}

/// A quotation shorter than this many words is a fragment: a term the
/// reporter quotes, which only means something inside a clause.
const FRAGMENT_WORDS: usize = 4;
/// Words allowed between a verb and the quotation it introduces.
const MAX_FRAME_GAP_WORDS: usize = 10;
/// A clause that is at least this share quotation is the quotation itself.
const QUOTE_SHARE_FOR_DIRECT: f64 = 0.6;

#[derive(Debug, Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
    /// Index of the narrative stretch the word is in (stretches are split by
    /// quotations).
    stretch: usize,
}

/// Everything known about one sentence.
pub struct Sentence<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    /// The quotations inside the sentence, in order.
    pub quotes: Vec<&'a Quote>,
}

impl Sentence<'_> {
    /// The narrative stretches: the sentence minus its quotations.
    fn stretches(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut pos = self.start;
        for q in &self.quotes {
            let (s, e) = q.outer();
            if s > pos {
                out.push((pos, s.min(self.end)));
            }
            pos = pos.max(e);
        }
        if pos < self.end {
            out.push((pos, self.end));
        }
        out
    }
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

/// Reads one sentence and returns what was said in it, by whom.
pub fn analyze_sentence(s: &Sentence, finder: &MentionFinder) -> Reading {
    if s.end - s.start > MAX_SENTENCE_BYTES {
        return Reading { found: Vec::new(), last_speaker: None, opening_subject: None };
    }
    let stretches = s.stretches();
    let words = narrative_words(s.text, &stretches);
    let mut mentions: Vec<Mention> = Vec::new();
    for &(a, b) in &stretches {
        finder.find_into(s.text, a, b, &mut mentions);
    }
    let mut frames = find_frames(s, &words, &mentions, finder);
    let bounds = clause_bounds(s, &frames, &mentions);
    close_clauses(s, &mut frames, &bounds);
    let last_speaker = frames.iter().rev().map(|f| f.who.clone()).find(|w| *w != Who::Unknown);
    let opening_subject = opening_subject(s, &words, &mentions);
    Reading { found: statements(s, &words, &frames, &bounds), last_speaker, opening_subject }
}

/// A person named at the very start of the sentence and followed by a verb
/// (a lower-case word): a tracked speaker, a role ("The spokesman"), or a
/// full name of two or more words. A single capitalised word is too often a
/// place ("Geneva was sunny") to count.
fn opening_subject(s: &Sentence, words: &[Word], mentions: &[Mention]) -> Option<Who> {
    let first = words.first().filter(|w| w.start == s.start)?;
    let followed_by_verb = |end: usize| {
        words.iter().find(|w| w.start >= end).is_some_and(|w| {
            let t = word_str(s.text, w);
            s.text[end..w.start].chars().all(is_blank)
                && t.chars().next().is_some_and(char::is_lowercase)
                && !PREPOSITIONS.contains(&t)
                && !NOT_MODIFIERS.contains(&t)
        })
    };
    if let Some(m) = mentions.iter().find(|m| m.start == first.start && matches!(m.referent, Referent::Speaker(_))) {
        return match m.referent {
            // "Biden struck a firmer tone", "Biden, speaking later, struck …".
            Referent::Speaker(i) if !is_possessive(s.text, m) && (followed_by_verb(m.end) || s.text[m.end..].starts_with(',')) => {
                Some(Who::Speaker(i))
            }
            _ => None,
        };
    }
    // A role, with whatever names it: "Fisheries minister Jon Haugen has …".
    for m in mentions.iter().filter(|m| m.referent == Referent::Other && m.start < first.start + 60) {
        if let (who @ Who::Other(_), start) = expand_other(s.text, words, mentions, Who::Other(String::new()), m) {
            let Who::Other(label) = &who else { unreachable!() };
            if start == first.start && !is_possessive(s.text, m) && followed_by_verb(start + label.len()) {
                return Some(who);
            }
        }
    }
    let mut e = 0;
    while e < words.len() && is_name_like(word_str(s.text, &words[e])) && (e == 0 || s.text[words[e - 1].end..words[e].start].chars().all(is_blank)) {
        e += 1;
    }
    (e >= 2 && followed_by_verb(words[e - 1].end)).then(|| Who::Other(s.text[first.start..words[e - 1].end].to_string()))
}

/// Words of the narrative stretches, with the stretch each is in.
fn narrative_words(text: &str, stretches: &[(usize, usize)]) -> Vec<Word> {
    let mut out = Vec::new();
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

fn word_str<'a>(text: &'a str, w: &Word) -> &'a str {
    &text[w.start..w.end]
}

fn find_frames(s: &Sentence, words: &[Word], mentions: &[Mention], finder: &MentionFinder) -> Vec<Frame> {
    let text = s.text;
    let mut frames = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let word = word_str(text, w);
        let next = words.get(i + 1).filter(|n| n.stretch == w.stretch).map(|n| word_str(text, n));
        if word.eq_ignore_ascii_case("according") && next.is_some_and(|n| n.eq_ignore_ascii_case("to")) {
            let to = &words[i + 1];
            let who = subject_after(text, words, i + 2, w.stretch, mentions, finder).unwrap_or(Who::Unknown);
            let zone_start = clause_join_start(text, s.start, w.start);
            frames.push(Frame {
                kind: FrameKind::According,
                verb: (w.start, to.end),
                zone_start,
                coordinated: true,
                who,
                clause: None,
            });
            continue;
        }
        if let Some(f) = and_that_clause(text, s, words, i, &frames) {
            frames.push(f);
            continue;
        }
        if let Some(m) = colon_label(text, s, w, mentions, finder, i, words) {
            frames.push(m);
            continue;
        }
        let Some(verb) = speech_verb(word, next) else { continue };
        // A capitalised "States" or "Says" mid-sentence is a name or a title.
        if word.starts_with(char::is_uppercase) && !starts_stretch(words, i) {
            continue;
        }
        // "Asked about Navalny, Biden said …", "Biden, asked what happens, …":
        // the speaker was asked; someone else's question frames nothing.
        if is_passive_asked(text, w) {
            continue;
        }
        let joined_by_comma = preceded_by_join(text, s.start, w.start);
        let mut inverted = false;
        let (who, zone_start) = if verb.participle && (joined_by_comma || starts_stretch(words, i)) {
            // "…, adding": whoever the sentence's last frame is about or, with
            // no frame before, whoever the sentence opens on.
            let inherited = frames.iter().rev().map(|f: &Frame| f.who.clone()).find(|w| *w != Who::Unknown);
            let who = inherited.or_else(|| sentence_subject(text, s, words, mentions)).unwrap_or(Who::Unknown);
            (who, clause_join_start(text, s.start, w.start))
        } else if let Some((who, at)) = subject_before(text, words, i, mentions, finder) {
            (resolve_relative(who, at, &frames, mentions, text), at)
        } else if let Some(who) = inverted_subject(text, words, i, mentions, finder) {
            inverted = true;
            (who, w.start)
        } else if let Some(who) = coordinated_subject(text, words, i, &frames) {
            // "He described Biden as … and said …".
            (who, w.start)
        } else {
            (Who::Unknown, w.start)
        };
        let coordinated = verb.participle && joined_by_comma || preceded_by_join(text, s.start, zone_start);
        // "…," said the president: what follows the verb is its subject, not a clause.
        let clause = if verb.takes_clause && !inverted { clause_start(text, s, words, i, verb) } else { None };
        frames.push(Frame {
            kind: FrameKind::Verb(verb),
            verb: (w.start, w.end),
            zone_start: if coordinated { clause_join_start(text, s.start, zone_start) } else { zone_start },
            coordinated,
            who,
            clause: clause.map(|c| (c, s.end)),
        });
    }
    frames
}

/// "he said “…”, and that he had seen …": a second clause of the frame before.
fn and_that_clause(text: &str, s: &Sentence, words: &[Word], i: usize, frames: &[Frame]) -> Option<Frame> {
    let w = &words[i];
    let prev = i.checked_sub(1).map(|k| &words[k])?;
    if !word_str(text, w).eq_ignore_ascii_case("that") || !word_str(text, prev).eq_ignore_ascii_case("and") {
        return None;
    }
    let before_and = text[s.start..prev.start].trim_end_matches(|c: char| is_blank(c) || crate::text::is_any_quote_mark(c));
    let last = frames.last().filter(|f| matches!(f.kind, FrameKind::Verb(v) if v.takes_clause))?;
    if !before_and.ends_with(',') || last.who == Who::Unknown {
        return None;
    }
    Some(Frame {
        kind: last.kind,
        verb: (prev.start, w.end),
        zone_start: clause_join_start(text, s.start, prev.start),
        coordinated: true,
        who: last.who.clone(),
        clause: Some((after_blanks(text, w.end, s.end), s.end)),
    })
}

/// "Asked about X, …" or "Biden, asked what …": the subject was asked. Not
/// "“…?”, asked Putin", where the quotation is the question.
fn is_passive_asked(text: &str, w: &Word) -> bool {
    if !word_str(text, w).eq_ignore_ascii_case("asked") {
        return false;
    }
    let before = text[..w.start].trim_end_matches(is_blank);
    let sentence_start = before.is_empty() || before.ends_with(['.', '!', '?']);
    let after_comma = before
        .strip_suffix(',')
        .is_some_and(|b| !b.trim_end_matches(is_blank).ends_with(crate::text::is_any_quote_mark));
    sentence_start || after_comma
}

/// "…and said", "…but added": a verb joined to the one before shares its subject.
fn coordinated_subject(text: &str, words: &[Word], i: usize, frames: &[Frame]) -> Option<Who> {
    let prev = i.checked_sub(1).map(|k| &words[k])?;
    let joined = COORDINATORS.contains(&word_str(text, prev).to_lowercase().as_str())
        && text[prev.end..words[i].start].chars().all(is_blank);
    joined.then(|| frames.iter().rev().map(|f| f.who.clone()).find(|w| *w != Who::Unknown)).flatten()
}

/// The mention the sentence opens with ("Putin, smiling, waved, saying …";
/// "He paused, adding …"), if it opens with one.
fn sentence_subject(text: &str, s: &Sentence, words: &[Word], mentions: &[Mention]) -> Option<Who> {
    let first = words.first().filter(|w| w.start == s.start)?;
    let m = mentions.iter().find(|m| m.start == first.start && !is_possessive(text, m))?;
    referent_who(text, m).map(|who| expand_other(text, words, mentions, who, m).0)
}

/// "…, according to Putin, who said": "who" is the person named just before.
fn resolve_relative(who: Who, at: usize, frames: &[Frame], mentions: &[Mention], text: &str) -> Who {
    if who != Who::Relative {
        return who;
    }
    let named = mentions
        .iter()
        .rev()
        .filter(|m| m.end <= at)
        .find_map(|m| referent_who(text, m).filter(|w| matches!(w, Who::Speaker(_) | Who::Other(_))));
    named.or_else(|| frames.last().map(|f| f.who.clone())).unwrap_or(Who::Unknown)
}

/// A speaker named before a colon:
/// - a label: "Putin: …", "19:52 Biden: …", "PRESIDENT PUTIN: …";
/// - a topic label: "Putin on cyber: most attacks come from …";
/// - a subject that introduces a quotation: "The US president opens his
///   news conference: “…”".
///
/// What follows a label and is not a quotation is the speaker's too, as a
/// clause.
fn colon_label(
    text: &str,
    s: &Sentence,
    w: &Word,
    mentions: &[Mention],
    finder: &MentionFinder,
    i: usize,
    words: &[Word],
) -> Option<Frame> {
    if !text[w.end..].starts_with(':') {
        return None;
    }
    let colon = w.end;
    let after = after_blanks(text, colon + 1, s.end);
    let quote_follows = text[after..s.end].starts_with(crate::text::is_any_quote_mark);
    // What follows a label is its speaker's, unless a frame of its own follows.
    let frame_follows = words.iter().skip(i + 1).any(|x| speech_verb(word_str(text, x), None).is_some());
    let clause = (!quote_follows && !frame_follows).then(|| trim_clause(text, after, s.end)).flatten();
    let frame = |who: Who, zone_start: usize, clause: Option<(usize, usize)>| Frame {
        kind: FrameKind::Colon,
        verb: (colon, colon + 1),
        zone_start,
        coordinated: false,
        who,
        clause,
    };
    if let Some((who, zone)) = label_before_colon(text, s.start, words, i, mentions, finder) {
        return Some(frame(who, zone, clause));
    }
    // A subject a few words before the colon, with no verb of its own between.
    if !quote_follows {
        return None;
    }
    let subject = sentence_subject_mention(text, s, words, mentions)?;
    let between: Vec<&Word> = words.iter().filter(|x| x.start >= subject.end && x.end <= colon).collect();
    let has_own_frame = between.iter().any(|x| speech_verb(word_str(text, x), None).is_some() && !is_passive_asked(text, x));
    let speaks = matches!(subject.referent, Referent::Speaker(_) | Referent::Other | Referent::Pronoun(_));
    if has_own_frame || between.len() > 15 || !speaks || between.iter().any(|x| x.stretch != w.stretch) {
        return None;
    }
    let who = referent_who(text, subject)?;
    Some(frame(expand_other(text, words, mentions, who, subject).0, subject.start, None))
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
            is_attribution(text, comma + 1, tail_end, finder)
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

/// Do the words from `start` read as an attribution: "Biden said." /
/// "he added," / "said Putin."?
fn is_attribution(text: &str, start: usize, end: usize, finder: &MentionFinder) -> bool {
    let words = narrative_words(text, &[(start, end)]);
    let mentions = finder.find(text, start, end);
    let is_subject = |w: &Word| {
        mentions.iter().any(|m| m.start == w.start && matches!(m.referent, Referent::Speaker(_) | Referent::Pronoun(_) | Referent::Other))
            || finder.misspelled_speaker(word_str(text, w)).is_some()
    };
    let mention_end = |w: &Word| mentions.iter().find(|m| m.start == w.start).map_or(w.end, |m| m.end);
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
    let is_verb = word_str(text, verb).starts_with(char::is_lowercase) && speech_verb(word_str(text, verb), None).is_some();
    let after_verb = if v == 0 { words.get(1).filter(|w| is_subject(w)).map(mention_end) } else { Some(verb.end) };
    is_verb && after_verb.is_some_and(|e| text[e..end].trim_start_matches(is_blank).starts_with(['.', ',', ';']))
}

/// A transcript line: "PUTIN: Yes, President Biden raised this issue. …".
/// Returns the speaker and where their words start, when the block opens
/// with a speaker's label and what follows is not a quotation (a quotation
/// after a label is read sentence by sentence like any other).
pub fn transcript_label(text: &str, start: usize, end: usize, finder: &MentionFinder) -> Option<(Who, usize)> {
    let head_end = text[start..end].char_indices().nth(80).map_or(end, |(i, _)| start + i);
    let colon = start + text[start..head_end].find(':')?;
    let stretches = [(start, colon)];
    let words = narrative_words(text, &stretches);
    let mentions = finder.find(text, start, colon);
    let i = words.len().checked_sub(1)?;
    let who = match label_before_colon(text, start, &words, i, &mentions, finder) {
        Some((who, _)) => who,
        // "Q:", "MODERATOR:", "THE PRESIDENT:" — someone's line, but not a
        // tracked speaker's: kept under its label.
        None => shouted_label(text, &words)?,
    };
    let content = after_blanks(text, colon + 1, end);
    let is_topic_label = words.iter().any(|w| word_str(text, w).eq_ignore_ascii_case("on"));
    let quoted = text[content..end].starts_with(crate::text::is_any_quote_mark);
    (!is_topic_label && !quoted && content < end).then_some((who, content))
}

/// A transcript label in capitals of at most three words ("Q", "MODERATOR").
fn shouted_label(text: &str, words: &[Word]) -> Option<Who> {
    let names: Vec<&str> = words.iter().map(|w| word_str(text, w)).skip_while(|w| w.chars().all(|c| c.is_ascii_digit())).collect();
    let shouted = !names.is_empty()
        && names.len() <= 3
        && names.iter().all(|w| w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic()) && w.chars().any(char::is_alphabetic));
    shouted.then(|| Who::Other(names.join(" ")))
}

/// "Putin:", "19:52 Biden:", "• PRESIDENT PUTIN:", "Putin on cyber:": the
/// speaker, and where the label starts. Only a time or a bullet may come
/// before the name.
fn label_before_colon(
    text: &str,
    sentence_start: usize,
    words: &[Word],
    i: usize,
    mentions: &[Mention],
    finder: &MentionFinder,
) -> Option<(Who, usize)> {
    let first = words.iter().position(|x| !word_str(text, x).chars().all(|c| c.is_ascii_digit()))?;
    if first > i || words[first].stretch != words[i].stretch {
        return None;
    }
    let lead = &text[sentence_start..words[first].start];
    if !lead.chars().all(|c| c.is_ascii_digit() || is_blank(c) || ":.•*-–—·".contains(c)) {
        return None;
    }
    let start = words[first].start;
    let name_end = words[i].end;
    let m = mentions.iter().find(|m| m.start == start);
    match m {
        Some(m) if m.end == name_end => {
            let who = referent_who(text, m)?;
            matches!(who, Who::Speaker(_) | Who::Other(_)).then(|| (expand_other(text, words, mentions, who, m).0, start))
        }
        // "Putin on cyber:" — a speaker, then what the words are about.
        Some(m @ Mention { referent: Referent::Speaker(sp), .. }) => {
            let next = words.iter().find(|x| x.start >= m.end)?;
            let on = word_str(text, next).eq_ignore_ascii_case("on") && text[m.end..next.start].chars().all(is_blank);
            (on && i - first <= 6).then_some((Who::Speaker(*sp), start))
        }
        Some(_) => None,
        // A lone capitalised word before a colon counts only as a tracked name.
        None if first == i => Some((Who::Speaker(finder.misspelled_speaker(word_str(text, &words[i]))?), start)),
        None => None,
    }
}

/// The sentence's subject: the first mention in its opening words (after an
/// introductory phrase such as "Before boarding,"), if it is not possessive
/// and not the object of a preposition.
fn sentence_subject_mention<'m>(text: &str, s: &Sentence, words: &[Word], mentions: &'m [Mention]) -> Option<&'m Mention> {
    let window_end = words.get(8).map_or(s.end, |w| w.start);
    mentions
        .iter()
        .filter(|m| m.start < window_end)
        .find(|m| !is_possessive(text, m) && !after_preposition(text, words, m))
}

fn referent_who(text: &str, m: &Mention) -> Option<Who> {
    Some(match &m.referent {
        Referent::Speaker(i) => Who::Speaker(*i),
        Referent::Pronoun(p) => Who::Pronoun(p.clone()),
        Referent::Relative => Who::Relative,
        Referent::Collective => Who::Collective(text[m.start..m.end].to_string()),
        Referent::Other => Who::Other(text[m.start..m.end].to_string()),
    })
}

/// Is the word the first of its stretch (right after a quotation)?
fn starts_stretch(words: &[Word], i: usize) -> bool {
    i == 0 || words[i - 1].stretch != words[i].stretch
}

/// The start of the last few characters before `at` (not before `floor`):
/// enough to read the joining words there without scanning the sentence.
fn near_before(text: &str, floor: usize, at: usize) -> usize {
    text[floor..at].char_indices().rev().nth(24).map_or(floor, |(i, _)| floor + i)
}

/// Does a comma, semicolon or a coordinating "and"/"but" come right before `at`?
fn preceded_by_join(text: &str, floor: usize, at: usize) -> bool {
    let floor = near_before(text, floor, at);
    // A comma inside a closing quote joins too: "…,” adding that …".
    let before = text[floor..at].trim_end_matches(|c: char| is_blank(c) || crate::text::is_any_quote_mark(c));
    before.ends_with([',', ';', '—', '–'])
        || JOINING_CONJUNCTIONS.iter().any(|conj| ends_with_word(before, conj))
            && before[..before.len() - before.rsplit(' ').next().map_or(0, str::len)].trim_end().ends_with(',')
}

/// Does `s` end with `suffix`, ASCII letters compared in any case?
fn ends_with_ignoring_case(s: &str, suffix: &str) -> bool {
    s.len() >= suffix.len() && s.as_bytes()[s.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// Does `s` end with a space and then the ASCII `word`, in any case (" and")?
fn ends_with_word(s: &str, word: &str) -> bool {
    s.len() > word.len() && s.as_bytes()[s.len() - word.len() - 1] == b' ' && ends_with_ignoring_case(s, word)
}

/// Where the joining words before `at` start (", adding" starts at the comma).
fn clause_join_start(text: &str, floor: usize, at: usize) -> usize {
    let floor = near_before(text, floor, at);
    let before = &text[floor..at];
    let mut trimmed = before.trim_end_matches(is_blank);
    for conj in JOINING_CONJUNCTIONS {
        if ends_with_word(trimmed, conj) {
            trimmed = trimmed[..trimmed.len() - conj.len()].trim_end_matches(is_blank);
        }
    }
    let trimmed = trimmed.trim_end_matches([',', ';', '—', '–']).trim_end_matches(is_blank);
    floor + trimmed.len()
}

/// The subject right before the verb at `i`: a mention or a capitalised name,
/// with at most three short words ("also", "has") between; failing that, the
/// nearest mention earlier in the same stretch that is not an object.
fn subject_before(
    text: &str,
    words: &[Word],
    i: usize,
    mentions: &[Mention],
    finder: &MentionFinder,
) -> Option<(Who, usize)> {
    let stretch = words[i].stretch;
    let mut j = i;
    for _ in 0..=3 {
        if j == 0 || words[j - 1].stretch != stretch {
            break;
        }
        j -= 1;
        let w = &words[j];
        // Only white space may stand between the candidate and what follows.
        if !text[w.end..words[j + 1].start].chars().all(is_blank) {
            break;
        }
        if let Some(m) = mentions.iter().find(|m| m.end == w.end) {
            if is_possessive(text, m) {
                break;
            }
            return referent_who(text, m).map(|who| expand_other(text, words, mentions, who, m));
        }
        let word = word_str(text, w);
        if is_name_like(word) {
            let mut start = name_run_start(text, words, j);
            if let Some(sp) = finder.misspelled_speaker(word) {
                return Some((Who::Speaker(sp), start));
            }
            // A role before the name belongs to it ("Kremlin spokesman Dmitry Peskov").
            if let Some(role) = mentions.iter().find(|m| m.referent == Referent::Other && m.end < start && text[m.end..start].chars().all(is_blank)) {
                start = expand_other(text, words, mentions, Who::Other(String::new()), role).1;
            }
            return Some((Who::Other(text[start..w.end].to_string()), start));
        }
        let lower = word.to_lowercase();
        if !BETWEEN_SUBJECT_AND_VERB.contains(&lower.as_str()) && !lower.ends_with("ly") {
            break;
        }
    }
    nearest_subject(text, words, i, mentions)
}

/// A subject a few words before its verb: the first mention of the stretch
/// with at most four words and no comma before the verb ("Biden returned to
/// stress"), or a mention set off by commas ("Putin, speaking after the
/// talks, said"). Possessives and objects ("with Putin") never count.
fn nearest_subject(text: &str, words: &[Word], i: usize, mentions: &[Mention]) -> Option<(Who, usize)> {
    let stretch = words[i].stretch;
    // Far enough back for "Putin, at the news conference that followed the talks in Geneva, declared".
    let first = (0..i).rev().take(30).take_while(|&k| words[k].stretch == stretch).last()?;
    let from = words[first].start;
    let to = words[i].start;
    let candidates: Vec<&Mention> = mentions
        .iter()
        .filter(|m| m.start >= from && m.end <= to && !is_possessive(text, m) && !after_preposition(text, words, m))
        .collect();
    let set_off = candidates.iter().rev().find(|m| {
        let between = &text[m.end..to];
        between.trim_start_matches(is_blank).starts_with(',') && between.trim_end_matches(is_blank).ends_with(',')
    });
    let leading = candidates.first().filter(|m| {
        let between = &text[m.end..to];
        let near = words.iter().filter(|w| w.start >= m.end && w.end <= to).count() <= 12;
        let opens_stretch = m.start == words[first].start && starts_stretch(words, first);
        near && !between.contains(',') && (opens_stretch || words.iter().filter(|w| w.start >= m.end && w.end <= to).count() <= 4)
    });
    set_off.or(leading).and_then(|m| referent_who(text, m).map(|w| (w, m.start)))
}

fn after_preposition(text: &str, words: &[Word], m: &Mention) -> bool {
    let Some(k) = words.iter().rposition(|w| w.end <= m.start) else { return false };
    let prev = word_str(text, &words[k]).to_lowercase();
    // "his Russian counterpart" is one mention; "with his Russian counterpart" is an object.
    PREPOSITIONS.contains(&prev.as_str()) || OBJECT_VERBS.contains(&prev.as_str())
}

/// "said Putin", "asked the Russian president": the subject after the verb,
/// only right after a quotation.
fn inverted_subject(text: &str, words: &[Word], i: usize, mentions: &[Mention], finder: &MentionFinder) -> Option<Who> {
    if !starts_stretch(words, i) {
        return None;
    }
    subject_after(text, words, i + 1, words[i].stretch, mentions, finder)
}

/// Who comes after "according to": a mention, or a capitalised name.
fn subject_after(
    text: &str,
    words: &[Word],
    from: usize,
    stretch: usize,
    mentions: &[Mention],
    finder: &MentionFinder,
) -> Option<Who> {
    let window: Vec<usize> = (from..words.len()).take(4).take_while(|&k| words[k].stretch == stretch).collect();
    for k in window {
        let w = &words[k];
        // "according to him": the object pronoun, read as the person it stands for.
        match word_str(text, w).to_lowercase().as_str() {
            "him" => return Some(Who::Pronoun(Pronoun::He)),
            // "her" alone, not "her spokesman".
            "her" if text[w.end..].trim_start_matches(is_blank).starts_with([',', '.', ';']) => {
                return Some(Who::Pronoun(Pronoun::She))
            }
            _ => {}
        }
        let here = mentions.iter().find(|m| m.start == w.start && !is_possessive(text, m));
        match here.map(|m| (m, &m.referent)) {
            Some((m, Referent::Speaker(_) | Referent::Other | Referent::Collective)) => {
                let who = referent_who(text, m)?;
                return Some(expand_other(text, words, mentions, who, m).0);
            }
            Some(_) => return None, // "said who", "said he": not a subject after the verb
            None => {}
        }
        let word = word_str(text, w);
        if is_name_like(word) {
            if let Some(sp) = finder.misspelled_speaker(word) {
                return Some(Who::Speaker(sp));
            }
            // "one European official": the role after the names names them all.
            let run_end = name_run_forward_end(text, words, k);
            let role = mentions.iter().find(|m| m.referent == Referent::Other && words.get(run_end + 1).is_some_and(|n| n.start == m.start));
            return Some(match role {
                Some(m) => expand_other(text, words, mentions, Who::Other(String::new()), m).0,
                None => Who::Other(text[w.start..words[run_end].end].to_string()),
            });
        }
        // Determiners and modifiers ("a senior official") may come first.
        let lower = word.to_lowercase();
        if PREPOSITIONS.contains(&lower.as_str()) || NOT_MODIFIERS.contains(&lower.as_str()) || speech_verb(&lower, None).is_some() {
            return None;
        }
    }
    None
}

/// An "other" mention is named by its whole noun phrase ("a White House
/// official", "Kremlin spokesman Dmitry Peskov"); returns it with its start.
fn expand_other(text: &str, words: &[Word], mentions: &[Mention], who: Who, m: &Mention) -> (Who, usize) {
    if !matches!(who, Who::Other(_)) {
        return (who, m.start);
    }
    let Some(first) = words.iter().position(|w| w.end > m.start) else { return (who, m.start) };
    let stretch = words[first].stretch;
    let joined = |a: &Word, b: &Word| a.stretch == b.stretch && text[a.end..b.start].chars().all(is_blank);
    // Back over the modifiers, up to and including a determiner.
    let mut k = first;
    while k > 0 && first - k < 4 && joined(&words[k - 1], &words[k]) {
        let lower = word_str(text, &words[k - 1]).to_lowercase();
        if PREPOSITIONS.contains(&lower.as_str())
            || OBJECT_VERBS.contains(&lower.as_str())
            || speech_verb(&lower, None).is_some()
            || NOT_MODIFIERS.contains(&lower.as_str())
        {
            break;
        }
        k -= 1;
        if DETERMINERS.contains(&lower.as_str()) {
            break;
        }
    }
    // On over roles and a name that follow ("Kremlin spokesman Dmitry Peskov").
    let mut e = words.iter().rposition(|w| w.end <= m.end).unwrap_or(first);
    while e + 1 < words.len() && words[e + 1].stretch == stretch && joined(&words[e], &words[e + 1]) {
        let next = &words[e + 1];
        let is_role = mentions.iter().any(|o| o.referent == Referent::Other && o.start == next.start);
        if !is_role && !is_name_like(word_str(text, next)) {
            break;
        }
        e += 1;
    }
    let (start, end) = (words[k].start.min(m.start), words[e].end.max(m.end));
    (Who::Other(text[start..end].to_string()), start)
}

fn is_name_like(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && word.chars().any(char::is_lowercase)
        && !NOT_NAMES.contains(&word.to_lowercase().as_str())
        && speech_verb(word, None).is_none()
}

fn name_run_start(text: &str, words: &[Word], j: usize) -> usize {
    let mut k = j;
    while k > 0 && words[k - 1].stretch == words[j].stretch && is_name_like(word_str(text, &words[k - 1])) {
        k -= 1;
    }
    words[k].start
}

/// Index of the last word of the run of names starting at `k`.
fn name_run_forward_end(text: &str, words: &[Word], k: usize) -> usize {
    let mut e = k;
    while e + 1 < words.len() && words[e + 1].stretch == words[k].stretch && is_name_like(word_str(text, &words[e + 1])) {
        e += 1;
    }
    e
}

/// Where the reported clause of the verb at `i` starts: after "that" (within
/// a few words), or right after the verb when a clause plainly follows it
/// ("said he would", "noting what").
fn clause_start(text: &str, s: &Sentence, words: &[Word], i: usize, verb: SpeechVerb) -> Option<usize> {
    let w = &words[i];
    let after = text[w.end..s.end].trim_start_matches(is_blank);
    if after.starts_with([',', ':', ';']) || after.starts_with(crate::text::is_any_quote_mark) {
        return None;
    }
    // "said he would", "suggested the US would respond", "noting what": a
    // clause right after the verb, if it has a verb of its own.
    if let Some(next) = words.get(i + 1).filter(|n| n.stretch == w.stretch) {
        let first = word_str(text, next).to_lowercase();
        let opens = CLAUSE_OPENERS.contains(&first.as_str()) || is_name_like(word_str(text, next));
        if first != "that" && opens && (has_finite_verb(text, words, i + 1) || verb.participle) {
            return Some(next.start);
        }
    }
    // "said in a news conference after the summit that …", "told reporters that …".
    let mut k = i + 1;
    while k < words.len() && k <= i + 20 {
        let between = &text[words[k - 1].end..words[k].start];
        if words[k].stretch != w.stretch || between.contains([':', ';']) {
            break;
        }
        let word = word_str(text, &words[k]).to_lowercase();
        if word == "that" {
            return Some(after_blanks(text, words[k].end, s.end));
        }
        if speech_verb(&word, None).is_some() {
            break;
        }
        k += 1;
    }
    None
}

/// Does a verb follow within the first few words from `k` ("the United
/// States would respond", "he gave Putin a list")? Without one, "stressed
/// the importance of the meeting" is an object, not a clause.
fn has_finite_verb(text: &str, words: &[Word], k: usize) -> bool {
    let stretch = words[k].stretch;
    words[k..].iter().take(8).take_while(|w| w.stretch == stretch).skip(1).take_while(|w| {
        // A relative clause ("the leader who is in prison") is not the clause's own verb.
        !RELATIVES.contains(&word_str(text, w).to_lowercase().as_str())
    }).any(|w| {
        let t = word_str(text, w);
        let lower = t.to_lowercase();
        t.starts_with(char::is_lowercase)
            && (FINITE.contains(&lower.as_str()) || (lower.ends_with("ed") && lower.len() > 4) || lower.ends_with("n't"))
    })
}

fn after_blanks(text: &str, from: usize, limit: usize) -> usize {
    let rest = &text[from..limit];
    from + (rest.len() - rest.trim_start_matches(is_blank).len())
}

/// Where a reported clause must end: before the next frame joined to the
/// sentence by a comma or conjunction (", adding that"), and before a new
/// subject after a comma and conjunction (", but the Russian leader gave …").
fn clause_bounds(s: &Sentence, frames: &[Frame], mentions: &[Mention]) -> Vec<usize> {
    let mut bounds: Vec<usize> = frames.iter().filter(|f| f.coordinated).map(|f| f.zone_start).collect();
    for m in mentions {
        let before = s.text[near_before(s.text, s.start, m.start)..m.start].trim_end_matches(is_blank);
        let after_conjunction = CLAUSE_CONJUNCTIONS.iter().any(|c| {
            ends_with_ignoring_case(before, c)
                && before[..before.len() - c.len()].trim_end_matches(is_blank).ends_with(',')
        });
        if (after_conjunction || before.ends_with(';')) && !is_possessive(s.text, m) {
            bounds.push(clause_join_start(s.text, s.start, m.start));
        }
    }
    // "he said there was room for cooperation: “…”" — the quotation is its own.
    for q in &s.quotes {
        let (qs, _) = q.outer();
        let before = s.text[s.start..qs].trim_end_matches(is_blank);
        if before.ends_with(':') {
            bounds.push(s.start + before.len() - 1);
        }
    }
    bounds.push(s.end);
    bounds.sort_unstable();
    bounds.dedup();
    bounds
}

/// The first bound after `from`.
fn bound_after(bounds: &[usize], from: usize) -> usize {
    bounds.iter().copied().find(|&b| b > from).unwrap_or(from)
}

/// A clause runs to the end of the sentence or to the next bound.
fn close_clauses(s: &Sentence, frames: &mut [Frame], bounds: &[usize]) {
    for f in frames.iter_mut() {
        let Some((cs, _)) = f.clause else { continue };
        f.clause = trim_clause(s.text, cs, bound_after(bounds, cs));
    }
}

/// A clause without trailing punctuation, joining words or the sentence's
/// final stop; `None` if nothing is left.
fn trim_clause(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
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
    (text[start..e].split_whitespace().count() >= 2).then_some((start, e))
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
}

fn statements(s: &Sentence, words: &[Word], frames: &[Frame], bounds: &[usize]) -> Vec<Found> {
    let text = s.text;
    let mut found: Vec<Found> = Vec::new();
    let mut used = vec![false; s.quotes.len()];
    let overlaps = |found: &[Found], a: usize, b: usize| found.iter().any(|f| f.start < b && a < f.end);

    // "according to X": the whole sentence is X's account, unless someone
    // else is named as speaking in it ("Biden said …, according to a
    // transcript"): then X is only the source of the report.
    for f in frames.iter().filter(|f| f.kind == FrameKind::According) {
        let others_speak = frames.iter().any(|o| {
            o.kind != FrameKind::According
                && o.who != f.who
                && matches!(o.who, Who::Speaker(_) | Who::Other(_) | Who::Pronoun(_) | Who::Collective(_))
        });
        if others_speak {
            continue;
        }
        let (a, b) = sentence_body(text, s.start, s.end);
        if let Some(st) = clause_statement(s, a, b, f.who.clone(), &mut used) {
            found.push(st);
        }
    }
    // Reported clauses.
    for f in frames.iter() {
        let Some((a, b)) = f.clause else { continue };
        if overlaps(&found, a, b) {
            continue;
        }
        if let Some(st) = clause_statement(s, a, b, f.who.clone(), &mut used) {
            found.push(st);
        }
    }
    // Reported speech with its frame after it or set in it by commas.
    for f in frames.iter().filter(|f| is_parenthetical(s, words, f)) {
        let start = found.iter().map(|x| x.end).filter(|&e| e <= f.zone_start).max().unwrap_or(s.start);
        let start = after_blanks(text, start, s.end);
        let (a, b) = sentence_body(text, s.start, s.end);
        let end = if text[f.verb.1..b].trim_matches(|c: char| is_blank(c) || c == ',').is_empty() { f.zone_start } else { b };
        if start >= a && !overlaps(&found, start, end) {
            if let Some((a, b)) = trim_clause(text, start, end) {
                if let Some(st) = clause_statement(s, a, b, f.who.clone(), &mut used) {
                    found.push(st);
                }
            }
        }
    }
    // Quotations not inside a clause.
    let mut frame_of_previous: Option<usize> = None;
    for (qi, q) in s.quotes.iter().enumerate() {
        if used[qi] || overlaps(&found, q.start, q.end) {
            continue;
        }
        let fragment = word_count(&text[q.start..q.end]) < FRAGMENT_WORDS;
        let opens_sentence = stands_alone(q, words);
        let after = frame_after(s, q, frames);
        let before = frame_before(s, words, q, frames);
        // "“We will,” he said, “respond.”": the frame between two quotations
        // speaks both, however short the second.
        let resumed = before.filter(|&(f, gap)| gap == 0 && frame_of_previous == Some(f));
        frame_of_previous = None;
        // A fragment is a statement only where it opens the sentence
        // ("“Positive,” he said.") or is what a verb calls something.
        if let Some(f) = after.filter(|_| !fragment || opens_sentence) {
            found.push(direct(q, frames[f].who.clone()));
            frame_of_previous = Some(f);
        } else if let Some((f, _)) = resumed {
            found.push(direct(q, frames[f].who.clone()));
        } else if let Some((f, gap)) = before {
            let f = &frames[f];
            // "said: “Every fleet counts.”" — what a colon or comma introduces is
            // an utterance however short; "urged “restraint”" is not.
            let introduced = gap == 0 && s.text[f.verb.1..q.outer().0].contains([',', ':']);
            if !fragment || introduced {
                found.push(direct(q, f.who.clone()));
            } else if matches!(f.kind, FrameKind::Verb(_)) {
                // "called the talks “positive”": the verb phrase, to the end
                // of its clause, carries it.
                let start = f.verb.0;
                if let Some((a, b)) = trim_clause(text, start, bound_after(bounds, q.end)) {
                    if !overlaps(&found, a, b) {
                        found.push(Found { start: a, end: b, kind: super::Kind::Mixed, who: f.who.clone() });
                    }
                }
            }
        } else if !fragment && opens_sentence {
            found.push(direct(q, Who::Continuation));
        } else if !fragment && frames.is_empty() {
            found.push(direct(q, Who::Unknown));
        }
    }
    found.sort_by_key(|f| f.start);
    found
}

/// A short frame set off by a comma after narrative words: "…, he added."
/// or "Russia, he said, had sent …". Not one right after a quotation, which
/// frames the quotation.
fn is_parenthetical(s: &Sentence, words: &[Word], f: &Frame) -> bool {
    let FrameKind::Verb(_) = f.kind else { return false };
    if f.clause.is_some() || f.who == Who::Unknown || !f.coordinated {
        return false;
    }
    let frame_words = words.iter().filter(|w| w.start >= f.zone_start && w.end <= f.verb.1).count();
    let after_quote = s.quotes.iter().any(|q| {
        let (_, e) = q.outer();
        e <= f.zone_start && s.text[e..f.zone_start].chars().all(|c| is_blank(c) || c == ',')
    });
    let rest = s.text[f.verb.1..s.end].trim_start_matches(is_blank);
    let ends_or_goes_on = rest.starts_with(',') || rest.trim_end_matches(|c: char| is_terminal(c) || is_blank(c)).is_empty();
    // "…, he said, “…”" introduces a quotation: the words before are not his.
    let before_quote = rest.trim_start_matches(|c: char| c == ',' || is_blank(c)).starts_with(crate::text::is_any_quote_mark);
    frame_words <= 4 && !after_quote && !before_quote && ends_or_goes_on
}

/// The sentence without its final stop.
fn sentence_body(text: &str, start: usize, end: usize) -> (usize, usize) {
    let t = text[start..end].trim_end_matches(is_blank);
    let t = t.strip_suffix('.').unwrap_or(t);
    (start, start + t.len())
}

/// The statement for a reported clause, marking the quotes it holds as used.
fn clause_statement(s: &Sentence, a: usize, b: usize, who: Who, used: &mut [bool]) -> Option<Found> {
    let inside: Vec<usize> = (0..s.quotes.len()).filter(|&k| s.quotes[k].start >= a && s.quotes[k].end <= b).collect();
    for &k in &inside {
        used[k] = true;
    }
    let len = s.text[a..b].chars().count() as f64;
    if let [only] = inside.as_slice() {
        let q = s.quotes[*only];
        let share = s.text[q.start..q.end].chars().count() as f64 / len;
        if share >= QUOTE_SHARE_FOR_DIRECT {
            return Some(direct(q, who));
        }
    }
    let kind = if inside.is_empty() { super::Kind::Indirect } else { super::Kind::Mixed };
    Some(Found { start: a, end: b, kind, who })
}

fn direct(q: &Quote, who: Who) -> Found {
    Found { start: q.start, end: q.end, kind: super::Kind::Direct, who }
}

/// A frame right after the quotation ("…,” he said.), that does not itself
/// introduce something else (a clause, a colon, another quotation).
fn frame_after(s: &Sentence, q: &Quote, frames: &[Frame]) -> Option<usize> {
    let (_, qend) = q.outer();
    frames.iter().position(|f| {
        let gap = &s.text[qend.min(f.zone_start)..f.zone_start];
        f.zone_start >= qend
            && gap.chars().all(|c| is_blank(c) || c == ',')
            && f.clause.is_none()
            && !matches!(f.kind, FrameKind::Colon)
            && !s.text[f.verb.1..s.end].trim_start_matches(is_blank).starts_with(':')
    })
}

/// The nearest frame before the quotation (by index), with the number of
/// words between its verb and the quotation (at most a few, within the
/// sentence).
fn frame_before(s: &Sentence, words: &[Word], q: &Quote, frames: &[Frame]) -> Option<(usize, usize)> {
    let (qstart, _) = q.outer();
    let i = frames.iter().rposition(|f| f.verb.1 <= qstart)?;
    let f = &frames[i];
    if f.kind == FrameKind::According {
        return None;
    }
    let gap = words.iter().filter(|w| w.start >= f.verb.1 && w.end <= qstart).count();
    let between = &s.text[f.verb.1..qstart];
    let crosses_sentence = between.chars().any(is_terminal);
    (gap <= MAX_FRAME_GAP_WORDS && !crosses_sentence).then_some((i, gap))
}

/// A quotation that opens its sentence, with no frame of its own: the
/// speaker of the sentences before goes on.
fn stands_alone(q: &Quote, words: &[Word]) -> bool {
    let (qs, _) = q.outer();
    words.first().is_none_or(|w| w.start >= qs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words_of(text: &str) -> Vec<&str> {
        narrative_words(text, &[(0, text.len())]).iter().map(|w| word_str(text, w)).collect()
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
        let words: Vec<&str> = narrative_words(text, &[(0, 8), (8, text.len())]).iter().map(|w| word_str(text, w)).collect();
        assert_eq!(words, ["he", "said", "it's", "over"]);
    }
}
