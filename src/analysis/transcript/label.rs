//! Speaker labels: the words before the colon that open a turn of a
//! transcript ("THE PRESIDENT:", "Vladimir Putin:", "Q", "JANE DOE, CNN
//! ANCHOR:", "PUTIN (through interpreter):", "Agency (Reporter Name):").
//!
//! A label is read from the text alone; who it names is settled later, by
//! the transcript, which knows the summit's speakers and the document.

use crate::text::is_blank;

use crate::analysis::lexicon::{INTERPRETED, LABEL_CONNECTORS, QUESTIONER_LABELS, REPORTING_ROLES};

/// A label is at most this many characters: longer "labels" are sentences
/// that happen to hold a colon.
pub const MAX_LABEL_CHARS: usize = 80;
/// …and at most this many words, outside parentheses.
const MAX_LABEL_WORDS: usize = 8;

/// A speaker label at the start of a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// The label's name, without a role after a comma or a parenthesis
    /// ("JANE DOE" in "JANE DOE, CNN ANCHOR:").
    pub name: String,
    /// The whole label as written, for showing who spoke.
    pub full: String,
    /// Where the turn's own words start: after the colon and any time stamp.
    /// Equal to the block's end when the label stands on its own line.
    pub content: usize,
    /// "(through interpreter)", "(via translator)": the words are the
    /// speaker's, in another voice.
    pub interpreted: bool,
    /// A question label ("Q", "Reporter:", "Outlet (Reporter Name):").
    pub questioner: bool,
    /// A journalist who reports what others said in their own turn
    /// ("…, CNN ANCHOR:", "CORRESPONDENT:").
    pub reporting: bool,
}

/// The label that opens `text[start..end]`, if there is one.
pub fn parse(text: &str, start: usize, end: usize) -> Option<Label> {
    let at = skip_lead(text, start, end);
    question_mark_label(text, at, end).or_else(|| colon_label(text, at, end))
}

/// A time stamp or bullet before the label ("19:52 Biden:", "(00:12) Q:",
/// "• PUTIN:"): skipped.
fn skip_lead(text: &str, start: usize, end: usize) -> usize {
    let mut at = start;
    loop {
        let rest = &text[at..end];
        let after_stamp = super::stage::time_stamp_len(rest);
        let after_bullet = rest.starts_with(['•', '*', '·']).then(|| rest.chars().next().map_or(0, char::len_utf8));
        let step = match (after_stamp, after_bullet) {
            (Some(n), _) | (None, Some(n)) => n,
            (None, None) => return at,
        };
        at += step;
        at += text[at..end].len() - text[at..end].trim_start_matches(is_blank).len();
    }
}

/// "Q", "Q.", "Q:" followed by the question (or nothing): the usual mark of
/// a question in official transcripts.
fn question_mark_label(text: &str, at: usize, end: usize) -> Option<Label> {
    let rest = &text[at..end];
    let after = rest.strip_prefix('Q')?;
    let after_mark = after.strip_prefix([':', '.']).unwrap_or(after);
    let words = after_mark.trim_start_matches(is_blank);
    // "Q  Mr. President", "Q: Did you", "Q" alone; not "Qatar" nor "Q-tip".
    let separated = after_mark.len() != after.len() && words.len() < after_mark.len()
        || after.starts_with(char::is_whitespace) && words.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        || words.is_empty();
    separated.then(|| Label {
        name: "Q".to_string(),
        full: "Q".to_string(),
        content: end - words.len(),
        interpreted: false,
        questioner: true,
        reporting: false,
    })
}

/// "NAME:", "Name Surname:Words", "NAME (through interpreter):", "NAME,
/// ROLE:", "Outlet (Reporter):": words in capitals or capitalised, a
/// parenthesis and a role after a comma allowed, then a colon.
fn colon_label(text: &str, at: usize, end: usize) -> Option<Label> {
    let colon = crate::text::colon_within(text, at, end, MAX_LABEL_CHARS)?;
    let raw = text[at..colon].trim_end_matches(is_blank);
    let (outside, inside) = split_parenthesis(raw)?;
    let (name, role) = match outside.split_once(',') {
        Some((name, role)) => (name.trim(), Some(role.trim())),
        None => (outside.trim(), None),
    };
    // "At 10:30": a colon between digits is a time's, not a label's.
    let time = raw.ends_with(|c: char| c.is_ascii_digit()) && text[colon + 1..].starts_with(|c: char| c.is_ascii_digit());
    if time || !is_label_words(name) || role.is_some_and(|r| !is_label_words(r)) {
        return None;
    }
    let interpreted = inside.as_deref().is_some_and(|p| INTERPRETED.iter().any(|w| p.to_lowercase().contains(w)));
    let lower_words: Vec<String> = outside.split_whitespace().map(|w| w.trim_matches(',').to_lowercase()).collect();
    let reporting = lower_words.iter().any(|w| REPORTING_ROLES.contains(&w.as_str()));
    // "Agency (Reporter Name):" names the questioner in the parenthesis.
    let questioner = QUESTIONER_LABELS.contains(&name.to_lowercase().as_str()) || inside.is_some() && !interpreted;
    Some(Label {
        name: name.to_string(),
        full: raw.to_string(),
        content: content_start(text, colon + 1, end),
        interpreted,
        questioner: questioner && !reporting,
        reporting,
    })
}

/// The label's words outside a parenthesis, and what the parenthesis says.
/// `None` when brackets are unbalanced or more than one parenthesis is used.
fn split_parenthesis(raw: &str) -> Option<(String, Option<String>)> {
    let Some(open) = raw.find('(') else {
        return (!raw.contains(')')).then(|| (raw.to_string(), None));
    };
    let close = open + raw[open..].find(')')?;
    let outside = format!("{} {}", &raw[..open], &raw[close + 1..]);
    if outside.contains(['(', ')']) {
        return None;
    }
    Some((outside.split_whitespace().collect::<Vec<_>>().join(" "), Some(raw[open + 1..close].to_string())))
}

/// Words that can make a label: each capitalised or a digit-free connector
/// ("of", "de") or a number ("Speaker 3"), the first capitalised, at most
/// a few, none ending a sentence. "The talks were useful" is prose, not a
/// label.
fn is_label_words(s: &str) -> bool {
    let capitalised = |w: &str| w.starts_with(|c: char| c.is_uppercase());
    let allowed = |w: &str| {
        capitalised(w)
            || LABEL_CONNECTORS.contains(&w)
            || w.chars().all(|c| c.is_ascii_digit())
            || w.chars().all(|c| c.is_alphabetic() && c.is_uppercase() || "&.'’-".contains(c))
    };
    // Word by word, so that prose is turned down at its first word that
    // could not be in a label.
    let mut count = 0;
    for w in s.split_whitespace() {
        count += 1;
        if count > MAX_LABEL_WORDS || !allowed(w) || count == 1 && !capitalised(w) {
            return false;
        }
    }
    count > 0
        && !s.contains(|c: char| crate::text::is_any_quote_mark(c) || matches!(c, '!' | '?' | ';'))
        && s.chars().any(char::is_alphabetic)
}

/// After the colon: blanks and a time stamp ("(00:12)") are not the turn's words.
fn content_start(text: &str, mut at: usize, end: usize) -> usize {
    loop {
        at += text[at..end].len() - text[at..end].trim_start_matches(is_blank).len();
        match super::stage::time_stamp_len(&text[at..end]) {
            Some(n) => at += n,
            None => return at,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(s: &str) -> Option<Label> {
        parse(s, 0, s.len())
    }

    #[test]
    fn labels_in_every_common_form() {
        for (line, name, content) in [
            ("THE PRESIDENT: Thank you all.", "THE PRESIDENT", "Thank you all."),
            ("PRESIDENT OKAFOR: We agreed.", "PRESIDENT OKAFOR", "We agreed."),
            ("President Lind: We agreed.", "President Lind", "We agreed."),
            ("Marta Lind:We agreed.", "Marta Lind", "We agreed."),
            ("Lind: We agreed.", "Lind", "We agreed."),
            ("Reporter: Did you agree?", "Reporter", "Did you agree?"),
            ("19:52 Lind: We agreed.", "Lind", "We agreed."),
            ("President Lind: (00:12) We agreed.", "President Lind", "We agreed."),
            ("President Lind: (00:12)", "President Lind", ""),
            ("Anna de Vries: Good evening.", "Anna de Vries", "Good evening."),
            ("Speaker 3: (04:02)", "Speaker 3", ""),
        ] {
            let l = label(line).unwrap_or_else(|| panic!("no label in {line:?}"));
            assert_eq!(l.name, name, "{line}");
            assert_eq!(&line[l.content..], content, "{line}");
        }
    }

    #[test]
    fn question_marks() {
        for (line, content) in [("Q  Madam President, will you?", "Madam President, will you?"), ("Q: Will you?", "Will you?"), ("Q", ""), ("Q. Will you?", "Will you?")] {
            let l = label(line).unwrap();
            assert!(l.questioner, "{line}");
            assert_eq!(&line[l.content..], content);
        }
        assert!(label("Qatar sent a delegation.").is_none());
    }

    #[test]
    fn roles_interpreters_and_questioners_in_parentheses() {
        let l = label("OKAFOR (through interpreter): We are ready.").unwrap();
        assert_eq!((l.name.as_str(), l.interpreted, l.questioner), ("OKAFOR", true, false));
        let l = label("Harbour Times (Ina Berg): Madam President?").unwrap();
        assert_eq!((l.name.as_str(), l.interpreted, l.questioner), ("Harbour Times", false, true));
        let l = label("TOM ASH, NORTH NEWS ANCHOR: The talks ended.").unwrap();
        assert_eq!((l.name.as_str(), l.reporting, l.questioner), ("TOM ASH", true, false));
        let l = label("ANNA FELL, NORTH NEWS CORRESPONDENT: She says it will take months.").unwrap();
        assert!(l.reporting);
    }

    #[test]
    fn prose_with_a_colon_is_no_label() {
        for line in [
            "The message was clear: no more attacks.",
            "At 10:30 the leaders met.",
            "He said: \"We agreed.\"",
            "See https://example.com for more.",
            "“Lind: we agreed,” the paper wrote: more.",
            "What did they agree? Nothing: nothing at all.",
        ] {
            assert!(label(line).is_none(), "{line}");
        }
    }
}
