//! Scraper output: `*.json` (one article, or a list of them) and `*.jsonl`
//! (one article a line), as written by news-please, trafilatura, newspaper
//! and their like. Each record is an article of its own; one that cannot be
//! read is skipped with its line and the reason, and the others load.
//!
//! Scrapers name the same facts differently; the names each fact is looked
//! up under are listed below, best first.

use serde_json::{Map, Value};

use super::load::{check_text, Skipped, SourceFile};
use super::{Extracted, SourceKind};

const TITLE_FIELDS: &[&str] = &["title", "headline", "title_page", "title_rss"];
const TEXT_FIELDS: &[&str] = &["text", "maintext", "content", "raw_text", "body", "article_text"];
const URL_FIELDS: &[&str] = &["url", "source_url", "link", "canonical_url"];
const DATE_FIELDS: &[&str] = &["date", "date_publish", "published", "publish_date", "date_published", "pubdate"];
const OUTLET_FIELDS: &[&str] = &["sitename", "source_domain", "outlet", "hostname", "source", "publisher"];
const BYLINE_FIELDS: &[&str] = &["author", "authors", "byline"];

/// The articles of one `.json` or `.jsonl` file, each loaded or skipped.
/// `name` is the file's name; a record's is `name:LINE` in JSON Lines and
/// `name#N` for the N-th of a list in JSON.
pub fn read_records(name: &str, bytes: &[u8]) -> Vec<Result<SourceFile, Skipped>> {
    let text = match std::str::from_utf8(bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes)) {
        Ok(t) => t,
        Err(e) => {
            let reason = format!("not UTF-8 text, as JSON must be: invalid byte at offset {}", e.valid_up_to());
            return vec![Err(Skipped { file: name.to_string(), reason })];
        }
    };
    if name.ends_with(".jsonl") {
        json_lines(name, text)
    } else {
        json_document(name, text)
    }
}

fn json_lines(name: &str, text: &str) -> Vec<Result<SourceFile, Skipped>> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let record_name = format!("{name}:{}", i + 1);
        let record = serde_json::from_str::<Value>(line)
            .map_err(|e| format!("line {} is not JSON: {}", i + 1, json_error(&e)))
            .and_then(|v| record(&record_name, v));
        out.push(record.map_err(|reason| Skipped { file: record_name, reason }));
    }
    if out.is_empty() {
        out.push(Err(Skipped { file: name.to_string(), reason: "no records: the file holds no JSON lines".into() }));
    }
    out
}

fn json_document(name: &str, text: &str) -> Vec<Result<SourceFile, Skipped>> {
    let value = match serde_json::from_str::<Value>(text) {
        Ok(v) => v,
        Err(e) => return vec![Err(Skipped { file: name.to_string(), reason: format!("not JSON: {}", json_error(&e)) })],
    };
    match value {
        Value::Array(items) if items.is_empty() => {
            vec![Err(Skipped { file: name.to_string(), reason: "no records: the list is empty".into() })]
        }
        Value::Array(items) => items
            .into_iter()
            .enumerate()
            .map(|(i, v)| {
                let record_name = format!("{name}#{}", i + 1);
                record(&record_name, v).map_err(|reason| Skipped { file: record_name, reason })
            })
            .collect(),
        v => vec![record(name, v).map_err(|reason| Skipped { file: name.to_string(), reason })],
    }
}

/// serde_json's message says "at line 1 column 9"; in JSON Lines the line
/// is the file's, said already, so only the column is kept.
fn json_error(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    match msg.rsplit_once(" at line ") {
        Some((what, _)) => format!("{what} at column {}", e.column()),
        None => msg,
    }
}

/// One record as an article, or why it is not one.
fn record(name: &str, v: Value) -> Result<SourceFile, String> {
    let Value::Object(fields) = v else {
        return Err(format!("not a record: a JSON {} where an object with the article's fields belongs", kind_of(&v)));
    };
    let Some((text_field, text)) = first_text(&fields, TEXT_FIELDS) else {
        return Err(format!("no text: none of the fields {} holds any", TEXT_FIELDS.join(", ")));
    };
    let text = check_text(text.into_bytes()).map_err(|why| format!("field \"{text_field}\": {why}"))?;
    let mut x = Extracted { source: SourceKind::Json, ..Extracted::default() };
    x.taken.push(format!("text from \"{text_field}\""));
    let mut take = |fact: &str, names: &[&'static str]| {
        first_text(&fields, names).map(|(field, value)| {
            x.taken.push(format!("{fact} from \"{field}\""));
            super::page_meta::collapse_spaces(&value)
        })
    };
    x.title = take("title", TITLE_FIELDS);
    x.url = take("url", URL_FIELDS);
    x.date = take("date", DATE_FIELDS);
    x.outlet = take("outlet", OUTLET_FIELDS);
    x.byline = take("byline", BYLINE_FIELDS);
    x.id = Some(record_id(x.url.as_deref(), x.title.as_deref(), name, &text));
    Ok(SourceFile { name: name.to_string(), text, extracted: Some(x) })
}

/// The first of `names` that holds text: a string, or a list of strings
/// (authors), joined; blank values count as missing.
fn first_text(fields: &Map<String, Value>, names: &[&'static str]) -> Option<(&'static str, String)> {
    names.iter().find_map(|&n| {
        let value = match fields.get(n)? {
            Value::String(s) => s.clone(),
            Value::Array(items) => items.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(", "),
            _ => return None,
        };
        (!value.trim().is_empty()).then_some((n, value))
    })
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "list",
        Value::Object(_) => "object",
    }
}

/// A record's id: readable words from its address, and a hash of the address
/// without its query, fragment or scheme, so that scraping the same page
/// again (another line, another order, another run, an edited headline)
/// gives the same id. Without an address, the title; without either, the text.
pub fn record_id(url: Option<&str>, title: Option<&str>, name: &str, text: &str) -> String {
    let (words, key) = if let Some(url) = url {
        let key = url_key(url);
        let last = key.rsplit('/').find(|s| !s.is_empty()).unwrap_or(&key);
        let last = last.rsplit_once('.').filter(|(_, ext)| ext.len() <= 5 && !ext.is_empty()).map_or(last, |(s, _)| s);
        (last.to_string(), key)
    } else if let Some(title) = title {
        (title.to_string(), title.to_lowercase())
    } else {
        let stem = name.split(['.', ':', '#']).next().unwrap_or(name);
        (stem.to_string(), text.to_string())
    };
    let hash = &crate::ids::short_hash(key.as_bytes())[..8];
    // The slug of words (with a dot added, as slug() strips an extension).
    let mut words = super::slug(&format!("{words}.x"));
    if words.starts_with("article-") {
        words = "article".into();
    }
    words.truncate(words.char_indices().nth(60).map_or(words.len(), |(i, _)| i));
    format!("{}-{hash}", words.trim_end_matches(['-', '_']))
}

/// "https://www.example.com/a/b/?utm=1#x" -> "example.com/a/b".
fn url_key(url: &str) -> String {
    let s = url.trim();
    let s = s.split_once("://").map_or(s, |(_, rest)| rest);
    let s = s.split(['?', '#']).next().unwrap_or(s);
    let s = s.strip_prefix("www.").unwrap_or(s);
    s.trim_end_matches('/').to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_survive_a_rescrape() {
        let a = record_id(Some("https://www.x.test/world/summit-ends/?utm_source=a"), Some("Old"), "a.jsonl:1", "t");
        let b = record_id(Some("http://x.test/world/summit-ends"), Some("New headline"), "b.jsonl:9", "other");
        assert_eq!(a, b);
        assert!(a.starts_with("summit-ends-"), "{a}");
        assert_ne!(a, record_id(Some("https://x.test/sport/summit-ends"), None, "a", "t"));
        assert!(record_id(None, Some("Putin speaks"), "a.jsonl:3", "t").starts_with("putin-speaks-"));
        assert!(record_id(Some("https://x.test/story.html"), None, "a", "t").starts_with("story-"));
    }

    #[test]
    fn field_families_and_bad_lines() {
        let file = concat!(
            "{\"title\":\"T\",\"maintext\":\"Biden spoke.\",\"url\":\"https://x.test/a\",\"date_publish\":\"2021-06-16 10:00:00\",\"source_domain\":\"x.test\"}\n",
            "\n",
            "{\"title\": \"broken\n",
            "{\"title\":\"No text\",\"url\":\"https://x.test/b\"}\n",
            "[1, 2]\n",
            "{\"raw_text\":\"   \"}\n",
        );
        let out = read_records("s.jsonl", file.as_bytes());
        assert_eq!(out.len(), 5);
        let a = out[0].as_ref().unwrap();
        let x = a.extracted.as_ref().unwrap();
        assert_eq!((a.name.as_str(), a.text.as_str()), ("s.jsonl:1", "Biden spoke."));
        assert_eq!(x.date.as_deref(), Some("2021-06-16 10:00:00"));
        assert_eq!(x.outlet.as_deref(), Some("x.test"));
        let reasons: Vec<(String, String)> =
            out[1..].iter().map(|r| r.as_ref().unwrap_err()).map(|s| (s.file.clone(), s.reason.clone())).collect();
        assert_eq!(reasons[0].0, "s.jsonl:3");
        assert!(reasons[0].1.starts_with("line 3 is not JSON: EOF while parsing a string at column"), "{}", reasons[0].1);
        assert!(reasons[1].1.starts_with("no text"), "{}", reasons[1].1);
        assert!(reasons[2].1.contains("a JSON list"), "{}", reasons[2].1);
        assert!(reasons[3].1.starts_with("no text"), "{}", reasons[3].1);
    }

    #[test]
    fn a_json_file_is_one_record_or_a_list() {
        let one = read_records("a.json", br#"{"title":"T","content":"Text."}"#);
        assert_eq!(one[0].as_ref().unwrap().name, "a.json");
        let list = read_records("b.json", br#"[{"text":"One."},{"nope":1}]"#);
        assert_eq!(list[0].as_ref().unwrap().name, "b.json#1");
        assert_eq!(list[1].as_ref().unwrap_err().file, "b.json#2");
        assert!(read_records("c.json", b"{").pop().unwrap().unwrap_err().reason.starts_with("not JSON"));
        assert!(read_records("d.json", b"\xff").pop().unwrap().unwrap_err().reason.contains("UTF-8"));
    }
}
