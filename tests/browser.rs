//! A new reader's path through the site, in headless Chromium driven over
//! WebDriver: from the overview to what Putin said about cybersecurity next
//! to what Biden said, to one quote's permalink, to copying its link — on a
//! desktop window and at 390 px wide, as on a phone.
//!
//! Needs Debian's `chromium` and `chromium-driver` (`.ci/run` installs them).
//! Without chromedriver the test says it is skipped and why; on CI
//! (`CI=true`) a missing driver is a failure.

use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use counterparts::index::Index;
use counterparts::web::{app, Site};
use counterparts::{Library, LoadOptions};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CHROMIUM: &str = "/usr/bin/chromium";

/// chromedriver, killed when the test ends however it ends.
struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The browser is available, or the test is skipped (but fails on CI).
fn browser_available() -> bool {
    let missing: Vec<&str> = [CHROMEDRIVER, CHROMIUM].into_iter().filter(|p| !std::path::Path::new(p).exists()).collect();
    if missing.is_empty() {
        return true;
    }
    let why = format!("{} not installed (apt-get install chromium chromium-driver)", missing.join(" and "));
    assert!(std::env::var("CI").as_deref() != Ok("true"), "browser test cannot run on CI: {why}");
    println!("skipped: browser test, because {why}");
    false
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

async fn start_driver() -> (Driver, String) {
    let port = free_port();
    let child = Command::new(CHROMEDRIVER)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let url = format!("http://127.0.0.1:{port}");
    let deadline = Instant::now() + Duration::from_secs(20);
    while tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_err() {
        assert!(Instant::now() < deadline, "chromedriver did not start listening");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    (Driver(child), url)
}

async fn start_site() -> String {
    start_site_with(LoadOptions::default()).await
}

async fn start_site_with(load: LoadOptions) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr: SocketAddr = listener.local_addr().unwrap();
    let base = format!("http://{addr}");
    let index = Index::build(Library::load(&load).unwrap());
    let site = Arc::new(Site::new(index, &base));
    tokio::spawn(async move { axum::serve(listener, app(site)).await.unwrap() });
    base
}

/// A session, retried briefly: chromedriver may accept connections a moment
/// before it accepts sessions.
async fn browser(driver: &str) -> Client {
    let mut tries = 0;
    loop {
        match try_browser(driver).await {
            Ok(c) => return c,
            Err(_) if tries < 20 => {
                tries += 1;
                tokio::time::sleep(Duration::from_millis(250)).await;
            }
            Err(e) => panic!("no browser session: {e}"),
        }
    }
}

async fn try_browser(driver: &str) -> Result<Client, fantoccini::error::NewSessionError> {
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        json!({
            "binary": CHROMIUM,
            "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                     "--no-first-run", "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--window-size=1280,900"]
        }),
    );
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(driver)
        .await
}

/// The visible text of the element matched by `css`.
async fn text(c: &Client, css: &str) -> String {
    c.find(Locator::Css(css)).await.unwrap_or_else(|e| panic!("no {css}: {e}")).text().await.unwrap()
}

/// One browser session for both paths: chromedriver and Chromium are slow
/// to start, and one at a time is kind to a small machine.
#[tokio::test(flavor = "multi_thread")]
async fn a_reader_finds_both_sides_and_shares_a_quote_on_desktop_and_phone() {
    if !browser_available() {
        return;
    }
    let (_driver, driver_url) = start_driver().await;
    let base = start_site().await;
    let c = browser(&driver_url).await;
    let desktop = reader_path(&c, &base).await;
    let phone = phone_layout(&c, &base).await;
    let injection = script_in_an_article_never_runs(&c).await;
    c.close().await.ok();
    desktop.expect("the reader's path on a desktop");
    phone.expect("the topic page on a 390 px phone");
    injection.expect("an article's markup is shown, never run");
}

/// An article carrying script and event handlers, in its text and in a
/// quotation: every page that shows it shows the markup as text.
async fn script_in_an_article_never_runs(c: &Client) -> Outcome {
    let dir = tempfile::tempdir().unwrap();
    let hostile = "Hostile markup\n<script>window.pwned = 1</script>\n\
        Putin said: “<img src=x onerror=window.pwned=2> cyber attacks <script>window.pwned = 3</script> are not ours.”\n";
    std::fs::write(dir.path().join("hostile.txt"), hostile).unwrap();
    let base = start_site_with(LoadOptions { articles: Some(dir.path().to_path_buf()), summit: None }).await;
    c.set_window_size(1280, 900).await.map_err(|e| e.to_string())?;
    let quote = {
        c.goto(&format!("{base}/topics/cybersecurity")).await.map_err(|e| e.to_string())?;
        let link = c.find(Locator::Css(".card a[href^='/quotes/']")).await.map_err(|e| e.to_string())?;
        link.attr("href").await.unwrap().unwrap_or_default()
    };
    for path in ["/articles/hostile", quote.as_str(), "/topics/cybersecurity", "/search?q=script"] {
        c.goto(&format!("{base}{path}")).await.map_err(|e| e.to_string())?;
        let pwned = c.execute("return typeof window.pwned === 'undefined' ? 0 : window.pwned", vec![]).await.unwrap();
        check(pwned == json!(0), format!("{path}: the article's script ran ({pwned})"))?;
        let shown = text(c, "main").await;
        check(shown.contains("<script>"), format!("{path}: the markup is shown as text"))?;
    }
    Ok(())
}

type Outcome = Result<(), String>;

fn check(ok: bool, what: impl Into<String>) -> Outcome {
    if ok { Ok(()) } else { Err(what.into()) }
}

async fn reader_path(c: &Client, base: &str) -> Outcome {
    // The overview lists the topics; the reader follows "Cybersecurity".
    c.goto(&format!("{base}/")).await.map_err(|e| e.to_string())?;
    let h1 = text(c, "h1").await;
    check(h1.contains("Biden–Putin summit"), format!("overview heading: {h1}"))?;
    c.find(Locator::LinkText("Cybersecurity")).await.map_err(|e| e.to_string())?.click().await.map_err(|e| e.to_string())?;
    check(c.current_url().await.unwrap().path() == "/topics/cybersecurity", "the topic link leads to the topic page")?;

    // Both speakers side by side, each with statements.
    let columns = c.find_all(Locator::Css(".columns > section")).await.unwrap();
    check(columns.len() == 2, format!("two columns, found {}", columns.len()))?;
    let heads = [columns[0].find(Locator::Css("h2")).await.unwrap().text().await.unwrap(),
                 columns[1].find(Locator::Css("h2")).await.unwrap().text().await.unwrap()];
    check(heads[0].contains("Joe Biden") && heads[1].contains("Vladimir Putin"), format!("column heads: {heads:?}"))?;
    let (bx, by, bw, _) = columns[0].rectangle().await.unwrap();
    let (px, py, _, _) = columns[1].rectangle().await.unwrap();
    check(px >= bx + bw - 1.0 && (py - by).abs() < 5.0, "on a desktop the columns stand side by side")?;
    let putin_cards = columns[1].find_all(Locator::Css(".card")).await.unwrap();
    check(!putin_cards.is_empty(), "Putin's column has statements")?;
    let first = putin_cards[0].find(Locator::Css("blockquote, .words")).await.unwrap().text().await.unwrap();
    check(first.to_lowercase().contains("cyber") || !first.is_empty(), "a statement's words are shown")?;

    // The reader opens the first of Putin's statements on its own page.
    putin_cards[0].find(Locator::Css("a[href^='/quotes/']")).await.unwrap().click().await.map_err(|e| e.to_string())?;
    let url = c.current_url().await.unwrap();
    check(url.path().starts_with("/quotes/"), format!("the permalink opens a quote page, not {url}"))?;
    let heading = text(c, "h1").await;
    check(heading.starts_with("Vladimir Putin"), format!("the quote page says who spoke: {heading}"))?;

    // The link to copy is visible, and the script's button copies it.
    let input = c.find(Locator::Css("#permalink")).await.unwrap();
    let value = input.prop("value").await.unwrap().unwrap_or_default();
    check(value == format!("{base}{}", url.path()), format!("the link to share is the permalink: {value}"))?;
    let button = c.find(Locator::Css("button[data-copy]")).await.unwrap();
    check(button.is_displayed().await.unwrap(), "the copy button is shown when the script runs")?;
    button.click().await.unwrap();
    let status = text(c, "#copy-status").await;
    let label = button.text().await.unwrap();
    check(label == "Copied" || status.contains("copied"), format!("copying says so: button {label:?}, status {status:?}"))?;

    // "In context" goes to the statement's anchor in its article.
    c.find(Locator::LinkText("Read it in context")).await.unwrap().click().await.map_err(|e| e.to_string())?;
    let url = c.current_url().await.unwrap();
    let anchor = url.fragment().unwrap_or_default().to_string();
    check(url.path().starts_with("/articles/") && anchor.starts_with("s-"), format!("in context: {url}"))?;
    let marked = c.find(Locator::Id(&anchor)).await.map_err(|e| format!("the anchor {anchor} exists: {e}"))?;
    check(marked.is_displayed().await.unwrap(), "the marked statement is shown")
}

async fn phone_layout(c: &Client, base: &str) -> Outcome {
    c.set_window_size(390, 844).await.map_err(|e| e.to_string())?;
    c.goto(&format!("{base}/topics/cybersecurity")).await.map_err(|e| e.to_string())?;
    let width: f64 = c.execute("return document.documentElement.clientWidth", vec![]).await.unwrap().as_f64().unwrap();
    let scroll: f64 = c.execute("return document.documentElement.scrollWidth", vec![]).await.unwrap().as_f64().unwrap();
    check(scroll <= width + 1.0, format!("nothing overflows sideways: {scroll} > {width}"))?;
    let columns = c.find_all(Locator::Css(".columns > section")).await.unwrap();
    let (bx, by, _, bh) = columns[0].rectangle().await.unwrap();
    let (px, py, _, _) = columns[1].rectangle().await.unwrap();
    check((px - bx).abs() < 2.0 && py >= by + bh - 1.0, "on a phone the columns stack")?;
    for card in c.find_all(Locator::Css(".card")).await.unwrap() {
        let who = card.find(Locator::Css(".who")).await.unwrap().text().await.unwrap();
        check(who == "Joe Biden" || who == "Vladimir Putin", format!("every statement says who spoke: {who:?}"))?;
    }
    Ok(())
}
