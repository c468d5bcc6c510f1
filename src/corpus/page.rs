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

/// Real pages nest elements a few dozen deep; thousands is a broken or
/// hostile page, refused before readability (which recurses) reads it.
const MAX_NESTING: usize = 1024;

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
    let depth = nesting_depth(html);
    if depth > MAX_NESTING {
        return Err(format!("elements nested about {depth} deep (a page nests a few dozen); a broken or hostile page"));
    }
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

/// How deep the page's elements nest, read from its tags before it is
/// parsed: the HTML parser takes time that grows with the square of the
/// depth (20,000 nested `<div>`s take seconds), and readability recurses.
/// Elements whose end tag is often left out are not counted, nor are void
/// elements, comments, and the text of scripts and styles, so a real page
/// never comes near the limit.
fn nesting_depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut deepest, mut i) = (0usize, 0usize, 0usize);
    while let Some(at) = memchr::memchr(b'<', &bytes[i..]) {
        i += at + 1;
        let rest = &html[i..];
        if rest.starts_with("!--") {
            i += rest.find("-->").map_or(rest.len(), |e| e + 3);
            continue;
        }
        let closing = rest.starts_with('/');
        let name_start = usize::from(closing);
        let name_len = rest[name_start..].find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(rest.len() - name_start);
        let name = rest[name_start..name_start + name_len].to_ascii_lowercase();
        if name.is_empty() || UNCOUNTED_TAGS.contains(&name.as_str()) {
            continue;
        }
        let tag_end = rest.find('>').map_or(rest.len(), |e| e + 1);
        if closing {
            depth = depth.saturating_sub(1);
        } else if !rest[..tag_end].ends_with("/>") {
            depth += 1;
            deepest = deepest.max(depth);
            if name == "script" || name == "style" {
                // Their text is not markup: skip to their end tag.
                i += end_tag(rest, &name).unwrap_or(rest.len());
                continue;
            }
        }
        i += tag_end;
    }
    deepest
}

/// Where `</name` starts in `rest`, in any case.
fn end_tag(rest: &str, name: &str) -> Option<usize> {
    let bytes = rest.as_bytes();
    let mut from = 0;
    while let Some(at) = memchr::memmem::find(&bytes[from..], b"</") {
        let start = from + at;
        let candidate = bytes.get(start + 2..start + 2 + name.len())?;
        if candidate.eq_ignore_ascii_case(name.as_bytes()) {
            return Some(start);
        }
        from = start + 2;
    }
    None
}

/// Void elements, and elements whose end tag HTML lets a page leave out.
const UNCOUNTED_TAGS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "p", "li", "dt",
    "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "colgroup", "rb", "rt", "rp", "html",
    "head", "body", "image", "basefont", "frame", "param", "keygen",
];

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

/// A step of the walk: a node to read, or the end of a block element.
enum Step<'a> {
    Read(NodeRef<'a>),
    EndBlock,
}

impl Blocks {
    /// Reads the text under `root` in document order. The walk keeps its own
    /// stack rather than recursing, so no nesting, however deep, can exhaust
    /// the thread's.
    fn walk(&mut self, root: &NodeRef) {
        // Children are pushed last first, so that the first is read first.
        let mut stack: Vec<Step> = root.children_it(true).map(Step::Read).collect();
        while let Some(step) = stack.pop() {
            let node = match step {
                Step::EndBlock => {
                    self.end_block();
                    continue;
                }
                Step::Read(node) => node,
            };
            if node.is_text() {
                self.current.push_str(&node.text());
                continue;
            }
            if !node.is_element() {
                continue;
            }
            let name = node.node_name().unwrap_or_default();
            let name = name.as_ref();
            if DROPPED_TAGS.contains(&name) {
                continue;
            }
            if name == "br" {
                // A line break inside a paragraph is not a new one: the
                // sentence it breaks must stay whole to be read.
                self.current.push(' ');
                continue;
            }
            if BLOCK_TAGS.contains(&name) {
                self.end_block();
                stack.push(Step::EndBlock);
            }
            stack.extend(node.children_it(true).map(Step::Read));
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
            r#"<div class="commentary-body">keep</div> <div class="comment-list">drop</div> <div id="ad_slot">drop</div> <h1 class="headline">keep</h1>"#,
        );
        drop_furniture(&doc);
        assert_eq!(collapse_spaces(&doc.select("body").text()), "keep keep");
    }

    #[test]
    fn deep_nesting_is_refused_before_it_is_parsed() {
        let page = format!("<html><body>{}<p>Biden said hello.</p></body></html>", "<div>".repeat(100_000));
        let err = read_page(&page).unwrap_err();
        assert!(err.contains("nested about 100000 deep"), "{err}");
        let ordinary = "<html><head><script>if (a<b) { x = '<div>'; }</script></head><body><div><p>One<p>Two<br><img src=x><div/></div><!-- <div> --></body></html>";
        assert_eq!(nesting_depth(ordinary), 1);
    }

    #[test]
    fn blocks_follow_elements_and_line_breaks_stay_inside() {
        let doc = Document::from("<div><h2>Head</h2><p>One<br>two <b>three</b></p><ul><li>A</li><li>B</li></ul></div>");
        assert_eq!(text_blocks(&doc, Some("x")), ["Head", "One two three", "A", "B"]);
        assert_eq!(text_blocks(&doc, Some("head")), ["One two three", "A", "B"]);
    }
}
