//! What a reader can trust and cite, driven in-process like `tests/http/`:
//! every page shows a statement's words as the article has them; reported
//! speech says so everywhere; sources are named and dated; quotes can be
//! cited; every page type has complete link previews; search finds word
//! beginnings; topic pages can be jumped through on a phone and print.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

use counterparts::web::{app, Site};
use counterparts::{Library, LoadOptions};

use crate::{app, html};
use app::{get, get_json, get_text, seed_site, site_from_dir, PUBLIC_URL};
use html::unescape;

/// A site over `articles`, or over the built-in corpus.
fn load_site(articles: Option<&Path>) -> Arc<Site> {
    articles.map_or_else(seed_site, site_from_dir)
}

/// Every labelled corpus: the built-in seeds, and each folder under
/// tests/fixtures that holds a `gold.json`.
fn labelled_corpora() -> Vec<(String, Option<PathBuf>)> {
    let mut out = vec![("the seeds".to_string(), None)];
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&fixtures)
        .expect("tests/fixtures is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("gold.json").is_file())
        .collect();
    dirs.sort();
    assert!(!dirs.is_empty(), "no labelled folder under {}", fixtures.display());
    out.extend(dirs.into_iter().map(|d| (d.display().to_string(), Some(d))));
    out
}

// ---------------------------------------------------------------------------
// Text as a reader sees it
// ---------------------------------------------------------------------------

/// The text of some HTML: tags removed, references decoded.
fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    unescape(&out)
}

/// Text compared "up to white space and the style of quotation marks":
/// no white space, no quotation marks of any style (a page may show
/// straight marks curly, or mark quoted words another way), and no
/// direction controls, which pages leave out on purpose (see
/// `text::for_display`). Every other character must be there, in order.
fn normalised(s: &str) -> String {
    s.chars()
        .filter(|&c| !c.is_whitespace())
        .filter(|&c| !matches!(c, '"' | '\'' | '“' | '”' | '„' | '‟' | '«' | '»' | '‘' | '’' | '‚' | '″' | '`'))
        .filter(|&c| !matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
        .collect()
}

/// The words of every statement shown on a page: the elements marked
/// `data-statement="ID"`, as (id, text).
fn shown_statements(html: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("data-statement=\"") {
        let tag_start = rest[..at].rfind('<').expect("the attribute is in a tag");
        let name: String = rest[tag_start + 1..].chars().take_while(char::is_ascii_alphabetic).collect();
        let id_start = at + "data-statement=\"".len();
        let id_end = id_start + rest[id_start..].find('"').expect("a closed attribute");
        let content_start = id_end + rest[id_end..].find('>').expect("a closed tag") + 1;
        let close = format!("</{name}>");
        let content_end = content_start + rest[content_start..].find(&close).expect("a closed element");
        out.push((rest[id_start..id_end].to_string(), text_of(&rest[content_start..content_end])));
        rest = &rest[content_end..];
    }
    out
}

/// One exported statement.
struct Exported {
    id: String,
    kind: String,
    speaker: Option<String>,
    text: String,
}

fn exported(site: &Site) -> Vec<Exported> {
    let export = serde_json::to_value(counterparts::export::Export::from_index(&site.index)).expect("the export is JSON");
    let mut out = Vec::new();
    for article in export["articles"].as_array().expect("articles") {
        for s in article["statements"].as_array().expect("statements") {
            out.push(Exported {
                id: s["id"].as_str().expect("an id").to_string(),
                kind: s["kind"].as_str().expect("a kind").to_string(),
                speaker: s["speaker"].as_str().map(str::to_string),
                text: s["text"].as_str().expect("a text").to_string(),
            });
        }
    }
    out
}

/// Statements with one id have the same words up to punctuation and case:
/// a page of that id shows one of them, and must show it whole.
fn assert_one_of(what: &str, id: &str, shown: &str, all: &[Exported]) {
    let texts: Vec<&str> = all.iter().filter(|e| e.id == id).map(|e| e.text.as_str()).collect();
    assert!(!texts.is_empty(), "{what}: statement {id} is not in the export");
    assert!(
        texts.iter().any(|t| normalised(t) == normalised(shown)),
        "{what}: statement {id} is shown as\n  {shown:?}\nbut the export has\n  {texts:?}"
    );
}

// ---------------------------------------------------------------------------
// 1. The leader's words, set apart, and not a character changed
// ---------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_shows_every_statement_with_the_exports_characters() {
    for (name, dir) in labelled_corpora() {
        let site = load_site(dir.as_deref());
        let all = exported(&site);
        assert!(!all.is_empty(), "{name}: no statement");
        let mut seen = std::collections::HashSet::new();
        for e in &all {
            if !seen.insert(e.id.clone()) {
                continue;
            }
            let html = get_text(&site, &format!("/quotes/{}", e.id)).await;
            let shown = shown_statements(&html);
            let main = shown.iter().find(|(id, _)| *id == e.id).unwrap_or_else(|| panic!("{name}: /quotes/{} shows no words", e.id));
            assert_one_of(&format!("{name}: /quotes/{}", e.id), &e.id, &main.1, &all);
            // Every card on it (what the other leader said) too.
            for (id, text) in &shown {
                assert_one_of(&format!("{name}: a card on /quotes/{}", e.id), id, text, &all);
            }
            // The parts a share card and the embed are made of.
            let twin = get_json(&site, &format!("/quotes/{}.json", e.id)).await;
            let parts: String =
                twin["statement"]["parts"].as_array().expect("parts").iter().map(|p| p["text"].as_str().expect("text")).collect();
            assert_one_of(&format!("{name}: the parts of /quotes/{}.json", e.id), &e.id, &parts, &all);
            let embed = text_of(&unescape(twin["embed"].as_str().expect("an embed")));
            assert!(
                normalised(&embed).contains(&normalised(&parts)),
                "{name}: the embed of {} changes the words: {embed:?}",
                e.id
            );
        }
        let summit = &site.index.summit;
        let pages = summit.topics.iter().map(|t| format!("/topics/{}", t.id)).chain(summit.speakers.iter().map(|s| format!("/speakers/{}", s.id)));
        for path in pages {
            let html = get_text(&site, &path).await;
            for (id, text) in shown_statements(&html) {
                assert_one_of(&format!("{name}: {path}"), &id, &text, &all);
            }
        }
        for t in &summit.topics {
            let feed = get_text(&site, &format!("/topics/{}.atom", t.id)).await;
            for content in feed.split("<content type=\"text\">").skip(1) {
                let words = unescape(&content[..content.find("</content>").expect("a closed content")]);
                assert!(
                    all.iter().any(|e| normalised(&words).contains(&normalised(&e.text))),
                    "{name}: a feed entry of {} changes the words: {words:?}",
                    t.id
                );
            }
        }
    }
}

#[tokio::test]
async fn the_comma_inside_the_quotation_marks_is_on_every_page() {
    let site = load_site(None);
    let all = exported(&site);
    let productive = all.iter().find(|e| e.text.contains("\"productive,\"")).expect("the seeds' \"productive,\" statement");
    assert_ne!(productive.kind, "direct");
    let html = get_text(&site, &format!("/quotes/{}", productive.id)).await;
    assert!(html.contains("“<strong class=\"theirs\">productive,</strong>”"), "the comma is dropped or the words not set apart");
    let topic = get_text(&site, "/topics/relations").await;
    if topic.contains(&format!("data-statement=\"{}\"", productive.id)) {
        assert!(topic.contains("productive,</strong>"));
    }
}

/// The statement of `kind` by a tracked speaker with quoted fragments, if
/// the seeds have one (mixed), else any.
fn a_statement<'a>(all: &'a [Exported], kind: &str) -> &'a Exported {
    all.iter()
        .find(|e| e.kind == kind && e.speaker.is_some())
        .unwrap_or_else(|| panic!("the seeds have no {kind} statement by a leader"))
}

#[tokio::test]
async fn reported_speech_says_so_on_every_surface_and_quotes_never_do() {
    let site = load_site(None);
    let all = exported(&site);
    for kind in ["mixed", "indirect"] {
        let s = a_statement(&all, kind);
        let html = get_text(&site, &format!("/quotes/{}", s.id)).await;
        let figure = &html[html.find("<figure class=\"quote").expect("the main quotation")..];
        let figure = &figure[..figure.find("</figure>").expect("a closed figure")];
        assert!(figure.contains("class=\"reported-label\">Reported by Al Mayadeen English — not his exact words</p>")
            || figure.contains("class=\"reported-label\">Reported by Pledge Times — not his exact words</p>"), "{kind}: {figure}");
        assert!(!figure.contains("<blockquote"), "{kind}: reported speech under a blockquote: {figure}");
        if kind == "mixed" {
            assert!(figure.contains("“<strong class=\"theirs\">"), "{kind}: quoted words not set apart: {figure}");
        }
        // The previews say it too, and start with who and what.
        let title = meta(&html, "og:title");
        let description = meta(&html, "og:description");
        assert!(title.contains(", as reported: "), "{title}");
        assert!(description.starts_with("Reported by "), "{description}");
        // The embed is not a blockquote of his, and its fragments are <q>.
        let twin = get_json(&site, &format!("/quotes/{}.json", s.id)).await;
        let embed = twin["embed"].as_str().expect("an embed");
        assert!(!embed.contains("<blockquote") && embed.contains("not his exact words"), "{embed}");
        if kind == "mixed" {
            assert!(embed.contains("<q>"), "{embed}");
        }
        // So does the feed of its topic.
        if let Some(topic) = twin["statement"]["topics"][0]["id"].as_str() {
            let feed = get_text(&site, &format!("/topics/{topic}.atom")).await;
            let entry = feed.split("<entry>").find(|e| e.contains(&s.id)).expect("the statement in its topic's feed");
            assert!(entry.contains("as reported: ") && entry.contains("not his exact words"), "{entry}");
        }
    }
    let direct = a_statement(&all, "direct");
    let html = get_text(&site, &format!("/quotes/{}", direct.id)).await;
    assert!(html.contains("<blockquote class=\"words\" cite=\"/articles/"), "a direct quote is his words");
    assert!(!html[..html.find("</figure>").unwrap()].contains("not his exact words"));
}

#[tokio::test]
async fn every_statement_has_its_own_preview_title() {
    let site = load_site(None);
    let mut titles = std::collections::HashMap::new();
    for e in exported(&site) {
        let html = get_text(&site, &format!("/quotes/{}", e.id)).await;
        let title = meta(&html, "og:title");
        if let Some(other) = titles.insert(title.clone(), e.id.clone()) {
            assert_eq!(other, e.id, "two statements share the preview title {title:?}");
        }
    }
}

fn meta(html: &str, key: &str) -> String {
    let needle = format!("property=\"{key}\" content=\"");
    let alt = format!("name=\"{key}\" content=\"");
    let at = html.find(&needle).map(|i| i + needle.len()).or_else(|| html.find(&alt).map(|i| i + alt.len()));
    let Some(at) = at else { panic!("no {key}") };
    unescape(&html[at..at + html[at..].find('"').expect("a closed attribute")])
}

// ---------------------------------------------------------------------------
// 2. Sources named and dated
// ---------------------------------------------------------------------------

#[tokio::test]
async fn the_seeds_are_named_dated_and_linked_and_their_export_is_unchanged() {
    let site = load_site(None);
    let index = get_json(&site, "/index.json").await;
    for a in index["articles"].as_array().expect("articles") {
        let a = &a["article"];
        assert!(a["outlet"].is_string() && a["date"].is_string(), "{a}");
        let file = a["file"].as_str().expect("a file");
        assert!(!a["title"].as_str().expect("a title").contains(file));
        let html = get_text(&site, a["url"].as_str().expect("a url")).await;
        let original = a["original_url"].as_str().expect("an original address");
        assert!(html.contains(&format!("<a href=\"{original}\" rel=\"nofollow noopener\">")), "the article page links to the original");
        assert!(html.contains(", 16 June 2021"));
    }
    // The statements of the export are those of the labels' files, byte for byte.
    let export = serde_json::to_value(counterparts::export::Export::from_index(&site.index)).unwrap();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    for a in export["articles"].as_array().unwrap() {
        let text = std::fs::read_to_string(seeds.join(a["file"].as_str().unwrap())).unwrap();
        for s in a["statements"].as_array().unwrap() {
            let (start, end) = (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
            assert_eq!(&text[start..end], s["text"].as_str().unwrap());
        }
        assert_eq!(a["kind"], "news");
    }
    // Cards say "Outlet, date".
    let topic = get_text(&site, "/topics/cybersecurity").await;
    assert!(topic.contains("<span class=\"source\">Al Mayadeen English, 16 June 2021</span>"));
}

fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("a file written");
    }
    dir
}

const REPORT: &str = "Putin said that the talks were \"productive,\" and long.\n";

#[tokio::test]
async fn sources_toml_names_files_front_matter_wins_and_a_broken_one_is_a_warning() {
    let dir = folder(&[
        ("a.txt", REPORT),
        ("b.txt", "---\noutlet: Own Outlet\n---\nBiden said the talks went well.\n"),
        ("c.txt", "Biden said the summit was good.\n"),
        ("sources.toml", "[\"a.txt\"]\ntitle = \"Talks were productive\"\noutlet = \"Daily Example\"\nurl = \"https://daily.example/talks\"\ndate = \"2021-06-17\"\n\n[\"b.txt\"]\noutlet = \"Not This\"\ndate = \"2021-06-18\"\n"),
    ]);
    let library = Library::load(&LoadOptions { articles: Some(dir.path().into()), summit: None }).unwrap();
    assert!(library.warnings().is_empty(), "{:?}", library.warnings());
    let by_file = |f: &str| &library.articles.iter().find(|a| a.article.file == f).unwrap().article;
    assert_eq!(by_file("a.txt").title, "Talks were productive");
    assert_eq!(by_file("a.txt").outlet.as_deref(), Some("Daily Example"));
    assert_eq!(by_file("b.txt").outlet.as_deref(), Some("Own Outlet"), "front matter wins");
    assert_eq!(by_file("b.txt").date.as_deref(), Some("2021-06-18"), "what it does not say comes from sources.toml");
    assert_eq!(by_file("c.txt").outlet, None);

    let site = load_site(Some(dir.path()));
    let article = get_text(&site, "/articles/c").await;
    assert!(article.contains("outlet unknown") && !article.contains("outlet unknown, c.txt"));

    std::fs::write(dir.path().join("sources.toml"), "[\"a.txt\"]\noutlet = \"Daily\"\ndate = = 1\n").unwrap();
    let library = Library::load(&LoadOptions { articles: Some(dir.path().into()), summit: None }).unwrap();
    assert_eq!(library.articles.len(), 3, "the articles load all the same");
    let warnings = library.warnings();
    assert!(warnings.iter().any(|w| w.starts_with("sources.toml:3: ")), "{warnings:?}");
}

#[tokio::test]
async fn a_statement_from_an_embedded_post_says_via_the_account() {
    let site = load_site(None);
    for i in site.index.entry_ixs() {
        let article = site.index.article_of(i);
        let e = site.index.statement(i);
        if let counterparts::corpus::BlockKind::Post { account } = &article.blocks[e.block].kind {
            if e.speaker.is_some() {
                let html = get_text(&site, &format!("/quotes/{}", e.id)).await;
                assert!(html.contains(&format!("via {account}")), "/quotes/{} does not say via {account}", e.id);
                return;
            }
        }
    }
    // Without such a statement in the seeds, a folder of its own has one.
    let dir = folder(&[(
        "post.txt",
        "Leaders meet\nThe summit ended.\nWho's in charge? Joe Biden admits: \"They gave me a list of the people I'm going to call on.\"\n— MRCTV (@mrctv) June 16, 2021\n",
    )]);
    let site = load_site(Some(dir.path()));
    let e = site.index.entries.iter().map(|e| &e.statement).find(|e| e.speaker.is_some()).expect("Biden's words in the post");
    let html = get_text(&site, &format!("/quotes/{}", e.id)).await;
    assert!(html.contains("via @mrctv"));
}

// ---------------------------------------------------------------------------
// 4. Cite and share; link previews on every page type
// ---------------------------------------------------------------------------

#[tokio::test]
async fn a_quote_page_offers_citations_and_its_share_card() {
    let site = load_site(None);
    let all = exported(&site);
    let s = a_statement(&all, "direct");
    let html = get_text(&site, &format!("/quotes/{}", s.id)).await;
    let permalink = format!("{PUBLIC_URL}/quotes/{}", s.id);
    let plain = textarea(&html, "cite-text");
    let wiki = textarea(&html, "cite-wiki");
    for c in [&plain, &wiki] {
        assert!(c.contains(", 16 June 2021") || c.contains("date=2021-06-16"), "no date: {c}");
        assert!(c.contains("Al Mayadeen English") || c.contains("Pledge Times"), "no outlet: {c}");
        assert!(c.contains("https://english.almayadeen.net/") || c.contains("https://pledgetimes.com/"), "no address: {c}");
        assert!(c.contains(&permalink), "no permalink: {c}");
    }
    assert!(wiki.starts_with("{{cite news |title=") && wiki.ends_with("}}"), "{wiki}");
    assert!(html.contains("data-copy=\"cite-text\"") && html.contains("data-copy=\"cite-wiki\""));
    let card = format!("/quotes/{}.png", s.id);
    assert!(html.contains(&format!("<img src=\"{card}\" width=\"1200\" height=\"630\" alt=\"")));
    assert!(html.contains(&format!("<a href=\"{card}\" download=\"counterparts-{}.png\">", s.id)));
}

fn textarea(html: &str, id: &str) -> String {
    let open = format!("<textarea id=\"{id}\"");
    let start = html.find(&open).unwrap_or_else(|| panic!("no #{id}"));
    let start = start + html[start..].find('>').unwrap() + 1;
    unescape(&html[start..start + html[start..].find("</textarea>").unwrap()])
}

#[tokio::test]
async fn every_page_type_has_complete_link_previews() {
    let site = load_site(None);
    let all = exported(&site);
    let pages = [
        "/".to_string(),
        "/topics/cybersecurity".to_string(),
        "/speakers/putin".to_string(),
        format!("/quotes/{}", all[0].id),
        format!("/articles/{}", site.index.articles[0].article.id),
        "/articles".to_string(),
        "/search?q=cyber".to_string(),
    ];
    let mut titles = std::collections::HashSet::new();
    for path in &pages {
        let html = get_text(&site, path).await;
        for key in ["og:title", "og:description", "og:url", "og:type", "og:site_name", "og:image", "og:image:alt", "twitter:card", "twitter:title", "twitter:description", "twitter:image"] {
            assert!(!meta(&html, key).is_empty(), "{path}: empty {key}");
        }
        assert_eq!(meta(&html, "og:url"), format!("{PUBLIC_URL}{path}"));
        assert_eq!(meta(&html, "twitter:card"), "summary_large_image");
        assert!(titles.insert(meta(&html, "og:title")), "{path} shares its og:title");
        let image = meta(&html, "og:image");
        let image_path = image.strip_prefix(PUBLIC_URL).expect("an image of this site");
        let status = get(&site, image_path).await.status;
        assert_eq!(status, StatusCode::OK, "{path}: its image {image_path}");
    }
    assert_eq!(meta(&get_text(&site, "/topics/cybersecurity").await, "og:image"), format!("{PUBLIC_URL}/topics/cybersecurity.png"));
}

#[tokio::test]
async fn a_topic_card_is_a_png_of_1200_by_630_and_an_unknown_topic_has_none() {
    let site = load_site(None);
    let request = Request::builder().uri("/topics/cybersecurity.png").body(Body::empty()).unwrap();
    let response = app(site.clone()).oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["content-type"], "image/png");
    let body = response.into_body().collect().await.unwrap().to_bytes();
    assert_eq!(&body[..8], b"\x89PNG\r\n\x1a\n");
    assert_eq!(u32::from_be_bytes(body[16..20].try_into().unwrap()), 1200);
    assert_eq!(u32::from_be_bytes(body[20..24].try_into().unwrap()), 630);
    assert_eq!(get(&site, "/topics/no-such-topic.png").await.status, StatusCode::NOT_FOUND);
}

// ---------------------------------------------------------------------------
// 5. Finding
// ---------------------------------------------------------------------------

#[tokio::test]
async fn search_finds_word_beginnings_and_offers_the_topic_first() {
    let site = load_site(None);
    let found = get_json(&site, "/search.json?q=cyber").await;
    let putin: Vec<&Value> =
        found["results"].as_array().unwrap().iter().filter(|r| r["speaker"] == "putin").collect();
    assert!(!putin.is_empty(), "nothing from Putin for \"cyber\": {found}");
    assert!(putin.iter().any(|r| r["text"].as_str().unwrap().contains("cyberspace")), "{putin:?}");
    // The words begun are marked.
    let html = get_text(&site, "/search?q=cyber").await;
    assert!(html.contains("<mark>cyberspace</mark>"), "cyberspace is not marked");
    // The topic the words name comes before the results.
    let offer = html.find("<a href=\"/topics/cybersecurity\"><strong>Cybersecurity</strong>").expect("the topic offered");
    assert!(offer < html.find("id=\"results\"").unwrap());
    // Words that name no topic offer none.
    assert!(!get_text(&site, "/search?q=talks").await.contains("class=\"plain topic-offers\""));
    // A word left out is left out as a beginning too.
    let without = get_json(&site, "/search.json?q=cyber+-cyberspace").await;
    assert!(without["results"].as_array().unwrap().iter().all(|r| !r["text"].as_str().unwrap().to_lowercase().contains("cyberspace")));
}

#[tokio::test]
async fn the_overview_gives_each_topic_its_own_most_specific_line() {
    let site = load_site(None);
    let index = get_json(&site, "/index.json").await;
    // Where a leader said more than one thing on a topic, there is a choice;
    // a statement that is the only one on several topics stands for each.
    let mut firsts: Vec<String> = Vec::new();
    for row in index["topics"].as_array().unwrap() {
        for cell in row["cells"].as_array().unwrap() {
            if let (Some(first), true) = (cell["first"].as_str(), cell["count"].as_u64() > Some(1)) {
                firsts.push(first.to_string());
            }
        }
    }
    let mut counts = std::collections::HashMap::new();
    for f in &firsts {
        *counts.entry(f.as_str()).or_insert(0) += 1;
    }
    let repeated: Vec<_> = counts.iter().filter(|(_, &n)| n > 1).collect();
    assert!(repeated.is_empty(), "the same line stands for several topics: {repeated:?}");
}

#[tokio::test]
async fn a_topic_page_links_between_the_leaders_columns() {
    let site = load_site(None);
    let html = get_text(&site, "/topics/cybersecurity").await;
    for id in ["biden", "putin"] {
        assert!(html.contains(&format!("<h2 id=\"col-{id}\">")));
        assert!(html.matches(&format!("href=\"#col-{id}\"")).count() >= 2, "no jump to #col-{id}");
    }
}

// ---------------------------------------------------------------------------
// 7. Print
// ---------------------------------------------------------------------------

#[tokio::test]
async fn pages_print_without_navigation_and_with_link_addresses() {
    let css = include_str!("../../static/style.css");
    let print = &css[css.find("@media print").expect("a print stylesheet")..];
    for hidden in ["header.site", "footer.site", "nav.crumbs", ".jump", ".share", ".cite"] {
        assert!(print.contains(hidden), "{hidden} is printed");
    }
    assert!(print.contains("a[href]::after { content: \" (\" attr(href) \")\""));
}
