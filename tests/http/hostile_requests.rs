//! Ten thousand generated requests — random paths, percent-encodings,
//! traversal attempts, huge and odd queries, odd methods and headers — and
//! not one answered with a server error.

use axum::body::Body;
use axum::http::{Method, Request};
use counterparts::web::app;
use counterparts::{Library, LoadOptions};
use tower::ServiceExt;

use crate::app as support;

const REQUESTS: usize = 10_000;

/// Pieces requests are made of: real routes, real ids, and trouble.
const PATHS: &[&str] = &[
    "/", "/index.json", "/topics/cybersecurity", "/topics/ukraine.json", "/speakers/putin", "/speakers/biden.json",
    "/articles", "/articles.json", "/articles/000_ea3fada302fe29ec", "/search", "/search.json", "/export.json",
    "/healthz", "/robots.txt", "/sitemap.xml", "/static/style.css", "/quotes/", "/topics/", "/nope",
    "/../../etc/passwd", "/static/../Cargo.toml", "/%2e%2e/%2e%2e/etc/passwd", "/topics/%00", "/quotes/%ff%fe",
    "/topics/..%2f..%2fsecret", "//double//slash", "/topics/cybersecurity.json.json", "/a/b/c/d/e/f",
    "/topics/cybersecurity.atom", "/speakers/putin.atom", "/topics/nothing.atom", "/speakers/biden.png",
    "/topics/cybersecurity.atom.json", "/quotes/.png", "/sitemaps/1.xml", "/sitemaps/99999999999999999999999.xml",
    "/sitemaps/-1.xml", "/sitemaps/",
];
const QUERIES: &[&str] = &[
    "", "q=cyber", "q=%E2%80%9Cquoted%E2%80%9D", "q=%ZZ", "q=%", "q=%F0%9F", "q=a&q=b", "speaker=putin",
    "speaker=nobody", "topic=ukraine", "topic=%3Cscript%3E", "page=2", "page=-1", "page=99999999999999999999",
    "page=0", "q=cyber&page=2", "&&&&", "=", "q", "q=\u{0}", "q=%00%00", "q=<script>alert(1)</script>",
    "q=%22unclosed", "q=title%3Afoo", "q=-", "q=%22%22", "article=nothing", "q=a+OR+b+AND+NOT", "q=*",
    "q=cyber~2", "q=%5Ba+TO+b%5D", "q=%5C", "q=((((", "q=cyber^1e308", "q=in:[1+TO+2]&article=",
];

fn random_ascii(rng: &mut fastrand::Rng, len: usize) -> String {
    (0..len).map(|_| rng.u8(0x21..0x7f) as char).filter(|c| *c != '#').collect()
}

fn random_path(rng: &mut fastrand::Rng, ids: &[String]) -> String {
    let mut path = match rng.u8(0..10) {
        0..=4 => PATHS[rng.usize(0..PATHS.len())].to_string(),
        5 => format!("/quotes/{}", ids[rng.usize(0..ids.len())]),
        6 => {
            let suffix = [".json", ".json", ".json", ".png"][rng.usize(0..4)];
            format!("/quotes/{}{suffix}", ids[rng.usize(0..ids.len())])
        }
        7 => {
            let len = rng.usize(1..40);
            format!("/{}", random_ascii(rng, len))
        }
        8 => format!("/topics/{}", "%41".repeat(rng.usize(1..2000))),
        _ => format!("/{}", "a/".repeat(rng.usize(1..300))),
    };
    match rng.u8(0..6) {
        0 | 1 => {}
        2 | 3 => path = format!("{path}?{}", QUERIES[rng.usize(0..QUERIES.len())]),
        4 => path = format!("{path}?q={}", "x".repeat(rng.usize(1..6000))),
        _ => {
            let len = rng.usize(1..200);
            path = format!("{path}?{}", random_ascii(rng, len));
        }
    }
    path
}

fn random_request(rng: &mut fastrand::Rng, ids: &[String]) -> Option<Request<Body>> {
    let method = match rng.u8(0..20) {
        0 => Method::POST,
        1 => Method::HEAD,
        2 => Method::DELETE,
        3 => Method::OPTIONS,
        4 => Method::from_bytes(b"BREW").unwrap(),
        _ => Method::GET,
    };
    let mut b = Request::builder().method(method).uri(random_path(rng, ids));
    if rng.bool() {
        b = b.header("accept-encoding", ["gzip", "br", "gzip, br", "identity;q=0", "*", "zz"][rng.usize(0..6)]);
    }
    if rng.u8(0..10) == 0 {
        b = b.header("if-none-match", ["*", "\"abc\"", "W/\"x\", \"y\"", ""][rng.usize(0..4)]);
    }
    if rng.u8(0..20) == 0 {
        b = b.header("x-filler", "f".repeat(rng.usize(1..40_000)));
    }
    // A generated address the HTTP layer itself refuses never reaches a server.
    b.body(Body::empty()).ok()
}

#[tokio::test(flavor = "multi_thread")]
async fn ten_thousand_odd_requests_and_no_server_error() {
    let lib = Library::load(&LoadOptions::default()).unwrap();
    let ids: Vec<String> = lib.articles.iter().flat_map(|a| a.statements.iter().map(|s| s.id.clone())).collect();
    let router = app(support::site_of(lib));
    let mut rng = fastrand::Rng::with_seed(20210616);
    let mut sent = 0;
    let mut by_status = std::collections::BTreeMap::new();
    while sent < REQUESTS {
        let Some(request) = random_request(&mut rng, &ids) else { continue };
        let uri = request.uri().to_string();
        let method = request.method().clone();
        let response = router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        assert!(!status.is_server_error(), "{method} {} answered {status}", &uri[..uri.len().min(200)]);
        assert!(response.headers().contains_key("content-security-policy"), "{method} {uri}: no security headers");
        *by_status.entry(status.as_u16()).or_insert(0) += 1;
        sent += 1;
    }
    println!("{REQUESTS} requests: {by_status:?}");
    // The mix exercised the routes and the refusals alike.
    for expected in [200, 400, 404, 405, 414] {
        assert!(by_status.contains_key(&expected), "no {expected} among {by_status:?}");
    }
    assert_eq!(by_status.values().sum::<usize>(), REQUESTS);
}
