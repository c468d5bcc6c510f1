//! Who said what: finding statements in an article, attributing each to its
//! speaker and tagging its topics.

use serde::Serialize;

use crate::corpus::Article;
use crate::summit::Summit;

/// How a statement reports what was said.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// The speaker's own words, inside quotation marks.
    Direct,
    /// Reported speech without quotation marks ("Biden said that ...").
    Indirect,
    /// Reported speech that carries quoted fragments.
    Mixed,
}

impl Kind {
    pub fn as_str(&self) -> &'static str {
        match self {
            Kind::Direct => "direct",
            Kind::Indirect => "indirect",
            Kind::Mixed => "mixed",
        }
    }
}

/// One thing one speaker said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    pub id: String,
    /// The tracked speaker's id; `None` for anyone else or an unknown speaker.
    pub speaker: Option<String>,
    /// Who spoke when it is not a tracked speaker ("a White House official").
    pub speaker_label: Option<String>,
    pub kind: Kind,
    /// Byte range of the statement's words in the article file.
    pub start: usize,
    pub end: usize,
    pub topics: Vec<String>,
    /// Index of the block (paragraph, heading, post) it is in.
    pub block: usize,
    /// Byte range of the sentence around it.
    pub sentence: (usize, usize),
}

/// Finds statements; built once per summit file and reused for every article.
pub struct Analyzer {
}

impl Analyzer {
    pub fn new(_summit: &Summit) -> Analyzer {
        Analyzer {}
    }

    pub fn analyze(&self, _article: &Article) -> Vec<Statement> {
        Vec::new()
    }
}
