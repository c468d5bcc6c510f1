//! The HTML snippet a reader copies to quote a statement on their own page:
//! plain, semantic markup (a `<blockquote>` with `cite`, a caption with the
//! speaker and the source, a link back) that reads well with any styles and
//! needs no script of ours.

use super::views::StatementView;

/// The snippet for `s`, whose page is at `permalink` (an absolute address).
pub fn snippet(s: &StatementView, role: Option<&str>, permalink: &str, site_name: &str) -> String {
    let words = escape(&s.text);
    let words = if s.is_direct() { format!("\u{201c}{words}\u{201d}") } else { words };
    let who = match role {
        Some(role) => format!("{}, {}", escape(&s.speaker_name), escape(role)),
        None => escape(&s.speaker_name),
    };
    let source = match &s.article.outlet {
        Some(outlet) => format!("{} ({})", escape(&s.article.title), escape(outlet)),
        None => escape(&s.article.title),
    };
    let link = escape(permalink);
    format!(
        "<figure>\n<blockquote cite=\"{link}\"><p>{words}</p></blockquote>\n\
         <figcaption>\u{2014} {who}, in <cite>{source}</cite> \u{b7} <a href=\"{link}\">{site}</a></figcaption>\n</figure>",
        site = escape(site_name),
    )
}

/// Escapes text for HTML, in element content and in quoted attributes.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_in_words_is_escaped() {
        assert_eq!(escape("<script>alert('x')</script> & \"more\""), "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;");
    }
}
