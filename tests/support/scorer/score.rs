//! A faithful Rust port of `shared/eval/score.py`, the who-said-what scorer.
//!
//! It reads the same inputs (the gold labels, the project's export, the
//! article files), applies the same rules and yields the same figures and
//! problem lines, so that `cargo test` can hold the analysis to the bar the
//! evaluation sets. `rust_scorer_agrees_with_score_py` in `tests/analysis/accuracy.rs`
//! checks the port against the script itself.
//!
//! Details kept from the script, because they change figures:
//! * Spans are compared in *characters*. An exported statement's byte offsets
//!   become character offsets by decoding the file's prefix with replacement
//!   characters (`String::from_utf8_lossy`), as `char_span` does.
//! * A label is located with Python's `str.find`: its first occurrence.
//! * Thresholds are computed in `f64` exactly like Python (`x >= 0.5 * L`).
//! * Ties go where Python's `max` sends them: to the first candidate in export
//!   order, and to the speaker whose label comes first in the gold.
//! * JSON `true`/`false` are Python `int`s, so they pass as offsets 1 and 0.
//!
//! Where the script would crash (a label not in its article, an unreadable
//! file, an export of the wrong shape), the port returns an `Err` instead.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt;
use std::io;
use std::marker::PhantomData;
use std::path::{Path, PathBuf};

use serde::de::{Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;

use super::pyfmt::{prefix, repr_str, repr_str_list, str_value};

/// A half-open range of character offsets; `i64` because an unlocated
/// `not_theirs` text gets Python's `find` result -1 as its start.
pub type Span = (i64, i64);

// ---------------------------------------------------------------------------
// The gold labels
// ---------------------------------------------------------------------------

/// The hand labels, with the articles in the order of the document (the
/// order `score.py` walks them, which fixes the order of the problem lines).
#[derive(Debug, Clone)]
pub struct Gold {
    /// `set(gold["speakers"])`: the ids of the tracked speakers.
    pub tracked: HashSet<String>,
    /// The ids of the topics table, in document order.
    pub topic_ids: Vec<String>,
    /// File name and labels of every article, in document order.
    pub articles: Vec<(String, GoldArticle)>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldArticle {
    pub statements: Vec<Label>,
    #[serde(default)]
    pub not_theirs: Vec<NotTheirs>,
}

/// One labelled statement.
#[derive(Debug, Clone, Deserialize)]
pub struct Label {
    pub speaker: String,
    #[serde(default)]
    pub kind: Option<String>,
    pub text: String,
    pub topics: Vec<String>,
    #[serde(default)]
    pub topics_ok: Vec<String>,
    /// Kept raw: the script tests it for Python truthiness.
    #[serde(default)]
    optional: Value,
}

impl Label {
    /// `it.get("optional")` as Python's `if` sees it.
    pub fn is_optional(&self) -> bool {
        truthy(&self.optional)
    }
}

/// A text that must never be attributed to a tracked speaker.
#[derive(Debug, Clone, Deserialize)]
pub struct NotTheirs {
    pub text: String,
    /// Only read when the text is misattributed (the script's `n['why']`).
    #[serde(default)]
    pub why: Option<String>,
}

/// The shape of the gold document, before the speakers are turned into a set.
#[derive(Deserialize)]
struct RawGold {
    speakers: Value,
    #[serde(default, deserialize_with = "in_document_order")]
    topics: Vec<(String, Value)>,
    #[serde(deserialize_with = "in_document_order")]
    articles: Vec<(String, GoldArticle)>,
}

impl Gold {
    /// Parses the gold JSON document.
    pub fn from_json(text: &str) -> Result<Gold, String> {
        let raw: RawGold = serde_json::from_str(text).map_err(|e| format!("gold labels: {e}"))?;
        Ok(Gold {
            tracked: python_set(&raw.speakers)?.into_iter().collect(),
            topic_ids: raw.topics.into_iter().map(|(id, _)| id).collect(),
            articles: raw.articles,
        })
    }

    /// Reads and parses a gold file.
    pub fn from_file(path: &Path) -> Result<Gold, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        Gold::from_json(&text)
    }
}

/// Deserializes a JSON object as a list of entries in document order. Like a
/// Python dict, a repeated key keeps its first place and takes the last value.
fn in_document_order<'de, D, T>(deserializer: D) -> Result<Vec<(String, T)>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct Entries<T>(PhantomData<T>);

    impl<'de, T: Deserialize<'de>> Visitor<'de> for Entries<T> {
        type Value = Vec<(String, T)>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a JSON object")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut entries: Vec<(String, T)> = Vec::new();
            while let Some((key, value)) = map.next_entry::<String, T>()? {
                match entries.iter_mut().find(|(k, _)| *k == key) {
                    Some(entry) => entry.1 = value,
                    None => entries.push((key, value)),
                }
            }
            Ok(entries)
        }
    }

    deserializer.deserialize_map(Entries(PhantomData))
}

// ---------------------------------------------------------------------------
// Python semantics the script relies on
// ---------------------------------------------------------------------------

/// Python truthiness of a JSON value.
fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64() != Some(0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// Python's `set(v)` for the JSON values where it makes sense: a dict gives
/// its keys, a list its (string) items, a string its characters.
fn python_set(v: &Value) -> Result<BTreeSet<String>, String> {
    match v {
        Value::Object(map) => Ok(map.keys().cloned().collect()),
        Value::String(s) => Ok(s.chars().map(String::from).collect()),
        Value::Array(items) => items
            .iter()
            .map(|x| match x {
                Value::String(s) => Ok(s.clone()),
                other => Err(format!("the port only handles lists of strings here, not {other}")),
            })
            .collect::<Result<BTreeSet<String>, String>>(),
        other => Err(format!("set() of {other} raises TypeError in score.py")),
    }
}

/// Python's `isinstance(v, int)` for a parsed JSON value, with its value.
/// Booleans are ints in Python; JSON numbers written with a fraction or an
/// exponent are floats.
fn python_int(v: Option<&Value>) -> Option<i128> {
    match v? {
        Value::Bool(b) => Some(i128::from(*b)),
        Value::Number(n) => n.as_i64().map(i128::from).or_else(|| n.as_u64().map(i128::from)),
        _ => None,
    }
}

/// Python's `str.find`, in characters: where the first occurrence starts.
pub fn char_find(haystack: &str, needle: &str) -> Option<usize> {
    haystack.find(needle).map(|byte| haystack[..byte].chars().count())
}

/// Number of characters in a string, as Python's `len`.
fn char_len(s: &str) -> i64 {
    s.chars().count() as i64
}

/// `char_span`: byte offsets to character offsets, decoding the prefixes of
/// the file with replacement characters.
pub fn char_span(src: &[u8], start: usize, end: usize) -> Span {
    let chars_before = |n: usize| char_len(&String::from_utf8_lossy(&src[..n]));
    (chars_before(start), chars_before(end))
}

/// Characters shared by two spans.
pub fn overlap(a: Span, b: Span) -> i64 {
    0.max(a.1.min(b.1) - a.0.max(b.0))
}

/// Characters of `p` covered by the union of `spans`.
pub fn union_cover(p: Span, spans: &[Span]) -> i64 {
    let mut pieces: Vec<Span> =
        spans.iter().filter(|s| overlap(p, **s) > 0).map(|s| (p.0.max(s.0), p.1.min(s.1))).collect();
    pieces.sort_unstable();
    let mut total = 0;
    let mut current: Option<Span> = None;
    for (a, b) in pieces {
        match current.as_mut() {
            Some(cur) if a <= cur.1 => cur.1 = cur.1.max(b),
            _ => {
                if let Some(cur) = current {
                    total += cur.1 - cur.0;
                }
                current = Some((a, b));
            }
        }
    }
    total + current.map_or(0, |cur| cur.1 - cur.0)
}

/// `part >= share * whole`, computed in floating point as Python does.
fn reaches(part: i64, share: f64, whole: i64) -> bool {
    part as f64 >= share * whole as f64
}

/// Python's `a / b if b else 0.0`.
fn ratio(a: f64, b: f64) -> f64 {
    if b != 0.0 {
        a / b
    } else {
        0.0
    }
}

/// Index of the first element with the largest key, like Python's `max`.
fn first_max_by_key<T>(items: &[T], key: impl Fn(&T) -> i64) -> Option<usize> {
    let mut best: Option<(usize, i64)> = None;
    for (i, item) in items.iter().enumerate() {
        let k = key(item);
        if best.is_none_or(|(_, b)| k > b) {
            best = Some((i, k));
        }
    }
    best.map(|(i, _)| i)
}

// ---------------------------------------------------------------------------
// The result
// ---------------------------------------------------------------------------

/// The script's running totals (its dict `T`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    /// Labelled statements that are not optional.
    pub req: usize,
    /// ... of which some exported statement covers at least half.
    pub found: usize,
    /// ... of which the best-covering exported statement has the right speaker.
    pub spk_ok: usize,
    /// Exported statements of a tracked speaker with a valid span.
    pub pred: usize,
    /// ... that labelled text covers at least 40% of.
    pub good: usize,
    /// ... whose speaker owns most of the labelled text inside.
    pub good_spk: usize,
    /// ... whose labelled text inside is mostly another tracked speaker's:
    /// words in the wrong mouth.
    pub wrong_mouth: usize,
    /// Topic true positives, false positives and false negatives.
    pub ttp: usize,
    pub tfp: usize,
    pub tfn: usize,
    /// `not_theirs` texts given to a tracked speaker.
    pub neg: usize,
    pub bad_span: usize,
    /// Total characters of the exported and of the required labelled statements.
    pub plen: i64,
    pub glen: i64,
    pub missing_articles: usize,
}

/// Every figure `score.py` prints, and its problem lines.
#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    pub tally: Tally,
    pub labelled: usize,
    pub predicted: usize,
    pub mean_predicted_chars: f64,
    pub mean_labelled_chars: f64,
    pub bad_spans: usize,
    pub missing_articles: usize,
    pub extraction_precision: f64,
    pub extraction_recall: f64,
    pub speaker_accuracy: f64,
    pub topics_precision: f64,
    pub topics_recall: f64,
    pub topics_f1: f64,
    pub misattributed: usize,
    /// Exported statements given to a tracked speaker while the labelled
    /// words inside them are mostly another's (`--wrong-mouth`).
    pub wrong_speaker: usize,
    pub who_said_what_f1: f64,
    pub who_said_what_precision: f64,
    pub who_said_what_recall: f64,
    /// Every mismatch, without the two-space indent the script prints.
    pub problems: Vec<String>,
}

impl Score {
    fn from_tally(t: Tally, problems: Vec<String>) -> Score {
        let r = |a: usize, b: usize| ratio(a as f64, b as f64);
        let (tp, tr) = (r(t.ttp, t.ttp + t.tfp), r(t.ttp, t.ttp + t.tfn));
        let (ep, er) = (r(t.good_spk, t.pred), r(t.spk_ok, t.req));
        Score {
            labelled: t.req,
            predicted: t.pred,
            mean_predicted_chars: ratio(t.plen as f64, t.pred as f64),
            mean_labelled_chars: ratio(t.glen as f64, t.req as f64),
            bad_spans: t.bad_span,
            missing_articles: t.missing_articles,
            extraction_precision: r(t.good, t.pred),
            extraction_recall: r(t.found, t.req),
            speaker_accuracy: r(t.spk_ok, t.found),
            topics_precision: tp,
            topics_recall: tr,
            topics_f1: ratio(2.0 * tp * tr, tp + tr),
            misattributed: t.neg,
            wrong_speaker: t.wrong_mouth,
            who_said_what_f1: ratio(2.0 * ep * er, ep + er),
            who_said_what_precision: ep,
            who_said_what_recall: er,
            problems,
            tally: t,
        }
    }

    /// The script's first figures line.
    pub fn statements_line(&self) -> String {
        format!(
            "statements: labelled {}, predicted {} (mean length {:.0} chars vs labelled {:.0}), \
             bad spans {}, articles missing {}",
            self.labelled,
            self.predicted,
            self.mean_predicted_chars,
            self.mean_labelled_chars,
            self.bad_spans,
            self.missing_articles
        )
    }

    /// The script's second figures line.
    pub fn figures_line(&self) -> String {
        format!(
            "extraction P={:.3} R={:.3} | speaker accuracy {:.3} | topics P={:.3} R={:.3} F1={:.3} | misattributed {}",
            self.extraction_precision,
            self.extraction_recall,
            self.speaker_accuracy,
            self.topics_precision,
            self.topics_recall,
            self.topics_f1,
            self.misattributed
        )
    }

    /// The script's last line, e.g. `SUMMARY who-said-what F1=0.960 (P=0.970
    /// R=0.950) topics F1=0.880 misattributed=0 bad_spans=0`.
    pub fn summary_line(&self) -> String {
        format!(
            "SUMMARY who-said-what F1={:.3} (P={:.3} R={:.3}) topics F1={:.3} misattributed={} bad_spans={}",
            self.who_said_what_f1,
            self.who_said_what_precision,
            self.who_said_what_recall,
            self.topics_f1,
            self.misattributed,
            self.bad_spans
        )
    }

    /// The line `--wrong-mouth` adds after the summary.
    pub fn wrong_mouth_line(&self) -> String {
        format!("WRONG-MOUTH wrong_speaker={} misattributed={}", self.wrong_speaker, self.misattributed)
    }

    /// Is any statement in the wrong mouth: given to a tracked speaker
    /// whose words they are not, or a `not_theirs` text given to one?
    pub fn any_wrong_mouth(&self) -> bool {
        self.wrong_speaker > 0 || self.misattributed > 0
    }

    /// Every line the script prints, in its order.
    pub fn report_lines(&self) -> Vec<String> {
        let mut lines: Vec<String> = self.problems.iter().map(|p| format!("  {p}")).collect();
        lines.extend([self.statements_line(), self.figures_line(), self.summary_line()]);
        lines
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for line in self.report_lines() {
            writeln!(f, "{line}")?;
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------

/// A reader of article bytes by file name.
pub fn read_from_dir(dir: impl Into<PathBuf>) -> impl Fn(&str) -> io::Result<Vec<u8>> {
    let dir = dir.into();
    move |name| std::fs::read(dir.join(name))
}

/// A labelled statement located in its article.
struct Item<'g> {
    label: &'g Label,
    span: Span,
}

/// A `not_theirs` text located in its article.
struct Neg<'g> {
    text: &'g NotTheirs,
    span: Span,
}

/// An exported statement of a tracked speaker with a valid span.
struct Pred<'e> {
    raw: &'e Value,
    speaker: &'e str,
    text: &'e str,
    span: Span,
}

impl Pred<'_> {
    /// `set(p.get("topics", []))`.
    fn topics(&self) -> Result<BTreeSet<String>, String> {
        match self.raw.get("topics") {
            None => Ok(BTreeSet::new()),
            Some(v) => python_set(v).map_err(|e| format!("topics of {:?}: {e}", self.text)),
        }
    }
}

/// Scores `export` against `gold`, reading articles with `read_article`.
pub fn score(gold: &Gold, export: &Value, read_article: impl Fn(&str) -> io::Result<Vec<u8>>) -> Result<Score, String> {
    let by_file = export_by_file(export)?;
    let mut scorer = Scorer { tracked: &gold.tracked, tally: Tally::default(), problems: Vec::new() };
    for (fname, article) in &gold.articles {
        let src_b = read_article(fname).map_err(|e| format!("{fname}: {e}"))?;
        scorer.article(fname, article, &src_b, by_file.get(fname.as_str()).copied())?;
    }
    Ok(Score::from_tally(scorer.tally, scorer.problems))
}

/// `{a.get("file"): a for a in pred.get("articles", [])}`: the last article
/// of a file name wins.
fn export_by_file(export: &Value) -> Result<HashMap<&str, &Value>, String> {
    let export = export.as_object().ok_or("the export is not a JSON object")?;
    let articles = match export.get("articles") {
        None => return Ok(HashMap::new()),
        Some(Value::Array(a)) => a,
        Some(other) => return Err(format!("the export's articles are not a list: {other}")),
    };
    let mut by_file = HashMap::new();
    for article in articles {
        let article_obj = article.as_object().ok_or("an exported article is not a JSON object")?;
        // A file name that is not a string can never match a gold file name.
        if let Some(Value::String(file)) = article_obj.get("file") {
            by_file.insert(file.as_str(), article);
        }
    }
    Ok(by_file)
}

/// The state the script keeps across articles.
struct Scorer<'g> {
    tracked: &'g HashSet<String>,
    tally: Tally,
    problems: Vec<String>,
}

impl<'g> Scorer<'g> {
    /// Scores one gold article: the body of the script's main loop.
    fn article(
        &mut self,
        fname: &str,
        gold: &'g GoldArticle,
        src_b: &[u8],
        exported: Option<&Value>,
    ) -> Result<(), String> {
        let src = std::str::from_utf8(src_b).map_err(|e| format!("{fname}: not UTF-8: {e}"))?;
        let items = locate_labels(fname, src, &gold.statements)?;
        let negs = locate_negs(src, &gold.not_theirs);
        let preds = match exported {
            None => {
                self.tally.missing_articles += 1;
                self.problems.push(format!("{fname}: not in the export"));
                Vec::new()
            }
            Some(article) => self.predictions(fname, src_b, article)?,
        };
        self.recall(fname, &items, &preds)?;
        self.precision(fname, &items, &negs, &preds)?;
        self.tally.glen +=
            items.iter().filter(|it| !it.label.is_optional()).map(|it| it.span.1 - it.span.0).sum::<i64>();
        Ok(())
    }

    /// The exported statements of a tracked speaker whose span is valid;
    /// every invalid span is counted and listed, whoever the speaker.
    fn predictions<'e>(&mut self, fname: &str, src_b: &[u8], article: &'e Value) -> Result<Vec<Pred<'e>>, String> {
        let statements = match article.get("statements") {
            None => return Ok(Vec::new()),
            Some(Value::Array(s)) => s,
            Some(other) => return Err(format!("{fname}: exported statements are not a list: {other}")),
        };
        let mut preds = Vec::new();
        for p in statements {
            if !p.is_object() {
                return Err(format!("{fname}: an exported statement is not a JSON object: {p}"));
            }
            let Some((start, end, text)) = valid_span(p, src_b) else {
                self.tally.bad_span += 1;
                let shown = str_value(p.get("text"));
                self.problems.push(format!("{fname}: span does not match text: {}", repr_str(prefix(&shown, 60))));
                continue;
            };
            let speaker = match p.get("speaker") {
                Some(Value::String(s)) if self.tracked.contains(s) => s.as_str(),
                _ => continue,
            };
            preds.push(Pred { raw: p, speaker, text, span: char_span(src_b, start, end) });
        }
        Ok(preds)
    }

    /// The recall side: is every required label found, with the right
    /// speaker and topics?
    fn recall(&mut self, fname: &str, items: &[Item], preds: &[Pred]) -> Result<(), String> {
        for it in items.iter().filter(|it| !it.label.is_optional()) {
            self.tally.req += 1;
            let len = it.span.1 - it.span.0;
            let cands: Vec<&Pred> = preds.iter().filter(|p| reaches(overlap(p.span, it.span), 0.5, len)).collect();
            let Some(best) = first_max_by_key(&cands, |p| overlap(p.span, it.span)) else {
                self.problems.push(format!(
                    "{fname}: MISSED {}: {}",
                    it.label.speaker,
                    repr_str(prefix(&it.label.text, 80))
                ));
                continue;
            };
            self.tally.found += 1;
            let p = cands[best];
            if p.speaker == it.label.speaker {
                self.tally.spk_ok += 1;
            } else {
                self.problems.push(format!(
                    "{fname}: WRONG SPEAKER {} (is {}): {}",
                    p.speaker,
                    it.label.speaker,
                    repr_str(prefix(&it.label.text, 70))
                ));
            }
            self.topics(fname, it.label, &p.topics()?);
        }
        Ok(())
    }

    /// Topic counts of one found label against the statement compared with it.
    fn topics(&mut self, fname: &str, label: &Label, pt: &BTreeSet<String>) {
        let gt: BTreeSet<String> = label.topics.iter().cloned().collect();
        let ok: BTreeSet<String> = label.topics_ok.iter().cloned().collect();
        let tp = pt.intersection(&gt).count();
        let fp = pt.iter().filter(|t| !gt.contains(*t) && !ok.contains(*t)).count();
        let fn_ = gt.difference(pt).count();
        self.tally.ttp += tp;
        self.tally.tfp += fp;
        self.tally.tfn += fn_;
        if fp > 0 || fn_ > 0 {
            self.problems.push(format!(
                "{fname}: TOPICS {} vs {}: {}",
                repr_str_list(pt),
                repr_str_list(&gt),
                repr_str(prefix(&label.text, 60))
            ));
        }
    }

    /// The precision side: is every exported statement a real statement of
    /// its speaker, and none of them a `not_theirs` text?
    fn precision(&mut self, fname: &str, items: &[Item], negs: &[Neg], preds: &[Pred]) -> Result<(), String> {
        let all_spans: Vec<Span> = items.iter().map(|it| it.span).collect();
        for p in preds {
            self.tally.pred += 1;
            let len = p.span.1 - p.span.0;
            self.tally.plen += len;
            if reaches(union_cover(p.span, &all_spans), 0.4, len) {
                self.tally.good += 1;
                if owner(p.span, items).ok_or_else(|| format!("{fname}: max() of an empty mass dict"))? == p.speaker {
                    self.tally.good_spk += 1;
                } else {
                    self.tally.wrong_mouth += 1;
                }
            } else {
                self.problems.push(format!(
                    "{fname}: NOT A STATEMENT of {}: {}",
                    p.speaker,
                    repr_str(prefix(p.text, 80))
                ));
            }
            self.misattributions(fname, p, negs)?;
        }
        Ok(())
    }

    /// Counts the `not_theirs` texts that `p` covers at least half of.
    fn misattributions(&mut self, fname: &str, p: &Pred, negs: &[Neg]) -> Result<(), String> {
        for n in negs {
            if reaches(overlap(p.span, n.span), 0.5, n.span.1 - n.span.0) {
                self.tally.neg += 1;
                let why = n.text.why.as_deref().ok_or_else(|| format!("{fname}: not_theirs without 'why'"))?;
                self.problems.push(format!(
                    "{fname}: MISATTRIBUTED to {} ({why}): {}",
                    p.speaker,
                    repr_str(prefix(&n.text.text, 60))
                ));
            }
        }
        Ok(())
    }
}

/// `(start, end, text)` when the statement's offsets are Python ints with
/// `0 <= start < end <= len(file)` and its text is exactly those bytes
/// (decoded with replacement characters).
fn valid_span<'e>(p: &'e Value, src_b: &[u8]) -> Option<(usize, usize, &'e str)> {
    let start = python_int(p.get("start"))?;
    let end = python_int(p.get("end"))?;
    if !(0 <= start && start < end && end <= src_b.len() as i128) {
        return None;
    }
    let (start, end) = (start as usize, end as usize);
    let text = p.get("text")?.as_str()?;
    (String::from_utf8_lossy(&src_b[start..end]) == text).then_some((start, end, text))
}

/// Locates every label by its first occurrence; a label that is not in its
/// article stops the script (its `assert`).
fn locate_labels<'g>(fname: &str, src: &str, labels: &'g [Label]) -> Result<Vec<Item<'g>>, String> {
    labels
        .iter()
        .map(|label| {
            let start = char_find(src, &label.text)
                .ok_or_else(|| format!("{fname}: label not in the article: {:?}", prefix(&label.text, 40)))?
                as i64;
            Ok(Item { label, span: (start, start + char_len(&label.text)) })
        })
        .collect()
}

/// Locates every `not_theirs` text; one that is not found starts at -1, as
/// the script leaves it.
fn locate_negs<'g>(src: &str, negs: &'g [NotTheirs]) -> Vec<Neg<'g>> {
    negs.iter()
        .map(|n| {
            let start = char_find(src, &n.text).map_or(-1, |i| i as i64);
            Neg { text: n, span: (start, start + char_len(&n.text)) }
        })
        .collect()
}

/// The speaker that owns most of the labelled text inside `span`; among
/// equals, the one whose first label comes first (Python's `max` over a dict
/// in insertion order). `None` when the article has no labels at all.
fn owner<'g>(span: Span, items: &[Item<'g>]) -> Option<&'g str> {
    let mut mass: Vec<(&'g str, i64)> = Vec::new();
    for it in items {
        let speaker = it.label.speaker.as_str();
        let amount = overlap(span, it.span);
        match mass.iter_mut().find(|(s, _)| *s == speaker) {
            Some(entry) => entry.1 += amount,
            None => mass.push((speaker, amount)),
        }
    }
    first_max_by_key(&mass, |(_, m)| *m).map(|i| mass[i].0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn union_cover_merges_touching_and_overlapping_spans() {
        assert_eq!(union_cover((0, 100), &[(10, 20), (15, 30), (30, 40), (90, 120), (200, 300)]), 40);
        assert_eq!(union_cover((0, 10), &[]), 0);
    }

    #[test]
    fn char_span_decodes_prefixes_with_replacement() {
        let src = "a’b".as_bytes(); // ’ is three bytes: E2 80 99
        assert_eq!(char_span(src, 0, 5), (0, 3));
        // A prefix ending inside ’ decodes to one replacement character.
        assert_eq!(char_span(src, 2, 3), (2, 2));
        assert_eq!(char_span(src, 1, 4), (1, 2));
    }

    #[test]
    fn ties_go_to_the_first() {
        assert_eq!(first_max_by_key(&[3, 5, 5, 1], |x| *x), Some(1));
        assert_eq!(first_max_by_key::<i64>(&[], |x| *x), None);
    }

    #[test]
    fn booleans_are_python_ints() {
        assert_eq!(python_int(Some(&Value::Bool(true))), Some(1));
        assert_eq!(python_int(Some(&serde_json::json!(1.0))), None);
        assert_eq!(python_int(Some(&serde_json::json!("1"))), None);
        assert_eq!(python_int(None), None);
    }

    #[test]
    fn gold_keeps_document_order() {
        let gold = Gold::from_json(
            r#"{"speakers": {"b": "B", "a": "A"}, "topics": {"z": "", "y": ""},
                "articles": {"z.txt": {"statements": []}, "a.txt": {"statements": []}, "z.txt": {"statements": []}}}"#,
        )
        .unwrap();
        let files: Vec<&str> = gold.articles.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(files, ["z.txt", "a.txt"]);
        assert_eq!(gold.topic_ids, ["z", "y"]);
        assert_eq!(gold.tracked, HashSet::from(["a".to_string(), "b".to_string()]));
    }
}
