//! The export, sitemaps and assets; errors and methods; headers on every
//! response; escaping what articles say.

use super::*;

#[tokio::test]
async fn export_health_robots_and_sitemap() {
    let site = seed_site();
    let (doc, said) = export(&site).await;
    assert!(!said.is_empty());
    assert!(said.iter().all(|s| counterparts::ids::looks_like_id(&s.id)), "export ids look like ids");
    let reply = get_ok(&site, "/export.json").await;
    assert_revalidates(&site, "/export.json", &reply).await;

    let health = get_ok(&site, "/healthz").await;
    assert_eq!(health.text().trim(), "ok");
    assert!(health.header(header::CONTENT_TYPE).starts_with("text/plain"));

    let robots = get_ok(&site, "/robots.txt").await;
    assert!(robots.header(header::CONTENT_TYPE).starts_with("text/plain"));
    assert!(robots.text().contains("User-agent: *"));
    assert!(robots.text().contains("Sitemap: https://counterparts.example/sitemap.xml"));

    let sitemap = get_ok(&site, "/sitemap.xml").await;
    assert!(sitemap.header(header::CONTENT_TYPE).starts_with("application/xml"));
    let body = sitemap.text();
    assert!(body.starts_with("<?xml") && body.contains("<urlset"), "a sitemap document");
    let mut expected = vec!["/".to_string()];
    expected.extend(ids_in(&doc, "topics").iter().map(|t| format!("/topics/{t}")));
    expected.extend(ids_in(&doc, "speakers").iter().map(|s| format!("/speakers/{s}")));
    expected.extend(ids_in(&doc, "articles").iter().map(|a| format!("/articles/{a}")));
    expected.extend(said.iter().map(|s| format!("/quotes/{}", s.id)));
    for path in expected {
        assert!(body.contains(&format!("<loc>{PUBLIC_URL}{path}</loc>")), "the sitemap lacks {path}");
    }
}

/// A corpus with more pages than one sitemap file may list: `/sitemap.xml`
/// is an index of numbered files that list every page once between them.
#[tokio::test]
async fn a_sitemap_too_long_for_one_file_is_split() {
    let dir = tempfile::tempdir().unwrap();
    let (files, per_file) = (260, 200);
    for a in 0..files {
        let said: String =
            (0..per_file).map(|k| format!("\u{201c}Harbour rule {k} of book {a} stands,\u{201d} Biden said.\n\n")).collect();
        std::fs::write(dir.path().join(format!("book-{a:03}.txt")), format!("Book {a}\n\n{said}")).unwrap();
    }
    let site = site_from_dir(dir.path());
    let locs = |body: &str| -> Vec<String> {
        body.split("<loc>").skip(1).map(|rest| rest.split("</loc>").next().unwrap().to_string()).collect()
    };
    let index = get_ok(&site, "/sitemap.xml").await;
    assert!(index.text().contains("<sitemapindex"), "an index of sitemap files");
    assert_eq!(locs(index.text()), [format!("{PUBLIC_URL}/sitemaps/1.xml"), format!("{PUBLIC_URL}/sitemaps/2.xml")]);

    let mut listed = Vec::new();
    for n in [1, 2] {
        let part = get_ok(&site, &format!("/sitemaps/{n}.xml")).await;
        assert!(part.header(header::CONTENT_TYPE).starts_with("application/xml"));
        assert!(part.text().contains("<urlset"));
        let urls = locs(part.text());
        assert!(urls.len() <= 50_000, "file {n} lists {}", urls.len());
        listed.extend(urls);
    }
    assert_eq!(listed.iter().filter(|u| u.contains("/quotes/")).count(), files * per_file);
    assert!(listed.contains(&format!("{PUBLIC_URL}/articles/book-259")) && listed.contains(&format!("{PUBLIC_URL}/")));
    let distinct: std::collections::HashSet<&String> = listed.iter().collect();
    assert_eq!(distinct.len(), listed.len(), "every page once");

    for missing in ["/sitemaps/3.xml", "/sitemaps/0.xml", "/sitemaps/one.xml", "/sitemaps/1"] {
        assert_eq!(get(&site, missing).await.status, StatusCode::NOT_FOUND, "{missing}");
    }
    // A sitemap that fits one file is only at /sitemap.xml.
    assert_eq!(get(&seed_site(), "/sitemaps/1.xml").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn hashed_assets_are_immutable_and_others_are_not_found() {
    let site = seed_site();
    let home = get_ok(&site, "/").await;
    let html = home.text();
    let css = link_href(html, "stylesheet").expect("a stylesheet link");
    let icon = link_href(html, "icon").expect("an icon link");
    let js = tags(html).into_iter().find_map(|t| (t.name == "script").then(|| t.attr("src").map(String::from)).flatten()).expect("a script");
    let wanted = [(&css, "text/css"), (&js, "text/javascript"), (&icon, "image/svg+xml")];
    for (url, content_type) in wanted {
        assert!(counterparts::web::assets::all_urls().contains(url), "{url} is one of the app's assets");
        let reply = get_ok(&site, url).await;
        assert!(reply.header(header::CONTENT_TYPE).starts_with(content_type), "{url}: {}", reply.header(header::CONTENT_TYPE));
        assert!(reply.header(header::CACHE_CONTROL).contains("immutable"), "{url}: {}", reply.header(header::CACHE_CONTROL));
        assert!(!reply.body.is_empty(), "{url}: empty");
        assert_security_headers(&reply, url);
    }
    // The name carries a hash of the content: the plain name and a stale hash do not exist.
    let (stem, ext) = css.split_once('.').expect("a hashed name: stem.hash.ext");
    let stale = format!("{stem}.0000000000.{}", ext.rsplit('.').next().unwrap());
    assert_ne!(stale, css);
    for url in ["/static/style.css", "/static/app.js", "/static/icon.svg", stale.as_str(), "/static/nothing.css", "/static/"] {
        let reply = get(&site, url).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "GET {url}");
        assert_security_headers(&reply, url);
    }
}

// ---------------------------------------------------------------------------
// Errors and methods
// ---------------------------------------------------------------------------

#[tokio::test]
async fn unknown_addresses_are_404_pages_or_json() {
    let site = seed_site();
    for path in ["/topics/no-such-topic", "/speakers/nobody", "/articles/no-such-article", "/quotes/aaaaaaaaaa", "/quotes/not-an-id", "/no/such/page", "/topics"] {
        let reply = get(&site, path).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "GET {path}");
        assert_eq!(reply.header(header::CONTENT_TYPE), "text/html; charset=utf-8", "GET {path}");
        assert!(reply.text().contains("404"), "GET {path}: the page says 404");
        assert!(reply.text().contains("<title>404 Not Found · Counterparts</title>"), "GET {path}: the title says 404");
        // An error is the page at no address: no canonical link to another page.
        assert_eq!(link_href(reply.text(), "canonical"), None, "GET {path}: an error page names a canonical address");
        assert_security_headers(&reply, path);
        assert_no_inline_code(reply.text(), path);

        let json_path = format!("{path}.json");
        let reply = get(&site, &json_path).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "GET {json_path}");
        assert!(reply.header(header::CONTENT_TYPE).starts_with("application/json"), "GET {json_path}");
        assert_eq!(reply.json()["status"], 404, "GET {json_path}");
        assert_security_headers(&reply, &json_path);
    }
}

#[tokio::test]
async fn bad_searches_are_400_with_a_plain_message() {
    let site = seed_site();
    let too_long = format!("q={}", "a".repeat(201));
    let cases = [(too_long.as_str(), "too long"), ("speaker=nobody", "nobody"), ("topic=nowhere", "nowhere"), ("q=a&q=b", "malformed")];
    for (query, words) in cases {
        assert_bad_search(&site, query, words).await;
    }
}

#[tokio::test]
async fn malformed_percent_encoding_in_a_search_is_400() {
    let site = seed_site();
    // "%ZZ" is no escape at all; "%FF" and "%C3%28" decode to bytes that are not UTF-8.
    let queries = ["q=%ZZ", "q=%FF", "q=%C3%28", "q=a%2"];
    let mut accepted = Vec::new();
    for query in queries {
        for path in [format!("/search?{query}"), format!("/search.json?{query}")] {
            let reply = get(&site, &path).await;
            if reply.status != StatusCode::BAD_REQUEST {
                accepted.push(format!("{path} -> {}", reply.status));
            }
        }
    }
    assert!(accepted.is_empty(), "malformed searches answered as if well-formed:\n{}", accepted.join("\n"));
    for query in queries {
        assert_bad_search(&site, query, "malformed").await;
    }
}

/// `/search?{query}` is a 400 page and `/search.json?{query}` a 400 JSON
/// error, both with a message containing `words`.
async fn assert_bad_search(site: &Arc<Site>, query: &str, words: &str) {
    let path = format!("/search?{query}");
    let reply = get(site, &path).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "GET {path}");
    assert_eq!(reply.header(header::CONTENT_TYPE), "text/html; charset=utf-8", "GET {path}");
    assert!(reply.text().to_lowercase().contains(words), "GET {path}: the page does not say {words:?}");
    assert_security_headers(&reply, &path);

    let path = format!("/search.json?{query}");
    let reply = get(site, &path).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "GET {path}");
    assert!(reply.header(header::CONTENT_TYPE).starts_with("application/json"), "GET {path}");
    let json = reply.json();
    assert_eq!(json["status"], 400, "GET {path}");
    let message = json["message"].as_str().unwrap_or_default();
    assert!(message.to_lowercase().contains(words), "GET {path}: message {message:?}");
    assert_security_headers(&reply, &path);
}

#[tokio::test]
async fn pages_only_read_other_methods_are_405() {
    let site = seed_site();
    for path in ["/", "/topics/cybersecurity", "/quotes/aaaaaaaaaa", "/search", "/export.json", "/healthz"] {
        for method in [Method::POST, Method::PUT, Method::DELETE] {
            let reply = send(&site, method.clone(), path, &[]).await;
            assert_eq!(reply.status, StatusCode::METHOD_NOT_ALLOWED, "{method} {path}");
            assert!(reply.header(header::ALLOW).contains("GET"), "{method} {path}: Allow {:?}", reply.header(header::ALLOW));
            assert_security_headers(&reply, &format!("{method} {path}"));
        }
    }
}

#[tokio::test]
async fn head_answers_like_get_without_a_body() {
    let site = seed_site();
    for path in ["/", "/topics/cybersecurity", "/index.json"] {
        let reply = send(&site, Method::HEAD, path, &[]).await;
        assert_eq!(reply.status, StatusCode::OK, "HEAD {path}");
        assert!(reply.body.is_empty(), "HEAD {path}: a body");
        let got = get_ok(&site, path).await;
        assert_eq!(reply.header(header::CONTENT_TYPE), got.header(header::CONTENT_TYPE), "HEAD {path}");
        assert_eq!(reply.header(header::ETAG), got.header(header::ETAG), "HEAD {path}");
        assert_security_headers(&reply, &format!("HEAD {path}"));
    }
}

// ---------------------------------------------------------------------------
// Headers on everything, compression
// ---------------------------------------------------------------------------

#[tokio::test]
async fn every_kind_of_response_has_the_security_headers() {
    let site = seed_site();
    let (_, said) = export(&site).await;
    let asset = counterparts::web::assets::all_urls()[0].clone();
    let quote = format!("/quotes/{}", said[0].id);
    let article = format!("/articles/{}", said[0].article);
    let gets = [
        "/", "/index.json", "/topics/cybersecurity", "/topics/cybersecurity.json", "/speakers/putin", article.as_str(),
        quote.as_str(), "/search?q=cyber", "/search.json?q=cyber", "/search?speaker=nobody", "/search.json?q=a&q=b",
        "/export.json", "/healthz", "/robots.txt", "/sitemap.xml", asset.as_str(), "/static/style.css",
        "/topics/nowhere", "/quotes/nothing.json", "/no/such/page",
    ];
    for path in gets {
        let reply = get(&site, path).await;
        assert_security_headers(&reply, &format!("GET {path} ({})", reply.status));
    }
    let reply = send(&site, Method::POST, "/", &[]).await;
    assert_security_headers(&reply, "POST /");
    let reply = send(&site, Method::HEAD, "/", &[]).await;
    assert_security_headers(&reply, "HEAD /");
}

#[tokio::test]
async fn pages_are_compressed_when_the_client_accepts_it() {
    let site = seed_site();
    for path in ["/", "/topics/cybersecurity.json", "/export.json"] {
        let plain = get_ok(&site, path).await;
        assert_eq!(plain.header(header::CONTENT_ENCODING), "", "GET {path} without Accept-Encoding");
        for encoding in ["gzip", "br"] {
            let reply = send(&site, Method::GET, path, &[("accept-encoding", encoding)]).await;
            assert_eq!(reply.status, StatusCode::OK, "GET {path} ({encoding})");
            assert_eq!(reply.header(header::CONTENT_ENCODING), encoding, "GET {path} ({encoding})");
            assert!(reply.body.len() < plain.body.len(), "GET {path}: {encoding} is not smaller");
            assert!(reply.header(header::VARY).to_lowercase().contains("accept-encoding"), "GET {path}: Vary");
            assert_security_headers(&reply, &format!("GET {path} ({encoding})"));
        }
        let gzip = send(&site, Method::GET, path, &[("accept-encoding", "gzip")]).await;
        assert_eq!(&gzip.body[..2], &[0x1f, 0x8b], "GET {path}: a gzip stream");
    }
}

// ---------------------------------------------------------------------------
// Escaping what articles say
// ---------------------------------------------------------------------------

/// An article whose words are markup, to check that pages escape it: a
/// title with a script, and statements holding tags, an `&` and a handler.
const HOSTILE: &str = "Summit talks <script>alert(1)</script> in Geneva\n\n\
The talks lasted hours. Biden said: “<b>bold</b> & <img src=x onerror=alert(1)>” Then he left the villa.\n\n\
Putin told reporters: “We discussed <script>alert(1)</script> and cyber attacks at length.”\n";

#[tokio::test]
async fn article_markup_is_escaped_on_every_page() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(dir.path().join("hostile.txt"), HOSTILE).unwrap();
    let site = site_from_dir(dir.path());
    let (_, said) = export(&site).await;
    assert!(!said.is_empty(), "statements are found in the hostile article");
    for markup in ["<script>alert(1)</script>", "<b>bold</b> & <img src=x onerror=alert(1)>"] {
        assert!(said.iter().any(|s| s.text.contains(markup)), "no statement holds {markup:?}: {said:?}");
    }

    let mut pages = vec!["/".to_string(), "/articles/hostile".to_string(), "/search?q=alert".to_string()];
    pages.extend(said.iter().map(|s| format!("/quotes/{}", s.id)));
    pages.extend(said.iter().flat_map(|s| s.topics.iter().map(|t| format!("/topics/{t}"))));
    pages.extend(said.iter().filter_map(|s| s.speaker.as_ref().map(|sp| format!("/speakers/{sp}"))));
    let mut saw_escaped_script = false;
    for path in &pages {
        let html = get_ok(&site, path).await.text().to_string();
        for raw in ["<script>alert(1)</script>", "<b>bold</b>", "<img src=x", "onerror=alert"] {
            if raw.starts_with("onerror") {
                // Escaped, it can only stand inside text, never as an attribute.
                assert!(!tags(&html).iter().any(|t| t.attrs.iter().any(|(n, _)| n == "onerror")), "{path}: an onerror attribute");
            } else {
                assert!(!html.contains(raw), "{path}: raw {raw:?} from the article");
            }
        }
        assert_no_inline_code(&html, path);
        saw_escaped_script |= shows_escaped(&html, "<script>");
    }
    assert!(saw_escaped_script, "the <script> of the article is shown as text somewhere");
    let article = get_ok(&site, "/articles/hostile").await;
    assert!(shows_escaped(article.text(), "<script>alert(1)</script>"), "the article page shows the tag as text");
    assert!(shows_escaped(article.text(), "<img src=x onerror=alert(1)>"), "the article page shows the img as text");
    // Quote pages of statements holding markup show it as text, and their
    // cards (SVG inside) are still drawn.
    for s in said.iter().filter(|s| s.text.contains('<')) {
        let html = get_ok(&site, &format!("/quotes/{}", s.id)).await;
        assert!(shows_escaped(html.text(), &s.text), "/quotes/{}: the words, escaped", s.id);
        let card = get_ok(&site, &format!("/quotes/{}.png", s.id)).await;
        assert_eq!(png_size(&card.body, &s.id), (1200, 630));
    }
}

// ---------------------------------------------------------------------------
// The checks themselves catch what they look for
// ---------------------------------------------------------------------------

#[test]
fn the_html_checks_catch_inline_code_and_raw_markup() {
    let fails = |html: &'static str| std::panic::catch_unwind(|| assert_no_inline_code(html, "sample")).is_err();
    assert!(fails("<p>ok</p><script>alert(1)</script>"), "an inline script");
    assert!(fails("<p style=\"color:red\">x</p>"), "a style attribute");
    assert!(fails("<img src=x onerror=alert(1)>"), "an unquoted handler");
    assert!(fails("<a href=\"/\" onclick='go()'>x</a>"), "a quoted handler");
    assert!(fails("<style>p{}</style>"), "a style element");
    assert!(!fails("<script src=\"/static/app.js\" defer></script><p>&#60;script&#62;alert(1)&#60;/script&#62;</p>"));
    assert_eq!(unescape("&#60;b&#62; &amp; &#x27;x&#39; &quot;"), "<b> & 'x' \"");
    assert!(shows_escaped("a &#60;script&#62; b", "<script>") && shows_escaped("&lt;script&gt;", "<script>"));
    assert!(!shows_escaped("<script>", "<script>"));
    assert_eq!(permalink_ids("<a href=\"/quotes/abc\">Permalink</a> <a href=\"/quotes/def\">Permalink<span>"), ["abc", "def"]);
}
