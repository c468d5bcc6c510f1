//! View models: what pages show, built from the index. Each is `Serialize`,
//! so the same value renders the HTML page and its `.json` twin.

use serde::Serialize;

use crate::analysis::{Kind, Statement};
use crate::summit::{SpeakerIx, TopicIx};
use crate::index::{ArticleIx, EntryIx, Index};
use crate::text::{for_display, marked_stretches};
use crate::transcript_check::{Change, Check};

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
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The original article's address, where known (http(s) only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub original_url: Option<String>,
    /// "Outlet, 16 June 2021", as cards show the source; "outlet unknown"
    /// stands for an outlet no one has given, never the file name.
    pub source_line: String,
}

/// What stands for an outlet that neither front matter nor `sources.toml` gives.
pub const OUTLET_UNKNOWN: &str = "outlet unknown";

impl ArticleRef {
    /// The outlet, or "outlet unknown".
    pub fn outlet_name(&self) -> &str {
        self.outlet.as_deref().unwrap_or(OUTLET_UNKNOWN)
    }
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
    /// For reported speech (indirect or mixed), what says so in words:
    /// "Reported by Outlet — not his exact words". None for a direct quote.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reported: Option<String>,
    /// The account whose embedded post carried the statement ("@mrctv").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
    /// What the loaded transcripts say of its quoted words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transcript: Option<TranscriptView>,
    /// A turn of a transcript in the speaker's own words: the record others
    /// are checked against, which a card says (the fullest version of a
    /// statement quoted word for word elsewhere is often this one).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub from_transcript: bool,
    #[serde(skip)]
    pub speaker_class: String,
}

/// A statement checked against the transcript, as a page shows it.
#[derive(Debug, Clone, Serialize)]
pub struct TranscriptView {
    /// `exact`, `close` or `not_found`, as in the export; the page's class.
    #[serde(rename = "match")]
    pub found: &'static str,
    /// What the page says: "In the transcript: the same words".
    pub label: &'static str,
    /// The permalink of the transcript's statement, when found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The transcript's title, when found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// For close words: the quotation's words and the transcript's, each
    /// marked `both`, `quotation` (only in the quotation), `transcript`
    /// (only in the transcript) or `gap` (between two quotations).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<DiffWordView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DiffWordView {
    pub text: String,
    pub change: &'static str,
}

impl TranscriptView {
    fn new(index: &Index, check: &Check) -> TranscriptView {
        let at = index.checked_against(check);
        let url = at.map(|t| format!("/quotes/{}", index.statement(t).id));
        let title = at.map(|t| crate::text::shorten(&index.article_of(t).title, TITLE_LIMIT));
        match check {
            Check::Same { .. } => {
                TranscriptView { found: "exact", label: "In the transcript: the same words", url, title, words: Vec::new() }
            }
            Check::Close { words, .. } => {
                let words = words.iter().map(|w| DiffWordView { text: w.text.clone(), change: change_name(w.change) }).collect();
                TranscriptView { found: "close", label: "In the transcript: close, but these words differ", url, title, words }
            }
            Check::NotFound => TranscriptView {
                found: "not_found",
                label: "Not found in the loaded transcript",
                url: None,
                title: None,
                words: Vec::new(),
            },
        }
    }
}

fn change_name(change: Change) -> &'static str {
    match change {
        Change::Both => "both",
        Change::Quotation => "quotation",
        Change::Transcript => "transcript",
        Change::Gap => "gap",
    }
}

impl StatementView {
    /// "quote", "reported speech" or "reported, with quoted words".
    pub fn kind_label(&self) -> &'static str {
        kind_label(self.kind)
    }

    pub fn is_direct(&self) -> bool {
        self.kind == Kind::Direct
    }

    /// The words as plain text, the speaker's own in curly quotation marks:
    /// for link previews, feeds and card descriptions.
    pub fn quoted_text(&self) -> String {
        self.parts.iter().map(|p| if p.quoted { format!("\u{201c}{}\u{201d}", p.text) } else { p.text.clone() }).collect()
    }

    /// The words with the reporter's label before them when they are
    /// reported speech: what a preview or a feed says of the statement.
    pub fn labelled_text(&self) -> String {
        match &self.reported {
            Some(label) => format!("{label}: {}", self.quoted_text()),
            None => self.quoted_text(),
        }
    }
}

/// A link preview's title, distinct for each statement: the speaker, the
/// topic and the first words ("Joe Biden on Cybersecurity: “We agreed…”";
/// reported speech "…, as reported: he said they…").
pub fn preview_title(s: &StatementView) -> String {
    const FIRST_WORDS: usize = 60;
    let who = match s.topics.first() {
        Some(t) => format!("{} on {}", s.speaker_name, t.name),
        None => s.speaker_name.clone(),
    };
    if s.is_direct() {
        format!("{who}: \u{201c}{}\u{201d}", crate::text::shorten(&s.text, FIRST_WORDS))
    } else {
        format!("{who}, as reported: {}", crate::text::shorten(&s.quoted_text(), FIRST_WORDS))
    }
}

/// A link preview's description: the words (reported speech labelled as
/// such) and where they were published.
pub fn preview_description(s: &StatementView) -> String {
    format!("{} \u{2014} {}", s.labelled_text(), s.article.source_line)
}

/// "Reported by Outlet — not his exact words".
pub fn reported_label(outlet: Option<&str>, possessive: &str) -> String {
    match outlet {
        Some(o) => format!("Reported by {o} \u{2014} not {possessive} exact words"),
        None => format!("Reported speech ({OUTLET_UNKNOWN}) \u{2014} not {possessive} exact words"),
    }
}

/// "16 June 2021" from "2021-06-16"; any other date as it is written.
pub fn display_date(date: &str) -> String {
    const MONTHS: [&str; 12] =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    let date = date.trim();
    if !crate::corpus::is_iso_date(date) {
        return date.to_string();
    }
    let month = date[5..7].parse::<usize>().ok().and_then(|m| MONTHS.get(m.wrapping_sub(1)));
    let day = date[8..10].parse::<u32>().ok();
    match (month, day) {
        (Some(m), Some(d)) => format!("{d} {m} {}", &date[..4]),
        _ => date.to_string(),
    }
}

/// "Outlet, 16 June 2021", "Outlet" or "outlet unknown, 16 June 2021".
pub fn source_line(outlet: Option<&str>, date: Option<&str>) -> String {
    let outlet = outlet.unwrap_or(OUTLET_UNKNOWN);
    match date {
        Some(d) => format!("{outlet}, {}", display_date(d)),
        None => outlet.to_string(),
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
pub fn speaker_class(speaker: Option<SpeakerIx>) -> String {
    match speaker {
        Some(s) => format!("sp-{}", s.position() % 6),
        None => "sp-other".to_string(),
    }
}

pub fn topic_ref(index: &Index, t: TopicIx) -> TopicRef {
    let topic = &index.summit.topics[t];
    TopicRef { id: topic.id.clone(), name: topic.name.clone(), url: format!("/topics/{}", topic.id) }
}

pub fn speaker_ref(index: &Index, s: SpeakerIx) -> SpeakerRef {
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
pub fn article_ref(index: &Index, a: ArticleIx) -> ArticleRef {
    let art = &index.articles[a].article;
    ArticleRef {
        id: art.id.clone(),
        title: crate::text::shorten(&art.title, TITLE_LIMIT),
        short_title: crate::text::shorten(&art.title, 60),
        url: format!("/articles/{}", art.id),
        file: art.file.clone(),
        outlet: art.outlet.clone(),
        date: art.date.clone(),
        original_url: crate::web::text_fragment::web_address(art.url.as_deref()).map(str::to_string),
        source_line: source_line(art.outlet.as_deref(), art.date.as_deref()),
    }
}

pub fn statement(index: &Index, i: EntryIx) -> StatementView {
    let placed = &index.entries[i];
    let e = &placed.statement;
    let text = &index.articles[placed.article].article.text;
    let article = article_ref(index, placed.article);
    let possessive = e.speaker.map_or("their", |s| index.summit.speakers[s].pronoun.possessive());
    let reported = (e.kind != Kind::Direct).then(|| reported_label(article.outlet.as_deref(), possessive));
    let via = match &index.articles[placed.article].article.blocks.get(e.block).map(|b| &b.kind) {
        Some(crate::corpus::BlockKind::Post { account }) => Some(account.clone()),
        _ => None,
    };
    StatementView {
        id: e.id.clone(),
        url: format!("/quotes/{}", e.id),
        context_url: format!("{}#s-{}", article.url, e.id),
        speaker: e.speaker.map(|s| index.summit.speakers[s].id.clone()),
        speaker_name: index.speaker_name(i),
        kind: e.kind,
        text: for_display(&text[e.start..e.end]),
        parts: parts(text, e),
        topics: e.topics.iter().map(|&t| topic_ref(index, t)).collect(),
        article,
        start: e.start,
        end: e.end,
        sources: index.sources(i),
        reported,
        via,
        transcript: index.transcript_check(i).map(|c| TranscriptView::new(index, c)),
        from_transcript: index.articles[placed.article].transcript && e.kind == Kind::Direct && e.speaker.is_some(),
        speaker_class: speaker_class(e.speaker),
    }
}

pub fn statements(index: &Index, ids: impl IntoIterator<Item = EntryIx>) -> Vec<StatementView> {
    ids.into_iter().map(|i| statement(index, i)).collect()
}

/// Splits a statement into the quoted words and the reporter's words
/// around them. A direct statement is all quoted; an indirect one has none.
/// Every character of the statement but the quotation marks is in exactly
/// one part, in order: a quoted part runs from its opening mark to its
/// closing one, with the comma or colon that the analysis trims off a
/// quotation ("productive," keeps its comma).
fn parts(text: &str, statement: &Statement) -> Vec<Part> {
    let (start, end) = (statement.start, statement.end);
    let whole = |quoted| vec![Part { text: for_display(&text[start..end]), quoted }];
    match statement.kind {
        Kind::Direct => return whole(true),
        Kind::Indirect => return whole(false),
        Kind::Mixed => {}
    }
    let quotations = statement.quotes.iter().map(|q| {
        let (qs, qe) = q.outer();
        // Inside the marks: after the opening one, up to the closing one.
        let inner_start = q.open.map_or(q.start, |o| o + text[o..].chars().next().map_or(1, char::len_utf8));
        let inner_end = q.close_end.map_or(q.end, |c| c - text[..c].chars().next_back().map_or(1, char::len_utf8));
        let inner = inner_start.min(inner_end)..inner_end.max(inner_start);
        // A quotation left open ends where its words do: what follows in
        // the statement is the reporter's again.
        (qs..qe.min(end), inner)
    });
    marked_stretches(start, end, quotations)
        .into_iter()
        .map(|(range, inner)| match inner {
            Some(inner) => Part { text: for_display(&text[inner]), quoted: true },
            None => Part { text: for_display(&text[range]), quoted: false },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::statement_quotes;

    /// The parts of a statement of `kind` over `start..end` of `text`.
    fn parts_of(text: &str, start: usize, end: usize, kind: Kind) -> Vec<Part> {
        let statement = Statement {
            id: String::new(),
            speaker: None,
            speaker_label: None,
            kind,
            start,
            end,
            topics: Vec::new(),
            block: 0,
            sentence: (start, end),
            question: None,
            quotes: statement_quotes(text, start, end, kind),
        };
        parts(text, &statement)
    }

    #[test]
    fn mixed_statements_set_quoted_words_apart() {
        let t = "the talks were \u{201c}constructive\u{201d} and long";
        let p = parts_of(t, 0, t.len(), Kind::Mixed);
        let shape: Vec<(&str, bool)> = p.iter().map(|p| (p.text.as_str(), p.quoted)).collect();
        assert_eq!(shape, [("the talks were ", false), ("constructive", true), (" and long", false)]);
        assert!(parts_of(t, 0, 9, Kind::Direct)[0].quoted);
        assert!(!parts_of(t, 0, 9, Kind::Indirect)[0].quoted);
    }

    #[test]
    fn a_comma_inside_the_quotation_marks_is_kept() {
        let t = "The conversations were \"productive,\" according to Putin";
        let p = parts_of(t, 0, t.len(), Kind::Mixed);
        let shape: Vec<(&str, bool)> = p.iter().map(|p| (p.text.as_str(), p.quoted)).collect();
        assert_eq!(shape, [("The conversations were ", false), ("productive,", true), (" according to Putin", false)]);
    }

    #[test]
    fn dates_read_as_words() {
        assert_eq!(display_date("2021-06-16"), "16 June 2021");
        assert_eq!(display_date("2021-06-16T10:00Z"), "16 June 2021");
        assert_eq!(display_date("June 2021"), "June 2021");
        assert_eq!(source_line(None, None), "outlet unknown");
        assert_eq!(source_line(Some("Daily"), Some("2021-01-02")), "Daily, 2 January 2021");
    }
}
