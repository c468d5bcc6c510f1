//! The export: every statement of every article as one JSON document.
//!
//! This is the contract the evaluation reads (see the README), so its shape
//! stays stable: `speakers`, `topics`, and per article `file`, `id`, `title`
//! and `statements` with `id`, `speaker`, `kind`, `start`, `end`, `text`,
//! `topics`. `speaker` is a tracked speaker's id or null; `speaker_label`
//! says who spoke when it is someone else.

use serde::Serialize;

use crate::analysis::Kind;
use crate::library::Library;

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
}

impl Export {
    pub fn new(lib: &Library) -> Export {
        let s = &lib.summit;
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
            articles: lib
                .articles
                .iter()
                .map(|a| ExportArticle {
                    file: a.article.file.clone(),
                    id: a.article.id.clone(),
                    title: a.article.title.clone(),
                    outlet: a.article.outlet.clone(),
                    url: a.article.url.clone(),
                    date: a.article.date.clone(),
                    statements: a
                        .statements
                        .iter()
                        .map(|st| ExportStatement {
                            id: st.id.clone(),
                            speaker: st.speaker.clone(),
                            speaker_label: st.speaker_label.clone(),
                            kind: st.kind,
                            start: st.start,
                            end: st.end,
                            text: a.article.text[st.start..st.end].to_string(),
                            topics: st.topics.clone(),
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).expect("the export holds only strings, numbers and lists")
    }
}
