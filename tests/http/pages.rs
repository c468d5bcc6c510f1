//! The overview, topic, speaker, article and quote pages and their share cards.

use super::*;

#[tokio::test]
async fn home_page_and_its_twin_at_index_json() {
    let site = seed_site();
    let (doc, said) = export(&site).await;
    let (html, json) = check_page(&site, "/", "/index.json").await;
    assert_eq!(json["statement_count"].as_u64(), Some(said.len() as u64));
    assert_eq!(json["summit"]["title"], doc["summit"]["title"]);
    let articles: Vec<String> = json["articles"].as_array().unwrap().iter().map(|a| str_of(&a["article"]["id"])).collect();
    assert_eq!(articles, ids_in(&doc, "articles"));
    // The page links every topic, speaker and article.
    for t in ids_in(&doc, "topics") {
        assert!(html.contains(&format!("href=\"/topics/{t}\"")), "no link to topic {t}");
    }
    for s in ids_in(&doc, "speakers") {
        assert!(html.contains(&format!("href=\"/speakers/{s}\"")), "no link to speaker {s}");
    }
    for a in &articles {
        assert!(html.contains(&format!("href=\"/articles/{a}\"")), "no link to article {a}");
    }
    assert_eq!(link_href(&html, "canonical").as_deref(), Some("https://counterparts.example/"));
}

#[tokio::test]
async fn every_topic_page_has_one_column_per_speaker_in_source_order() {
    let site = seed_site();
    let (doc, said) = export(&site).await;
    let speakers = doc["speakers"].as_array().unwrap();
    let mut empty_columns = 0;
    for topic in ids_in(&doc, "topics") {
        let path = format!("/topics/{topic}");
        let (html, json) = check_page(&site, &path, &format!("{path}.json")).await;
        assert_eq!(json["topic"]["id"], topic.as_str());
        let columns = json["columns"].as_array().expect("columns");
        assert_eq!(columns.len(), speakers.len(), "{path}: one column per speaker");
        assert_eq!(html.matches("<section class=\"column ").count(), speakers.len(), "{path}: HTML columns");
        for (column, speaker) in columns.iter().zip(speakers) {
            let sid = str_of(&speaker["id"]);
            let name = str_of(&speaker["name"]);
            assert_eq!(column["speaker"]["id"], sid.as_str(), "{path}: columns in the summit's order");
            // Exactly the export's statements by this speaker on this topic, in source order.
            let expected: Vec<String> = said
                .iter()
                .filter(|s| s.speaker.as_deref() == Some(sid.as_str()) && s.topics.contains(&topic))
                .map(|s| s.id.clone())
                .collect();
            let shown = ids_of(&column["statements"]);
            assert_each_statement_once(&site, &shown, &expected, &format!("{path}: {sid}'s column")).await;
            for s in column["statements"].as_array().unwrap() {
                assert_eq!(s["speaker"], sid.as_str(), "{path}: a statement in the wrong column");
                assert!(ids_of(&s["topics"]).contains(&topic), "{path}: a statement not on the topic");
            }
            // The HTML column shows the same cards in the same order.
            let col_html = section(&html, &format!("aria-labelledby=\"col-{sid}\""), "</section>");
            assert_eq!(permalink_ids(col_html), shown, "{path}: the order of {sid}'s HTML cards");
            let nothing = format!("The coverage has nothing from {name}");
            if expected.is_empty() {
                empty_columns += 1;
                assert!(col_html.contains(&nothing), "{path}: the empty {sid} column does not say so");
            } else {
                assert!(!col_html.contains(&nothing), "{path}: {sid}'s column has statements yet says it has none");
            }
        }
        assert_cards_link_in_context(&html, &json["columns"], &said, &path);
    }
    assert!(empty_columns > 0, "the seed corpus has a topic one speaker never spoke on; no empty column was found");
}

/// The ids of every version of statement `id` (one statement reported by
/// several articles, or again in one), as its quote page lists them.
async fn versions_of(site: &Arc<Site>, id: &str) -> Vec<String> {
    let json = get_ok(site, &format!("/quotes/{id}.json")).await.json();
    let mut ids = ids_of(&json["versions"]);
    ids.sort();
    ids.dedup();
    ids
}

/// `shown` lists each statement of `expected` (ids in source order) once:
/// every one of them is shown, itself or as a version of one shown; no two
/// shown are versions of each other; and they come in the order of their
/// first report.
async fn assert_each_statement_once(site: &Arc<Site>, shown: &[String], expected: &[String], what: &str) {
    let mut firsts = Vec::new();
    for id in shown {
        let versions = versions_of(site, id).await;
        let first = expected.iter().position(|e| versions.contains(e));
        firsts.push(first.unwrap_or_else(|| panic!("{what}: {id} is not expected here")));
    }
    assert!(firsts.windows(2).all(|w| w[0] < w[1]), "{what}: not in source order, or shown twice: {shown:?}");
    for e in expected {
        let versions = versions_of(site, e).await;
        assert!(shown.iter().any(|s| versions.contains(s)), "{what}: {e} is missing");
    }
}

/// Each card of each column links "In context" to its article's anchor and
/// "Permalink" to its quote page.
fn assert_cards_link_in_context(html: &str, columns: &Value, said: &[Said], path: &str) {
    for column in columns.as_array().unwrap() {
        for s in column["statements"].as_array().unwrap() {
            let id = str_of(&s["id"]);
            let article = str_of(&s["article"]["id"]);
            assert!(said.iter().any(|x| x.id == id && x.article == article), "{path}: {id} is not in {article}");
            let context = format!("/articles/{article}#s-{id}");
            assert_eq!(s["context_url"], context.as_str(), "{path}: context_url of {id}");
            assert_eq!(s["url"], format!("/quotes/{id}").as_str(), "{path}: url of {id}");
            assert!(html.contains(&format!("<a href=\"{context}\">In context")), "{path}: no In context link for {id}");
            assert!(html.contains(&format!("<a href=\"/quotes/{id}\">Permalink")), "{path}: no Permalink for {id}");
        }
    }
}

#[tokio::test]
async fn every_speaker_page_shows_all_their_statements_by_topic() {
    let site = seed_site();
    let (doc, said) = export(&site).await;
    for speaker in doc["speakers"].as_array().unwrap() {
        let sid = str_of(&speaker["id"]);
        let path = format!("/speakers/{sid}");
        let (html, json) = check_page(&site, &path, &format!("{path}.json")).await;
        let theirs: Vec<&Said> = said.iter().filter(|s| s.speaker.as_deref() == Some(sid.as_str())).collect();
        assert_eq!(json["speaker"]["id"], sid.as_str());
        let mut statements = std::collections::HashSet::new();
        for s in &theirs {
            statements.insert(versions_of(&site, &s.id).await);
        }
        assert_eq!(json["count"].as_u64(), Some(statements.len() as u64), "{path}: count of statements, not reports");
        assert!(html.contains(&escape(&str_of(&speaker["name"]))), "{path}: no name");
        for group in json["groups"].as_array().unwrap() {
            let topic = str_of(&group["topic"]["id"]);
            let expected: Vec<String> = theirs.iter().filter(|s| s.topics.contains(&topic)).map(|s| s.id.clone()).collect();
            let what = format!("{path}: the {topic} group");
            assert_each_statement_once(&site, &ids_of(&group["statements"]), &expected, &what).await;
        }
        // Every statement of theirs is somewhere on the page, itself or as a version.
        let shown = permalink_ids(&html);
        for s in &theirs {
            let versions = versions_of(&site, &s.id).await;
            assert!(shown.iter().any(|id| versions.contains(id)), "{path}: {} is missing", s.id);
        }
    }
}

#[tokio::test]
async fn every_article_page_anchors_every_statement() {
    let site = seed_site();
    let (doc, said) = export(&site).await;
    for article in ids_in(&doc, "articles") {
        let path = format!("/articles/{article}");
        let (html, json) = check_page(&site, &path, &format!("{path}.json")).await;
        let expected: Vec<String> = said.iter().filter(|s| s.article == article).map(|s| s.id.clone()).collect();
        assert_eq!(json["article"]["id"], article.as_str());
        assert_eq!(ids_of(&json["statements"]), expected, "{path}: statements in source order");
        for id in &expected {
            let anchor = format!("id=\"s-{id}\"");
            assert_eq!(html.matches(&anchor).count(), 1, "{path}: the anchor {anchor} (the target of \"In context\")");
        }
    }
}

#[tokio::test]
async fn quote_pages_show_the_statement_with_previews_and_permalink() {
    let site = seed_site();
    let (_, said) = export(&site).await;
    assert!(said.len() >= 5, "the seed corpus has statements");
    let mut seen = std::collections::HashSet::new();
    // Every distinct statement id of the export (the first with each id is the one shown).
    for s in said.iter().filter(|s| seen.insert(s.id.clone())) {
        let path = format!("/quotes/{}", s.id);
        let (html, json) = check_page(&site, &path, &format!("{path}.json")).await;
        let permalink = format!("{PUBLIC_URL}{path}");
        // The twin holds the statement asked for.
        assert_eq!(json["statement"]["id"], s.id.as_str(), "{path}");
        assert_eq!(json["statement"]["text"], s.text.as_str(), "{path}");
        assert_eq!(json["statement"]["speaker"].as_str(), s.speaker.as_deref(), "{path}");
        assert_eq!(json["permalink"], permalink.as_str(), "{path}");
        // Link previews and the canonical link, from the public address.
        assert_eq!(link_href(&html, "canonical").as_deref(), Some(permalink.as_str()), "{path}: canonical");
        assert_eq!(meta_content(&html, "og:url").as_deref(), Some(permalink.as_str()), "{path}: og:url");
        // The title is the heading (speaker and topic) and the first words.
        let title = meta_content(&html, "og:title").unwrap_or_default();
        assert!(title.starts_with(json["heading"].as_str().unwrap_or("?")) && title.len() > json["heading"].as_str().unwrap_or("").len(), "{path}: og:title {title:?}");
        assert_eq!(meta_content(&html, "og:type").as_deref(), Some("article"), "{path}: og:type");
        assert_eq!(meta_content(&html, "og:site_name").as_deref(), Some("Counterparts"), "{path}: og:site_name");
        let start: String = s.text.chars().take(40).collect();
        // The share card is the preview's picture, shown large.
        let card = format!("{permalink}.png");
        assert_eq!(meta_content(&html, "og:image").as_deref(), Some(card.as_str()), "{path}: og:image");
        assert_eq!(meta_content(&html, "og:image:type").as_deref(), Some("image/png"), "{path}: og:image:type");
        assert_eq!(meta_content(&html, "og:image:width").as_deref(), Some("1200"), "{path}: og:image:width");
        assert_eq!(meta_content(&html, "og:image:height").as_deref(), Some("630"), "{path}: og:image:height");
        let alt = meta_content(&html, "og:image:alt").unwrap_or_default();
        let speaker = json["statement"]["speaker_name"].as_str().unwrap_or_default();
        // The card's words: a quote as his, reported speech said to be reported.
        let direct = json["statement"]["kind"] == "direct";
        let words_start = if direct { format!("\u{201c}{}", start.trim_end()) } else { "Reported ".to_string() };
        assert!(alt.starts_with(&format!("{speaker}: {words_start}")), "{path}: og:image:alt {alt:?}");
        assert!(alt.chars().count() <= 301, "{path}: og:image:alt is not shortened");
        assert_eq!(meta_content(&html, "twitter:card").as_deref(), Some("summary_large_image"), "{path}: twitter:card");
        assert_eq!(meta_content(&html, "twitter:image").as_deref(), Some(card.as_str()), "{path}: twitter:image");
        let description = meta_content(&html, "og:description").unwrap_or_else(|| panic!("{path}: no og:description"));
        assert!(description.starts_with(&words_start), "{path}: og:description {description:?} is not the words");
        // The copy-link field holds the absolute permalink.
        let input = tags(&html).into_iter().find(|t| t.name == "input" && t.attr("id") == Some("permalink"));
        assert_eq!(input.and_then(|t| t.attr("value").map(String::from)).as_deref(), Some(permalink.as_str()), "{path}");
        // The words appear, escaped, and the page links back into the article.
        assert!(shows_escaped(&html, &s.text), "{path}: the statement's words are not on the page");
        assert!(html.contains(&format!("href=\"/articles/{}#s-{}\"", s.article, s.id)), "{path}: no link in context");
    }
}

#[tokio::test]
async fn every_quote_has_a_share_card_of_1200_by_630() {
    let site = seed_site();
    let (_, said) = export(&site).await;
    let mut seen = std::collections::HashSet::new();
    for s in said.iter().filter(|s| seen.insert(s.id.clone())) {
        let uri = format!("/quotes/{}.png", s.id);
        let reply = get_ok(&site, &uri).await;
        assert_eq!(reply.header(header::CONTENT_TYPE), "image/png", "GET {uri}");
        assert_eq!(png_size(&reply.body, &uri), (1200, 630), "GET {uri}");
        assert_security_headers(&reply, &uri);
    }
}

#[tokio::test]
async fn share_cards_revalidate_answer_head_and_are_not_compressed_again() {
    // A site of its own: the first request for the card here is a HEAD.
    let library = Library::load(&LoadOptions::default()).expect("the built-in corpus loads");
    let site = Arc::new(Site::new(Index::build(library), PUBLIC_URL));
    let (_, said) = export(&site).await;
    let uri = format!("/quotes/{}.png", said[0].id);
    let head = send(&site, Method::HEAD, &uri, &[]).await;
    assert_eq!(head.status, StatusCode::OK, "HEAD {uri}");
    assert!(head.body.is_empty(), "HEAD {uri}: a body");
    assert_eq!(head.header(header::CONTENT_TYPE), "image/png", "HEAD {uri}");
    let reply = get_ok(&site, &uri).await;
    assert!(!reply.header(header::ETAG).is_empty(), "GET {uri}: no ETag");
    assert_eq!(head.header(header::ETAG), reply.header(header::ETAG), "HEAD {uri}: another version than GET");
    assert_eq!(head.header(header::CONTENT_LENGTH), reply.body.len().to_string(), "HEAD {uri}: Content-Length");
    assert_revalidates(&site, &uri, &reply).await;
    // PNG is compressed already: the same bytes whatever the client accepts.
    let encoded = send(&site, Method::GET, &uri, &[("accept-encoding", "br, gzip")]).await;
    assert_eq!(encoded.status, StatusCode::OK);
    assert_eq!(encoded.header(header::CONTENT_ENCODING), "", "GET {uri}: compressed again");
    assert_eq!(encoded.body, reply.body, "GET {uri}: another body");
    // Previews asking for a new card at the same moment all get the one card.
    let other = format!("/quotes/{}.png", said.iter().find(|s| s.id != said[0].id).expect("two statements").id);
    let at_once: Vec<_> = (0..6)
        .map(|_| {
            let (site, other) = (site.clone(), other.clone());
            tokio::spawn(async move { get(&site, &other).await })
        })
        .collect();
    let mut etags = std::collections::HashSet::new();
    for task in at_once {
        let r = task.await.expect("a request task");
        assert_eq!(r.status, StatusCode::OK, "GET {other} at once");
        etags.insert(r.header(header::ETAG).to_string());
    }
    assert_eq!(etags.len(), 1, "GET {other} at once: {etags:?}");
}

#[tokio::test]
async fn a_card_for_no_statement_is_the_404_page() {
    let site = seed_site();
    for uri in ["/quotes/nothing.png", "/quotes/.png", "/quotes/nothing.json.png", "/quotes/nothing.png.json"] {
        let reply = get(&site, uri).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "GET {uri}");
        assert_security_headers(&reply, uri);
        if !uri.ends_with(".json") {
            assert_eq!(reply.header(header::CONTENT_TYPE), "text/html; charset=utf-8", "GET {uri}");
            assert!(reply.text().contains("There is no statement at this address."), "GET {uri}: {}", reply.text());
        }
    }
}
