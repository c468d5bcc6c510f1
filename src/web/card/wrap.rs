//! Lines broken to fit a card, measured with the glyphs that will be
//! drawn, and text made safe to lay out and to put in SVG.

/// Lines broken at spaces, none wider than the width they were measured
/// against; `cut` when the words did not all fit in the lines allowed.
#[derive(Debug, PartialEq)]
pub(super) struct Wrapped {
    pub(super) lines: Vec<String>,
    pub(super) cut: bool,
}

impl Wrapped {
    /// The lines, the last marked as cut short: an ellipsis, and a closing
    /// quotation mark when the cut fell inside quoted words. (Room for both
    /// was left by [`wrap`].)
    pub(super) fn finish(mut self) -> Vec<String> {
        if self.cut {
            let open = self.lines.iter().flat_map(|l| l.chars()).filter(|&c| c == '\u{201c}').count();
            let closed = self.lines.iter().flat_map(|l| l.chars()).filter(|&c| c == '\u{201d}').count();
            let close = if open > closed { "\u{201d}" } else { "" };
            match self.lines.last_mut() {
                Some(last) => last.push_str(&format!("\u{2026}{close}")),
                None => self.lines.push("\u{2026}".to_string()),
            }
        }
        self.lines
    }
}

/// What a cut line ends with, at most: measured so that it always fits.
const CUT_MARK: &str = "\u{2026}\u{201d}";

/// Breaks `text` (single spaces, as [`clean`] leaves it) into at most
/// `max_lines` lines no wider than `max_width`, by `width` of each character.
/// A word wider than a line is broken between characters. When the words do
/// not all fit, the last line ends at a word boundary with room for
/// [`CUT_MARK`]. Only the lines that are shown are ever measured, so a
/// statement of any length costs the same.
pub(super) fn wrap(text: &str, max_width: f32, max_lines: usize, width: &dyn Fn(char) -> f32) -> Wrapped {
    let measure = |s: &str| s.chars().map(width).sum::<f32>();
    if max_lines == 0 {
        return Wrapped { lines: Vec::new(), cut: !text.is_empty() };
    }
    let space = width(' ');
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut line_width = 0.0;
    let pieces = text.split(' ').filter(|w| !w.is_empty()).flat_map(|w| pieces_of(w, max_width, width));
    for piece in pieces {
        let piece_width = measure(piece);
        let gap = if line.is_empty() { 0.0 } else { space };
        if line_width + gap + piece_width <= max_width {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(piece);
            line_width += gap + piece_width;
            continue;
        }
        if lines.len() + 1 == max_lines {
            lines.push(line);
            return cut(lines, max_width, &measure);
        }
        lines.push(std::mem::replace(&mut line, piece.to_string()));
        line_width = piece_width;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    Wrapped { lines, cut: false }
}

/// The lines of a text that did not fit: the last one shortened, word by
/// word, until the cut mark fits after it.
fn cut(mut lines: Vec<String>, max_width: f32, measure: &dyn Fn(&str) -> f32) -> Wrapped {
    let room = max_width - measure(CUT_MARK);
    if let Some(last) = lines.last_mut() {
        while !last.is_empty() && measure(last) > room {
            match last.rfind(' ') {
                Some(space) => last.truncate(space),
                // One piece of a long word: drop characters instead.
                None => {
                    last.pop();
                }
            }
        }
        let kept = last.trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '\u{2013}' | '\u{2014}')
        });
        last.truncate(kept.len());
    }
    Wrapped { lines, cut: true }
}

/// A word as pieces no wider than `max_width`: the word itself when it fits,
/// else runs of characters (never splitting a combining mark from its letter).
pub(super) fn pieces_of<'a>(word: &'a str, max_width: f32, width: &'a dyn Fn(char) -> f32) -> impl Iterator<Item = &'a str> + 'a {
    let mut rest = word;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut used = 0.0;
        let mut end = rest.len();
        for (i, c) in rest.char_indices() {
            used += width(c);
            if used > max_width && i > 0 && !is_combining(c) {
                end = i;
                break;
            }
        }
        let (piece, tail) = rest.split_at(end);
        rest = tail;
        Some(piece)
    })
}

/// Marks drawn on the letter before them (accents written apart).
fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}')
}

/// One line that fits `max_width`, cut with an ellipsis if it must be.
pub(super) fn fit_line(text: &str, max_width: f32, width: &dyn Fn(char) -> f32) -> String {
    wrap(&clean(text), max_width, 1, width).finish().pop().unwrap_or_default()
}

// ---------------------------------------------------------------------------
// Text that is safe to lay out and to put in SVG
// ---------------------------------------------------------------------------

/// Article text made fit for one run of a card: control characters,
/// direction overrides and invisible characters removed (they would reorder
/// or hide what is drawn, or are not allowed in XML), and every run of
/// spaces and line ends made one space.
pub(super) fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_whitespace() || c.is_control() {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else if crate::text::invisible(c).is_none() {
            out.push(c);
        }
    }
    let kept = out.trim_end().len();
    out.truncate(kept);
    out
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::web::card::fonts::fonts;

    /// Every character 10 px wide: widths are easy to reason about.
    fn tens(_: char) -> f32 {
        10.0
    }

    #[test]
    fn controls_direction_overrides_and_invisible_characters_are_removed() {
        assert_eq!(clean("a\u{202e}b\u{200b}c\u{0007}d\u{feff}\u{2066}e"), "abc de");
        assert_eq!(clean("  one\n\ttwo\r\n  three\u{2028}four \u{0}"), "one two three four");
        assert_eq!(clean("\u{202d}\u{200f}"), "");
    }

    #[test]
    fn lines_keep_to_the_width_they_are_measured_against() {
        let text = "We had a good discussion about the cyber attacks and the ransomware that came from Russian soil";
        let w = wrap(text, 200.0, 10, &tens);
        assert!(!w.cut);
        assert_eq!(w.lines.join(" "), text, "no word lost or split");
        for line in &w.lines {
            assert!(line.chars().count() * 10 <= 200, "{line:?} is wider than 200");
        }
        // Greedy: a line ends only when the next word would not fit.
        for pair in w.lines.windows(2) {
            let next = pair[1].split(' ').next().unwrap();
            assert!((pair[0].chars().count() + 1 + next.chars().count()) * 10 > 200, "{pair:?}");
        }
    }

    #[test]
    fn lines_fit_the_real_font() {
        let fonts = fonts().unwrap();
        let measure = fonts.regular.measure(41.0);
        let text = "WWWW MMMM iiii llll Mixed widths: the wide letters fill a line much sooner than the narrow ones do";
        let w = wrap(text, 400.0, 20, &measure);
        assert!(w.lines.len() > 2);
        for line in &w.lines {
            let width: f32 = line.chars().map(&measure).sum();
            assert!(width <= 400.0, "{line:?} is {width} px");
        }
        // Wide letters take more room than narrow ones, as the font has them.
        assert!(measure('W') > 2.0 * measure('i'));
    }

    #[test]
    fn what_does_not_fit_is_cut_at_a_word_with_an_ellipsis() {
        let text = "one two three four five six seven eight nine ten eleven twelve";
        let w = wrap(text, 100.0, 2, &tens);
        assert!(w.cut);
        let lines = w.finish();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0], "one two");
        let last = &lines[1];
        assert!(last.ends_with('\u{2026}'), "{last:?}");
        let shown = last.trim_end_matches('\u{2026}');
        assert!(text.contains(&format!("{shown} ")), "{shown:?} ends inside a word");
        assert!(last.chars().count() * 10 <= 100, "{last:?} with its ellipsis is too wide");
        // A cut inside quoted words closes the quotation.
        let quoted = wrap("\u{201c}one two three four five six seven\u{201d}", 100.0, 2, &tens).finish();
        assert!(quoted[1].ends_with("\u{2026}\u{201d}"), "{quoted:?}");
        assert!(quoted[1].chars().count() * 10 <= 100);
        // Trailing punctuation before the ellipsis goes.
        let commas = wrap("alpha, beta, gamma, delta, epsilon", 140.0, 1, &tens).finish();
        assert_eq!(commas, ["alpha, beta\u{2026}"]);
    }

    #[test]
    fn a_word_longer_than_a_line_is_broken() {
        let word = "x".repeat(5000);
        let w = wrap(&word, 1000.0, 4, &tens);
        assert!(w.cut);
        assert_eq!(w.lines.len(), 4);
        for line in &w.lines {
            assert!(line.chars().count() * 10 <= 1000, "{} characters", line.chars().count());
            assert!(!line.is_empty());
        }
        // Inside a sentence too.
        let long = format!("before {word} after");
        assert!(wrap(&long, 1000.0, 100, &tens).lines.iter().all(|l| l.chars().count() <= 100));
        // A combining accent stays with its letter.
        let accented = "e\u{301}".repeat(30);
        for piece in pieces_of(&accented, 95.0, &tens) {
            assert!(!piece.starts_with('\u{301}'), "{piece:?}");
        }
    }


    #[test]
    fn nothing_and_nothing_but_spaces_make_no_lines() {
        assert_eq!(wrap("", 100.0, 3, &tens), Wrapped { lines: vec![], cut: false });
        assert_eq!(wrap(&clean(" \n\u{200b} "), 100.0, 3, &tens).lines.len(), 0);
        assert!(wrap("word", 100.0, 0, &tens).cut);
        assert_eq!(fit_line("", 100.0, &tens), "");
    }
}
