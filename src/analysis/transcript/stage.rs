//! Stage directions and time stamps: "(Laughter.)", "(Applause.)",
//! "[inaudible 00:02:15]", "(01:12)", "[crosstalk]". They belong to no one
//! and are never part of a statement, so a turn's words are cut around them.

use crate::text::is_blank;

use crate::analysis::lexicon::STAGE_WORDS;

/// A bracketed aside longer than this is an editor's note or real words,
/// never a stage direction.
const MAX_DIRECTION_BYTES: usize = 60;

/// The length of a time stamp at the start of `s`: "00:12", "1:02:15",
/// "(01:12)", "[00:02:15]", "19:52". `None` if `s` does not start with one.
pub fn time_stamp_len(s: &str) -> Option<usize> {
    let (open, close) = match s.as_bytes().first()? {
        b'(' => (1, Some(')')),
        b'[' => (1, Some(']')),
        _ => (0, None),
    };
    let digits = bare_time_len(&s[open..])?;
    match close {
        None => Some(digits),
        Some(c) => s[open + digits..].starts_with(c).then_some(open + digits + 1),
    }
}

/// "12:05" or "1:02:15": groups of digits joined by colons, the first of one
/// or two digits and the rest of two.
fn bare_time_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let first = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=2).contains(&first) {
        return None;
    }
    let mut at = first;
    let mut groups = 1;
    while b.get(at) == Some(&b':') && b.get(at + 1).is_some_and(u8::is_ascii_digit) && b.get(at + 2).is_some_and(u8::is_ascii_digit) {
        at += 3;
        groups += 1;
    }
    let ends_word = !b.get(at).is_some_and(u8::is_ascii_alphanumeric);
    (groups >= 2 && ends_word).then_some(at)
}

/// The stage directions and time stamps in `text[start..end]`, as byte ranges.
pub fn directions(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut at = start;
    while at < end {
        let close = match bytes[at] {
            b'(' => b')',
            b'[' => b']',
            _ => {
                at += 1;
                continue;
            }
        };
        let limit = end.min(at + MAX_DIRECTION_BYTES);
        match text.as_bytes()[at + 1..limit].iter().position(|&c| c == close) {
            Some(k) if is_direction(&text[at + 1..at + 1 + k]) => {
                out.push((at, at + k + 2));
                at += k + 2;
            }
            _ => at += 1,
        }
    }
    out
}

/// What stands inside brackets is a direction when it holds a time stamp,
/// opens with a stage word ("inaudible", "laughter", "crosstalk"), or is a
/// short capitalised sentence of its own ("Laughs.", "Applause.").
fn is_direction(inside: &str) -> bool {
    let inside = inside.trim_matches(is_blank);
    let has_time = inside.char_indices().any(|(i, _)| bare_time_len(&inside[i..]).is_some() && (i == 0 || !inside.as_bytes()[i - 1].is_ascii_digit()));
    let first = inside.split(|c: char| !c.is_alphabetic() && c != '-').next().unwrap_or("").to_lowercase();
    let words = inside.split_whitespace().count();
    let short_sentence = words <= 3 && inside.starts_with(char::is_uppercase) && inside.ends_with('.');
    has_time || STAGE_WORDS.contains(&first.as_str()) || short_sentence
}

/// `text[start..end]` without its directions: the pieces between them,
/// trimmed, with any left empty or without a letter dropped.
pub fn spoken_pieces(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = start;
    let cuts = directions(text, start, end);
    for (a, b) in cuts.iter().copied().chain([(end, end)]) {
        let (s, e) = trim_piece(text, from, a);
        if text[s..e].chars().any(char::is_alphabetic) {
            out.push((s, e));
        }
        from = b;
    }
    out
}

/// Blanks off both ends of a piece, and a dash or ellipsis left dangling by a cut.
fn trim_piece(text: &str, start: usize, end: usize) -> (usize, usize) {
    let (s, e) = crate::text::trim_range(text, start, end);
    let piece = &text[s..e];
    let lead = piece.len() - piece.trim_start_matches(|c: char| is_blank(c) || matches!(c, '—' | '–' | '-')).len();
    let trail = piece[lead..].len() - piece[lead..].trim_end_matches(|c: char| is_blank(c) || matches!(c, '—' | '–' | '-')).len();
    (s + lead, e - trail)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(s: &str) -> Vec<&str> {
        spoken_pieces(s, 0, s.len()).into_iter().map(|(a, b)| &s[a..b]).collect()
    }

    #[test]
    fn time_stamps() {
        assert_eq!(time_stamp_len("00:12 next"), Some(5));
        assert_eq!(time_stamp_len("(01:12) next"), Some(7));
        assert_eq!(time_stamp_len("[1:02:15]"), Some(9));
        assert_eq!(time_stamp_len("1990s"), None);
        assert_eq!(time_stamp_len("3:1 odds"), None);
        assert_eq!(time_stamp_len("12:30pm"), None);
    }

    #[test]
    fn directions_are_cut_out_of_the_words() {
        assert_eq!(pieces("We will see. (Laughter.) But not yet."), ["We will see.", "But not yet."]);
        assert_eq!(pieces("The harbour [inaudible 00:02:15] stays open."), ["The harbour", "stays open."]);
        assert_eq!(pieces("(01:12) The harbour stays open."), ["The harbour stays open."]);
        assert_eq!(pieces("Yes — [crosstalk] — no."), ["Yes", "no."]);
        assert_eq!(pieces("(Applause.)"), Vec::<&str>::new());
    }

    #[test]
    fn asides_that_are_words_stay() {
        assert_eq!(pieces("The accord (signed in 2019) holds."), ["The accord (signed in 2019) holds."]);
        assert_eq!(pieces("They [the ministers] will meet."), ["They [the ministers] will meet."]);
    }
}
