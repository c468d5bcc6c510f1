//! The summit file: what a corpus is about.
//!
//! It names the summit, the speakers to track (with every way coverage refers
//! to them) and the topics (with the words that signal them), so that one
//! binary can serve any summit. The default is `seeds/summit.toml`, compiled in.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

/// The summit file compiled into the binary.
pub const DEFAULT_SUMMIT: &str = include_str!("../seeds/summit.toml");

/// The name reported for the compiled-in summit file in messages.
pub const DEFAULT_SUMMIT_NAME: &str = "seeds/summit.toml (built in)";

#[derive(Debug, Clone)]
pub struct Summit {
    pub title: String,
    pub date: String,
    pub place: String,
    pub speakers: Vec<Speaker>,
    pub topics: Vec<Topic>,
    /// The topic of a statement that names no issue of its own and whose
    /// context names none either (for a bilateral summit: the relationship).
    pub default_topic: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pronoun {
    He,
    She,
    They,
}

impl Pronoun {
    pub fn as_str(&self) -> &'static str {
        match self {
            Pronoun::He => "he",
            Pronoun::She => "she",
            Pronoun::They => "they",
        }
    }

    /// "his", "her" or "their": for "not his exact words".
    pub fn possessive(&self) -> &'static str {
        match self {
            Pronoun::He => "his",
            Pronoun::She => "her",
            Pronoun::They => "their",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Speaker {
    pub id: String,
    pub name: String,
    pub role: String,
    pub pronoun: Pronoun,
    /// Every phrase that refers to this speaker alone: names, titles, roles,
    /// honorifics ("Biden", "the US president", "Mr Biden", "POTUS").
    pub aliases: Vec<String>,
    /// Extra transcript labels that stand for this speaker ("THE
    /// PRESIDENT" in the host's own transcripts), compared in any case.
    pub labels: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Topic {
    pub id: String,
    pub name: String,
    pub description: String,
    /// Words and phrases that signal the topic. They are matched on word
    /// stems, so "sanction" also finds "sanctions"; a trailing `*` matches any
    /// word that starts with the stem ("cyber*" finds "cyberspace").
    pub keywords: Vec<String>,
}

place_type! {
    /// A speaker of the summit file, by its place in the file's list.
    /// Statements, the index and the pages hold speakers as these: an id is
    /// looked up once, when a statement is read, and written out again only
    /// where a page, an address or the export shows it.
    SpeakerIx in Speaker
}

place_type! {
    /// A topic of the summit file, by its place in the file's list (see
    /// [`SpeakerIx`]).
    TopicIx in Topic
}

impl Summit {
    /// The speaker with this id.
    pub fn speaker_ix(&self, id: &str) -> Option<SpeakerIx> {
        self.speakers.iter().position(|s| s.id == id).map(SpeakerIx)
    }

    /// The topic with this id.
    pub fn topic_ix(&self, id: &str) -> Option<TopicIx> {
        self.topics.iter().position(|t| t.id == id).map(TopicIx)
    }

    /// Every speaker, in the summit file's order.
    pub fn speaker_ixs(&self) -> impl ExactSizeIterator<Item = SpeakerIx> {
        (0..self.speakers.len()).map(SpeakerIx)
    }

    /// Every topic, in the summit file's order.
    pub fn topic_ixs(&self) -> impl ExactSizeIterator<Item = TopicIx> {
        (0..self.topics.len()).map(TopicIx)
    }

    /// The built-in summit file. It is checked by the test suite, so a broken
    /// one never ships; the error case still reports rather than panics.
    pub fn builtin() -> Result<Summit, SummitError> {
        Summit::parse(DEFAULT_SUMMIT, DEFAULT_SUMMIT_NAME)
    }

    pub fn from_file(path: &Path) -> Result<Summit, SummitError> {
        let name = path.display().to_string();
        let fail = |message: String| SummitError { file: name.clone(), line: None, message };
        // Refused before it is read: a summit file is a few kilobytes.
        let size = std::fs::metadata(path).map_err(|e| fail(format!("cannot read the summit file: {e}")))?.len();
        if size > MAX_FILE_BYTES as u64 {
            return Err(fail(too_large(size as usize)));
        }
        let text = std::fs::read_to_string(path).map_err(|e| fail(format!("cannot read the summit file: {e}")))?;
        Summit::parse(&text, &name)
    }

    /// Parses and checks a summit file; `name` is used in error messages.
    pub fn parse(text: &str, name: &str) -> Result<Summit, SummitError> {
        if text.len() > MAX_FILE_BYTES {
            return Err(SummitError { file: name.to_string(), line: None, message: too_large(text.len()) });
        }
        let raw: RawFile = toml::from_str(text).map_err(|e| SummitError {
            file: name.to_string(),
            line: e.span().map(|s| line_of(text, s.start)),
            message: e.message().trim().to_string(),
        })?;
        validate(raw, text, name)
    }
}

/// A summit file that cannot be used, with where and what to fix.
#[derive(Debug, Clone, thiserror::Error)]
pub struct SummitError {
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for SummitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    summit: RawSummit,
    #[serde(default)]
    speakers: Vec<RawSpeaker>,
    #[serde(default)]
    topics: Vec<RawTopic>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSummit {
    title: String,
    #[serde(default)]
    date: String,
    #[serde(default)]
    place: String,
    #[serde(default)]
    default_topic: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSpeaker {
    id: Spanned<String>,
    name: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    pronoun: Option<Spanned<String>>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    #[serde(default)]
    labels: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTopic {
    id: Spanned<String>,
    name: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    keywords: Vec<Spanned<String>>,
}

/// Largest summit file read, in bytes.
const MAX_FILE_BYTES: usize = 1024 * 1024;
/// Most speakers, topics, and aliases or keywords of one of them.
const MAX_SPEAKERS: usize = 100;
const MAX_TOPICS: usize = 500;
const MAX_ALIASES: usize = 1000;
const MAX_KEYWORDS: usize = 1000;
/// Longest title, name, role, place, alias or keyword, in characters.
const MAX_NAME_CHARS: usize = 200;
/// Longest topic description, in characters.
const MAX_DESCRIPTION_CHARS: usize = 2000;

fn too_large(bytes: usize) -> String {
    format!("the summit file is {bytes} bytes, over the {MAX_FILE_BYTES} allowed: it names speakers and topics, not articles")
}

/// `what` (quoted in the message) if it is not blank and at most `most`
/// characters long.
fn bounded(value: &str, what: &str, most: usize) -> Result<(), String> {
    if value.trim().is_empty() {
        return Err(format!("{what} is empty"));
    }
    let chars = value.chars().count();
    if chars > most {
        return Err(format!("{what} is {chars} characters long, over the {most} allowed"));
    }
    Ok(())
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
}

fn validate(raw: RawFile, text: &str, name: &str) -> Result<Summit, SummitError> {
    let err = |offset: usize, message: String| SummitError {
        file: name.to_string(),
        line: Some(line_of(text, offset)),
        message,
    };
    let whole = |message: String| SummitError { file: name.to_string(), line: None, message };
    if raw.speakers.is_empty() {
        return Err(whole("no speakers: add at least one [[speakers]] table with an id, a name and aliases".into()));
    }
    if raw.speakers.len() > MAX_SPEAKERS {
        return Err(whole(format!("{} speakers, over the {MAX_SPEAKERS} allowed", raw.speakers.len())));
    }
    if raw.topics.len() > MAX_TOPICS {
        return Err(whole(format!("{} topics, over the {MAX_TOPICS} allowed", raw.topics.len())));
    }
    bounded(&raw.summit.title, "the summit's title", MAX_NAME_CHARS).map_err(whole)?;
    for (value, what) in [(&raw.summit.date, "the summit's date"), (&raw.summit.place, "the summit's place")] {
        if value.chars().count() > MAX_NAME_CHARS {
            return Err(whole(format!("{what} is over {MAX_NAME_CHARS} characters long")));
        }
    }
    let mut seen = HashSet::new();
    let mut speakers = Vec::new();
    // Every alias (lower-cased) and its speaker: one look-up per alias.
    let mut alias_owner: HashMap<String, String> = HashMap::new();
    for s in raw.speakers {
        let id = s.id.get_ref().clone();
        if !is_valid_id(&id) {
            return Err(err(s.id.span().start, format!("speaker id {id:?} must be lowercase letters, digits and '-'")));
        }
        if !seen.insert(id.clone()) {
            return Err(err(s.id.span().start, format!("speaker id {id:?} is used twice")));
        }
        let at = s.id.span().start;
        bounded(&s.name, &format!("the name of speaker {id:?}"), MAX_NAME_CHARS).map_err(|m| err(at, m))?;
        if s.role.chars().count() > MAX_NAME_CHARS {
            return Err(err(at, format!("the role of speaker {id:?} is over {MAX_NAME_CHARS} characters long")));
        }
        if s.aliases.len() > MAX_ALIASES {
            return Err(err(at, format!("speaker {id:?} has {} aliases, over the {MAX_ALIASES} allowed", s.aliases.len())));
        }
        let pronoun = match s.pronoun.as_ref().map(|p| (p.get_ref().as_str(), p.span().start)) {
            None | Some(("he", _)) => Pronoun::He,
            Some(("she", _)) => Pronoun::She,
            Some(("they", _)) => Pronoun::They,
            Some((other, at)) => {
                return Err(err(at, format!("pronoun {other:?} of speaker {id:?} must be \"he\", \"she\" or \"they\"")))
            }
        };
        let mut aliases = vec![s.name.trim().to_string()];
        for a in &s.aliases {
            let alias = a.get_ref().trim().to_string();
            if alias.is_empty() {
                return Err(err(a.span().start, format!("speaker {id:?} has an empty alias")));
            }
            if alias.chars().count() > MAX_NAME_CHARS {
                return Err(err(a.span().start, format!("an alias of speaker {id:?} is over {MAX_NAME_CHARS} characters long")));
            }
            let owner = alias_owner.entry(alias.to_lowercase()).or_insert_with(|| id.clone());
            if *owner != id {
                return Err(err(a.span().start, format!("alias {alias:?} of speaker {id:?} is also an alias of {owner:?}: an alias must name one speaker")));
            }
            aliases.push(alias);
        }
        aliases.sort();
        aliases.dedup();
        let labels = s.labels.iter().map(|l| l.trim().to_string()).filter(|l| !l.is_empty()).collect();
        speakers.push(Speaker { id, name: s.name.trim().to_string(), role: s.role, pronoun, aliases, labels });
    }
    let mut topics = Vec::new();
    let mut seen = HashSet::new();
    for t in raw.topics {
        let id = t.id.get_ref().clone();
        if !is_valid_id(&id) {
            return Err(err(t.id.span().start, format!("topic id {id:?} must be lowercase letters, digits and '-'")));
        }
        if !seen.insert(id.clone()) {
            return Err(err(t.id.span().start, format!("topic id {id:?} is used twice")));
        }
        let at = t.id.span().start;
        bounded(&t.name, &format!("the name of topic {id:?}"), MAX_NAME_CHARS).map_err(|m| err(at, m))?;
        if t.description.chars().count() > MAX_DESCRIPTION_CHARS {
            return Err(err(at, format!("the description of topic {id:?} is over {MAX_DESCRIPTION_CHARS} characters long")));
        }
        if t.keywords.is_empty() {
            return Err(err(at, format!("topic {id:?} has no keywords: list the words that signal it")));
        }
        if t.keywords.len() > MAX_KEYWORDS {
            return Err(err(at, format!("topic {id:?} has {} keywords, over the {MAX_KEYWORDS} allowed", t.keywords.len())));
        }
        let mut keywords = Vec::new();
        for k in &t.keywords {
            let kw = k.get_ref().trim();
            if kw.trim_end_matches('*').trim().is_empty() {
                return Err(err(k.span().start, format!("topic {id:?} has an empty keyword")));
            }
            if kw.chars().count() > MAX_NAME_CHARS {
                return Err(err(k.span().start, format!("a keyword of topic {id:?} is over {MAX_NAME_CHARS} characters long")));
            }
            keywords.push(kw.to_string());
        }
        topics.push(Topic { id, name: t.name.trim().to_string(), description: t.description, keywords });
    }
    let default_topic = match raw.summit.default_topic {
        None => None,
        Some(d) => {
            if !topics.iter().any(|t| t.id == *d.get_ref()) {
                return Err(err(d.span().start, format!("default_topic {:?} is not the id of a [[topics]] entry", d.get_ref())));
            }
            Some(d.into_inner())
        }
    };
    Ok(Summit {
        title: raw.summit.title,
        date: raw.summit.date,
        place: raw.summit.place,
        speakers,
        topics,
        default_topic,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"
[summit]
title = "Test summit"

[[speakers]]
id = "ann"
name = "Ann Example"
pronoun = "she"
aliases = ["Ann", "the chancellor"]

[[topics]]
id = "trade"
name = "Trade"
keywords = ["tariff*"]
"#;

    #[test]
    fn parses_a_minimal_file() {
        let s = Summit::parse(MINIMAL, "t.toml").unwrap();
        assert_eq!(s.speakers[0].pronoun, Pronoun::She);
        assert!(s.speakers[0].aliases.contains(&"Ann Example".to_string()));
        assert_eq!(s.topics[0].keywords, vec!["tariff*"]);
    }

    #[test]
    fn syntax_error_names_file_and_line() {
        let bad = "[summit]\ntitle = \"x\"\n[[speakers]\nid = 1\n";
        let e = Summit::parse(bad, "bad.toml").unwrap_err();
        assert_eq!(e.file, "bad.toml");
        assert_eq!(e.line, Some(3), "{e}");
        assert!(e.to_string().starts_with("bad.toml:3:"), "{e}");
    }

    #[test]
    fn unknown_default_topic_is_reported_on_its_line() {
        let bad = MINIMAL.replace("title = \"Test summit\"", "title = \"Test summit\"\ndefault_topic = \"nope\"");
        let e = Summit::parse(&bad, "s.toml").unwrap_err();
        assert_eq!(e.line, Some(4));
        assert!(e.message.contains("nope"));
    }

    #[test]
    fn alias_shared_by_two_speakers_is_refused() {
        let bad = format!("{MINIMAL}\n[[speakers]]\nid = \"bob\"\nname = \"Bob\"\naliases = [\"the Chancellor\"]\n");
        let e = Summit::parse(&bad, "s.toml").unwrap_err();
        assert!(e.message.contains("also an alias"), "{e}");
        assert_eq!(e.line, Some(19));
    }

    #[test]
    fn bad_ids_and_pronouns_are_refused() {
        let e = Summit::parse(&MINIMAL.replace("id = \"ann\"", "id = \"Ann X\""), "s").unwrap_err();
        assert!(e.message.contains("lowercase"), "{e}");
        let e = Summit::parse(&MINIMAL.replace("\"she\"", "\"it\""), "s").unwrap_err();
        assert!(e.message.contains("pronoun"), "{e}");
        let e = Summit::parse(&MINIMAL.replace("keywords = [\"tariff*\"]", "keywords = []"), "s").unwrap_err();
        assert!(e.message.contains("no keywords"), "{e}");
    }

    #[test]
    fn empty_names_are_refused() {
        let e = Summit::parse(&MINIMAL.replace("name = \"Ann Example\"", "name = \"  \""), "s").unwrap_err();
        assert!(e.message.contains("name of speaker \"ann\" is empty"), "{e}");
        assert_eq!(e.line, Some(6));
        let e = Summit::parse(&MINIMAL.replace("name = \"Trade\"", "name = \"\""), "s").unwrap_err();
        assert!(e.message.contains("name of topic \"trade\" is empty"), "{e}");
        let e = Summit::parse(&MINIMAL.replace("title = \"Test summit\"", "title = \"\""), "s").unwrap_err();
        assert!(e.message.contains("title is empty"), "{e}");
    }

    #[test]
    fn sizes_are_bounded_with_a_clear_error() {
        let long = "x".repeat(MAX_NAME_CHARS + 1);
        let e = Summit::parse(&MINIMAL.replace("Test summit", &long), "s").unwrap_err();
        assert!(e.message.contains("over the 200 allowed"), "{e}");
        let many: Vec<String> = (0..=MAX_ALIASES).map(|i| format!("\"a{i}\"")).collect();
        let e = Summit::parse(&MINIMAL.replace("\"Ann\", \"the chancellor\"", &many.join(", ")), "s").unwrap_err();
        assert!(e.message.contains("1001 aliases, over the 1000 allowed"), "{e}");
        let huge = format!("{MINIMAL}\n# {}\n", "x".repeat(MAX_FILE_BYTES));
        let e = Summit::parse(&huge, "s").unwrap_err();
        assert!(e.message.contains("over the 1048576 allowed"), "{e}");
    }

    #[test]
    fn many_aliases_are_all_checked() {
        // 50 speakers of 1,000 aliases each (checked with one look-up per
        // alias, not against every earlier one): all kept, and one alias
        // shared by the first and the last speaker is still found.
        let file_of = |last_alias: &str| {
            let mut file = String::from("[summit]\ntitle = \"Big\"\n");
            for s in 0..50 {
                let mut aliases: Vec<String> = (0..MAX_ALIASES - 1).map(|a| format!("\"s{s} a{a}\"")).collect();
                aliases.push(format!("\"{}\"", if s == 49 { last_alias.to_string() } else { format!("s{s} last") }));
                file.push_str(&format!("[[speakers]]\nid = \"s{s}\"\nname = \"S {s}\"\naliases = [{}]\n", aliases.join(", ")));
            }
            file
        };
        let summit = Summit::parse(&file_of("s49 last"), "big.toml").unwrap();
        assert_eq!(summit.speakers.len(), 50);
        assert_eq!(summit.speakers[49].aliases.len(), MAX_ALIASES + 1, "the name and every alias");
        let e = Summit::parse(&file_of("S0 A7"), "big.toml").unwrap_err();
        assert!(e.message.contains("also an alias of \"s0\""), "{e}");
    }

    #[test]
    fn builtin_file_is_valid() {
        let s = Summit::builtin().unwrap();
        assert!(s.speaker_ix("biden").is_some() && s.speaker_ix("putin").is_some());
        for id in [
            "relations", "strategic-stability", "cybersecurity", "human-rights", "navalny",
            "election-interference", "prisoners", "diplomats", "ukraine", "belarus", "syria",
            "iran", "afghanistan", "arctic", "libya", "climate", "trade", "covid-19",
        ] {
            assert!(s.topic_ix(id).is_some(), "missing topic {id}");
        }
    }
}
