//! A saved page's facts: title, outlet, date, address and byline, read from
//! where news sites put them. Each fact has a list of places, best first
//! (data below, not code); the first place that holds a usable value gives
//! it, and `check` says which place that was.

use dom_query::Document;
use serde_json::Value;

/// Where on a page a fact can be found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// `<meta property=KEY content=…>` or `<meta name=KEY content=…>`.
    Meta(&'static str),
    /// `<link rel=KEY href=…>`.
    Link(&'static str),
    /// A field of the page's JSON-LD article (`NewsArticle` and its kin).
    JsonLd(&'static str),
    /// The text of the first element matching a CSS selector.
    Text(&'static str),
    /// An attribute of the first element matching a CSS selector.
    Attr(&'static str, &'static str),
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Place::Meta(key) => write!(f, "{key}"),
            Place::Link(rel) => write!(f, "<link rel={rel}>"),
            Place::JsonLd(field) => write!(f, "JSON-LD {field}"),
            Place::Text(sel) => write!(f, "<{sel}>"),
            Place::Attr(sel, attr) => write!(f, "<{sel} {attr}>"),
        }
    }
}

const TITLE: &[Place] = &[Place::Meta("og:title"), Place::Meta("twitter:title"), Place::JsonLd("headline"), Place::Text("title")];
const OUTLET: &[Place] = &[Place::Meta("og:site_name"), Place::JsonLd("publisher"), Place::Meta("application-name")];
const DATE: &[Place] = &[
    Place::Meta("article:published_time"),
    Place::JsonLd("datePublished"),
    Place::Meta("date"),
    Place::Meta("pubdate"),
    Place::Attr("time[datetime]", "datetime"),
];
const URL: &[Place] = &[Place::Link("canonical"), Place::Meta("og:url"), Place::JsonLd("url"), Place::JsonLd("mainEntityOfPage")];
const BYLINE: &[Place] = &[Place::Meta("author"), Place::JsonLd("author"), Place::Text("[rel=author]"), Place::Text(".byline")];

/// The JSON-LD types that describe an article (schema.org).
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
];

/// What goes between a title and the site's name in `<title>`.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · "];

/// One fact and the place it came from.
pub type Found = Option<(String, Place)>;

#[derive(Debug, Default, Clone)]
pub struct PageMeta {
    pub title: Found,
    pub outlet: Found,
    pub date: Found,
    pub url: Found,
    pub byline: Found,
}

impl PageMeta {
    /// Reads the facts of a page, before anything is removed from it.
    pub fn read(doc: &Document) -> PageMeta {
        let ld = json_ld_articles(doc);
        let find = |places: &[Place], ok: &dyn Fn(&str) -> bool| {
            places.iter().find_map(|&p| value_at(doc, &ld, p).filter(|v| ok(v)).map(|v| (v, p)))
        };
        let outlet = find(OUTLET, &|_| true);
        let mut title = find(TITLE, &|_| true);
        if let (Some((t, Place::Text("title"))), Some((o, _))) = (&mut title, &outlet) {
            *t = without_site_name(t, o);
        }
        PageMeta {
            title,
            outlet,
            date: find(DATE, &|_| true),
            url: find(URL, &|v| v.starts_with("https://") || v.starts_with("http://")),
            byline: find(BYLINE, &|v| v.chars().any(char::is_alphabetic)),
        }
    }
}

/// The value at one place, white space collapsed; `None` if empty.
fn value_at(doc: &Document, ld: &[Value], place: Place) -> Option<String> {
    let raw = match place {
        Place::Meta(key) => {
            let sel = doc.select(&format!("meta[property=\"{key}\"], meta[name=\"{key}\"]"));
            sel.iter().find_map(|m| m.attr("content").map(|c| c.to_string()))
        }
        Place::Link(rel) => doc.select(&format!("link[rel=\"{rel}\"]")).attr("href").map(|h| h.to_string()),
        Place::JsonLd(field) => ld.iter().find_map(|a| a.get(field).and_then(json_text)),
        Place::Text(sel) => {
            let s = doc.select(sel);
            s.iter().next().map(|e| e.text().to_string())
        }
        Place::Attr(sel, attr) => doc.select(sel).attr(attr).map(|v| v.to_string()),
    }?;
    let value = collapse_spaces(&raw);
    (!value.is_empty()).then_some(value)
}

/// A JSON-LD value as text: a string, or the name (else the address) of an
/// object such as an author or a publisher; the names of a list, joined.
fn json_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => ["name", "@id", "url"].iter().find_map(|k| o.get(*k).and_then(Value::as_str)).map(str::to_string),
        Value::Array(items) => {
            let names: Vec<String> = items.iter().filter_map(json_text).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
}

/// Every JSON-LD object on the page whose `@type` is an article type,
/// looking inside lists and `@graph`. A block that does not parse is
/// passed over: it is the page's, not the reader's, mistake.
fn json_ld_articles(doc: &Document) -> Vec<Value> {
    let mut out = Vec::new();
    for script in doc.select("script[type=\"application/ld+json\"]").iter() {
        let text = script.text();
        let text = text.trim().trim_start_matches("<![CDATA[").trim_end_matches("]]>");
        if let Ok(v) = serde_json::from_str::<Value>(text) {
            collect_articles(v, &mut out);
        }
    }
    out
}

fn collect_articles(v: Value, out: &mut Vec<Value>) {
    match v {
        Value::Array(items) => items.into_iter().for_each(|i| collect_articles(i, out)),
        Value::Object(mut o) => {
            if let Some(graph) = o.remove("@graph") {
                collect_articles(graph, out);
            }
            let is_article = match o.get("@type") {
                Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
                Some(Value::Array(ts)) => ts.iter().any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
                _ => false,
            };
            if is_article {
                out.push(Value::Object(o));
            }
        }
        _ => {}
    }
}

/// "Headline | The Outlet" -> "Headline", when the outlet is known.
fn without_site_name(title: &str, outlet: &str) -> String {
    for sep in TITLE_SEPARATORS {
        if let Some(head) = title.strip_suffix(outlet).and_then(|t| t.strip_suffix(sep)) {
            if !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// Runs of white space (a page's line breaks and indentation) as one space.
pub fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_graph_first_then_json_ld_then_the_page() {
        let doc = Document::from(
            r#"<html><head><title>Hello world | Daily</title><meta property="og:site_name" content="Daily">
            <script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2021-06-16","author":[{"name":"A"},{"name":"B"}]}]}</script>
            <link rel="canonical" href="/relative"><meta property="og:url" content="https://daily.test/x"></head><body><time datetime="2020-01-01">x</time></body></html>"#,
        );
        let m = PageMeta::read(&doc);
        assert_eq!(m.title, Some(("Hello world".into(), Place::Text("title"))));
        assert_eq!(m.outlet, Some(("Daily".into(), Place::Meta("og:site_name"))));
        assert_eq!(m.date, Some(("2021-06-16".into(), Place::JsonLd("datePublished"))));
        assert_eq!(m.url.unwrap().0, "https://daily.test/x", "a relative canonical address is passed over");
        assert_eq!(m.byline.unwrap().0, "A, B");
    }

    #[test]
    fn broken_json_ld_is_passed_over() {
        let doc = Document::from(r#"<script type="application/ld+json">{"@type": "NewsArticle",</script><time datetime="2021-06-16">x</time>"#);
        assert_eq!(PageMeta::read(&doc).date.unwrap().0, "2021-06-16");
    }
}
