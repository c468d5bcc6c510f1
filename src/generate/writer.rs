//! The writer of one article: its style, drawn once, and the helpers that
//! fill templates with it.

use fastrand::Rng;

use super::parts::{capitalise, slugify};
use super::speakers::{Leader, Who};
use super::words::{ACTIONS, HEADLINES, LEADS, OTHER_LINES, OUTLETS, REPORTED_CLAUSES, SHARED_LINES, TONES, TOPICS};
use super::ARTICLE_BYTES;

/// Quote-mark style of one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Marks {
    Curly,
    Straight,
    /// Each quote picks its own, and some open with one style and close with
    /// the other, as scraped text does.
    Mixed,
}

/// The kinds of block the body is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Part {
    QuoteBefore,
    QuoteAfter,
    Inverted,
    Inside,
    Reported,
    AccordingTo,
    Partial,
    Chain,
    Others,
    Analysts,
    Narrative,
    Question,
    Post,
    Link,
}

/// Every part with its base weight.
pub(super) const PARTS: &[(Part, f64)] = &[
    (Part::QuoteBefore, 10.0),
    (Part::QuoteAfter, 12.0),
    (Part::Inverted, 5.0),
    (Part::Inside, 6.0),
    (Part::Reported, 10.0),
    (Part::AccordingTo, 5.0),
    (Part::Partial, 6.0),
    (Part::Chain, 8.0),
    (Part::Others, 8.0),
    (Part::Analysts, 3.0),
    (Part::Narrative, 10.0),
    (Part::Question, 5.0),
    (Part::Post, 2.0),
    (Part::Link, 1.5),
];

/// Writes one article from its own random stream.
pub(super) struct Writer {
    pub(super) rng: Rng,
    pub(super) marks: Marks,
    /// Curly apostrophes (’) rather than straight ones.
    pub(super) curly_apostrophes: bool,
    /// Commas after a quote go outside the marks (“…”, he said).
    pub(super) comma_outside: bool,
    pub(super) newline: &'static str,
    /// Blank lines between paragraphs, or one paragraph per line.
    pub(super) blank_lines: bool,
    pub(super) headings: bool,
    /// The article's topics; `topic` is the current section's.
    pub(super) topics: Vec<usize>,
    pub(super) topic: usize,
    /// How often Biden rather than Putin is the speaker.
    pub(super) biden_share: f64,
    pub(super) weights: Vec<f64>,
    pub(super) last: Option<Who>,
    pub(super) people_seen: Vec<&'static str>,
    pub(super) out: String,
}

impl Writer {
    pub(super) fn new(mut rng: Rng) -> Writer {
        let marks = match rng.u8(0..10) {
            0..=3 => Marks::Curly,
            4..=7 => Marks::Straight,
            _ => Marks::Mixed,
        };
        let curly_apostrophes = match marks {
            Marks::Curly => rng.f64() < 0.8,
            Marks::Straight => rng.f64() < 0.1,
            Marks::Mixed => rng.bool(),
        };
        let mut topics: Vec<usize> = (0..TOPICS.len()).collect();
        rng.shuffle(&mut topics);
        topics.truncate(rng.usize(2..=5));
        // Each article leans its own way: more quotes, more background...
        let weights = PARTS.iter().map(|&(_, w)| w * (0.4 + 1.2 * rng.f64())).collect();
        Writer {
            marks,
            curly_apostrophes,
            comma_outside: rng.f64() < 0.2,
            newline: if rng.f64() < 0.08 { "\r\n" } else { "\n" },
            blank_lines: rng.bool(),
            headings: rng.f64() < 0.65,
            topic: topics[0],
            topics,
            biden_share: 0.15 + 0.7 * rng.f64(),
            weights,
            last: None,
            people_seen: Vec::new(),
            out: String::with_capacity(*ARTICLE_BYTES.end()),
            rng,
        }
    }

    /// The whole article: front matter, headline, lead, then body blocks
    /// until the size drawn for this article is reached.
    pub(super) fn article(mut self) -> String {
        let headline = self.headline();
        if self.rng.f64() < 0.35 {
            let fm = self.front_matter(&headline);
            self.out.push_str(&fm);
        }
        self.push_block(headline);
        let lead = self.lead();
        self.push_block(lead);
        let target = self.rng.usize(2300..=3800);
        let mut since_heading = 0;
        while self.out.len() < target {
            let block = if self.headings && since_heading >= self.rng.usize(3..=6) {
                since_heading = 0;
                self.heading()
            } else {
                since_heading += 1;
                self.body_part()
            };
            if !self.fits(&block) {
                break;
            }
            self.push_block(block);
        }
        self.finish()
    }

    /// Whether `block` keeps the article within [`ARTICLE_BYTES`]. A body part
    /// is never longer than about a kilobyte, so stopping when one does not
    /// fit still leaves the article above the minimum.
    pub(super) fn fits(&self, block: &str) -> bool {
        let extra = self.separator().len() + self.apostrophes(block).len() + self.newline.len();
        self.out.len() + extra <= *ARTICLE_BYTES.end()
    }

    pub(super) fn separator(&self) -> String {
        if self.blank_lines {
            self.newline.repeat(2)
        } else {
            self.newline.to_string()
        }
    }

    pub(super) fn push_block(&mut self, block: String) {
        if !self.out.is_empty() && !self.out.ends_with("---\n") && !self.out.ends_with("---\r\n") {
            let sep = self.separator();
            self.out.push_str(&sep);
        }
        let block = self.apostrophes(&block);
        self.out.push_str(&block);
    }

    /// Most files end with a line break; some do not.
    pub(super) fn finish(mut self) -> String {
        if self.rng.f64() < 0.85 {
            self.out.push_str(self.newline);
        }
        self.out
    }

    /// Turns apostrophes after a letter into ’ when the article uses them.
    pub(super) fn apostrophes(&self, s: &str) -> String {
        if !self.curly_apostrophes {
            return s.to_string();
        }
        let mut out = String::with_capacity(s.len() + 8);
        let mut prev = ' ';
        for c in s.chars() {
            out.push(if c == '\'' && prev.is_alphanumeric() { '’' } else { c });
            prev = c;
        }
        out
    }

    // --- picking -----------------------------------------------------------

    pub(super) fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.rng.usize(..items.len())]
    }

    pub(super) fn chance(&mut self, p: f64) -> bool {
        self.rng.f64() < p
    }

    pub(super) fn speaker(&mut self) -> Leader {
        if self.chance(self.biden_share) {
            Leader::Biden
        } else {
            Leader::Putin
        }
    }

    /// A name for `l`, more often the plain surname.
    pub(super) fn alias(&mut self, l: Leader) -> &'static str {
        if self.chance(0.35) {
            l.surname()
        } else {
            self.pick(l.aliases())
        }
    }

    pub(super) fn topic_phrase(&mut self, topic: usize) -> &'static str {
        self.pick(TOPICS[topic].phrases)
    }

    /// Sometimes a new section topic, so a paragraph's words follow its heading.
    pub(super) fn drift_topic(&mut self) {
        if self.chance(0.3) {
            self.topic = self.pick(&self.topics.clone());
        }
    }

    // --- templates -----------------------------------------------------------

    /// Fills a template's `{slot}`s; a slot named twice gets the same value.
    pub(super) fn fill(&mut self, template: &str, speaker: Option<Leader>) -> String {
        let mut out = String::with_capacity(template.len() + 40);
        let mut cache: Vec<(&str, String)> = Vec::new();
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = open + rest[open..].find('}').expect("every template slot is closed");
            let name = &rest[open + 1..close];
            let value = match cache.iter().find(|(n, _)| *n == name) {
                Some((_, v)) => v.clone(),
                None => {
                    let v = self.slot(name, speaker);
                    cache.push((name, v.clone()));
                    v
                }
            };
            out.push_str(&value);
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        out
    }

    /// One value for a template slot; `speaker` is who the words belong to.
    pub(super) fn slot(&mut self, name: &str, speaker: Option<Leader>) -> String {
        let me = speaker.unwrap_or(Leader::Biden);
        match name {
            "np" => self.topic_phrase(self.topic).to_string(),
            "np2" => {
                let t = self.rng.usize(..TOPICS.len());
                self.topic_phrase(t).to_string()
            }
            "adj" => self.pick(TONES).to_string(),
            "we" => me.country().to_string(),
            "they" => me.other().country().to_string(),
            "capital" => me.capital().to_string(),
            "counterpart" => me.counterpart().to_string(),
            "other" => self.alias(me.other()).to_string(),
            "biden" => self.alias(Leader::Biden).to_string(),
            "putin" => self.alias(Leader::Putin).to_string(),
            "Leader" => me.surname().to_string(),
            "Other" => me.other().surname().to_string(),
            "claim" => self.pick(me.heading_claims()).to_string(),
            "action" => self.pick(ACTIONS).to_string(),
            "n" => self.rng.u8(8..=16).to_string(),
            "hours" => self.pick(&["three", "four", "two and a half", "three and a half"]).to_string(),
            "time" => format!("{}:{:02}", self.rng.u8(17..=19), self.rng.u8(0..12) * 5),
            _ => unreachable!("unknown template slot {{{name}}}"),
        }
    }

    /// A filled template with its first letter capitalised.
    pub(super) fn sentence(&mut self, template: &str, speaker: Option<Leader>) -> String {
        capitalise(&self.fill(template, speaker))
    }

    /// One to `max` different templates, each drawn by `draw`.
    pub(super) fn templates(&mut self, max: usize, draw: fn(&mut Writer) -> &'static str) -> Vec<&'static str> {
        let n = self.rng.usize(1..=max);
        let mut chosen: Vec<&'static str> = Vec::with_capacity(n);
        // A few extra draws are enough to avoid repeats in lists this long.
        for _ in 0..n * 4 {
            let t = draw(self);
            if !chosen.contains(&t) {
                chosen.push(t);
            }
            if chosen.len() == n {
                break;
            }
        }
        chosen
    }

    /// One to `max` sentences in `l`'s own voice.
    pub(super) fn leader_words(&mut self, l: Leader, max: usize) -> String {
        let draw: fn(&mut Writer) -> &'static str = match l {
            Leader::Biden => |w| w.leader_template(Leader::Biden),
            Leader::Putin => |w| w.leader_template(Leader::Putin),
        };
        let mut words = String::new();
        for template in self.templates(max, draw) {
            if !words.is_empty() {
                // Transcripts sometimes run sentences together with an ellipsis.
                if self.chance(0.12) {
                    if words.ends_with('.') {
                        words.pop();
                    }
                    words.push_str(self.pick(&["… ", "... ", "…"]));
                } else {
                    words.push(' ');
                }
            }
            words.push_str(&self.sentence(template, Some(l)));
        }
        words
    }

    pub(super) fn leader_template(&mut self, l: Leader) -> &'static str {
        if self.chance(0.3) {
            self.pick(l.own_lines())
        } else {
            self.pick(SHARED_LINES)
        }
    }

    /// Sentences from `max` different templates of one list, joined.
    pub(super) fn sentences_from(&mut self, max: usize, draw: fn(&mut Writer) -> &'static str) -> String {
        let templates = self.templates(max, draw);
        let sentences: Vec<String> = templates.into_iter().map(|t| self.sentence(t, None)).collect();
        sentences.join(" ")
    }

    pub(super) fn other_words(&mut self, max: usize) -> String {
        self.sentences_from(max, |w| w.pick(OTHER_LINES))
    }

    pub(super) fn reported_clause(&mut self, l: Leader) -> String {
        let t = self.pick(REPORTED_CLAUSES);
        self.fill(t, Some(l))
    }

    // --- quote marks -----------------------------------------------------------

    pub(super) fn marks_pair(&mut self) -> (&'static str, &'static str) {
        match self.marks {
            Marks::Curly => ("“", "”"),
            Marks::Straight => ("\"", "\""),
            Marks::Mixed => self.pick(&[("“", "”"), ("\"", "\""), ("“", "\""), ("\"", "”"), ("“", "”")]),
        }
    }

    /// `words` in quotation marks, as they stand when the quote ends a sentence.
    pub(super) fn quoted(&mut self, words: &str) -> String {
        let (open, close) = self.marks_pair();
        format!("{open}{words}{close}")
    }

    /// `words` in quotation marks before an attribution: a closing full stop
    /// becomes a comma, inside or (in some articles) outside the marks.
    pub(super) fn quoted_lead_in(&mut self, words: &str) -> String {
        let (open, close) = self.marks_pair();
        match words.strip_suffix('.') {
            Some(w) if self.comma_outside => format!("{open}{w}{close},"),
            Some(w) => format!("{open}{w},{close}"),
            None => format!("{open}{words}{close}"),
        }
    }

    /// A single word or phrase quoted inside reported speech.
    pub(super) fn quoted_fragment(&mut self, words: &str, then: &str) -> String {
        let (open, close) = self.marks_pair();
        if !then.is_empty() && self.chance(0.5) {
            format!("{open}{words}{then}{close}")
        } else {
            format!("{open}{words}{close}{then}")
        }
    }

    // --- blocks -------------------------------------------------------------------

    pub(super) fn front_matter(&mut self, headline: &str) -> String {
        let (outlet, domain) = self.pick(OUTLETS);
        let day = self.pick(&["16", "16", "17"]);
        let title = if self.chance(0.6) { headline.to_string() } else { self.headline() };
        let nl = self.newline;
        let mut fm = format!("---{nl}title: {title}{nl}outlet: {outlet}{nl}");
        fm.push_str(&format!("url: https://www.{domain}/world/2021/06/{day}/{}{nl}", slugify(&title)));
        fm.push_str(&format!("date: 2021-06-{day}{nl}---{nl}"));
        fm
    }

    /// A headline short enough to read as one (at most 12 words).
    pub(super) fn headline(&mut self) -> String {
        loop {
            let t = self.pick(HEADLINES);
            let l = self.speaker();
            let h = self.sentence(t, Some(l));
            if h.split_whitespace().count() <= 12 {
                return h;
            }
        }
    }

    pub(super) fn lead(&mut self) -> String {
        let t = self.pick(LEADS);
        self.sentence(t, None)
    }

    /// A section subheading: a topic, or a leader's words after a colon.
    pub(super) fn heading(&mut self) -> String {
        self.topic = self.pick(&self.topics.clone());
        let l = self.speaker();
        match self.rng.u8(0..10) {
            0..=4 => self.pick(TOPICS[self.topic].headings).to_string(),
            5..=6 => {
                let q = self.pick(l.heading_quotes());
                format!("{}: {}", l.surname(), self.quoted(q))
            }
            7..=8 => format!("{}: {}", l.surname(), self.pick(l.heading_claims())),
            _ => {
                let np = self.topic_phrase(self.topic);
                format!("What {} said about {np}", l.surname())
            }
        }
    }
}
