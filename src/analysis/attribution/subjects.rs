//! Who a frame's subject is: the words before its verb, after it ("said
//! Putin"), or the sentence's own subject.

use super::words::{is_name_like, Word};
use super::{Reader, Who};
use crate::analysis::lexicon::{
    ends_with_folded, WordList, BETWEEN_SUBJECT_AND_VERB, DAY_PARTS, DETERMINERS, FINITE, NOT_MODIFIERS, OBJECT_VERBS, PREPOSITIONS, RELATIVES,
    WEEKDAYS,
};
use crate::analysis::mentions::{is_possessive, Mention, Referent};
use crate::analysis::verbs::speech_verb;
use crate::summit::Pronoun;
use crate::text::is_blank;

impl Reader<'_> {
    /// The subject right before the verb at `i`: a mention or a capitalised name,
    /// with at most three short words ("also", "has") between; failing that, the
    /// nearest mention earlier in the same stretch that is not an object.
    pub(super) fn subject_before(&self, i: usize) -> Option<(Who, usize)> {
        let (text, words) = (self.text, &self.words);
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
            if let Some(m) = self.mentions.iter().find(|m| m.end == w.end) {
                if is_possessive(text, m) {
                    break;
                }
                if let Some(joint) = self.joint_subject(m) {
                    return Some(joint);
                }
                return self.referent_who(m).map(|who| self.expand_other(who, m));
            }
            let word = self.word_str(w);
            // "Putin on Wednesday evening rejected …": the day is no subject.
            if self.in_day_phrase(j, word) {
                continue;
            }
            if is_name_like(word) {
                return Some(self.name_before(j));
            }
            if !BETWEEN_SUBJECT_AND_VERB.has(word) && !ends_with_folded(word, "ly") {
                break;
            }
        }
        self.nearest_subject(i)
    }

    /// Is the word at `j` (`word`) part of a day named between a subject
    /// and its verb: the weekday, "on" before it, a part of the day after it?
    fn in_day_phrase(&self, j: usize, word: &str) -> bool {
        let is_weekday = |k: usize| self.words.get(k).is_some_and(|w| WEEKDAYS.has(self.word_str(w)));
        WEEKDAYS.has(word) || word.eq_ignore_ascii_case("on") && is_weekday(j + 1) || DAY_PARTS.has(word) && j > 0 && is_weekday(j - 1)
    }

    /// "he and Biden agreed": a subject of two joined by "and". With a
    /// pronoun first, it is the reported speaker telling of himself and the
    /// other, and his; otherwise ("Putin and Biden agreed") it is a group,
    /// no one's in particular.
    fn joint_subject(&self, m: &Mention) -> Option<(Who, usize)> {
        let k = self.words.iter().rposition(|w| w.end <= m.start)?;
        let and = &self.words[k];
        if !self.word_is(and, "and") || !self.text[and.end..m.start].chars().all(is_blank) || k == 0 {
            return None;
        }
        let first = &self.words[k - 1];
        let other = self.mentions.iter().find(|o| o.end == first.end && !is_possessive(self.text, o))?;
        let who = match &other.referent {
            Referent::Pronoun(p) => Who::Pronoun(p.clone()),
            _ => Who::Collective(self.text[other.start..m.end].to_string()),
        };
        Some((who, other.start))
    }

    /// The person named by the run of names ending with the word at `j`,
    /// with where the name starts.
    fn name_before(&self, j: usize) -> (Who, usize) {
        let w = &self.words[j];
        let mut start = self.name_run_start(j);
        if let Some(sp) = self.finder.misspelled_speaker(self.word_str(w)) {
            return (Who::Speaker(sp), start);
        }
        // A role before the name belongs to it ("Kremlin spokesman Dmitry Peskov").
        let role = self
            .mentions
            .iter()
            .find(|m| m.referent == Referent::Other && m.end < start && self.text[m.end..start].chars().all(is_blank));
        if let Some(role) = role {
            start = self.expand_other(Who::Other(String::new()), role).1;
        }
        (Who::Other(self.text[start..w.end].to_string()), start)
    }

    /// A subject a few words before its verb: the first mention of the stretch
    /// with at most four words and no comma before the verb ("Biden returned to
    /// stress"), or a mention set off by commas ("Putin, speaking after the
    /// talks, said"). Possessives and objects ("with Putin") never count.
    fn nearest_subject(&self, i: usize) -> Option<(Who, usize)> {
        let (text, words) = (self.text, &self.words);
        let stretch = words[i].stretch;
        // Far enough back for "Putin, at the news conference that followed the talks in Geneva, declared".
        let first = (0..i).rev().take(30).take_while(|&k| words[k].stretch == stretch).last()?;
        let from = words[first].start;
        let to = words[i].start;
        let candidates: Vec<&Mention> = self
            .mentions
            .iter()
            .filter(|m| m.start >= from && m.end <= to && !is_possessive(text, m) && !self.after_preposition(m))
            .collect();
        let set_off = candidates.iter().rev().find(|m| {
            let between = &text[m.end..to];
            between.trim_start_matches(is_blank).starts_with(',') && between.trim_end_matches(is_blank).ends_with(',')
        });
        let words_between = |m: &Mention| words.iter().filter(|w| w.start >= m.end && w.end <= to).count();
        let leading = candidates.first().filter(|m| {
            let between = &text[m.end..to];
            let near = words_between(m) <= 12;
            let opens_stretch = m.start == words[first].start && self.starts_stretch(first);
            near && !between.contains(',') && (opens_stretch || words_between(m) <= 4)
        });
        let m = set_off.or(leading)?;
        // "Putin and Biden left having agreed …": both, no one in particular.
        let joined = self.mentions.iter().find(|n| n.start > m.end && self.text[m.end..n.start].trim().eq_ignore_ascii_case("and"));
        if let Some(joint) = joined.and_then(|n| self.joint_subject(n)) {
            return Some(joint);
        }
        self.referent_who(m).map(|w| (w, m.start))
    }

    pub(super) fn after_preposition(&self, m: &Mention) -> bool {
        let Some(k) = self.words.iter().rposition(|w| w.end <= m.start) else { return false };
        let prev = self.word_str(&self.words[k]);
        // "his Russian counterpart" is one mention; "with his Russian counterpart" is an object.
        PREPOSITIONS.has(prev) || OBJECT_VERBS.has(prev)
    }

    /// "said Putin", "asked the Russian president": the subject after the verb,
    /// only right after a quotation.
    pub(super) fn inverted_subject(&self, i: usize) -> Option<Who> {
        if !self.starts_stretch(i) {
            return None;
        }
        let who = self.subject_after(i + 1, self.words[i].stretch)?;
        // "Okafor, whom Lindqvist called a “hard man”, said the Nordland
        // leader was …": a person after the verb with a finite verb of their
        // own is the subject of the reported clause, not the speaker.
        (!self.named_with_own_verb(i + 1)).then_some(who)
    }

    /// "Okafor, whom Lindqvist once called a “hard man”, said …": the
    /// sentence opens with a person and a relative clause set off by commas,
    /// and the verb at `i` comes right after the clause's closing comma. The
    /// quotation inside the clause hides the person from a search within the
    /// verb's own stretch of narrative.
    pub(super) fn subject_across_relative_clause(&self, i: usize) -> Option<Who> {
        let m = self.opening_mention()?;
        let verb = &self.words[i];
        let opener = self.text[m.end..verb.start].trim_start_matches(is_blank).strip_prefix(',')?;
        let relative = opener.trim_start_matches(is_blank).split(|c: char| !c.is_alphabetic()).next()?;
        if !RELATIVES.has(relative) || relative.eq_ignore_ascii_case("that") {
            return None;
        }
        let before_verb = self.text[m.end..verb.start].trim_end_matches(|c: char| is_blank(c) || crate::text::is_any_quote_mark(c));
        // No comma but the two that set the clause off (the closing one may
        // stand inside the quotation's marks).
        let commas = self.text[m.end..verb.start].match_indices(',').filter(|&(k, _)| !self.in_quotation(m.end + k)).count();
        if !before_verb.ends_with(',') || !(1..=2).contains(&commas) {
            return None;
        }
        self.referent_who(m)
    }

    /// Is the first person named in the few words from `from` (a mention,
    /// or a run of names) followed at once by a finite verb?
    fn named_with_own_verb(&self, from: usize) -> bool {
        let Some(stretch) = self.words.get(from).map(|w| w.stretch) else { return false };
        for k in (from..self.words.len()).take(4).take_while(|&k| self.words[k].stretch == stretch) {
            let w = &self.words[k];
            let end = match self.mentions.iter().find(|m| m.start == w.start) {
                Some(m) => m.end,
                None if is_name_like(self.word_str(w)) => self.words[self.name_run_forward_end(k)].end,
                None => continue,
            };
            let next = self.words.iter().find(|n| n.start >= end);
            return next.is_some_and(|n| n.stretch == stretch && self.text[end..n.start].chars().all(is_blank) && FINITE.has(self.word_str(n)));
        }
        false
    }

    /// Who comes after "according to": a mention, or a capitalised name.
    pub(super) fn subject_after(&self, from: usize, stretch: usize) -> Option<Who> {
        let (text, words) = (self.text, &self.words);
        let window: Vec<usize> = (from..words.len()).take(4).take_while(|&k| words[k].stretch == stretch).collect();
        for k in window {
            let w = &words[k];
            // "according to him": the object pronoun, read as the person it stands for.
            let pronoun = self.word_str(w);
            if pronoun.eq_ignore_ascii_case("him") {
                return Some(Who::Pronoun(Pronoun::He));
            }
            // "her" alone, not "her spokesman".
            if pronoun.eq_ignore_ascii_case("her") && text[w.end..].trim_start_matches(is_blank).starts_with([',', '.', ';']) {
                return Some(Who::Pronoun(Pronoun::She));
            }
            let here = self.mentions.iter().find(|m| m.start == w.start && !is_possessive(text, m));
            match here.map(|m| (m, &m.referent)) {
                Some((m, Referent::Speaker(_) | Referent::Other | Referent::Collective)) => {
                    let who = self.referent_who(m)?;
                    return Some(self.expand_other(who, m).0);
                }
                Some(_) => return None, // "said who", "said he": not a subject after the verb
                None => {}
            }
            let word = self.word_str(w);
            if is_name_like(word) {
                return Some(self.name_after(k));
            }
            // Determiners and modifiers ("a senior official") may come first.
            if PREPOSITIONS.has(word) || NOT_MODIFIERS.has(word) || speech_verb(word, None).is_some() {
                return None;
            }
        }
        None
    }

    /// The person named by the run of names starting with the word at `k`.
    fn name_after(&self, k: usize) -> Who {
        let w = &self.words[k];
        if let Some(sp) = self.finder.misspelled_speaker(self.word_str(w)) {
            return Who::Speaker(sp);
        }
        // "one European official": the role after the names names them all.
        let run_end = self.name_run_forward_end(k);
        let role = self
            .mentions
            .iter()
            .find(|m| m.referent == Referent::Other && self.words.get(run_end + 1).is_some_and(|n| n.start == m.start));
        match role {
            Some(m) => self.expand_other(Who::Other(String::new()), m).0,
            None => Who::Other(self.text[w.start..self.words[run_end].end].to_string()),
        }
    }

    /// An "other" mention is named by its whole noun phrase ("a White House
    /// official", "Kremlin spokesman Dmitry Peskov"); returns it with its start.
    pub(super) fn expand_other(&self, who: Who, m: &Mention) -> (Who, usize) {
        if !matches!(who, Who::Other(_)) {
            return (who, m.start);
        }
        let words = &self.words;
        let Some(first) = words.iter().position(|w| w.end > m.start) else { return (who, m.start) };
        let k = self.noun_phrase_start(first);
        let e = self.noun_phrase_end(first, m);
        let (start, end) = (words[k].start.min(m.start), words[e].end.max(m.end));
        (Who::Other(self.text[start..end].to_string()), start)
    }

    /// Are the words next to each other in one stretch, with only blanks between?
    fn joined(&self, a: &Word, b: &Word) -> bool {
        a.stretch == b.stretch && self.text[a.end..b.start].chars().all(is_blank)
    }

    /// Back from the word `first` over the modifiers, up to and including a
    /// determiner: the index of the noun phrase's first word.
    fn noun_phrase_start(&self, first: usize) -> usize {
        let words = &self.words;
        let mut k = first;
        while k > 0 && first - k < 4 && self.joined(&words[k - 1], &words[k]) {
            let word = self.word_str(&words[k - 1]);
            if PREPOSITIONS.has(word) || OBJECT_VERBS.has(word) || speech_verb(word, None).is_some() || NOT_MODIFIERS.has(word) {
                break;
            }
            k -= 1;
            if DETERMINERS.has(word) {
                break;
            }
        }
        k
    }

    /// On from the mention `m` over roles and a name that follow ("Kremlin
    /// spokesman Dmitry Peskov"): the index of the noun phrase's last word.
    fn noun_phrase_end(&self, first: usize, m: &Mention) -> usize {
        let words = &self.words;
        let stretch = words[first].stretch;
        let mut e = words.iter().rposition(|w| w.end <= m.end).unwrap_or(first);
        while e + 1 < words.len() && words[e + 1].stretch == stretch && self.joined(&words[e], &words[e + 1]) {
            let next = &words[e + 1];
            let is_role = self.mentions.iter().any(|o| o.referent == Referent::Other && o.start == next.start);
            if !is_role && !is_name_like(self.word_str(next)) {
                break;
            }
            e += 1;
        }
        e
    }

    /// The mention the sentence opens with ("Putin, smiling, waved, saying …";
    /// "He paused, adding …"), if it opens with one.
    pub(super) fn sentence_subject(&self) -> Option<Who> {
        let m = self.opening_mention()?;
        self.referent_who(m).map(|who| self.expand_other(who, m).0)
    }

    /// The mention the sentence (after any dateline) opens with, if it is
    /// not possessive.
    fn opening_mention(&self) -> Option<&Mention> {
        let begin = self.after_dateline();
        let first = self.words.iter().find(|w| w.start >= begin).filter(|w| w.start == begin)?;
        self.mentions.iter().find(|m| m.start == first.start && !is_possessive(self.text, m))
    }

    /// The sentence's subject: the first mention in its opening words (after an
    /// introductory phrase such as "Before boarding,"), if it is not possessive
    /// and not the object of a preposition.
    pub(super) fn sentence_subject_mention(&self) -> Option<&Mention> {
        let window_end = self.words.get(8).map_or(self.end, |w| w.start);
        self.mentions
            .iter()
            .filter(|m| m.start < window_end)
            .find(|m| !is_possessive(self.text, m) && !self.after_preposition(m))
    }

    pub(super) fn referent_who(&self, m: &Mention) -> Option<Who> {
        Some(match &m.referent {
            Referent::Speaker(i) => Who::Speaker(*i),
            Referent::Pronoun(p) => Who::Pronoun(p.clone()),
            Referent::Relative => Who::Relative,
            Referent::Collective => Who::Collective(self.text[m.start..m.end].to_string()),
            Referent::Other => Who::Other(self.text[m.start..m.end].to_string()),
        })
    }

    /// A person named at the very start of the sentence and followed by a verb
    /// (a lower-case word): a tracked speaker, a role ("The spokesman"), or a
    /// full name of two or more words. A single capitalised word is too often a
    /// place ("Geneva was sunny") to count.
    pub(super) fn opening_subject(&self) -> Option<Who> {
        let (text, words) = (self.text, &self.words);
        let begin = self.after_dateline();
        let first = words.iter().find(|w| w.start >= begin).filter(|w| w.start == begin)?;
        if let Some(m) = self.mentions.iter().find(|m| m.start == first.start && matches!(m.referent, Referent::Speaker(_))) {
            return match m.referent {
                // "Biden struck a firmer tone", "Biden, speaking later, struck …",
                // a live blog's "Putin is now speaking.".
                Referent::Speaker(i)
                    if !is_possessive(text, m)
                        && (self.followed_by_verb(m.end) || self.followed_by_auxiliary(m.end) || text[m.end..].starts_with(',')) =>
                {
                    Some(Who::Speaker(i))
                }
                _ => None,
            };
        }
        // A role, with whatever names it: "Fisheries minister Jon Haugen has …".
        for m in self.mentions.iter().filter(|m| m.referent == Referent::Other && m.start < first.start + 60) {
            if let (who @ Who::Other(_), start) = self.expand_other(Who::Other(String::new()), m) {
                let Who::Other(label) = &who else { unreachable!() };
                if start == first.start && !is_possessive(text, m) && self.followed_by_verb(start + label.len()) {
                    return Some(who);
                }
            }
        }
        let mut e = 0;
        while e < words.len()
            && is_name_like(self.word_str(&words[e]))
            && (e == 0 || text[words[e - 1].end..words[e].start].chars().all(is_blank))
        {
            e += 1;
        }
        (e >= 2 && self.followed_by_verb(words[e - 1].end)).then(|| Who::Other(text[first.start..words[e - 1].end].to_string()))
    }

    /// Is `end` followed, across blanks only, by a lower-case word that is
    /// neither a preposition nor a joining word (a verb, most likely)?
    /// Where the sentence's own words start, after a wire dateline
    /// ("GENEVA (Vostok Wire) — ", "GENEVA, June 16 (NWS) - "): a place in
    /// capitals, perhaps a date and an agency in brackets, then a dash.
    pub(super) fn after_dateline(&self) -> usize {
        let head = &self.text[self.start..self.end];
        let place = head.find(|c: char| !(c.is_uppercase() || c == ' ' || c == '.' || c == '-')).unwrap_or(0);
        if head[..place].chars().filter(|c| c.is_uppercase()).count() < 2 {
            return self.start;
        }
        let rest = &head[place..];
        // A date after a comma ("…, June 16"), then an agency in brackets.
        let rest = rest.strip_prefix(',').map_or(rest, |r| r.trim_start_matches(|c: char| c.is_alphanumeric() || c == ' ' || c == '.'));
        let rest = match rest.trim_start().strip_prefix('(') {
            Some(r) => match r.find(')') {
                Some(close) if close <= 40 => &r[close + 1..],
                _ => return self.start,
            },
            None => rest,
        };
        let Some(after_dash) = rest.trim_start().strip_prefix(['—', '–', '-']) else { return self.start };
        self.end - after_dash.trim_start_matches(is_blank).len()
    }

    /// Is the word right after `end` "is" or "was" ("Putin is now speaking")?
    fn followed_by_auxiliary(&self, end: usize) -> bool {
        self.words.iter().find(|w| w.start >= end).is_some_and(|w| {
            self.text[end..w.start].chars().all(is_blank) && matches!(self.word_str(w), "is" | "was")
        })
    }

    fn followed_by_verb(&self, end: usize) -> bool {
        self.words.iter().find(|w| w.start >= end).is_some_and(|w| {
            let t = self.word_str(w);
            self.text[end..w.start].chars().all(is_blank)
                && t.chars().next().is_some_and(char::is_lowercase)
                && !PREPOSITIONS.contains(&t)
                && !NOT_MODIFIERS.contains(&t)
        })
    }
}
