//! A small HTML scanner for the page tests: start tags and their
//! attributes, escaping, and the parts of a page the tests look for.
// Each test file uses some of these.
#![allow(dead_code)]

/// One start tag, with its attribute values unescaped.
#[derive(Debug)]
pub struct Tag {
    pub name: String,
    pub attrs: Vec<(String, String)>,
}

impl Tag {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// Every start tag of `html`, in order. Escaped text (`&lt;b&gt;`) is not a
/// tag; a raw `<b>` that escaped escaping is.
pub fn tags(html: &str) -> Vec<Tag> {
    let bytes = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        i += off + 1;
        if !bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
            continue; // closing tag, comment, doctype or a stray '<'
        }
        let name_end = html[i..].find(|c: char| c.is_whitespace() || c == '>' || c == '/').map_or(html.len(), |n| i + n);
        let name = html[i..name_end].to_ascii_lowercase();
        let (attrs, end) = attributes(html, name_end);
        out.push(Tag { name, attrs });
        i = end;
    }
    out
}

/// The attributes of a tag from `pos` up to its `>`, and where it ends.
pub fn attributes(html: &str, mut pos: usize) -> (Vec<(String, String)>, usize) {
    let bytes = html.as_bytes();
    let mut attrs = Vec::new();
    loop {
        while pos < bytes.len() && (bytes[pos].is_ascii_whitespace() || bytes[pos] == b'/') {
            pos += 1;
        }
        if pos >= bytes.len() || bytes[pos] == b'>' {
            return (attrs, pos);
        }
        let name_end = html[pos..].find(|c: char| c.is_whitespace() || c == '=' || c == '>').map_or(html.len(), |n| pos + n);
        let name = html[pos..name_end].to_ascii_lowercase();
        pos = name_end;
        let mut value = String::new();
        if bytes.get(pos) == Some(&b'=') {
            pos += 1;
            let (raw, end) = match bytes.get(pos) {
                Some(&q) if q == b'"' || q == b'\'' => {
                    let close = html[pos + 1..].find(q as char).map_or(html.len(), |n| pos + 1 + n);
                    (&html[pos + 1..close], close + 1)
                }
                _ => {
                    let end = html[pos..].find(|c: char| c.is_whitespace() || c == '>').map_or(html.len(), |n| pos + n);
                    (&html[pos..end], end)
                }
            };
            value = unescape(raw);
            pos = end;
        }
        attrs.push((name, value));
    }
}

/// Decodes the character references of HTML text or an attribute value:
/// numeric (`&#60;`, `&#x3c;`) and the few named ones a page may use.
pub fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded = rest.find(';').filter(|&end| end <= 10).and_then(|end| {
            let name = &rest[1..end];
            let c = match name {
                "lt" => Some('<'),
                "gt" => Some('>'),
                "amp" => Some('&'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => match name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok().and_then(char::from_u32),
                    None => name.strip_prefix('#').and_then(|d| d.parse().ok()).and_then(char::from_u32),
                },
            };
            c.map(|c| (c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// HTML-escapes `s` the way the app's templates (askama) do.
pub fn escape(s: &str) -> String {
    s.replace('&', "&#38;").replace('<', "&#60;").replace('>', "&#62;").replace('"', "&#34;").replace('\'', "&#39;")
}

/// Does `html` show `text` escaped, in askama's numeric references or in
/// the named ones (`&lt;script&gt;`)?
pub fn shows_escaped(html: &str, text: &str) -> bool {
    let named = text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
    html.contains(&escape(text)) || html.contains(&named)
}

/// The `href` of the first `<link>` whose `rel` is `rel`.
pub fn link_href(html: &str, rel: &str) -> Option<String> {
    tags(html).into_iter().find(|t| t.name == "link" && t.attr("rel") == Some(rel)).and_then(|t| t.attr("href").map(String::from))
}

/// The `content` of `<meta property=key>` or `<meta name=key>`.
pub fn meta_content(html: &str, key: &str) -> Option<String> {
    tags(html)
        .into_iter()
        .find(|t| t.name == "meta" && (t.attr("property") == Some(key) || t.attr("name") == Some(key)))
        .and_then(|t| t.attr("content").map(String::from))
}

/// The part of a page from the first occurrence of `start` to the next `end`.
pub fn section<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let from = html.find(start).unwrap_or_else(|| panic!("{start:?} is not in the page"));
    let to = html[from..].find(end).map_or(html.len(), |n| from + n);
    &html[from..to]
}

/// The statement ids the "Permalink" links of `html` point to, in order.
pub fn permalink_ids(html: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let mut rest = html;
    while let Some(p) = rest.find("\">Permalink") {
        let href_start = rest[..p].rfind("href=\"/quotes/").expect("a Permalink link to /quotes/");
        ids.push(rest[href_start + "href=\"/quotes/".len()..p].to_string());
        rest = &rest[p + 1..];
    }
    ids
}
