//! Who-said-what accuracy on the seed articles, scored against the hand
//! labels with exactly the rules of the evaluation's `score.py`.
//!
//! * `seed_export_meets_the_accuracy_bar` holds the analysis to the bar.
//! * `rust_scorer_agrees_with_score_py` checks that the Rust port of the
//!   scorer (tests/support/scorer/score.rs) prints what the script prints, on a
//!   perfect, several noisy, an edge-case and the real export.
//! * `port_by_hand` checks a few figures of the port on small examples.
//!
//! `cargo test --release --test analysis accuracy -- --nocapture` shows the problem lines.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::scorer::exports;
use crate::scorer::score::{self, Gold, Score};

/// The seed articles, as files (the scorer reads bytes from disk).
const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
/// A byte-for-byte copy of `shared/eval/gold/seeds.json`.
const GOLD: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/gold_seeds.json");
/// The evaluation's scorer, beside the project.
const SCORE_PY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/eval/score.py");

/// The bar the seed export must meet.
const MIN_WHO_SAID_WHAT_F1: f64 = 0.95;
const MIN_TOPICS_F1: f64 = 0.85;

fn gold() -> Gold {
    Gold::from_file(Path::new(GOLD)).unwrap_or_else(|e| panic!("cannot read the gold labels: {e}"))
}

/// The export of the built-in library, built in-process.
fn library_export() -> Value {
    let lib = counterparts::Library::load(&counterparts::LoadOptions::default()).unwrap();
    serde_json::to_value(counterparts::export::Export::from_index(&counterparts::index::Index::build(lib))).unwrap()
}

fn score_seeds(gold: &Gold, export: &Value) -> Score {
    score::score(gold, export, score::read_from_dir(SEEDS)).unwrap_or_else(|e| panic!("cannot score the export: {e}"))
}

#[test]
fn seed_export_meets_the_accuracy_bar() {
    let score = score_seeds(&gold(), &library_export());
    print!("{score}");

    let checks = [
        (score.who_said_what_f1 >= MIN_WHO_SAID_WHAT_F1, format!("who-said-what F1 below {MIN_WHO_SAID_WHAT_F1}")),
        (score.topics_f1 >= MIN_TOPICS_F1, format!("topics F1 below {MIN_TOPICS_F1}")),
        (score.misattributed == 0, "not_theirs texts attributed to a tracked speaker".to_string()),
        (score.wrong_speaker == 0, "statements given to the wrong tracked speaker".to_string()),
        (score.bad_spans == 0, "statements whose span does not match their text".to_string()),
        (score.missing_articles == 0, "seed articles missing from the export".to_string()),
    ];
    let failures: Vec<&str> = checks.iter().filter(|(ok, _)| !ok).map(|(_, why)| why.as_str()).collect();
    assert!(
        failures.is_empty(),
        "the seed export does not meet the accuracy bar: {}\n{}\nproblems:\n{}",
        failures.join("; "),
        score.summary_line(),
        score.problems.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n"),
    );
}

/// A labelled folder of articles written for the project (with its own
/// `summit.toml` where it is about another summit), and the bars it must meet.
struct LabelledSet {
    folder: &'static str,
    min_f1: f64,
    min_topics_f1: f64,
}

impl LabelledSet {
    fn dir(&self) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(self.folder)
    }

    fn score(&self) -> Score {
        let dir = self.dir();
        let gold = Gold::from_file(&dir.join("gold.json")).unwrap();
        let summit = Some(dir.join("summit.toml")).filter(|p| p.is_file());
        let lib = counterparts::Library::load(&counterparts::LoadOptions { articles: Some(dir.clone()), summit }).unwrap();
        let export = serde_json::to_value(counterparts::export::Export::from_index(&counterparts::index::Index::build(lib))).unwrap();
        score::score(&gold, &export, score::read_from_dir(&dir)).unwrap()
    }

    /// Fails on any statement in the wrong mouth, a bad span, or a figure
    /// under its bar.
    fn holds(&self) {
        let score = self.score();
        print!("{score}");
        println!("{}", score.wrong_mouth_line());
        assert!(
            score.who_said_what_f1 >= self.min_f1
                && score.topics_f1 >= self.min_topics_f1
                && !score.any_wrong_mouth()
                && score.bad_spans == 0
                && score.missing_articles == 0,
            "accuracy on {} fell: {} {}\n{}",
            self.folder,
            score.summary_line(),
            score.wrong_mouth_line(),
            score.problems.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n"),
        );
    }
}

/// Articles in other outlets' styles (wire copy, broadsheet, live blog,
/// transcript, translation, analysis, briefs): coverage the rules were not
/// shaped on.
#[test]
fn other_outlets_styles_stay_accurate() {
    LabelledSet { folder: "extra", min_f1: 0.92, min_topics_f1: 0.90 }.holds();
}

/// Transcripts in seven styles: White House, Kremlin, Rev with time stamps,
/// an edited Q&A, a joint appearance with an interpreter, captions, TV.
#[test]
fn transcripts_are_read_turn_by_turn() {
    LabelledSet { folder: "transcripts", min_f1: 0.95, min_topics_f1: 0.90 }.holds();
}

/// Reported speech of every shape, quotations attributed from a distance,
/// and wrong-mouth traps, about the Geneva summit.
#[test]
fn reported_speech_of_every_shape() {
    LabelledSet { folder: "reported", min_f1: 0.93, min_topics_f1: 0.80 }.holds();
}

/// The same styles about another summit, with its own summit file.
#[test]
fn another_summit_with_its_own_summit_file() {
    LabelledSet { folder: "other_summit", min_f1: 0.91, min_topics_f1: 0.88 }.holds();
}

// ---------------------------------------------------------------------------
// Agreement with score.py
// ---------------------------------------------------------------------------

/// The script, or `None` (with a line saying why) when it cannot run here.
/// On CI (`CI=true`) a scorer that cannot run is a failure, not a skip.
fn python_scorer() -> Option<PathBuf> {
    let script = PathBuf::from(SCORE_PY);
    let reason = if !script.is_file() {
        Some(format!("{} does not exist", script.display()))
    } else if Command::new("python3").arg("--version").output().is_err() {
        Some("python3 cannot be run".to_string())
    } else {
        None
    };
    match reason {
        None => Some(script),
        Some(reason) if std::env::var("CI").as_deref() == Ok("true") => {
            panic!("rust_scorer_agrees_with_score_py cannot run on CI because {reason}")
        }
        Some(reason) => {
            println!("skipped: rust_scorer_agrees_with_score_py because {reason}");
            None
        }
    }
}

/// What `score.py GOLD EXPORT SEEDS [FLAGS]` prints, line by line.
fn run_score_py(script: &Path, export: &Path, flags: &[&str]) -> Vec<String> {
    let out = Command::new("python3")
        .arg(script)
        .args([Path::new(GOLD), export, Path::new(SEEDS)])
        .args(flags)
        .output()
        .expect("python3 ran a moment ago");
    assert!(
        out.status.success(),
        "score.py failed on {}: {}\n{}",
        export.display(),
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("score.py prints UTF-8").lines().map(str::to_string).collect()
}

/// The exports both scorers read, by name.
fn agreement_cases(gold: &Gold) -> Vec<(String, Value)> {
    let read = score::read_from_dir(SEEDS);
    let build = |what: &str, export: Result<Value, String>| {
        export.unwrap_or_else(|e| panic!("cannot build the {what} export: {e}"))
    };
    let mut cases = vec![("perfect".to_string(), build("perfect", exports::perfect_export(gold, &read)))];
    for seed in 1..=6 {
        cases.push((format!("noisy-{seed}"), build("noisy", exports::noisy_export(gold, &read, seed))));
    }
    cases.push(("edge-cases".to_string(), build("edge-case", exports::edge_case_export(gold, &read))));
    cases.push(("library".to_string(), library_export()));
    cases
}

#[test]
fn rust_scorer_agrees_with_score_py() {
    let Some(script) = python_scorer() else { return };
    let gold = gold();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut all_problems = Vec::new();
    let mut wrong_speakers = 0;

    for (name, export) in agreement_cases(&gold) {
        let path = dir.path().join(format!("{name}.json"));
        std::fs::write(&path, serde_json::to_string(&export).unwrap()).unwrap();
        let python = run_score_py(&script, &path, &[]);
        let rust = score_seeds(&gold, &export);
        println!("{name:>10}: {} {}", rust.summary_line(), rust.wrong_mouth_line());

        assert_eq!(python.last(), Some(&rust.summary_line()), "{name}: the summary lines differ");
        assert_eq!(python, rust.report_lines(), "{name}: the reports differ");
        // With --wrong-mouth, one more line: the same count from both.
        let flagged = run_score_py(&script, &path, &["--wrong-mouth"]);
        assert_eq!(flagged[..flagged.len() - 1], python[..], "{name}: --wrong-mouth changed the report");
        assert_eq!(flagged.last(), Some(&rust.wrong_mouth_line()), "{name}: the wrong-mouth lines differ");
        wrong_speakers += rust.wrong_speaker;
        if name == "perfect" {
            assert_eq!(
                rust.summary_line(),
                "SUMMARY who-said-what F1=1.000 (P=1.000 R=1.000) topics F1=1.000 misattributed=0 bad_spans=0"
            );
        }
        all_problems.extend(rust.problems);
    }

    assert!(wrong_speakers > 0, "no export put words in the wrong mouth: the count is never tried");
    // The exports must keep exercising every kind of mismatch.
    for kind in [
        ": not in the export",
        ": span does not match text: ",
        ": MISSED ",
        ": WRONG SPEAKER ",
        ": TOPICS ",
        ": NOT A STATEMENT of ",
        ": MISATTRIBUTED to ",
    ] {
        assert!(all_problems.iter().any(|p| p.contains(kind)), "no export produced a {kind:?} problem");
    }
}

// ---------------------------------------------------------------------------
// The port, checked by hand
// ---------------------------------------------------------------------------

mod port_by_hand {
    use std::io;

    use serde_json::{json, Value};

    use crate::scorer::score::{score, Gold, Score};

    /// The curly quotes take three bytes each, so byte and character offsets
    /// differ from the first statement on.
    const SRC: &str = "Ann: “alpha beta gamma delta” Bob: “one two three four” Note: the reporter speaks here.";

    fn read(name: &str) -> io::Result<Vec<u8>> {
        match name {
            "a.txt" => Ok(SRC.as_bytes().to_vec()),
            _ => Err(io::ErrorKind::NotFound.into()),
        }
    }

    fn gold(statements: Value) -> Gold {
        let doc = json!({
            "speakers": {"ann": "Ann", "bob": "Bob"},
            "topics": {"t1": "", "t2": "", "t3": "", "t4": ""},
            "articles": {"a.txt": {
                "statements": statements,
                "not_theirs": [{"text": "the reporter speaks here", "why": "narrative"}],
            }},
        });
        Gold::from_json(&doc.to_string()).unwrap()
    }

    /// A statement over the bytes of `SRC[from..from + len]` where `from` is
    /// the byte offset of `needle` plus `skip` bytes.
    fn stmt(speaker: Value, needle: &str, skip: usize, len: usize, topics: Value) -> Value {
        let start = SRC.find(needle).unwrap() + skip;
        let end = start + len;
        json!({"speaker": speaker, "start": start, "end": end, "text": &SRC[start..end], "topics": topics})
    }

    fn export(statements: Vec<Value>) -> Value {
        json!({"articles": [{"file": "a.txt", "statements": statements}]})
    }

    fn run(gold: &Gold, statements: Vec<Value>) -> Score {
        score(gold, &export(statements), read).unwrap()
    }

    #[test]
    fn figures() {
        let gold = gold(json!([
            {"speaker": "ann", "text": "alpha beta gamma delta", "topics": ["t1"], "topics_ok": ["t3"]},
            {"speaker": "bob", "text": "one two three four", "topics": ["t2"]},
            {"speaker": "ann", "text": "Ann", "topics": [], "optional": true},
        ]));
        let mut bad = stmt(json!("ann"), "alpha", 0, 5, json!([]));
        bad["text"] = json!("alpha!");
        let score = run(
            &gold,
            vec![
                // Found, right speaker; t3 is allowed: 1 tp.
                stmt(json!("ann"), "alpha", 0, 22, json!(["t1", "t3"])),
                // 10 of 18 characters: found, wrong speaker; 1 tp, 1 fp.
                stmt(json!("ann"), "one", 0, 10, json!(["t2", "t4"])),
                // 20 of the 24 characters of a not_theirs text, no label.
                stmt(json!("bob"), "reporter", 0, 20, json!([])),
                // Untracked: ignored.
                stmt(Value::Null, "one", 0, 18, json!(["t2"])),
                bad,
            ],
        );
        let t = &score.tally;
        assert_eq!((t.req, t.found, t.spk_ok), (2, 2, 1));
        assert_eq!((t.pred, t.good, t.good_spk), (3, 2, 1));
        assert_eq!((t.ttp, t.tfp, t.tfn, t.neg, t.bad_span), (2, 1, 0, 1, 1));
        assert_eq!((score.extraction_precision, score.extraction_recall), (2.0 / 3.0, 1.0));
        assert_eq!(score.speaker_accuracy, 0.5);
        assert_eq!(
            score.summary_line(),
            "SUMMARY who-said-what F1=0.400 (P=0.333 R=0.500) topics F1=0.800 misattributed=1 bad_spans=1"
        );
        assert_eq!(
            score.problems,
            [
                "a.txt: span does not match text: 'alpha!'",
                "a.txt: WRONG SPEAKER ann (is bob): 'one two three four'",
                "a.txt: TOPICS ['t2', 't4'] vs ['t2']: 'one two three four'",
                "a.txt: NOT A STATEMENT of bob: 'reporter speaks here'",
                "a.txt: MISATTRIBUTED to bob (narrative): 'the reporter speaks here'",
            ]
        );
    }

    #[test]
    fn overlap_ties_go_to_the_first_statement() {
        let gold = gold(json!([{"speaker": "ann", "text": "alpha beta", "topics": []}]));
        // Both cover 6 of the 10 characters.
        let wrong = stmt(json!("bob"), "alpha", 0, 6, json!([]));
        let right = stmt(json!("ann"), "alpha", 4, 6, json!([]));
        assert_eq!(run(&gold, vec![wrong.clone(), right.clone()]).tally.spk_ok, 0);
        assert_eq!(run(&gold, vec![right, wrong]).tally.spk_ok, 1);
    }

    #[test]
    fn speaker_mass_ties_go_to_the_first_labelled_speaker() {
        // Ann's label comes first in the text, Bob's first in the gold.
        let gold = gold(json!([
            {"speaker": "bob", "text": "Bob", "topics": []},
            {"speaker": "ann", "text": "alpha beta gamma delta", "topics": []},
        ]));
        // "ta” Bo": 2 characters of Ann's label, 2 of Bob's, 2 between.
        let straddle = |who: &str| stmt(json!(who), "ta” Bo", 0, "ta” Bo".len(), json!([]));
        let good_spk = |who: &str| run(&gold, vec![straddle(who)]).tally.good_spk;
        assert_eq!(good_spk("bob"), 1);
        assert_eq!(good_spk("ann"), 0);
    }

    #[test]
    fn label_coverage_thresholds() {
        let gold = gold(json!([{"speaker": "ann", "text": "alpha beta", "topics": []}]));
        // Half of a label is found; one character less is not.
        assert_eq!(run(&gold, vec![stmt(json!("ann"), "alpha", 0, 5, json!([]))]).tally.found, 1);
        assert_eq!(run(&gold, vec![stmt(json!("ann"), "alpha", 0, 4, json!([]))]).tally.found, 0);
        // The 10 labelled characters are 40% of 25, not of 26.
        let long = |chars: usize| stmt(json!("ann"), "alpha", 0, chars + 2, json!([])); // “ ends it: +2 bytes
        assert_eq!(run(&gold, vec![long(25)]).tally.good, 1);
        assert_eq!(run(&gold, vec![long(26)]).tally.good, 0);
    }

    #[test]
    fn a_missing_article_is_counted() {
        let gold = gold(json!([{"speaker": "ann", "text": "alpha beta", "topics": []}]));
        let score = score(&gold, &json!({"articles": [{"file": "b.txt", "statements": []}]}), read).unwrap();
        assert_eq!((score.missing_articles, score.labelled, score.predicted), (1, 1, 0));
        assert_eq!(score.problems, ["a.txt: not in the export", "a.txt: MISSED ann: 'alpha beta'"]);
    }
}
