//! An optional front-matter block at the top of an article file:
//!
//! ```text
//! ---
//! title: Biden and Putin agree to negotiate
//! outlet: Example News
//! url: https://example.com/story
//! date: 2021-06-16
//! ---
//! ```
//!
//! Only these `key: value` lines are read (and `kind: transcript` and
//! `speaker: ID` for transcripts and captions); anything else in the block is
//! ignored. A file without the block starts its body at byte 0 (or after a BOM).

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub date: Option<String>,
    /// `news` or `transcript`.
    pub kind: Option<String>,
    /// The speaker id of a document that is one speaker's words throughout
    /// (the captions of a press conference).
    pub speaker: Option<String>,
    /// Byte offset where the article body starts.
    pub body_start: usize,
}

const BOM: &str = "\u{feff}";

impl FrontMatter {
    pub fn parse(text: &str) -> FrontMatter {
        let start = if text.starts_with(BOM) { BOM.len() } else { 0 };
        let mut fm = FrontMatter { body_start: start, ..Default::default() };
        let rest = &text[start..];
        let Some(first_line_end) = rest.find('\n') else { return fm };
        if rest[..first_line_end].trim_end() != "---" {
            return fm;
        }
        let mut pos = first_line_end + 1;
        while pos < rest.len() {
            let line_end = rest[pos..].find('\n').map(|i| pos + i).unwrap_or(rest.len());
            let line = rest[pos..line_end].trim_end_matches('\r');
            if line.trim_end() == "---" {
                fm.body_start = start + (line_end + 1).min(rest.len());
                return fm;
            }
            if let Some((key, value)) = line.split_once(':') {
                let value = value.trim().trim_matches('"').to_string();
                if !value.is_empty() {
                    match key.trim().to_ascii_lowercase().as_str() {
                        "title" => fm.title = Some(value),
                        "outlet" | "source" | "publisher" => fm.outlet = Some(value),
                        "url" | "link" => fm.url = Some(value),
                        "date" | "published" => fm.date = Some(value),
                        "kind" => fm.kind = Some(value.to_ascii_lowercase()),
                        "speaker" => fm.speaker = Some(value.to_ascii_lowercase()),
                        _ => {}
                    }
                }
            }
            pos = line_end + 1;
        }
        // An opening "---" that is never closed is not front matter: the
        // file is read as plain text from the top.
        FrontMatter { body_start: start, ..Default::default() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_four_keys_and_the_body_offset() {
        let t = "---\ntitle: A \"quoted\" title\noutlet: Daily\nurl: https://x.test/a\ndate: 2021-06-16\nextra: 1\n---\nBody.\n";
        let fm = FrontMatter::parse(t);
        assert_eq!(fm.title.as_deref(), Some("A \"quoted\" title"));
        assert_eq!(fm.outlet.as_deref(), Some("Daily"));
        assert_eq!(fm.url.as_deref(), Some("https://x.test/a"));
        assert_eq!(fm.date.as_deref(), Some("2021-06-16"));
        assert_eq!(&t[fm.body_start..], "Body.\n");
    }

    #[test]
    fn no_block_or_unclosed_block_means_no_front_matter() {
        assert_eq!(FrontMatter::parse("Body.").body_start, 0);
        let fm = FrontMatter::parse("---\ntitle: x\nBody");
        assert_eq!(fm.body_start, 0);
        assert_eq!(fm.title, None);
    }

    #[test]
    fn skips_a_bom_and_handles_crlf() {
        let t = "\u{feff}---\r\ntitle: T\r\n---\r\nBody";
        let fm = FrontMatter::parse(t);
        assert_eq!(fm.title.as_deref(), Some("T"));
        assert_eq!(&t[fm.body_start..], "Body");
        assert_eq!(FrontMatter::parse("\u{feff}Body").body_start, 3);
    }
}
