//! Exports built from the gold labels, for checking the Rust scorer against
//! `score.py`: a perfect one, seeded noisy ones, and one that walks every
//! edge of the rules (ties, thresholds, byte offsets inside a character,
//! malformed statements).
//!
//! Everything is positioned in characters, like the labels, and written with
//! byte offsets, like the project's export.

use std::io;

use serde_json::{json, Value};

use super::score::{char_find, Gold, GoldArticle, Label};

/// Reads an article's bytes by file name.
pub type Reader<'a> = &'a dyn Fn(&str) -> io::Result<Vec<u8>>;

/// A half-open range of character offsets.
type CharSpan = (usize, usize);

// ---------------------------------------------------------------------------
// Articles and statements
// ---------------------------------------------------------------------------

/// An article file, with the byte offset of every character.
pub struct Source {
    pub name: String,
    pub bytes: Vec<u8>,
    /// `byte_of[i]` is where character `i` starts; the last entry is the length.
    byte_of: Vec<usize>,
}

impl Source {
    pub fn read(name: &str, read: Reader) -> Result<Source, String> {
        let bytes = read(name).map_err(|e| format!("{name}: {e}"))?;
        let text = std::str::from_utf8(&bytes).map_err(|e| format!("{name}: {e}"))?;
        let byte_of = text.char_indices().map(|(i, _)| i).chain([bytes.len()]).collect();
        Ok(Source { name: name.to_string(), bytes, byte_of })
    }

    fn text(&self) -> &str {
        std::str::from_utf8(&self.bytes).expect("checked in Source::read")
    }

    /// Length in characters.
    pub fn chars(&self) -> usize {
        self.byte_of.len() - 1
    }

    /// Where a text first occurs, in characters (how the scorer locates labels).
    pub fn locate(&self, text: &str) -> Option<CharSpan> {
        char_find(self.text(), text).map(|i| (i, i + text.chars().count()))
    }

    /// A statement over the characters `span`, with byte offsets and text.
    pub fn statement(&self, speaker: Value, span: CharSpan, topics: Value) -> Value {
        self.statement_at_bytes(speaker, self.byte_of[span.0], self.byte_of[span.1], topics)
    }

    /// A statement over any byte range, even one that cuts a character: its
    /// text is those bytes decoded with replacement characters, which is
    /// what the scorer compares it with.
    pub fn statement_at_bytes(&self, speaker: Value, start: usize, end: usize, topics: Value) -> Value {
        let text = String::from_utf8_lossy(&self.bytes[start..end]);
        json!({"speaker": speaker, "kind": "direct", "start": start, "end": end, "text": text, "topics": topics})
    }
}

/// A located label.
struct Located<'g> {
    label: &'g Label,
    span: CharSpan,
}

impl Located<'_> {
    fn len(&self) -> usize {
        self.span.1 - self.span.0
    }
}

/// Locates every label of an article.
fn locate_all<'g>(src: &Source, article: &'g GoldArticle) -> Result<Vec<Located<'g>>, String> {
    article
        .statements
        .iter()
        .map(|label| {
            let span = src.locate(&label.text).ok_or_else(|| format!("{}: label not found", src.name))?;
            Ok(Located { label, span })
        })
        .collect()
}

/// The export document around a list of `(file, statements)`.
fn document(gold: &Gold, articles: Vec<(String, Vec<Value>)>) -> Value {
    let mut speakers: Vec<&String> = gold.tracked.iter().collect();
    speakers.sort();
    let articles: Vec<Value> = articles
        .into_iter()
        .map(|(file, statements)| {
            let statements: Vec<Value> = statements
                .into_iter()
                .enumerate()
                .map(|(i, mut s)| {
                    s["id"] = json!(format!("s{i}"));
                    s
                })
                .collect();
            json!({"file": file, "title": file, "statements": statements})
        })
        .collect();
    json!({
        "speakers": speakers.iter().map(|id| json!({"id": id, "name": id})).collect::<Vec<_>>(),
        "topics": gold.topic_ids.iter().map(|id| json!({"id": id, "name": id})).collect::<Vec<_>>(),
        "articles": articles,
    })
}

/// The other tracked speaker (the first one in id order that is not `who`).
fn other_speaker<'a>(gold: &'a Gold, who: &str) -> &'a str {
    let mut ids: Vec<&String> = gold.tracked.iter().filter(|s| *s != who).collect();
    ids.sort();
    ids.first().map_or("nobody", |s| s.as_str())
}

// ---------------------------------------------------------------------------
// The perfect export
// ---------------------------------------------------------------------------

/// Every label exported as it is, optional ones included, and every
/// `not_theirs` text exported with no speaker.
pub fn perfect_export(gold: &Gold, read: Reader) -> Result<Value, String> {
    let mut articles = Vec::new();
    for (fname, article) in &gold.articles {
        let src = Source::read(fname, read)?;
        let mut statements: Vec<Value> = locate_all(&src, article)?
            .iter()
            .map(|it| {
                let mut s = src.statement(json!(it.label.speaker), it.span, json!(it.label.topics));
                s["kind"] = json!(it.label.kind);
                s
            })
            .collect();
        for n in &article.not_theirs {
            if let Some(span) = src.locate(&n.text) {
                statements.push(src.statement(Value::Null, span, json!([])));
            }
        }
        articles.push((fname.clone(), statements));
    }
    Ok(document(gold, articles))
}

// ---------------------------------------------------------------------------
// Noisy exports
// ---------------------------------------------------------------------------

/// A small deterministic generator (splitmix64), so that every run writes
/// the same noisy exports.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    pub fn chance(&mut self, p: f64) -> bool {
        let unit = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        unit < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// `(start, end)` moved into the article; `None` when nothing is left.
fn clamp(start: i64, end: i64, chars: usize) -> Option<CharSpan> {
    let (s, e) = (start.clamp(0, chars as i64) as usize, end.clamp(0, chars as i64) as usize);
    (s < e).then_some((s, e))
}

/// The labels exported with shifted, truncated, extended, merged and split
/// spans, wrong speakers and topics, plus misattributed `not_theirs` texts,
/// statements of untracked speakers, random spans, bad spans and offsets
/// inside characters. One article is left out, depending on the seed.
pub fn noisy_export(gold: &Gold, read: Reader, seed: u64) -> Result<Value, String> {
    let mut rng = Rng::new(seed);
    let left_out = (seed % (gold.articles.len() as u64 + 1)) as usize;
    let mut articles = Vec::new();
    for (i, (fname, article)) in gold.articles.iter().enumerate() {
        if i == left_out {
            continue;
        }
        let src = Source::read(fname, read)?;
        let items = locate_all(&src, article)?;
        let mut statements = Vec::new();
        for (k, it) in items.iter().enumerate() {
            statements.extend(noisy_label(gold, &src, &items, k, it, &mut rng));
        }
        statements.extend(noisy_extras(&src, article, &items, &mut rng));
        // Shuffle a little: ties go to whichever comes first.
        for _ in 0..statements.len() / 3 {
            let a = rng.below(statements.len() - 1);
            statements.swap(a, a + 1);
        }
        articles.push((fname.clone(), statements));
    }
    Ok(document(gold, articles))
}

/// The statements one label turns into (none when it is missed).
fn noisy_label(gold: &Gold, src: &Source, items: &[Located], k: usize, it: &Located, rng: &mut Rng) -> Vec<Value> {
    let (s, e, len) = (it.span.0 as i64, it.span.1 as i64, it.len() as i64);
    let speaker = noisy_speaker(gold, &it.label.speaker, rng);
    let topics = json!(noisy_topics(gold, it.label, rng));
    let frac = |rng: &mut Rng, lo: usize, hi: usize| (len * (lo + rng.below(hi - lo + 1)) as i64) / 100;
    let span = match rng.below(12) {
        0 => return Vec::new(),
        1 => {
            let d = frac(rng, 0, 70) * if rng.chance(0.5) { 1 } else { -1 };
            clamp(s + d, e + d, src.chars())
        }
        2 => {
            let keep = frac(rng, 30, 70);
            if rng.chance(0.5) {
                clamp(s, s + keep, src.chars())
            } else {
                clamp(e - keep, e, src.chars())
            }
        }
        3 => clamp(s - frac(rng, 0, 100), e + frac(rng, 0, 150), src.chars()),
        4 => {
            // Runs on to the end of the next label in the list.
            let next_end = items.get(k + 1).map_or(e, |n| n.span.1 as i64);
            clamp(s, next_end.max(e), src.chars())
        }
        5 => {
            // Two halves with different speakers: with an even length both
            // cover exactly half, and the first listed is compared.
            let mid = s + len / 2;
            let other = other_speaker(gold, &it.label.speaker);
            return vec![
                src.statement(json!(other), (s as usize, mid as usize), topics.clone()),
                src.statement(json!(speaker), (mid as usize, e as usize), topics),
            ];
        }
        _ => Some(it.span),
    };
    span.map(|span| vec![src.statement(speaker, span, topics)]).unwrap_or_default()
}

/// Mostly the right speaker; sometimes the other one, or an untracked one.
fn noisy_speaker(gold: &Gold, right: &str, rng: &mut Rng) -> Value {
    match rng.below(20) {
        0 | 1 => json!(other_speaker(gold, right)),
        2 => Value::Null,
        3 => json!("other"),
        _ => json!(right),
    }
}

/// The label's topics with one dropped, a random one added, or one of its
/// `topics_ok` added.
fn noisy_topics(gold: &Gold, label: &Label, rng: &mut Rng) -> Vec<String> {
    let mut topics: Vec<String> = label.topics.clone();
    if !topics.is_empty() && rng.chance(0.2) {
        topics.remove(rng.below(topics.len()));
    }
    if rng.chance(0.2) {
        topics.push(rng.pick(&gold.topic_ids).clone());
    }
    if !label.topics_ok.is_empty() && rng.chance(0.5) {
        topics.push(rng.pick(&label.topics_ok).clone());
    }
    topics
}

/// Statements that are not labels: misattributed `not_theirs` texts, random
/// spans, a bad span and a statement that starts inside a character.
fn noisy_extras(src: &Source, article: &GoldArticle, items: &[Located], rng: &mut Rng) -> Vec<Value> {
    let speakers: Vec<&str> = items.iter().map(|it| it.label.speaker.as_str()).collect();
    let mut out = Vec::new();
    for n in &article.not_theirs {
        let Some((s, e)) = src.locate(&n.text) else { continue };
        if rng.chance(0.5) {
            // Exactly, or a share of it around the 50% that counts.
            let keep = if rng.chance(0.5) { e - s } else { (e - s) * (40 + rng.below(21)) / 100 };
            if keep > 0 {
                out.push(src.statement(json!(rng.pick(&speakers)), (s, s + keep), json!([])));
            }
        }
    }
    for _ in 0..rng.below(4) {
        let start = rng.below(src.chars());
        if let Some(span) = clamp(start as i64, (start + 20 + rng.below(200)) as i64, src.chars()) {
            out.push(src.statement(json!(rng.pick(&speakers)), span, json!([])));
        }
    }
    if !items.is_empty() && rng.chance(0.6) {
        let it = rng.pick(items);
        let mut bad = src.statement(json!(it.label.speaker), it.span, json!(it.label.topics));
        bad["text"] = json!(format!("{} (sic)", it.label.text));
        out.push(bad);
    }
    if !items.is_empty() && rng.chance(0.6) {
        // One byte late: the offset may fall inside a character.
        let it = rng.pick(items);
        let (start, end) = (src.byte_of[it.span.0] + 1, src.byte_of[it.span.1]);
        if start < end {
            out.push(src.statement_at_bytes(json!(it.label.speaker), start, end, json!(it.label.topics)));
        }
    }
    out
}

// ---------------------------------------------------------------------------
// The edge-case export
// ---------------------------------------------------------------------------

/// An export that walks every rule to its edge, article by article. Each
/// case takes its own labels from a pool, so that no case's statements
/// compete with another's for the same label.
pub fn edge_case_export(gold: &Gold, read: Reader) -> Result<Value, String> {
    let mut articles = Vec::new();
    for (fname, article) in &gold.articles {
        let src = Source::read(fname, read)?;
        let items = locate_all(&src, article)?;
        let mut pool = Pool::new(&items);
        let mut statements = Vec::new();
        statements.extend(speaker_mass_tie(&src, &mut pool));
        statements.extend(precision_threshold(&src, &mut pool));
        statements.extend(inside_a_character(&src, &mut pool));
        statements.extend(recall_threshold(&src, &mut pool));
        statements.extend(overlap_tie(gold, &src, &mut pool));
        statements.extend(untracked_and_topic_forms(&src, &mut pool));
        statements.extend(malformed(&src, &items));
        statements.extend(misattributed(&src, article, &items));
        // An earlier entry for the same file is overridden by the last one.
        let stale = vec![json!({"speaker": items[0].label.speaker, "start": 0, "end": 1, "text": "stale"})];
        articles.push((fname.clone(), stale));
        articles.push((fname.clone(), statements));
    }
    // An article the gold does not know is ignored.
    articles.push(("999_not_labelled.txt".to_string(), vec![json!({"speaker": "biden", "start": 0, "end": 1})]));
    Ok(document(gold, articles))
}

/// The labels of an article that no case has used yet.
struct Pool<'a, 'g> {
    items: &'a [Located<'g>],
    used: Vec<bool>,
}

impl<'a, 'g> Pool<'a, 'g> {
    fn new(items: &'a [Located<'g>]) -> Self {
        Pool { items, used: vec![false; items.len()] }
    }

    /// Takes the first free required label (in gold order) that is long
    /// enough to cut and `fits`.
    fn take(&mut self, fits: impl Fn(&Located) -> bool) -> Option<&'a Located<'g>> {
        let usable = |it: &Located| !it.label.is_optional() && it.len() >= 12 && fits(it);
        let i = (0..self.items.len()).find(|&i| !self.used[i] && usable(&self.items[i]))?;
        self.used[i] = true;
        Some(&self.items[i])
    }

    /// Indices of the free labels, optional ones included, in text order.
    fn free_by_position(&self) -> Vec<usize> {
        let mut free: Vec<usize> = (0..self.items.len()).filter(|&i| !self.used[i]).collect();
        free.sort_by_key(|&i| self.items[i].span);
        free
    }

    /// Whether any label other than `except` overlaps `span`.
    fn others_overlap(&self, span: CharSpan, except: &[usize]) -> bool {
        self.items.iter().enumerate().any(|(i, it)| !except.contains(&i) && it.span.0 < span.1 && span.0 < it.span.1)
    }
}

/// A statement that straddles two labels of different speakers by the same
/// number of characters, once for each speaker: the speaker mass is a tie,
/// which goes to the speaker whose label comes first in the gold. Optional
/// labels count in the mass too, so they may be used here.
fn speaker_mass_tie(src: &Source, pool: &mut Pool) -> Vec<Value> {
    let free = pool.free_by_position();
    for pair in free.windows(2) {
        let (a, b) = (&pool.items[pair[0]], &pool.items[pair[1]]);
        if a.label.speaker == b.label.speaker || a.span.1 > b.span.0 {
            continue;
        }
        let k = a.len().min(b.len());
        let span = (a.span.1 - k, b.span.0 + k);
        // The labelled 2k characters must make 40% of the statement.
        if pool.others_overlap(span, pair) || (2 * k) as f64 * 2.5 < (span.1 - span.0) as f64 {
            continue;
        }
        pool.used[pair[0]] = true;
        pool.used[pair[1]] = true;
        return [&a.label.speaker, &b.label.speaker]
            .iter()
            .map(|who| src.statement(json!(who), span, json!([])))
            .collect();
    }
    Vec::new()
}

/// A label run on into unlabelled text up to the last character where it
/// still covers 40% of the statement (computed in floating point like
/// Python), and one character further.
fn precision_threshold(src: &Source, pool: &mut Pool) -> Vec<Value> {
    // The longest statement that `len` labelled characters are 40% of.
    let longest = |len: usize| (len..).take_while(|&n| len as f64 >= 0.4 * n as f64).last().unwrap_or(len);
    let items = pool.items;
    let fits = |it: &Located| {
        let end = it.span.0 + longest(it.len()) + 1;
        end <= src.chars() && !items.iter().any(|o| !std::ptr::eq(o, it) && o.span.0 < end && it.span.0 < o.span.1)
    };
    let Some(it) = pool.take(fits) else { return Vec::new() };
    let end = it.span.0 + longest(it.len());
    [end, end + 1]
        .iter()
        .map(|&e| src.statement(json!(it.label.speaker), (it.span.0, e), json!(it.label.topics)))
        .collect()
}

/// Byte offsets inside a multi-byte character: a statement that starts one
/// byte into one inside a label and runs to the label's end, and one that
/// holds a single byte of it (no character at all once decoded).
fn inside_a_character(src: &Source, pool: &mut Pool) -> Vec<Value> {
    let multibyte_at = |it: &Located| (it.span.0..it.span.1).find(|&c| src.byte_of[c + 1] - src.byte_of[c] > 1);
    let Some(it) = pool.take(|it| multibyte_at(it).is_some()) else { return Vec::new() };
    let b = src.byte_of[multibyte_at(it).expect("taken for it")];
    let who = json!(it.label.speaker);
    vec![
        src.statement_at_bytes(who.clone(), b + 1, src.byte_of[it.span.1], json!(it.label.topics)),
        src.statement_at_bytes(who, b + 1, b + 2, json!([])),
    ]
}

/// Exactly half of a label of even length (found), and just under half of
/// one of odd length (missed).
fn recall_threshold(src: &Source, pool: &mut Pool) -> Vec<Value> {
    let mut out = Vec::new();
    for parity in [0, 1] {
        if let Some(it) = pool.take(|it| it.len() % 2 == parity) {
            let half = it.len() / 2;
            out.push(src.statement(json!(it.label.speaker), (it.span.0, it.span.0 + half), json!(it.label.topics)));
        }
    }
    out
}

/// Two statements that cover the same 60% of a label from either end, the
/// wrong speaker listed first: Python's `max` compares the first.
fn overlap_tie(gold: &Gold, src: &Source, pool: &mut Pool) -> Vec<Value> {
    let Some(it) = pool.take(|_| true) else { return Vec::new() };
    let (s, e) = it.span;
    let k = (it.len() * 3).div_ceil(5);
    let right = it.label.speaker.as_str();
    vec![
        src.statement(json!(other_speaker(gold, right)), (s, s + k), json!(it.label.topics)),
        src.statement(json!(right), (e - k, e), json!(it.label.topics)),
    ]
}

/// Statements over labels given to untracked speakers (ignored), and topic
/// lists in odd forms: missing, a string (a set of characters in Python),
/// with `topics_ok` and foreign topics.
fn untracked_and_topic_forms(src: &Source, pool: &mut Pool) -> Vec<Value> {
    let mut out = Vec::new();
    for speaker in [Value::Null, json!("other"), json!(7)] {
        if let Some(it) = pool.take(|_| true) {
            out.push(src.statement(speaker, it.span, json!(it.label.topics)));
        }
    }
    if let Some(it) = pool.take(|_| true) {
        let mut s = src.statement(json!(it.label.speaker), it.span, Value::Null);
        s.as_object_mut().expect("a statement is an object").remove("topics");
        out.push(s);
    }
    if let Some(it) = pool.take(|_| true) {
        out.push(src.statement(json!(it.label.speaker), it.span, json!("iran")));
    }
    if let Some(it) = pool.take(|it| !it.label.topics_ok.is_empty()) {
        let topics: Vec<&String> = it.label.topics.iter().chain(&it.label.topics_ok).collect();
        out.push(src.statement(json!(it.label.speaker), it.span, json!(topics)));
    }
    if let Some(it) = pool.take(|_| true) {
        let mut topics = it.label.topics.clone();
        topics.push("not a topic id, it's \"odd\"".to_string());
        out.push(src.statement(json!(it.label.speaker), it.span, json!(topics)));
    }
    out
}

/// Statements whose span the scorer rejects, and one it accepts for being
/// Python: `true` is the int 1. None of them is in the way of a label.
fn malformed(src: &Source, items: &[Located]) -> Vec<Value> {
    let it = &items[items.len() / 2];
    let who = json!(it.label.speaker);
    let exact = src.statement(who.clone(), it.span, json!(it.label.topics));
    let start = src.byte_of[it.span.0];
    let with = |key: &str, value: Value| {
        let mut s = exact.clone();
        s[key] = value;
        s
    };
    let mut no_text = exact.clone();
    no_text.as_object_mut().expect("a statement is an object").remove("text");
    let mut from_true = src.statement_at_bytes(who, 1, src.byte_of[src.chars().min(40)], json!([]));
    from_true["start"] = json!(true);
    vec![
        with("text", json!(it.label.text.to_uppercase())),
        with("text", json!(format!("He's \"{}\"", it.label.text))),
        with("text", Value::Null),
        with("text", json!(12.5)),
        with("text", json!(["a", 1, null])),
        no_text,
        with("start", json!(start as f64)),
        with("start", json!(start.to_string())),
        with("start", json!(-1)),
        with("end", json!(start)),
        with("end", json!(src.bytes.len() + 1)),
        with("end", json!(false)),
        from_true,
    ]
}

/// `not_theirs` texts given to a tracked speaker: whole, exactly half (it
/// counts) and one character short of half (it does not).
fn misattributed(src: &Source, article: &GoldArticle, items: &[Located]) -> Vec<Value> {
    let who = json!(items[0].label.speaker);
    let spans: Vec<CharSpan> = article.not_theirs.iter().filter_map(|n| src.locate(&n.text)).collect();
    let mut out = Vec::new();
    for (i, &(s, e)) in spans.iter().enumerate() {
        let half = (e - s).div_ceil(2);
        let end = match i % 3 {
            0 => e,
            1 => s + half,
            _ => s + half - 1,
        };
        out.push(src.statement(who.clone(), (s, end), json!([])));
    }
    out
}
