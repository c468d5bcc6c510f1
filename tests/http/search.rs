//! Search: word forms, phrases, filters and counts.

use super::*;

#[tokio::test]
async fn search_finds_every_form_of_the_words_and_marks_them() {
    let site = seed_site();
    let (_, said) = export(&site).await;

    // Every statement with a form of "attack" is found, and nothing else.
    let forms = ["attack", "attacks", "attacked", "attacking"];
    let (html, json) = search(&site, "q=attacks").await;
    let expected: Vec<String> = said
        .iter()
        .filter(|s| words_of(&s.text).iter().any(|w| forms.contains(&w.as_str())))
        .map(|s| s.id.clone())
        .collect();
    assert!(!expected.is_empty(), "the seeds speak of attacks");
    assert_eq!(sorted(ids_of(&json["results"])), sorted(expected.clone()));
    assert_eq!(json["total"].as_u64(), Some(expected.len() as u64));
    assert_eq!(json["query"], "attacks");
    assert_eq!(sorted(permalink_ids(&html)), sorted(expected), "the HTML shows the same results");
    assert!(html.contains("value=\"attacks\""), "the search box keeps the query");
    // The matched words, and only they, are marked.
    for hit in json["results"].as_array().unwrap() {
        let marked: Vec<&Value> = hit["marked"].as_array().unwrap().iter().filter(|p| p["marked"] == true).collect();
        assert!(!marked.is_empty(), "a result with nothing marked: {hit}");
        for m in marked {
            let w = str_of(&m["text"]).to_lowercase();
            assert!(forms.contains(&w.as_str()), "{w:?} is marked");
        }
        let whole: String = hit["marked"].as_array().unwrap().iter().map(|p| str_of(&p["text"])).collect();
        assert_eq!(whole, str_of(&hit["text"]), "the marked stretches are the statement's words");
    }
    assert!(html.contains("<mark>"), "the HTML marks the words");
}

#[tokio::test]
async fn search_phrases_exclusions_and_odd_queries() {
    let site = seed_site();
    let (_, said) = export(&site).await;

    // A phrase in quotation marks finds the words side by side only.
    let (_, loose) = search(&site, "q=human+rights").await;
    let (_, phrase) = search(&site, "q=%22human+rights%22").await;
    let phrase_ids = ids_of(&phrase["results"]);
    assert!(!phrase_ids.is_empty());
    for id in &phrase_ids {
        let s = said.iter().find(|s| &s.id == id).unwrap();
        assert!(words_of(&s.text).windows(2).any(|w| w[0] == "human" && w[1] == "rights"), "{id}: {}", s.text);
    }
    assert!(loose["total"].as_u64() >= phrase["total"].as_u64());

    // A word after "-" is left out.
    let (_, with) = search(&site, "q=cyber").await;
    let (_, without) = search(&site, "q=cyber+-infrastructure").await;
    assert!(without["total"].as_u64() < with["total"].as_u64(), "a cyber statement mentions infrastructure");
    assert!(without["total"].as_u64() > Some(0));
    for id in ids_of(&without["results"]) {
        let s = said.iter().find(|s| s.id == id).unwrap();
        assert!(!words_of(&s.text).contains(&"infrastructure".to_string()), "{id}");
    }

    // Words that match nothing, and queries that are all punctuation or half syntax.
    for q in ["zebra+quasar", "%21%21%21", "%22unclosed", "title%3Afoo", "AND", "%2B%2B%2B"] {
        let (html, json) = search(&site, &format!("q={q}")).await;
        if json["total"].as_u64() == Some(0) {
            assert!(html.contains("Nothing matches"), "{q}: no-results message");
        }
    }
    let (html, json) = search(&site, "q=title%3Afoo").await;
    assert!(!json["problems"].as_array().unwrap().is_empty(), "an unknown field is reported");
    assert!(html.contains("could not be read"), "and said on the page");

    // The longest query allowed is still served.
    let longest = format!("q={}", "a".repeat(200));
    search(&site, &longest).await;
}

#[tokio::test]
async fn search_filters_and_counts_what_each_filter_gives() {
    let site = seed_site();
    let (_, said) = export(&site).await;

    // A speaker filter alone lists their statements in source order.
    let (_, json) = search(&site, "speaker=putin").await;
    let putin: Vec<String> = said.iter().filter(|s| s.speaker.as_deref() == Some("putin")).map(|s| s.id.clone()).collect();
    assert!(!putin.is_empty());
    assert_eq!(ids_of(&json["results"]), putin);
    let (html, json) = search(&site, "speaker=biden&topic=cybersecurity").await;
    let both: Vec<String> = said
        .iter()
        .filter(|s| s.speaker.as_deref() == Some("biden") && s.topics.iter().any(|t| t == "cybersecurity"))
        .map(|s| s.id.clone())
        .collect();
    assert!(!both.is_empty());
    assert_eq!(ids_of(&json["results"]), both);
    assert!(html.contains("<option value=\"biden\" selected>"), "the speaker stays selected");
    assert!(html.contains("<option value=\"cybersecurity\" selected>"), "the topic stays selected");

    // The counts of each speaker add up to the results of the words alone,
    // and choosing one gives as many results as its count said.
    let (_, words) = search(&site, "q=talks").await;
    let total = words["total"].as_u64().unwrap();
    let facets = &words["facets"];
    let speakers = facets["speakers"].as_array().unwrap();
    let counted: u64 = speakers.iter().map(|v| v["count"].as_u64().unwrap()).sum();
    let others = said.iter().filter(|s| s.speaker.is_none() && words_of(&s.text).iter().any(|w| w == "talks" || w == "talk")).count();
    assert_eq!(counted + others as u64, total);
    for v in speakers.iter().chain(facets["topics"].as_array().unwrap()).chain(facets["articles"].as_array().unwrap()) {
        let url = str_of(&v["url"]);
        let query = url.split_once('?').unwrap().1;
        let (_, narrowed) = search(&site, query).await;
        assert_eq!(narrowed["total"], v["count"], "{url}");
    }

    // The article filter keeps to one article, with the words.
    let article = str_of(&facets["articles"][0]["id"]);
    let (_, json) = search(&site, &format!("q=talks&article={article}")).await;
    assert!(json["total"].as_u64().unwrap() > 0);
    assert!(json["results"].as_array().unwrap().iter().all(|r| r["article"]["id"] == article.as_str()));
    // A chosen filter links to the search without it.
    let chosen = json["facets"]["articles"].as_array().unwrap().iter().find(|v| v["selected"] == true).unwrap();
    assert_eq!(str_of(&chosen["url"]), "/search?q=talks");

    // Unknown filter values are refused, and so is a parameter given twice.
    for bad in ["speaker=nobody", "topic=nothing", "article=no-such-article", "q=cyber", "page=1&page=2"] {
        let reply = get(&site, &format!("/search?q=talks&{bad}")).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{bad}");
    }
}

/// `/search?{query}` as HTML and `/search.json?{query}` as JSON, both 200.
async fn search(site: &Arc<Site>, query: &str) -> (String, Value) {
    let path = format!("/search?{query}");
    let reply = get(site, &path).await;
    assert_html_basics(site, &path, &reply).await;
    let json = fetch_twin(site, &format!("/search.json?{query}"), &format!("/search?{query}")).await;
    (reply.text().to_string(), json)
}

/// With more articles than the article counts list, the articles with the
/// most matches are listed, most first; a chosen article is listed however
/// few matches it has, and its count is still right.
#[tokio::test]
async fn the_article_counts_list_the_busiest_articles_and_the_chosen_one() {
    let dir = tempfile::tempdir().unwrap();
    // Article k has k statements about harbours: 1 to 14.
    for k in 1..=14 {
        let said: String = (0..k).map(|n| format!("\u{201c}Our harbours are open, number {n} of {k},\u{201d} Biden said.\n\n")).collect();
        std::fs::write(dir.path().join(format!("port-{k:02}.txt")), format!("Port news {k}\n\n{said}")).unwrap();
    }
    let site = site_from_dir(dir.path());
    let listed = |json: &Value| -> Vec<(String, u64)> {
        json["facets"]["articles"].as_array().unwrap().iter().map(|v| (str_of(&v["id"]), v["count"].as_u64().unwrap())).collect()
    };
    let (_, json) = search(&site, "q=harbours").await;
    let expected: Vec<(String, u64)> = (5..=14).rev().map(|k| (format!("port-{k:02}"), k)).collect();
    assert_eq!(listed(&json), expected);

    let (_, json) = search(&site, "q=harbours&article=port-02").await;
    assert_eq!(json["total"], 2);
    let mut with_chosen = expected.clone();
    with_chosen.push(("port-02".to_string(), 2));
    assert_eq!(listed(&json), with_chosen);
}

#[tokio::test]
async fn search_results_page_links_to_the_twin_with_the_same_query() {
    let site = seed_site();
    // The twin of a results page is the same search as JSON, not the empty search.
    let (html, json) = check_page(&site, "/search?q=cyber", "/search.json?q=cyber").await;
    assert!(json["total"].as_u64().unwrap() > 0);
    assert_eq!(json["query"], "cyber");
    assert_eq!(ids_of(&json["results"]).len(), permalink_ids(&html).len());
}
