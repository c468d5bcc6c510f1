//! Holding on the open internet: odd queries, the page cache's keys and budget.

use super::*;

/// Every query tantivy parses is answered 200, with a note for what was left
/// out, or refused as 400: never a 5xx.
#[tokio::test]
async fn exists_queries_and_others_tantivy_cannot_run_are_never_a_server_error() {
    let site = seed_site();
    for (q, status) in [
        ("foo:*", StatusCode::OK),
        ("words:*", StatusCode::OK),
        ("cyber+foo:*", StatusCode::OK),
        ("-(foo:*)+attack", StatusCode::OK),
        ("%22a+foo:*+b%22", StatusCode::OK),
        ("entry:*", StatusCode::OK),
        ("words:%5Ba+TO+b%5D", StatusCode::OK),
        ("entry:%5B1+TO+2%5D", StatusCode::OK),
        ("words:IN+%5Ba+b%5D", StatusCode::OK),
    ] {
        for path in ["/search", "/search.json"] {
            let reply = get(&site, &format!("{path}?q={q}")).await;
            assert!(!reply.status.is_server_error(), "{path}?q={q}: {} {}", reply.status, reply.text());
            if reply.status != status {
                assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{path}?q={q}: {}", reply.text());
            }
        }
    }
    let reply = get_ok(&site, "/search.json?q=cyber+foo:*").await;
    let problems = reply.json()["problems"].to_string();
    assert!(problems.contains("foo:*") && problems.contains("left out"), "{problems}");
    assert!(reply.json()["total"].as_u64().unwrap() > 0, "the rest of the query is searched");
    let html = get_ok(&site, "/search?q=foo:*").await;
    assert!(html.text().contains("left out"), "the page says what was left out");
}

/// Addresses the site answers alike are one entry of the page cache, and
/// parameters a page does not read never make a new one.
#[tokio::test]
async fn other_spellings_of_an_address_are_not_rendered_again() {
    let site = site_from_dir(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds")));
    let id = get_ok(&site, "/export.json").await.json()["articles"][0]["statements"][0]["id"].as_str().unwrap().to_string();
    let card = get_ok(&site, &format!("/quotes/{id}.png")).await;
    let entries = site.cache.stats().0;
    for other in [format!("/quotes/{id}%2Epng"), format!("/quotes/{id}.png?"), format!("/quotes/{id}.png?&"), format!("/quotes/{id}.png?page=1"), format!("/quotes/{id}.png?z=1")] {
        let reply = get_ok(&site, &other).await;
        assert_eq!(reply.body, card.body, "{other}");
    }
    for n in 0..50 {
        get_ok(&site, &format!("/?z={n}")).await;
        get_ok(&site, &format!("/robots.txt?q={n}")).await;
        get_ok(&site, &format!("/topics/cybersecurity?page=1&utm={n}")).await;
    }
    assert_eq!(site.cache.stats().0, entries + 3, "one entry each for the card, /, /robots.txt and the topic page");
    // A search keeps what it reads, in one spelling.
    let a = get_ok(&site, "/search?q=cyber+attack&speaker=putin").await;
    let b = get_ok(&site, "/search?speaker=putin&q=+cyber%20attack+&topic=&x=1").await;
    assert_eq!(a.body, b.body);
    assert_eq!(site.cache.stats().0, entries + 4);
}

#[tokio::test]
async fn a_weak_etag_is_answered_with_304() {
    let site = seed_site();
    let first = get_ok(&site, "/topics/cybersecurity").await;
    let etag = first.header(header::ETAG).to_string();
    for sent in [etag.clone(), format!("W/{etag}"), format!("\"other\", W/{etag}")] {
        let reply = send(&site, Method::GET, "/topics/cybersecurity", &[("if-none-match", &sent)]).await;
        assert_eq!(reply.status, StatusCode::NOT_MODIFIED, "If-None-Match: {sent}");
    }
    let reply = send(&site, Method::GET, "/topics/cybersecurity", &[("accept-encoding", "br;q=0.000, gzip;q=0.000")]).await;
    assert_eq!(reply.header(header::CONTENT_ENCODING), "", "q=0.000 refuses an encoding");
}

/// A flood of addresses never asked for before: the cache keeps within its
/// budget, every byte of each entry counted.
#[tokio::test(flavor = "multi_thread")]
async fn a_flood_of_unique_addresses_keeps_the_cache_within_its_budget() {
    let library = Library::load(&LoadOptions::default()).unwrap();
    let budget = 1024 * 1024;
    let site = Arc::new(Site::with_cache_budget(Index::build(library), PUBLIC_URL, budget));
    let words = ["cyber", "attack", "arctic", "prisoners", "navalny", "ukraine", "talks", "nuclear"];
    for n in 0..3000 {
        let q = format!("{}+{}+{}", words[n % 8], words[(n / 8) % 8], "x".repeat(n % 100));
        let reply = get(&site, &format!("/search?q={q}&page={}", 1 + n % 2)).await;
        assert!(!reply.status.is_server_error());
        let (entries, bytes) = site.cache.stats();
        assert!(bytes <= budget, "{bytes} bytes counted in {entries} entries, over the budget of {budget}");
    }
    assert!(site.cache.stats().0 > 10, "the cache still keeps pages: {:?}", site.cache.stats());
}
