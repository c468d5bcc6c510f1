//! Links to the exact words in the original article, with a text fragment
//! (`https://example.com/story#:~:text=start,end`): browsers that know them
//! scroll to the words and mark them; others open the article as usual.

use super::percent::fragment_term;

/// Quotes of up to this many words are matched whole; longer ones by their
/// first and last [`EDGE_WORDS`] words, which keeps the link short and
/// survives differences of spacing and line breaks in between.
const WHOLE_UP_TO_WORDS: usize = 8;
const EDGE_WORDS: usize = 4;

/// The original article's address, if it is a web address a reader can follow.
pub fn web_address(url: Option<&str>) -> Option<&str> {
    url.map(str::trim).filter(|u| u.starts_with("https://") || u.starts_with("http://")).filter(|u| !u.contains(char::is_whitespace))
}

/// `url` with a text fragment that points at `words`.
pub fn link(url: &str, words: &str) -> String {
    let mut words: Vec<&str> = words.split_whitespace().collect();
    // Marks at the edges of the words are not part of them as the source
    // prints them (it may use other marks); inside, punctuation is.
    if let Some(first) = words.first_mut() {
        *first = first.trim_start_matches(is_mark);
    }
    if let Some(last) = words.last_mut() {
        *last = last.trim_end_matches(is_mark);
    }
    words.retain(|w| !w.is_empty());
    if words.is_empty() {
        return url.to_string();
    }
    let directive = if words.len() <= WHOLE_UP_TO_WORDS {
        fragment_term(&words.join(" "))
    } else {
        let start = words[..EDGE_WORDS].join(" ");
        let end = words[words.len() - EDGE_WORDS..].join(" ");
        format!("{},{}", fragment_term(&start), fragment_term(&end))
    };
    // The directive follows any fragment the address already has.
    let hash = if url.contains('#') { "" } else { "#" };
    format!("{url}{hash}:~:text={directive}")
}

/// Quotation marks, and the punctuation that closes a quotation.
fn is_mark(c: char) -> bool {
    matches!(c, '"' | '\'' | '\u{2018}' | '\u{2019}' | '\u{201c}' | '\u{201d}' | '\u{ab}' | '\u{bb}' | ',' | '.' | ';' | ':' | '\u{2026}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_quotes_are_matched_whole() {
        assert_eq!(
            link("https://news.test/story", "\u{201c}a constructive meeting,\u{201d}"),
            "https://news.test/story#:~:text=a%20constructive%20meeting"
        );
    }

    #[test]
    fn long_quotes_are_matched_by_their_first_and_last_words() {
        let words = "We will not tolerate attacks on our harbours, and they know what follows if they go on.";
        assert_eq!(
            link("https://news.test/s", words),
            "https://news.test/s#:~:text=We%20will%20not%20tolerate,if%20they%20go%20on"
        );
    }

    #[test]
    fn directive_characters_and_other_scripts_are_encoded() {
        assert_eq!(link("https://n.test/a", "U.S.-Russia, talks & more"), "https://n.test/a#:~:text=U.S.%2DRussia%2C%20talks%20%26%20more");
        assert_eq!(link("https://n.test/a", "мир"), "https://n.test/a#:~:text=%D0%BC%D0%B8%D1%80");
    }

    #[test]
    fn an_existing_fragment_is_kept() {
        assert_eq!(link("https://n.test/a#top", "peace"), "https://n.test/a#top:~:text=peace");
    }

    #[test]
    fn only_web_addresses_are_linked() {
        assert_eq!(web_address(Some(" https://n.test/a ")), Some("https://n.test/a"));
        assert_eq!(web_address(Some("javascript:alert(1)")), None);
        assert_eq!(web_address(Some("ftp://n.test/a")), None);
        assert_eq!(web_address(Some("https://n.test/a b")), None);
        assert_eq!(web_address(None), None);
    }
}
