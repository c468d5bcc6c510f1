//! A new reader's path through the site, in headless Chromium driven over
//! WebDriver: from the overview to what Putin said about cybersecurity next
//! to what Biden said, to one quote's permalink, to copying its link — on a
//! desktop window and at 390 px wide, as on a phone. Then searching from the
//! header (marked words, a filter, a phrase, nothing found), and a statement
//! reported by three outlets: one card, every version on its quote page, the
//! snippet to embed, the share card, and the feeds of a topic and a speaker.
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

/// chromedriver, killed when the test ends however it ends — with the
/// Chromium it started, which is in its process group: killing chromedriver
/// alone would leave the browser running after a failed check.
struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        #[cfg(unix)]
        if let Ok(group) = i32::try_from(self.0.id()) {
            // SAFETY: kill(2) with a negative pid signals the process group
            // chromedriver leads; it touches no memory of ours.
            unsafe { libc::kill(-group, libc::SIGKILL) };
        }
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
    let mut command = Command::new(CHROMEDRIVER);
    command.arg(format!("--port={port}")).stdout(Stdio::null()).stderr(Stdio::null());
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let child = command.spawn().expect("chromedriver starts");
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
    let searching = searching_from_the_header(&c, &base, 1280).await;
    let searching_on_phone = searching_from_the_header(&c, &base, 390).await;
    let search_layout = search_results_fit_a_phone(&c, &base).await;
    let sources = one_statement_in_several_outlets(&c).await;
    let injection = script_in_an_article_never_runs(&c).await;
    let reported = reported_speech_is_set_apart(&c, &base, 1280).await;
    let reported_on_phone = reported_speech_is_set_apart(&c, &base, 390).await;
    let jumps = jump_links_between_columns(&c, &base).await;
    let checked_base = start_site_with(LoadOptions { articles: Some(checked_folder()), summit: None }).await;
    let checked = transcript_match_is_shown(&c, &checked_base, 1280).await;
    let checked_on_phone = transcript_match_is_shown(&c, &checked_base, 390).await;
    c.close().await.ok();
    desktop.expect("the reader's path on a desktop");
    phone.expect("the topic page on a 390 px phone");
    searching.expect("searching from the header on a desktop");
    searching_on_phone.expect("searching from the header on a 390 px phone");
    search_layout.expect("search results with filters on a 390 px phone");
    sources.expect("one statement reported by several outlets: versions, embed, feeds, share card");
    injection.expect("an article's markup is shown, never run");
    reported.expect("a reported statement: its card, quote page, share card, embed and citation on a desktop");
    reported_on_phone.expect("a reported statement on a 390 px phone");
    jumps.expect("the jump links between the leaders' columns on a 390 px phone");
    checked.expect("a quotation checked against the transcript, on a desktop");
    checked_on_phone.expect("a quotation checked against the transcript, on a 390 px phone");
}

/// An invented transcript and a wire report quoting it (see tests/http/transcript.rs).
fn checked_folder() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/checked")
}

/// The id of the wire report's quotation with words changed.
fn close_to_the_transcript() -> String {
    let index = Index::build(Library::load(&LoadOptions { articles: Some(checked_folder()), summit: None }).unwrap());
    let i = index.entry_ixs()
        .find(|&i| index.words(i).contains("it's about self-interest"))
        .expect("the wire report's quotation with words changed");
    index.statement(i).id.clone()
}

/// Cards say what the transcript check found; a quotation with words
/// changed has a quote page that shows which words differ, struck out and
/// underlined, within the width, with a link to the transcript's words.
async fn transcript_match_is_shown(c: &Client, base: &str, width: u32) -> Outcome {
    c.set_window_size(width, 900).await.map_err(|e| e.to_string())?;
    c.goto(&format!("{base}/speakers/biden")).await.map_err(|e| e.to_string())?;
    let marks = texts(c, ".card .check").await;
    check(marks.iter().any(|m| m == "not found in the loaded transcript"), format!("a card says its words are not in the transcript: {marks:?}"))?;
    fits_the_width(c, "the speaker page with checked cards").await?;
    c.goto(&format!("{base}/quotes/{}", close_to_the_transcript())).await.map_err(|e| e.to_string())?;
    let heading = text(c, "#transcript").await;
    check(heading == "Checked against the transcript", format!("the quote page has the check: {heading:?}"))?;
    let struck = texts(c, ".diff del").await;
    let added = texts(c, ".diff ins").await;
    check(struck.iter().any(|w| w.ends_with("it's")), format!("the quoted word not in the transcript is struck out: {struck:?}"))?;
    check(added.iter().any(|w| w.ends_with("the")), format!("the transcript's word left out is shown: {added:?}"))?;
    let style: String = c
        .execute("return getComputedStyle(document.querySelector('.diff del')).textDecorationLine", vec![])
        .await
        .map_err(|e| e.to_string())?
        .as_str()
        .unwrap_or_default()
        .to_string();
    check(style.contains("line-through"), format!("struck out where it shows: {style}"))?;
    fits_the_width(c, "the quote page with its transcript check").await?;
    let link = c.find(Locator::Css(".transcript-check a[href^='/quotes/']")).await.map_err(|e| e.to_string())?;
    let href = link.attr("href").await.map_err(|e| e.to_string())?.ok_or("a link without an address")?;
    link.click().await.map_err(|e| e.to_string())?;
    wait_for_path(c, &href).await?;
    let words = text(c, "figure.quote").await;
    check(words.contains("It is about self-interest"), format!("the link leads to the transcript's words: {words}"))
}

/// The seeds' statement "The conversations were \"productive,\" according to
/// Putin": reported speech with a quoted word, from Al Mayadeen English.
fn reported_statement() -> (String, String) {
    let index = Index::build(Library::load(&LoadOptions::default()).unwrap());
    let i = index.entry_ixs()
        .find(|&i| index.words(i).contains("\"productive,\"") && index.statement(i).speaker.is_some())
        .expect("the seeds' \"productive,\" statement");
    let topic = index.statement(i).topic_ids(&index.summit).first().map_or_else(String::new, |t| t.to_string());
    (index.statement(i).id.clone(), topic)
}

/// A reported statement says it is reported, with the speaker's own words
/// set apart, on its card, its quote page, its share card and its embed;
/// and its citation is copied.
async fn reported_speech_is_set_apart(c: &Client, base: &str, width: u32) -> Outcome {
    let (id, topic) = reported_statement();
    c.set_window_size(width, 900).await.map_err(|e| e.to_string())?;
    c.goto(&format!("{base}/quotes/{id}")).await.map_err(|e| e.to_string())?;
    let label = text(c, "figure.quote .reported-label").await;
    check(label == "Reported by Al Mayadeen English \u{2014} not his exact words", format!("the quote page's label: {label:?}"))?;
    check(c.find_all(Locator::Css("figure.quote blockquote")).await.unwrap().is_empty(), "reported speech is no blockquote of his")?;
    let theirs = c.find(Locator::Css("figure.quote strong.theirs")).await.map_err(|e| format!("his words set apart: {e}"))?;
    check(theirs.text().await.unwrap() == "productive,", "his quoted word, with its comma")?;
    let weight = c
        .execute("return getComputedStyle(document.querySelector('figure.quote strong.theirs')).fontWeight", vec![])
        .await
        .unwrap();
    check(weight.as_str().and_then(|w| w.parse::<u32>().ok()).unwrap_or(0) >= 700, format!("in bold: {weight}"))?;
    let words = text(c, "figure.quote .words").await;
    check(words.contains("\u{201c}productive,\u{201d} according to Putin"), format!("the words as reported: {words:?}"))?;
    fits_the_width(c, "a reported statement's quote page").await?;

    // The share card is shown whole and can be downloaded.
    let loaded = c
        .execute(
            "var img = document.querySelector('.share-card img'); img.loading = 'eager'; img.scrollIntoView();\
             return new Promise(function (done) { if (img.complete) { done(img.naturalWidth); } \
             else { img.onload = function () { done(img.naturalWidth); }; img.onerror = function () { done(0); }; } })",
            vec![],
        )
        .await
        .unwrap();
    check(loaded == json!(1200), format!("the share card loads, 1200 px wide: {loaded}"))?;
    let download = c.find(Locator::Css(".share-card a[download]")).await.map_err(|e| format!("a download link: {e}"))?;
    check(download.attr("href").await.unwrap().as_deref() == Some(&format!("/quotes/{id}.png")), "the download is the card")?;

    // The embed labels it and quotes only his word, in <q>.
    let snippet = c.find(Locator::Id("embed-code")).await.unwrap().prop("value").await.unwrap().unwrap_or_default();
    check(
        snippet.contains("<q>productive,</q>") && snippet.contains("not his exact words") && !snippet.contains("<blockquote"),
        format!("the embed: {snippet}"),
    )?;

    // The citation is copied by its button.
    let button = c.find(Locator::Css("button[data-copy='cite-text']")).await.map_err(|e| format!("a copy button: {e}"))?;
    check(button.is_displayed().await.unwrap(), "the citation's copy button is shown")?;
    button.click().await.map_err(|e| e.to_string())?;
    let status = text(c, "#cite-status").await;
    let said = button.text().await.unwrap();
    check(said == "Copied" || status == "Copied", format!("copying the citation says so: {said:?}, {status:?}"))?;
    let citation = c.find(Locator::Id("cite-text")).await.unwrap().prop("value").await.unwrap().unwrap_or_default();
    check(citation.contains("Al Mayadeen English, 16 June 2021") && citation.contains(&format!("/quotes/{id}")), format!("the citation: {citation}"))?;

    // Its card on the topic page says so too.
    c.goto(&format!("{base}/topics/{topic}")).await.map_err(|e| e.to_string())?;
    let words = c.find(Locator::Css(&format!("[data-statement='{id}']"))).await.map_err(|e| format!("its card on /topics/{topic}: {e}"))?;
    let card = words.find(Locator::XPath("./ancestor::li[contains(@class, 'card')]")).await.unwrap();
    let card_label = card.find(Locator::Css(".reported-label")).await.map_err(|e| format!("the card's label: {e}"))?.text().await.unwrap();
    check(card_label.contains("not his exact words"), format!("the card's label: {card_label:?}"))?;
    let card_theirs = card.find(Locator::Css("strong.theirs")).await.map_err(|e| format!("the card sets his word apart: {e}"))?;
    check(card_theirs.text().await.unwrap() == "productive,", "the card keeps the comma")?;
    let source = card.find(Locator::Css(".source")).await.unwrap().text().await.unwrap();
    check(source == "Al Mayadeen English, 16 June 2021", format!("the card names its source: {source:?}"))
}

/// At 390 px the columns stack: links at the top and under each column
/// jump to the other leader's column.
async fn jump_links_between_columns(c: &Client, base: &str) -> Outcome {
    c.set_window_size(1280, 900).await.map_err(|e| e.to_string())?;
    c.goto(&format!("{base}/topics/cybersecurity")).await.map_err(|e| e.to_string())?;
    let nav = c.find(Locator::Css("nav.jump")).await.map_err(|e| format!("the jump links: {e}"))?;
    check(!nav.is_displayed().await.unwrap(), "on a desktop, where the columns stand side by side, no jump links")?;
    c.set_window_size(390, 844).await.map_err(|e| e.to_string())?;
    c.goto(&format!("{base}/topics/cybersecurity")).await.map_err(|e| e.to_string())?;
    let in_view = |id: &'static str| async move {
        let top = c.execute(&format!("return document.getElementById('{id}').getBoundingClientRect().top"), vec![]).await.unwrap();
        let height = c.execute("return window.innerHeight", vec![]).await.unwrap();
        let (top, height) = (top.as_f64().unwrap_or(-1.0), height.as_f64().unwrap_or(0.0));
        (top >= 0.0 && top < height / 2.0, format!("#{id} at {top} of {height}"))
    };
    c.find(Locator::Css("nav.jump a[href='#col-putin']")).await.map_err(|e| e.to_string())?.click().await.map_err(|e| e.to_string())?;
    check(c.current_url().await.unwrap().fragment() == Some("col-putin"), "the jump goes to Putin's column")?;
    let (ok, where_) = in_view("col-putin").await;
    check(ok, format!("Putin's column is in view: {where_}"))?;
    let back = c.find(Locator::Css("#col-putin ~ p.jump a[href='#col-biden'], section:has(#col-putin) p.jump a[href='#col-biden']")).await;
    back.map_err(|e| format!("a link back to Biden's column: {e}"))?.click().await.map_err(|e| e.to_string())?;
    check(c.current_url().await.unwrap().fragment() == Some("col-biden"), "the link goes to Biden's column")?;
    let (ok, where_) = in_view("col-biden").await;
    check(ok, format!("Biden's column is in view: {where_}"))
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
    // The leaders' columns hold their own statements; others quoted on the
    // topic are listed apart, each under its own speaker's name.
    for card in c.find_all(Locator::Css(".columns .card")).await.unwrap() {
        let who = card.find(Locator::Css(".who")).await.unwrap().text().await.unwrap();
        check(who == "Joe Biden" || who == "Vladimir Putin", format!("every statement in a leader's column is the leader's: {who:?}"))?;
    }
    for card in c.find_all(Locator::Css("#others ~ .cards .card")).await.unwrap() {
        let who = card.find(Locator::Css(".who")).await.unwrap().text().await.unwrap();
        check(!who.trim().is_empty() && who != "Joe Biden" && who != "Vladimir Putin", format!("others are named as themselves: {who:?}"))?;
    }
    Ok(())
}

/// Waits (up to ten seconds) until the browser is at `path` and the page has
/// loaded: a click that navigates may return before the new page is there.
async fn wait_for_path(c: &Client, path: &str) -> Outcome {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let url = c.current_url().await.map_err(|e| e.to_string())?;
        // A script may fail while one page gives way to the next: not ready yet.
        let ready = c.execute("return document.readyState", vec![]).await.unwrap_or_default();
        if url.path() == path && ready == json!("complete") {
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err(format!("still at {url} ({ready}), not {path}"));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Types `words` into the search box in the page header and submits it.
async fn search_from_header(c: &Client, words: &str) -> Outcome {
    let field = c.find(Locator::Css("header.site input[name=q]")).await.map_err(|e| format!("the header search box: {e}"))?;
    check(field.is_displayed().await.unwrap(), "the header search box is shown")?;
    field.clear().await.map_err(|e| e.to_string())?;
    field.send_keys(words).await.map_err(|e| e.to_string())?;
    let old = c.execute("return window.performance.timeOrigin", vec![]).await.unwrap();
    c.find(Locator::Css("header.site form button[type=submit]")).await.unwrap().click().await.map_err(|e| e.to_string())?;
    // A new document, not the one the words were typed into.
    let deadline = Instant::now() + Duration::from_secs(10);
    while c.execute("return window.performance.timeOrigin", vec![]).await.unwrap_or_else(|_| old.clone()) == old {
        check(Instant::now() < deadline, format!("submitting {words:?} loads no new page"))?;
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    wait_for_path(c, "/search").await?;
    let url = c.current_url().await.unwrap();
    let q = url.query_pairs().find(|(k, _)| k == "q").map(|(_, v)| v.into_owned());
    check(q.as_deref() == Some(words), format!("the search address carries the words: {url}"))
}

/// "12 statements found" → 12.
async fn results_total(c: &Client) -> Result<usize, String> {
    let heading = text(c, "#results").await;
    heading.split_whitespace().next().and_then(|n| n.parse().ok()).ok_or_else(|| format!("no count in {heading:?}"))
}

/// The lower-case texts of `css` on the page.
async fn texts(c: &Client, css: &str) -> Vec<String> {
    let mut out = Vec::new();
    for e in c.find_all(Locator::Css(css)).await.unwrap() {
        out.push(e.text().await.unwrap().to_lowercase());
    }
    out
}

/// Nothing on the page is wider than the window.
async fn fits_the_width(c: &Client, what: &str) -> Outcome {
    let sizes = c.execute("return [document.documentElement.scrollWidth, window.innerWidth]", vec![]).await.unwrap();
    let (scroll, inner) = (sizes[0].as_f64().unwrap(), sizes[1].as_f64().unwrap());
    check(scroll <= inner, format!("{what}: the page is {scroll} px wide in a {inner} px window"))
}

/// The header's search box: words marked in the results, a filter by
/// speaker that narrows them and shows as chosen, a phrase, and searches
/// that find nothing or are empty.
async fn searching_from_the_header(c: &Client, base: &str, width: u32) -> Outcome {
    c.set_window_size(width, 900).await.map_err(|e| e.to_string())?;
    c.goto(&format!("{base}/")).await.map_err(|e| e.to_string())?;
    search_from_header(c, "united states").await?;
    let all = results_total(c).await?;
    check(all > 1, format!("\"united states\" finds statements: {all}"))?;
    let form_words = c.find(Locator::Id("q")).await.unwrap().prop("value").await.unwrap().unwrap_or_default();
    check(form_words == "united states", format!("the search form keeps the words: {form_words:?}"))?;
    let marks = texts(c, "ol.cards .words mark").await;
    check(!marks.is_empty(), "the matched words are marked")?;
    check(
        marks.iter().all(|m| m.split_whitespace().all(|w| w.starts_with("unit") || w.starts_with("state"))),
        format!("only the searched words are marked: {marks:?}"),
    )?;
    let cards = c.find_all(Locator::Css("ol.cards > li.card")).await.unwrap();
    for card in &cards {
        let marked = card.find_all(Locator::Css("mark")).await.unwrap();
        check(!marked.is_empty(), "every result shows why it was found")?;
    }

    // The reader narrows the results to one speaker.
    let facets = c.find_all(Locator::Css("nav.facets ul")).await.unwrap();
    check(!facets.is_empty(), "the results can be narrowed")?;
    let speakers = facets[0].find_all(Locator::Css("li")).await.unwrap();
    check(speakers.len() >= 2, format!("both speakers are offered as filters: {}", speakers.len()))?;
    let choice = speakers.last().unwrap();
    let link = choice.find(Locator::Css("a")).await.unwrap();
    let name = link.text().await.unwrap();
    let count: usize = choice.find(Locator::Css(".count")).await.unwrap().text().await.unwrap().parse().map_err(|e| format!("a count: {e}"))?;
    check(count > 0 && count < all, format!("{name}: {count} of {all}"))?;
    link.click().await.map_err(|e| e.to_string())?;
    // Same path, new query: wait for the filter to be in the address.
    let deadline = Instant::now() + Duration::from_secs(10);
    let narrowed = loop {
        let url = c.current_url().await.unwrap();
        if url.query_pairs().any(|(k, _)| k == "speaker") {
            wait_for_path(c, "/search").await?;
            break url;
        }
        check(Instant::now() < deadline, format!("choosing {name} leads nowhere: {url}"))?;
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    let q = narrowed.query_pairs().find(|(k, _)| k == "q").map(|(_, v)| v.into_owned());
    check(q.as_deref() == Some("united states"), format!("the filter keeps the words: {narrowed}"))?;
    let total = results_total(c).await?;
    check(total == count, format!("{name}: {total} results, the filter said {count}"))?;
    let who = texts(c, "ol.cards .who").await;
    check(!who.is_empty() && who.iter().all(|w| *w == name.to_lowercase()), format!("only {name}: {who:?}"))?;
    let current = c.find(Locator::Css("nav.facets a[aria-current]")).await.map_err(|e| format!("a chosen filter: {e}"))?;
    check(current.text().await.unwrap() == name, "the chosen filter is marked as current")?;
    let weight = c.execute("return getComputedStyle(document.querySelector('nav.facets a[aria-current]')).fontWeight", vec![]).await.unwrap();
    check(weight == json!("700"), format!("and shows as chosen: font-weight {weight}"))?;
    let select = c.find(Locator::Id("speaker")).await.unwrap().prop("value").await.unwrap().unwrap_or_default();
    check(narrowed.query_pairs().any(|(k, v)| k == "speaker" && v == select), format!("the form's speaker is the filter: {select:?}"))?;
    // Choosing it again undoes it.
    current.click().await.map_err(|e| e.to_string())?;
    let deadline = Instant::now() + Duration::from_secs(10);
    while c.current_url().await.unwrap().query_pairs().any(|(k, _)| k == "speaker") {
        check(Instant::now() < deadline, "choosing the filter again undoes it")?;
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    wait_for_path(c, "/search").await?;
    check(results_total(c).await? == all, "without the filter, every result again")?;

    // A phrase in quotation marks: the words side by side, marked as one.
    search_from_header(c, "human rights").await?;
    let loose = results_total(c).await?;
    search_from_header(c, "\"human rights\"").await?;
    let phrase = results_total(c).await?;
    check(phrase > 0 && phrase <= loose, format!("the phrase finds {phrase}, the words {loose}"))?;
    let cards = c.find_all(Locator::Css("ol.cards > li.card")).await.unwrap();
    for card in &cards {
        let mut marks = Vec::new();
        for m in card.find_all(Locator::Css(".words mark")).await.unwrap() {
            marks.push(m.text().await.unwrap().to_lowercase().split_whitespace().collect::<Vec<_>>().join(" "));
        }
        check(marks.iter().any(|m| m == "human rights"), format!("the phrase is marked as one: {marks:?}"))?;
    }

    // Nothing found, punctuation only, and no words at all: a plain message, never an error.
    for words in ["zebra quasar", "!!!", "\"unclosed"] {
        search_from_header(c, words).await?;
        let title = c.title().await.unwrap();
        check(!title.to_lowercase().contains("error"), format!("{words:?}: {title}"))?;
        check(results_total(c).await? == 0, format!("{words:?} finds nothing"))?;
        let empty = text(c, "p.empty").await;
        check(empty.starts_with("Nothing matches"), format!("{words:?}: {empty}"))?;
    }
    // What could not be read is said, above the (empty) results.
    let notice = text(c, "p.notice").await;
    check(notice.contains("could not be read"), format!("an unclosed quotation mark: {notice}"))?;
    search_from_header(c, "").await?;
    let lede = text(c, "main p.lede").await;
    check(lede.starts_with("Type a few words"), format!("an empty search says what to do: {lede}"))?;
    check(c.find_all(Locator::Css("#results, ol.cards")).await.unwrap().is_empty(), "an empty search lists nothing")?;
    if width < 500 {
        fits_the_width(c, "a search page").await?;
    }
    Ok(())
}

/// A results page with every filter, on a phone.
async fn search_results_fit_a_phone(c: &Client, base: &str) -> Outcome {
    c.set_window_size(390, 844).await.map_err(|e| e.to_string())?;
    for path in ["/search?q=russia", "/search?q=united+states&speaker=putin", "/search?q=%22human+rights%22"] {
        c.goto(&format!("{base}{path}")).await.map_err(|e| e.to_string())?;
        check(!c.find_all(Locator::Css("nav.facets li")).await.unwrap().is_empty(), format!("{path}: filters"))?;
        fits_the_width(c, path).await?;
        // The form's fields and the filters stack in the window.
        let width: f64 = c.execute("return window.innerWidth", vec![]).await.unwrap().as_f64().unwrap();
        for css in ["form.search", "nav.facets", "ol.cards"] {
            let (x, _, w, _) = c.find(Locator::Css(css)).await.unwrap().rectangle().await.unwrap();
            check(x >= 0.0 && x + w <= width, format!("{path}: {css} spans {x}..{} of {width}", x + w))?;
        }
    }
    Ok(())
}

/// Three outlets report one statement by Putin, each in its own words; a
/// fourth article has something else from Biden.
const REPORTS: &[(&str, &str)] = &[
    (
        "harbour-post.txt",
        "---\ntitle: Putin denies hacking\noutlet: Harbour Post\nurl: https://harbour.test/putin-denies\ndate: 2021-06-16\n---\n\n\
         Putin denies hacking\n\n\u{201c}Russia has never carried out cyber attacks on American infrastructure, and we are \
         ready to work together against hackers,\u{201d} Putin said.\n",
    ),
    (
        "evening-ledger.txt",
        "---\ntitle: Summit day in Geneva\noutlet: Evening Ledger\ndate: 2021-06-17\n---\n\nSummit day in Geneva\n\n\
         Putin said: \"Russia has never carried out cyber attacks on American infrastructure and we are ready to work together.\"\n",
    ),
    (
        "radio-brief.txt",
        "---\ntitle: News in brief\noutlet: Radio Brief\n---\n\nNews in brief\n\n\
         \"Russia has never carried out cyber attacks on American infrastructure,\" Putin told reporters.\n",
    ),
    (
        "wire.txt",
        "---\ntitle: Biden on ransomware\noutlet: Wire Service\ndate: 2021-06-16\n---\n\nBiden on ransomware\n\n\
         \"We will defend our hospitals against ransomware and cyber attacks,\" Biden said.\n",
    ),
];

/// Is the embed snippet focused and selected whole, for the reader to copy?
async fn whole_snippet_selected(c: &Client) -> bool {
    let selected = c
        .execute(
            "var a = document.getElementById('embed-code');\
             return document.activeElement === a && a.selectionStart === 0 && a.selectionEnd === a.value.length",
            vec![],
        )
        .await
        .unwrap();
    selected == json!(true)
}

/// One statement reported by three outlets: one card on the topic page,
/// every version on the quote page, each with its own permalink; then the
/// quote page's snippet to embed, its share card, and the feeds.
async fn one_statement_in_several_outlets(c: &Client) -> Outcome {
    let dir = tempfile::tempdir().unwrap();
    for (name, body) in REPORTS {
        std::fs::write(dir.path().join(name), body).unwrap();
    }
    let base = start_site_with(LoadOptions { articles: Some(dir.path().to_path_buf()), summit: None }).await;
    c.set_window_size(1280, 900).await.map_err(|e| e.to_string())?;
    c.goto(&format!("{base}/topics/cybersecurity")).await.map_err(|e| e.to_string())?;
    let columns = c.find_all(Locator::Css(".columns > section")).await.unwrap();
    check(columns.len() == 2, format!("two columns, found {}", columns.len()))?;
    let putin = columns[1].find_all(Locator::Css(".card")).await.unwrap();
    check(putin.len() == 1, format!("Putin's statement is one card, not {}", putin.len()))?;
    let sources = putin[0].find(Locator::Css("p.sources a")).await.map_err(|e| format!("a \"Reported by\" link: {e}"))?;
    let label = sources.text().await.unwrap();
    check(label.starts_with("Reported by 3 sources"), format!("the card says how many report it: {label:?}"))?;
    let biden = columns[0].find_all(Locator::Css(".card")).await.unwrap();
    check(biden.len() == 1, "Biden's statement is a card of its own")?;
    check(biden[0].find_all(Locator::Css("p.sources")).await.unwrap().is_empty(), "reported once, it says nothing of sources")?;

    // The feeds of the topic and of a speaker, as a feed reader finds them.
    feed_of_the_page(c, "/topics/cybersecurity", "Cybersecurity").await?;

    // Following "Reported by 3 sources" lands on the list of versions.
    sources.click().await.map_err(|e| e.to_string())?;
    let url = c.current_url().await.unwrap();
    check(url.path().starts_with("/quotes/") && url.fragment() == Some("sources"), format!("to the versions: {url}"))?;
    wait_for_path(c, url.path()).await?;
    let first = url.path().to_string();
    let target = c.execute("var t = document.querySelector(':target'); return t ? t.id : null", vec![]).await.unwrap();
    check(target == json!("sources"), format!("the list of versions is the target: {target}"))?;
    let top = c.execute("return document.getElementById('sources').getBoundingClientRect().top", vec![]).await.unwrap();
    let height = c.execute("return window.innerHeight", vec![]).await.unwrap();
    // Scrolled to: its top at the window's top, give or take a fraction of a pixel.
    check(top.as_f64().unwrap() > -1.0 && top.as_f64() < height.as_f64(), format!("and in view: top {top} of {height}"))?;
    let heading = text(c, "#sources").await;
    check(heading == "Reported by 3 sources", format!("the versions' heading: {heading:?}"))?;

    // Every version, each in its own words, with its own links.
    let versions = c.find_all(Locator::Css("ol.versions > li")).await.unwrap();
    check(versions.len() == 3, format!("three versions, found {}", versions.len()))?;
    let mut permalinks = Vec::new();
    let mut outlets = Vec::new();
    for v in &versions {
        let meta = v.find(Locator::Css(".meta")).await.unwrap().text().await.unwrap();
        outlets.push(["Harbour Post", "Evening Ledger", "Radio Brief"].into_iter().find(|o| meta.contains(o)).unwrap_or_default());
        let words = v.find(Locator::Css(".words")).await.unwrap().text().await.unwrap();
        check(words.contains("Russia has never carried out cyber attacks"), format!("a version's words: {words}"))?;
        let permalink = v.find(Locator::Css("a[href^='/quotes/']")).await.map_err(|e| format!("a version's permalink: {e}"))?;
        check(permalink.text().await.unwrap().starts_with("Permalink"), "the version's permalink says so")?;
        permalinks.push(permalink.attr("href").await.unwrap().unwrap_or_default());
        let context = v.find(Locator::Css("a[href^='/articles/'][href*='#s-']")).await.map_err(|e| format!("a version in context: {e}"))?;
        let context = context.attr("href").await.unwrap().unwrap_or_default();
        check(context.contains("#s-"), format!("in context, at the statement: {context}"))?;
    }
    outlets.sort();
    check(outlets == ["Evening Ledger", "Harbour Post", "Radio Brief"], format!("every outlet: {outlets:?}"))?;
    let mut distinct = permalinks.clone();
    distinct.sort();
    distinct.dedup();
    check(distinct.len() == 3, format!("every version has its own permalink: {permalinks:?}"))?;
    let current = c.find_all(Locator::Css("ol.versions > li[aria-current]")).await.unwrap();
    check(current.len() == 1, "the version shown is marked")?;
    // The version with a web address links to its words at the source.
    let at_source = c.find(Locator::Css("ol.versions a[href^='https://harbour.test/putin-denies#:~:text=']")).await;
    let at_source = at_source.map_err(|e| format!("a link to the words at the source: {e}"))?;
    check(at_source.attr("rel").await.unwrap().unwrap_or_default().contains("noopener"), "the source opens without our page")?;

    // Each version's permalink opens its own page, which marks that version.
    for (i, href) in permalinks.iter().enumerate() {
        c.goto(&format!("{base}{first}")).await.map_err(|e| e.to_string())?;
        let link = c.find_all(Locator::Css("ol.versions > li")).await.unwrap()[i].find(Locator::Css("a[href^='/quotes/']")).await.unwrap();
        link.click().await.map_err(|e| e.to_string())?;
        wait_for_path(c, href).await?;
        let h1 = text(c, "h1").await;
        check(h1.starts_with("Vladimir Putin"), format!("{href}: a quote page: {h1}"))?;
        let marked = c.find(Locator::Css("ol.versions > li[aria-current]")).await.map_err(|e| format!("{href}: {e}"))?;
        let own = marked.find(Locator::Css("a[href^='/quotes/']")).await.unwrap().attr("href").await.unwrap();
        check(own.as_deref() == Some(href.as_str()), format!("{href}: marks its own version, not {own:?}"))?;
        check(c.find_all(Locator::Css("ol.versions > li")).await.unwrap().len() == 3, format!("{href}: lists all three"))?;
    }

    // The snippet to embed: copied by the button the script shows.
    let page = permalinks[0].clone();
    c.goto(&format!("{base}{page}")).await.map_err(|e| e.to_string())?;
    let area = c.find(Locator::Id("embed-code")).await.map_err(|e| format!("the snippet: {e}"))?;
    let snippet = area.prop("value").await.unwrap().unwrap_or_default();
    check(snippet.starts_with("<figure>") && snippet.contains("<blockquote cite="), format!("the snippet: {snippet}"))?;
    check(snippet.contains(&format!("href=\"{base}{page}\"")), format!("the snippet links back to {page}: {snippet}"))?;
    let copy = c.find(Locator::Css("button[data-copy='embed-code']")).await.unwrap();
    check(copy.is_displayed().await.unwrap(), "the Copy HTML button is shown when the script runs")?;
    check(copy.text().await.unwrap() == "Copy HTML", "the button says what it copies")?;
    copy.click().await.map_err(|e| e.to_string())?;
    let label = copy.text().await.unwrap();
    let status = text(c, "#embed-status").await;
    // Where the clipboard is refused, the snippet is selected for the reader to copy.
    let selected = whole_snippet_selected(c).await;
    let copied = label == "Copied" || status == "Copied" || selected;
    check(copied, format!("copying says so or selects it: {label:?}, {status:?}"))?;

    // A browser that refuses the clipboard: the snippet is selected and the
    // reader is told how to copy it, on the button and to screen readers.
    c.execute(
        "Object.defineProperty(navigator.clipboard, 'writeText', \
           { value: function () { return Promise.reject(new Error('refused')); } });",
        vec![],
    )
    .await
    .map_err(|e| e.to_string())?;
    copy.click().await.map_err(|e| e.to_string())?;
    let mut label = String::new();
    for _ in 0..20 {
        label = copy.text().await.unwrap();
        if label.starts_with("Selected") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    check(label.starts_with("Selected: press Ctrl+C"), format!("a refused copy says how to copy: {label:?}"))?;
    let status = c.execute("return document.getElementById('embed-status').textContent", vec![]).await.unwrap();
    check(status == json!(label), format!("and says it to screen readers: {status}"))?;
    let selected = whole_snippet_selected(c).await;
    check(selected, "a refused copy selects the whole snippet")?;

    // The share card of the link preview is a 1200×630 image.
    let image = c.find(Locator::Css("meta[property='og:image']")).await.map_err(|e| format!("og:image: {e}"))?;
    let image = image.attr("content").await.unwrap().unwrap_or_default();
    check(image == format!("{base}{page}.png"), format!("the share card's address: {image}"))?;
    let size = c
        .execute_async(
            "var done = arguments[arguments.length - 1], img = new Image();\
             img.onload = function () { done([img.naturalWidth, img.naturalHeight]); };\
             img.onerror = function () { done('not an image'); };\
             img.src = arguments[0];",
            vec![json!(image)],
        )
        .await
        .map_err(|e| e.to_string())?;
    check(size == json!([1200, 630]), format!("the share card is 1200×630: {size}"))?;

    // The speaker's page has a feed too.
    c.goto(&format!("{base}/speakers/putin")).await.map_err(|e| e.to_string())?;
    feed_of_the_page(c, "/speakers/putin", "Vladimir Putin").await?;

    // On a phone: the versions and the snippet fit the window.
    c.set_window_size(390, 844).await.map_err(|e| e.to_string())?;
    c.goto(&format!("{base}{page}")).await.map_err(|e| e.to_string())?;
    fits_the_width(c, "a quote page with versions and a snippet").await?;
    let width: f64 = c.execute("return window.innerWidth", vec![]).await.unwrap().as_f64().unwrap();
    for css in ["#embed-code", "ol.versions", "#permalink"] {
        let (x, _, w, _) = c.find(Locator::Css(css)).await.unwrap().rectangle().await.unwrap();
        check(x >= 0.0 && x + w <= width, format!("{css} spans {x}..{} of {width}", x + w))?;
    }
    let copy = c.find(Locator::Css("button[data-copy='embed-code']")).await.unwrap();
    check(copy.is_displayed().await.unwrap(), "the Copy HTML button is there on a phone")?;
    c.set_window_size(1280, 900).await.map_err(|e| e.to_string())?;
    Ok(())
}

/// The page at `path` (the current one) announces its Atom feed and links
/// to it; the browser fetches the feed, which names the page and lists the
/// statements with their permalinks.
async fn feed_of_the_page(c: &Client, path: &str, name: &str) -> Outcome {
    let link = c.find(Locator::Css("link[rel=alternate][type='application/atom+xml']")).await.map_err(|e| format!("{path}: {e}"))?;
    let href = link.attr("href").await.unwrap().unwrap_or_default();
    check(href == format!("{path}.atom"), format!("{path}: the feed is at {href}"))?;
    let visible = c.find(Locator::Css("a.feed")).await.map_err(|e| format!("{path}: a visible feed link: {e}"))?;
    check(visible.attr("href").await.unwrap().as_deref() == Some(href.as_str()), format!("{path}: the visible link is the feed"))?;
    let words = visible.text().await.unwrap();
    check(words.starts_with(&format!("Follow {name} in a feed reader")), format!("{path}: {words:?}"))?;
    let reply = c
        .execute_async(
            "var done = arguments[arguments.length - 1];\
             fetch(arguments[0]).then(function (r) { return r.text().then(function (t) { done([r.status, r.headers.get('content-type'), t]); }); },\
                                      function (e) { done([0, '', String(e)]); });",
            vec![json!(href)],
        )
        .await
        .map_err(|e| e.to_string())?;
    check(reply[0] == json!(200), format!("{href}: {}", reply[0]))?;
    check(reply[1].as_str().unwrap_or_default().starts_with("application/atom+xml"), format!("{href}: {}", reply[1]))?;
    let xml = reply[2].as_str().unwrap_or_default();
    check(xml.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">"), format!("{href}: an Atom feed"))?;
    check(xml.contains("<entry>") && xml.contains("/quotes/"), format!("{href}: entries with permalinks"))?;
    Ok(())
}
