//! Bad input: files that cannot be articles are skipped with a reason naming
//! them while the good ones beside them load; a broken summit file or a
//! missing folder stops loading with a message saying where. Checked through
//! the library and through the binary's `export` command.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use counterparts::corpus::MAX_ARTICLE_BYTES;
use counterparts::generate::generate_article;
use counterparts::{Library, LoadOptions};
use tempfile::TempDir;

/// Good articles in the folder: generated ones, under their generated names.
const GOOD: [usize; 3] = [0, 1, 2];

/// Each bad file, with words one of which its reason must contain.
fn bad_files() -> Vec<(&'static str, &'static [&'static str])> {
    let mut bad: Vec<(&'static str, &'static [&'static str])> = vec![
        ("bad_utf8.txt", &["utf-8"]),
        ("binary.txt", &["binary", "nul"]),
        ("blank.txt", &["white space", "whitespace", "blank"]),
        ("empty.txt", &["empty"]),
        ("folder.txt", &["regular file", "directory", "folder"]),
        ("huge.txt", &["limit", "too large", "bytes"]),
        // A copy of gen_000001.txt: the reason names the file it repeats.
        ("zz_copy.txt", &["gen_000001.txt"]),
    ];
    if cfg!(unix) {
        bad.push(("loop.txt", &["cannot read", "link", "loop"]));
    }
    bad
}

fn good_names() -> Vec<String> {
    GOOD.iter().map(|&i| generate_article(7, i).0).collect()
}

/// A folder with the good articles, every kind of bad file, and a file that
/// is not an article at all (`notes.md`, ignored without a word).
fn corpus_dir() -> TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path();
    for &i in &GOOD {
        let (name, text) = generate_article(7, i);
        write(path, &name, text.as_bytes());
    }
    let (_, copied) = generate_article(7, 1);
    write(path, "zz_copy.txt", copied.as_bytes());
    write(path, "bad_utf8.txt", b"Biden said: \xff\xfe \xc3\x28 hello");
    write(path, "binary.txt", b"PK\x03\x04\x14\0\0\0\x08\0Biden said");
    write(path, "blank.txt", " \n\t\r\n\u{a0}\u{200b}\n".as_bytes());
    write(path, "empty.txt", b"");
    write(path, "huge.txt", &vec![b'a'; MAX_ARTICLE_BYTES + 1]);
    write(path, "notes.md", b"Not an article.");
    std::fs::create_dir(path.join("folder.txt")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(path.join("loop.txt"), path.join("loop.txt")).unwrap();
    dir
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap_or_else(|e| panic!("writing {name}: {e}"));
}

fn load(articles: Option<PathBuf>, summit: Option<PathBuf>) -> Result<Library, String> {
    Library::load(&LoadOptions { articles, summit }).map_err(|e| e.to_string())
}

/// A summit file with a TOML syntax error on line 3.
const BROKEN_SYNTAX: &str = "[summit]\ntitle = \"Broken\"\n[[speakers]\nid = \"ann\"\n";

/// A summit file that parses but names an unknown default topic on line 3.
const BROKEN_MEANING: &str = "[summit]\ntitle = \"Broken\"\ndefault_topic = \"nope\"\n\n[[speakers]]\nid = \"ann\"\nname = \"Ann\"\n\n[[topics]]\nid = \"trade\"\nname = \"Trade\"\nkeywords = [\"tariff*\"]\n";

fn summit_file(dir: &TempDir, text: &str) -> PathBuf {
    let path = dir.path().join("summit.toml");
    std::fs::write(&path, text).unwrap();
    path
}

// ---------------------------------------------------------------------------
// Through the library
// ---------------------------------------------------------------------------

#[test]
fn good_files_load_beside_bad_ones() {
    let dir = corpus_dir();
    let lib = load(Some(dir.path().to_path_buf()), None).unwrap();
    let loaded: Vec<&str> = lib.articles.iter().map(|a| a.article.file.as_str()).collect();
    assert_eq!(loaded, good_names(), "skipped: {:?}", lib.skipped);
    for a in &lib.articles {
        assert!(!a.article.text.is_empty() && !a.article.blocks.is_empty(), "{}", a.article.file);
    }
}

#[test]
fn every_bad_file_is_skipped_with_a_reason_naming_it() {
    let dir = corpus_dir();
    let lib = load(Some(dir.path().to_path_buf()), None).unwrap();
    let bad = bad_files();
    for (name, hints) in &bad {
        let found: Vec<_> = lib.skipped.iter().filter(|s| s.file == *name).collect();
        assert_eq!(found.len(), 1, "{name} should be skipped once: {:?}", lib.skipped);
        let message = found[0].to_string();
        assert!(message.contains(name), "the message does not name the file: {message}");
        let reason = found[0].reason.to_lowercase();
        assert!(hints.iter().any(|h| reason.contains(h)), "{name}: unexpected reason {reason:?}");
    }
    assert_eq!(lib.skipped.len(), bad.len(), "unexpected skips: {:?}", lib.skipped);
}

#[test]
fn broken_summit_file_names_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    for (text, line) in [(BROKEN_SYNTAX, 3), (BROKEN_MEANING, 3)] {
        let path = summit_file(&dir, text);
        let message = load(None, Some(path.clone())).unwrap_err();
        let expected = format!("{}:{line}:", path.display());
        assert!(message.starts_with(&expected), "expected {expected:?} first in {message:?}");
    }
}

#[test]
fn missing_summit_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no-such-summit.toml");
    let message = load(None, Some(path.clone())).unwrap_err();
    assert!(message.contains(&path.display().to_string()), "{message}");
}

#[test]
fn missing_articles_folder_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no-such-folder");
    let message = load(Some(path.clone()), None).unwrap_err();
    assert!(message.contains(&path.display().to_string()), "{message}");
}

// ---------------------------------------------------------------------------
// Through the binary
// ---------------------------------------------------------------------------

/// Runs the binary with `args`, independent of the caller's environment.
fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_counterparts"))
        .args(args)
        .env_remove("COUNTERPARTS_ARTICLES")
        .env_remove("COUNTERPARTS_SUMMIT")
        .env("RUST_LOG", "warn")
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn export_prints_json_and_warns_about_skipped_files() {
    let dir = corpus_dir();
    let out = run(&["export", "--articles", dir.path().to_str().unwrap()]);
    let stderr = text(&out.stderr);
    assert!(out.status.success(), "exit {:?}: {stderr}", out.status);

    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is one JSON document");
    let files: Vec<&str> = json["articles"]
        .as_array()
        .expect("an articles list")
        .iter()
        .map(|a| a["file"].as_str().expect("every article has a file name"))
        .collect();
    assert_eq!(files, good_names());
    let speakers: Vec<&str> = json["speakers"].as_array().unwrap().iter().filter_map(|s| s["id"].as_str()).collect();
    assert!(speakers.contains(&"biden") && speakers.contains(&"putin"), "{speakers:?}");

    for (name, _) in bad_files() {
        assert!(stderr.contains(name), "no warning names {name}:\n{stderr}");
    }
    assert!(!text(&out.stdout).contains("skipped"), "warnings belong on stderr");
}

#[test]
fn broken_summit_stops_the_binary_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = summit_file(&dir, BROKEN_SYNTAX);
    let out = run(&["export", "--summit", path.to_str().unwrap()]);
    let stderr = text(&out.stderr);
    assert!(!out.status.success(), "a broken summit file must fail");
    assert!(stderr.contains(&format!("{}:3:", path.display())), "{stderr}");
    assert!(out.stdout.is_empty(), "nothing is exported: {}", text(&out.stdout));
}

#[test]
fn missing_articles_folder_stops_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no-such-folder");
    let out = run(&["export", "--articles", path.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains(&path.display().to_string()), "{}", text(&out.stderr));
}

/// Articles shaped to make a reader work hard — a 1 MB single line, 10,000
/// quotation marks, quotes nested thousands deep, no sentence ends at all,
/// markup, direction overrides and zero-width characters, every kind of line
/// end and a BOM — load beside a good one, and the good one is read as ever.
#[test]
fn hostile_shapes_load_beside_a_good_article() {
    let dir = tempfile::tempdir().unwrap();
    let good = "Putin said: “We are ready to talk about the Arctic and about cyber attacks.”\n";
    std::fs::write(dir.path().join("good.txt"), good).unwrap();
    let quotes: String = (0..5000).map(|i| format!("\"w{i}\" ")).collect();
    let shapes: Vec<(&str, String)> = vec![
        ("one_line.txt", "Putin said that the talks went well. ".repeat(27_000)),
        ("many_quotes.txt", format!("Biden said: {quotes}")),
        ("nested.txt", format!("Biden said: {}deep{}", "“".repeat(5000), "”".repeat(5000))),
        ("no_stops.txt", "he said that ".repeat(80_000)),
        ("markup.txt", "<script>alert(1)</script>\nBiden said: “<b>bold</b> & <img src=x onerror=alert(1)>.”\n".to_string()),
        ("bidi.txt", "Putin said: “\u{202e}desrever\u{202c} and\u{200b}zero\u{200d}width.”\n".to_string()),
        ("line_ends.txt", "\u{feff}Title\r\nBiden said: “One.”\rPutin said: “Two.”\r\n\r\nEnd.".to_string()),
    ];
    for (name, text) in &shapes {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let lib = Library::load(&LoadOptions { articles: Some(dir.path().to_path_buf()), summit: None }).unwrap();
    assert_eq!(lib.articles.len(), shapes.len() + 1, "every shape loads: {:?}", lib.skipped);
    let good = lib.articles.iter().find(|a| a.article.file == "good.txt").unwrap();
    assert_eq!(good.statements.len(), 1);
    assert_eq!(good.statements[0].speaker.as_deref(), Some("putin"));
    for a in &lib.articles {
        for s in &a.statements {
            assert!(a.article.text.is_char_boundary(s.start) && a.article.text.is_char_boundary(s.end) && s.start < s.end);
        }
    }
    let line_ends = lib.articles.iter().find(|a| a.article.file == "line_ends.txt").unwrap();
    let said: Vec<(&str, &str)> = line_ends
        .statements
        .iter()
        .map(|s| (s.speaker.as_deref().unwrap_or("?"), &line_ends.article.text[s.start..s.end]))
        .collect();
    assert_eq!(said, [("biden", "One."), ("putin", "Two.")], "CRLF, lone CR and a BOM read like any other text");
}
