//! Small text helpers shared by the corpus, the analysis and the pages:
//! character classes, trimming byte ranges, sentence ends, shortening and
//! escaping for display.

/// Marks that can open or close a quotation.
pub fn is_quote_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '‟' | '″')
}

/// Double quotation marks and the single marks that may also quote.
pub fn is_any_quote_mark(c: char) -> bool {
    is_quote_mark(c) || matches!(c, '‘' | '’' | '\'')
}

/// Characters that end a sentence.
pub fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

pub fn is_url(word: &str) -> bool {
    let w = word.trim_matches(|c: char| matches!(c, '(' | ')' | '<' | '>' | ',' | '.'));
    w.starts_with("http://")
        || w.starts_with("https://")
        || w.starts_with("www.")
        || w.starts_with("pic.twitter.com/")
        || w.starts_with("t.co/")
}

/// The range with surrounding white space (including zero-width and
/// direction marks) removed.
pub fn trim_range(text: &str, start: usize, end: usize) -> (usize, usize) {
    let s = &text[start..end];
    let trimmed_start = s.len() - s.trim_start_matches(is_blank).len();
    let trimmed = s.trim_matches(is_blank);
    (start + trimmed_start, start + trimmed_start + trimmed.len())
}

/// White space as readers see it: also the invisible format characters that
/// scraped text carries (zero-width spaces, BOMs, direction marks).
pub fn is_blank(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}')
}

/// Characters that set a text direction explicitly: embeddings, overrides
/// and isolates with their terminators. The marks U+200E and U+200F are not
/// among them: right-to-left text needs them and they reorder nothing.
pub fn is_direction_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Text as the pages show it: without direction controls, which could make
/// a quotation read reversed or reordered on the page while its words in the
/// file say otherwise. The file and the export keep them.
pub fn for_display(s: &str) -> String {
    if s.contains(is_direction_control) {
        s.chars().filter(|&c| !is_direction_control(c)).collect()
    } else {
        s.to_string()
    }
}

/// Byte length of the first sentence of `s` (all of it if it has one).
pub fn first_sentence_end(s: &str) -> usize {
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if is_terminal(c) {
            let next = chars.peek().map(|&(_, n)| n);
            if next.is_none_or(char::is_whitespace) && i > 20 {
                return i + c.len_utf8();
            }
        }
    }
    s.len()
}

/// At most `max` characters of `s`, cut at a word boundary, with "…" added
/// when anything was cut.
pub fn shorten(s: &str, max: usize) -> String {
    let s = s.trim();
    // Found within the first `max` characters, whatever the length of `s`.
    let Some((cut, _)) = s.char_indices().nth(max) else { return s.to_string() };
    let head = &s[..cut];
    let head = head.rsplit_once(char::is_whitespace).map(|(h, _)| h).unwrap_or(head);
    format!("{}…", head.trim_end_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace()))
}

/// `text` made safe inside markup written by hand (HTML or XML, between tags
/// or in a quoted attribute): `& < > " '` become character references that
/// both read the same way.
pub fn escape_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_both_quote_marks_are_escaped() {
        assert_eq!(
            escape_markup("<script>alert('x')</script> & \"more\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;"
        );
    }

    #[test]
    fn pages_drop_direction_controls_only() {
        assert_eq!(for_display("a\u{202e}b\u{202c} \u{2067}c\u{2069}"), "ab c");
        // Direction marks, zero-width joiners and ordinary text stay.
        assert_eq!(for_display("\u{200f}שלום \u{200d}x"), "\u{200f}שלום \u{200d}x");
    }

    #[test]
    fn trims_invisible_characters() {
        let t = "\u{200b} hi \u{202e}\n";
        let (s, e) = trim_range(t, 0, t.len());
        assert_eq!(&t[s..e], "hi");
    }

    #[test]
    fn shortens_at_words() {
        assert_eq!(shorten("one two three four", 9), "one two…");
        assert_eq!(shorten("short", 9), "short");
        assert_eq!(shorten("ééééé ééééé", 7), "ééééé…");
    }

    #[test]
    fn first_sentence() {
        let s = "The talks began on Monday in Geneva. Then more.";
        assert_eq!(&s[..first_sentence_end(s)], "The talks began on Monday in Geneva.");
    }
}
