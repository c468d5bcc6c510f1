//! Articles: reading them from the binary or a folder — text files, saved
//! web pages and scraper output — checking them, and splitting them into
//! blocks with exact byte offsets into their text.

mod blocks;
mod decode;
mod front_matter;
mod load;
mod notes;
mod page;
mod page_meta;
mod records;
mod sources;

pub use blocks::{split_blocks, Block, BlockKind};
pub use decode::decode_page;
pub use front_matter::FrontMatter;
pub use load::{
    check_text, dir_sources, embedded_sources, list_dir, load_dir, load_embedded, load_paths, read_listed, FileKind,
    Listed, Skipped, SourceFile, MAX_ARTICLE_BYTES, MAX_PAGE_BYTES, MAX_RECORDS_BYTES,
};
pub use notes::{find_notes, Note};
pub use page::read_page;
pub use records::{read_records, record_id};
pub use sources::{is_iso_date, SourceInfo, Sources, SOURCES_FILE};

/// What an article's text was taken from. For a text file, offsets point
/// into the file itself; for a page or a record, into the text extracted
/// from it (the article's `text`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    #[default]
    Text,
    /// A saved web page, its main text found by readability.
    Html,
    /// A record of a scraper's JSON or JSON Lines output.
    Json,
}

impl SourceKind {
    pub fn is_text(&self) -> bool {
        *self == SourceKind::Text
    }

    pub fn name(&self) -> &'static str {
        match self {
            SourceKind::Text => "text",
            SourceKind::Html => "html",
            SourceKind::Json => "json",
        }
    }
}

/// An article's facts as found in a page or a record, where a text file has
/// its front matter.
#[derive(Debug, Clone, Default)]
pub struct Extracted {
    pub source: SourceKind,
    /// The article's id when it is not the slug of the file name (a record's,
    /// from its address or title).
    pub id: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub date: Option<String>,
    pub byline: Option<String>,
    /// What was taken and from where ("date from JSON-LD datePublished"),
    /// for `check`.
    pub taken: Vec<String>,
}

/// One article as stored, split into blocks.
#[derive(Debug, Clone)]
pub struct Article {
    /// The file name, as given in the folder ("000_ea3f.txt").
    pub file: String,
    /// The article's id in URLs: from the file name ([`article_id`]), or a
    /// record's from its address or title.
    pub id: String,
    /// The title readers see: the article's own (front matter, or a page's
    /// or a record's metadata), else `sources.toml`, else the text's headline
    /// or first sentence.
    pub title: String,
    /// The title as the article itself gives it (its own, or from its text):
    /// the export's `title`, which must not change when a `sources.toml` is
    /// added.
    pub text_title: String,
    /// Whether the title is the article's own rather than read from its
    /// text: only then does it stand before a `sources.toml` title.
    has_own_title: bool,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub date: Option<String>,
    /// `transcript` for a transcript said to be one in its front matter (or
    /// in `sources.toml`: a page or a record never says).
    pub kind: Option<String>,
    /// The speaker id given in front matter for a document that is one
    /// speaker's words throughout (captions).
    pub speaker: Option<String>,
    /// The whole file, exactly as stored (for a page or a record, the text
    /// extracted from it). Every offset points into it.
    pub text: String,
    pub blocks: Vec<Block>,
    /// What a reader or operator should know about the text (markup,
    /// invisible characters, quotation marks left open); it loads all the same.
    pub notes: Vec<Note>,
    /// A text file, or the text extracted from a page or a record.
    pub source: SourceKind,
    pub byline: Option<String>,
    /// For a page or a record: what was taken from it and from where.
    pub taken: Vec<String>,
}

impl Article {
    /// Builds an article from a file's name and its (already checked) text.
    pub fn parse(file: &str, text: String) -> Article {
        let fm = FrontMatter::parse(&text);
        let blocks = split_blocks(&text, fm.body_start);
        let title = fm
            .title
            .clone()
            .or_else(|| title_from_blocks(&text, &blocks))
            .map(|t| crate::text::for_display(&t))
            .unwrap_or_else(|| file.to_string());
        let notes = find_notes(&text);
        Article {
            file: file.to_string(),
            id: article_id(file),
            text_title: title.clone(),
            title,
            has_own_title: fm.title.is_some(),
            outlet: fm.outlet,
            url: fm.url,
            date: fm.date,
            kind: fm.kind,
            speaker: fm.speaker,
            text,
            blocks,
            notes,
            source: SourceKind::Text,
            byline: None,
            taken: Vec::new(),
        }
    }

    /// Builds an article from a file as loaded: a text file is parsed for
    /// its front matter; a page's or a record's text is the body whole, its
    /// facts those found in the page or the record.
    pub fn from_source(f: SourceFile) -> Article {
        let Some(x) = f.extracted else { return Article::parse(&f.name, f.text) };
        let blocks = split_blocks(&f.text, 0);
        let has_own_title = x.title.is_some();
        let title = x
            .title
            .or_else(|| title_from_blocks(&f.text, &blocks))
            .map(|t| crate::text::for_display(&t))
            .unwrap_or_else(|| f.name.clone());
        let notes = find_notes(&f.text);
        Article {
            id: x.id.unwrap_or_else(|| article_id(&f.name)),
            file: f.name,
            text_title: title.clone(),
            title,
            has_own_title,
            outlet: x.outlet,
            url: x.url,
            date: x.date,
            // Front matter alone says these; `sources.toml` may give the kind.
            kind: None,
            speaker: None,
            text: f.text,
            blocks,
            notes,
            source: x.source,
            byline: x.byline,
            taken: x.taken,
        }
    }

    /// Fills in, from a `sources.toml` entry, what the article's own
    /// metadata (front matter, or a page's or a record's) does not say.
    pub fn apply_source(&mut self, info: &SourceInfo) {
        if !self.has_own_title {
            if let Some(t) = &info.title {
                self.title = crate::text::for_display(t);
            }
        }
        let fill = |own: &mut Option<String>, given: &Option<String>| {
            if own.is_none() {
                own.clone_from(given);
            }
        };
        fill(&mut self.outlet, &info.outlet);
        fill(&mut self.url, &info.url);
        fill(&mut self.date, &info.date);
        fill(&mut self.kind, &info.kind);
    }

    pub fn block_text(&self, b: &Block) -> &str {
        &self.text[b.start..b.end]
    }
}

/// The title is the first block where it reads as a headline; otherwise the
/// first sentence, shortened at a word boundary.
fn title_from_blocks(text: &str, blocks: &[Block]) -> Option<String> {
    if let Some(b) = blocks.iter().find(|b| b.kind == BlockKind::Title) {
        return Some(text[b.start..b.end].trim().to_string());
    }
    let first = blocks.iter().find(|b| b.kind == BlockKind::Paragraph)?;
    let para = text[first.start..first.end].trim();
    let sentence_end = crate::text::first_sentence_end(para);
    Some(crate::text::shorten(&para[..sentence_end], 90))
}

/// A file's or record's place in a report: by file name, then a record's
/// number, so that "news.jsonl:9" comes before "news.jsonl:10".
pub fn report_order(file: &str) -> (&str, usize) {
    match file.rsplit_once([':', '#']) {
        Some((name, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => (name, n.parse().unwrap_or(usize::MAX)),
        _ => (file, 0),
    }
}

/// An article's id, from its file name alone, so that adding, removing or
/// reordering other files never changes it: the slug of the name when the
/// name is that slug already (`a-b.txt` is `a-b`); otherwise the slug and a
/// hash of the exact name (`A b.txt` is `a-b-` and six characters), so that
/// two names that slug alike never share an id, whichever is loaded first.
pub fn article_id(file: &str) -> String {
    let slug = slug(file);
    let stem = file.rsplit_once('.').map(|(s, _)| s).filter(|s| !s.is_empty()).unwrap_or(file);
    if stem == slug {
        slug
    } else {
        format!("{slug}-{}", &crate::ids::short_hash(file.as_bytes())[..6])
    }
}

/// A URL-safe id from a file name: lowercase ASCII letters and digits joined
/// by single hyphens, without the extension ("My File (2).txt" -> "my-file-2").
pub fn slug(file: &str) -> String {
    let stem = file.rsplit_once('.').map(|(s, _)| s).filter(|s| !s.is_empty()).unwrap_or(file);
    let mut out = String::new();
    let mut pending_dash = false;
    for c in stem.chars() {
        if c.is_ascii_alphanumeric() {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            out.push(c.to_ascii_lowercase());
        } else if c == '_' && !out.is_empty() {
            // Underscores are kept: they often separate a number from a hash.
            out.push('_');
            pending_dash = false;
        } else {
            pending_dash = true;
        }
    }
    if out.is_empty() {
        // A name with no ASCII letters at all still needs a stable id.
        out = format!("article-{}", &crate::ids::short_hash(file.as_bytes())[..8]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_url_safe_and_stable() {
        assert_eq!(slug("000_ea3fada302fe29ec.txt"), "000_ea3fada302fe29ec");
        assert_eq!(slug("My File (2).txt"), "my-file-2");
        assert_eq!(slug("Привет.txt").len(), "article-".len() + 8);
        assert_eq!(slug("Привет.txt"), slug("Привет.txt"));
        assert_ne!(slug("Привет.txt"), slug("Пока.txt"));
    }

    #[test]
    fn an_article_id_depends_on_its_own_name_alone() {
        assert_eq!(article_id("a-b.txt"), "a-b");
        assert_eq!(article_id("000_ea3fada302fe29ec.txt"), "000_ea3fada302fe29ec");
        let spaced = article_id("A b.txt");
        assert!(spaced.starts_with("a-b-") && spaced.len() == "a-b-".len() + 6, "{spaced}");
        assert_ne!(spaced, article_id("A B.txt"));
        assert_eq!(spaced, article_id("A b.txt"));
    }

    #[test]
    fn title_is_the_headline_or_the_first_sentence() {
        let a = Article::parse("a.txt", "Leaders meet in Geneva\nThe talks began. They ended.\n".into());
        assert_eq!(a.title, "Leaders meet in Geneva");
        let b = Article::parse("b.txt", "The talks began on Monday in a villa by the lake. They ended late.\n".into());
        assert_eq!(b.title, "The talks began on Monday in a villa by the lake.");
    }
}
