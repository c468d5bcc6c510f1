//! Splitting a block into sentences without breaking inside a quotation or
//! after an abbreviation ("Mr.", "U.S.", an initial).

use super::lexicon::{WordList, ABBREVIATIONS};
use super::quotes::Quote;
use crate::text::{is_blank, is_quote_mark, is_terminal};

/// Sentence ranges covering `text[start..end]`, trimmed of white space.
pub fn split_sentences(text: &str, start: usize, end: usize, quotes: &[Quote]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut sent_start = start;
    let mut pos = start;
    while let Some((at, c)) = next_terminal(text, pos, end) {
        pos = at + c.len_utf8();
        if inside_quote(at, c, quotes) {
            continue;
        }
        // Take the rest of a run of terminals ("?!", "...") and any closing
        // marks or brackets after it.
        let boundary = text[pos..end]
            .char_indices()
            .find(|&(i, d)| !(is_terminal(d) || is_closer(d, pos + i, quotes)))
            .map_or(end, |(i, _)| pos + i);
        if ends_sentence(text, sent_start, at, &text[boundary..end]) {
            push(&mut out, text, sent_start, boundary);
            sent_start = boundary;
        }
        pos = boundary;
    }
    push(&mut out, text, sent_start, end);
    out
}

/// The first sentence-ending character in `text[from..end]`, and its offset:
/// the first `.`, `!` or `?`, unless a `…` comes before it. Both are found
/// with memchr, without decoding a character: `…` (E2 80 A6) by its last
/// byte, which English text has almost nowhere else (curly quotation marks
/// and apostrophes share its first two).
fn next_terminal(text: &str, from: usize, end: usize) -> Option<(usize, char)> {
    let hay = &text.as_bytes()[from..end];
    let ascii = memchr::memchr3(b'.', b'!', b'?', hay);
    let before_ascii = &hay[..ascii.unwrap_or(hay.len())];
    let ellipsis = memchr::memchr_iter(0xA6, before_ascii).find(|&i| i >= 2 && before_ascii[i - 2..i] == [0xE2, 0x80]);
    match ellipsis {
        Some(last) => Some((from + last - 2, '…')),
        None => ascii.map(|at| (from + at, char::from(hay[at]))),
    }
}

/// A closing quotation mark or bracket right after a terminal.
fn is_closer(c: char, at: usize, quotes: &[Quote]) -> bool {
    c == ')' || c == ']' || quote_around(at, quotes).is_some_and(|q| q.close_end == Some(at + c.len_utf8()))
}

/// The quote whose outer span starts last at or before `at`. Quotes come
/// in order and do not overlap, so it is the only one that can hold `at`:
/// a binary search keeps a block with thousands of quotes fast.
fn quote_around(at: usize, quotes: &[Quote]) -> Option<&Quote> {
    let i = quotes.partition_point(|q| q.outer().0 <= at);
    i.checked_sub(1).map(|k| &quotes[k])
}

/// Is the terminal `c` at `at` inside a quote? The quote's own last
/// character is not: it may end the sentence that the quote closes.
fn inside_quote(at: usize, c: char, quotes: &[Quote]) -> bool {
    quote_around(at, quotes).is_some_and(|q| at + c.len_utf8() < q.end)
}

/// Does the terminal at `at` end the sentence? It must be followed by white
/// space and then a capital, a digit or an opening mark, and not close an
/// abbreviation or an initial. `rest` is the block's text after the
/// terminal and its closing marks.
fn ends_sentence(text: &str, sent_start: usize, at: usize, rest: &str) -> bool {
    let mut it = rest.chars();
    match it.next() {
        None => return true,
        Some(c) if !is_blank(c) => return false,
        _ => {}
    }
    let next = it.find(|&c| !is_blank(c));
    let starts_new = next.is_none_or(|c| c.is_uppercase() || c.is_numeric() || is_quote_mark(c) || "(‘'—–-".contains(c));
    if !starts_new {
        return false;
    }
    if text[at..].starts_with('.') {
        // The word before the full stop, with any dots inside it.
        let before = &text[sent_start..at];
        let word_start = before
            .char_indices()
            .rev()
            .take_while(|&(_, c)| c.is_alphanumeric() || c == '.')
            .last()
            .map_or(before.len(), |(i, _)| i);
        let word = &before[word_start..];
        let is_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        let is_dotted = word.contains('.'); // "U.S", "a.m"
        if is_initial || is_dotted || ABBREVIATIONS.has(word) {
            return false;
        }
    }
    true
}

fn push(out: &mut Vec<(usize, usize)>, text: &str, s: usize, e: usize) {
    let (s, e) = crate::text::trim_range(text, s, e);
    if s < e {
        out.push((s, e));
    }
}

#[cfg(test)]
mod tests {
    use super::super::quotes::find_quotes;
    use super::*;

    fn sentences(t: &str) -> Vec<&str> {
        let q = find_quotes(t, 0, t.len());
        split_sentences(t, 0, t.len(), &q).into_iter().map(|(s, e)| &t[s..e]).collect()
    }

    #[test]
    fn the_next_terminal_is_the_first_of_any_kind() {
        let t = "“It’s — Ʀ done…” Yes. No!";
        let first = t.find('…').unwrap();
        assert_eq!(next_terminal(t, 0, t.len()), Some((first, '…')));
        let after = first + '…'.len_utf8();
        assert_eq!(next_terminal(t, after, t.len()), Some((t.find('.').unwrap(), '.')));
        assert_eq!(next_terminal(t, 0, first), None);
        assert_eq!(next_terminal("a?b…", 0, 6), Some((1, '?')));
    }

    #[test]
    fn splits_at_full_stops_but_not_abbreviations() {
        assert_eq!(
            sentences("Mr. Smith met the U.S. envoy. Joseph R. Doe left at 5 p.m. today. Done!"),
            ["Mr. Smith met the U.S. envoy.", "Joseph R. Doe left at 5 p.m. today.", "Done!"]
        );
    }

    #[test]
    fn does_not_split_inside_quotes() {
        assert_eq!(
            sentences("“We talked. We agreed,” he said. “Next.”"),
            ["“We talked. We agreed,” he said.", "“Next.”"]
        );
        assert_eq!(sentences("\"Where is it?\" asked Ann. Fine."), ["\"Where is it?\" asked Ann.", "Fine."]);
    }

    #[test]
    fn splits_after_a_quote_that_ends_a_sentence() {
        assert_eq!(
            sentences("He called it “good.” “The tone was fine,” he said."),
            ["He called it “good.”", "“The tone was fine,” he said."]
        );
        assert_eq!(sentences("Who pays? \"Not us,\" said Ann."), ["Who pays?", "\"Not us,\" said Ann."]);
    }

    #[test]
    fn ellipsis_inside_a_word_run_does_not_split() {
        assert_eq!(sentences("The meeting…was good. Yes."), ["The meeting…was good.", "Yes."]);
    }
}
