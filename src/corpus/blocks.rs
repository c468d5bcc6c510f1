//! Splitting an article body into blocks: title, headings, paragraphs and
//! embedded posts, each with its exact byte range in the file.
//!
//! Scraped coverage comes in two layouts: one paragraph per line, and
//! paragraphs separated by blank lines. Both reduce to "a block is a line",
//! except that a line broken in mid-sentence (hard-wrapped text) is joined
//! with the line that continues it.

use crate::text;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockKind {
    /// The first line, where it reads as a headline.
    Title,
    /// A short line without closing punctuation that starts a section.
    Heading,
    Paragraph,
    /// The text of a post embedded from a social network, by `account`.
    Post { account: String },
    /// The signature line under an embedded post: "— Name (@handle) June 16, 2021".
    Signature,
    /// A line that is only a link.
    Link,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub start: usize,
    pub end: usize,
}

/// A heading has at most this many words; longer lines are paragraphs even
/// when they lack a full stop.
const MAX_HEADING_WORDS: usize = 14;

/// Splits `text[body_start..]` into blocks. Offsets are into `text`.
pub fn split_blocks(text: &str, body_start: usize) -> Vec<Block> {
    let lines = joined_lines(text, body_start);
    let mut blocks: Vec<Block> = Vec::with_capacity(lines.len());
    for (start, end) in lines {
        let line = &text[start..end];
        let kind = if let Some(account) = signature_account(line) {
            // The block above a signature line is the post it signs.
            if let Some(prev) = blocks.last_mut() {
                if matches!(prev.kind, BlockKind::Paragraph | BlockKind::Heading | BlockKind::Title | BlockKind::Link) {
                    prev.kind = BlockKind::Post { account };
                }
            }
            BlockKind::Signature
        } else if is_link_line(line) {
            BlockKind::Link
        } else if is_heading_like(line) {
            if blocks.is_empty() { BlockKind::Title } else { BlockKind::Heading }
        } else {
            BlockKind::Paragraph
        };
        blocks.push(Block { kind, start, end });
    }
    blocks
}

/// Non-blank lines as trimmed byte ranges, with hard-wrapped lines joined.
fn joined_lines(text: &str, body_start: usize) -> Vec<(usize, usize)> {
    // Runs of non-blank lines.
    let mut chunks: Vec<Vec<(usize, usize)>> = vec![Vec::new()];
    for (start, end) in line_ranges(text, body_start) {
        let (s, e) = text::trim_range(text, start, end);
        if s == e {
            if !chunks.last().unwrap().is_empty() {
                chunks.push(Vec::new());
            }
        } else {
            chunks.last_mut().unwrap().push((s, e));
        }
    }
    chunks.retain(|c| !c.is_empty());
    let has_blank_lines = chunks.len() > 1;
    let mut out = Vec::new();
    for chunk in chunks {
        if has_blank_lines && is_hard_wrapped(text, &chunk) {
            out.push((chunk[0].0, chunk[chunk.len() - 1].1));
            continue;
        }
        for (s, e) in chunk {
            match out.last_mut() {
                Some(last) if is_broken_mid_sentence(&text[last.0..last.1], &text[s..e]) => last.1 = e,
                _ => out.push((s, e)),
            }
        }
    }
    out
}

/// A paragraph wrapped at a fixed width: several lines, all but the last of
/// about the same, typical width, and not each a sentence of its own.
fn is_hard_wrapped(text: &str, chunk: &[(usize, usize)]) -> bool {
    if chunk.len() < 2 {
        return false;
    }
    let widths: Vec<usize> = chunk[..chunk.len() - 1].iter().map(|&(s, e)| text[s..e].chars().count()).collect();
    let widest = *widths.iter().max().unwrap();
    let even = widths.iter().all(|&w| (40..=100).contains(&w) && w * 10 >= widest * 7);
    let mid_sentence = chunk[..chunk.len() - 1]
        .iter()
        .any(|&(s, e)| !text[s..e].ends_with(|c: char| text::is_terminal(c) || text::is_any_quote_mark(c)));
    let special = chunk.iter().any(|&(s, e)| signature_account(&text[s..e]).is_some() || is_link_line(&text[s..e]));
    even && mid_sentence && !special
}

/// Line ranges (without the line break) for `\n`, `\r\n` and lone `\r`.
fn line_ranges(text: &str, from: usize) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = from;
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                out.push((start, i));
                start = i + 1;
            }
            b'\r' => {
                out.push((start, i));
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if start < bytes.len() {
        out.push((start, bytes.len()));
    }
    out
}

/// A line that stops without closing punctuation, followed by one that starts
/// in lower case, is one sentence broken in two.
fn is_broken_mid_sentence(line: &str, next: &str) -> bool {
    if signature_account(line).is_some() || signature_account(next).is_some() || next.split_whitespace().next().is_some_and(text::is_url) {
        return false;
    }
    let ends_open = !line.ends_with(|c: char| text::is_terminal(c) || text::is_quote_mark(c) || c == ':');
    let next_lower = next.chars().next().is_some_and(|c| c.is_lowercase());
    ends_open && next_lower && line.split_whitespace().count() > 6
}

/// "— President of Russia (@KremlinRussia_E) June 16, 2021" -> "@KremlinRussia_E".
fn signature_account(line: &str) -> Option<String> {
    let rest = line.strip_prefix(['—', '–', '-', '―'])?.trim_start_matches(['—', '–', '-', ' ']);
    let open = rest.find("(@")?;
    let close = open + rest[open..].find(')')?;
    let handle = &rest[open + 1..close];
    let valid = handle.len() > 1 && handle[1..].chars().all(|c| c.is_alphanumeric() || c == '_');
    valid.then(|| handle.to_string())
}

fn is_link_line(line: &str) -> bool {
    line.split_whitespace().all(text::is_url)
}

fn is_heading_like(line: &str) -> bool {
    let words = line.split_whitespace().count();
    if words == 0 || words > MAX_HEADING_WORDS {
        return false;
    }
    let last = line.trim_end_matches(|c: char| text::is_any_quote_mark(c) || c == ')' || c == ']');
    // A heading may quote someone ('Putin: "Leaders are responsible"'), but
    // a line whose words end with a full stop, comma or colon is prose.
    !last.ends_with(|c: char| text::is_terminal(c) || matches!(c, ',' | ';' | ':'))
        || (last.ends_with('?') || last.ends_with('!')) && words <= 8 && !line.contains(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(t: &str) -> Vec<(BlockKind, &str)> {
        split_blocks(t, 0).into_iter().map(|b| (b.kind.clone(), &t[b.start..b.end])).collect()
    }

    #[test]
    fn one_paragraph_per_line_with_title_heading_and_post() {
        let t = "Leaders meet\nThe talks began. They ended.\nTrade and tariffs\nHello world https://t.co/x pic.twitter.com/y\n— Some Account (@some_acct) June 16, 2021\nhttps://example.com/x\nLast line.";
        let k = kinds(t);
        assert_eq!(k[0], (BlockKind::Title, "Leaders meet"));
        assert_eq!(k[1], (BlockKind::Paragraph, "The talks began. They ended."));
        assert_eq!(k[2], (BlockKind::Heading, "Trade and tariffs"));
        assert_eq!(k[3].0, BlockKind::Post { account: "@some_acct".into() });
        assert_eq!(k[4].0, BlockKind::Signature);
        assert_eq!(k[5].0, BlockKind::Link);
        assert_eq!(k[6], (BlockKind::Paragraph, "Last line."));
    }

    #[test]
    fn blank_line_paragraphs_crlf_and_lone_cr() {
        let t = "First para here, and it goes on.\r\n\r\nSecond para.\rThird: \"quote\" ends here.\n";
        let k = kinds(t);
        assert_eq!(k.len(), 3);
        assert_eq!(k[0].1, "First para here, and it goes on.");
        assert_eq!(k[1].1, "Second para.");
        assert_eq!(k[2].1, "Third: \"quote\" ends here.");
    }

    #[test]
    fn paragraphs_wrapped_at_a_fixed_width_are_joined() {
        let t = "Title line\n\nThe two leaders met for three hours in a lakeside villa, and\nThen they spoke. \"We agreed on many things,\" one of them\nsaid to the reporters who had waited all day outside.\n\nNext paragraph.";
        let k = kinds(t);
        assert_eq!(k.len(), 3, "{k:?}");
        assert!(k[1].1.starts_with("The two leaders") && k[1].1.ends_with("outside."));
    }

    #[test]
    fn hard_wrapped_lines_are_joined() {
        let t = "The two leaders met for three hours in a lakeside villa and then they spoke to\nreporters at separate news conferences.\n\nNext.";
        let k = kinds(t);
        assert_eq!(k.len(), 2);
        assert!(k[0].1.ends_with("news conferences."));
    }

    #[test]
    fn headings_can_name_a_speaker_or_quote() {
        let k = kinds("Intro line that is a sentence.\nAnn: \"We will respond\"\nAnn: we will respond.\n");
        assert_eq!(k[1].0, BlockKind::Heading);
        assert_eq!(k[2].0, BlockKind::Paragraph);
    }
}
