//! Coverage as people collect it: saved web pages and scraper output, read
//! beside text files. Every page and record here was written for these
//! tests in the shape of a real site or scraper (no real page is copied).
//! The same article saved as a page and written as text gives the same
//! statements; nothing on a page but its article is read; the page's and
//! the record's facts are found; bad input is skipped with its file, its
//! line and the reason, and everything else loads.

use std::path::{Path, PathBuf};
use std::process::Command;

use counterparts::analysis::Statement;
use counterparts::corpus::SourceKind;
use counterparts::export::Export;
use counterparts::index::Index;
use counterparts::library::AnalyzedArticle;
use counterparts::{Library, LoadOptions};
use tempfile::TempDir;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import")
}

/// A folder holding copies of the named fixtures (paths under `fixtures()`).
fn folder(files: &[&str]) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    for f in files {
        let from = fixtures().join(f);
        let name = from.file_name().unwrap();
        std::fs::copy(&from, dir.path().join(name)).unwrap_or_else(|e| panic!("copying {f}: {e}"));
    }
    dir
}

fn load(dir: &Path) -> Library {
    Library::load(&LoadOptions { articles: Some(dir.to_path_buf()), summit: None }).unwrap()
}

fn article<'a>(lib: &'a Library, file: &str) -> &'a AnalyzedArticle {
    lib.articles
        .iter()
        .find(|a| a.article.file == file)
        .unwrap_or_else(|| panic!("{file} should load; skipped: {:?}", lib.skipped))
}

/// What a reader sees of a statement: who, how, the words and the topics,
/// and its permanent id (made of speaker and words).
fn seen(a: &AnalyzedArticle) -> Vec<String> {
    a.statements
        .iter()
        .map(|s| format!("{} {:?} {:?} {:?} {} {:?}", s.id, s.speaker, s.speaker_label, s.kind, words(a, s), s.topics))
        .collect()
}

fn words<'a>(a: &'a AnalyzedArticle, s: &Statement) -> &'a str {
    &a.article.text[s.start..s.end]
}

const PAGES: [&str; 4] = [
    "pages/lakeside-ledger-summit.html",
    "pages/alpine-wire-live.html",
    "pages/harbour-post-jsonld-date.html",
    "pages/courrier-leman-1252.htm",
];

/// Words that are on the pages but never in their articles: navigation,
/// cookie banners, advertisements, related and most-viewed links, comments,
/// sign-up boxes, sharing tools, footers and scripts.
const FURNITURE: &[&str] = &[
    "cookies",
    "Accept all",
    "Trending",
    "never accept sanctions",
    "Save 50%",
    "buy gold",
    "Sponsored",
    "NATO is a relic",
    "the G7 is back",
    "is our home",
    "not looking for conflict",
    "Read more",
    "Nobody trusts anybody",
    "I will believe it",
    "lakefan",
    "All rights reserved",
    "dataLayer",
    "talks were useless",
    "Skip to main content",
    "read us every day",
    "Newsletters",
    "Key events",
    "I did what I came to do\"<",
    "America is back",
    "anyone's approval",
    "Older posts",
    "Share on social",
    "Front page",
    "Harbour Street",
    "Accueil",
    "tous droits",
];

#[test]
fn a_page_gives_the_statements_of_the_same_article_written_as_text() {
    for (page, text) in [
        ("pages/lakeside-ledger-summit.html", "text/lakeside-ledger-summit.txt"),
        ("pages/alpine-wire-live.html", "text/alpine-wire-live.txt"),
    ] {
        let html_lib = load(folder(&[page]).path());
        let text_lib = load(folder(&[text]).path());
        let from_page = &html_lib.articles[0];
        let from_text = &text_lib.articles[0];
        assert_eq!(from_page.article.source, SourceKind::Html);
        assert_eq!(from_text.article.source, SourceKind::Text);
        assert!(from_page.statements.len() >= 5, "{page}: {:#?}", seen(from_page));
        assert_eq!(seen(from_page), seen(from_text), "{page} against {text}");
        assert_eq!(from_page.article.title, from_text.article.title);
        assert_eq!(from_page.article.outlet, from_text.article.outlet);
        assert_eq!(from_page.article.url, from_text.article.url);
        assert_eq!(from_page.article.date, from_text.article.date);
    }
}

#[test]
fn nothing_but_the_article_is_read_from_a_page() {
    let lib = load(folder(&PAGES).path());
    assert_eq!(lib.articles.len(), PAGES.len(), "skipped: {:?}", lib.skipped);
    for a in &lib.articles {
        for words in FURNITURE {
            assert!(!a.article.text.contains(words), "{}: {words:?} is page furniture, read as text:\n{}", a.article.file, a.article.text);
        }
        for s in &a.statements {
            for words in ["NATO", "G7", "Arctic", "sanctions", "gold", "conflict", "trust", "believe", "useless", "America is back", "approval"] {
                let said = self::words(a, s);
                assert!(!said.contains(words), "{}: statement {said:?} comes from the page's furniture", a.article.file);
            }
        }
    }
    // The embedded post is kept as its account's, not a leader's.
    let news = article(&lib, "lakeside-ledger-summit.html");
    assert!(news.article.text.contains("Two presidents, one villa, four hours."));
    assert!(news.article.text.contains("— Geneva Watcher (@geneva_watch) June 16, 2021"));
    assert!(news.article.blocks.iter().any(|b| matches!(&b.kind, counterparts::corpus::BlockKind::Post { account } if account == "@geneva_watch")));
    // Block quotes and headings are blocks of their own.
    assert!(news.article.text.contains("\n\n\"We will respond if our infrastructure is attacked,\" Biden said.\n\n"));
    assert!(news.article.text.contains("\n\nCyber attacks and ransomware\n\n"));
    // Every entry of the live blog, oldest at the bottom as published.
    let live = article(&lib, "alpine-wire-live.html");
    for words in ["I did what I came to do", "ambassadors will return", "no hostility at all", "Good morning and welcome"] {
        assert!(live.article.text.contains(words), "{words:?} missing from the live blog:\n{}", live.article.text);
    }
}

#[test]
fn a_page_s_facts_are_read_from_where_sites_put_them() {
    let lib = load(folder(&PAGES).path());
    let facts = |file: &str| {
        let a = &article(&lib, file).article;
        (a.title.as_str(), a.outlet.as_deref(), a.date.as_deref(), a.url.as_deref(), a.byline.as_deref())
    };
    assert_eq!(
        facts("lakeside-ledger-summit.html"),
        (
            "Biden and Putin trade warnings on cyber attacks in Geneva",
            Some("The Lakeside Ledger"),
            Some("2021-06-16T21:40:00+02:00"),
            Some("https://ledger.example/world/2021/06/16/biden-putin-cyber-warnings"),
            Some("Marta Okonkwo"),
        )
    );
    assert_eq!(
        facts("alpine-wire-live.html"),
        (
            "Geneva summit live: Biden and Putin meet at Villa La Grange – as it happened",
            Some("Alpine Wire"),
            Some("2021-06-16T08:05:00Z"),
            Some("https://alpinewire.example/live/2021/jun/16/geneva-summit-live"),
            None,
        )
    );
    // Only JSON-LD has the date, the outlet, the address and the author.
    assert_eq!(
        facts("harbour-post-jsonld-date.html"),
        (
            "Putin says Russia and US agree to return ambassadors",
            Some("Harbour Post"),
            Some("2021-06-17T06:30:00+01:00"),
            Some("https://harbourpost.example/news/putin-ambassadors-return"),
            Some("Tomas Brandt"),
        )
    );
    let harbour = &article(&lib, "harbour-post-jsonld-date.html").article;
    assert!(harbour.taken.iter().any(|t| t == "date from JSON-LD datePublished"), "{:?}", harbour.taken);
    assert_eq!(
        facts("courrier-leman-1252.htm"),
        (
            "Genève : les présidents Biden et Poutine se parlent enfin",
            Some("Le Courrier du Léman"),
            Some("2021-06-16"),
            Some("https://courrier-leman.example/monde/geneve-biden-poutine.htm"),
            None,
        )
    );
}

#[test]
fn a_windows_1252_page_reads_in_its_declared_character_set() {
    let lib = load(folder(&["pages/courrier-leman-1252.htm"]).path());
    let a = &lib.articles[0];
    assert!(a.article.taken.iter().any(|t| t == "read as windows-1252"), "{:?}", a.article.taken);
    assert!(a.article.text.contains("the café owners of the Pâquis"), "{}", a.article.text);
    let words: Vec<&str> = a.statements.iter().map(|s| words(a, s)).collect();
    // The curly quotes (0x93, 0x94 in the file) are read as quotes.
    assert!(words.contains(&"There is no substitute for a face-to-face dialogue"), "{words:?}");
    assert!(words.iter().any(|w| w.contains("“a very experienced statesman”")), "{words:?}");
    assert!(a.statements.iter().any(|s| s.speaker_id(&lib.summit) == Some("putin")));
}

#[test]
fn scraper_records_load_from_each_family_of_field_names() {
    let lib = load(fixtures().join("records").as_path());
    assert!(lib.skipped.is_empty(), "{:?}", lib.skipped);
    let files: Vec<&str> = lib.articles.iter().map(|a| a.article.file.as_str()).collect();
    assert_eq!(
        files,
        ["custom.jsonl:1", "lakeside-ukraine.json", "newsplease.jsonl:1", "newsplease.jsonl:2", "trafilatura.jsonl:1", "trafilatura.jsonl:2"]
    );
    let facts = |file: &str| {
        let a = &article(&lib, file).article;
        assert_eq!(a.source, SourceKind::Json);
        (a.title.as_str(), a.outlet.as_deref(), a.date.as_deref(), a.url.as_deref())
    };
    // news-please: maintext, url, date_publish, source_domain.
    assert_eq!(
        facts("newsplease.jsonl:1"),
        ("Summit ends with talks on arms control", Some("nordic-daily.example"), Some("2021-06-16 19:40:00"), Some("https://nordic-daily.example/world/summit-ends"))
    );
    // trafilatura: text (before raw_text), source_url, date, sitename; raw_text alone.
    assert_eq!(
        facts("trafilatura.jsonl:1"),
        ("Biden warns of consequences over Navalny", Some("East River Times"), Some("2021-06-16"), Some("https://eastriver.example/2021/06/16/biden-navalny"))
    );
    assert!(article(&lib, "trafilatura.jsonl:1").article.text.contains("\n\n\"I made it clear"));
    assert!(article(&lib, "trafilatura.jsonl:2").article.taken.contains(&"text from \"raw_text\"".to_string()));
    // content, url, published, outlet.
    assert_eq!(
        facts("custom.jsonl:1"),
        ("Leaders discuss climate and Iran", Some("Valley Courier"), Some("2021-06-17T07:00:00Z"), Some("https://valley-courier.example/news/leaders-climate-iran"))
    );
    // One article in a .json file.
    assert_eq!(facts("lakeside-ukraine.json").1, Some("Lakeside Weekly"));
    for a in &lib.articles {
        assert!(!a.statements.is_empty(), "{} has statements", a.article.file);
    }
    assert_eq!(article(&lib, "newsplease.jsonl:1").article.id.split('-').next(), Some("summit"));
}

#[test]
fn a_record_keeps_its_id_when_the_file_is_scraped_again() {
    let first = load(fixtures().join("records").as_path());
    let ids = |lib: &Library| {
        let mut ids: Vec<(String, String)> =
            lib.articles.iter().map(|a| (a.article.url.clone().unwrap_or_default(), a.article.id.clone())).collect();
        ids.sort();
        ids
    };
    // Scraped again: other lines, other order, an edited headline, a
    // tracking parameter on an address, another file name.
    let dir = tempfile::tempdir().unwrap();
    for name in ["custom.jsonl", "trafilatura.jsonl", "lakeside-ukraine.json"] {
        std::fs::copy(fixtures().join("records").join(name), dir.path().join(name)).unwrap();
    }
    let np = std::fs::read_to_string(fixtures().join("records/newsplease.jsonl")).unwrap();
    let mut lines: Vec<String> = np.lines().map(str::to_string).collect();
    lines.reverse();
    lines[1] = lines[1].replace("Summit ends with talks on arms control", "Summit ends; arms talks next").replace("/world/summit-ends\"", "/world/summit-ends?utm_source=rss\"");
    std::fs::write(dir.path().join("rescrape-2021-06-18.jsonl"), format!("\n{}\n", lines.join("\n"))).unwrap();
    let again = load(dir.path());
    let mut again_ids = ids(&again);
    for (url, _) in &mut again_ids {
        *url = url.replace("?utm_source=rss", "");
    }
    again_ids.sort();
    assert_eq!(ids(&first), again_ids);
}

#[test]
fn bad_input_is_skipped_with_file_line_and_reason_and_the_rest_loads() {
    let dir = folder(&[
        "pages/lakeside-ledger-summit.html",
        "records/newsplease.jsonl",
        "bad/no-main-text.html",
        "bad/unknown-charset.html",
        "bad/undeclared-latin1.html",
        "bad/broken.jsonl",
        "bad/no-text.json",
    ]);
    // A 50 MB page: refused by its size before it is read.
    let mut huge = String::from("<html><body><p>Biden said hello.</p>");
    while huge.len() < 50_000_000 {
        huge.push_str("<div class=\"filler\">Lorem ipsum dolor sit amet, consectetur adipiscing elit.</div>\n");
    }
    std::fs::write(dir.path().join("huge.html"), huge).unwrap();
    let lib = load(dir.path());
    let loaded: Vec<&str> = lib.articles.iter().map(|a| a.article.file.as_str()).collect();
    assert_eq!(loaded, ["broken.jsonl:1", "broken.jsonl:6", "lakeside-ledger-summit.html", "newsplease.jsonl:1", "newsplease.jsonl:2"], "{:?}", lib.skipped);
    let reason = |file: &str| {
        lib.skipped.iter().find(|s| s.file == file).unwrap_or_else(|| panic!("{file} should be skipped: {:?}", lib.skipped)).reason.clone()
    };
    assert!(reason("no-main-text.html").starts_with("no main text"), "{}", reason("no-main-text.html"));
    assert!(reason("unknown-charset.html").contains("\"x-mac-klingon\", which is not one known"), "{}", reason("unknown-charset.html"));
    assert!(reason("undeclared-latin1.html").contains("declares no character set and is not UTF-8"), "{}", reason("undeclared-latin1.html"));
    assert!(reason("huge.html").contains("over the limit of 16777216 bytes for a saved page"), "{}", reason("huge.html"));
    assert!(reason("broken.jsonl:2").starts_with("line 2 is not JSON:"), "{}", reason("broken.jsonl:2"));
    assert!(reason("broken.jsonl:3").starts_with("no text: none of the fields text, maintext, content, raw_text"), "{}", reason("broken.jsonl:3"));
    assert!(reason("broken.jsonl:4").contains("a JSON list"), "{}", reason("broken.jsonl:4"));
    assert!(reason("broken.jsonl:5").starts_with("no text"), "{}", reason("broken.jsonl:5"));
    assert!(reason("no-text.json").starts_with("no text"), "{}", reason("no-text.json"));
    assert_eq!(lib.skipped.len(), 9, "{:?}", lib.skipped);
    let warnings = lib.warnings();
    assert!(warnings.contains(&format!("broken.jsonl:2: skipped: {}", reason("broken.jsonl:2"))), "{warnings:?}");
}

#[test]
fn the_export_says_where_each_article_s_text_came_from() {
    let dir = folder(&["pages/lakeside-ledger-summit.html", "records/custom.jsonl", "text/alpine-wire-live.txt"]);
    let lib = load(dir.path());
    let export: serde_json::Value = serde_json::to_value(serde_json::from_str::<serde_json::Value>(&Export::from_index(&Index::build(lib.clone())).to_json_pretty()).unwrap()).unwrap();
    let articles = export["articles"].as_array().unwrap();
    let source = |file: &str| articles.iter().find(|a| a["file"] == file).unwrap().get("source").cloned();
    assert_eq!(source("lakeside-ledger-summit.html"), Some("html".into()));
    assert_eq!(source("custom.jsonl:1"), Some("json".into()));
    assert_eq!(source("alpine-wire-live.txt"), None, "a text file's article is exported as before");
    for a in articles {
        let text = &article(&lib, a["file"].as_str().unwrap()).article.text;
        for s in a["statements"].as_array().unwrap() {
            let (start, end) = (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
            assert_eq!(s["text"].as_str().unwrap(), &text[start..end]);
        }
    }
}

/// A page's or a record's own facts come first; a `sources.toml` entry, by
/// the name `check` gives it, fills in what it does not say, as it does for
/// a text file's front matter. The export keeps the article's own title.
#[test]
fn sources_toml_fills_in_what_a_page_or_a_record_does_not_say() {
    let dir = folder(&["pages/courrier-leman-1252.htm"]);
    let records = concat!(
        r#"{"text": "Putin said the meeting had been constructive. \"There was no hostility,\" he told reporters in Geneva."}"#,
        "\n",
        r#"{"title": "Biden on the talks", "text": "Biden said the talks had gone well. \"I did what I came to do,\" he said."}"#,
        "\n",
    );
    std::fs::write(dir.path().join("bare.jsonl"), records).unwrap();
    let sources = r#"
["courrier-leman-1252.htm"]
outlet = "Not the page's outlet"
kind = "news"

["bare.jsonl:1"]
title = "Putin on the meeting"
outlet = "Valley Courier"
url = "https://valley-courier.example/news/putin-meeting"
date = "2021-06-16"

["bare.jsonl:2"]
title = "Not the record's title"
"#;
    std::fs::write(dir.path().join("sources.toml"), sources).unwrap();
    let lib = load(dir.path());
    assert!(lib.source_warnings.is_empty(), "{:?}", lib.source_warnings);
    let page = &article(&lib, "courrier-leman-1252.htm").article;
    assert_eq!(page.outlet.as_deref(), Some("Le Courrier du Léman"), "the page's own outlet wins");
    assert_eq!(page.kind.as_deref(), Some("news"), "what the page does not say is filled in");
    let bare = &article(&lib, "bare.jsonl:1").article;
    assert_eq!(
        (bare.title.as_str(), bare.outlet.as_deref(), bare.url.as_deref(), bare.date.as_deref()),
        ("Putin on the meeting", Some("Valley Courier"), Some("https://valley-courier.example/news/putin-meeting"), Some("2021-06-16"))
    );
    assert!(bare.text_title.starts_with("Putin said the meeting"), "the export's title is the record's own: {}", bare.text_title);
    assert_eq!(article(&lib, "bare.jsonl:2").article.title, "Biden on the talks", "the record's own title wins");
}

fn run(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_counterparts"))
        .args(args)
        .env_remove("COUNTERPARTS_ARTICLES")
        .env_remove("COUNTERPARTS_SUMMIT")
        .env("RUST_LOG", "warn")
        .output()
        .unwrap();
    (out.status.success(), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn check_reports_what_was_taken_and_skipped_per_file_and_record() {
    let dir = folder(&["pages/harbour-post-jsonld-date.html", "records/newsplease.jsonl", "bad/broken.jsonl", "bad/no-main-text.html", "text/alpine-wire-live.txt"]);
    let (ok, out, err) = run(&["check", "--articles", dir.path().to_str().unwrap()]);
    assert!(ok, "{out}{err}");
    for line in [
        "taken    harbour-post-jsonld-date.html: html: 5 blocks of main text, read as UTF-8, title from JSON-LD headline, outlet from JSON-LD publisher, date from JSON-LD datePublished, url from JSON-LD mainEntityOfPage, byline from JSON-LD author",
        "taken    newsplease.jsonl:2: json: text from \"maintext\", title from \"title\", url from \"url\", date from \"date_publish\", outlet from \"source_domain\"",
        "skipped  broken.jsonl:2: line 2 is not JSON:",
        "skipped  no-main-text.html: no main text",
    ] {
        assert!(out.lines().any(|l| l.starts_with(line)), "{line:?} missing from:\n{out}");
    }
    // Lines of one file come in the order of its records.
    let order: Vec<usize> = out
        .lines()
        .filter_map(|l| l.split_once("broken.jsonl:")?.1.split(':').next()?.parse().ok())
        .collect();
    assert_eq!(order, [1, 1, 2, 3, 4, 5, 6, 6], "{out}");
}

#[test]
fn import_writes_text_files_that_read_like_what_they_came_from() {
    let from = folder(&["pages/lakeside-ledger-summit.html", "pages/courrier-leman-1252.htm", "records/trafilatura.jsonl", "bad/broken.jsonl"]);
    let out = tempfile::tempdir().unwrap();
    let out_dir = out.path().join("imported");
    let (ok, report, err) = run(&["import", from.path().to_str().unwrap(), "--out", out_dir.to_str().unwrap()]);
    assert!(ok, "{report}{err}");
    assert!(report.contains("skipped") && report.contains("broken.jsonl:2"), "{report}");
    let written: Vec<String> = {
        let mut names: Vec<String> = std::fs::read_dir(&out_dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        names.sort();
        names
    };
    assert_eq!(written.len(), 6, "{written:?}\n{report}");
    assert!(written.contains(&"lakeside-ledger-summit.txt".to_string()), "{written:?}");
    let page = std::fs::read_to_string(out_dir.join("lakeside-ledger-summit.txt")).unwrap();
    assert!(page.starts_with("---\ntitle: Biden and Putin trade warnings on cyber attacks in Geneva\noutlet: The Lakeside Ledger\nurl: https://ledger.example/world/2021/06/16/biden-putin-cyber-warnings\ndate: 2021-06-16T21:40:00+02:00\n"), "{page}");
    // What was imported reads as the originals do.
    let original = load(from.path());
    let imported = load(&out_dir);
    assert_eq!(original.articles.len(), imported.articles.len());
    for a in &original.articles {
        let b = imported.articles.iter().find(|b| b.article.title == a.article.title).unwrap_or_else(|| panic!("{} was imported", a.article.file));
        assert_eq!((&a.article.outlet, &a.article.url, &a.article.date), (&b.article.outlet, &b.article.url, &b.article.date));
        assert_eq!(seen(a), seen(b), "{}", a.article.file);
    }
    // Imported again, nothing is replaced unless asked.
    let (ok, report, _) = run(&["import", from.path().to_str().unwrap(), "--out", out_dir.to_str().unwrap()]);
    assert!(ok && report.contains("exists"), "{report}");
}
