//! The HTML snippet a reader copies to quote a statement on their own page:
//! plain, semantic markup (a `<blockquote>` with `cite`, a caption with the
//! speaker and the source, a link back) that reads well with any styles and
//! needs no script of ours.

use super::views::StatementView;
use crate::text::escape_markup;

/// The snippet for `s`, whose page is at `permalink` (an absolute address).
pub fn snippet(s: &StatementView, role: Option<&str>, permalink: &str, site_name: &str) -> String {
    let words = escape_markup(&s.text);
    let words = if s.is_direct() { format!("\u{201c}{words}\u{201d}") } else { words };
    let who = match role {
        Some(role) => format!("{}, {}", escape_markup(&s.speaker_name), escape_markup(role)),
        None => escape_markup(&s.speaker_name),
    };
    let source = match &s.article.outlet {
        Some(outlet) => format!("{} ({})", escape_markup(&s.article.title), escape_markup(outlet)),
        None => escape_markup(&s.article.title),
    };
    let link = escape_markup(permalink);
    format!(
        "<figure>\n<blockquote cite=\"{link}\"><p>{words}</p></blockquote>\n\
         <figcaption>\u{2014} {who}, in <cite>{source}</cite> \u{b7} <a href=\"{link}\">{site}</a></figcaption>\n</figure>",
        site = escape_markup(site_name),
    )
}
