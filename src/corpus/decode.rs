//! Decoding a saved web page's bytes by the character set it declares.
//!
//! Pages are not always UTF-8: older sites, and many in French, German or
//! Spanish, still declare `windows-1252` or `iso-8859-1`. The declaration is
//! honoured the way a browser would find it: a byte-order mark first, then a
//! `<meta charset>` or `<meta http-equiv="Content-Type">` near the top.
//! A page whose bytes do not fit its declared set, or that declares a set no
//! one knows, is refused rather than shown with wrong letters.

use encoding_rs::{Encoding, UTF_8};

/// Browsers look for the declaration in the first 1024 bytes; saved pages
/// sometimes put a long comment or a script before it, so a little more is
/// read.
const PRESCAN_BYTES: usize = 4096;

/// The page's text and the name of the character set it was read in.
pub fn decode_page(bytes: &[u8]) -> Result<(String, &'static str), String> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return decode_as(encoding, &bytes[bom_len..], "its byte-order mark");
    }
    match declared_charset(bytes) {
        Some(label) => {
            let encoding = Encoding::for_label(label.as_bytes()).ok_or_else(|| {
                format!("declares the character set \"{label}\", which is not one known; save the page as UTF-8")
            })?;
            // A page saved by a browser is re-encoded as UTF-8 but may keep
            // the declaration of the original (and UTF-16 declared in
            // an ASCII-compatible page is a known lie): trust the bytes then.
            let encoding = if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE { UTF_8 } else { encoding };
            decode_as(encoding, bytes, &format!("its declaration (charset={label})"))
        }
        None => match std::str::from_utf8(bytes) {
            Ok(text) => Ok((text.to_string(), UTF_8.name())),
            Err(e) => Err(format!(
                "declares no character set and is not UTF-8 (invalid byte at offset {}); add <meta charset=\"…\"> or save the page as UTF-8",
                e.valid_up_to()
            )),
        },
    }
}

/// Decodes strictly: a byte that has no meaning in `encoding` refuses the page.
fn decode_as(encoding: &'static Encoding, bytes: &[u8], why: &str) -> Result<(String, &'static str), String> {
    match encoding.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => Ok((text.into_owned(), encoding.name())),
        None => {
            let at = if encoding == UTF_8 { std::str::from_utf8(bytes).err().map(|e| e.valid_up_to()) } else { None };
            let place = at.map(|i| format!(" (invalid byte at offset {i})")).unwrap_or_default();
            Err(format!("is not valid {} as {why} says{place}", encoding.name()))
        }
    }
}

/// The `charset` of the first `<meta>` that declares one, in the first few
/// kilobytes: `<meta charset="windows-1252">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">`.
fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    // Only ASCII matters here; other bytes are kept as they are.
    let head: String = head.iter().map(|&b| if b.is_ascii() { (b as char).to_ascii_lowercase() } else { '?' }).collect();
    let mut rest = head.as_str();
    while let Some(at) = rest.find("<meta") {
        let tag_end = rest[at..].find('>').map_or(rest.len(), |i| at + i);
        let tag = &rest[at..tag_end];
        if let Some(label) = charset_in(tag) {
            return Some(label);
        }
        rest = &rest[tag_end..];
    }
    None
}

/// The value after `charset=` in one tag, without quotes.
fn charset_in(tag: &str) -> Option<String> {
    let at = tag.find("charset")?;
    let value = tag[at + "charset".len()..].trim_start().strip_prefix('=')?.trim_start();
    let value = value.trim_start_matches(['"', '\'']);
    let end = value.find(|c: char| c == '"' || c == '\'' || c == ';' || c == '/' || c.is_ascii_whitespace()).unwrap_or(value.len());
    let label = &value[..end];
    (!label.is_empty()).then(|| label.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_windows_1252_is_honoured() {
        let page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head><body><p>\x93Gen\xe8ve\x94</p></body></html>";
        let (text, name) = decode_page(page).unwrap();
        assert_eq!(name, "windows-1252");
        assert!(text.contains("\u{201c}Genève\u{201d}"), "{text}");
    }

    #[test]
    fn meta_charset_and_bom_and_plain_utf8() {
        let (text, name) = decode_page(b"<meta charset='iso-8859-1'><p>caf\xe9").unwrap();
        assert_eq!(name, "windows-1252", "latin-1 is read as windows-1252, as browsers do");
        assert!(text.ends_with("café"));
        assert_eq!(decode_page("\u{feff}<p>é</p>".as_bytes()).unwrap().0, "<p>é</p>");
        assert_eq!(decode_page("<p>é</p>".as_bytes()).unwrap().1, "UTF-8");
    }

    #[test]
    fn unknown_or_broken_encodings_are_refused_with_reasons() {
        let unknown = decode_page(b"<meta charset=\"x-klingon\"><p>Hi</p>").unwrap_err();
        assert!(unknown.contains("x-klingon") && unknown.contains("not one known"), "{unknown}");
        let undeclared = decode_page(b"<p>caf\xe9</p>").unwrap_err();
        assert!(undeclared.contains("declares no character set") && undeclared.contains("offset 6"), "{undeclared}");
        let lying = decode_page(b"<meta charset=utf-8><p>caf\xe9</p>").unwrap_err();
        assert!(lying.contains("not valid UTF-8") && lying.contains("offset"), "{lying}");
    }
}
