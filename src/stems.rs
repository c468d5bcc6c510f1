//! Word stems as small numbers: what comparing statements word by word
//! reads (the versions of a statement, quotations checked against a
//! transcript), so that each word is stemmed once and compared as a number.

use std::collections::{HashMap, HashSet};

use rust_stemmers::{Algorithm, Stemmer};

use crate::analysis::lexicon::FUNCTION_WORDS;

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

    /// The stem number of one lower-case word.
    pub fn word(&mut self, word: &str) -> u32 {
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
