//! The binary as a self-hoster runs it: copied alone into an empty folder,
//! started with no set-up, it says where to look, serves every kind of page
//! from what is compiled into it, and stops cleanly on SIGTERM.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::{start_server, Server};

/// A plain HTTP/1.1 GET: the status code, headers and body.
fn get(addr: &str, path: &str) -> (u16, String, String) {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(stream, "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").unwrap();
    let mut raw = String::new();
    stream.read_to_string(&mut raw).unwrap();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
    let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    (status, head.to_string(), body.to_string())
}

/// Starts the binary from `dir` and reads the address it prints.
fn start(dir: &std::path::Path) -> (Server, String) {
    start_with(dir, &[])
}

fn start_with(dir: &std::path::Path, args: &[&str]) -> (Server, String) {
    launch(dir, args, Stdio::null())
}

/// Starts the binary from `dir` with `args`, its log going to `stderr`.
fn launch(dir: &std::path::Path, args: &[&str], stderr: Stdio) -> (Server, String) {
    let exe = dir.join("counterparts");
    std::fs::copy(env!("CARGO_BIN_EXE_counterparts"), &exe).unwrap();
    let mut command = Command::new(&exe);
    command.current_dir(dir).args(["--bind", "127.0.0.1:0"]).args(args).stderr(stderr);
    start_server(command)
}

#[test]
fn runs_alone_from_an_empty_folder_and_stops_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let (mut server, addr) = start(dir.path());

    let (status, _, home) = get(&addr, "/");
    assert_eq!(status, 200);
    assert!(home.contains("Biden–Putin summit"), "the built-in corpus is served");
    let (status, _, topic) = get(&addr, "/topics/cybersecurity");
    assert_eq!(status, 200);
    assert!(topic.contains("Vladimir Putin") && topic.contains("Joe Biden"));
    // Every asset the page names is served from the binary itself.
    for asset in topic.split("\"/static/").skip(1).map(|rest| rest.split('"').next().unwrap()) {
        let (status, head, _) = get(&addr, &format!("/static/{asset}"));
        assert_eq!(status, 200, "/static/{asset}");
        assert!(head.to_lowercase().contains("immutable"), "/static/{asset} is cached for good");
    }
    let (status, _, _) = get(&addr, "/healthz");
    assert_eq!(status, 200);

    // SIGTERM: the server stops by itself, successfully.
    let pid = server.0.id().to_string();
    assert!(Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
    let deadline = Instant::now() + Duration::from_secs(10);
    let exit = loop {
        if let Some(status) = server.0.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "the server did not stop on SIGTERM");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(exit.success(), "a clean stop exits 0, got {exit}");
}

/// The log says what the server does; a line per request only when asked.
#[test]
fn requests_are_logged_only_with_log_requests() {
    for (args, logged) in [(&[][..], false), (&["--log-requests"][..], true)] {
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("server.log");
        let (mut server, addr) = launch(dir.path(), args, Stdio::from(std::fs::File::create(&log).unwrap()));
        assert_eq!(get(&addr, "/topics/cybersecurity").0, 200);
        assert_eq!(get(&addr, "/no-such-page").0, 404);
        let pid = server.0.id().to_string();
        assert!(Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
        server.0.wait().unwrap();
        let text = std::fs::read_to_string(&log).unwrap();
        assert!(text.contains("listening"), "{args:?}: start-up is logged: {text}");
        for path in ["/topics/cybersecurity", "/no-such-page"] {
            assert_eq!(text.contains(path), logged, "{args:?}: is {path} logged? {text}");
        }
    }
}

#[test]
fn a_port_in_use_is_a_clear_error() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let out = Command::new(env!("CARGO_BIN_EXE_counterparts"))
        .args(["--bind", &format!("127.0.0.1:{port}")])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&format!("cannot listen on 127.0.0.1:{port}")) && stderr.contains("--bind"), "{stderr}");
}

#[test]
fn check_reports_every_file_and_fails_when_nothing_loads() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.txt"), "Biden said: “We will respond to any attack on our infrastructure.”\n").unwrap();
    std::fs::write(dir.path().join("bad.txt"), [0xffu8, 0xfe, 0x00]).unwrap();
    let run = |d: &std::path::Path| Command::new(env!("CARGO_BIN_EXE_counterparts")).args(["check", "--articles"]).arg(d).output().unwrap();
    let out = run(dir.path());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains("loaded   good.txt: 1 statements (biden 1, putin 0"), "{stdout}");
    assert!(stdout.lines().any(|l| l.starts_with("skipped  bad.txt:") && l.contains("binary")), "{stdout}");
    std::fs::remove_file(dir.path().join("good.txt")).unwrap();
    let out = run(dir.path());
    assert_eq!(out.status.code(), Some(1), "nothing usable loads: exit 1");
    let broken = dir.path().join("summit.toml");
    std::fs::write(&broken, "[summit]\ntitle = 1\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_counterparts")).args(["check", "--summit"]).arg(&broken).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("summit.toml:2:"), "the summit file and line are named");
}

/// Polls `/articles.json` until it reports `total` articles.
fn wait_for_total(addr: &str, total: usize) -> bool {
    let deadline = Instant::now() + Duration::from_secs(15);
    while Instant::now() < deadline {
        let (_, _, body) = get(addr, "/articles.json");
        if body.contains(&format!("\"total\": {total}")) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    false
}

#[test]
fn sighup_and_watch_reload_the_articles() {
    let home = tempfile::tempdir().unwrap();
    let articles = home.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    std::fs::write(articles.join("a.txt"), "Putin said: “We will talk about the Arctic.”\n").unwrap();
    let (server, addr) = start_with(home.path(), &["--articles", articles.to_str().unwrap(), "--watch"]);
    assert!(wait_for_total(&addr, 1));
    // --watch: a new file is noticed by itself.
    std::fs::write(articles.join("b.txt"), "Biden said: “We will answer any attack on our infrastructure.”\n").unwrap();
    assert!(wait_for_total(&addr, 2), "--watch reloads when a file is added");
    // SIGHUP: reload now.
    std::fs::write(articles.join("c.txt"), "Biden said: “We will meet again next year in a place to be agreed.”\n").unwrap();
    let pid = server.0.id().to_string();
    assert!(Command::new("kill").args(["-HUP", &pid]).status().unwrap().success());
    assert!(wait_for_total(&addr, 3), "SIGHUP reloads");
    let (status, _, _) = get(&addr, "/healthz");
    assert_eq!(status, 200, "still serving after reloads");
}
