//! The blocks an article is made of: headlines, leads, quotes in every
//! arrangement, reported speech, posts and links.

use super::speakers::{Person, Who, PEOPLE};
use super::words::{ACCOUNTS, FRAGMENTS, IMPRESSIONS, INTROS, NARRATIVE, OTHER_CLAUSES, OUTLETS, QUESTIONS, SAY_AFTER, SAY_BEFORE, SAY_THAT, TONES};
use super::writer::{Part, Writer, PARTS};

impl Writer {
    /// One body block, chosen by the article's weights.
    pub(super) fn body_part(&mut self) -> String {
        self.drift_topic();
        let total: f64 = self.weights.iter().sum();
        let mut x = self.rng.f64() * total;
        let mut part = PARTS[0].0;
        for (i, &(p, _)) in PARTS.iter().enumerate() {
            x -= self.weights[i];
            if x <= 0.0 {
                part = p;
                break;
            }
        }
        let mut text = self.part(part);
        // Many paragraphs go on with a second statement by the same speaker.
        if matches!(self.last, Some(Who::Leader(_))) && is_speech(part) && self.chance(0.3) {
            text.push(' ');
            text.push_str(&self.chain());
        }
        text
    }

    pub(super) fn part(&mut self, part: Part) -> String {
        match part {
            Part::QuoteBefore => self.quote_before(),
            Part::QuoteAfter => self.quote_after(),
            Part::Inverted => self.inverted(),
            Part::Inside => self.inside(),
            Part::Reported => self.reported(),
            Part::AccordingTo => self.according_to(),
            Part::Partial => self.partial(),
            Part::Chain => self.chain(),
            Part::Others => self.others(),
            Part::Analysts => self.analysts(),
            Part::Narrative => self.narrative(),
            Part::Question => self.question(),
            Part::Post => self.post(),
            Part::Link => self.link(),
        }
    }

    /// `Biden said: “…”`, `Speaking after the talks, the Russian leader told reporters: "…"`.
    pub(super) fn quote_before(&mut self) -> String {
        let l = self.speaker();
        self.last = Some(Who::Leader(l));
        let intro = self.pick(INTROS);
        let who = self.alias(l);
        let verb = self.pick(SAY_BEFORE);
        let words = self.leader_words(l, 3);
        let q = self.quoted(&words);
        let punct = if self.chance(0.15) { "," } else { ":" };
        capitalise(&format!("{intro}{who} {verb}{punct} {q}"))
    }

    /// `“…,” Putin said.`, `"…," the US president told reporters, adding that ….`
    pub(super) fn quote_after(&mut self) -> String {
        let l = self.speaker();
        self.last = Some(Who::Leader(l));
        let words = self.leader_words(l, 3);
        let q = self.quoted_lead_in(&words);
        let who = self.alias(l);
        let verb = self.pick(SAY_AFTER);
        if self.chance(0.25) {
            let clause = self.reported_clause(l);
            format!("{q} {who} {verb}, adding that {clause}.")
        } else {
            format!("{q} {who} {verb}.")
        }
    }

    /// `"…," said Biden.`
    pub(super) fn inverted(&mut self) -> String {
        let l = self.speaker();
        self.last = Some(Who::Leader(l));
        let words = self.leader_words(l, 2);
        let q = self.quoted_lead_in(&words);
        let verb = self.pick(&["said", "said", "added", "insisted", "continued"]);
        let who = self.alias(l);
        match self.rng.u8(0..4) {
            0 => format!("{q} {verb} {who}, who spoke for nearly an hour."),
            _ => format!("{q} {verb} {who}."),
        }
    }

    /// `“…,” he said. “…”` with the attribution between two quotes.
    pub(super) fn inside(&mut self) -> String {
        let l = self.speaker();
        let last = self.last;
        let who = match last {
            Some(Who::Leader(prev)) if prev == l && self.chance(0.6) => "he",
            _ => self.alias(l),
        };
        self.last = Some(Who::Leader(l));
        let first = self.leader_words(l, 1);
        let q1 = self.quoted_lead_in(&first);
        let second = self.leader_words(l, 2);
        let q2 = self.quoted(&second);
        if self.chance(0.7) {
            format!("{q1} {who} said. {q2}")
        } else {
            format!("{q1} {who} said, adding: {q2}")
        }
    }

    /// `The Russian president said that …`.
    pub(super) fn reported(&mut self) -> String {
        let l = self.speaker();
        self.last = Some(Who::Leader(l));
        let intro = self.pick(INTROS);
        let who = self.alias(l);
        let verb = self.pick(SAY_THAT);
        let clause = self.reported_clause(l);
        let that = if verb == "said" && self.chance(0.4) { "" } else { "that " };
        let mut s = capitalise(&format!("{intro}{who} {verb} {that}{clause}"));
        if self.chance(0.3) {
            let more = self.reported_clause(l);
            s.push_str(&format!(", and that {more}"));
        }
        s.push('.');
        s
    }

    /// `According to Putin, …` and `…, according to the US president.`
    pub(super) fn according_to(&mut self) -> String {
        let l = self.speaker();
        self.last = Some(Who::Leader(l));
        let who = self.alias(l);
        let clause = self.reported_clause(l);
        match self.rng.u8(0..3) {
            0 => capitalise(&format!("According to {who}, {clause}.")),
            1 => format!("{}, according to {who}.", capitalise(&clause)),
            _ => {
                let adj = self.pick(TONES);
                let q = self.quoted_fragment(adj, ",");
                format!("The conversations were {q} according to {who}, who said {clause}.")
            }
        }
    }

    /// Reported speech carrying quoted fragments.
    pub(super) fn partial(&mut self) -> String {
        let l = self.speaker();
        self.last = Some(Who::Leader(l));
        let who = capitalise(self.alias(l));
        match self.rng.u8(0..4) {
            0 => {
                let np = self.topic_phrase(self.topic);
                let adj = self.pick(TONES);
                let q = self.quoted_fragment(adj, ",");
                let clause = self.reported_clause(l);
                format!("{who} said the talks on {np} had been {q} adding that {clause}.")
            }
            1 => {
                let impression = self.pick(IMPRESSIONS);
                let q = self.quoted_fragment(impression, ".");
                format!("{who} described the meeting as having produced {q}")
            }
            2 => {
                let frag = self.pick(FRAGMENTS);
                let q = self.quoted_fragment(frag, "");
                let np = self.topic_phrase(self.topic);
                format!("{who} warned that {} would {q} if {np} continued.", l.country())
            }
            _ => {
                let impression = self.pick(IMPRESSIONS);
                let q = self.quoted_fragment(impression, "");
                let np = self.topic_phrase(self.topic);
                format!("{who} said there had been {q} on {np}.")
            }
        }
    }

    /// `He added: “…”`, `“…,” he continued.` about whoever spoke last.
    pub(super) fn chain(&mut self) -> String {
        let l = match self.last {
            Some(Who::Leader(l)) => l,
            Some(Who::Other(p)) => return self.other_chain(p),
            None => return self.quote_after(),
        };
        let he = if self.chance(0.75) { "he".to_string() } else { self.pick(l.role_aliases()).to_string() };
        let words = self.leader_words(l, 2);
        match self.rng.u8(0..5) {
            0 => format!("{}: {}", capitalise(&format!("{he} added")), self.quoted(&words)),
            1 => format!("{} {he} {}.", self.quoted_lead_in(&words), self.pick(&["added", "continued", "said"])),
            2 => format!("{} went on: {}", capitalise(&he), self.quoted(&words)),
            3 => {
                let clause = self.reported_clause(l);
                format!("{} also said that {clause}.", capitalise(&he))
            }
            _ => format!("{} continued, {}", capitalise(&he), self.quoted(&words)),
        }
    }

    /// More words from the other person who spoke last.
    pub(super) fn other_chain(&mut self, p: &'static Person) -> String {
        let words = self.other_words(2);
        let q = self.quoted_lead_in(&words);
        format!("{q} {} added.", p.later)
    }

    /// Quotes and reported speech of officials, spokesmen and analysts.
    pub(super) fn others(&mut self) -> String {
        let p: &'static Person = &PEOPLE[self.rng.usize(..PEOPLE.len())];
        let name = if self.people_seen.contains(&p.first) { p.later } else { p.first };
        self.people_seen.push(p.first);
        self.last = Some(Who::Other(p));
        // "Helen Marsh, a Russia analyst, said": an apposition is closed
        // before the verb.
        let subject = if name.contains(',') { format!("{name},") } else { name.to_string() };
        match self.rng.u8(0..4) {
            0 => {
                let q = self.other_words(2);
                format!("{} said: {}", capitalise(&subject), self.quoted(&q))
            }
            1 => {
                let t = self.pick(OTHER_CLAUSES);
                let clause = self.fill(t, None);
                format!("{} told reporters that {clause}.", capitalise(&subject))
            }
            2 => {
                let q = self.other_words(2);
                format!("{} said {name}.", self.quoted_lead_in(&q))
            }
            _ => {
                let q = self.other_words(2);
                format!("{} {subject} said.", self.quoted_lead_in(&q))
            }
        }
    }

    pub(super) fn analysts(&mut self) -> String {
        self.last = None;
        let who = self.pick(&["Analysts", "Several analysts", "Observers in Moscow", "Former US diplomats"]);
        let t = self.pick(OTHER_CLAUSES);
        let clause = self.fill(t, None);
        format!("{who} said {clause}.")
    }

    /// One to three background sentences.
    pub(super) fn narrative(&mut self) -> String {
        self.sentences_from(3, |w| w.pick(NARRATIVE))
    }

    /// `Asked whether …, Putin replied: “…”`.
    pub(super) fn question(&mut self) -> String {
        let l = self.speaker();
        self.last = Some(Who::Leader(l));
        let t = self.pick(QUESTIONS);
        let question = self.fill(t, Some(l));
        let who = self.alias(l);
        if self.chance(0.3) {
            let clause = self.reported_clause(l);
            return format!("When asked whether {question}, {who} said {clause}.");
        }
        let words = self.leader_words(l, 2);
        let verb = self.pick(&["replied", "said", "answered"]);
        format!("Asked whether {question}, {who} {verb}: {}", self.quoted(&words))
    }

    /// An embedded post: its text with a picture link, then the signature line.
    pub(super) fn post(&mut self) -> String {
        let (name, handle) = self.pick(ACCOUNTS);
        let pic = self.random_id(10);
        let text = match self.rng.u8(0..4) {
            0 => format!(
                "Talks between the leaders of Russia and the United States have started in Geneva https://t.co/{}",
                self.random_id(10)
            ),
            1 => "The presidents shake hands at the start of the summit in Geneva".to_string(),
            _ => {
                let l = self.speaker();
                let words = self.leader_words(l, 1);
                format!("{}: {}", self.pick(&[l.surname(), l.aliases()[2]]), self.quoted(&words))
            }
        };
        let day = self.pick(&["16", "16", "17"]);
        let dash = self.pick(&["—", "—", "-"]);
        let nl = self.newline;
        format!("{text} pic.twitter.com/{pic}{nl}{dash} {name} (@{handle}) June {day}, 2021")
    }

    /// A line that is only a link.
    pub(super) fn link(&mut self) -> String {
        let (_, domain) = self.pick(OUTLETS);
        match self.rng.u8(0..3) {
            0 => format!("https://t.co/{}", self.random_id(10)),
            1 => format!("https://www.youtube.com/watch?v={}", self.random_id(11)),
            _ => format!("https://www.{domain}/world/2021/06/16/{}", self.random_id(8).to_lowercase()),
        }
    }

    pub(super) fn random_id(&mut self, len: usize) -> String {
        (0..len).map(|_| self.rng.alphanumeric()).collect()
    }
}
pub(super) fn is_speech(part: Part) -> bool {
    matches!(
        part,
        Part::QuoteBefore | Part::QuoteAfter | Part::Inverted | Part::Reported | Part::Question | Part::Partial
    )
}

pub(super) fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "Putin says talks were 'good'" -> "putin-says-talks-were-good".
pub(super) fn slugify(title: &str) -> String {
    let words: Vec<String> = title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    words.join("-")
}
