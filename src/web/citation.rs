//! Ready citations of a statement, for a reader to paste: plain text, and
//! Wikipedia's `{{cite news}}` template. Each names the outlet, the date,
//! the original address where known and the statement's permalink.

use serde::Serialize;

use super::views::StatementView;

/// How many characters of the words a citation quotes.
const QUOTE_LIMIT: usize = 300;

#[derive(Debug, Clone, Serialize)]
pub struct Citation {
    pub plain: String,
    /// `{{cite news |title=… |work=… |date=… |url=… |quote=…}}`.
    pub wikipedia: String,
}

/// The citations of `s`, whose page is at `permalink` (absolute).
pub fn of(s: &StatementView, permalink: &str) -> Citation {
    let article = &s.article;
    let words = crate::text::shorten(&s.quoted_text(), QUOTE_LIMIT);
    let said = match &s.reported {
        None => format!("{}: \u{201c}{}\u{201d}", s.speaker_name, crate::text::shorten(&s.text, QUOTE_LIMIT)),
        Some(label) => format!("{} ({}): {words}", s.speaker_name, lower_first(label)),
    };
    let via = s.via.as_ref().map(|v| format!(" Via {v}.")).unwrap_or_default();
    let at = article.original_url.as_ref().map(|u| format!(" {u}.")).unwrap_or_default();
    let plain = format!("{said} \u{2014} \u{201c}{}.\u{201d} {}.{at}{via} Permalink: {permalink}", article.title.trim_end_matches('.'), article.source_line);

    let mut fields = vec![("title", article.title.clone()), ("work", article.outlet_name().to_string())];
    if let Some(d) = &article.date {
        fields.push(("date", d.clone()));
    }
    match &article.original_url {
        Some(u) => {
            fields.push(("url", u.clone()));
            fields.push(("via", format!("Counterparts ({permalink})")));
        }
        None => fields.push(("url", permalink.to_string())),
    }
    fields.push(("quote", words));
    let wikipedia = format!(
        "{{{{cite news |{}}}}}",
        fields.iter().map(|(k, v)| format!("{k}={}", wiki_value(v))).collect::<Vec<_>>().join(" |")
    );
    Citation { plain, wikipedia }
}

/// "reported by …" from "Reported by …".
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default()
}

/// A template parameter's value: the characters that would end it or the
/// template are written as the templates that stand for them.
fn wiki_value(v: &str) -> String {
    v.replace("}}", "} }").replace('|', "{{!}}").replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wiki_values_cannot_end_the_template() {
        assert_eq!(wiki_value("a | b }} c"), "a {{!}} b } } c");
    }
}
