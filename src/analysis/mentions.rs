//! Finding references to people: the tracked speakers by any of their
//! aliases, pronouns, groups ("the two sides") and other people who speak in
//! coverage (officials, spokesmen, analysts).

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::lexicon::{COLLECTIVES, OTHERS};
use crate::summit::{Pronoun, Summit};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Referent {
    /// A tracked speaker, by index into the summit's speakers.
    Speaker(usize),
    Pronoun(Pronoun),
    /// "who", referring back to the person just named.
    Relative,
    /// A group that includes the speakers ("the two sides", "both leaders").
    Collective,
    /// Someone who is not tracked: an official, a spokesman, an analyst.
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub referent: Referent,
}

pub struct MentionFinder {
    matcher: AhoCorasick,
    referents: Vec<Referent>,
    /// Lower-case one-word names of tracked speakers ("biden"), for
    /// recognising a misspelled name.
    surnames: Vec<(String, usize)>,
}

impl MentionFinder {
    pub fn new(summit: &Summit) -> MentionFinder {
        let mut patterns: Vec<String> = Vec::new();
        let mut referents = Vec::new();
        let mut add = |p: &str, r: Referent| {
            patterns.push(p.to_string());
            referents.push(r.clone());
            // Coverage writes apostrophes both ways; aliases are written once.
            if p.contains('\'') {
                patterns.push(p.replace('\'', "’"));
                referents.push(r);
            }
        };
        for (i, s) in summit.speakers.iter().enumerate() {
            for alias in &s.aliases {
                add(alias, Referent::Speaker(i));
            }
        }
        for p in ["he", "she"] {
            add(p, Referent::Pronoun(if p == "he" { Pronoun::He } else { Pronoun::She }));
        }
        add("who", Referent::Relative);
        for c in COLLECTIVES {
            add(c, Referent::Collective);
        }
        for o in OTHERS {
            add(o, Referent::Other);
        }
        let matcher = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            // A few hundred patterns: a DFA is small, and the fastest to run
            // over every stretch of narrative.
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .expect("alias patterns are plain strings");
        let surnames = summit
            .speakers
            .iter()
            .enumerate()
            .flat_map(|(i, s)| {
                s.aliases
                    .iter()
                    .filter(|a| !a.contains(' ') && a.chars().next().is_some_and(char::is_uppercase) && a.chars().count() >= 4)
                    .map(move |a| (a.to_lowercase(), i))
            })
            .collect();
        MentionFinder { matcher, referents, surnames }
    }

    /// Every whole-word mention in `text[start..end]`, left to right.
    pub fn find(&self, text: &str, start: usize, end: usize) -> Vec<Mention> {
        let mut found = Vec::new();
        self.find_into(text, start, end, &mut found);
        found
    }

    /// The same, added to `found`: a sentence's stretches go into one list.
    pub fn find_into(&self, text: &str, start: usize, end: usize, found: &mut Vec<Mention>) {
        let hay = &text[start..end];
        found.extend(self.matcher.find_iter(hay).filter(|m| is_word_boundary(hay, m.start(), m.end())).map(|m| {
            Mention { start: start + m.start(), end: start + m.end(), referent: self.referents[m.pattern().as_usize()].clone() }
        }));
    }

    /// A capitalised word that is not a known name but is one slip of the
    /// keyboard from a tracked speaker's name ("Badin" for "Biden"): the same
    /// first letter, about the same length, and at most one edit for short
    /// names or two for names of five letters or more.
    pub fn misspelled_speaker(&self, word: &str) -> Option<usize> {
        let first = word.chars().next()?;
        if !first.is_uppercase() {
            return None;
        }
        let lower = word.to_lowercase();
        let mut found = None;
        for (name, i) in &self.surnames {
            if *name == lower {
                return Some(*i);
            }
            let same_first = name.chars().next() == lower.chars().next();
            let len_gap = name.chars().count().abs_diff(lower.chars().count());
            let allowed = if name.chars().count() >= 5 { 2 } else { 1 };
            if same_first && len_gap <= 1 && strsim::damerau_levenshtein(name, &lower) <= allowed {
                if found.is_some_and(|f| f != *i) {
                    return None; // close to two speakers: not settled
                }
                found = Some(*i);
            }
        }
        found
    }
}

fn is_word_boundary(hay: &str, s: usize, e: usize) -> bool {
    let before = hay[..s].chars().next_back();
    let after = hay[e..].chars().next();
    before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
}

/// Does a possessive ending follow the mention ("Biden's", "Putin’s")?
pub fn is_possessive(text: &str, m: &Mention) -> bool {
    let rest = &text[m.end..];
    rest.starts_with("'s") || rest.starts_with("’s") || rest.starts_with("' ") || rest.starts_with("’ ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finder() -> (Summit, MentionFinder) {
        let s = Summit::builtin().unwrap();
        let f = MentionFinder::new(&s);
        (s, f)
    }

    fn found(t: &str) -> Vec<(&str, Referent)> {
        let (_, f) = finder();
        f.find(t, 0, t.len()).into_iter().map(|m| (&t[m.start..m.end], m.referent)).collect()
    }

    #[test]
    fn finds_aliases_longest_first_and_whole_words() {
        let (s, _) = finder();
        let b = s.speakers.iter().position(|x| x.id == "biden").unwrap();
        let p = s.speakers.iter().position(|x| x.id == "putin").unwrap();
        assert_eq!(
            found("US President Joe Biden met the Russian leader; Bidenomics is not a name."),
            [("US President Joe Biden", Referent::Speaker(b)), ("the Russian leader", Referent::Speaker(p))]
        );
        assert_eq!(found("Putin’s aide"), [("Putin", Referent::Speaker(p)), ("aide", Referent::Other)]);
    }

    #[test]
    fn finds_pronouns_groups_and_others() {
        assert_eq!(
            found("He and the two sides, then a White House official"),
            [
                ("He", Referent::Pronoun(Pronoun::He)),
                ("the two sides", Referent::Collective),
                ("White House", Referent::Other),
                ("official", Referent::Other)
            ]
        );
    }

    #[test]
    fn misspelled_names_are_recognised_only_when_close() {
        let (s, f) = finder();
        let b = s.speakers.iter().position(|x| x.id == "biden").unwrap();
        assert_eq!(f.misspelled_speaker("Badin"), Some(b));
        assert_eq!(f.misspelled_speaker("Bidne"), Some(b));
        assert_eq!(f.misspelled_speaker("Baker"), None);
        assert_eq!(f.misspelled_speaker("Peskov"), None);
        assert_eq!(f.misspelled_speaker("badin"), None, "lower case is not a name");
    }
}
