//! Turning a sentence's frames and quotations into statements.

use super::clauses::bound_after;
use super::frames::{Frame, FrameKind};
use super::{Found, Reader, Who};
use crate::analysis::lexicon::WordList;
use crate::analysis::quotes::Quote;
use crate::analysis::Kind;
use crate::text::{is_blank, is_terminal};

/// A quotation shorter than this many words is a fragment: a term the
/// reporter quotes, which only means something inside a clause.
const FRAGMENT_WORDS: usize = 4;
/// Words allowed between a verb and the quotation it introduces.
const MAX_FRAME_GAP_WORDS: usize = 10;
/// A verb of stance with fewer words than this in its phrase ("thanked
/// him") says too little to quote.
const STANCE_MIN_WORDS: usize = 3;
/// A clause that is at least this share quotation is the quotation itself.
const QUOTE_SHARE_FOR_DIRECT: f64 = 0.6;

/// Does a statement found so far overlap `a..b`?
fn overlaps(found: &[Found], a: usize, b: usize) -> bool {
    found.iter().any(|f| f.start < b && a < f.end)
}

impl Reader<'_> {
    pub(super) fn statements(&self, frames: &[Frame], bounds: &[usize]) -> Vec<Found> {
        let mut found: Vec<Found> = Vec::new();
        let mut used = vec![false; self.quotes.len()];
        self.according_statements(frames, &mut found, &mut used);
        // Reported clauses.
        for f in frames.iter() {
            let Some((a, b)) = f.clause else { continue };
            if overlaps(&found, a, b) {
                continue;
            }
            if let Some(st) = self.clause_statement(a, b, f.who.clone(), &mut used) {
                found.push(st);
            }
        }
        self.parenthetical_statements(frames, &mut found, &mut used);
        self.stance_statements(frames, bounds, &mut found, &mut used);
        self.quotation_statements(frames, bounds, &mut found, &used);
        found.sort_by_key(|f| f.start);
        found
    }

    /// "according to X": the whole sentence is X's account, unless someone
    /// else is named as speaking in it ("Biden said …, according to a
    /// transcript"): then X is only the source of the report.
    fn according_statements(&self, frames: &[Frame], found: &mut Vec<Found>, used: &mut [bool]) {
        for f in frames.iter().filter(|f| f.kind == FrameKind::According) {
            let others_speak = frames.iter().any(|o| {
                o.kind != FrameKind::According
                    && o.who != f.who
                    && matches!(o.who, Who::Speaker(_) | Who::Other(_) | Who::Pronoun(_) | Who::Collective(_))
            });
            if others_speak {
                continue;
            }
            let (a, b) = self.sentence_body();
            if let Some(st) = self.clause_statement(a, b, f.who.clone(), used) {
                found.push(st);
            }
        }
    }

    /// Reported speech with its frame after it or set in it by commas.
    fn parenthetical_statements(&self, frames: &[Frame], found: &mut Vec<Found>, used: &mut [bool]) {
        let text = self.text;
        for f in frames.iter().filter(|f| self.is_parenthetical(f)) {
            let start = found.iter().map(|x| x.end).filter(|&e| e <= f.zone_start).max().unwrap_or(self.start);
            let start = self.after_blanks(start);
            let (a, b) = self.sentence_body();
            let end = if text[f.verb.1..b].trim_matches(|c: char| is_blank(c) || c == ',').is_empty() { f.zone_start } else { b };
            if start >= a && !overlaps(found, start, end) {
                if let Some((a, b)) = self.trim_clause(start, end) {
                    if let Some(st) = self.clause_statement(a, b, f.who.clone(), used) {
                        found.push(st);
                    }
                }
            }
        }
    }

    /// Verbs of stance: "dismissed the charges as “nonsense”", "vowed to
    /// keep pressing": the verb phrase, to the end of its clause, is what
    /// its subject said. Not a verb right after a quotation ("“…,” warned
    /// Putin"), which frames the quotation.
    fn stance_statements(&self, frames: &[Frame], bounds: &[usize], found: &mut Vec<Found>, used: &mut [bool]) {
        for f in frames {
            let FrameKind::Verb(v) = f.kind else { continue };
            if !v.stance || f.clause.is_some() || f.who == Who::Unknown || self.follows_quotation(f.verb.0) {
                continue;
            }
            if !v.objects.is_empty() && !self.object_near(f.verb.1, v.objects) {
                continue;
            }
            // "dismissed the charges as “nonsense” and said …": the phrase
            // ends where a frame joined to it begins.
            let next_frame = frames
                .iter()
                .filter(|o| o.zone_start > f.verb.1 && (o.coordinated || self.follows_coordinator(o.zone_start)))
                .map(|o| self.clause_join_start(o.zone_start))
                .min();
            let end = bound_after(bounds, f.verb.1).min(next_frame.unwrap_or(usize::MAX));
            let end = self.end_at_quoted_term(f.verb.1, end);
            let Some((a, b)) = self.trim_clause(f.verb.0, end) else { continue };
            if has_fewer_words(&self.text[a..b], STANCE_MIN_WORDS) || overlaps(found, a, b) {
                continue;
            }
            if let Some(st) = self.clause_statement(a, b, f.who.clone(), used) {
                found.push(st);
            }
        }
    }

    /// A verb phrase that quotes a term ends with it when a comma follows
    /// ("branded the trials “persecution,” a comparison that …"): what comes
    /// after is the reporter's.
    pub(super) fn end_at_quoted_term(&self, from: usize, end: usize) -> usize {
        self.quotes
            .iter()
            .map(|q| q.outer())
            .filter(|&(s, e)| s >= from && e <= end)
            .find(|&(_, e)| {
                let inner_comma = self.text[..e].trim_end_matches(|c: char| crate::text::is_any_quote_mark(c)).ends_with(',');
                inner_comma || self.text[e..end].trim_start_matches(is_blank).starts_with(',')
            })
            .map_or(end, |(_, e)| e)
    }

    /// Does a quotation end right before `at` (with a comma between at most)?
    fn follows_quotation(&self, at: usize) -> bool {
        self.quotes.iter().any(|q| {
            let (_, e) = q.outer();
            e <= at && self.text[e..at].chars().all(|c| is_blank(c) || c == ',')
        })
    }

    /// Is one of `objects` among the few words after `at`?
    fn object_near(&self, at: usize, objects: &[&str]) -> bool {
        // Far enough for "listed Syria, Iran and Afghanistan as …".
        self.words.iter().filter(|w| w.start >= at).take(6).any(|w| objects.has(self.word_str(w)))
    }

    /// "“We are satisfied.” — a senior official": a dash after a quotation,
    /// then the person it is from.
    fn dash_attribution(&self, q: &Quote) -> Option<Who> {
        let (_, qe) = q.outer();
        // A quotation left open may run past the sentence: then nothing follows it here.
        let rest = self.text.get(qe..self.end)?.trim_start_matches(|c: char| is_blank(c) || c == ',');
        let after = rest.strip_prefix(['—', '–']).or_else(|| rest.strip_prefix("- "))?;
        let at = self.end - after.len();
        let k = self.words.iter().position(|w| w.start >= at)?;
        self.subject_after(k, self.words[k].stretch)
    }

    /// Quotations not inside a clause.
    fn quotation_statements(&self, frames: &[Frame], bounds: &[usize], found: &mut Vec<Found>, used: &[bool]) {
        let text = self.text;
        let mut frame_of_previous: Option<usize> = None;
        for (qi, q) in self.quotes.iter().enumerate() {
            if used[qi] || overlaps(found, q.start, q.end) {
                continue;
            }
            let fragment = has_fewer_words(&text[q.start..q.end], FRAGMENT_WORDS);
            let opens_sentence = self.stands_alone(q);
            let after = self.frame_after(q, frames);
            let before = self.frame_before(q, frames);
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
                let introduced = gap == 0 && text[f.verb.1..q.outer().0].contains([',', ':']);
                if !fragment || introduced {
                    found.push(direct(q, f.who.clone()));
                } else if matches!(f.kind, FrameKind::Verb(_)) {
                    // "called the talks “positive”": the verb phrase, to the end
                    // of its clause, carries it.
                    let start = f.verb.0;
                    if let Some((a, b)) = self.trim_clause(start, bound_after(bounds, q.end)) {
                        if !overlaps(found, a, b) {
                            found.push(Found { start: a, end: b, kind: Kind::Mixed, who: f.who.clone() });
                        }
                    }
                }
            } else if let Some(who) = self.dash_attribution(q).filter(|_| !fragment) {
                found.push(direct(q, who));
            } else if !fragment && opens_sentence {
                found.push(direct(q, Who::Continuation));
            } else if !fragment && frames.is_empty() {
                found.push(direct(q, Who::Unknown));
            }
        }
    }

    /// A short frame set off by a comma after narrative words: "…, he added."
    /// or "Russia, he said, had sent …". Not one right after a quotation, which
    /// frames the quotation.
    fn is_parenthetical(&self, f: &Frame) -> bool {
        let FrameKind::Verb(_) = f.kind else { return false };
        if f.clause.is_some() || f.who == Who::Unknown || !f.coordinated {
            return false;
        }
        let text = self.text;
        // Set off by a comma, not joined by a bare "and" ("praised the fleet
        // and agreed."): that verb is a second thing its subject did.
        if !text[f.zone_start..f.verb.0].contains([',', ';', '—', '–']) {
            return false;
        }
        let frame_words = self.words.iter().filter(|w| w.start >= f.zone_start && w.end <= f.verb.1).count();
        let after_quote = self.quotes.iter().any(|q| {
            let (_, e) = q.outer();
            e <= f.zone_start && text[e..f.zone_start].chars().all(|c| is_blank(c) || c == ',')
        });
        let rest = text[f.verb.1..self.end].trim_start_matches(is_blank);
        let ends_or_goes_on = rest.starts_with(',') || rest.trim_end_matches(|c: char| is_terminal(c) || is_blank(c)).is_empty();
        // "…, he said, “…”" introduces a quotation: the words before are not his.
        let before_quote = rest.trim_start_matches(|c: char| c == ',' || is_blank(c)).starts_with(crate::text::is_any_quote_mark);
        frame_words <= 4 && !after_quote && !before_quote && ends_or_goes_on
    }

    /// The sentence without its final stop.
    pub(super) fn sentence_body(&self) -> (usize, usize) {
        let t = self.text[self.start..self.end].trim_end_matches(is_blank);
        let t = t.strip_suffix('.').unwrap_or(t);
        (self.start, self.start + t.len())
    }

    /// The statement for a reported clause, marking the quotes it holds as used.
    fn clause_statement(&self, a: usize, b: usize, who: Who, used: &mut [bool]) -> Option<Found> {
        let quotes = self.quotes;
        let inside: Vec<usize> = (0..quotes.len()).filter(|&k| quotes[k].start >= a && quotes[k].end <= b).collect();
        for &k in &inside {
            used[k] = true;
        }
        let len = self.text[a..b].chars().count() as f64;
        if let [only] = inside.as_slice() {
            let q = quotes[*only];
            let share = self.text[q.start..q.end].chars().count() as f64 / len;
            if share >= QUOTE_SHARE_FOR_DIRECT {
                return Some(direct(q, who));
            }
        }
        let kind = if inside.is_empty() { Kind::Indirect } else { Kind::Mixed };
        Some(Found { start: a, end: b, kind, who })
    }

    /// A frame right after the quotation ("…,” he said.), that does not itself
    /// introduce something else (a clause, a colon, another quotation).
    fn frame_after(&self, q: &Quote, frames: &[Frame]) -> Option<usize> {
        let text = self.text;
        let (_, qend) = q.outer();
        frames.iter().position(|f| {
            let gap = &text[qend.min(f.zone_start)..f.zone_start];
            f.zone_start >= qend
                && gap.chars().all(|c| is_blank(c) || c == ',')
                && f.clause.is_none()
                && !matches!(f.kind, FrameKind::Colon)
                && !text[f.verb.1..self.end].trim_start_matches(is_blank).starts_with(':')
        })
    }

    /// The nearest frame before the quotation (by index), with the number of
    /// words between its verb and the quotation (at most a few, within the
    /// sentence).
    fn frame_before(&self, q: &Quote, frames: &[Frame]) -> Option<(usize, usize)> {
        let (qstart, _) = q.outer();
        let i = frames.iter().rposition(|f| f.verb.1 <= qstart)?;
        let f = &frames[i];
        if f.kind == FrameKind::According {
            return None;
        }
        let gap = self.words.iter().filter(|w| w.start >= f.verb.1 && w.end <= qstart).count();
        let between = &self.text[f.verb.1..qstart];
        let crosses_sentence = between.chars().any(is_terminal);
        (gap <= MAX_FRAME_GAP_WORDS && !crosses_sentence).then_some((i, gap))
    }

    /// A quotation that opens its sentence, with no frame of its own: the
    /// speaker of the sentences before goes on.
    fn stands_alone(&self, q: &Quote) -> bool {
        let (qs, _) = q.outer();
        self.words.first().is_none_or(|w| w.start >= qs)
    }
}

/// Does `s` hold fewer than `n` words (runs between white space with a
/// letter or digit)? Counts no further than `n`: a long quotation costs no
/// more than a short one.
fn has_fewer_words(s: &str, n: usize) -> bool {
    s.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).take(n).count() < n
}

fn direct(q: &Quote, who: Who) -> Found {
    Found { start: q.start, end: q.end, kind: Kind::Direct, who }
}
