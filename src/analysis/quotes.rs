//! Finding quotations in a block of text.
//!
//! Real coverage is messy: curly and straight marks mixed in one quote, a
//! closing mark with no opening one, a quote left open until the next
//! attribution. Marks are paired left to right:
//! - a straight `"` opens or closes according to the characters around it;
//! - an opening mark while a quote is open means the open one was never
//!   closed: it ends at the last sentence end before the new mark;
//! - a closing mark with no open quote closes a quote that starts at the
//!   beginning of its sentence (or after the previous quote);
//! - a quote still open at the end of the block ends there, and is marked so
//!   that a quote opening the next block can continue it.

use crate::text::{is_blank, is_terminal};

/// One quotation: the words inside the marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// Byte offset of the opening mark, if there is one.
    pub open: Option<usize>,
    /// Byte offset just past the closing mark, if there is one.
    pub close_end: Option<usize>,
    /// The quoted words, without marks, surrounding space or a trailing comma.
    pub start: usize,
    pub end: usize,
    /// The block ended while this quote was open.
    pub open_at_block_end: bool,
}

impl Quote {
    /// The span including its marks, as it stands in the text.
    pub fn outer(&self) -> (usize, usize) {
        (self.open.unwrap_or(self.start), self.close_end.unwrap_or(self.end))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
}

/// Finds the quotes of `text[start..end]`; offsets are into `text`.
pub fn find_quotes(text: &str, start: usize, end: usize) -> Vec<Quote> {
    let mut quotes = Vec::new();
    // The quote being read: its opening mark's offset and the mark itself.
    let mut open: Option<(usize, char)> = None;
    // Where text outside any quote resumes after the last closing mark.
    let mut resume = start;
    for (at, c) in double_mark_candidates(text, start, end) {
        let Some(role) = mark_role(text, start, end, at, c, open.map(|(_, m)| m)) else { continue };
        match (role, open) {
            (Role::Open, None) => open = Some((at, c)),
            (Role::Open, Some((o, _))) => {
                // The open quote was never closed: end it at its last
                // sentence end, or just before this mark.
                let cut = last_sentence_end(text, o, at).unwrap_or(at);
                push(&mut quotes, text, Some(o), None, cut, false);
                open = Some((at, c));
            }
            (Role::Close, Some((o, _))) => {
                push(&mut quotes, text, Some(o), Some(at + c.len_utf8()), at, false);
                open = None;
                resume = at + c.len_utf8();
            }
            (Role::Close, None) => {
                let from = sentence_start(text, resume, at);
                push_orphan(&mut quotes, text, from, at, c);
                resume = at + c.len_utf8();
            }
        }
    }
    if let Some((o, _)) = open {
        push(&mut quotes, text, Some(o), None, end, true);
    }
    let singles = find_single_quotes(text, start, end, &quotes);
    if !singles.is_empty() {
        quotes.extend(singles);
        quotes.sort_by_key(|q| q.outer().0);
    }
    quotes
}

/// Quotations in single marks (‘…’ or '…'), outside double-marked ones.
/// Single marks double as apostrophes, so they are read strictly: a quote
/// opens before a word, closes after one, and one that is never closed, or
/// a closing mark with no opening one, is an apostrophe, not a quote.
fn find_single_quotes(text: &str, start: usize, end: usize, doubles: &[Quote]) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (at, c) in single_mark_candidates(text, start, end) {
        if !matches!(c, '‘' | '’' | '\'') || doubles.iter().any(|q| at >= q.outer().0 && at < q.outer().1) {
            continue;
        }
        let prev = text[start..at].chars().next_back();
        let next = text[at + c.len_utf8()..end].chars().next();
        let opens = c != '’'
            && prev.is_none_or(|p| is_blank(p) || "([{—–".contains(p))
            && next.is_some_and(char::is_alphanumeric);
        let closes = c != '‘'
            && prev.is_some_and(|p| !is_blank(p))
            && next.is_none_or(|n| is_blank(n) || ".,;:!?)]}—–…".contains(n));
        match open {
            None if opens => open = Some(at),
            Some(o) if closes => {
                push(&mut out, text, Some(o), Some(at + c.len_utf8()), at, false);
                open = None;
            }
            _ => {}
        }
    }
    out
}

/// The double marks, found by their UTF-8 forms' first bytes: `"`, then
/// `“ ” „ ‟ ″` (U+201C–U+201F, U+2033, all led by 0xE2) and `« »` (U+00AB,
/// U+00BB, led by 0xC2). Quotation marks are rare in a block, so its bytes
/// are searched (with memchr) rather than every character decoded.
fn double_mark_candidates(text: &str, start: usize, end: usize) -> impl Iterator<Item = (usize, char)> + '_ {
    chars_at(text, start, end, memchr::memchr3_iter(b'"', 0xE2, 0xC2, &text.as_bytes()[start..end]))
}

/// The single marks, likewise: `'`, then `‘ ’` (U+2018, U+2019, led by 0xE2).
fn single_mark_candidates(text: &str, start: usize, end: usize) -> impl Iterator<Item = (usize, char)> + '_ {
    chars_at(text, start, end, memchr::memchr2_iter(b'\'', 0xE2, &text.as_bytes()[start..end]))
}

/// The characters at `positions` (relative to `start`) with their offsets.
/// Every position is an ASCII byte or the first byte of a character, so a
/// character starts there.
fn chars_at<'a>(text: &'a str, start: usize, end: usize, positions: impl Iterator<Item = usize> + 'a) -> impl Iterator<Item = (usize, char)> + 'a {
    positions.filter_map(move |p| text[start + p..end].chars().next().map(|c| (start + p, c)))
}

/// Is the character at `at` a quotation mark, and does it open or close?
fn mark_role(text: &str, start: usize, end: usize, at: usize, c: char, open_mark: Option<char>) -> Option<Role> {
    match c {
        '“' if open_mark == Some('„') => Some(Role::Close),
        '“' | '„' | '«' => Some(Role::Open),
        '”' | '»' => Some(Role::Close),
        '"' | '‟' | '″' => Some(straight_role(text, start, end, at, c, open_mark.is_some())),
        _ => None,
    }
}

/// A straight mark opens before a word and closes after one; where the
/// context says neither, it closes an open quote or opens a new one.
fn straight_role(text: &str, start: usize, end: usize, at: usize, c: char, is_open: bool) -> Role {
    let prev = text[start..at].chars().next_back();
    let next = text[at + c.len_utf8()..end].chars().next();
    let space_before = prev.is_none_or(|p| is_blank(p) || "([{—–-/".contains(p) || crate::text::is_quote_mark(p));
    let space_after = next.is_none_or(|n| is_blank(n) || ".,;:!?)]}—–…".contains(n));
    match (space_before, space_after) {
        (true, false) => Role::Open,
        (false, true) => Role::Close,
        _ if is_open => Role::Close,
        _ => Role::Open,
    }
}

/// The offset just past the last sentence end in `text[from..to]` (a full
/// stop, question or exclamation mark followed by white space).
fn last_sentence_end(text: &str, from: usize, to: usize) -> Option<usize> {
    let slice = &text[from..to];
    let mut best = None;
    let mut chars = slice.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if is_terminal(c) && chars.peek().is_some_and(|&(_, n)| is_blank(n)) {
            best = Some(from + i + c.len_utf8());
        }
    }
    best
}

/// Where the sentence holding `at` starts, not before `floor`: just after
/// the last sentence end (with any closing marks) before it.
fn sentence_start(text: &str, floor: usize, at: usize) -> usize {
    let slice = &text[floor..at];
    let mut start = floor;
    let chars: Vec<(usize, char)> = slice.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if !is_terminal(c) {
            continue;
        }
        // Skip closing marks after the terminal, then require white space.
        let mut j = k + 1;
        while j < chars.len() && (crate::text::is_quote_mark(chars[j].1) || chars[j].1 == ')') {
            j += 1;
        }
        if j < chars.len() && is_blank(chars[j].1) {
            start = floor + chars[j].0;
        } else if j == chars.len() && j > k + 1 {
            start = floor + i + c.len_utf8();
        }
    }
    start
}

fn push(quotes: &mut Vec<Quote>, text: &str, open: Option<usize>, close_end: Option<usize>, inner_end: usize, at_end: bool) {
    let inner_start = open.map(|o| o + text[o..].chars().next().map_or(1, char::len_utf8)).unwrap_or(inner_end);
    if let Some((s, e)) = trim_inner(text, inner_start, inner_end) {
        quotes.push(Quote { open, close_end, start: s, end: e, open_at_block_end: at_end });
    }
}

fn push_orphan(quotes: &mut Vec<Quote>, text: &str, from: usize, at: usize, c: char) {
    if let Some((s, e)) = trim_inner(text, from, at) {
        quotes.push(Quote { open: None, close_end: Some(at + c.len_utf8()), start: s, end: e, open_at_block_end: false });
    }
}

/// The quoted words without surrounding space and without a trailing comma,
/// semicolon or colon (which belong to the sentence around the quote).
fn trim_inner(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    if start >= end {
        return None;
    }
    let (s, mut e) = crate::text::trim_range(text, start, end);
    while e > s {
        let last = text[s..e].chars().next_back().unwrap();
        if matches!(last, ',' | ';' | ':') || is_blank(last) {
            e -= last.len_utf8();
        } else {
            break;
        }
    }
    // A "quote" of nothing but punctuation is a stray mark, not a quote.
    (text[s..e].chars().any(char::is_alphanumeric)).then_some((s, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(t: &str) -> Vec<&str> {
        find_quotes(t, 0, t.len()).iter().map(|q| &t[q.start..q.end]).collect()
    }

    #[test]
    fn curly_and_straight_pairs() {
        assert_eq!(quoted("He said “we will go,” and left."), ["we will go"]);
        assert_eq!(quoted("She said \"no\" twice and \"yes\" once."), ["no", "yes"]);
    }

    #[test]
    fn mixed_marks_in_one_quote() {
        assert_eq!(quoted("Ann said “we are ready to talk,\" adding more."), ["we are ready to talk"]);
        assert_eq!(quoted("\"It looks fine.” she said."), ["It looks fine."]);
    }

    #[test]
    fn closing_mark_with_no_opening_one() {
        // The quote starts at the beginning of the block.
        assert_eq!(quoted("If prices rise, we will act,\" the minister said."), ["If prices rise, we will act"]);
        // Or after the previous quote, at the start of its sentence.
        assert_eq!(
            quoted("He said: “Talks went well.” We will meet again soon.”"),
            ["Talks went well.", "We will meet again soon."]
        );
    }

    #[test]
    fn quote_left_open_until_the_next_attribution() {
        assert_eq!(
            quoted("“Trade matters a lot. Ann said, \"In every season, for every farm.\""),
            ["Trade matters a lot.", "In every season, for every farm."]
        );
    }

    #[test]
    fn quote_open_at_block_end_is_flagged() {
        let t = "He said: “We will stay the course";
        let q = find_quotes(t, 0, t.len());
        assert_eq!(&t[q[0].start..q[0].end], "We will stay the course");
        assert!(q[0].open_at_block_end);
    }

    #[test]
    fn unbalanced_and_stray_marks_never_panic_or_cross_bounds() {
        for t in ["\"", "”", "“", "\"\"\"", "a \" b “ c ” d \" e", "«oui» „ja“ \"", "” ” ”"] {
            for q in find_quotes(t, 0, t.len()) {
                assert!(q.start <= q.end && q.end <= t.len());
                assert!(t.is_char_boundary(q.start) && t.is_char_boundary(q.end));
            }
        }
        assert_eq!(quoted("«oui» and „ja“"), ["oui", "ja"]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert_eq!(quoted("Russia’s view and the countries’ dealings"), Vec::<&str>::new());
        assert_eq!(quoted("It's the leaders' talk, isn't it"), Vec::<&str>::new());
    }

    #[test]
    fn single_marks_quote_when_they_pair() {
        assert_eq!(quoted("‘We will respond,’ she said of Russia’s moves."), ["We will respond"]);
        assert_eq!(quoted("He called it 'a worthy adversary'. Fine."), ["a worthy adversary"]);
        assert_eq!(quoted("He said “it’s ‘fine’ now”."), ["it’s ‘fine’ now"]);
        // Never closed: an apostrophe after all.
        assert_eq!(quoted("the ‘rules of the road for now"), Vec::<&str>::new());
    }
}
