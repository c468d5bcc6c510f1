//! The HTML snippet a reader copies to quote a statement on their own page:
//! plain, semantic markup (a `<blockquote>` with `cite` for the speaker's
//! own words, a caption with the speaker and the source, a link back) that
//! reads well with any styles and needs no script of ours.
//!
//! Reported speech is never pasted as the speaker's words: it is a
//! paragraph that says who reported it, with the quoted fragments in `<q>`.

use super::views::StatementView;
use crate::text::escape_markup;

/// The snippet for `s`, whose page is at `permalink` (an absolute address).
pub fn snippet(s: &StatementView, role: Option<&str>, permalink: &str, site_name: &str) -> String {
    let link = escape_markup(permalink);
    let who = match role {
        Some(role) => format!("{}, {}", escape_markup(&s.speaker_name), escape_markup(role)),
        None => escape_markup(&s.speaker_name),
    };
    let via = s.via.as_ref().map(|v| format!(" (via {})", escape_markup(v))).unwrap_or_default();
    let source = format!("<cite>{}</cite>, {}", escape_markup(&s.article.title), escape_markup(&s.article.source_line));
    let site = escape_markup(site_name);
    match &s.reported {
        None => format!(
            "<figure>\n<blockquote cite=\"{link}\"><p>\u{201c}{words}\u{201d}</p></blockquote>\n\
             <figcaption>\u{2014} {who}{via}, in {source} \u{b7} <a href=\"{link}\">{site}</a></figcaption>\n</figure>",
            words = escape_markup(&s.text),
        ),
        Some(label) => {
            let words: String = s
                .parts
                .iter()
                .map(|p| if p.quoted { format!("<q>{}</q>", escape_markup(&p.text)) } else { escape_markup(&p.text) })
                .collect();
            format!(
                "<figure>\n<p><small>{label}:</small></p>\n<p>{words}</p>\n\
                 <figcaption>\u{2014} {who}{via}, as reported in {source} \u{b7} <a href=\"{link}\">{site}</a></figcaption>\n</figure>",
                label = escape_markup(label),
            )
        }
    }
}
