//! One statement across outlets, feeds, embedding, links to the source.

use super::*;

/// Three outlets report one statement of Biden's on cyber attacks (in full,
/// with other marks and case, cut short); a fourth a different statement
/// that differs in the one word that matters. Files load in name order.
const REPORTS: &[(&str, &str)] = &[
    (
        "a-wire.txt",
        "---\ntitle: Biden warns on hacking\noutlet: Wire One\nurl: https://wire.test/biden-hacking\ndate: 2021-06-16\n---\n\nBiden warns on hacking\n\n\u{201c}We will not tolerate cyber attacks on our hospitals, and they know exactly what follows if they go on,\u{201d} Biden said.\n",
    ),
    (
        "daily.txt",
        "---\ntitle: Summit ends\noutlet: Daily Two\ndate: 2021-06-17\n---\n\nSummit ends\n\nBiden said: \"we will NOT tolerate cyber attacks on our hospitals, and they know exactly what follows if they go on.\"\n",
    ),
    (
        "brief.txt",
        "---\ntitle: In brief\noutlet: Brief Three\n---\n\nIn brief\n\n\"We will not tolerate cyber attacks on our hospitals,\" Biden told reporters.\n",
    ),
    (
        "other.txt",
        "---\ntitle: Another warning\noutlet: Four\nurl: javascript:alert(1)\n---\n\nAnother warning\n\n\"We will not tolerate cyber attacks on our pipelines,\" Biden said.\n",
    ),
];

fn reports_dir(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("an article is written");
    }
    dir
}

/// The statement of `article` in the export.
fn said_in<'a>(said: &'a [Said], article: &str) -> &'a Said {
    said.iter().find(|s| s.article == article).unwrap_or_else(|| panic!("nothing found in {article}"))
}

#[tokio::test]
async fn one_statement_in_several_outlets_is_one_card_with_every_version_listed() {
    let dir = reports_dir(REPORTS);
    let site = site_from_dir(dir.path());
    let (_, said) = export(&site).await;
    let (wire, daily, brief, other) =
        (said_in(&said, "a-wire"), said_in(&said, "daily"), said_in(&said, "brief"), said_in(&said, "other"));
    assert!(said.iter().all(|s| s.speaker.as_deref() == Some("biden")), "every statement is Biden's");
    assert!(said.iter().all(|s| s.topics.contains(&"cybersecurity".to_string())));
    // Every version keeps its own id, but the one with identical words.
    assert_eq!(wire.id, daily.id, "the same words have the same id");
    assert_ne!(wire.id, brief.id);

    // The topic page shows the statement once, reported by three sources, and the other statement apart.
    let (html, json) = check_page(&site, "/topics/cybersecurity", "/topics/cybersecurity.json").await;
    let column = &json["columns"][0];
    assert_eq!(ids_of(&column["statements"]), [wire.id.clone(), other.id.clone()]);
    assert_eq!(column["total"], 2);
    assert_eq!(column["statements"][0]["sources"], 3);
    assert_eq!(column["statements"][1]["sources"], 1);
    assert!(html.contains(&format!("href=\"/quotes/{}#sources\">Reported by 3 sources", wire.id)));
    assert_eq!(html.matches("Reported by").count(), 1);

    // Every version's page lists all three, each with its own link, and marks itself.
    for s in [wire, brief] {
        let path = format!("/quotes/{}", s.id);
        let (html, json) = check_page(&site, &path, &format!("{path}.json")).await;
        assert_eq!(json["sources"], 3, "{path}");
        let versions = json["versions"].as_array().unwrap();
        let articles: Vec<String> = versions.iter().map(|v| str_of(&v["article"]["id"])).collect();
        assert_eq!(articles, ["a-wire", "brief", "daily"], "{path}: every source, in source order");
        let current: Vec<String> = versions.iter().filter(|v| v["current"] == true).map(|v| str_of(&v["article"]["id"])).collect();
        assert_eq!(current, std::slice::from_ref(&s.article), "{path}");
        assert!(html.contains("<h2 id=\"sources\">Reported by 3 sources</h2>"), "{path}");
        for v in versions {
            assert_eq!(get(&site, &str_of(&v["url"])).await.status, StatusCode::OK, "{path}: {}", v["url"]);
            assert!(shows_escaped(&html, &str_of(&v["text"])), "{path}: a version's own words");
        }
    }
    // The different statement stands alone.
    let (_, json) = check_page(&site, &format!("/quotes/{}", other.id), &format!("/quotes/{}.json", other.id)).await;
    assert_eq!(json["sources"], 1);
    assert_eq!(json["versions"].as_array().unwrap().len(), 1);
    // The overview counts statements, not reports.
    let (_, home) = check_page(&site, "/", "/index.json").await;
    let cyber = home["topics"].as_array().unwrap().iter().find(|t| t["topic"]["id"] == "cybersecurity").unwrap();
    assert_eq!(cyber["cells"][0]["count"], 2);
}

#[tokio::test]
async fn adding_a_report_groups_it_without_changing_any_id() {
    let before_dir = reports_dir(&REPORTS[1..]);
    let before = site_from_dir(before_dir.path());
    let after_dir = reports_dir(REPORTS);
    let after = site_from_dir(after_dir.path());
    let (_, old) = export(&before).await;
    let (_, new) = export(&after).await;
    for s in &old {
        assert!(new.iter().any(|n| n.id == s.id && n.article == s.article), "{} in {} kept its id", s.id, s.article);
        assert_eq!(get(&after, &format!("/quotes/{}", s.id)).await.status, StatusCode::OK);
    }
    let brief = said_in(&old, "brief");
    let (_, json) = check_page(&before, &format!("/quotes/{}", brief.id), &format!("/quotes/{}.json", brief.id)).await;
    assert_eq!(json["sources"], 2);
    let (_, json) = check_page(&after, &format!("/quotes/{}", brief.id), &format!("/quotes/{}.json", brief.id)).await;
    assert_eq!(json["sources"], 3);
}

#[tokio::test]
async fn quote_pages_link_to_the_exact_words_at_the_source() {
    let dir = reports_dir(REPORTS);
    let site = site_from_dir(dir.path());
    let (_, said) = export(&site).await;
    let wire = said_in(&said, "a-wire");
    let (html, json) = check_page(&site, &format!("/quotes/{}", wire.id), &format!("/quotes/{}.json", wire.id)).await;
    let expected = "https://wire.test/biden-hacking#:~:text=We%20will%20not%20tolerate,if%20they%20go%20on";
    assert_eq!(json["original"], expected);
    let at_source = tags(&html).into_iter().find(|t| t.name == "a" && t.attr("href") == Some(expected));
    let at_source = at_source.expect("a link to the words at the source");
    assert!(at_source.attr("rel").unwrap_or_default().contains("noopener"));
    // No address, or one that is not a web address: no link.
    for article in ["brief", "other"] {
        let s = said_in(&said, article);
        let (html, json) = check_page(&site, &format!("/quotes/{}", s.id), &format!("/quotes/{}.json", s.id)).await;
        assert!(json["original"].is_null(), "{article}");
        assert!(!html.contains(":~:text=") || article == "brief", "{article}: a text fragment");
        assert!(!html.contains("javascript:"), "{article}: a script address is linked");
    }
}

#[tokio::test]
async fn quote_pages_offer_an_html_snippet_to_embed() {
    let mut files = REPORTS.to_vec();
    files.push(("markup.txt", "Markup\n\n\"We <b>will</b> not & cannot tolerate cyber attacks,\" Biden said.\n"));
    let dir = reports_dir(&files);
    let site = site_from_dir(dir.path());
    let (_, said) = export(&site).await;
    for s in [said_in(&said, "a-wire"), said_in(&said, "markup")] {
        let path = format!("/quotes/{}", s.id);
        let (html, json) = check_page(&site, &path, &format!("{path}.json")).await;
        let snippet = str_of(&json["embed"]);
        let permalink = format!("{PUBLIC_URL}{path}");
        assert!(snippet.starts_with(&format!("<figure>\n<blockquote cite=\"{permalink}\">")), "{snippet}");
        assert!(snippet.contains(&format!("<a href=\"{permalink}\">Counterparts</a>")), "{snippet}");
        assert!(snippet.contains("Joe Biden, President of the United States"), "{snippet}");
        // The words are escaped in the snippet, so they show as text on another page.
        let words = s.text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
        assert!(snippet.contains(&words), "{snippet}");
        assert!(!snippet.contains("<b>"), "{snippet}");
        // On the page it is in a text area to copy, escaped once more.
        let area = section(&html, "<textarea id=\"embed-code\"", "</textarea>");
        let shown = unescape(&area[area.find('>').unwrap() + 1..]);
        assert_eq!(shown, snippet, "{path}");
        assert!(html.contains("data-copy=\"embed-code\""), "{path}: a copy button");
    }
}

/// The `<entry>` elements of an Atom feed: (id, updated, title).
fn feed_entries(xml: &str) -> Vec<(String, String, String)> {
    let field = |entry: &str, name: &str| section(entry, &format!("<{name}>"), &format!("</{name}>"))[name.len() + 2..].to_string();
    xml.split("<entry>").skip(1).map(|e| (field(e, "id"), field(e, "updated"), unescape(&field(e, "title")))).collect()
}

#[tokio::test]
async fn topics_and_speakers_have_atom_feeds_that_follow_reloads() {
    let dir = reports_dir(&REPORTS[1..]);
    let site = site_from_dir(dir.path());
    for (page, feed) in [("/topics/cybersecurity", "/topics/cybersecurity.atom"), ("/speakers/biden", "/speakers/biden.atom")] {
        let (html, _) = check_page(&site, page, &format!("{page}.json")).await;
        let alternate = tags(&html).into_iter().find(|t| t.name == "link" && t.attr("type") == Some("application/atom+xml"));
        assert_eq!(alternate.and_then(|t| t.attr("href").map(String::from)).as_deref(), Some(feed), "{page}");
        assert!(html.contains(&format!("<a class=\"feed\" href=\"{feed}\">")), "{page}: a visible link");
        let reply = get_ok(&site, feed).await;
        assert_eq!(reply.header(header::CONTENT_TYPE), "application/atom+xml; charset=utf-8");
        assert_security_headers(&reply, feed);
        assert_revalidates(&site, feed, &reply).await;
        let xml = reply.text();
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"));
        assert!(xml.contains(&format!("<id>{PUBLIC_URL}{feed}</id>")));
        assert!(xml.contains(&format!("<link rel=\"alternate\" type=\"text/html\" href=\"{PUBLIC_URL}{page}\"/>")));
        // One entry per statement (each once), newest first, each a working permalink.
        let entries = feed_entries(xml);
        assert_eq!(entries.len(), 2, "{feed}: {xml}");
        assert!(entries.windows(2).all(|w| w[0].1 >= w[1].1), "{feed}: newest first");
        assert!(entries.iter().all(|e| e.1.len() == 20 && e.1.ends_with("T00:00:00Z")), "{feed}: {entries:?}");
        for (id, _, title) in &entries {
            let path = id.strip_prefix(PUBLIC_URL).expect("an absolute permalink");
            assert_eq!(get(&site, path).await.status, StatusCode::OK, "{feed}: {id}");
            assert!(title.starts_with("Joe Biden on ") || title.starts_with("Joe Biden: "), "{feed}: {title}");
        }
    }
    // A reload that brings a new article brings its statement into the feed.
    let more = reports_dir(&[REPORTS, &[("new.txt", "New\n\n\"Ransomware gangs will find no shelter in our partnership,\" Biden said.\n")]].concat());
    let reloaded = site_from_dir(more.path());
    let old = feed_entries(get_ok(&site, "/topics/cybersecurity.atom").await.text());
    let new = feed_entries(get_ok(&reloaded, "/topics/cybersecurity.atom").await.text());
    assert!(new.len() > old.len());
    assert!(new.iter().any(|(_, _, t)| t.contains("Ransomware gangs")));
    // Unknown topics and speakers have no feed.
    for uri in ["/topics/nothing.atom", "/speakers/nobody.atom"] {
        assert_eq!(get(&site, uri).await.status, StatusCode::NOT_FOUND, "{uri}");
    }
}

#[tokio::test]
async fn feeds_carry_markup_as_text_and_leave_out_what_xml_cannot_carry() {
    let dir = reports_dir(&[("odd.txt", "Odd\n\n\"Cyber <script>alert(1)</script> & attacks\u{1b} will stop,\" Biden said.\n")]);
    let site = site_from_dir(dir.path());
    let xml = get_ok(&site, "/speakers/biden.atom").await.text().to_string();
    assert!(!xml.contains("<script>"), "{xml}");
    assert!(!xml.contains('\u{1b}'), "{xml}");
    assert!(xml.contains("&#60;script&#62;") || xml.contains("&lt;script&gt;"), "{xml}");
    let entries = feed_entries(&xml);
    assert!(entries[0].2.contains("<script>alert(1)</script> & attacks"), "{:?}", entries[0]);
}
