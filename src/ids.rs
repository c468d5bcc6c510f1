//! Statement ids that never break.
//!
//! An id is derived from the speaker and the statement's own words, normalised
//! so that quote-mark style, case, spacing and punctuation do not matter. It
//! never depends on the article's name or position, the statement's offset, or
//! a counter, so restarting, renaming, reordering or adding articles leaves
//! every existing link working.

use data_encoding::BASE32_NOPAD;

/// Length of a statement id: 10 base32 characters (50 bits).
pub const ID_LEN: usize = 10;

/// The id of a statement by `speaker` (a speaker id, or "" when unknown).
/// `occurrence` counts earlier statements in the same article with the same
/// speaker and words (0 for the first), so a repeated quote still gets its own
/// id without depending on anything outside the article.
pub fn statement_id(speaker: &str, words: &str, occurrence: usize) -> String {
    id_of_normalised(speaker, &normalise(words), occurrence)
}

/// As [`statement_id`], for words already passed through [`normalise`].
pub fn id_of_normalised(speaker: &str, normalised: &str, occurrence: usize) -> String {
    // The hash of "{speaker}\u{1f}{normalised}" (and "\u{1f}{occurrence}"
    // after a first occurrence), fed in pieces rather than formatted first.
    let mut hasher = blake3::Hasher::new();
    hasher.update(speaker.as_bytes());
    hasher.update(b"\x1f");
    hasher.update(normalised.as_bytes());
    if occurrence > 0 {
        hasher.update(b"\x1f");
        hasher.update(occurrence.to_string().as_bytes());
    }
    // Base32 turns each 5 bytes into 8 characters, so the first ID_LEN (10)
    // characters come from the first 7 bytes alone: encoding only those
    // gives the same characters as encoding the whole hash.
    let hash = hasher.finalize();
    let mut id = BASE32_NOPAD.encode(&hash.as_bytes()[..ID_BYTES]);
    id.truncate(ID_LEN);
    id.make_ascii_lowercase();
    id
}

/// The hash bytes an id's characters are made from: 5 bits per character.
const ID_BYTES: usize = (ID_LEN * 5).div_ceil(8);

/// Lowercase base32 of a blake3 hash: URL-safe and unambiguous.
pub fn short_hash(bytes: &[u8]) -> String {
    BASE32_NOPAD.encode(blake3::hash(bytes).as_bytes()).to_ascii_lowercase()
}

/// Letters and digits in lower case, one space between words.
pub fn normalise(words: &str) -> String {
    let mut out = String::with_capacity(words.len());
    for word in words.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.is_ascii() {
            let from = out.len();
            out.push_str(word);
            out[from..].make_ascii_lowercase();
        } else {
            out.extend(word.chars().flat_map(char::to_lowercase));
        }
    }
    out
}

/// Is `s` shaped like a statement id?
pub fn looks_like_id(s: &str) -> bool {
    s.len() == ID_LEN && s.bytes().all(|b| b.is_ascii_lowercase() || (b'2'..=b'7').contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_the_start_of_the_whole_hash_in_base32() {
        for (speaker, words, n) in [("biden", "we will respond", 0), ("putin", "ничего", 3), ("", "", 12)] {
            let mut key = format!("{speaker}\u{1f}{words}");
            if n > 0 {
                key.push_str(&format!("\u{1f}{n}"));
            }
            assert_eq!(id_of_normalised(speaker, words, n), short_hash(key.as_bytes())[..ID_LEN]);
        }
    }

    #[test]
    fn ids_ignore_marks_case_and_spacing() {
        let a = statement_id("biden", "“We will respond,” ", 0);
        let b = statement_id("biden", "\"we  will RESPOND\"", 0);
        assert_eq!(a, b);
        assert!(looks_like_id(&a), "{a}");
    }

    #[test]
    fn ids_differ_by_speaker_words_and_occurrence() {
        let a = statement_id("biden", "We will respond", 0);
        assert_ne!(a, statement_id("putin", "We will respond", 0));
        assert_ne!(a, statement_id("biden", "We will not respond", 0));
        assert_ne!(a, statement_id("biden", "We will respond", 1));
    }
}
