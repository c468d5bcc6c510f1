//! One statement, many versions: statements by the same speaker whose words
//! are the same or nearly the same are versions of one statement, so that a
//! page can show the statement once, "reported by 5 sources" (the articles
//! that carry a version), and list every version.
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
//! Finding versions never changes an id: every version keeps its own
//! permanent link.

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;

use crate::stems::StemTable;

/// Statements shorter than this are versions of each other only when their
/// words are identical: a few words in common says nothing about short ones.
pub const MIN_WORDS: usize = 6;
/// One changed content word is allowed per this many words of the shorter.
pub const WORDS_PER_CHANGED_WORD: usize = 12;
/// One changed word of any kind is allowed per this many words.
const WORDS_PER_CHANGE: usize = 5;
/// Statements longer than this are versions of each other only when
/// identical: comparing them word by word costs the square of their length.
const MAX_COMPARED_WORDS: usize = 400;
/// Runs of three words shared by more statements than this are too common
/// ("said that the") to suggest that two statements are one.
const MAX_SHARING: usize = 32;

/// A statement as finding versions sees it.
pub struct Item<'a> {
    /// Who said it: a tracked speaker's id or another speaker's label.
    /// Statements by no one known are versions of nothing else.
    pub speaker: Option<&'a str>,
    /// Its words, normalised (see [`crate::ids::normalise`]).
    pub words: &'a str,
    /// The article it is in.
    pub article: usize,
}

/// The versions of each statement of a list: its statements in sets, each
/// set one statement in all its versions.
#[derive(Debug, Default)]
pub struct Versions {
    /// `of[i]`: the set of statement `i`.
    pub of: Vec<usize>,
    /// Each set's statements, in the order given.
    pub sets: Vec<Vec<usize>>,
    /// `sources[v]`: how many articles carry a statement of set `v`.
    pub sources: Vec<usize>,
}

/// Finds the versions of `items`: each statement is in exactly one set
/// (often alone).
pub fn find(items: &[Item]) -> Versions {
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
    let (of, members) = sets.into_sets();
    let sources = members
        .iter()
        .map(|set| {
            let mut articles: Vec<usize> = set.iter().map(|&i| items[i].article).collect();
            articles.sort_unstable();
            articles.dedup();
            articles.len()
        })
        .collect();
    Versions { of, sets: members, sources }
}

/// Joins the sets of statements that are near copies of each other, among
/// statements whose words are all different.
///
/// Comparing every pair would take the square of the corpus; instead a
/// statement is compared only with those that share one of its rarest runs
/// of three words, and most pairs are ruled out by their words alone (as a
/// bag) before their order is compared.
fn join_near_copies(items: &[Item], representatives: &[usize], sets: &mut DisjointSets) {
    let mut stems = StemTable::new();
    let mut words: Vec<Option<Words>> = (0..items.len()).map(|_| None).collect();
    let mut sharing: HashMap<(&str, [u32; 3]), Vec<usize>> = HashMap::new();
    for &i in representatives {
        let ws = stems.words(items[i].words);
        if ws.len() < MIN_WORDS || ws.len() > MAX_COMPARED_WORDS {
            continue;
        }
        let speaker = items[i].speaker.unwrap_or_default();
        let mut runs: Vec<[u32; 3]> = ws.windows(3).map(|w| [w[0], w[1], w[2]]).collect();
        runs.sort_unstable();
        runs.dedup();
        for &run in &runs {
            sharing.entry((speaker, run)).or_default().push(i);
        }
        words[i] = Some(Words::new(ws, runs));
    }
    let function = &stems.function;
    // Each statement's rarest runs, and so the statements it is compared with.
    let chosen: Vec<Vec<&Vec<usize>>> = words
        .par_iter()
        .enumerate()
        .map(|(i, w)| w.as_ref().map_or_else(Vec::new, |w| rarest_runs(w, items[i].speaker.unwrap_or_default(), &sharing)))
        .collect();
    // A pair is compared once: from the earlier statement when the earlier
    // one's rarest runs lead to the later; otherwise from the later. Either
    // side finding the other is enough, whatever order the sources are in.
    let finds = |from: usize, to: usize| chosen[from].iter().any(|list| list.binary_search(&to).is_ok());
    let pairs: Vec<(usize, usize)> = words
        .par_iter()
        .enumerate()
        .filter_map(|(i, w)| w.as_ref().map(|w| (i, w)))
        .flat_map_iter(|(i, w)| {
            let mut candidates: Vec<usize> = chosen[i].iter().flat_map(|l| l.iter().copied()).filter(|&j| j != i).collect();
            candidates.sort_unstable();
            candidates.dedup();
            candidates
                .into_iter()
                .filter(|&j| j > i || !finds(j, i))
                .filter(|&j| words[j].as_ref().is_some_and(|other| same_statement_words(w, other, function)))
                .map(move |j| (i, j))
                .collect::<Vec<_>>()
        })
        .collect();
    for (a, b) in pairs {
        sets.join(a, b);
    }
}

/// The lists of statements sharing a statement's rarest runs of three words
/// (each list in statement order), leaving out runs no other statement has
/// and runs too common to mean anything.
fn rarest_runs<'s, 'k>(
    w: &Words,
    speaker: &'k str,
    sharing: &'s HashMap<(&'k str, [u32; 3]), Vec<usize>>,
) -> Vec<&'s Vec<usize>> {
    let mut lists: Vec<&Vec<usize>> = w
        .runs
        .iter()
        .filter_map(|run| sharing.get(&(speaker, *run)))
        .filter(|l| l.len() > 1 && l.len() <= MAX_SHARING)
        .collect();
    lists.sort_by_key(|l| l.len());
    lists.truncate(RUNS_COMPARED);
    lists
}

/// Runs of three words of a statement compared with others: its rarest.
const RUNS_COMPARED: usize = 4;

/// A statement's word stems, in order and as a sorted bag, and its runs.
struct Words {
    order: Vec<u32>,
    bag: Vec<u32>,
    runs: Vec<[u32; 3]>,
}

impl Words {
    fn new(order: Vec<u32>, runs: Vec<[u32; 3]>) -> Words {
        let mut bag = order.clone();
        bag.sort_unstable();
        Words { order, bag, runs }
    }
}

fn same_statement_words(a: &Words, b: &Words, function: &HashSet<u32>) -> bool {
    let (short, long) = if a.order.len() <= b.order.len() { (a, b) } else { (b, a) };
    // The words of the shorter missing from the longer, order aside, are
    // changes whatever the order: too many, and the order need not be read.
    let len = short.order.len();
    let (missing, content) = bag_difference(&short.bag, &long.bag, function);
    if missing > len / WORDS_PER_CHANGE || content > len / WORDS_PER_CHANGED_WORD {
        return false;
    }
    same_statement(&a.order, &b.order, function)
}

/// How many words of sorted `a` are not in sorted `b` (counting repeats),
/// and how many of those are content words.
fn bag_difference(a: &[u32], b: &[u32], function: &HashSet<u32>) -> (usize, usize) {
    let (mut i, mut j) = (0, 0);
    let (mut missing, mut content) = (0, 0);
    while i < a.len() {
        if j < b.len() && b[j] < a[i] {
            j += 1;
        } else if j < b.len() && b[j] == a[i] {
            i += 1;
            j += 1;
        } else {
            missing += 1;
            content += usize::from(!function.contains(&a[i]));
            i += 1;
        }
    }
    (missing, content)
}

/// Is one of two word lists (word stems, as numbers) a version of the other?
pub fn same_statement(a: &[u32], b: &[u32], function: &HashSet<u32>) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() < MIN_WORDS {
        return short == long;
    }
    let Alignment { unmatched, inserted } = align(short, long);
    let allowed = short.len() / WORDS_PER_CHANGE;
    let allowed_content = short.len() / WORDS_PER_CHANGED_WORD;
    let content = |ws: &[u32]| ws.iter().filter(|w| !function.contains(w)).count();
    unmatched.len() <= allowed
        && inserted.len() <= allowed
        && content(&unmatched) <= allowed_content
        && content(&inserted) <= allowed_content
}

/// How the shorter of two statements lies along the longer.
struct Alignment {
    /// Words of the shorter not found in the longer: words it changed.
    unmatched: Vec<u32>,
    /// Words of the longer between the first and the last word matched that
    /// the shorter does not have: words it left out. (Words before and after
    /// are where it was cut short.)
    inserted: Vec<u32>,
}

/// Lays `short` along `long` as well as it goes (longest common
/// subsequence), where `short` may start and end anywhere in `long`.
fn align(short: &[u32], long: &[u32]) -> Alignment {
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
    // Walk back, noting the words of each side left out of the match.
    let (mut i, mut j) = (short.len(), long.len());
    let mut unmatched = Vec::new();
    let mut skipped_long: Vec<(usize, u32)> = Vec::new();
    let mut matched_long: Vec<usize> = Vec::new();
    while i > 0 {
        if j > 0 && short[i - 1] == long[j - 1] && lcs[i * width + j] == lcs[(i - 1) * width + j - 1] + 1 {
            matched_long.push(j - 1);
            i -= 1;
            j -= 1;
        } else if j > 0 && lcs[i * width + j - 1] == lcs[i * width + j] {
            skipped_long.push((j - 1, long[j - 1]));
            j -= 1;
        } else {
            unmatched.push(short[i - 1]);
            i -= 1;
        }
    }
    let (first, last) = (matched_long.last().copied(), matched_long.first().copied());
    let inserted = match (first, last) {
        (Some(first), Some(last)) => skipped_long.iter().filter(|(p, _)| *p > first && *p < last).map(|&(_, w)| w).collect(),
        _ => Vec::new(),
    };
    Alignment { unmatched, inserted }
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
        // The earlier statement stays the root, so sets keep source order.
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb);
        }
    }

    /// Each number's set, and each set's numbers in order.
    fn into_sets(mut self) -> (Vec<usize>, Vec<Vec<usize>>) {
        let n = self.parent.len();
        let mut number: HashMap<usize, usize> = HashMap::new();
        let (mut of, mut sets) = (Vec::with_capacity(n), Vec::new());
        for i in 0..n {
            let root = self.find(i);
            let v = *number.entry(root).or_insert_with(|| {
                sets.push(Vec::new());
                sets.len() - 1
            });
            of.push(v);
            sets[v].push(i);
        }
        (of, sets)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::normalise;

    /// The versions of (speaker, words) pairs: each statement's set number.
    fn sets_of(statements: &[(&str, &str)]) -> Vec<usize> {
        let normalised: Vec<String> = statements.iter().map(|(_, w)| normalise(w)).collect();
        let items: Vec<Item> = statements
            .iter()
            .zip(&normalised)
            .map(|((s, _), w)| Item { speaker: (!s.is_empty()).then_some(*s), words: w, article: 0 })
            .collect();
        find(&items).of
    }

    fn together(a: &str, b: &str) -> bool {
        let g = sets_of(&[("ruler", a), ("ruler", b)]);
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
    fn short_statements_are_versions_only_when_identical() {
        assert!(together("a constructive meeting", "A constructive meeting!"));
        assert!(!together("a constructive meeting", "a constructive meeting indeed"));
    }

    #[test]
    fn different_speakers_and_unknown_speakers_are_never_versions() {
        let words = "We will not tolerate attacks on our harbours";
        let g = sets_of(&[("ruler", words), ("rival", words), ("", words), ("", words)]);
        assert_ne!(g[0], g[1]);
        assert_ne!(g[2], g[3]);
    }

    #[test]
    fn sets_join_through_a_middle_version_keep_source_order_and_count_their_articles() {
        let full = "We will not tolerate attacks on our harbours, and the other side knows what follows";
        let short = "We will not tolerate attacks on our harbours";
        let v = find(&[
            Item { speaker: Some("ruler"), words: &normalise("Something else entirely was said here today"), article: 0 },
            Item { speaker: Some("ruler"), words: &normalise(full), article: 1 },
            Item { speaker: Some("ruler"), words: &normalise(short), article: 2 },
            // Again in the same article: a version, but no new source.
            Item { speaker: Some("ruler"), words: &normalise(short), article: 2 },
        ]);
        assert_eq!(v.sets[v.of[1]], [1, 2, 3]);
        assert_eq!(v.sets[v.of[0]], [0]);
        assert_eq!(v.sources[v.of[1]], 2);
        assert_eq!(v.sources[v.of[0]], 1);
    }

    /// Whichever order the sources come in, the versions of one statement
    /// end up in one set: a pair is found from either side.
    #[test]
    fn versions_are_found_in_every_order() {
        let versions = [
            "Our navy has never sailed into their waters, and we are ready to patrol the straits together against pirates",
            "Our navy has never sailed into their waters and we are ready to patrol the straits together.",
            "Our navy has never sailed into their waters",
        ];
        for order in [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]] {
            let statements: Vec<(&str, &str)> = order.iter().map(|&k| ("ruler", versions[k])).collect();
            let g = sets_of(&statements);
            assert!(g.iter().all(|&x| x == g[0]), "order {order:?}: sets {g:?}");
        }
    }

    #[test]
    fn alignment_finds_words_changed_and_left_out() {
        let mut t = StemTable::new();
        let short = t.words("we will not tolerate attacks");
        let long = t.words("and so we will never tolerate cyber attacks again");
        let a = align(&short, &long);
        assert_eq!(a.unmatched, t.words("not"));
        assert_eq!(a.inserted, t.words("cyber never"));
    }

    #[test]
    fn the_shorter_words_spread_through_a_longer_statement_are_not_a_version() {
        assert!(!together(
            "We agreed to talk about prisoners and the embassies",
            "We agreed, after a long and difficult evening, to talk at length with them about prisoners, their families and the state of the embassies"
        ));
    }

    #[test]
    fn the_bag_of_words_rules_out_what_the_order_would() {
        let mut t = StemTable::new();
        let w = |t: &mut StemTable, s: &str| {
            let order = t.words(&normalise(s));
            Words::new(order, Vec::new())
        };
        let a = w(&mut t, "we will not tolerate attacks on our harbours");
        let b = w(&mut t, "we will not tolerate attacks on our hospitals");
        assert!(!same_statement_words(&a, &b, &t.function));
        let c = w(&mut t, "We will not tolerate attacks on our harbours, and they know it");
        assert!(same_statement_words(&a, &c, &t.function));
    }
}
