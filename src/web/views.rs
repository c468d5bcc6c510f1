//! View models: what pages show, built from the index. Each is `Serialize`,
//! so the same value renders the HTML page and its `.json` twin.

use serde::Serialize;

use crate::analysis::{find_quotes, Kind};
use crate::index::Index;
use crate::text::for_display;

/// A link to a topic.
#[derive(Debug, Clone, Serialize)]
pub struct TopicRef {
    pub id: String,
    pub name: String,
    pub url: String,
}

/// A tracked speaker, with the CSS class that gives their colour.
#[derive(Debug, Clone, Serialize)]
pub struct SpeakerRef {
    pub id: String,
    pub name: String,
    pub role: String,
    pub url: String,
    #[serde(skip)]
    pub class: String,
}

/// A link to an article.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleRef {
    pub id: String,
    pub title: String,
    /// The title cut to fit on a card.
    #[serde(skip)]
    pub short_title: String,
    pub url: String,
    pub file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
}

/// A stretch of a statement's words: the speaker's own quoted words, or the
/// reporter's frame around them.
#[derive(Debug, Clone, Serialize)]
pub struct Part {
    pub text: String,
    pub quoted: bool,
}

/// One statement, as a card on any page.
#[derive(Debug, Clone, Serialize)]
pub struct StatementView {
    pub id: String,
    /// The permalink ("individually").
    pub url: String,
    /// The statement in its article ("in context").
    pub context_url: String,
    /// The tracked speaker's id, or null for anyone else.
    pub speaker: Option<String>,
    pub speaker_name: String,
    pub kind: Kind,
    pub text: String,
    pub parts: Vec<Part>,
    pub topics: Vec<TopicRef>,
    pub article: ArticleRef,
    pub start: usize,
    pub end: usize,
    /// How many articles report this statement, in this or another version.
    pub sources: usize,
    #[serde(skip)]
    pub speaker_class: String,
}

impl StatementView {
    /// "quote", "reported speech" or "reported, with quoted words".
    pub fn kind_label(&self) -> &'static str {
        kind_label(self.kind)
    }

    pub fn is_direct(&self) -> bool {
        self.kind == Kind::Direct
    }
}

pub fn kind_label(kind: Kind) -> &'static str {
    match kind {
        Kind::Direct => "quote",
        Kind::Indirect => "reported speech",
        Kind::Mixed => "reported, with quoted words",
    }
}

/// The CSS class of a speaker's colour: one of a small palette, by their
/// place in the summit file; anyone untracked is grey.
pub fn speaker_class(speaker: Option<usize>) -> String {
    match speaker {
        Some(i) => format!("sp-{}", i % 6),
        None => "sp-other".to_string(),
    }
}

pub fn topic_ref(index: &Index, t: usize) -> TopicRef {
    let topic = &index.summit.topics[t];
    TopicRef { id: topic.id.clone(), name: topic.name.clone(), url: format!("/topics/{}", topic.id) }
}

pub fn speaker_ref(index: &Index, s: usize) -> SpeakerRef {
    let sp = &index.summit.speakers[s];
    SpeakerRef {
        id: sp.id.clone(),
        name: sp.name.clone(),
        role: sp.role.clone(),
        url: format!("/speakers/{}", sp.id),
        class: speaker_class(Some(s)),
    }
}

/// Longest article title shown anywhere but on the article's own page, in
/// characters: front matter may give a title of any length.
pub const TITLE_LIMIT: usize = 200;

/// An article as other pages show and link to it, its title shortened to
/// [`TITLE_LIMIT`] (the article page shows it whole).
pub fn article_ref(index: &Index, a: usize) -> ArticleRef {
    let art = &index.articles[a].article;
    ArticleRef {
        id: art.id.clone(),
        title: crate::text::shorten(&art.title, TITLE_LIMIT),
        short_title: crate::text::shorten(&art.title, 60),
        url: format!("/articles/{}", art.id),
        file: art.file.clone(),
        outlet: art.outlet.clone(),
    }
}

pub fn statement(index: &Index, i: usize) -> StatementView {
    let e = &index.entries[i];
    let text = &index.articles[e.article].article.text;
    let article = article_ref(index, e.article);
    StatementView {
        id: e.id.clone(),
        url: format!("/quotes/{}", e.id),
        context_url: format!("{}#s-{}", article.url, e.id),
        speaker: e.speaker.map(|s| index.summit.speakers[s].id.clone()),
        speaker_name: index.speaker_name(i),
        kind: e.kind,
        text: for_display(&text[e.start..e.end]),
        parts: parts(text, e.start, e.end, e.kind),
        topics: e.topics.iter().map(|&t| topic_ref(index, t)).collect(),
        article,
        start: e.start,
        end: e.end,
        sources: index.sources(i),
        speaker_class: speaker_class(e.speaker),
    }
}

pub fn statements(index: &Index, ids: impl IntoIterator<Item = usize>) -> Vec<StatementView> {
    ids.into_iter().map(|i| statement(index, i)).collect()
}

/// Splits a statement into the quoted words and the reporter's words
/// around them. A direct statement is all quoted; an indirect one has none.
fn parts(text: &str, start: usize, end: usize, kind: Kind) -> Vec<Part> {
    let whole = |quoted| vec![Part { text: for_display(&text[start..end]), quoted }];
    match kind {
        Kind::Direct => return whole(true),
        Kind::Indirect => return whole(false),
        Kind::Mixed => {}
    }
    let mut out = Vec::new();
    let mut pos = start;
    for q in find_quotes(text, start, end) {
        let (qs, qe) = q.outer();
        if qs > pos {
            out.push(Part { text: for_display(&text[pos..qs]), quoted: false });
        }
        out.push(Part { text: for_display(&text[q.start..q.end]), quoted: true });
        pos = qe.max(pos);
    }
    if pos < end {
        out.push(Part { text: for_display(&text[pos..end]), quoted: false });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mixed_statements_set_quoted_words_apart() {
        let t = "the talks were \u{201c}constructive\u{201d} and long";
        let p = parts(t, 0, t.len(), Kind::Mixed);
        let shape: Vec<(&str, bool)> = p.iter().map(|p| (p.text.as_str(), p.quoted)).collect();
        assert_eq!(shape, [("the talks were ", false), ("constructive", true), (" and long", false)]);
        assert!(parts(t, 0, 9, Kind::Direct)[0].quoted);
        assert!(!parts(t, 0, 9, Kind::Indirect)[0].quoted);
    }
}
