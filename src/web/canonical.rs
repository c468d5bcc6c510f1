//! The canonical form of a request's address: what the page cache keys on,
//! and what the router is asked for on a miss.
//!
//! Two addresses that the site answers alike have one form: the path with
//! percent-encoded letters, digits and `-._~` decoded (`/quotes/x%2Epng` is
//! `/quotes/x.png`), and only the query parameters that page reads, decoded,
//! trimmed where the page trims them, in one order, encoded one way, without
//! those equal to their default (`page=1`, `q=`). An unknown parameter, an
//! empty query (`?`, `?&`) or a parameter another page reads makes no new
//! address, so it is never rendered anew.

use super::pages::search::SearchRequest;
use super::percent::{check_query, hex_byte, query_value};
use super::request::PageNumber;

/// The parameters a path reads, in the order the canonical form lists them:
/// those its extractors read.
fn parameters_of(path: &str) -> &'static [&'static str] {
    let is_list = |prefix: &str| path.strip_prefix(prefix).is_some_and(|rest| !rest.is_empty() && !rest.contains('/'));
    match path {
        "/search" | "/search.json" => SearchRequest::PARAMETERS,
        "/articles" | "/articles.json" => PageNumber::PARAMETERS,
        _ if is_list("/topics/") || is_list("/speakers/") => PageNumber::PARAMETERS,
        // A quote page's versions come a page at a time; its share card has one page.
        _ if is_list("/quotes/") && !path.ends_with(".png") => PageNumber::PARAMETERS,
        _ => &[],
    }
}

/// The canonical `path?query` of `path` and `query`, or `None` for a search
/// whose query is malformed (a `%` without two hexadecimal digits, bytes
/// that are not UTF-8), which is refused as it is and not kept.
pub fn canonical(path: &str, query: Option<&str>) -> Option<String> {
    let path = normalise_path(path);
    let wanted = parameters_of(&path);
    let query = query.unwrap_or("");
    if wanted.is_empty() || query.is_empty() {
        return Some(path);
    }
    // A search refuses a malformed query (`search.rs`); other pages read it
    // leniently, as it is decoded below.
    if wanted.contains(&"q") && check_query(query).is_err() {
        return None;
    }
    let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes()).into_owned().collect();
    let mut out = path;
    let mut sep = '?';
    for name in wanted {
        let given: Vec<&String> = pairs.iter().filter(|(k, _)| k == name).map(|(_, v)| v).collect();
        // A repeated parameter is kept whole, every value as given and in
        // its order, defaults too: the page refuses it (`page=1&page=2` is
        // no page), and so must the address the router is asked for.
        let repeated = given.len() > 1;
        for value in given {
            let value = if repeated { Some(value.clone()) } else { normalise_value(name, value) };
            let Some(value) = value else { continue };
            out.push(sep);
            out.push_str(name);
            out.push('=');
            out.push_str(&query_value(&value));
            sep = '&';
        }
    }
    Some(out)
}

/// A parameter's value as the page reads it, or `None` for its default.
fn normalise_value(name: &str, value: &str) -> Option<String> {
    match name {
        // The search trims its words; an empty filter is no filter.
        "q" => Some(value.trim()).filter(|v| !v.is_empty()).map(str::to_string),
        "page" => match value.parse::<usize>() {
            Ok(1) => None,
            Ok(n) => Some(n.to_string()),
            // No page is the first; what is not a number is refused as given.
            Err(_) if value.is_empty() => None,
            Err(_) => Some(value.to_string()),
        },
        _ => Some(value).filter(|v| !v.is_empty()).map(str::to_string),
    }
}

/// Decodes `%XX` of unreserved characters (which mean the same either way)
/// and writes other escapes in upper case; anything else is left as it is.
fn normalise_path(path: &str) -> String {
    if !path.contains('%') {
        return path.to_string();
    }
    let bytes = path.as_bytes();
    let mut out = String::with_capacity(path.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%').then(|| bytes.get(i + 1..i + 3).and_then(hex_byte)).flatten();
        match escaped {
            Some(b) if b.is_ascii_alphanumeric() || b"-._~".contains(&b) => out.push(b as char),
            Some(b) => out.push_str(&format!("%{b:02X}")),
            None => {
                // Not an escape: copy the character whole (paths are ASCII
                // on the wire, but a test may hand over anything).
                let c = path[i..].chars().next().unwrap_or('\u{fffd}');
                out.push(c);
                i += c.len_utf8();
                continue;
            }
        }
        i += 3;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_share_card_has_one_address() {
        let card = Some("/quotes/abcdefghij.png".to_string());
        for (path, query) in [
            ("/quotes/abcdefghij.png", None),
            ("/quotes/abcdefghij%2Epng", None),
            ("/quotes/abcdefghij%2epng", None),
            ("/quotes/abcdefghij.png", Some("")),
            ("/quotes/abcdefghij.png", Some("&")),
            ("/quotes/abcdefghij.png", Some("page=1")),
            ("/quotes/abcdefghij.png", Some("page=2")),
            ("/quotes/abcdefghij.png", Some("z=1&q=x")),
            ("/quotes/abcdefghij.png", Some("%ZZ")),
        ] {
            assert_eq!(canonical(path, query), card, "{path}?{query:?}");
        }
    }

    #[test]
    fn only_the_parameters_a_page_reads_are_kept() {
        assert_eq!(canonical("/robots.txt", Some("q=x")).unwrap(), "/robots.txt");
        assert_eq!(canonical("/", Some("z=1")).unwrap(), "/");
        assert_eq!(canonical("/topics/trade", Some("page=2&q=x")).unwrap(), "/topics/trade?page=2");
        assert_eq!(canonical("/topics/trade", Some("page=1")).unwrap(), "/topics/trade");
        // A quote page's versions come a page at a time.
        assert_eq!(canonical("/quotes/abcdefghij", Some("page=2&z=1")).unwrap(), "/quotes/abcdefghij?page=2");
        assert_eq!(canonical("/quotes/abcdefghij.json", Some("page=1")).unwrap(), "/quotes/abcdefghij.json");
        // A repeated parameter stays repeated, its default too: the page refuses it.
        assert_eq!(canonical("/topics/trade", Some("page=1&page=2")).unwrap(), "/topics/trade?page=1&page=2");
        assert_eq!(canonical("/search", Some("q=a&q=")).unwrap(), "/search?q=a&q=");
        assert_eq!(canonical("/topics/trade", Some("page=02")).unwrap(), "/topics/trade?page=2");
        assert_eq!(canonical("/topics/trade", Some("page=x")).unwrap(), "/topics/trade?page=x");
        assert_eq!(canonical("/topics/trade", Some("z=%ZZ&page=2")).unwrap(), "/topics/trade?page=2");
        assert_eq!(canonical("/articles.json", Some("page=3")).unwrap(), "/articles.json?page=3");
    }

    #[test]
    fn a_search_is_written_one_way() {
        let one = "/search?q=cyber+attack&speaker=putin&page=2";
        for query in [
            "q=cyber+attack&speaker=putin&page=2",
            "page=2&speaker=putin&q=cyber%20attack",
            "q=+cyber+attack+&speaker=putin&topic=&page=02&utm_source=x",
        ] {
            assert_eq!(canonical("/search", Some(query)).unwrap(), one, "{query}");
        }
        assert_eq!(canonical("/search", Some("q=&page=1")).unwrap(), "/search");
        // Repeats stay, so that the page still refuses them.
        assert_eq!(canonical("/search", Some("q=a&q=b")).unwrap(), "/search?q=a&q=b");
        // What the page refuses as malformed is answered as it is.
        assert_eq!(canonical("/search", Some("q=%ZZ")), None);
        assert_eq!(canonical("/search", Some("q=%FF")), None);
        assert_eq!(canonical("/search", Some("q=%E2%80%9Cx%E2%80%9D")).unwrap(), "/search?q=%E2%80%9Cx%E2%80%9D");
    }

    #[test]
    fn other_escapes_in_a_path_are_kept_in_upper_case() {
        assert_eq!(canonical("/topics/a%2fb", None).unwrap(), "/topics/a%2Fb");
        assert_eq!(canonical("/topics/%41%41", None).unwrap(), "/topics/AA");
        assert_eq!(canonical("/topics/%zz%4", None).unwrap(), "/topics/%zz%4");
    }
}
