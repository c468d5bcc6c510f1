//! Percent-encoding of the addresses the site writes (query values, the
//! terms of a text fragment) and the strict check of a query it is sent.
//!
//! Encoding goes through the `percent-encoding` crate; only the sets of
//! characters left as they are, and a space written `+` in a query, are ours.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// What a query value keeps as it is: letters, digits and `-._~` (RFC 3986's
/// unreserved characters).
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// What a text fragment's term keeps: letters, digits and `._~`. `-`, `,`
/// and `&` mean something in a directive, so they are encoded.
const FRAGMENT_TERM: &AsciiSet = &NON_ALPHANUMERIC.remove(b'.').remove(b'_').remove(b'~');

/// Percent-encodes a query value: letters, digits and `-._~` stay, a space
/// is `+`, every other byte `%XX`.
pub fn query_value(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    for (k, part) in v.split(' ').enumerate() {
        if k > 0 {
            out.push('+');
        }
        out.extend(utf8_percent_encode(part, QUERY_VALUE));
    }
    out
}

/// Percent-encodes a text directive's term: letters, digits and `._~`
/// stay, a space is `%20`.
pub fn fragment_term(term: &str) -> String {
    utf8_percent_encode(term, FRAGMENT_TERM).to_string()
}

/// Is every `%` of `raw` followed by two hexadecimal digits, and does it
/// decode to UTF-8? Browsers send nothing else; the error says what is wrong.
/// (Axum decodes a query leniently: "%ZZ" stays as it is, "%FF" becomes "�".)
pub fn check_query(raw: &str) -> Result<(), String> {
    let bytes = raw.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let byte = bytes.get(i + 1..i + 3).and_then(hex_byte).ok_or_else(|| {
                format!("\"%\" at position {} is not followed by two hexadecimal digits", i + 1)
            })?;
            decoded.push(byte);
            i += 3;
        } else {
            decoded.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(decoded).map(|_| ()).map_err(|_| "it does not decode to UTF-8 text".to_string())
}

/// The byte two hexadecimal digits stand for.
pub fn hex_byte(pair: &[u8]) -> Option<u8> {
    std::str::from_utf8(pair).ok().and_then(|h| u8::from_str_radix(h, 16).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_values_keep_unreserved_characters_and_write_spaces_as_plus() {
        assert_eq!(query_value("cyber attacks"), "cyber+attacks");
        assert_eq!(query_value("a-b.c_d~e"), "a-b.c_d~e");
        assert_eq!(query_value("“quoted” & 50%/x*"), "%E2%80%9Cquoted%E2%80%9D+%26+50%25%2Fx%2A");
        assert_eq!(query_value(" a  b "), "+a++b+");
        assert_eq!(query_value(""), "");
    }

    #[test]
    fn fragment_terms_encode_what_a_directive_reads() {
        assert_eq!(fragment_term("a constructive meeting"), "a%20constructive%20meeting");
        assert_eq!(fragment_term("well-known, & so"), "well%2Dknown%2C%20%26%20so");
        assert_eq!(fragment_term("U.S._~"), "U.S._~");
    }

    #[test]
    fn percent_encoding_must_be_whole_and_utf8() {
        assert!(check_query("q=cyber+attacks&speaker=putin").is_ok());
        assert!(check_query("q=%E2%80%9Cquoted%E2%80%9D").is_ok());
        assert!(check_query("q=%ZZ").is_err());
        assert!(check_query("q=a%2").is_err());
        assert!(check_query("q=%FF").is_err());
        assert!(check_query("q=%C3%28").is_err());
    }
}
