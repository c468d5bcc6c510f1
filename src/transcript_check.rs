//! Quotations checked against the transcript.
//!
//! A transcript (an article read turn by turn, see `analysis::transcript`) is
//! the primary source: what a leader said, as it was said. Each quotation of
//! a leader in any other article is looked for in that leader's turns in
//! every loaded transcript, and the check says one of three things:
//! - **same words**: every quoted word is there, in the same order, with
//!   nothing left out between them (case and punctuation aside);
//! - **close**: most of them are, with a few words changed, cut or left out
//!   (an edit, another translation); the words that differ are listed;
//! - **not found**: a transcript of that leader is loaded and holds none of it.
//!
//! Reported speech without quotation marks is not checked: its words are the
//! reporter's. In a mixed statement only the quoted words are, each
//! quotation on its own. A speaker with no transcript loaded gets no check at
//! all, never "not found".
//!
//! The place of a quotation is found from the runs of three words it shares
//! with a transcript, on word stems (as the versions of a statement are
//! found), so an edited word does not hide it; the words there are then
//! compared one by one (a diff), on stems for what matches and on their letters for what is
//! shown as changed ("sanction" quoted where the transcript says "sanctions").

use std::collections::{HashMap, HashSet};

use similar::{capture_diff_slices, Algorithm, DiffOp};

use crate::stems::StemTable;
use crate::summit::SpeakerIx;

/// Quotations of fewer words are not checked: a few words in common with a
/// transcript say nothing about where they came from.
pub const MIN_CHECKED_WORDS: usize = 4;
/// A quotation is close to a place in a transcript when at least
/// `CLOSE_MATCHED.0 / CLOSE_MATCHED.1` of its words are found there in order…
const CLOSE_MATCHED: (usize, usize) = (3, 4);
/// …and the transcript has at most one word it left out per this many words
/// of the quotation.
const WORDS_PER_LEFT_OUT: usize = 4;
/// Runs of three words found at more places than this ("we have to") are
/// too common to tell where a quotation is.
const MAX_PLACES_PER_RUN: usize = 64;
/// How many of the likeliest places of a quotation are compared word by word.
const CANDIDATE_PLACES: usize = 3;

/// A statement as the check sees it: who said it, where, and its quoted words.
pub struct Said<'a> {
    /// The tracked speaker, if any: only theirs are checked or checked against.
    pub speaker: Option<SpeakerIx>,
    /// The article it is in: one speaker's turns in one transcript are read
    /// as one run of words, so a quotation may run over from one to the next.
    pub article: usize,
    /// A turn of a transcript (what others are checked against), or a
    /// statement in any other article (what is checked).
    pub in_transcript: bool,
    /// Its words in quotation marks, each quotation apart: the whole
    /// statement for a direct one, none for reported speech.
    pub quoted: Vec<&'a str>,
}

/// What the check says of one statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Check {
    /// The same words, at statement `transcript` (an index into the list checked).
    Same { transcript: usize },
    /// Close to the words at statement `transcript`; `words` are the
    /// quotation's words and the transcript's, each marked where they differ.
    Close { transcript: usize, words: Vec<DiffWord> },
    /// Not found in any loaded transcript of the speaker.
    NotFound,
}

/// A word of a comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffWord {
    pub text: String,
    pub change: Change,
}

/// Where a word of a comparison is found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// In both.
    Both,
    /// In the quotation only: a word changed or added by the report.
    Quotation,
    /// In the transcript only: a word the report changed or left out.
    Transcript,
    /// Between two quotations of one statement (shown as "…").
    Gap,
}

/// Checks every statement of `said` that can be checked; the result is in
/// the same order, `None` where there was nothing to check.
pub fn check(said: &[Said]) -> Vec<Option<Check>> {
    let mut stems = StemTable::new();
    let transcripts = Transcripts::read(said, &mut stems);
    said.iter()
        .map(|s| match s.speaker {
            Some(speaker) if !s.in_transcript && transcripts.has_speaker(speaker) => {
                let quotations: Vec<Vec<Word>> = s
                    .quoted
                    .iter()
                    .map(|q| words(q, &mut stems))
                    .filter(|w| w.len() >= MIN_CHECKED_WORDS)
                    .collect();
                (!quotations.is_empty()).then(|| transcripts.check(speaker, &quotations))
            }
            _ => None,
        })
        .collect()
}

/// A word as written and as compared.
struct Word<'a> {
    /// As written, without the punctuation around it.
    text: &'a str,
    /// Its letters and digits, lower-cased: what "the same word" means.
    letters: String,
    /// Its stem's number: what finds the place and lines words up.
    stem: u32,
}

/// The words of `text`: split at white space and dashes, keeping every
/// piece with a letter or digit in it.
fn words<'a>(text: &'a str, stems: &mut StemTable) -> Vec<Word<'a>> {
    text.split(|c: char| c.is_whitespace() || matches!(c, '\u{2013}' | '\u{2014}' | '/'))
        .filter_map(|piece| {
            let letters: String = piece.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
            if letters.is_empty() {
                return None;
            }
            let stem = stems.word(&letters);
            Some(Word { text: piece.trim_matches(|c: char| !c.is_alphanumeric()), letters, stem })
        })
        .collect()
}

/// One speaker's turns in one transcript, as one run of words.
struct Turns<'a> {
    words: Vec<Word<'a>>,
    /// `statement[k]`: the statement (index into the list checked) that
    /// word `k` belongs to.
    statement: Vec<usize>,
}

/// A run of three word stems, with the speaker whose turns hold it.
type Run = (SpeakerIx, [u32; 3]);
/// Where a run is: which turns, and the number of its first word there.
type Place = (u32, u32);

/// Every loaded transcript, ready to be searched.
struct Transcripts<'a> {
    turns: Vec<Turns<'a>>,
    /// The speakers with turns in some transcript.
    speakers: HashSet<SpeakerIx>,
    /// Each speaker's runs of three stems, and where they are: (turns, word).
    places: HashMap<Run, Vec<Place>>,
}

impl<'a> Transcripts<'a> {
    fn read(said: &[Said<'a>], stems: &mut StemTable) -> Transcripts<'a> {
        let mut turns: Vec<Turns> = Vec::new();
        let mut of_speaker: HashMap<(usize, SpeakerIx), usize> = HashMap::new();
        let mut speaker_of: Vec<SpeakerIx> = Vec::new();
        for (i, s) in said.iter().enumerate() {
            let Some(speaker) = s.speaker.filter(|_| s.in_transcript) else { continue };
            let t = *of_speaker.entry((s.article, speaker)).or_insert_with(|| {
                turns.push(Turns { words: Vec::new(), statement: Vec::new() });
                speaker_of.push(speaker);
                turns.len() - 1
            });
            for q in &s.quoted {
                let added = words(q, stems);
                turns[t].statement.extend(std::iter::repeat_n(i, added.len()));
                turns[t].words.extend(added);
            }
        }
        let mut places: HashMap<Run, Vec<Place>> = HashMap::new();
        for (t, turn) in turns.iter().enumerate() {
            for (k, run) in turn.words.windows(3).enumerate() {
                let key = (speaker_of[t], [run[0].stem, run[1].stem, run[2].stem]);
                places.entry(key).or_default().push((t as u32, k as u32));
            }
        }
        Transcripts { turns, speakers: speaker_of.into_iter().collect(), places }
    }

    fn has_speaker(&self, speaker: SpeakerIx) -> bool {
        self.speakers.contains(&speaker)
    }

    /// The check of a statement whose quotations are `quotations`.
    fn check(&self, speaker: SpeakerIx, quotations: &[Vec<Word>]) -> Check {
        let found: Vec<Option<Match>> = quotations.iter().map(|q| self.find(speaker, q)).collect();
        let Some(first) = found.iter().flatten().next() else { return Check::NotFound };
        if found.iter().all(|m| m.as_ref().is_some_and(|m| m.same)) {
            return Check::Same { transcript: first.statement };
        }
        let mut words = Vec::new();
        for (q, m) in quotations.iter().zip(&found) {
            if !words.is_empty() {
                words.push(DiffWord { text: "\u{2026}".to_string(), change: Change::Gap });
            }
            match m {
                Some(m) => words.extend(m.words.iter().cloned()),
                None => words.extend(q.iter().map(|w| DiffWord { text: w.text.to_string(), change: Change::Quotation })),
            }
        }
        Check::Close { transcript: first.statement, words }
    }

    /// The best place of one quotation in the speaker's turns, if it is
    /// there or close to it.
    fn find(&self, speaker: SpeakerIx, quotation: &[Word]) -> Option<Match> {
        // Each run of three words votes for where the quotation would start.
        let mut votes: HashMap<(u32, i64), usize> = HashMap::new();
        for (k, run) in quotation.windows(3).enumerate() {
            let Some(at) = self.places.get(&(speaker, [run[0].stem, run[1].stem, run[2].stem])) else { continue };
            if at.len() > MAX_PLACES_PER_RUN {
                continue;
            }
            for &(t, w) in at {
                *votes.entry((t, i64::from(w) - k as i64)).or_default() += 1;
            }
        }
        let mut likeliest: Vec<((u32, i64), usize)> = votes.into_iter().collect();
        likeliest.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        likeliest
            .iter()
            .take(CANDIDATE_PLACES)
            .filter_map(|&((t, start), _)| self.compare(&self.turns[t as usize], start, quotation))
            .max_by_key(|m| (m.same, m.matched, std::cmp::Reverse(m.left_out)))
    }

    /// Compares `quotation` word by word with the turns around word `start`.
    fn compare(&self, turns: &Turns, start: i64, quotation: &[Word]) -> Option<Match> {
        let len = quotation.len();
        // Room for words the quotation left out, or cut at either end.
        let slack = (len / 2 + 2) as i64;
        let from = (start - slack).max(0) as usize;
        let to = ((start + len as i64 + slack).max(0) as usize).min(turns.words.len());
        if from >= to {
            return None;
        }
        let window = &turns.words[from..to];
        let quoted: Vec<u32> = quotation.iter().map(|w| w.stem).collect();
        let there: Vec<u32> = window.iter().map(|w| w.stem).collect();
        let steps = Step::trimmed(Step::all(&capture_diff_slices(Algorithm::Myers, &quoted, &there)));
        let first_match = steps.iter().find_map(|s| match *s {
            Step::Both(_, t) => Some(t),
            _ => None,
        })?;
        let mut m = Match { statement: turns.statement[from + first_match], same: true, matched: 0, left_out: 0, words: Vec::new() };
        for step in steps {
            m.add(step, quotation, window);
        }
        let close = m.matched * CLOSE_MATCHED.1 >= len * CLOSE_MATCHED.0 && m.left_out * WORDS_PER_LEFT_OUT <= len;
        (m.same || close).then_some(m)
    }
}

/// One word of a comparison, by its place in the quotation and the transcript.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// The same stem in both.
    Both(usize, usize),
    /// A word of the quotation only.
    Quoted(usize),
    /// A word of the transcript only.
    Said(usize),
}

impl Step {
    /// The words of a diff, one by one; a replaced run is the quotation's
    /// words, then the transcript's.
    fn all(ops: &[DiffOp]) -> Vec<Step> {
        let mut steps = Vec::new();
        for op in ops {
            let (_, old, new) = op.as_tag_tuple();
            match op {
                DiffOp::Equal { .. } => steps.extend(old.zip(new).map(|(q, t)| Step::Both(q, t))),
                _ => {
                    steps.extend(old.map(Step::Quoted));
                    steps.extend(new.map(Step::Said));
                }
            }
        }
        steps
    }

    /// Drops the transcript's words before the first and after the last
    /// word in common: there the quotation was cut short, it changed
    /// nothing. Only as many are kept as the quotation has words of its own
    /// there, the words it replaced ("until the spring" against "until the
    /// autumn, and nobody…" keeps "autumn").
    fn trimmed(steps: Vec<Step>) -> Vec<Step> {
        let Some(first) = steps.iter().position(|s| matches!(s, Step::Both(..))) else { return Vec::new() };
        let last = steps.iter().rposition(|s| matches!(s, Step::Both(..))).unwrap_or(first);
        let replaced = |edge: &[Step]| edge.iter().filter(|s| matches!(s, Step::Quoted(_))).count();
        let (head, rest) = steps.split_at(first);
        let (middle, tail) = rest.split_at(last + 1 - first);
        // Before the match: the transcript words nearest to it.
        let mut keep_before = replaced(head);
        let mut out: Vec<Step> = Vec::with_capacity(steps.len());
        let head_said = head.iter().filter(|s| matches!(s, Step::Said(_))).count();
        let mut skip = head_said.saturating_sub(keep_before);
        for &s in head {
            match s {
                Step::Said(_) if skip > 0 => skip -= 1,
                Step::Said(_) if keep_before > 0 => {
                    keep_before -= 1;
                    out.push(s);
                }
                Step::Said(_) => {}
                _ => out.push(s),
            }
        }
        out.extend_from_slice(middle);
        // After it: the transcript words nearest to it.
        let mut keep_after = replaced(tail);
        for &s in tail {
            match s {
                Step::Said(_) if keep_after > 0 => {
                    keep_after -= 1;
                    out.push(s);
                }
                Step::Said(_) => {}
                _ => out.push(s),
            }
        }
        out
    }
}

/// A quotation laid along a transcript.
struct Match {
    /// The transcript statement where the words first match.
    statement: usize,
    /// Every word the same, in order, nothing left out.
    same: bool,
    /// Words of the quotation found (on stems).
    matched: usize,
    /// Words of the transcript between the first and the last matched that
    /// the quotation changed or left out.
    left_out: usize,
    words: Vec<DiffWord>,
}

impl Match {
    fn add(&mut self, step: Step, quotation: &[Word], window: &[Word]) {
        let word = |w: &Word, change| DiffWord { text: w.text.to_string(), change };
        match step {
            Step::Both(q, t) if quotation[q].letters == window[t].letters => {
                self.matched += 1;
                self.words.push(word(&quotation[q], Change::Both));
            }
            Step::Both(q, t) => {
                // One stem, another form ("fishery", "fisheries"): found,
                // but not the same words.
                self.matched += 1;
                self.same = false;
                self.words.extend([word(&quotation[q], Change::Quotation), word(&window[t], Change::Transcript)]);
            }
            Step::Quoted(q) => {
                self.same = false;
                self.words.push(word(&quotation[q], Change::Quotation));
            }
            Step::Said(t) => {
                self.same = false;
                self.left_out += 1;
                self.words.push(word(&window[t], Change::Transcript));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An invented summit: the chancellor (0) and the premier (1). A
    /// transcript is article 0; news articles are 1 and on.
    fn turn(speaker: usize, words: &str) -> Said<'_> {
        Said { speaker: Some(SpeakerIx(speaker)), article: 0, in_transcript: true, quoted: vec![words] }
    }

    fn quote(speaker: usize, quoted: Vec<&str>) -> Said<'_> {
        Said { speaker: Some(SpeakerIx(speaker)), article: 1, in_transcript: false, quoted }
    }

    const CHANCELLOR: &str = "We spent four hours on the fisheries. The quotas stay where they are until the autumn, and nobody \
        should read more into it than that.";
    const PREMIER: &str = "Our boats will keep fishing in our own waters, as they always have.";

    fn checked(quotations: Vec<&str>, speaker: usize) -> Option<Check> {
        let said = [turn(0, CHANCELLOR), turn(1, PREMIER), quote(speaker, quotations)];
        check(&said).pop().unwrap()
    }

    fn changes(check: &Check) -> Vec<(Change, &str)> {
        match check {
            Check::Close { words, .. } => {
                words.iter().filter(|w| w.change != Change::Both).map(|w| (w.change, w.text.as_str())).collect()
            }
            _ => Vec::new(),
        }
    }

    #[test]
    fn the_same_words_are_found_whatever_the_case_and_punctuation() {
        assert_eq!(checked(vec!["the quotas stay where they are until the autumn"], 0), Some(Check::Same { transcript: 0 }));
        assert_eq!(checked(vec!["The quotas stay where they are, until the autumn."], 0), Some(Check::Same { transcript: 0 }));
    }

    #[test]
    fn a_changed_word_makes_it_close_and_is_shown() {
        let c = checked(vec!["The quotas will stay where they are until the spring"], 0).unwrap();
        assert!(matches!(c, Check::Close { transcript: 0, .. }), "{c:?}");
        assert_eq!(changes(&c), [(Change::Quotation, "will"), (Change::Quotation, "spring"), (Change::Transcript, "autumn")]);
    }

    #[test]
    fn another_form_of_a_word_is_close_not_the_same() {
        // One stem ("fisheri"), other letters.
        let c = checked(vec!["we spent four hours on the fishery"], 0).unwrap();
        assert_eq!(changes(&c), [(Change::Quotation, "fishery"), (Change::Transcript, "fisheries")]);
        // Two stems: a changed word.
        let c = checked(vec!["we spend four hours on the fisheries"], 0).unwrap();
        assert_eq!(changes(&c), [(Change::Quotation, "spend"), (Change::Transcript, "spent")]);
    }

    #[test]
    fn words_left_out_in_the_middle_are_shown() {
        let c = checked(vec!["The quotas stay until the autumn, and nobody should read more into it"], 0).unwrap();
        assert_eq!(
            changes(&c),
            [(Change::Transcript, "where"), (Change::Transcript, "they"), (Change::Transcript, "are")]
        );
    }

    #[test]
    fn words_never_said_are_not_found() {
        assert_eq!(checked(vec!["we will close the harbour to every foreign boat"], 0), Some(Check::NotFound));
    }

    #[test]
    fn another_speakers_words_are_not_this_speakers() {
        // The premier's words quoted as the chancellor's: not found in his turns.
        assert_eq!(checked(vec!["Our boats will keep fishing in our own waters"], 0), Some(Check::NotFound));
        assert_eq!(checked(vec!["Our boats will keep fishing in our own waters"], 1), Some(Check::Same { transcript: 1 }));
    }

    #[test]
    fn no_transcript_of_the_speaker_means_no_check() {
        let said = [turn(0, CHANCELLOR), quote(1, vec!["Our boats will keep fishing in our own waters"])];
        assert_eq!(check(&said)[1], None);
    }

    #[test]
    fn short_quotations_reported_speech_and_transcripts_are_not_checked() {
        assert_eq!(checked(vec!["four hours"], 0), None);
        assert_eq!(checked(vec![], 0), None);
        let said = [turn(0, CHANCELLOR), turn(0, "The quotas stay where they are")];
        assert_eq!(check(&said), [None, None]);
    }

    #[test]
    fn a_quotation_may_run_over_from_one_turn_to_the_next() {
        let said = [
            turn(0, "We spent four hours on the fisheries."),
            turn(0, "The quotas stay where they are."),
            quote(0, vec!["on the fisheries. The quotas stay"]),
        ];
        assert_eq!(check(&said)[2], Some(Check::Same { transcript: 0 }));
    }

    #[test]
    fn each_quotation_of_a_mixed_statement_is_checked_on_its_own() {
        let both = checked(vec!["four hours on the fisheries", "nobody should read more into it"], 0);
        assert_eq!(both, Some(Check::Same { transcript: 0 }));
        let one = checked(vec!["four hours on the fisheries", "we will close the harbour at once"], 0).unwrap();
        assert_eq!(changes(&one)[0], (Change::Gap, "\u{2026}"));
        assert!(changes(&one)[1..].iter().all(|(c, _)| *c == Change::Quotation), "{one:?}");
        assert!(matches!(one, Check::Close { transcript: 0, .. }));
    }

    #[test]
    fn a_paraphrase_far_from_the_words_is_not_close() {
        // Half the words differ: another sentence, not an edit of this one.
        assert_eq!(checked(vec!["the fishing quotas will not move before the new season starts"], 0), Some(Check::NotFound));
    }
}
