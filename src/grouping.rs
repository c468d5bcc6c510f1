//! One statement, many sources: statements by the same speaker whose words
//! are the same or nearly the same are put in one group, so that a page can
//! show the statement once, "reported by 5 sources", and list every version.
//!
//! Two statements are the same when one of them (the shorter, of at least
//! [`MIN_WORDS`] words) is found in the other, word for word on word stems,
//! but for at most one word in five — and of those, at most one content word
//! (not "the", "a", "of"…) in [`WORDS_PER_CHANGED_WORD`]. That takes in
//! punctuation and quote marks (they are not words), case, small edits,
//! a cut-short version and a translation that differs in a few words; it
//! keeps apart two short statements that differ in the one word that matters
//! ("attacks on our pipelines" and "attacks on our hospitals").
//!
//! Grouping never changes an id: every member keeps its own permanent link.

use std::collections::{HashMap, HashSet};

use rust_stemmers::{Algorithm, Stemmer};

/// Statements shorter than this are grouped only when their words are
/// identical: a few words in common says nothing about short ones.
pub const MIN_WORDS: usize = 6;
/// One changed content word is allowed per this many words of the shorter.
pub const WORDS_PER_CHANGED_WORD: usize = 12;
/// One changed word of any kind is allowed per this many words.
const WORDS_PER_CHANGE: usize = 5;
/// Statements longer than this are grouped only when identical: comparing
/// them word by word costs the square of their length.
const MAX_COMPARED_WORDS: usize = 400;
/// Runs of three words shared by more statements than this are too common
/// ("said that the") to suggest that two statements are one.
const MAX_SHARING: usize = 32;

/// Words that carry no meaning of their own: changing one of them does not
/// make another statement.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "that",
    "this", "these", "those", "it", "its", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
    "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "we", "our",
    "us", "i", "me", "my", "he", "him", "his", "she", "her", "they", "them", "their", "you", "your", "so", "very",
    "just", "also", "then", "there", "here", "which", "who", "what", "about", "into", "over", "up", "out", "s", "t",
];

/// A statement as grouping sees it.
pub struct Item<'a> {
    /// Who said it: a tracked speaker's id or another speaker's label.
    /// Statements by no one known are never grouped.
    pub speaker: Option<&'a str>,
    /// Its words, normalised (see [`crate::ids::normalise`]).
    pub words: &'a str,
}

/// The groups of a list of statements.
#[derive(Debug, Default)]
pub struct Groups {
    /// `of[i]`: the group of statement `i`.
    pub of: Vec<usize>,
    /// Each group's statements, in the order given.
    pub members: Vec<Vec<usize>>,
}

/// Groups `items`; each statement is in exactly one group (often alone).
pub fn group(items: &[Item]) -> Groups {
    let mut sets = DisjointSets::new(items.len());
    let mut distinct: HashMap<(&str, &str), usize> = HashMap::new();
    let mut representatives = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let Some(speaker) = item.speaker else { continue };
        match distinct.get(&(speaker, item.words)) {
            Some(&first) => sets.join(first, i),
            None => {
                distinct.insert((speaker, item.words), i);
                representatives.push(i);
            }
        }
    }
    join_near_copies(items, &representatives, &mut sets);
    sets.into_groups()
}

/// Joins the groups of statements that are near copies of each other, among
/// statements whose words are all different.
fn join_near_copies(items: &[Item], representatives: &[usize], sets: &mut DisjointSets) {
    let mut stems = StemTable::new();
    let mut words: HashMap<usize, Vec<u32>> = HashMap::new();
    let mut sharing: HashMap<(&str, [u32; 3]), Vec<usize>> = HashMap::new();
    for &i in representatives {
        let ws = stems.words(items[i].words);
        if ws.len() < MIN_WORDS || ws.len() > MAX_COMPARED_WORDS {
            continue;
        }
        let speaker = items[i].speaker.unwrap_or_default();
        let runs: HashSet<[u32; 3]> = ws.windows(3).map(|w| [w[0], w[1], w[2]]).collect();
        for run in runs {
            sharing.entry((speaker, run)).or_default().push(i);
        }
        words.insert(i, ws);
    }
    let mut compared: HashSet<(usize, usize)> = HashSet::new();
    for list in sharing.values().filter(|l| l.len() > 1 && l.len() <= MAX_SHARING) {
        for (n, &a) in list.iter().enumerate() {
            for &b in &list[n + 1..] {
                if sets.find(a) == sets.find(b) || !compared.insert((a.min(b), a.max(b))) {
                    continue;
                }
                if same_statement(&words[&a], &words[&b], &stems.function) {
                    sets.join(a, b);
                }
            }
        }
    }
}

/// Is one of two word lists (word stems, as numbers) a version of the other?
pub fn same_statement(a: &[u32], b: &[u32], function: &HashSet<u32>) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() < MIN_WORDS {
        return short == long;
    }
    let unmatched = unmatched_in_shorter(short, long);
    let changed_content = unmatched.iter().filter(|w| !function.contains(w)).count();
    unmatched.len() <= short.len() / WORDS_PER_CHANGE && changed_content <= short.len() / WORDS_PER_CHANGED_WORD
}

/// The words of `short` left over when it is laid along `long` as well as
/// it goes (longest common subsequence), where `short` may start and end
/// anywhere in `long`: the words it changed.
fn unmatched_in_shorter(short: &[u32], long: &[u32]) -> Vec<u32> {
    // lcs[i][j]: the most words of short[..i] matched in long[..j].
    let width = long.len() + 1;
    let mut lcs = vec![0u16; (short.len() + 1) * width];
    for i in 1..=short.len() {
        for j in 1..=long.len() {
            lcs[i * width + j] = if short[i - 1] == long[j - 1] {
                lcs[(i - 1) * width + j - 1] + 1
            } else {
                lcs[(i - 1) * width + j].max(lcs[i * width + j - 1])
            };
        }
    }
    // Walk back to find which words of `short` were not matched.
    let (mut i, mut j) = (short.len(), long.len());
    let mut unmatched = Vec::new();
    while i > 0 {
        if j > 0 && short[i - 1] == long[j - 1] && lcs[i * width + j] == lcs[(i - 1) * width + j - 1] + 1 {
            i -= 1;
            j -= 1;
        } else if j > 0 && lcs[i * width + j - 1] == lcs[i * width + j] {
            j -= 1;
        } else {
            unmatched.push(short[i - 1]);
            i -= 1;
        }
    }
    unmatched
}

/// Word stems as small numbers, each word stemmed once.
pub struct StemTable {
    stemmer: Stemmer,
    ids: HashMap<String, u32>,
    stems: HashMap<String, u32>,
    /// The numbers of the stems of function words.
    pub function: HashSet<u32>,
}

impl StemTable {
    pub fn new() -> StemTable {
        let mut table = StemTable {
            stemmer: Stemmer::create(Algorithm::English),
            ids: HashMap::new(),
            stems: HashMap::new(),
            function: HashSet::new(),
        };
        for w in FUNCTION_WORDS {
            let id = table.word(w);
            table.function.insert(id);
        }
        table
    }

    /// The stem numbers of normalised words ("words separated by spaces").
    pub fn words(&mut self, normalised: &str) -> Vec<u32> {
        normalised.split(' ').filter(|w| !w.is_empty()).map(|w| self.word(w)).collect()
    }

    fn word(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let stem = self.stemmer.stem(word).into_owned();
        let next = self.stems.len() as u32;
        let id = *self.stems.entry(stem).or_insert(next);
        self.ids.insert(word.to_string(), id);
        id
    }
}

impl Default for StemTable {
    fn default() -> Self {
        StemTable::new()
    }
}

/// Union-find over statement numbers.
struct DisjointSets {
    parent: Vec<usize>,
}

impl DisjointSets {
    fn new(n: usize) -> DisjointSets {
        DisjointSets { parent: (0..n).collect() }
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        // The earlier statement stays the root, so groups keep source order.
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb);
        }
    }

    fn into_groups(mut self) -> Groups {
        let n = self.parent.len();
        let mut number: HashMap<usize, usize> = HashMap::new();
        let mut groups = Groups { of: Vec::with_capacity(n), members: Vec::new() };
        for i in 0..n {
            let root = self.find(i);
            let g = *number.entry(root).or_insert_with(|| {
                groups.members.push(Vec::new());
                groups.members.len() - 1
            });
            groups.of.push(g);
            groups.members[g].push(i);
        }
        groups
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::normalise;

    /// Groups (speaker, words) pairs; returns each statement's group number.
    fn groups_of(statements: &[(&str, &str)]) -> Vec<usize> {
        let normalised: Vec<String> = statements.iter().map(|(_, w)| normalise(w)).collect();
        let items: Vec<Item> = statements
            .iter()
            .zip(&normalised)
            .map(|((s, _), w)| Item { speaker: (!s.is_empty()).then_some(*s), words: w })
            .collect();
        group(&items).of
    }

    fn together(a: &str, b: &str) -> bool {
        let g = groups_of(&[("ruler", a), ("ruler", b)]);
        g[0] == g[1]
    }

    #[test]
    fn quote_marks_case_and_punctuation_do_not_part_a_statement() {
        assert!(together(
            "\u{201c}We will not tolerate attacks on our harbours,\u{201d}",
            "\"we will NOT tolerate attacks on our harbours.\""
        ));
    }

    #[test]
    fn a_cut_short_version_is_the_same_statement() {
        assert!(together(
            "We will not tolerate attacks on our harbours",
            "We will not tolerate attacks on our harbours, and the other side knows what follows if they go on."
        ));
    }

    #[test]
    fn small_edits_and_other_word_forms_are_the_same_statement() {
        let a = "The talks were long and we agreed to send our ambassadors back to their posts in the coming weeks";
        let b = "The talks were long, and we have agreed to sending the ambassadors back to their posts in the coming weeks";
        assert!(together(a, b));
    }

    #[test]
    fn a_translation_differing_in_a_few_words_is_the_same_statement() {
        let a = "There is no happiness in life, only a mirage of it on the horizon, so let us cherish what we have in our hands today";
        let b = "There is no happiness in life, only a mirage of it on the horizon, so we should treasure what we hold in our hands today";
        assert!(together(a, b));
    }

    #[test]
    fn one_changed_word_that_matters_parts_short_statements() {
        assert!(!together("We will not tolerate attacks on our harbours", "We will not tolerate attacks on our hospitals"));
        assert!(!together("We agreed to return the ambassadors this week", "We refused to return the ambassadors this week"));
    }

    #[test]
    fn statements_that_share_only_a_phrase_stay_apart() {
        assert!(!together(
            "We will not tolerate attacks on our harbours from anyone at all",
            "Trade between our nations grew last year, and we will not tolerate attacks on that either"
        ));
    }

    #[test]
    fn short_statements_are_grouped_only_when_identical() {
        assert!(together("a constructive meeting", "A constructive meeting!"));
        assert!(!together("a constructive meeting", "a constructive meeting indeed"));
    }

    #[test]
    fn different_speakers_and_unknown_speakers_are_never_grouped() {
        let words = "We will not tolerate attacks on our harbours";
        let g = groups_of(&[("ruler", words), ("rival", words), ("", words), ("", words)]);
        assert_ne!(g[0], g[1]);
        assert_ne!(g[2], g[3]);
    }

    #[test]
    fn groups_join_through_a_middle_version_and_keep_source_order() {
        let full = "We will not tolerate attacks on our harbours, and the other side knows what follows";
        let g = group(&[
            Item { speaker: Some("ruler"), words: &normalise("Something else entirely was said here today") },
            Item { speaker: Some("ruler"), words: &normalise(full) },
            Item { speaker: Some("ruler"), words: &normalise("We will not tolerate attacks on our harbours") },
        ]);
        assert_eq!(g.members[g.of[1]], [1, 2]);
        assert_eq!(g.members[g.of[0]], [0]);
    }

    #[test]
    fn unmatched_words_are_those_the_shorter_changed() {
        let mut t = StemTable::new();
        let short = t.words("we will not tolerate attacks");
        let long = t.words("and so we will never tolerate attacks again");
        assert_eq!(unmatched_in_shorter(&short, &long), t.words("not"));
    }
}
