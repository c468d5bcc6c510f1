//! `sources.toml` in an articles folder: what front matter would say about
//! files that must stay exactly as they are (the built-in seeds, byte for
//! byte), by file name:
//!
//! ```toml
//! ["003_598ad137c9059fb0.txt"]
//! title = "Biden and Putin agree to negotiate"
//! outlet = "Al Mayadeen English"
//! url = "https://english.almayadeen.net/…"
//! date = "2021-06-16"
//! kind = "news"            # or "transcript"
//! ```
//!
//! A file's own front matter wins over its entry here. A broken file or
//! entry is a warning naming the file and the line; the articles load all
//! the same, and every good entry is used.

use std::collections::{BTreeMap, HashMap};

use toml::Spanned;

/// The name the file has in an articles folder.
pub const SOURCES_FILE: &str = "sources.toml";

/// The keys an entry may have.
const KEYS: [&str; 5] = ["title", "outlet", "url", "date", "kind"];
/// The kinds of article there are.
const KINDS: [&str; 2] = ["news", "transcript"];

/// What is known of one article's source.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SourceInfo {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub date: Option<String>,
    pub kind: Option<String>,
}

/// Every entry of a `sources.toml`, by file name.
#[derive(Debug, Default, Clone)]
pub struct Sources {
    by_file: HashMap<String, SourceInfo>,
}

type Entry = BTreeMap<String, Spanned<toml::Value>>;

impl Sources {
    /// Reads `text` (the contents of `file`), with a warning for each thing
    /// that cannot be used, as "file:line: what is wrong".
    pub fn parse(file: &str, text: &str) -> (Sources, Vec<String>) {
        let mut warnings = Vec::new();
        let at = |offset: usize| format!("{file}:{}", line_of(text, offset));
        let entries: BTreeMap<String, Spanned<Entry>> = match toml::from_str(text) {
            Ok(e) => e,
            Err(e) => {
                let line = e.span().map_or(1, |s| line_of(text, s.start));
                let message = e.message().trim().to_string();
                warnings.push(format!("{file}:{line}: {message}; no source in the file is used, each article keeps what its own text says"));
                return (Sources::default(), warnings);
            }
        };
        let mut by_file = HashMap::new();
        for (name, entry) in entries {
            let entry_line = entry.span().start;
            let mut info = SourceInfo::default();
            for (key, value) in entry.into_inner() {
                let where_ = at(value.span().start);
                let Some(text_value) = value.get_ref().as_str().map(str::trim).filter(|v| !v.is_empty()) else {
                    warnings.push(format!("{where_}: \"{key}\" of \"{name}\" must be a string of text; it is left out"));
                    continue;
                };
                match check(&key, text_value) {
                    Ok(()) => set(&mut info, &key, text_value.to_string()),
                    Err(why) => warnings.push(format!("{where_}: \"{key}\" of \"{name}\" {why}; it is left out")),
                }
            }
            if info == SourceInfo::default() {
                warnings.push(format!("{}: \"{name}\" has nothing usable", at(entry_line)));
                continue;
            }
            by_file.insert(name, info);
        }
        (Sources { by_file }, warnings)
    }

    pub fn get(&self, file: &str) -> Option<&SourceInfo> {
        self.by_file.get(file)
    }

    /// The files named in it, for a warning about those that are not loaded.
    pub fn files(&self) -> impl Iterator<Item = &str> {
        self.by_file.keys().map(String::as_str)
    }
}

/// Why a value cannot be used for `key`, if it cannot.
fn check(key: &str, value: &str) -> Result<(), String> {
    match key {
        "kind" if !KINDS.contains(&value) => Err(format!("is {value:?}, not one of {}", KINDS.join(", "))),
        "date" if !is_iso_date(value) => Err(format!("is {value:?}, not a date written YYYY-MM-DD")),
        "url" if !(value.starts_with("https://") || value.starts_with("http://")) => {
            Err(format!("is {value:?}, not an http(s) address"))
        }
        k if !KEYS.contains(&k) => Err(format!("is not a key of a source (they are {})", KEYS.join(", "))),
        _ => Ok(()),
    }
}

fn set(info: &mut SourceInfo, key: &str, value: String) {
    let field = match key {
        "title" => &mut info.title,
        "outlet" => &mut info.outlet,
        "url" => &mut info.url,
        "date" => &mut info.date,
        _ => &mut info.kind,
    };
    *field = Some(value);
}

/// "2021-06-16", or a date and time that starts with one.
pub fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    digits(0..4) && b.get(4) == Some(&b'-') && digits(5..7) && b.get(7) == Some(&b'-') && digits(8..10)
}

/// The line (from 1) that byte `offset` of `text` is on.
fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_read_by_file_name() {
        let text = "[\"a.txt\"]\ntitle = \"A title\"\noutlet = \"Daily\"\nurl = \"https://x.test/a\"\ndate = \"2021-06-16\"\nkind = \"transcript\"\n";
        let (s, warnings) = Sources::parse("sources.toml", text);
        assert!(warnings.is_empty(), "{warnings:?}");
        let a = s.get("a.txt").unwrap();
        assert_eq!(a.title.as_deref(), Some("A title"));
        assert_eq!(a.outlet.as_deref(), Some("Daily"));
        assert_eq!(a.kind.as_deref(), Some("transcript"));
        assert!(s.get("b.txt").is_none());
    }

    #[test]
    fn a_broken_file_is_a_warning_with_its_line() {
        let (s, warnings) = Sources::parse("sources.toml", "[\"a.txt\"]\ntitle = \"ok\"\noutlet = = 3\n");
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].starts_with("sources.toml:3: "), "{warnings:?}");
        assert!(s.get("a.txt").is_none());
    }

    #[test]
    fn a_bad_value_is_left_out_and_the_rest_kept() {
        let text = "[\"a.txt\"]\noutlet = \"Daily\"\ndate = \"16 June\"\nkind = \"blog\"\ncolour = \"red\"\nurl = 5\n\n[\"b.txt\"]\ntitle = \"B\"\n";
        let (s, warnings) = Sources::parse("sources.toml", text);
        assert_eq!(s.get("a.txt").unwrap().outlet.as_deref(), Some("Daily"));
        assert_eq!(s.get("a.txt").unwrap().date, None);
        assert_eq!(s.get("b.txt").unwrap().title.as_deref(), Some("B"));
        let lines: Vec<&str> = warnings.iter().map(|w| w.split(": ").next().unwrap()).collect();
        assert_eq!(lines, ["sources.toml:5", "sources.toml:3", "sources.toml:4", "sources.toml:6"], "{warnings:?}");
        assert!(warnings.iter().any(|w| w.contains("YYYY-MM-DD")));
    }
}
