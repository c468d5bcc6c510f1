//! `counterparts import IN... --out DIR`: every article that can be read
//! from saved pages, scraper output and text files, written out as a text
//! file with front matter (title, outlet, url, date, and the byline as
//! `author`), so that a person can see what was extracted, correct it, and
//! serve the folder. A text file is copied as it is.
//!
//! An imported file reads exactly as what it came from: its body is the
//! extracted text, byte for byte, so the statements found are the same.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::corpus::{self, Article, Skipped, SourceFile, SourceKind};

/// What one import did, file by file.
#[derive(Debug, Default)]
pub struct ImportReport {
    /// (the file or record it came from, the file written, what was taken).
    pub written: Vec<(String, PathBuf, String)>,
    /// Inputs not read, and files not written, with the reason.
    pub skipped: Vec<Skipped>,
}

/// Reads `inputs` (files and folders) and writes their articles into `out`,
/// which is created if needed. An existing file is replaced only with
/// `replace`: it may hold a person's corrections.
pub fn import(inputs: &[PathBuf], out: &Path, replace: bool) -> Result<ImportReport, String> {
    std::fs::create_dir_all(out).map_err(|e| format!("{}: cannot create the folder: {e}", out.display()))?;
    let (files, skipped) = corpus::load_paths(inputs);
    let mut report = ImportReport { skipped, ..ImportReport::default() };
    let mut used = HashSet::new();
    for file in files {
        let from = file.name.clone();
        let name = unique(out_name(&file), &mut used);
        let path = out.join(&name);
        if path.exists() && !replace {
            report.skipped.push(Skipped { file: from, reason: format!("{} exists; left as it is (--force replaces it)", path.display()) });
            continue;
        }
        let (contents, taken) = match &file.extracted {
            None => (file.text.clone(), "text, copied as it is".to_string()),
            Some(_) => {
                let article = Article::from_source(file);
                (with_front_matter(&article), format!("{}: {}", article.source.name(), article.taken.join(", ")))
            }
        };
        match std::fs::write(&path, contents) {
            Ok(()) => report.written.push((from, path, taken)),
            Err(e) => report.skipped.push(Skipped { file: from, reason: format!("cannot write {}: {e}", path.display()) }),
        }
    }
    Ok(report)
}

/// The file name to write: a page's own name as `.txt`, a record's id (its
/// records share one file name), a text file's name.
fn out_name(file: &SourceFile) -> String {
    let base = file.name.rsplit(['/', '\\']).next().unwrap_or(&file.name);
    match &file.extracted {
        Some(x) if x.source == SourceKind::Json => format!("{}.txt", x.id.as_deref().unwrap_or("record")),
        Some(_) => format!("{}.txt", base.rsplit_once('.').map_or(base, |(stem, _)| stem)),
        None => base.to_string(),
    }
}

/// `name`, or `name-2.txt`, `name-3.txt`… when two articles would share it.
fn unique(name: String, used: &mut HashSet<String>) -> String {
    if used.insert(name.clone()) {
        return name;
    }
    let stem = name.strip_suffix(".txt").unwrap_or(&name).to_string();
    (2..).map(|n| format!("{stem}-{n}.txt")).find(|n| used.insert(n.clone())).expect("some number is free")
}

/// The article's facts as front matter, then its text as it was extracted.
pub fn with_front_matter(a: &Article) -> String {
    let mut out = String::from("---\n");
    let facts = [("title", Some(&a.title)), ("outlet", a.outlet.as_ref()), ("url", a.url.as_ref()), ("date", a.date.as_ref()), ("author", a.byline.as_ref())];
    for (key, value) in facts {
        // One line each: the front matter is read line by line.
        if let Some(v) = value.map(|v| v.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|v| !v.is_empty()) {
            out.push_str(&format!("{key}: {v}\n"));
        }
    }
    out.push_str("---\n");
    out.push_str(&a.text);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_made_unique() {
        let mut used = HashSet::new();
        assert_eq!(unique("a.txt".into(), &mut used), "a.txt");
        assert_eq!(unique("a.txt".into(), &mut used), "a-2.txt");
        assert_eq!(unique("a.txt".into(), &mut used), "a-3.txt");
    }
}
