//! Small text helpers shared by the corpus, the analysis and the pages:
//! character classes, trimming byte ranges, sentence ends, shortening and
//! escaping for display.

use std::ops::Range;

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

/// `start..end` cut at `marks` (ranges in order, each with what marks it):
/// the stretches between them unmarked (`None`), each mark's range with its
/// mark. A mark that starts before the one before it ends is skipped. What
/// marks a statement in an article, the quoted words in a statement and
/// the searched-for words in a hit are all cut this way.
pub fn marked_stretches<M>(
    start: usize,
    end: usize,
    marks: impl IntoIterator<Item = (Range<usize>, M)>,
) -> Vec<(Range<usize>, Option<M>)> {
    let mut out = Vec::new();
    let mut pos = start;
    for (range, mark) in marks {
        if range.start < pos {
            continue;
        }
        if range.start > pos {
            out.push((pos..range.start, None));
        }
        pos = range.end;
        out.push((range, Some(mark)));
    }
    if pos < end {
        out.push((pos..end, None));
    }
    out
}

/// The range with surrounding white space (including zero-width and
/// direction marks) removed.
pub fn trim_range(text: &str, start: usize, end: usize) -> (usize, usize) {
    let s = &text[start..end];
    let trimmed_start = s.len() - s.trim_start_matches(is_blank).len();
    let trimmed = s.trim_matches(is_blank);
    (start + trimmed_start, start + trimmed_start + trimmed.len())
}

/// The first colon of `text[start..end]` among its first `max_chars`
/// characters: where a label ("PUTIN:", "Q:") would end. The colon's byte is
/// searched for first, so a paragraph without one near its start costs a
/// byte scan of that stretch, not a decoding of it.
pub fn colon_within(text: &str, start: usize, end: usize, max_chars: usize) -> Option<usize> {
    // No character is longer than 4 bytes, and ':' is never part of one.
    let window = end.min(start.saturating_add(max_chars.saturating_mul(4)));
    let colon = start + memchr::memchr(b':', &text.as_bytes()[start..window])?;
    (text[start..colon].chars().count() < max_chars).then_some(colon)
}

/// The characters that take no room in a text: the one table of them that
/// every reader of text (trimming, notes on an article, share cards) asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Invisible {
    /// Zero-width space, (non-)joiners and the word joiner (U+200B–U+200D,
    /// U+2060).
    ZeroWidth,
    /// The left-to-right and right-to-left marks (U+200E, U+200F): right-to-
    /// left text needs them, and they reorder nothing.
    DirectionMark,
    /// The Arabic letter mark (U+061C), part of Arabic text.
    ArabicLetterMark,
    /// Embeddings, overrides and isolates with their terminators (U+202A–
    /// U+202E, U+2066–U+2069): they set a text's direction explicitly.
    DirectionControl,
    /// Invisible operators (U+2061–U+2064).
    Operator,
    /// The soft hyphen (U+00AD).
    SoftHyphen,
    /// The zero-width no-break space, or byte order mark (U+FEFF).
    ByteOrderMark,
    /// U+FFFE and U+FFFF, which are no characters (and not allowed in XML).
    NonCharacter,
}

/// What kind of invisible character `c` is, if it is one.
pub fn invisible(c: char) -> Option<Invisible> {
    Some(match c {
        '\u{200b}'..='\u{200d}' | '\u{2060}' => Invisible::ZeroWidth,
        '\u{200e}' | '\u{200f}' => Invisible::DirectionMark,
        '\u{061c}' => Invisible::ArabicLetterMark,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => Invisible::DirectionControl,
        '\u{2061}'..='\u{2064}' => Invisible::Operator,
        '\u{00ad}' => Invisible::SoftHyphen,
        '\u{feff}' => Invisible::ByteOrderMark,
        '\u{fffe}' | '\u{ffff}' => Invisible::NonCharacter,
        _ => return None,
    })
}

/// White space as readers see it: also the invisible format characters that
/// scraped text carries (zero-width spaces, BOMs, direction marks). Not the
/// soft hyphen and the Arabic letter mark, which belong to the word they
/// are in.
pub fn is_blank(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            invisible(c),
            Some(
                Invisible::ZeroWidth
                    | Invisible::DirectionMark
                    | Invisible::DirectionControl
                    | Invisible::Operator
                    | Invisible::ByteOrderMark
            )
        )
}

/// Characters that set a text direction explicitly (see
/// [`Invisible::DirectionControl`]).
pub fn is_direction_control(c: char) -> bool {
    invisible(c) == Some(Invisible::DirectionControl)
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
    fn a_colon_counts_within_so_many_characters() {
        assert_eq!(colon_within("PUTIN: yes", 0, 10, 80), Some(5));
        assert_eq!(colon_within("xx PUTIN: yes", 3, 13, 80), Some(8));
        assert_eq!(colon_within("abcd:", 0, 5, 4), None);
        assert_eq!(colon_within("abc:", 0, 4, 4), Some(3));
        // Characters, not bytes: four of two bytes each, then the colon.
        assert_eq!(colon_within("éééé:", 0, 9, 5), Some(8));
        assert_eq!(colon_within("éééé:", 0, 9, 4), None);
        assert_eq!(colon_within("no colon here", 0, 13, 80), None);
        // Not past the range's end.
        assert_eq!(colon_within("ab:cd", 0, 2, 80), None);
    }

    #[test]
    fn a_range_is_cut_at_its_marks_in_order() {
        let cut = marked_stretches(2, 20, [(4..6, 'a'), (5..8, 'x'), (8..10, 'b'), (15..20, 'c')]);
        assert_eq!(cut, [(2..4, None), (4..6, Some('a')), (6..8, None), (8..10, Some('b')), (10..15, None), (15..20, Some('c'))]);
        assert_eq!(marked_stretches(0, 3, Vec::<(Range<usize>, ())>::new()), [(0..3, None)]);
        assert_eq!(marked_stretches(0, 3, [(0..3, ())]), [(0..3, Some(()))]);
    }

    #[test]
    fn invisible_characters_are_read_by_kind() {
        for c in ['\u{200b}', '\u{2060}', '\u{200e}', '\u{202e}', '\u{2066}', '\u{2062}', '\u{feff}', '\u{2028}', ' '] {
            assert!(is_blank(c), "{c:?} is blank");
        }
        for c in ['\u{ad}', '\u{61c}', '\u{fffe}', 'a', '-'] {
            assert!(!is_blank(c), "{c:?} is not blank");
        }
        assert!(is_direction_control('\u{202a}') && is_direction_control('\u{2069}') && !is_direction_control('\u{200f}'));
        assert_eq!(invisible('\u{ffff}'), Some(Invisible::NonCharacter));
        assert_eq!(invisible('\u{ad}'), Some(Invisible::SoftHyphen));
        assert_eq!(invisible('x'), None);
    }

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
