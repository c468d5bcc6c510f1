//! Quotations checked against the transcript.

use super::*;

/// `tests/fixtures/checked`: an invented press-conference transcript and a
/// wire report that quotes it once word for word, once with words changed,
/// and once with words the transcript does not have.
fn checked_site() -> Arc<Site> {
    site_from_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/checked"))
}

/// The export's statement of `file` whose text contains `words`.
fn statement_with<'e>(export: &'e Value, file: &str, words: &str) -> &'e Value {
    let article = export["articles"].as_array().unwrap().iter().find(|a| a["file"] == file).expect("the article is exported");
    article["statements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["text"].as_str().unwrap().contains(words))
        .unwrap_or_else(|| panic!("no statement of {file} says {words:?}: {article}"))
}

#[tokio::test]
async fn quotations_are_checked_against_the_transcript_in_the_export() {
    let site = checked_site();
    let export = get_ok(&site, "/export.json").await.json();
    let said = statement_with(&export, "press_conference.txt", "sixteen kinds");
    assert_eq!(said["speaker"], "biden");
    assert!(said.get("transcript").is_none(), "a transcript is not checked against itself: {said}");

    let exact = statement_with(&export, "wire_report.txt", "sixteen kinds");
    assert_eq!(exact["transcript"]["match"], "exact", "{exact}");
    assert_eq!(exact["transcript"]["id"], said["id"]);

    let close = statement_with(&export, "wire_report.txt", "it's about self-interest");
    let answer = statement_with(&export, "press_conference.txt", "not about trust");
    assert_eq!(close["transcript"]["match"], "close", "{close}");
    assert_eq!(close["transcript"]["id"], answer["id"]);

    let absent = statement_with(&export, "wire_report.txt", "tamper with our elections");
    assert_eq!(absent["transcript"]["match"], "not_found", "{absent}");
    assert!(absent["transcript"].get("id").is_none());

    let reported = statement_with(&export, "wire_report.txt", "had been about cybersecurity");
    assert_eq!(reported["kind"], "indirect");
    assert!(reported.get("transcript").is_none(), "reported speech is the reporter's words: {reported}");
}

#[tokio::test]
async fn a_quote_page_shows_what_the_transcript_says_and_cards_mark_it() {
    let site = checked_site();
    let export = get_ok(&site, "/export.json").await.json();
    let answer = statement_with(&export, "press_conference.txt", "not about trust");
    let close = statement_with(&export, "wire_report.txt", "it's about self-interest");

    let page = get_ok(&site, &format!("/quotes/{}", close["id"].as_str().unwrap())).await;
    let html = page.text();
    assert!(html.contains("Checked against the transcript"), "{html}");
    assert!(html.contains("close, but these words differ"));
    assert!(html.contains(&format!("href=\"/quotes/{}\"", answer["id"].as_str().unwrap())), "links to the transcript's words");
    // "it's" was quoted where the transcript says "It is", and "the" was left out.
    let diff = html.split("class=\"diff\">").nth(1).and_then(|d| d.split("</p>").next()).expect("the words compared");
    let diff = diff.replace("&#39;", "'").replace("&#x27;", "'");
    assert!(diff.contains("</span>it's</del>"), "{diff}");
    assert!(diff.contains("</span>It</ins>") && diff.contains("</span>is</ins>"), "{diff}");
    assert!(diff.contains("</span>the</ins>"), "{diff}");
    assert!(diff.starts_with("This is not about trust "), "{diff}");

    let json = get_ok(&site, &format!("/quotes/{}.json", close["id"].as_str().unwrap())).await.json();
    assert_eq!(json["statement"]["transcript"]["match"], "close", "{json}");

    let absent = statement_with(&export, "wire_report.txt", "tamper with our elections");
    let html = get_ok(&site, &format!("/quotes/{}", absent["id"].as_str().unwrap())).await.text().to_string();
    assert!(html.contains("Not found in the loaded transcript"));

    // Topic and speaker pages mark each checked card. The word-for-word
    // quotation is one statement with the transcript's words: its card is
    // the transcript's own, "reported by 2 sources", and says where it is from.
    for page in ["/speakers/biden".to_string(), format!("/topics/{}", absent["topics"][0].as_str().unwrap())] {
        let html = get_ok(&site, &page).await.text().to_string();
        assert!(html.contains("<p class=\"check check-not_found\">Not found in the loaded transcript</p>"), "{page}");
    }
    let said = statement_with(&export, "press_conference.txt", "sixteen kinds");
    for page in ["/speakers/biden".to_string(), format!("/topics/{}", said["topics"][0].as_str().unwrap())] {
        let html = get_ok(&site, &page).await.text().to_string();
        let card = html
            .split("<li class=\"card")
            .find(|card| card.contains(&format!("/quotes/{}\"", said["id"].as_str().unwrap())))
            .unwrap_or_else(|| panic!("{page} shows the transcript's version"));
        assert!(card.contains("<p class=\"check check-transcript\">From the transcript"), "{page}: {card}");
        assert!(card.contains("Reported by 2 sources"), "{page}: {card}");
    }
    let json = get_ok(&site, &format!("/quotes/{}.json", said["id"].as_str().unwrap())).await.json();
    assert_eq!(json["statement"]["from_transcript"], true);
    // A questioner's turn is in the transcript too, but is no leader's words;
    // a news report's quotation is not the transcript.
    let question = statement_with(&export, "press_conference.txt", "do you trust him");
    let json = get_ok(&site, &format!("/quotes/{}.json", question["id"].as_str().unwrap())).await.json();
    assert!(json["statement"].get("from_transcript").is_none(), "{json}");
    let json = get_ok(&site, &format!("/quotes/{}.json", close["id"].as_str().unwrap())).await.json();
    assert!(json["statement"].get("from_transcript").is_none(), "{json}");
}

#[tokio::test]
async fn a_transcript_answer_is_the_speakers_own_words_and_shows_its_question() {
    let site = checked_site();
    let export = get_ok(&site, "/export.json").await.json();
    let answer = statement_with(&export, "press_conference.txt", "not about trust");
    assert_eq!(answer["kind"], "direct");
    let question = statement_with(&export, "press_conference.txt", "do you trust him");
    assert_eq!(answer["question"], question["id"]);

    let html = get_ok(&site, &format!("/quotes/{}", answer["id"].as_str().unwrap())).await.text().to_string();
    assert!(html.contains("In answer to"), "{html}");
    assert!(html.contains("do you trust him?"));
    assert!(!html.contains("not his exact words"), "a turn of the transcript is his own words");
    let topic = answer["topics"][0].as_str().unwrap();
    let html = get_ok(&site, &format!("/topics/{topic}")).await.text().to_string();
    assert!(html.contains("It is about self-interest"), "the answer is on its topic page");
}

#[tokio::test]
async fn a_transcript_named_in_sources_toml_is_checked_against() {
    // One labelled turn is too little to look like a transcript: only
    // sources.toml says it is one, and it is read as one from the start.
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write("remarks.txt", "PRESIDENT BIDEN: We spent the afternoon on cyber, and I gave him a list of sixteen kinds of infrastructure that are off-limits.\n");
    write("report.txt", "Biden said he had raised cyber attacks.\n\n\"I gave him a list of sixteen kinds of infrastructure that are off-limits,\" Biden said.\n");
    write("sources.toml", "[\"remarks.txt\"]\ntitle = \"Remarks by President Biden\"\nkind = \"transcript\"\n");
    let export = get_ok(&site_from_dir(dir.path()), "/export.json").await.json();
    let quoted = statement_with(&export, "report.txt", "sixteen kinds");
    let said = statement_with(&export, "remarks.txt", "sixteen kinds");
    assert_eq!(said["speaker"], "biden", "{export}");
    assert_eq!(quoted["transcript"]["match"], "exact", "{quoted}");
    assert_eq!(quoted["transcript"]["id"], said["id"]);
}
