//! Generated saved web pages, for measuring how fast pages load: each is a
//! generated article (see [`crate::generate`]) set in the furniture of a
//! news site — head metadata and JSON-LD, inline scripts and styles, a
//! navigation menu, a cookie banner, advertisements, related links,
//! comments and a footer — to about [`PAGE_BYTES`], the size of a saved
//! news page. Deterministic, like the articles.

use crate::corpus::{split_blocks, BlockKind, FrontMatter};
use crate::text::escape_markup;

/// About the size of each page.
pub const PAGE_BYTES: usize = 100 * 1024;

/// One generated page: its file name (`gen_000123.html`) and its HTML.
pub fn generate_page(seed: u64, index: usize) -> (String, String) {
    let (_, text) = crate::generate::generate_article(seed, index);
    (format!("gen_{index:06}.html"), page_of(&text, index))
}

/// An article's text as the body of a news page.
pub fn page_of(text: &str, index: usize) -> String {
    let fm = FrontMatter::parse(text);
    let blocks = split_blocks(text, fm.body_start);
    let mut title = fm.title.clone();
    let mut body = String::new();
    for b in &blocks {
        let words = escape_markup(&text[b.start..b.end]);
        match &b.kind {
            BlockKind::Title => {
                title.get_or_insert_with(|| text[b.start..b.end].to_string());
            }
            BlockKind::Heading => body.push_str(&format!("<h2>{words}</h2>\n")),
            BlockKind::Post { .. } => body.push_str(&format!("<blockquote class=\"twitter-tweet\"><p lang=\"en\">{words}</p>")),
            BlockKind::Signature => body.push_str(&format!("{words}</blockquote>\n<script async src=\"https://platform.example/widgets.js\"></script>\n")),
            BlockKind::Link => body.push_str(&format!("<p><a href=\"{words}\">{words}</a></p>\n")),
            BlockKind::Paragraph => body.push_str(&format!("<p>{words}</p>\n")),
        }
    }
    let title = escape_markup(&title.unwrap_or_else(|| format!("Generated article {index}")));
    let outlet = escape_markup(fm.outlet.as_deref().unwrap_or("The Generated Gazette"));
    let date = fm.date.as_deref().unwrap_or("2021-06-16");
    let mut page = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title} | {outlet}</title>\n\
         <meta property=\"og:title\" content=\"{title}\">\n<meta property=\"og:site_name\" content=\"{outlet}\">\n\
         <meta property=\"article:published_time\" content=\"{date}T12:00:00Z\">\n\
         <link rel=\"canonical\" href=\"https://gazette.example/{index}\">\n\
         <script type=\"application/ld+json\">{{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"{index}\",\"datePublished\":\"{date}\"}}</script>\n"
    );
    page.push_str(&format!("<style>{}</style>\n", filler_css()));
    page.push_str(&format!("<script>{}</script>\n</head>\n<body>\n", filler_script(index)));
    page.push_str("<div class=\"cookie-banner\"><p>We use cookies to show you personalised advertising.</p><button>Accept all</button></div>\n");
    page.push_str(&nav(index));
    page.push_str("<div class=\"ad ad-top\">Advertisement</div>\n<main><article class=\"story\">\n");
    page.push_str(&format!("<header><h1>{title}</h1><p class=\"byline\">By Gen Writer</p><time datetime=\"{date}\">{date}</time></header>\n"));
    page.push_str(&format!("<div class=\"story-body\">\n{body}</div>\n</article>\n"));
    let mut n = 0;
    while page.len() < PAGE_BYTES - 8 * 1024 {
        page.push_str(&related(index, n));
        page.push_str(&comment(index, n));
        n += 1;
    }
    page.push_str("</main>\n<footer><nav><a href=\"/about\">About</a> <a href=\"/privacy\">Privacy</a></nav><p>© The Generated Gazette</p></footer>\n");
    page.push_str(&format!("<script>{}</script>\n</body>\n</html>\n", filler_script(index + 1)));
    page
}

fn nav(index: usize) -> String {
    let mut s = String::from("<header class=\"site-header\"><nav class=\"main-nav\"><ul>\n");
    for i in 0..60 {
        s.push_str(&format!("<li><a href=\"/section/{i}\">Section {i} of page {index}</a></li>\n"));
    }
    s.push_str("</ul></nav></header>\n");
    s
}

fn related(index: usize, n: usize) -> String {
    format!(
        "<aside class=\"related\"><h2>Related</h2><ul><li><a href=\"/r/{index}/{n}/a\">Putin said \"more talks\" in story {n}</a></li>\
         <li><a href=\"/r/{index}/{n}/b\">Biden says \"we will see\" in story {n}</a></li></ul></aside>\n"
    )
}

fn comment(index: usize, n: usize) -> String {
    format!(
        "<section class=\"comments\"><div class=\"comment\"><p class=\"comment-author\">reader{n}</p>\
         <p>Comment {n} on page {index}: Biden said it and Putin said it too, as everyone knows.</p></div></section>\n"
    )
}

/// About 20 KB of styles, as a site's inline critical CSS.
fn filler_css() -> String {
    (0..200).map(|i| format!(".c{i}{{margin:{i}px;padding:0 {i}px;color:#{:06x}}}\n", i * 2654435 % 0xffffff)).collect()
}

/// About 30 KB of script, as a site's inline bundle and data layer.
fn filler_script(index: usize) -> String {
    let mut s = format!("window.__STATE__={{\"page\":{index},\"items\":[");
    for i in 0..600 {
        s.push_str(&format!("{{\"id\":{i},\"k\":\"v{i}\"}},"));
    }
    s.push_str("{}]};");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_about_the_size_and_read_back() {
        let (name, page) = generate_page(1, 3);
        assert_eq!(name, "gen_000003.html");
        assert!((90 * 1024..=130 * 1024).contains(&page.len()), "{}", page.len());
        let (text, x) = crate::corpus::read_page(&page).unwrap();
        assert!(!text.contains("Related") && !text.contains("Comment 0"), "{text}");
        assert!(x.outlet.is_some());
    }
}
