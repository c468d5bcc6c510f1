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
use crate::transcript_check::Check;

#[derive(Debug, Serialize)]
pub struct Export<'a> {
    pub summit: ExportSummit<'a>,
    pub speakers: Vec<ExportSpeaker<'a>>,
    pub topics: Vec<ExportTopic<'a>>,
    pub articles: Vec<ExportArticle<'a>>,
}

#[derive(Debug, Serialize)]
pub struct ExportSummit<'a> {
    pub title: &'a str,
    pub date: &'a str,
    pub place: &'a str,
}

#[derive(Debug, Serialize)]
pub struct ExportSpeaker<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub role: &'a str,
}

#[derive(Debug, Serialize)]
pub struct ExportTopic<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub description: &'a str,
}

#[derive(Debug, Serialize)]
pub struct ExportArticle<'a> {
    pub file: &'a str,
    pub id: &'a str,
    pub title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<&'a str>,
    /// "news" or "transcript", when the front matter or `sources.toml` says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<&'a str>,
    #[serde(skip_serializing_if = "SourceKind::is_text")]
    pub source: SourceKind,
    pub statements: Vec<ExportStatement<'a>>,
}

#[derive(Debug, Serialize)]
pub struct ExportStatement<'a> {
    pub id: &'a str,
    pub speaker: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker_label: Option<&'a str>,
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub topics: Vec<&'a str>,
    /// In a transcript, the id of the question this statement answers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<&'a str>,
    /// The quotation checked against the loaded transcripts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transcript: Option<ExportCheck<'a>>,
}

/// What the transcript check found for one statement.
#[derive(Debug, Serialize)]
pub struct ExportCheck<'a> {
    /// The transcript statement with the same or close words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<&'a str>,
    /// `exact`, `close` or `not_found`.
    #[serde(rename = "match")]
    pub found: &'static str,
}

impl<'a> ExportCheck<'a> {
    fn new(index: &'a Index, check: &Check) -> ExportCheck<'a> {
        let found = match check {
            Check::Same { .. } => "exact",
            Check::Close { .. } => "close",
            Check::NotFound => "not_found",
        };
        ExportCheck { id: index.checked_against(check).map(|t| index.statement(t).id.as_str()), found }
    }
}

impl<'a> Export<'a> {
    /// The export of an index: its words are the index's, borrowed, so that
    /// writing the export of a large corpus holds no second copy of it.
    pub fn from_index(index: &'a Index) -> Export<'a> {
        let s = &index.summit;
        Export {
            summit: ExportSummit { title: s.title.as_str(), date: s.date.as_str(), place: s.place.as_str() },
            speakers: s
                .speakers
                .iter()
                .map(|sp| ExportSpeaker { id: sp.id.as_str(), name: sp.name.as_str(), role: sp.role.as_str() })
                .collect(),
            topics: s
                .topics
                .iter()
                .map(|t| ExportTopic { id: t.id.as_str(), name: t.name.as_str(), description: t.description.as_str() })
                .collect(),
            articles: index.articles.iter().map(|a| export_article(index, a)).collect(),
        }
    }

    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).expect("the export holds only strings, numbers and lists")
    }

    /// The export as the bytes `to_json_pretty` gives, in a buffer no larger
    /// than they are: what the server keeps to answer `/export.json`.
    pub fn to_json_bytes(&self) -> Vec<u8> {
        let mut bytes = serde_json::to_vec_pretty(self).expect("the export holds only strings, numbers and lists");
        bytes.shrink_to_fit();
        bytes
    }
}

fn export_article<'a>(index: &'a Index, a: &'a ArticleEntry) -> ExportArticle<'a> {
    let art = &a.article;
    ExportArticle {
        file: art.file.as_str(),
        id: art.id.as_str(),
        // The file's own title: a `sources.toml` added later must not change the export.
        title: art.text_title.as_str(),
        outlet: art.outlet.as_deref(),
        url: art.url.as_deref(),
        date: art.date.as_deref(),
        kind: art.kind.as_deref(),
        source: art.source,
        statements: a
            .entries
            .iter()
            .map(|&i| {
                let e = index.statement(i);
                ExportStatement {
                    id: e.id.as_str(),
                    speaker: e.speaker_id(&index.summit),
                    speaker_label: e.speaker_label.as_deref(),
                    kind: e.kind,
                    start: e.start,
                    end: e.end,
                    text: &art.text[e.start..e.end],
                    topics: e.topic_ids(&index.summit),
                    question: index.question(i).map(|q| index.statement(q).id.as_str()),
                    transcript: index.transcript_check(i).map(|c| ExportCheck::new(index, c)),
                }
            })
            .collect(),
    }
}
