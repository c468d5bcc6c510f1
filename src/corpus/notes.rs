//! Notes on an article that loads but that a reader or operator should know
//! about: markup in the text, invisible characters, quotation marks left
//! open, text without sentence ends. They are found in one pass over the
//! text, logged at load with the file's name and printed by `check`.
//!
//! Line ends (LF, CRLF, a lone CR) and a byte-order mark at the start are
//! ordinary and get no note.

use std::fmt;

use crate::text::{invisible, is_direction_control, Invisible};

/// A line longer than this with no sentence end is one "sentence" longer
/// than the analysis reads for speakers (see `attribution`).
pub const LONG_LINE_BYTES: usize = crate::analysis::MAX_SENTENCE_BYTES;

/// Double quotation marks opened inside each other deeper than this are
/// not quotes within quotes but a broken or hostile text.
const MAX_QUOTE_DEPTH: usize = 2;

/// One thing worth knowing about an article that loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// HTML tags in the text (`first` is the first tag's name, lowercased).
    Markup { tags: usize, first: String },
    /// Characters that override or embed a text direction (U+202A–U+202E,
    /// U+2066–U+2069): they could make a quotation read differently on the
    /// page from its words in the file.
    DirectionControls { count: usize },
    /// Zero-width characters inside the text (U+200B–U+200D, U+2060, and
    /// U+FEFF anywhere but the start).
    ZeroWidth { count: usize },
    /// A line (1-based) of `bytes` bytes with no sentence end in it.
    LongLine { line: usize, bytes: usize },
    /// Double quotation marks opened and never closed within their
    /// paragraph, not counting a quotation that goes on in the next one.
    UnclosedQuotes { count: usize },
    /// Double quotation marks opened inside each other `depth` deep.
    NestedQuotes { depth: usize },
    /// Not one `.`, `!`, `?` or `…` in the whole text.
    NoSentenceEnds,
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Note::Markup { tags, first } => {
                write!(f, "contains HTML markup ({tags} {}, the first <{first}>); shown as text, never run", plural(*tags, "tag"))
            }
            Note::DirectionControls { count } => write!(
                f,
                "{count} text-direction override {} (U+202A–U+202E, U+2066–U+2069); left out of the pages so that no quotation reads reversed, kept in the export",
                plural(*count, "character")
            ),
            Note::ZeroWidth { count } => write!(
                f,
                "{count} zero-width {} (U+200B–U+200D, U+2060, U+FEFF); kept, and read as a break between words, so a name with one inside is not recognised",
                plural(*count, "character")
            ),
            Note::LongLine { line, bytes } => write!(
                f,
                "line {line} runs {bytes} bytes with no sentence end; a sentence over {LONG_LINE_BYTES} bytes is not read for statements"
            ),
            Note::UnclosedQuotes { count } => write!(
                f,
                "{count} quotation {} opened and never closed in {}; such a quotation is read up to the next one or the end of its paragraph",
                plural(*count, "mark"),
                if *count == 1 { "its paragraph" } else { "their paragraphs" }
            ),
            Note::NestedQuotes { depth } => write!(
                f,
                "quotation marks nested {depth} deep; a mark that opens inside a quotation is read as ending the one before"
            ),
            Note::NoSentenceEnds => {
                write!(f, "no sentence ends (. ! ? …) anywhere; each paragraph is read as one sentence")
            }
        }
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_string()
    } else {
        format!("{word}s")
    }
}

fn is_zero_width(c: char) -> bool {
    matches!(invisible(c), Some(Invisible::ZeroWidth | Invisible::ByteOrderMark))
}

/// Finds the notes on an article's text, in one pass.
pub fn find_notes(text: &str) -> Vec<Note> {
    let mut scan = Scan::default();
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        // Most bytes matter to no note: skip them without decoding. Past the
        // first visible character of a line only a few ASCII characters and
        // the lead bytes of the marks above (U+00AB/BB, U+2000–U+206F,
        // U+FEFF) count.
        let skip = match b {
            0x80..=0xbf => true,
            b'\n' | b'\r' | b'<' | b'.' | b'!' | b'?' | b'"' | 0xc2 | 0xe2 | 0xef => false,
            _ => scan.line_has_text,
        };
        if !skip {
            let c = if b < 0x80 { char::from(b) } else { text[i..].chars().next().unwrap_or_default() };
            scan.char(bytes, i, c);
        }
    }
    scan.end_line(text.len());
    scan.finish()
}

/// A mark at `i` right after a letter, digit or punctuation mark, and
/// followed by white space or nothing: `word," he said`.
fn follows_word(bytes: &[u8], i: usize) -> bool {
    let before = i > 0 && !bytes[i - 1].is_ascii_whitespace();
    let after = bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace() || b.is_ascii_punctuation());
    before && after
}

/// What the pass has seen so far.
#[derive(Default)]
struct Scan {
    tags: usize,
    first_tag: Option<String>,
    direction: usize,
    zero_width: usize,
    sentence_ends: usize,
    /// The current line: where it starts, its number, whether it has a sentence end.
    line_start: usize,
    line_number: usize,
    line_has_end: bool,
    line_has_text: bool,
    long_line: Option<(usize, usize)>,
    /// Quotation marks: how deep the current paragraph is, how deep it went,
    /// quotes left open by the paragraph before (forgiven if this one opens
    /// with a mark: the usual way to continue a quotation), and those that
    /// stayed open.
    depth: usize,
    max_depth: usize,
    carried: usize,
    unclosed: usize,
}

impl Scan {
    fn char(&mut self, bytes: &[u8], i: usize, c: char) {
        match c {
            '\n' | '\r' => {
                // CRLF ends one line, not two.
                if !(c == '\n' && i > 0 && bytes[i - 1] == b'\r') {
                    self.end_line(i);
                }
                self.line_start = i + 1;
                return;
            }
            '<' => self.tag(bytes, i),
            '.' | '!' | '?' | '…' => {
                self.sentence_ends += 1;
                self.line_has_end = true;
            }
            _ if is_direction_control(c) => self.direction += 1,
            // A byte-order mark at the very start is an encoding mark, not text.
            _ if is_zero_width(c) && !(i == 0 && c == '\u{feff}') => self.zero_width += 1,
            _ => {}
        }
        if !self.line_has_text && !crate::text::is_blank(c) {
            self.line_has_text = true;
            self.paragraph_starts(c);
        }
        match c {
            '“' | '«' | '„' => self.open_quote(),
            '”' | '»' => self.depth = self.depth.saturating_sub(1),
            // Straight marks, often mixed with curly ones in one quotation:
            // one closes whatever is open; with nothing open, one that
            // follows a word and ends it is a stray closing mark.
            '"' if self.depth > 0 => self.depth -= 1,
            '"' if !follows_word(bytes, i) => self.open_quote(),
            _ => {}
        }
    }

    fn open_quote(&mut self) {
        self.depth += 1;
        self.max_depth = self.max_depth.max(self.depth);
    }

    /// Counts an HTML tag starting at `i`: `<name` followed by space, `>`
    /// or `/`, `</name`, or `<!` (a comment or doctype).
    /// A `<` right after a letter or digit opens no tag ("a<b"), though it
    /// may close one ("bold</b>").
    fn tag(&mut self, bytes: &[u8], i: usize) {
        let rest = &bytes[i + 1..];
        if i > 0 && bytes[i - 1].is_ascii_alphanumeric() && rest.first() != Some(&b'/') {
            return;
        }
        if rest.first() == Some(&b'!') {
            let len = rest[1..].iter().take(8).take_while(|b| b.is_ascii_alphanumeric() || **b == b'-').count();
            self.count_tag(&String::from_utf8_lossy(&rest[..1 + len]).to_ascii_lowercase());
            return;
        }
        let name_at = usize::from(rest.first() == Some(&b'/'));
        let name_len = rest[name_at..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        let starts_with_letter = rest.get(name_at).is_some_and(u8::is_ascii_alphabetic);
        let ends_well = rest.get(name_at + name_len).is_none_or(|&b| b == b'>' || b == b'/' || b.is_ascii_whitespace());
        if starts_with_letter && ends_well && name_len <= 16 {
            let name = String::from_utf8_lossy(&rest[name_at..name_at + name_len]).to_ascii_lowercase();
            self.count_tag(&name);
        }
    }

    fn count_tag(&mut self, name: &str) {
        self.tags += 1;
        if self.first_tag.is_none() {
            self.first_tag = Some(name.to_string());
        }
    }

    /// The first visible character of a line that has text: a new paragraph
    /// for the purpose of quotation marks.
    fn paragraph_starts(&mut self, first: char) {
        if !matches!(first, '“' | '«' | '„' | '"') {
            self.unclosed += self.carried;
        }
        self.carried = 0;
    }

    fn end_line(&mut self, at: usize) {
        let bytes = at - self.line_start;
        if !self.line_has_end && bytes > LONG_LINE_BYTES && self.long_line.is_none() {
            self.long_line = Some((self.line_number + 1, bytes));
        }
        if self.line_has_text {
            // Quotes still open at the end of a paragraph carry over to the next.
            self.carried += self.depth;
            self.depth = 0;
        }
        self.line_number += 1;
        self.line_has_end = false;
        self.line_has_text = false;
    }

    fn finish(self) -> Vec<Note> {
        let mut notes = Vec::new();
        if self.tags > 0 {
            notes.push(Note::Markup { tags: self.tags, first: self.first_tag.unwrap_or_default() });
        }
        if self.direction > 0 {
            notes.push(Note::DirectionControls { count: self.direction });
        }
        if self.zero_width > 0 {
            notes.push(Note::ZeroWidth { count: self.zero_width });
        }
        if self.sentence_ends == 0 {
            notes.push(Note::NoSentenceEnds);
        }
        if let Some((line, bytes)) = self.long_line {
            notes.push(Note::LongLine { line, bytes });
        }
        let unclosed = self.unclosed + self.carried;
        if unclosed > 0 {
            notes.push(Note::UnclosedQuotes { count: unclosed });
        }
        if self.max_depth > MAX_QUOTE_DEPTH {
            notes.push(Note::NestedQuotes { depth: self.max_depth });
        }
        notes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(text: &str) -> Vec<String> {
        find_notes(text).iter().map(Note::to_string).collect()
    }

    #[test]
    fn ordinary_text_has_no_notes() {
        for text in [
            "Biden said: “We will respond.” Putin said it was fine.\n",
            "\u{feff}Title\r\nBiden said: “One.”\rPutin said: “Two.”\r\n\r\nEnd.",
            "“The first paragraph of a long quote,\n\n“and the second,” he said.\n",
            "He called it \"constructive.\" 3 < 4 and a<b are not tags.\n",
        ] {
            assert_eq!(messages(text), Vec::<String>::new(), "{text:?}");
        }
    }

    #[test]
    fn each_shape_gets_its_note() {
        assert_eq!(
            find_notes("<p>Hi.</p> <SCRIPT src=x></script>"),
            [Note::Markup { tags: 4, first: "p".into() }]
        );
        assert_eq!(find_notes("a\u{202e}b\u{202c}.\u{2066}"), [Note::DirectionControls { count: 3 }]);
        assert_eq!(find_notes("Pu\u{200b}tin said\u{feff} so."), [Note::ZeroWidth { count: 2 }]);
        assert_eq!(find_notes("he said that"), [Note::NoSentenceEnds]);
        assert_eq!(find_notes("“Open.\nShut.\n"), [Note::UnclosedQuotes { count: 1 }]);
        assert_eq!(find_notes("“a “b “c.”"), [Note::UnclosedQuotes { count: 2 }, Note::NestedQuotes { depth: 3 }]);
        let long = format!("Fine.\n{}\n", "word ".repeat(LONG_LINE_BYTES));
        assert!(find_notes(&long).contains(&Note::LongLine { line: 2, bytes: LONG_LINE_BYTES * 5 }));
    }

    #[test]
    fn messages_say_what_is_done() {
        let m = Note::Markup { tags: 1, first: "script".into() }.to_string();
        assert_eq!(m, "contains HTML markup (1 tag, the first <script>); shown as text, never run");
        assert!(Note::UnclosedQuotes { count: 3 }.to_string().starts_with("3 quotation marks opened and never closed"));
    }
}
