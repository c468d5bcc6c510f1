//! Reloading under load: the corpus is reloaded again and again, once
//! broken, while clients keep asking for pages, and not one request fails.

use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

use counterparts::index::Index;
use counterparts::web::live::{Live, LiveService};
use counterparts::{Library, LoadOptions};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");

fn copy_seeds(to: &Path) {
    for e in std::fs::read_dir(SEEDS).unwrap().flatten() {
        if e.path().extension().is_some_and(|x| x == "txt") {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

/// GET over a fresh connection: the status code, or 0 if the connection failed.
async fn get(addr: &str, path: &str) -> (u16, String) {
    let Ok(mut s) = tokio::net::TcpStream::connect(addr).await else { return (0, String::new()) };
    let req = format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    if s.write_all(req.as_bytes()).await.is_err() {
        return (0, String::new());
    }
    let mut buf = Vec::new();
    if s.read_to_end(&mut buf).await.is_err() {
        return (0, String::new());
    }
    let text = String::from_utf8_lossy(&buf).into_owned();
    let status = text.split_whitespace().nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    (status, text)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn reloading_in_a_loop_under_load_drops_nothing() {
    let dir = tempfile::tempdir().unwrap();
    copy_seeds(dir.path());
    let load = LoadOptions { articles: Some(dir.path().to_path_buf()), summit: None };
    let live = Live::new(Index::build(Library::load(&load).unwrap()), "http://127.0.0.1", load, counterparts::web::CACHE_BUDGET_BYTES);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    let service = LiveService(live.clone());
    tokio::spawn(async move {
        axum::serve(listener, axum::ServiceExt::<axum::extract::Request>::into_make_service(service)).await.unwrap();
    });

    let stop = Arc::new(AtomicBool::new(false));
    let (served, failed) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let clients: Vec<_> = (0..8)
        .map(|k| {
            let (addr, stop, served, failed) = (addr.clone(), stop.clone(), served.clone(), failed.clone());
            tokio::spawn(async move {
                let paths = ["/", "/topics/cybersecurity", "/articles.json", "/search?q=Putin", "/healthz"];
                let mut i = k;
                while !stop.load(Ordering::Relaxed) {
                    let (status, _) = get(&addr, paths[i % paths.len()]).await;
                    if status == 200 { served.fetch_add(1, Ordering::Relaxed) } else { failed.fetch_add(1, Ordering::Relaxed) };
                    i += 1;
                }
            })
        })
        .collect();

    let extra = dir.path().join("zz_extra.txt");
    for round in 0..12 {
        // Add or remove an article, then reload.
        if round % 2 == 0 {
            std::fs::write(&extra, format!("Round {round}\nPutin said: “We are ready to talk about the Arctic, round {round}.”\n")).unwrap();
        } else {
            std::fs::remove_file(&extra).unwrap();
        }
        live.reload().await.expect("a good corpus reloads");
        let (_, body) = get(&addr, "/articles.json").await;
        let expected = if round % 2 == 0 { "\"total\": 3" } else { "\"total\": 2" };
        assert!(body.contains(expected), "round {round}: the reloaded corpus is served ({expected})");
    }
    // A broken corpus: nothing usable. The old one keeps serving.
    let hidden = tempfile::tempdir().unwrap();
    for e in std::fs::read_dir(dir.path()).unwrap().flatten() {
        std::fs::rename(e.path(), hidden.path().join(e.file_name())).unwrap();
    }
    std::fs::write(dir.path().join("broken.txt"), [0u8, 1, 2, 0xff]).unwrap();
    let err = live.reload().await.expect_err("a corpus with nothing usable is refused");
    assert!(err.contains("no article"), "{err}");
    let (status, body) = get(&addr, "/articles.json").await;
    assert!(status == 200 && body.contains("\"total\": 2"), "the previous corpus is still served");

    stop.store(true, Ordering::Relaxed);
    for c in clients {
        c.await.unwrap();
    }
    let (served, failed) = (served.load(Ordering::Relaxed), failed.load(Ordering::Relaxed));
    println!("{served} requests served during 13 reloads, {failed} failed");
    assert!(served > 100, "the clients kept asking ({served})");
    assert_eq!(failed, 0, "no request failed during the reloads");
}
