//! Tagging text with the summit's topics.
//!
//! Keywords are matched on whole words after Snowball stemming, so "sanction"
//! finds "sanctions" and "attack" finds "attacked"; a keyword ending in `*`
//! matches any word that starts with it ("cyber*": "cyberspace",
//! "cyber-attacks"). A text is read once into its lower-case words and, for
//! each word, which keyword stem (if any) it stems to; each word is then
//! looked up among the keywords that start with it.

use std::cell::RefCell;
use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::{FxHashMap, FxHashSet};

use super::lexicon::{ANAPHORA_NOUNS, DEMONSTRATIVES};
use crate::summit::{Summit, TopicIx};

/// A keyword matched on stems: the numbers of its words' stems (see
/// `TopicTagger::stem_ids`), which of its words are nouns in "-ing", and
/// the topic it names.
struct StemKeyword {
    stems: Vec<StemId>,
    /// A word in "-ing" ("meeting", "warming") names a thing, and matches
    /// only words in "-ing" or "-ings": "meeting" shares its stem with
    /// "meet" and "meets", which name no meeting ("would meet a response").
    gerunds: Vec<bool>,
    topic: TopicIx,
}

/// A keyword ending in `*`: its lower-case words, the last one a prefix.
struct PrefixKeyword {
    words: Vec<String>,
    topic: TopicIx,
}

/// The number of a stem that some keyword has.
type StemId = u32;

pub struct TopicTagger {
    stemmer: Stemmer,
    /// Every stem that a word of a keyword has, numbered: a text's words
    /// are compared with keywords by these numbers.
    stem_ids: FxHashMap<String, StemId>,
    /// Keywords matched on stems, by the number of their first stem.
    exact: Vec<Vec<StemKeyword>>,
    /// Keywords ending in `*`, matched on lower-case words (the last word
    /// as a prefix), by the first byte of their first word (256 lists).
    prefix: Vec<Vec<PrefixKeyword>>,
    /// Which first two bytes a word needs to start any keyword of
    /// `prefix` (see [`PairSet`]): most words start none, and are passed
    /// over without comparing them with each keyword of their first letter.
    prefix_starts: PairSet,
    topic_count: usize,
    /// The first two letters of every word of every stemmed keyword.
    stem_starts: FxHashSet<(char, char)>,
    /// The same for two ASCII letters, as a set of byte pairs: asked for
    /// every word tagged.
    ascii_stem_starts: PairSet,
    /// This tagger's number, unique in the process: the stems a thread
    /// remembers are numbered by one tagger and mean nothing to another.
    serial: u64,
}

/// The next [`TopicTagger::serial`].
static NEXT_SERIAL: AtomicU64 = AtomicU64::new(0);

/// Enough stems for the vocabulary of a large corpus; past it, start afresh.
const MAX_REMEMBERED_STEMS: usize = 100_000;

/// What [`TopicTagger::read_statement`] reads off a statement in one pass.
pub struct StatementWords {
    /// The topics its words name.
    pub topics: Vec<TopicIx>,
    /// Whether its words point back at an issue named before ("this file").
    pub has_anaphora: bool,
    /// Its words as [`crate::ids::normalise`] gives them.
    pub normalised: String,
}

/// What tagging reuses from one text to the next on a thread, so that a text
/// costs no allocation once the thread has tagged a few.
#[derive(Default)]
struct Scratch {
    /// The serial of the tagger whose stem numbers `stems` holds; another
    /// summit's tagger (a second library, a reload) starts afresh.
    owner: Option<u64>,
    /// Words stemmed so far, with the keyword stem each stems to (if any):
    /// the same few thousand words make up most of any coverage, and
    /// stemming is the costly part.
    stems: FxHashMap<String, Option<StemId>>,
    /// The text's lower-case words, one space between them: the same as
    /// [`crate::ids::normalise`] of the text.
    plain: String,
    /// Each word's place in `plain`, the keyword stem it stems to, and
    /// whether it was ASCII as written.
    words: Vec<(Range<usize>, Option<StemId>, bool)>,
    /// Which topics the words name, by topic.
    hits: Vec<bool>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

impl TopicTagger {
    pub fn new(summit: &Summit) -> TopicTagger {
        let stemmer = Stemmer::create(Algorithm::English);
        let mut stem_ids: FxHashMap<String, StemId> = FxHashMap::default();
        let mut exact: Vec<Vec<StemKeyword>> = Vec::new();
        let mut prefix: Vec<Vec<PrefixKeyword>> = (0..256).map(|_| Vec::new()).collect();
        let mut prefix_starts = PairSet::default();
        for (t, topic) in summit.topic_ixs().zip(&summit.topics) {
            for kw in &topic.keywords {
                if let Some(stem) = kw.strip_suffix('*') {
                    let words = lower_words(stem);
                    if let Some(&first) = words.first().and_then(|w| w.as_bytes().first()) {
                        prefix_starts.insert_start_of(&words[0]);
                        prefix[first as usize].push(PrefixKeyword { words, topic: t });
                    }
                } else {
                    let words = lower_words(kw);
                    let stems: Vec<StemId> = words
                        .iter()
                        .map(|w| {
                            let next = stem_ids.len() as StemId;
                            *stem_ids.entry(stemmer.stem(w).into_owned()).or_insert(next)
                        })
                        .collect();
                    let gerunds = words.iter().map(|w| is_gerund(w)).collect();
                    exact.resize_with(stem_ids.len(), Vec::new);
                    if let Some(&first) = stems.first() {
                        exact[first as usize].push(StemKeyword { stems, gerunds, topic: t });
                    }
                }
            }
        }
        let stem_starts: FxHashSet<(char, char)> = stem_ids
            .keys()
            .filter_map(|w| {
                let mut c = w.chars();
                Some((c.next()?, c.next()?))
            })
            .collect();
        let mut ascii_stem_starts = PairSet::default();
        for &(a, b) in &stem_starts {
            if a.is_ascii() && b.is_ascii() {
                ascii_stem_starts.insert(a as u8, b as u8);
            }
        }
        TopicTagger {
            stemmer,
            stem_ids,
            exact,
            prefix,
            prefix_starts,
            topic_count: summit.topics.len(),
            stem_starts,
            ascii_stem_starts,
            serial: NEXT_SERIAL.fetch_add(1, Ordering::Relaxed),
        }
    }

    /// The topics that `text` names, in the summit file's order.
    pub fn tag(&self, text: &str) -> Vec<TopicIx> {
        with_scratch(|scratch| {
            self.read_words(text, scratch);
            self.topics_of_words(scratch)
        })
    }

    /// A statement's topics, whether it points back, and its normalised
    /// words: the three things its words are read for, in one reading.
    pub fn read_statement(&self, text: &str) -> StatementWords {
        with_scratch(|scratch| {
            self.read_words(text, scratch);
            StatementWords {
                topics: self.topics_of_words(scratch),
                has_anaphora: has_anaphora(scratch),
                normalised: scratch.plain.clone(),
            }
        })
    }

    /// The topics named by the words read into `scratch`.
    fn topics_of_words(&self, scratch: &mut Scratch) -> Vec<TopicIx> {
        let Scratch { plain, words, hits: hit, .. } = scratch;
        hit.clear();
        hit.resize(self.topic_count, false);
        let stem_at = |i: usize| words.get(i).and_then(|w| w.1);
        let word_at = |i: usize| words.get(i).map(|w| &plain[w.0.clone()]);
        for (i, (range, stem, _)) in words.iter().enumerate() {
            // A keyword's words must be the text's, one after another.
            if let Some(first) = *stem {
                for k in &self.exact[first as usize] {
                    let same = |n: usize, s: StemId| {
                        stem_at(i + n) == Some(s) && (!k.gerunds[n] || word_at(i + n).is_some_and(|w| is_gerund(w) || ends_with_ings(w)))
                    };
                    if k.stems.iter().enumerate().all(|(n, &s)| same(n, s)) {
                        hit[k.topic.position()] = true;
                    }
                }
            }
            // Only a word that could start a keyword of `prefix` is compared
            // (its bytes are looked at without slicing the string).
            let bytes = &plain.as_bytes()[range.clone()];
            if let (true, Some(&b)) = (self.prefix_starts.may_start(bytes), bytes.first()) {
                for k in &self.prefix[b as usize] {
                    let last = k.words.len() - 1;
                    let matches = k.words.iter().enumerate().all(|(n, w)| match word_at(i + n) {
                        Some(word) if n == last => word.starts_with(w.as_str()),
                        Some(word) => word == w,
                        None => false,
                    });
                    if matches {
                        hit[k.topic.position()] = true;
                    }
                }
            }
        }
        (0..self.topic_count).filter(|&t| hit[t]).map(TopicIx).collect()
    }

    /// Reads `text` into `scratch`: its lower-case words, the keyword stem
    /// each stems to, and where each is. One pass over the bytes: ASCII,
    /// most of any article, is classed and lower-cased without decoding.
    fn read_words(&self, text: &str, scratch: &mut Scratch) {
        if scratch.owner != Some(self.serial) {
            scratch.stems.clear();
            scratch.owner = Some(self.serial);
        }
        let Scratch { stems, plain, words, .. } = scratch;
        plain.clear();
        words.clear();
        let bytes = text.as_bytes();
        // The word being read: where it starts in `plain`, and whether it
        // is ASCII so far.
        let mut word: Option<(usize, bool)> = None;
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            // The next character: a run of ASCII letters and digits is then
            // taken at once.
            let c = if b.is_ascii() { char::from(b) } else { text[i..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER) };
            if !c.is_alphanumeric() {
                i += c.len_utf8();
                if let Some((start, ascii)) = word.take() {
                    words.push(self.word_read(stems, plain, start, ascii));
                }
                continue;
            }
            let (_, ascii) = word.get_or_insert_with(|| {
                if !plain.is_empty() {
                    plain.push(' ');
                }
                (plain.len(), true)
            });
            if c.is_ascii() {
                // The run of ASCII letters and digits, lower-cased as it is
                // copied: one pass.
                while let Some(&b) = bytes.get(i).filter(|b| b.is_ascii_alphanumeric()) {
                    plain.push(char::from(b.to_ascii_lowercase()));
                    i += 1;
                }
            } else {
                *ascii = false;
                plain.extend(c.to_lowercase());
                i += c.len_utf8();
            }
        }
        if let Some((start, ascii)) = word {
            words.push(self.word_read(stems, plain, start, ascii));
        }
    }

    /// The entry of `words` for the word at `start..` of `plain`: its place,
    /// the keyword stem it stems to, and whether it was ASCII as written.
    fn word_read(
        &self,
        stems: &mut FxHashMap<String, Option<StemId>>,
        plain: &str,
        start: usize,
        ascii: bool,
    ) -> (Range<usize>, Option<StemId>, bool) {
        let word = &plain[start..];
        // Stemming is the costly part: only words that could stem to a
        // keyword's stem are stemmed (stems keep a word's first letters).
        // A one-letter word is taken as its own stem.
        let stem = if self.could_match(word) {
            match stems.get(word) {
                Some(&known) => known,
                None => {
                    let id = self.stem_ids.get(self.stemmer.stem(word).as_ref()).copied();
                    if stems.len() >= MAX_REMEMBERED_STEMS {
                        stems.clear();
                    }
                    stems.insert(word.to_string(), id);
                    id
                }
            }
        } else if word.chars().nth(1).is_none() {
            self.stem_ids.get(word).copied()
        } else {
            None
        };
        (start..plain.len(), stem, ascii)
    }

    /// Could this lower-case word stem to one of the keywords' stems? Stems
    /// keep a word's first two letters, so a word whose first two letters
    /// begin no keyword stem cannot.
    fn could_match(&self, word: &str) -> bool {
        if let [a, b, ..] = *word.as_bytes() {
            if a.is_ascii() && b.is_ascii() {
                return self.ascii_stem_starts.contains(a, b);
            }
        }
        let mut chars = word.chars();
        match (chars.next(), chars.next()) {
            (Some(a), Some(b)) => self.stem_starts.contains(&(a, b)),
            _ => false,
        }
    }
}

/// A set of pairs of bytes: the first two bytes of words, a byte and 0 for
/// a word of one byte. A bit for each of the 65,536 pairs (8 KB).
struct PairSet {
    bits: Box<[u64]>,
}

impl Default for PairSet {
    fn default() -> PairSet {
        PairSet { bits: vec![0; 65_536 / 64].into_boxed_slice() }
    }
}

impl PairSet {
    fn insert(&mut self, a: u8, b: u8) {
        let n = usize::from(a) << 8 | usize::from(b);
        self.bits[n / 64] |= 1 << (n % 64);
    }

    fn contains(&self, a: u8, b: u8) -> bool {
        let n = usize::from(a) << 8 | usize::from(b);
        self.bits[n / 64] & (1 << (n % 64)) != 0
    }

    /// Makes [`PairSet::may_start`] true of every word that `start`
    /// could begin (equal it, or have it as a prefix).
    fn insert_start_of(&mut self, start: &str) {
        match *start.as_bytes() {
            [a, b, ..] => self.insert(a, b),
            // One byte: any word that starts with it, of any length.
            [a] => (0..=255).for_each(|b| self.insert(a, b)),
            [] => {}
        }
    }

    /// Could a word of these bytes begin with one of the starts inserted?
    fn may_start(&self, word: &[u8]) -> bool {
        match *word {
            [a, b, ..] => self.contains(a, b),
            [a] => self.contains(a, 0),
            [] => false,
        }
    }
}

/// Runs `f` with this thread's scratch buffers.
fn with_scratch<T>(f: impl FnOnce(&mut Scratch) -> T) -> T {
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut scratch) => f(&mut scratch),
        // Only if tagging were ever to call itself: fresh buffers.
        Err(_) => f(&mut Scratch::default()),
    })
}

/// Do the words read into `scratch` point back at an issue ("this file",
/// "that region")? Only words written in ASCII count, in any case.
fn has_anaphora(scratch: &Scratch) -> bool {
    let word = |i: usize| {
        let (plain, _, ascii) = &scratch.words[i];
        ascii.then(|| &scratch.plain[plain.clone()])
    };
    // Every demonstrative starts with "th": most words are passed over on
    // their first two letters.
    let demonstrative = |d: &str| d.starts_with("th") && DEMONSTRATIVES.contains(&d);
    (1..scratch.words.len()).any(|i| word(i - 1).is_some_and(demonstrative) && word(i).is_some_and(|n| ANAPHORA_NOUNS.contains(&n)))
}

/// A lower-case word in "-ing" of more than the ending ("meeting", not
/// "ring").
fn is_gerund(word: &str) -> bool {
    word.len() > 5 && word.ends_with("ing")
}

/// "meetings", "briefings".
fn ends_with_ings(word: &str) -> bool {
    word.strip_suffix('s').is_some_and(is_gerund)
}

/// Lower-case words: runs of letters and digits; hyphens and apostrophes
/// split words ("cyber-security" is "cyber security").
fn lower_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(text: &str) -> Vec<String> {
        let s = Summit::builtin().unwrap();
        let t = TopicTagger::new(&s);
        t.tag(text).into_iter().map(|i| s.topics[i].id.clone()).collect()
    }

    #[test]
    fn stems_and_prefixes() {
        assert_eq!(tags("New sanctions on trading"), ["trade"]);
        assert_eq!(tags("The cyber-attacks and CYBERSPACE"), ["cybersecurity"]);
        assert_eq!(tags("talks on Ukrainian gas"), ["ukraine"]);
        assert_eq!(tags("two Americans imprisoned there"), ["prisoners"]);
    }

    #[test]
    fn phrases_are_not_found_in_unrelated_words() {
        assert!(tags("He died in prison").is_empty(), "prison alone is not the prisoners topic");
        assert!(tags("an electric car").is_empty());
        assert!(tags("this is related to that").is_empty());
        assert_eq!(tags("democratic elections"), ["election-interference"]);
    }

    /// A tagger for the built-in summit whose first topic has only
    /// `keywords` (other topics may match as well), and that topic.
    fn first_topic_with(keywords: &[&str]) -> (TopicTagger, TopicIx) {
        let mut s = Summit::builtin().unwrap();
        s.topics[0].keywords = keywords.iter().map(|k| k.to_string()).collect();
        (TopicTagger::new(&s), s.topic_ixs().next().unwrap())
    }

    #[test]
    fn keywords_of_one_letter_words_and_prefixes_of_several() {
        let (t, first) = first_topic_with(&["U.S. sanctions", "human right*"]);
        assert!(t.tag("new U.S. sanctioning of banks").contains(&first));
        assert!(t.tag("the human rights file").contains(&first));
        assert!(!t.tag("human beings have rights").contains(&first));
        assert!(!t.tag("US sanctions").contains(&first), "'us' is not 'u s'");
    }

    #[test]
    fn pair_set_lets_through_every_word_a_start_could_begin() {
        let mut set = PairSet::default();
        set.insert_start_of("cyber");
        set.insert_start_of("x");
        let may_start = |w: &str| set.may_start(w.as_bytes());
        assert!(may_start("cyberspace") && may_start("cy"));
        assert!(!may_start("could") && !may_start("c") && !may_start(""));
        assert!(may_start("x") && may_start("xi") && may_start("x-ray"));
    }

    #[test]
    fn prefix_keywords_of_one_letter() {
        let (t, first) = first_topic_with(&["x*", "q fever*"]);
        assert!(t.tag("Xenophobia again").contains(&first));
        assert!(t.tag("an x").contains(&first));
        assert!(t.tag("Q fevers spread").contains(&first));
        assert!(!t.tag("a taxi to the airport").contains(&first));
        assert!(!t.tag("Q and A").contains(&first));
    }

    #[test]
    fn two_summits_tagged_on_one_thread_keep_their_own_keywords() {
        // One thread tags for one summit, then for another whose keywords
        // differ: the words remembered for the first mean nothing to the second.
        let first = Summit::builtin().unwrap();
        let mut second = Summit::builtin().unwrap();
        second.topics.rotate_left(1);
        for s in [&first, &second, &first] {
            let t = TopicTagger::new(s);
            let found: Vec<&str> = t.tag("New sanctions on trading").iter().map(|&i| s.topics[i].id.as_str()).collect();
            assert_eq!(found, ["trade"]);
        }
    }

    proptest::proptest! {
        #[test]
        fn one_reading_normalises_as_ids_do(text in "(\\PC|[ .,'’éİK-]|this file|That region){0,40}") {
            let s = Summit::builtin().unwrap();
            let t = TopicTagger::new(&s);
            let read = t.read_statement(&text);
            proptest::prop_assert_eq!(read.normalised, crate::ids::normalise(&text));
            proptest::prop_assert_eq!(read.topics, t.tag(&text));
        }
    }

    #[test]
    fn anaphora() {
        let s = Summit::builtin().unwrap();
        let t = TopicTagger::new(&s);
        assert!(t.read_statement("we can cooperate on this file").has_anaphora);
        assert!(t.read_statement("That region is calm").has_anaphora);
        assert!(!t.read_statement("this is a file").has_anaphora);
    }
}
