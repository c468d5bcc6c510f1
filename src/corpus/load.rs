//! Reading article files: the seeds compiled into the binary, or every
//! article file of a folder — text (`*.txt`), saved web pages (`*.html`,
//! `*.htm`) and scraper output (`*.json`, `*.jsonl`). A file, or a record,
//! that cannot be used is skipped with a reason; it never stops the others
//! from loading.

use std::collections::HashMap;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

use include_dir::{include_dir, Dir};
use rayon::prelude::*;

use super::sources::{Sources, SOURCES_FILE};

static SEEDS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/seeds");

/// Articles larger than this are skipped: no news article comes near it, and
/// it bounds the memory and time one bad file can take.
pub const MAX_ARTICLE_BYTES: usize = 2 * 1024 * 1024;

/// Saved pages are larger than their text: scripts, styles and inline
/// images often make a news page a few megabytes. Past this it is not a
/// page worth the memory and time its parse would take.
pub const MAX_PAGE_BYTES: usize = 16 * 1024 * 1024;

/// A scraper's output holds many articles in one file.
pub const MAX_RECORDS_BYTES: usize = 256 * 1024 * 1024;

/// The kinds of article file, by their extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Text,
    Page,
    Records,
}

impl FileKind {
    /// The kind of a file by its name; `None` for a file that is not an
    /// article (hidden files included), passed over without a word.
    pub fn of(name: &str) -> Option<FileKind> {
        if name.starts_with('.') {
            return None;
        }
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "txt" if name.ends_with(".txt") => Some(FileKind::Text),
            "html" | "htm" => Some(FileKind::Page),
            "json" | "jsonl" => Some(FileKind::Records),
            _ => None,
        }
    }

    pub fn max_bytes(self) -> usize {
        match self {
            FileKind::Text => MAX_ARTICLE_BYTES,
            FileKind::Page => MAX_PAGE_BYTES,
            FileKind::Records => MAX_RECORDS_BYTES,
        }
    }

    fn what(self) -> &'static str {
        match self {
            FileKind::Text => "one article",
            FileKind::Page => "a saved page",
            FileKind::Records => "a scraper's output file",
        }
    }
}

/// A file, or a record of one, that was read and is usable as text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
    /// For a page or a record: its facts and what was taken from where.
    /// `None` for a text file, whose front matter is read with its text.
    pub extracted: Option<super::Extracted>,
}

impl SourceFile {
    /// A text file: its name and its (checked) text.
    pub fn text(name: String, text: String) -> SourceFile {
        SourceFile { name, text, extracted: None }
    }
}

/// A file that was not loaded, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub file: String,
    pub reason: String,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: skipped: {}", self.file, self.reason)
    }
}

/// The seed articles compiled into the binary, in file-name order.
pub fn load_embedded() -> (Vec<SourceFile>, Vec<Skipped>) {
    let mut files: Vec<_> = SEEDS
        .files()
        .filter(|f| f.path().extension().is_some_and(|e| e == "txt"))
        .map(|f| (f.path().display().to_string(), f.contents().to_vec()))
        .collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    check_all(files)
}

/// The `sources.toml` compiled in with the seeds.
pub fn embedded_sources() -> (Sources, Vec<String>) {
    match SEEDS.get_file(SOURCES_FILE).map(|f| std::str::from_utf8(f.contents())) {
        Some(Ok(text)) => Sources::parse(SOURCES_FILE, text),
        Some(Err(e)) => (Sources::default(), vec![format!("{SOURCES_FILE}: not UTF-8 text ({e}); no source in it is used")]),
        None => (Sources::default(), Vec::new()),
    }
}

/// The `sources.toml` of an articles folder, if it has one, and what is
/// wrong with it. A file that cannot be read is a warning, never fatal.
pub fn dir_sources(dir: &Path) -> (Sources, Vec<String>) {
    let path = dir.join(SOURCES_FILE);
    match std::fs::read(&path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Sources::parse(SOURCES_FILE, &text),
            Err(e) => (Sources::default(), vec![format!("{SOURCES_FILE}: not UTF-8 text ({e}); no source in it is used")]),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Sources::default(), Vec::new()),
        Err(e) => (Sources::default(), vec![format!("{SOURCES_FILE}: cannot read it ({e}); no source in it is used")]),
    }
}

/// Every article file directly in `dir`, in file-name order (a file's
/// records in their order). Fails only when the folder itself cannot be read.
pub fn load_dir(dir: &Path) -> Result<(Vec<SourceFile>, Vec<Skipped>), std::io::Error> {
    let (listed, mut skipped) = list_dir(dir)?;
    let (ok, mut more) = read_listed(listed);
    skipped.append(&mut more);
    skipped.sort_by(|a, b| a.file.cmp(&b.file));
    Ok((ok, skipped))
}

/// A file found in the articles folder, not read yet.
#[derive(Debug, Clone)]
pub struct Listed {
    pub name: String,
    pub path: PathBuf,
}

/// The article files directly in `dir` (hidden ones left out), and the
/// entries that could not be listed. Reading is a separate step
/// ([`read_listed`]): a file may vanish or change between the two.
pub fn list_dir(dir: &Path) -> Result<(Vec<Listed>, Vec<Skipped>), std::io::Error> {
    let mut listed = Vec::new();
    let mut skipped = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                skipped.push(Skipped { file: dir.display().to_string(), reason: format!("a folder entry cannot be read: {e}") });
                continue;
            }
        };
        let name = entry.file_name().to_string_lossy().into_owned();
        if FileKind::of(&name).is_some() {
            listed.push(Listed { name, path: entry.path() });
        }
    }
    Ok((listed, skipped))
}

/// Reads and checks listed files, in file-name order. A file that is gone,
/// or is no longer a regular file, by the time it is read is skipped with
/// the reason like any other bad file.
pub fn read_listed(mut listed: Vec<Listed>) -> (Vec<SourceFile>, Vec<Skipped>) {
    listed.sort_by(|a, b| a.name.cmp(&b.name));
    // Files are read on every core (the order is kept): with thousands of
    // them, reading one after another is a good part of start-up.
    let read: Vec<(String, Result<Vec<u8>, String>)> = listed
        .into_par_iter()
        .map(|Listed { name, path }| {
            let limit = FileKind::of(base_name(&name)).unwrap_or(FileKind::Text);
            let bytes = read_file(&path, limit);
            (name, bytes)
        })
        .collect();
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    for (name, result) in read {
        match result {
            Ok(bytes) => files.push((name, bytes)),
            Err(reason) => skipped.push(Skipped { file: name, reason }),
        }
    }
    let (ok, mut more) = check_all(files);
    skipped.append(&mut more);
    (ok, skipped)
}

/// Articles from files and folders named on the command line (`import`):
/// a folder gives its article files, a file is taken whatever its name
/// says it is not. Names are paths as given, so that a report can say
/// which folder a file came from.
pub fn load_paths(paths: &[PathBuf]) -> (Vec<SourceFile>, Vec<Skipped>) {
    let mut listed = Vec::new();
    let mut skipped = Vec::new();
    for path in paths {
        if path.is_dir() {
            match list_dir(path) {
                Ok((files, mut bad)) => {
                    skipped.append(&mut bad);
                    listed.extend(files.into_iter().map(|l| Listed { name: l.path.display().to_string(), path: l.path }));
                }
                Err(e) => skipped.push(Skipped { file: path.display().to_string(), reason: format!("cannot read the folder: {e}") }),
            }
        } else {
            listed.push(Listed { name: path.display().to_string(), path: path.clone() });
        }
    }
    let (ok, mut more) = read_listed(listed);
    skipped.append(&mut more);
    (ok, skipped)
}

/// Reads one file, refusing what is not a regular file or is too large
/// for its kind before reading it whole.
fn read_file(path: &Path, kind: FileKind) -> Result<Vec<u8>, String> {
    // metadata() follows links without opening anything, so a link loop, a
    // dangling link, a FIFO or a device is refused here rather than hanging
    // the load.
    let meta = std::fs::metadata(path).map_err(|e| cannot_read(path, &e))?;
    check_meta(&meta, kind)?;
    let mut file = open_without_blocking(path).map_err(|e| cannot_read(path, &e))?;
    // The file may have been swapped for something else since: check what
    // was actually opened.
    check_meta(&file.metadata().map_err(|e| cannot_read(path, &e))?, kind)?;
    // Read at most one byte past the limit, so that a file growing while it
    // is read still costs no more than that.
    let mut bytes = Vec::new();
    (&mut file).take(kind.max_bytes() as u64 + 1).read_to_end(&mut bytes).map_err(|e| cannot_read(path, &e))?;
    if bytes.len() > kind.max_bytes() {
        return Err(too_large_for(bytes.len(), kind));
    }
    Ok(bytes)
}

/// Refuses what is not a regular file, saying what it is, and what is too large.
fn check_meta(meta: &std::fs::Metadata, kind: FileKind) -> Result<(), String> {
    if !meta.is_file() {
        return Err(format!("not a regular file (a {})", file_kind(&meta.file_type())));
    }
    if meta.len() > kind.max_bytes() as u64 {
        return Err(too_large_for(meta.len() as usize, kind));
    }
    Ok(())
}

fn file_kind(t: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "FIFO";
        }
        if t.is_socket() {
            return "socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "device";
        }
    }
    if t.is_dir() {
        "directory"
    } else {
        "special file"
    }
}

/// Opens for reading without waiting: opening a FIFO that has taken a
/// file's place since it was checked must not wait for a writer forever.
fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    options.open(path)
}

/// Why a file cannot be read. A file that is not found was there when the
/// folder was listed (or is a link to nothing): it vanished while loading.
fn cannot_read(path: &Path, e: &std::io::Error) -> String {
    if e.kind() != std::io::ErrorKind::NotFound {
        return format!("cannot read it: {e}");
    }
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => format!("a link to a file that does not exist ({e})"),
        _ => format!("vanished while loading: listed in the folder, then gone ({e})"),
    }
}

fn too_large(len: usize) -> String {
    too_large_for(len, FileKind::Text)
}

fn too_large_for(len: usize, kind: FileKind) -> String {
    format!("{len} bytes is over the limit of {} bytes for {}", kind.max_bytes(), kind.what())
}

/// Checks each file's bytes (a page's main text extracted, a scraper file's
/// records read) and drops exact duplicates of an earlier article.
fn check_all(files: Vec<(String, Vec<u8>)>) -> (Vec<SourceFile>, Vec<Skipped>) {
    let mut ok = Vec::new();
    let mut skipped = Vec::new();
    let mut seen: HashMap<blake3::Hash, String> = HashMap::new();
    let checked: Vec<Vec<Result<SourceFile, Skipped>>> =
        files.into_par_iter().map(|(name, bytes)| take_file(name, bytes)).collect();
    // Copies are found in file-name order: the first of them is loaded.
    for checked in checked.into_iter().flatten() {
        match checked {
            Ok(file) => {
                let hash = blake3::hash(file.text.as_bytes());
                if let Some(first) = seen.get(&hash) {
                    skipped.push(Skipped { file: file.name, reason: format!("the same text as {first}") });
                } else {
                    seen.insert(hash, file.name.clone());
                    ok.push(file);
                }
            }
            Err(skipped_one) => skipped.push(skipped_one),
        }
    }
    (ok, skipped)
}

/// The articles in one file's bytes, by the file's kind.
fn take_file(name: String, bytes: Vec<u8>) -> Vec<Result<SourceFile, Skipped>> {
    match FileKind::of(base_name(&name)).unwrap_or(FileKind::Text) {
        FileKind::Text => vec![check_text(bytes).map(|text| SourceFile::text(name.clone(), text)).map_err(|reason| Skipped { file: name, reason })],
        FileKind::Page => vec![take_page(&bytes).map(|(text, x)| SourceFile { name: name.clone(), text, extracted: Some(x) }).map_err(|reason| Skipped { file: name, reason })],
        FileKind::Records => super::records::read_records(&name, &bytes),
    }
}

/// The file name at the end of a path given on the command line.
fn base_name(name: &str) -> &str {
    name.rsplit(['/', '\\']).next().unwrap_or(name)
}

/// A saved page's main text and facts, or why it has none.
fn take_page(bytes: &[u8]) -> Result<(String, super::Extracted), String> {
    if bytes.len() > MAX_PAGE_BYTES {
        return Err(too_large_for(bytes.len(), FileKind::Page));
    }
    let (html, charset) = super::decode_page(bytes)?;
    if html.contains('\0') {
        return Err("binary data (it contains NUL characters), not a web page".into());
    }
    let (text, mut x) = super::read_page(&html)?;
    let text = check_text(text.into_bytes()).map_err(|why| format!("its main text: {why}"))?;
    x.taken.insert(1, format!("read as {charset}"));
    Ok((text, x))
}

/// Decides whether a file's bytes are a usable article, and says why not.
pub fn check_text(bytes: Vec<u8>) -> Result<String, String> {
    if bytes.len() > MAX_ARTICLE_BYTES {
        return Err(too_large(bytes.len()));
    }
    if bytes.contains(&0) {
        return Err("binary data (it contains NUL bytes), not text".into());
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        format!("not UTF-8 text: invalid byte at offset {}; save the file as UTF-8", e.utf8_error().valid_up_to())
    })?;
    if text.chars().all(crate::text::is_blank) {
        return Err(if text.is_empty() { "the file is empty".into() } else { "the file holds only white space".into() });
    }
    let controls = text.chars().filter(|c| c.is_control() && !c.is_whitespace()).count();
    if controls * 20 > text.chars().count() {
        return Err("binary data (mostly control characters), not text".into());
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_seeds_load() {
        let (ok, skipped) = load_embedded();
        assert!(skipped.is_empty(), "{skipped:?}");
        assert_eq!(ok.len(), 2);
        assert!(ok[0].name < ok[1].name);
    }

    #[test]
    fn bad_bytes_are_refused_with_reasons() {
        assert!(check_text(vec![]).unwrap_err().contains("empty"));
        assert!(check_text(b"  \n\t ".to_vec()).unwrap_err().contains("white space"));
        assert!(check_text(vec![b'a', 0, b'b']).unwrap_err().contains("binary"));
        assert!(check_text(vec![b'a', 0xff, b'b']).unwrap_err().contains("offset 1"));
        assert!(check_text(vec![b'a'; MAX_ARTICLE_BYTES + 1]).unwrap_err().contains("over the limit"));
        assert!(check_text(vec![1u8; 100]).unwrap_err().contains("control"));
        assert_eq!(check_text(b"Fine.".to_vec()).unwrap(), "Fine.");
    }

    #[test]
    fn folder_loading_skips_and_reports() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "Biden said hello.").unwrap();
        std::fs::write(dir.path().join("b.txt"), "Biden said hello.").unwrap();
        std::fs::write(dir.path().join("c.txt"), [0xffu8, 0xfe]).unwrap();
        std::fs::write(dir.path().join("notes.md"), "ignored").unwrap();
        std::fs::create_dir(dir.path().join("d.txt")).unwrap();
        let (ok, skipped) = load_dir(dir.path()).unwrap();
        assert_eq!(ok.iter().map(|f| f.name.as_str()).collect::<Vec<_>>(), ["a.txt"]);
        let reasons: Vec<_> = skipped.iter().map(|s| (s.file.as_str(), s.reason.as_str())).collect();
        assert_eq!(reasons.len(), 3, "{reasons:?}");
        assert!(reasons[0].0 == "b.txt" && reasons[0].1.contains("a.txt"));
        assert!(reasons[1].0 == "c.txt" && reasons[1].1.contains("UTF-8"));
        assert!(reasons[2].0 == "d.txt" && reasons[2].1.contains("regular file"));
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_are_skipped() {
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(dir.path().join("loop.txt"), dir.path().join("loop.txt")).unwrap();
        std::fs::write(dir.path().join("ok.txt"), "Text.").unwrap();
        let (ok, skipped) = load_dir(dir.path()).unwrap();
        assert_eq!(ok.len(), 1);
        assert_eq!(skipped[0].file, "loop.txt");
    }
}
