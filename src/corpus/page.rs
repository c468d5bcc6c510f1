//! Saved web pages (`*.html`, `*.htm`): the article's main text, found by
//! readability (the `dom_smoothie` crate, a port of Mozilla's Readability),
//! written out as the text layout the rest of the corpus reads — one block a
//! paragraph, heading, list item or quotation, blank lines between, and an
//! embedded post as its text followed by its "— Name (@handle) date" line —
//! so that a page and the same article saved as `.txt` read alike.
//!
//! Before readability runs, what is never the article is removed: scripts,
//! navigation, cookie banners, advertisements, related links, comments,
//! sharing tools and sign-up forms (by tag, role, and the words of class
//! names and ids, listed below). Readability then picks the main text from
//! what is left.

use dom_query::{Document, NodeRef};
use dom_smoothie::{Config, Readability};

use super::page_meta::{collapse_spaces, PageMeta};
use super::{Extracted, SourceKind};

/// Readability's own limit on a page's elements, which bounds the time one
/// page can take. A news page has a few thousand.
const MAX_ELEMENTS: usize = 100_000;

/// Less main text than this is not an article (a page of links, a log-in
/// page, an error page, a page that needs script to show anything).
const MIN_MAIN_TEXT_CHARS: usize = 80;

/// Elements never part of an article's text.
const DROPPED_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "nav", "aside", "footer",
    "form", "button", "input", "select", "textarea", "dialog", "menu",
];

/// ARIA roles of what is never the article.
const DROPPED_ROLES: &[&str] = &["navigation", "dialog", "alertdialog", "complementary", "banner", "contentinfo", "search"];

/// Words of class names and ids (split at `-`, `_` and spaces) that mark
/// page furniture. Whole words only: "comment" drops `comment-list` but not
/// `commentary`, "ad" drops `ad-slot` but not `headline`.
const DROPPED_CLASS_WORDS: &[&str] = &[
    "ad", "ads", "advert", "advertisement", "adslot", "sponsored", "promo", "outbrain", "taboola", "cookie", "cookies",
    "consent", "gdpr", "newsletter", "signup", "subscribe", "paywall", "related", "recirc", "onward", "trending",
    "popular", "viewed", "comment", "comments", "disqus", "share", "sharing", "social", "breadcrumb", "breadcrumbs",
    "pagination", "pager", "skip", "toolbar", "byline", "dateline", "kicker", "tags", "menu", "nav", "navbar",
    "navigation", "sidebar", "footer", "masthead", "author", "auteur", "autor",
];

/// Elements that end one block of text and start another.
const BLOCK_TAGS: &[&str] = &[
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "blockquote", "pre", "figcaption", "caption", "tr",
    "div", "section", "article", "header", "main", "ul", "ol", "dl", "table", "figure", "hr", "address", "details",
    "summary",
];

/// The main text and facts of a page whose text is already decoded.
pub fn read_page(html: &str) -> Result<(String, Extracted), String> {
    let doc = Document::from(html);
    let meta = PageMeta::read(&doc);
    drop_furniture(&doc);
    let config = Config { max_elements_to_parse: MAX_ELEMENTS, disable_json_ld: true, ..Config::default() };
    let mut readability = Readability::with_document(doc, None, Some(config)).map_err(|e| format!("readability: {e}"))?;
    let article = readability.parse().map_err(|e| match e {
        dom_smoothie::ReadabilityError::GrabFailed => "no main text: readability found no article on the page".to_string(),
        other => format!("readability: {other}"),
    })?;
    let title = meta.title.as_ref().map(|(t, _)| t.clone()).or_else(|| Some(collapse_spaces(&article.title)).filter(|t| !t.is_empty()));
    let blocks = text_blocks(&Document::from(article.content.as_ref()), title.as_deref());
    let text = blocks.join("\n\n") + "\n";
    let chars = text.chars().filter(|c| !c.is_whitespace()).count();
    if chars < MIN_MAIN_TEXT_CHARS {
        return Err(format!(
            "no main text: readability found {chars} characters (a page of links, a log-in or error page, or one that needs script?)"
        ));
    }
    let mut x = Extracted { source: SourceKind::Html, ..Extracted::default() };
    let mut take = |name: &str, found: Option<(String, super::page_meta::Place)>| {
        found.map(|(value, place)| {
            x.taken.push(format!("{name} from {place}"));
            value
        })
    };
    x.title = take("title", meta.title).or_else(|| {
        let t = collapse_spaces(&article.title);
        (!t.is_empty()).then_some(t)
    });
    x.outlet = take("outlet", meta.outlet).or_else(|| article.site_name.map(|s| collapse_spaces(&s)));
    x.date = take("date", meta.date);
    x.url = take("url", meta.url);
    x.byline = take("byline", meta.byline).or_else(|| article.byline.map(|b| collapse_spaces(&b)));
    x.taken.insert(0, format!("{} blocks of main text", blocks.len()));
    Ok((text, x))
}

/// Removes the page's furniture before readability looks for the article.
fn drop_furniture(doc: &Document) {
    doc.select(&DROPPED_TAGS.join(", ")).remove();
    let roles: Vec<String> = DROPPED_ROLES.iter().map(|r| format!("[role=\"{r}\"]")).collect();
    doc.select(&roles.join(", ")).remove();
    doc.select("[aria-hidden=\"true\"], [hidden]").remove();
    for node in doc.select("[class], [id]").nodes() {
        if is_furniture(node) {
            node.remove_from_parent();
        }
    }
}

/// An element whose class or id has a word of [`DROPPED_CLASS_WORDS`]. The
/// page's root elements are never dropped, whatever the site calls them.
fn is_furniture(node: &NodeRef) -> bool {
    let name = node.node_name().unwrap_or_default();
    if matches!(name.as_ref(), "html" | "body" | "main" | "article") {
        return false;
    }
    let names = format!("{} {}", node.class().unwrap_or_default(), node.id_attr().unwrap_or_default());
    names.to_ascii_lowercase().split([' ', '-', '_', '\t', '\n']).any(|w| DROPPED_CLASS_WORDS.contains(&w))
}

/// The article's text as blocks, each on one line; a first block that only
/// repeats the title is left out (the title is the article's already).
fn text_blocks(content: &Document, title: Option<&str>) -> Vec<String> {
    let mut blocks = Blocks::default();
    for root in content.select("body").nodes() {
        blocks.walk(root);
    }
    blocks.end_block();
    let mut out = blocks.done;
    if let (Some(first), Some(title)) = (out.first(), title) {
        if collapse_spaces(first).eq_ignore_ascii_case(&collapse_spaces(title)) {
            out.remove(0);
        }
    }
    out
}

/// Text gathered into blocks while walking the article's elements.
#[derive(Default)]
struct Blocks {
    done: Vec<String>,
    current: String,
}

impl Blocks {
    fn walk(&mut self, node: &NodeRef) {
        for child in node.children_it(false) {
            if child.is_text() {
                self.current.push_str(&child.text());
            } else if child.is_element() {
                let name = child.node_name().unwrap_or_default();
                let name = name.as_ref();
                if DROPPED_TAGS.contains(&name) {
                    continue;
                }
                if name == "br" {
                    // A line break inside a paragraph is not a new one: the
                    // sentence it breaks must stay whole to be read.
                    self.current.push(' ');
                } else if BLOCK_TAGS.contains(&name) {
                    self.end_block();
                    self.walk(&child);
                    self.end_block();
                } else {
                    self.walk(&child);
                }
            }
        }
    }

    fn end_block(&mut self) {
        let block = collapse_spaces(&self.current);
        self.current.clear();
        if !block.is_empty() {
            self.done.push(block);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_words_are_whole_words() {
        let doc = Document::from(
            r#"<div class="commentary-body">keep</div><div class="comment-list">drop</div><div id="ad_slot">drop</div><h1 class="headline">keep</h1>"#,
        );
        drop_furniture(&doc);
        assert_eq!(collapse_spaces(&doc.select("body").text()), "keep keep");
    }

    #[test]
    fn blocks_follow_elements_and_line_breaks_stay_inside() {
        let doc = Document::from("<div><h2>Head</h2><p>One<br>two <b>three</b></p><ul><li>A</li><li>B</li></ul></div>");
        assert_eq!(text_blocks(&doc, Some("x")), ["Head", "One two three", "A", "B"]);
        assert_eq!(text_blocks(&doc, Some("head")), ["One two three", "A", "B"]);
    }
}
