//! The export: every statement of every article as one JSON document.
//!
//! This is the contract the evaluation reads (see the README), so its shape
//! stays stable: `speakers`, `topics`, and per article `file`, `id`, `title`
//! (`outlet`, `url`, `date`, `kind` when known) and `statements` with `id`, `speaker`, `kind`, `start`, `end`, `text`,
//! `topics`. `speaker` is a tracked speaker's id or null; `speaker_label`
//! says who spoke when it is someone else; `question`, in a transcript, is
//! the id of the question a statement answers; `transcript`, for a quotation
//! checked against a loaded transcript, is what the check found (`match`:
//! `exact`, `close` or `not_found`) and, when found, the `id` of the
//! transcript's statement. An article extracted from a
//! saved page or a scraper's record says so (`"source": "html"` or `"json"`):
//! its offsets point into the text extracted from it (what its article page
//! shows, and what `import` writes out), not into the file. A text file's
//! article has no `source`, so the export of text files is as it was.

use serde::Serialize;

use crate::analysis::Kind;
use crate::corpus::SourceKind;
use crate::index::{ArticleEntry, Index};
use crate::library::Library;
use crate::transcript_check::Check;

#[derive(Debug, Serialize)]
pub struct Export {
    pub summit: ExportSummit,
    pub speakers: Vec<ExportSpeaker>,
    pub topics: Vec<ExportTopic>,
    pub articles: Vec<ExportArticle>,
}

#[derive(Debug, Serialize)]
pub struct ExportSummit {
    pub title: String,
    pub date: String,
    pub place: String,
}

#[derive(Debug, Serialize)]
pub struct ExportSpeaker {
    pub id: String,
    pub name: String,
    pub role: String,
}

#[derive(Debug, Serialize)]
pub struct ExportTopic {
    pub id: String,
    pub name: String,
    pub description: String,
}

#[derive(Debug, Serialize)]
pub struct ExportArticle {
    pub file: String,
    pub id: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// "news" or "transcript", when the front matter or `sources.toml` says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "SourceKind::is_text")]
    pub source: SourceKind,
    pub statements: Vec<ExportStatement>,
}

#[derive(Debug, Serialize)]
pub struct ExportStatement {
    pub id: String,
    pub speaker: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker_label: Option<String>,
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub topics: Vec<String>,
    /// In a transcript, the id of the question this statement answers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// The quotation checked against the loaded transcripts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transcript: Option<ExportCheck>,
}

/// What the transcript check found for one statement.
#[derive(Debug, Serialize)]
pub struct ExportCheck {
    /// The transcript statement with the same or close words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `exact`, `close` or `not_found`.
    #[serde(rename = "match")]
    pub found: &'static str,
}

impl ExportCheck {
    fn new(index: &Index, check: &Check) -> ExportCheck {
        let (transcript, found) = match check {
            Check::Same { transcript } => (Some(*transcript), "exact"),
            Check::Close { transcript, .. } => (Some(*transcript), "close"),
            Check::NotFound => (None, "not_found"),
        };
        ExportCheck { id: transcript.map(|t| index.entries[t].id.clone()), found }
    }
}

impl Export {
    /// The export of a loaded library.
    pub fn new(lib: &Library) -> Export {
        Export::from_index(&Index::build(lib.clone()))
    }

    /// The export of the index a server is serving.
    pub fn from_index(index: &Index) -> Export {
        let s = &index.summit;
        Export {
            summit: ExportSummit { title: s.title.clone(), date: s.date.clone(), place: s.place.clone() },
            speakers: s
                .speakers
                .iter()
                .map(|sp| ExportSpeaker { id: sp.id.clone(), name: sp.name.clone(), role: sp.role.clone() })
                .collect(),
            topics: s
                .topics
                .iter()
                .map(|t| ExportTopic { id: t.id.clone(), name: t.name.clone(), description: t.description.clone() })
                .collect(),
            articles: index.articles.iter().map(|a| export_article(index, a)).collect(),
        }
    }

    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).expect("the export holds only strings, numbers and lists")
    }
}

fn export_article(index: &Index, a: &ArticleEntry) -> ExportArticle {
    let art = &a.article;
    ExportArticle {
        file: art.file.clone(),
        id: art.id.clone(),
        // The file's own title: a `sources.toml` added later must not change the export.
        title: art.text_title.clone(),
        outlet: art.outlet.clone(),
        url: art.url.clone(),
        date: art.date.clone(),
        kind: art.kind.clone(),
        source: art.source,
        statements: a
            .entries
            .iter()
            .map(|&i| {
                let e = &index.entries[i];
                ExportStatement {
                    id: e.id.clone(),
                    speaker: e.speaker.map(|sp| index.summit.speakers[sp].id.clone()),
                    speaker_label: e.speaker_label.clone(),
                    kind: e.kind,
                    start: e.start,
                    end: e.end,
                    text: art.text[e.start..e.end].to_string(),
                    topics: e.topics.iter().map(|&t| index.summit.topics[t].id.clone()).collect(),
                    question: e.question.map(|q| index.entries[q].id.clone()),
                    transcript: index.transcript_check(i).map(|c| ExportCheck::new(index, c)),
                }
            })
            .collect(),
    }
}
