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

use crate::app as site;

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
        bad.push(("dangling.txt", &["link to a file that does not exist"]));
        // Opening either would wait for a writer or fail: refused unopened.
        bad.push(("fifo.txt", &["not a regular file (a fifo)"]));
        bad.push(("socket.txt", &["not a regular file (a socket)"]));
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
    {
        std::os::unix::fs::symlink(path.join("loop.txt"), path.join("loop.txt")).unwrap();
        std::os::unix::fs::symlink(path.join("nowhere"), path.join("dangling.txt")).unwrap();
        make_fifo(&path.join("fifo.txt"));
        // The socket file stays when the listener is dropped.
        std::os::unix::net::UnixListener::bind(path.join("socket.txt")).unwrap();
    }
    dir
}

#[cfg(unix)]
fn make_fifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().expect("mkfifo runs");
    assert!(status.success(), "mkfifo {}", path.display());
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


// ---------------------------------------------------------------------------
// Files that change between listing the folder and reading it
// ---------------------------------------------------------------------------

/// Lists a folder holding the good articles and `victim.txt`, lets `change`
/// do something to the victim, then reads the listing — on a thread, so that
/// a read that blocks fails the test instead of hanging it.
fn read_after(change: impl FnOnce(&Path)) -> Library {
    let dir = tempfile::tempdir().unwrap();
    for &i in &GOOD {
        let (name, text) = generate_article(7, i);
        write(dir.path(), &name, text.as_bytes());
    }
    write(dir.path(), "victim.txt", b"Biden said: \xe2\x80\x9cHere for now.\xe2\x80\x9d\n");
    let (listed, skipped) = counterparts::corpus::list_dir(dir.path()).unwrap();
    assert!(listed.iter().any(|l| l.name == "victim.txt") && skipped.is_empty());
    change(&dir.path().join("victim.txt"));
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || tx.send(counterparts::corpus::read_listed(listed)).unwrap());
    let (files, skipped) = rx.recv_timeout(std::time::Duration::from_secs(20)).expect("reading does not block");
    Library::build(counterparts::summit::Summit::builtin().unwrap(), files, skipped)
}

/// The victim is skipped with a reason containing `hint`, once, and the
/// good articles load with their statements.
fn assert_skipped_beside_good(lib: &Library, hint: &str) {
    assert_eq!(lib.skipped.len(), 1, "{:?}", lib.skipped);
    let message = lib.skipped[0].to_string();
    assert!(message.starts_with("victim.txt: skipped: ") && message.contains(hint), "{message}");
    let loaded: Vec<&str> = lib.articles.iter().map(|a| a.article.file.as_str()).collect();
    assert_eq!(loaded, good_names());
    assert!(lib.articles.iter().all(|a| !a.statements.is_empty()));
}

#[test]
fn a_file_deleted_after_listing_is_skipped_as_vanished() {
    let lib = read_after(|victim| std::fs::remove_file(victim).unwrap());
    assert_skipped_beside_good(&lib, "vanished while loading");
}

#[cfg(unix)]
#[test]
fn a_file_turned_into_a_fifo_after_listing_is_refused_unopened() {
    let lib = read_after(|victim| {
        std::fs::remove_file(victim).unwrap();
        make_fifo(victim);
    });
    assert_skipped_beside_good(&lib, "not a regular file (a FIFO)");
}

#[cfg(unix)]
#[test]
fn a_file_turned_into_a_dangling_link_after_listing_is_skipped() {
    let lib = read_after(|victim| {
        std::fs::remove_file(victim).unwrap();
        std::os::unix::fs::symlink(victim.with_file_name("gone"), victim).unwrap();
    });
    assert_skipped_beside_good(&lib, "a link to a file that does not exist");
}

#[test]
fn a_file_turned_into_a_folder_after_listing_is_skipped() {
    let lib = read_after(|victim| {
        std::fs::remove_file(victim).unwrap();
        std::fs::create_dir(victim).unwrap();
    });
    assert_skipped_beside_good(&lib, "not a regular file (a directory)");
}

#[test]
fn a_file_grown_past_the_limit_after_listing_is_skipped() {
    let lib = read_after(|victim| std::fs::write(victim, vec![b'a'; MAX_ARTICLE_BYTES + 1]).unwrap());
    assert_skipped_beside_good(&lib, "over the limit");
}

// ---------------------------------------------------------------------------
// Shapes that load, some with a note
// ---------------------------------------------------------------------------

const GOOD_ARTICLE: &str = "Putin said: “We are ready to talk about the Arctic and about cyber attacks.”\n";

/// Loads `text` as `name` beside a good article. The good one is read as
/// ever; every statement of the shape slices its text. Returns the library.
fn load_beside_good(name: &str, text: &str) -> Library {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.txt", GOOD_ARTICLE.as_bytes());
    write(dir.path(), name, text.as_bytes());
    let lib = load(Some(dir.path().to_path_buf()), None).unwrap();
    assert!(lib.skipped.is_empty(), "{name} is skipped: {:?}", lib.skipped);
    let good = article(&lib, "good.txt");
    assert_eq!(good.statements.len(), 1);
    assert_eq!(good.statements[0].speaker_id(&lib.summit), Some("putin"));
    assert!(good.article.notes.is_empty(), "{:?}", good.article.notes);
    let shape = article(&lib, name);
    for s in &shape.statements {
        let t = &shape.article.text;
        assert!(s.start < s.end && t.is_char_boundary(s.start) && t.is_char_boundary(s.end) && s.end <= t.len());
    }
    lib
}

fn article<'a>(lib: &'a Library, file: &str) -> &'a counterparts::library::AnalyzedArticle {
    lib.articles.iter().find(|a| a.article.file == file).unwrap_or_else(|| panic!("{file} is not loaded"))
}

/// The load's warnings about `file`: its notes, each naming it.
fn notes_on(lib: &Library, file: &str) -> Vec<String> {
    let prefix = format!("{file}: note: ");
    lib.warnings().into_iter().filter_map(|w| w.strip_prefix(&prefix).map(str::to_string)).collect()
}

/// `file` has exactly one note, and it contains `hint`.
fn assert_one_note(lib: &Library, file: &str, hint: &str) {
    let notes = notes_on(lib, file);
    assert!(notes.len() == 1 && notes[0].contains(hint), "{file}: expected one note with {hint:?}, got {notes:?}");
}

#[test]
fn a_one_megabyte_line_with_sentence_ends_loads_without_a_note() {
    let lib = load_beside_good("one_line.txt", &"Putin said that the talks went well. ".repeat(27_000));
    assert_eq!(notes_on(&lib, "one_line.txt"), Vec::<String>::new());
    assert!(!article(&lib, "one_line.txt").statements.is_empty(), "the line is read sentence by sentence");
}

#[test]
fn ten_thousand_balanced_quotation_marks_load_without_a_note() {
    let quotes: String = (0..5000).map(|i| format!("\"w{i}\" ")).collect();
    let lib = load_beside_good("many_quotes.txt", &format!("Biden said: {quotes}."));
    assert_eq!(notes_on(&lib, "many_quotes.txt"), Vec::<String>::new());
}

#[test]
fn quotation_marks_left_open_get_a_note() {
    let text = "Biden said: “We will respond to any attack.\n\nPutin said: “Fine.”\n";
    let lib = load_beside_good("open_quote.txt", text);
    assert_one_note(&lib, "open_quote.txt", "1 quotation mark opened and never closed");
    // A quotation that goes on in the next paragraph, opened again there, is
    // the usual style and not a note.
    let lib = load_beside_good("long_quote.txt", "Biden said: “First part.\n\n“Second part,” he added.\n");
    assert_eq!(notes_on(&lib, "long_quote.txt"), Vec::<String>::new());
}

#[test]
fn quotes_nested_thousands_deep_get_a_note() {
    let text = format!("Biden said: {}deep.{}\n", "“".repeat(5000), "”".repeat(5000));
    let lib = load_beside_good("nested.txt", &text);
    assert_one_note(&lib, "nested.txt", "quotation marks nested 5000 deep");
}

#[test]
fn text_with_no_sentence_ends_gets_notes() {
    let lib = load_beside_good("no_stops.txt", &"he said that ".repeat(80_000));
    let notes = notes_on(&lib, "no_stops.txt");
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert!(notes[0].starts_with("no sentence ends"), "{notes:?}");
    assert!(notes[1].starts_with("line 1 runs 1040000 bytes with no sentence end"), "{notes:?}");
    assert!(article(&lib, "no_stops.txt").statements.is_empty());
}

#[test]
fn a_long_line_without_a_sentence_end_among_others_gets_a_note() {
    let text = format!("Biden said: “We will talk.”\n{}\nPutin said: “Yes.”\n", "word ".repeat(5000));
    let lib = load_beside_good("long_line.txt", &text);
    assert_one_note(&lib, "long_line.txt", "line 2 runs 25000 bytes with no sentence end");
    let speakers: Vec<_> = article(&lib, "long_line.txt").statements.iter().map(|s| s.speaker_id(&lib.summit)).collect();
    assert_eq!(speakers, [Some("biden"), Some("putin")], "the lines around it are read");
}

#[test]
fn markup_gets_a_note_and_stays_text() {
    let text = "<script>alert(1)</script>\nBiden said: “<b>bold</b> & <img src=x onerror=alert(1)>.”\n";
    let lib = load_beside_good("markup.txt", text);
    assert_one_note(&lib, "markup.txt", "contains HTML markup (5 tags, the first <script>); shown as text");
    let said = &article(&lib, "markup.txt").statements;
    assert!(said.iter().any(|s| text[s.start..s.end].contains("<b>bold</b>")), "markup is kept as words");
}

const BIDI: &str = "Putin said: “We \u{202e}will not\u{202c} attack and\u{200b}that is\u{200d}all.”\n";

#[test]
fn direction_overrides_and_zero_width_characters_get_notes() {
    let lib = load_beside_good("bidi.txt", BIDI);
    let notes = notes_on(&lib, "bidi.txt");
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert!(notes[0].starts_with("2 text-direction override characters") && notes[0].contains("left out of the pages"));
    assert!(notes[1].starts_with("2 zero-width characters"));
    let a = article(&lib, "bidi.txt");
    let s = &a.statements[0];
    assert!(a.article.text[s.start..s.end].contains('\u{202e}'), "the file's text is kept as stored");
}

/// The pages show the statement without its direction overrides.
#[tokio::test]
async fn direction_overrides_are_left_out_of_the_pages() {
    let lib = load_beside_good("bidi.txt", BIDI);
    let statement = &article(&lib, "bidi.txt").statements[0];
    let (id, topic) = (statement.id.clone(), statement.topic_ids(&lib.summit)[0].to_string());
    let site = site::site_of(lib);
    for path in ["/articles/bidi".to_string(), format!("/quotes/{id}"), format!("/quotes/{id}.json"), format!("/topics/{topic}")] {
        let reply = site::get(&site, &path).await;
        assert_eq!(reply.status, 200, "{path}");
        let page = reply.text();
        assert!(page.contains("will not"), "{path} shows the statement");
        assert!(!page.contains('\u{202e}') && !page.contains('\u{202c}'), "{path} carries a direction override");
    }
}

/// CRLF, a lone CR and a BOM are ordinary: no note, and the very same
/// statements (speakers, words and ids) as the text with LF line ends.
#[test]
fn crlf_lone_cr_and_a_bom_read_like_lf_without_a_note() {
    let lf = "Leaders meet in Geneva\nBiden said: “We will respond to cyber attacks.”\n\nPutin said: “We are ready to talk.”\nEnd.\n";
    let said = |lib: &Library, file: &str| -> Vec<(Option<String>, String, String)> {
        let a = article(lib, file);
        a.statements.iter().map(|s| (s.speaker_id(&lib.summit).map(str::to_string), a.article.text[s.start..s.end].to_string(), s.id.clone())).collect()
    };
    let expected = said(&load_beside_good("lf.txt", lf), "lf.txt");
    assert_eq!(expected.len(), 2, "{expected:?}");
    for (name, text) in [
        ("crlf.txt", lf.replace('\n', "\r\n")),
        ("cr.txt", lf.replace('\n', "\r")),
        ("bom.txt", format!("\u{feff}{lf}")),
        ("all.txt", format!("\u{feff}{}", lf.replace("\n\n", "\r\r").replace('\n', "\r\n"))),
    ] {
        let lib = load_beside_good(name, &text);
        assert_eq!(notes_on(&lib, name), Vec::<String>::new(), "{name}");
        assert_eq!(said(&lib, name), expected, "{name} reads like the LF text");
    }
}

/// `check` prints each note under the file's name, and the good article.
#[test]
fn check_prints_the_notes_of_each_file() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.txt", GOOD_ARTICLE.as_bytes());
    write(dir.path(), "markup.txt", b"<p>Biden said: \xe2\x80\x9cWe will respond.\xe2\x80\x9d</p>\n");
    write(dir.path(), "bidi.txt", BIDI.as_bytes());
    let out = Command::new(env!("CARGO_BIN_EXE_counterparts"))
        .args(["check", "--articles", dir.path().to_str().unwrap()])
        .env("RUST_LOG", "off")
        .output()
        .unwrap();
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    let lines: Vec<&str> = stdout.lines().filter(|l| l.starts_with("loaded") || l.starts_with("note")).collect();
    assert!(lines[0].starts_with("loaded   bidi.txt:"), "{stdout}");
    assert!(lines[1].starts_with("note     bidi.txt: 2 text-direction override characters"), "{stdout}");
    assert!(lines[2].starts_with("note     bidi.txt: 2 zero-width characters"), "{stdout}");
    assert!(lines[3].starts_with("loaded   good.txt: 1 statements (biden 0, putin 1"), "{stdout}");
    assert!(lines[4].starts_with("loaded   markup.txt:"), "{stdout}");
    assert!(lines[5].starts_with("note     markup.txt: contains HTML markup (2 tags, the first <p>)"), "{stdout}");
    assert!(stdout.contains("3 loaded, 0 skipped, 3 notes"), "{stdout}");
    // The server logs the same notes at start-up, each naming its file.
    let out = run(&["export", "--articles", dir.path().to_str().unwrap()]);
    let stderr = text(&out.stderr);
    assert!(stderr.contains("markup.txt: note: contains HTML markup"), "{stderr}");
    assert!(stderr.contains("bidi.txt: note: 2 text-direction override characters"), "{stderr}");
}
