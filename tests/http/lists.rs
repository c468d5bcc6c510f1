//! Long lists a page at a time, and pages within their element budget.

use super::*;

/// A site over `n` generated articles, for paging.
fn generated_site(n: usize) -> Arc<Site> {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in counterparts::generate::generate_corpus(n, 3) {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let lib = Library::load(&LoadOptions { articles: Some(dir.path().to_path_buf()), summit: None }).unwrap();
    Arc::new(Site::new(Index::build(lib), "https://counterparts.example"))
}

#[tokio::test]
async fn long_lists_come_a_page_at_a_time() {
    let site = generated_site(120);
    let first = fetch_twin(&site, "/topics/relations.json", "/topics/relations").await;
    let pages = first["pager"]["pages"].as_u64().unwrap();
    assert!(pages >= 2, "a topic with many statements is paged: {}", first["pager"]);
    for col in first["columns"].as_array().unwrap() {
        assert!(col["statements"].as_array().unwrap().len() <= counterparts::web::paging::PAGE_SIZE);
    }
    // Page 2 holds the statements after page 1's, in the same order as the whole list.
    let second = fetch_twin(&site, "/topics/relations.json?page=2", "/topics/relations?page=2").await;
    // (The same words in two articles share an id: a statement is its id in its article.)
    let col = |v: &Value, i: usize| -> Vec<(String, String)> {
        v["columns"][i]["statements"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| (s["id"].as_str().unwrap().to_string(), s["article"]["id"].as_str().unwrap().to_string()))
            .collect()
    };
    let both: Vec<(String, String)> = col(&first, 0).into_iter().chain(col(&second, 0)).collect();
    let unique: std::collections::HashSet<&(String, String)> = both.iter().collect();
    assert_eq!(unique.len(), both.len(), "no statement on two pages");
    let (html, _) = check_page(&site, "/topics/relations?page=2", "/topics/relations.json?page=2").await;
    assert!(html.contains("rel=\"prev\"") && html.contains("Page 2 of"), "the page links back");
    // Past the last page: 404; not a number: 400.
    let past = format!("/topics/relations?page={}", pages + 1);
    assert_eq!(get(&site, &past).await.status, StatusCode::NOT_FOUND);
    assert_eq!(get(&site, "/topics/relations?page=zero").await.status, StatusCode::BAD_REQUEST);
    // Two page numbers are no page, even when one is the first.
    for two in ["page=1&page=2", "page=2&page=1", "page=2&page=2"] {
        assert_eq!(get(&site, &format!("/topics/relations?{two}")).await.status, StatusCode::BAD_REQUEST, "{two}");
    }
    // The overview lists the first articles and links to all of them.
    let (home, _) = check_page(&site, "/", "/index.json").await;
    assert!(home.contains("href=\"/articles\""), "the overview links to every article");
    let all = fetch_twin(&site, "/articles.json?page=3", "/articles?page=3").await;
    assert_eq!(all["total"], 120);
    let page_size = counterparts::web::paging::PAGE_SIZE;
    assert_eq!(all["articles"].as_array().unwrap().len(), (120 - 2 * page_size).min(page_size));
}

/// The most elements a page may have: past 1,400, a page's size slows
/// style, layout and scrolling on a phone (Lighthouse's "excessive DOM size").
const MOST_ELEMENTS: usize = 1_400;

#[tokio::test]
async fn a_full_page_stays_within_the_element_budget() {
    let site = generated_site(160);
    let page_size = counterparts::web::paging::PAGE_SIZE;
    let lists = |v: &Value| -> Vec<usize> {
        let columns = v["columns"].as_array().unwrap().iter().map(|c| c["statements"].as_array().unwrap().len());
        columns.chain([v["others"].as_array().unwrap().len()]).collect()
    };
    let mut full = 0;
    let topics: Vec<String> = site.index.summit.topics.iter().map(|t| t.id.clone()).collect();
    for topic in topics {
        let path = format!("/topics/{topic}");
        let (html, json) = check_page(&site, &path, &format!("{path}.json")).await;
        let elements = tags(&html).len();
        assert!(elements <= MOST_ELEMENTS, "{path}: {elements} elements, lists of {:?}", lists(&json));
        full += usize::from(lists(&json).iter().all(|&n| n == page_size));
    }
    assert!(full > 0, "no topic page is full in every list, so the budget was not tried at its worst");
    for path in ["/speakers/biden", "/articles", "/search?q=cyber"] {
        let html = get_ok(&site, path).await.text().to_string();
        assert!(tags(&html).len() <= MOST_ELEMENTS, "{path}: {} elements", tags(&html).len());
    }
}

#[tokio::test]
async fn a_speaker_page_shows_every_topic_and_links_to_the_rest() {
    let site = generated_site(160);
    let (_, page) = check_page(&site, "/speakers/biden", "/speakers/biden.json").await;
    let groups = page["groups"].as_array().unwrap();
    // The first page has something on every topic Biden spoke on.
    let biden = site.index.speaker("biden").unwrap();
    let topics = &site.index.summit.topics;
    let spoken: Vec<&str> =
        site.index.summit.topic_ixs().filter(|&t| site.index.said_on(biden, t).next().is_some()).map(|t| topics[t].id.as_str()).collect();
    let shown: Vec<&str> = groups.iter().map(|g| g["topic"]["id"].as_str().unwrap()).collect();
    assert_eq!(shown, spoken);
    let mut cut = 0;
    for g in groups {
        let (total, on_page) = (g["total"].as_u64().unwrap() as usize, g["statements"].as_array().unwrap().len());
        match g["all_url"].as_str() {
            // A topic cut short links to Biden's whole column on its page.
            Some(all) => {
                cut += 1;
                assert!(on_page < total, "{}", g["topic"]["id"]);
                let (path, anchor) = all.split_once('#').unwrap();
                assert_eq!(path, g["topic"]["url"].as_str().unwrap());
                let topic = get_ok(&site, path).await;
                assert!(topic.text().contains(&format!("id=\"{anchor}\"")), "{all}: no such column");
            }
            None => assert_eq!(on_page, total, "{}: all on one page", g["topic"]["id"]),
        }
    }
    assert!(cut > 0, "no topic was long enough to be cut short");
}

#[tokio::test]
async fn a_statement_reported_by_many_outlets_lists_its_versions_a_page_at_a_time() {
    // Thirty outlets carry the same words: more versions than a page holds.
    let dir = tempfile::tempdir().expect("a temporary folder");
    for n in 0..30 {
        let text = format!(
            "---\ntitle: Report {n:02}\noutlet: Outlet {n:02}\n---\n\nReport {n:02}\n\n\u{201c}We will not tolerate cyber attacks on our hospitals,\u{201d} Biden said.\n"
        );
        std::fs::write(dir.path().join(format!("report-{n:02}.txt")), text).expect("an article is written");
    }
    let site = site_from_dir(dir.path());
    let (_, said) = export(&site).await;
    assert_eq!(said.len(), 30, "one statement in each article");
    let id = &said[0].id;
    let first = fetch_twin(&site, &format!("/quotes/{id}.json"), &format!("/quotes/{id}")).await;
    assert_eq!(first["version_total"], 30);
    let size = counterparts::web::paging::PAGE_SIZE;
    assert_eq!(first["versions"].as_array().unwrap().len(), size);
    assert_eq!(first["pager"]["pages"], 2);
    let second = fetch_twin(&site, &format!("/quotes/{id}.json?page=2"), &format!("/quotes/{id}?page=2")).await;
    assert_eq!(second["versions"].as_array().unwrap().len(), 30 - size);
    // The two pages list every article's version once, in source order.
    let articles = |v: &Value| -> Vec<String> {
        v["versions"].as_array().unwrap().iter().map(|s| s["article"]["id"].as_str().unwrap().to_string()).collect()
    };
    let listed: Vec<String> = articles(&first).into_iter().chain(articles(&second)).collect();
    let reported: Vec<String> = said.iter().map(|s| s.article.clone()).collect();
    assert_eq!(listed, reported);
    // The page links to the next, and the next back; the heading counts them all.
    let html = get_text(&site, &format!("/quotes/{id}")).await;
    assert!(html.contains(&format!("href=\"/quotes/{id}?page=2\" rel=\"next\"")), "a link to the next page of versions");
    assert!(html.contains("Reported by 30 sources"));
    let (html, _) = check_page(&site, &format!("/quotes/{id}?page=2"), &format!("/quotes/{id}.json?page=2")).await;
    assert!(html.contains("rel=\"prev\"") && html.contains("Page 2 of 2"), "the page links back");
    assert_eq!(get(&site, &format!("/quotes/{id}?page=3")).await.status, StatusCode::NOT_FOUND);
    assert_eq!(get(&site, &format!("/quotes/{id}?page=zero")).await.status, StatusCode::BAD_REQUEST);
    // The share card has one page, whatever is asked for.
    assert_eq!(get(&site, &format!("/quotes/{id}.png?page=2")).await.status, StatusCode::OK);
}
