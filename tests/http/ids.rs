//! Statement ids never break: renaming, reordering or adding articles, or
//! restarting, leaves every existing id naming the same statement, and every
//! old `/quotes/{id}` link still answers.
//!
//! Each corpus is a temporary folder holding the seed articles under chosen
//! names; ids are compared through the export (`Export::from_index`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use axum::http::StatusCode;
use tempfile::TempDir;

use counterparts::export::Export;
use counterparts::ids::looks_like_id;
use counterparts::index::Index;
use counterparts::{Library, LoadOptions};

use crate::app;
use app::{get, get_json};

/// A third article, with statements by both speakers, none of them in the seeds.
const EXTRA: &str = "Leaders trade words on Arctic and cyber\n\n\
Joe Biden told reporters on Thursday: “We will keep talking about the Arctic, and we expect results within six months.”\n\n\
Vladimir Putin said: “Russia has never been behind any cyber attacks on American hospitals.”\n\n\
“The meeting was useful for both countries,” Putin added.\n";

/// What an id stands for: who said it, and the words.
type Statement = (Option<String>, String);

/// Every statement of a corpus: (id, speaker, words), and which file each is in.
struct Ids {
    /// Every (id, speaker, words) of the export.
    all: BTreeSet<(String, Statement)>,
    /// Per file: its statements' ids, in source order.
    by_file: BTreeMap<String, Vec<String>>,
    /// The whole export, as JSON, to compare restarts byte for byte.
    json: String,
}

/// The seed articles (`seeds/*.txt`), by file name, in name order.
fn seeds() -> Vec<(String, String)> {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"));
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .expect("the seeds folder")
        .map(|e| e.expect("a folder entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).expect("a seed")))
        .collect();
    files.sort();
    assert_eq!(files.len(), 2, "the two seed articles");
    files
}

/// A temporary folder holding `files` (name, text).
fn folder(files: &[(&str, &str)]) -> TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("an article is written");
    }
    dir
}

/// The library of a folder's articles, with the built-in summit.
fn load(dir: &Path) -> Library {
    let library = Library::load(&LoadOptions { articles: Some(dir.to_path_buf()), summit: None }).expect("the folder loads");
    assert!(library.skipped.is_empty(), "no article is skipped: {:?}", library.skipped);
    library
}

/// The ids of a library, through its export.
fn ids(library: &Library) -> Ids {
    let index = Index::build(library.clone());
    let export = Export::from_index(&index);
    let mut all = BTreeSet::new();
    let mut by_file = BTreeMap::new();
    for article in &export.articles {
        let ids: Vec<String> = article.statements.iter().map(|s| s.id.to_string()).collect();
        for s in &article.statements {
            all.insert((s.id.to_string(), (s.speaker.map(String::from), s.text.to_string())));
        }
        by_file.insert(article.file.to_string(), ids);
    }
    Ids { all, by_file, json: export.to_json_pretty() }
}

/// The seeds under new names: `names[i]` for the i-th seed.
fn renamed<'a>(seeds: &'a [(String, String)], names: &[&'a str]) -> Vec<(&'a str, &'a str)> {
    names.iter().zip(seeds).map(|(name, (_, text))| (*name, text.as_str())).collect()
}

/// The seeds under their own names.
fn as_is(seeds: &[(String, String)]) -> Vec<(&str, &str)> {
    seeds.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect()
}

/// The ids of the seed corpus loaded from a folder under the seeds' names.
fn baseline() -> Ids {
    let seeds = seeds();
    let dir = folder(&as_is(&seeds));
    ids(&load(dir.path()))
}

/// The statements of `ids`, without ids: to check that an id names the same words.
fn by_id(ids: &Ids) -> BTreeMap<&str, &Statement> {
    ids.all.iter().map(|(id, st)| (id.as_str(), st)).collect()
}

// ---------------------------------------------------------------------------
// Ids of one corpus
// ---------------------------------------------------------------------------

#[test]
fn ids_look_like_ids_and_are_unique_within_an_article() {
    let base = baseline();
    assert!(base.all.len() >= 10, "the seeds hold statements: {}", base.all.len());
    for (file, ids) in &base.by_file {
        assert!(!ids.is_empty(), "{file} has statements");
        let distinct: BTreeSet<&String> = ids.iter().collect();
        assert_eq!(distinct.len(), ids.len(), "{file}: an id used twice in one article");
        for id in ids {
            assert!(looks_like_id(id), "{file}: {id:?} does not look like an id");
        }
    }
    // One id never names two different statements.
    let mut seen: BTreeMap<&str, &Statement> = BTreeMap::new();
    for (id, st) in &base.all {
        if let Some(before) = seen.insert(id, st) {
            assert_eq!(before.0, st.0, "{id} names statements by two speakers");
        }
    }
}

#[test]
fn the_embedded_seeds_and_a_folder_of_them_agree() {
    let embedded = ids(&Library::load(&LoadOptions::default()).expect("the built-in corpus loads"));
    assert_eq!(embedded.all, baseline().all);
}

#[test]
fn a_restart_gives_identical_ids() {
    let seeds = seeds();
    let dir = folder(&as_is(&seeds));
    let first = ids(&load(dir.path()));
    let second = ids(&load(dir.path()));
    assert_eq!(first.all, second.all);
    assert_eq!(first.json, second.json, "two loads of the same folder export the same document");
    let builtin = || Export::from_index(&Index::build(Library::load(&LoadOptions::default()).unwrap())).to_json_pretty();
    assert_eq!(builtin(), builtin(), "two loads of the built-in corpus export the same document");
}

// ---------------------------------------------------------------------------
// Renaming, reordering, adding
// ---------------------------------------------------------------------------

#[test]
fn renaming_files_keeps_every_id() {
    let seeds = seeds();
    let base = baseline();
    // Same order, new names.
    let dir = folder(&renamed(&seeds, &["first-article.txt", "second-article.txt"]));
    let after = ids(&load(dir.path()));
    assert_eq!(after.all, base.all, "renaming changed ids");
    assert_eq!(after.by_file["first-article.txt"], base.by_file[&seeds[0].0]);
    assert_eq!(after.by_file["second-article.txt"], base.by_file[&seeds[1].0]);
}

#[test]
fn reordering_files_keeps_every_id() {
    let seeds = seeds();
    let base = baseline();
    // The first seed now sorts last and the second first.
    let dir = folder(&renamed(&seeds, &["zz_last.txt", "aa_first.txt"]));
    let library = load(dir.path());
    let order: Vec<&str> = library.articles.iter().map(|a| a.article.file.as_str()).collect();
    assert_eq!(order, ["aa_first.txt", "zz_last.txt"], "the articles load in the new order");
    let after = ids(&library);
    assert_eq!(after.all, base.all, "reordering changed ids");
    assert_eq!(after.by_file["zz_last.txt"], base.by_file[&seeds[0].0]);
    assert_eq!(after.by_file["aa_first.txt"], base.by_file[&seeds[1].0]);
}

#[test]
fn adding_an_article_only_adds_ids() {
    let seeds = seeds();
    let base = baseline();
    // The new article sorts first, so every seed moves down one place.
    let mut files = as_is(&seeds);
    files.push(("000_added.txt", EXTRA));
    let dir = folder(&files);
    let after = ids(&load(dir.path()));
    for (file, old) in &base.by_file {
        assert_eq!(&after.by_file[file], old, "{file}: its ids changed when an article was added");
    }
    assert!(base.all.is_subset(&after.all), "an old id disappeared or names other words");
    let added = &after.by_file["000_added.txt"];
    assert!(added.len() >= 2, "the added article has statements: {added:?}");
    let new: BTreeSet<&(String, Statement)> = after.all.difference(&base.all).collect();
    assert!(!new.is_empty(), "adding an article added ids");
    for (id, _) in &new {
        assert!(added.contains(id), "{id} is new yet not in the added article");
    }
    // The added article's statements are by the tracked speakers.
    let speakers: BTreeSet<Option<&str>> = new.iter().map(|(_, (sp, _))| sp.as_deref()).collect();
    assert!(speakers.contains(&Some("biden")) && speakers.contains(&Some("putin")), "{speakers:?}");
}

#[test]
fn an_id_names_the_same_words_in_every_corpus() {
    let seeds = seeds();
    let base = baseline();
    let mut files = renamed(&seeds, &["zz_last.txt", "aa_first.txt"]);
    files.push(("mm_added.txt", EXTRA));
    let dir = folder(&files);
    let after = ids(&load(dir.path()));
    let (old, new) = (by_id(&base), by_id(&after));
    for (id, statement) in old {
        assert_eq!(new.get(id), Some(&statement), "{id} no longer names the same statement");
    }
}

// ---------------------------------------------------------------------------
// Over HTTP
// ---------------------------------------------------------------------------

#[tokio::test]
async fn old_permalinks_still_answer_after_renaming_and_adding() {
    let seeds = seeds();
    let base = baseline();
    let mut files = renamed(&seeds, &["zz_last.txt", "aa_first.txt"]);
    files.push(("000_added.txt", EXTRA));
    let dir = folder(&files);
    let site = app::site_of(load(dir.path()));
    for (id, (speaker, text)) in &base.all {
        assert_eq!(get(&site, &format!("/quotes/{id}")).await.status, StatusCode::OK, "/quotes/{id} broke");
        let page = get_json(&site, &format!("/quotes/{id}.json")).await;
        assert_eq!(page["statement"]["id"], id.as_str());
        assert_eq!(page["statement"]["speaker"].as_str(), speaker.as_deref(), "/quotes/{id}: another speaker");
        assert_eq!(page["statement"]["text"], text.as_str(), "/quotes/{id}: other words");
    }
    // And an id that was never issued is still a 404.
    assert_eq!(get(&site, "/quotes/aaaaaaaaaa").await.status, StatusCode::NOT_FOUND);
}

/// Article ids by file name, through the export.
fn article_ids(library: &Library) -> BTreeMap<String, String> {
    let index = Index::build(library.clone());
    Export::from_index(&index).articles.iter().map(|a| (a.file.to_string(), a.id.to_string())).collect()
}

/// Two names that slug alike (`A b.txt`, `a-b.txt`): each keeps the same
/// address whether it was there first, came second, or is alone.
#[tokio::test]
async fn article_ids_that_collide_are_settled_by_their_own_names_not_their_order() {
    let seeds = seeds();
    let (one, two) = (seeds[0].1.as_str(), seeds[1].1.as_str());
    let alone_spaced = article_ids(&load(folder(&[("A b.txt", one)]).path()));
    let alone_plain = article_ids(&load(folder(&[("a-b.txt", two)]).path()));
    let both = article_ids(&load(folder(&[("A b.txt", one), ("a-b.txt", two)]).path()));
    // The other way round: the texts swapped, so the load order of the two
    // names is no longer the order of their contents.
    let swapped = article_ids(&load(folder(&[("a-b.txt", one), ("A b.txt", two)]).path()));
    assert_eq!(both["a-b.txt"], "a-b", "a name that is its own slug keeps it");
    assert!(both["A b.txt"].starts_with("a-b-"), "{both:?}");
    assert_eq!(both["A b.txt"], alone_spaced["A b.txt"], "adding a-b.txt changed the id of A b.txt");
    assert_eq!(both["a-b.txt"], alone_plain["a-b.txt"]);
    assert_eq!(both, swapped, "ids follow names, not contents or order");
    // Three names that slug alike, and none of them the slug itself.
    let three = article_ids(&load(folder(&[("A B.txt", one), ("a b.txt", two), ("A b.txt", EXTRA)]).path()));
    let distinct: BTreeSet<&String> = three.values().collect();
    assert_eq!(distinct.len(), 3, "{three:?}");
    assert_eq!(three["A b.txt"], alone_spaced["A b.txt"]);

    // The plain slug, which `A b.txt` had before ids carried a hash of the
    // name, leads to it while no other article claims it.
    let dir = folder(&[("A b.txt", one)]);
    let site = app::site_of(load(dir.path()));
    let reply = get(&site, "/articles/a-b").await;
    assert_eq!(reply.status, StatusCode::PERMANENT_REDIRECT);
    assert_eq!(reply.header("location"), format!("/articles/{}", alone_spaced["A b.txt"]));
}
