//! Finding the frames of speech in a sentence: "Biden said", "said Putin",
//! "he added", "according to …", "Putin: …".

use super::words::Word;
use super::{Reader, Who};
use crate::analysis::lexicon::{
    ends_with_folded, WordList, COORDINATORS, MODALS, NEGATIONS, PASSIVE_AUXILIARIES, POSSESSIVE_DETERMINERS,
};
use crate::analysis::mentions::Mention;
use crate::analysis::verbs::{speech_verb, SpeechVerb};
use crate::text::is_blank;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum FrameKind {
    Verb(SpeechVerb),
    According,
    /// A noun of speech or a phrase without a verb ("his remark that",
    /// "In Biden's words,"): its clause is the owner's.
    Nominal,
    Colon,
}

#[derive(Debug, Clone)]
pub(super) struct Frame {
    pub(super) kind: FrameKind,
    /// The verb ("said"), "according to", or the colon.
    pub(super) verb: (usize, usize),
    /// Where the frame's own words start (its subject, or the comma before a
    /// participle): text before it can belong to an earlier frame.
    pub(super) zone_start: usize,
    /// The frame is joined to the sentence by a comma or a conjunction, so
    /// it ends the clause of the frame before it.
    pub(super) coordinated: bool,
    pub(super) who: Who,
    pub(super) clause: Option<(usize, usize)>,
}

/// The first subject known among `frames`, earliest first.
fn first_known<'f>(frames: impl IntoIterator<Item = &'f Frame>) -> Option<Who> {
    frames.into_iter().map(|f| f.who.clone()).find(|w| *w != Who::Unknown)
}

impl Reader<'_> {
    pub(super) fn find_frames(&self) -> Vec<Frame> {
        let mut frames = Vec::new();
        for i in 0..self.words.len() {
            if let Some(f) = self.according_frame(i) {
                frames.push(f);
                continue;
            }
            if let Some(f) = self.and_that_clause(i, &frames) {
                frames.push(f);
                continue;
            }
            if let Some(m) = self.colon_label(i) {
                frames.push(m);
                continue;
            }
            if let Some(f) = self.nominal_frame(i) {
                frames.push(f);
                continue;
            }
            if let Some(f) = self.verb_frame(i, &frames) {
                frames.push(f);
            }
        }
        self.give_opening_participles_their_subject(&mut frames);
        frames
    }

    /// "Ruling out a deal, the Russian leader said …": a participle that
    /// opens the sentence speaks for the subject of the clause it leads into,
    /// after the comma that closes its phrase. A frame inside the phrase
    /// ("Admitting he had hoped Okafor would give way, the chancellor
    /// said …") is part of what the participle reports: its subject, often a
    /// pronoun that points ahead to the main subject, is no guide.
    fn give_opening_participles_their_subject(&self, frames: &mut [Frame]) {
        let Some(first) = self.words.first() else { return };
        for k in 0..frames.len() {
            let opens = frames[k].verb.0 == first.start && matches!(frames[k].kind, FrameKind::Verb(v) if v.participle);
            if opens && frames[k].who == Who::Unknown {
                let phrase_end = self.comma_outside_quotes(frames[k].verb.1).unwrap_or(frames[k].verb.1);
                frames[k].who = first_known(frames[k + 1..].iter().filter(|f| f.verb.0 > phrase_end)).unwrap_or(Who::Unknown);
            }
        }
    }

    /// One leader reporting the other's words is the reporter's statement:
    /// in a sentence told "according to" a leader, every other leader's
    /// frame is his account; and a frame whose subject opens the reported
    /// clause of a leader's frame ("Biden recalled that Putin had told him:
    /// “…”") tells what that leader reports. Only a frame that opens the
    /// clause: in "said the talks were good and Putin told reporters: …" the
    /// clause may run on past "and" (clauses are closed loosely), but Putin
    /// speaks for himself. Only another tracked speaker named as its
    /// subject. Run once the clauses are closed.
    pub(super) fn give_reported_frames_their_reporter(&self, frames: &mut [Frame]) {
        // "According to Biden, Putin said …": the whole account is Biden's.
        let source = frames.iter().find_map(|f| match (f.kind, &f.who) {
            (FrameKind::According, Who::Speaker(x)) => Some(*x),
            _ => None,
        });
        if let Some(source) = source {
            for f in frames.iter_mut().filter(|f| matches!(f.who, Who::Speaker(y) if y != source)) {
                f.who = Who::Speaker(source);
            }
        }
        for j in 0..frames.len() {
            let Who::Speaker(inner) = frames[j].who else { continue };
            if frames[j].coordinated {
                continue;
            }
            let at = frames[j].verb.0;
            let reporter = frames.iter().enumerate().find(|&(i, f)| {
                i != j
                    && f.clause.is_some_and(|(a, b)| a == frames[j].zone_start && at < b)
                    && matches!(f.who, Who::Speaker(outer) if outer != inner)
            });
            if let Some((_, f)) = reporter {
                frames[j].who = f.who.clone();
            }
        }
    }

    /// The first comma from `from` to the end of the range that is not
    /// inside a quotation.
    fn comma_outside_quotes(&self, from: usize) -> Option<usize> {
        self.text[from..self.end].match_indices(',').map(|(i, _)| from + i).find(|&at| !self.in_quotation(at))
    }

    /// The word after the one at `i`, in the same stretch.
    fn next_in_stretch(&self, i: usize) -> Option<&str> {
        let w = &self.words[i];
        self.words.get(i + 1).filter(|n| n.stretch == w.stretch).map(|n| self.word_str(n))
    }

    /// Where the particle of a verb at `i` would be: the next word, or the
    /// one after "it" ("ruled it out", "made it clear").
    fn particle_slot(&self, i: usize) -> Option<usize> {
        let next = (i + 1 < self.words.len() && self.words[i + 1].stretch == self.words[i].stretch).then_some(i + 1)?;
        let after_it = (next + 1 < self.words.len() && self.words[next + 1].stretch == self.words[i].stretch).then_some(next + 1);
        match after_it {
            Some(k) if self.word_is(&self.words[next], "it") => Some(k),
            _ => Some(next),
        }
    }

    /// "according to X", starting at the word `i`.
    fn according_frame(&self, i: usize) -> Option<Frame> {
        let w = &self.words[i];
        if !(self.word_is(w, "according") && self.next_in_stretch(i).is_some_and(|n| n.eq_ignore_ascii_case("to"))) {
            return None;
        }
        let to = &self.words[i + 1];
        let who = self.subject_after(i + 2, w.stretch).unwrap_or(Who::Unknown);
        let zone_start = self.clause_join_start(w.start);
        Some(Frame { kind: FrameKind::According, verb: (w.start, to.end), zone_start, coordinated: true, who, clause: None })
    }

    /// A verb of saying at the word `i`, with its subject and clause.
    fn verb_frame(&self, i: usize, frames: &[Frame]) -> Option<Frame> {
        let w = &self.words[i];
        let word = self.word_str(w);
        let particle_at = self.particle_slot(i);
        let verb = speech_verb(word, particle_at.map(|k| self.word_str(&self.words[k])))?;
        // A capitalised "States" or "Says" mid-sentence is a name or a title.
        if word.starts_with(char::is_uppercase) && !self.starts_stretch(i) {
            return None;
        }
        // "Asked about Navalny, Biden said …", "Biden, asked what happens, …":
        // the speaker was asked; someone else's question frames nothing.
        // Negated speech ("did not repeat", "never said") is no statement.
        if self.is_passive_asked(w) || self.is_negated(i) || self.is_passive(i) || self.is_object_of_stance(i) {
            return None;
        }
        if self.is_possessed_noun(i) {
            return None;
        }
        let joined_by_comma = self.preceded_by_join(w.start);
        // "denounced the seizure and condemned the closure", "said the fleet
        // was safe and praised …": a verb joined by a bare "and" to a frame
        // before it speaks for that frame's subject (not for whoever the
        // words before name), and ends what that frame said.
        let joined_bare = if joined_by_comma { None } else { self.coordinated_subject(i, frames) };
        let mut inverted = false;
        let (who, zone_start) = if verb.participle && (joined_by_comma || self.starts_stretch(i)) {
            // "…, adding": whoever the sentence's last frame is about or, with
            // no frame before, whoever the sentence opens on.
            let who = self.joined_subject(frames).or_else(|| self.sentence_subject()).unwrap_or(Who::Unknown);
            (who, self.clause_join_start(w.start))
        } else if let Some(who) = joined_bare.clone() {
            (who, w.start)
        } else if let Some((who, at)) = self.subject_before(i) {
            (self.resolve_relative(who, at, frames), at)
        } else if let Some(who) = self.inverted_subject(i) {
            inverted = true;
            (who, w.start)
        } else if let Some(who) = self.subject_across_relative_clause(i) {
            // The frame's own words are the verb's: the clause between ends
            // what came before it ("called a “hard man”").
            (who, w.start)
        } else if let Some(who) = self.coordinated_subject(i, frames) {
            // "He described Biden as … and said …".
            (who, w.start)
        } else {
            (Who::Unknown, w.start)
        };
        let coordinated = verb.participle && joined_by_comma || joined_bare.is_some() || self.preceded_by_join(zone_start);
        // "…," said the president: what follows the verb is its subject, not a clause.
        // "pointed out that", "made it clear that": the clause follows the particle.
        let clause_from = if verb.particle.is_some() { particle_at.unwrap_or(i) } else { i };
        let clause = if verb.takes_clause && !inverted { self.clause_start(clause_from, verb) } else { None };
        Some(Frame {
            kind: FrameKind::Verb(verb),
            verb: (w.start, w.end),
            zone_start: if coordinated { self.clause_join_start(zone_start) } else { zone_start },
            coordinated,
            who,
            clause: clause.map(|c| (c, self.end)),
        })
    }

    /// "he said “…”, and that he had seen …": a second clause of the frame before.
    fn and_that_clause(&self, i: usize, frames: &[Frame]) -> Option<Frame> {
        let w = &self.words[i];
        let prev = i.checked_sub(1).map(|k| &self.words[k])?;
        if !self.word_is(w, "that") || !self.word_is(prev, "and") {
            return None;
        }
        let before_and =
            self.text[self.start..prev.start].trim_end_matches(|c: char| is_blank(c) || crate::text::is_any_quote_mark(c));
        let last = frames.last().filter(|f| matches!(f.kind, FrameKind::Verb(v) if v.takes_clause))?;
        let who = self.joined_subject(frames).unwrap_or(Who::Unknown);
        if !before_and.ends_with(',') || who == Who::Unknown {
            return None;
        }
        Some(Frame {
            kind: last.kind,
            verb: (prev.start, w.end),
            zone_start: self.clause_join_start(prev.start),
            coordinated: true,
            who,
            clause: Some((self.after_blanks(w.end), self.end)),
        })
    }

    /// "Asked about X, …" or "Biden, asked what …": the subject was asked. Not
    /// "“…?”, asked Putin", where the quotation is the question.
    pub(super) fn is_passive_asked(&self, w: &Word) -> bool {
        if !self.word_is(w, "asked") {
            return false;
        }
        let before = self.text[..w.start].trim_end_matches(is_blank);
        let sentence_start = before.is_empty() || before.ends_with(['.', '!', '?']);
        let after_comma = before
            .strip_suffix(',')
            .is_some_and(|b| !b.trim_end_matches(is_blank).ends_with(crate::text::is_any_quote_mark));
        sentence_start || after_comma
    }

    /// "did not say", "didn't repeat", "never mentioned": the word before the
    /// verb at `i` negates it.
    fn is_negated(&self, i: usize) -> bool {
        let Some(prev) = i.checked_sub(1).map(|k| &self.words[k]).filter(|p| p.stretch == self.words[i].stretch) else { return false };
        let word = self.word_str(prev);
        NEGATIONS.has(word) || ends_with_folded(word, "n't") || ends_with_folded(word, "n’t")
    }

    /// "had been warned that …", "was repeatedly told": a verb of saying in
    /// the passive says what was said to its subject. Not "was saying".
    fn is_passive(&self, i: usize) -> bool {
        if self.word_str(&self.words[i]).ends_with("ing") {
            return false;
        }
        let stretch = self.words[i].stretch;
        (0..i)
            .rev()
            .take(2)
            .take_while(|&k| self.words[k].stretch == stretch)
            .map(|k| self.word_str(&self.words[k]))
            .find(|w| !ends_with_folded(w, "ly"))
            .is_some_and(|w| PASSIVE_AUXILIARIES.has(w))
    }

    /// "expressed hope that …", "rejected claims that …": the word is the
    /// object of the verb of stance before it, a noun, not a verb of its
    /// own (what was rejected is not what was said).
    fn is_object_of_stance(&self, i: usize) -> bool {
        let Some(prev) = i.checked_sub(1).filter(|&k| self.words[k].stretch == self.words[i].stretch) else { return false };
        let word = self.word_str(&self.words[i]);
        speech_verb(self.word_str(&self.words[prev]), Some(word)).is_some_and(|v| v.stance && (v.objects.is_empty() || v.objects.has(word)))
    }

    /// "…and said", "…but added": a verb joined to the one before shares its subject.
    fn coordinated_subject(&self, i: usize, frames: &[Frame]) -> Option<Who> {
        self.follows_coordinator(self.words[i].start).then(|| self.joined_subject(frames)).flatten()
    }

    /// Whom a verb joined on after `frames` speaks for ("…, adding", "… and
    /// said", "…, and that"): the subject of the sentence's own frame, not of
    /// one inside its reported clause ("Lindqvist said Okafor had responded,
    /// and added …" is Lindqvist's). A frame after a modal ("Nordhavn would
    /// respond") is an act, not a speaker. A pronoun inside the clause
    /// ("Biden said he had raised …, and vowed …") does not stand against
    /// the sentence's own subject; `Unknown` when the nearest subject names
    /// someone other than the sentence's own: two people are in play, and
    /// guessing could put the words in the wrong mouth.
    fn joined_subject(&self, frames: &[Frame]) -> Option<Who> {
        let speaking = |f: &&Frame| f.who != Who::Unknown && !self.follows_modal(f.verb.0);
        let nearest = frames.iter().rev().find(speaking)?.who.clone();
        let inside_a_clause = |k: usize| frames[..k].iter().any(|g| g.clause.is_some_and(|(c, _)| c <= frames[k].verb.0));
        let own = (0..frames.len()).rev().filter(|&k| !inside_a_clause(k)).map(|k| &frames[k]).find(speaking);
        match own {
            Some(own) if own.who == nearest || matches!(nearest, Who::Pronoun(_)) => Some(own.who.clone()),
            Some(_) => Some(Who::Unknown),
            None => Some(nearest),
        }
    }

    /// Does a modal ("would", "will") come right before `at`?
    fn follows_modal(&self, at: usize) -> bool {
        self.words.iter().rev().find(|w| w.end <= at).is_some_and(|w| self.text[w.end..at].chars().all(is_blank) && MODALS.has(self.word_str(w)))
    }

    /// "Southland's hopes", "his remarks", "their claims": the word at `i`,
    /// right after a possessive, is a noun. After a name's "'s" only an -s
    /// form is ("Biden's said" is "has said", "Putin's saying" "is saying");
    /// after "her", which may be an object ("heard her say"), an -s or -ing
    /// form.
    fn is_possessed_noun(&self, i: usize) -> bool {
        let Some(prev) = i.checked_sub(1).filter(|&k| self.words[k].stretch == self.words[i].stretch) else { return false };
        let (owner, word) = (self.word_str(&self.words[prev]), self.word_str(&self.words[i]));
        if !self.text[self.words[prev].end..self.words[i].start].chars().all(is_blank) {
            return false;
        }
        let s_form = ends_with_folded(word, "s") && !ends_with_folded(word, "ss");
        if owner.eq_ignore_ascii_case("her") {
            return s_form || ends_with_folded(word, "ing");
        }
        if POSSESSIVE_DETERMINERS.has(owner) {
            return true;
        }
        let names_owner = ends_with_folded(owner, "'s") || ends_with_folded(owner, "’s");
        names_owner && s_form
    }

    /// Does "and", "but" or "then" come right before `at` ("… and said")?
    pub(super) fn follows_coordinator(&self, at: usize) -> bool {
        self.words.iter().rev().find(|w| w.end <= at).is_some_and(|w| {
            self.text[w.end..at].chars().all(is_blank) && COORDINATORS.has(self.word_str(w))
        })
    }

    /// "…, according to Putin, who said": "who" is the person named just before.
    fn resolve_relative(&self, who: Who, at: usize, frames: &[Frame]) -> Who {
        if who != Who::Relative {
            return who;
        }
        let named = self
            .mentions
            .iter()
            .rev()
            .filter(|m: &&Mention| m.end <= at)
            .find_map(|m| self.referent_who(m).filter(|w| matches!(w, Who::Speaker(_) | Who::Other(_))));
        named.or_else(|| frames.last().map(|f| f.who.clone())).unwrap_or(Who::Unknown)
    }
}
