//! Generated coverage of the Geneva summit, for benchmarks and load tests.
//!
//! Every article is shaped like the scraped coverage the tool reads: a
//! headline, sometimes a front-matter block, paragraphs one per line or
//! separated by blank lines, subheadings, direct quotes attributed before,
//! after, inverted or around the speaker, reported speech, "according to"
//! frames, "he said" / "he added" chains, other people's quotes, embedded
//! posts with their signature lines and bare links. Straight and curly quote
//! marks both occur, sometimes mixed within one article.
//!
//! Sentences come from many templates whose slots (`{np}`, `{adj}`, `{other}`
//! ...) are filled from word lists of the summit's topics and the speakers'
//! aliases, so the text is varied enough that the analysis does real work.
//! Nobody said these words: generated text must never be mixed into a real
//! corpus.
//!
//! Generation is deterministic: the same seed and index always give the same
//! bytes, on every platform.

use std::ops::RangeInclusive;

use fastrand::Rng;

/// The size of every generated article, in bytes.
pub const ARTICLE_BYTES: RangeInclusive<usize> = 2048..=4096;

/// One generated article: its file name (`gen_000123.txt`) and its text.
pub fn generate_article(rng_seed: u64, index: usize) -> (String, String) {
    let rng = Rng::with_seed(mix(rng_seed, index as u64));
    (format!("gen_{index:06}.txt"), Writer::new(rng).article())
}

/// `n` generated articles, numbered from 0; article `i` is exactly
/// `generate_article(seed, i)`.
pub fn generate_corpus(n: usize, seed: u64) -> Vec<(String, String)> {
    (0..n).map(|i| generate_article(seed, i)).collect()
}

/// A per-article seed, so that neighbouring indexes give unrelated streams.
fn mix(seed: u64, index: u64) -> u64 {
    splitmix64(seed ^ splitmix64(index))
}

fn splitmix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

// ---------------------------------------------------------------------------
// Speakers
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Leader {
    Biden,
    Putin,
}

impl Leader {
    fn other(self) -> Leader {
        match self {
            Leader::Biden => Leader::Putin,
            Leader::Putin => Leader::Biden,
        }
    }

    fn surname(self) -> &'static str {
        match self {
            Leader::Biden => "Biden",
            Leader::Putin => "Putin",
        }
    }

    /// Ways coverage names the leader, anywhere in a sentence.
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Leader::Biden => &[
                "Biden",
                "Joe Biden",
                "President Joe Biden",
                "US President Joe Biden",
                "President Biden",
                "Mr Biden",
                "Mr. Biden",
                "the US president",
                "the U.S. president",
                "the American president",
                "the American leader",
                "the US leader",
            ],
            Leader::Putin => &[
                "Putin",
                "Vladimir Putin",
                "President Vladimir Putin",
                "Russian President Vladimir Putin",
                "President Putin",
                "Mr Putin",
                "Mr. Putin",
                "the Russian president",
                "the Russian leader",
                "the Kremlin chief",
                "the Kremlin leader",
                "Russia's president",
            ],
        }
    }

    /// Aliases that read well after "he said" chains: roles, not names.
    fn role_aliases(self) -> &'static [&'static str] {
        match self {
            Leader::Biden => &["the US president", "the American president", "the American leader"],
            Leader::Putin => &["the Russian president", "the Russian leader", "the Kremlin chief"],
        }
    }

    fn country(self) -> &'static str {
        match self {
            Leader::Biden => "the United States",
            Leader::Putin => "Russia",
        }
    }

    fn capital(self) -> &'static str {
        match self {
            Leader::Biden => "Washington",
            Leader::Putin => "Moscow",
        }
    }

    /// How a sentence about this leader names the other one.
    fn counterpart(self) -> &'static str {
        match self {
            Leader::Biden => "his Russian counterpart",
            Leader::Putin => "his American counterpart",
        }
    }

    /// First-person sentences only this leader would say.
    fn own_lines(self) -> &'static [&'static str] {
        match self {
            Leader::Biden => BIDEN_LINES,
            Leader::Putin => PUTIN_LINES,
        }
    }

    /// Short quotes for `Putin: "…"` subheadings (no closing punctuation).
    fn heading_quotes(self) -> &'static [&'static str] {
        match self {
            Leader::Biden => &[
                "Human rights will always be on the table",
                "We will respond",
                "I did what I came to do",
                "This is not about trust",
                "The tone was good and positive",
            ],
            Leader::Putin => &[
                "Political leaders are responsible",
                "There was no hostility",
                "He is a very experienced statesman",
                "We spoke the same language",
                "There is only a glimmer of hope",
            ],
        }
    }

    /// Claims for `Biden: …` subheadings (no closing punctuation).
    fn heading_claims(self) -> &'static [&'static str] {
        match self {
            Leader::Biden => &[
                "Washington will not tolerate any interference",
                "critical infrastructure must be off-limits",
                "Navalny's death would be devastating for Russia",
                "the meeting was positive",
            ],
            Leader::Putin => &[
                "Russia is ready to talk about cybersecurity",
                "the ambassadors will return",
                "Navalny knowingly broke the law",
                "the talks were constructive",
            ],
        }
    }
}

/// Someone other than the two leaders whom coverage quotes.
#[derive(Debug)]
struct Person {
    /// The first mention ("Kremlin spokesman Dmitry Peskov").
    first: &'static str,
    /// Later mentions ("Peskov", "the official").
    later: &'static str,
}

static PEOPLE: &[Person] = &[
    Person { first: "a senior White House official", later: "the official" },
    Person { first: "Kremlin spokesman Dmitry Peskov", later: "Peskov" },
    Person { first: "Russian Foreign Minister Sergei Lavrov", later: "Lavrov" },
    Person { first: "Secretary of State Antony Blinken", later: "Blinken" },
    Person { first: "national security adviser Jake Sullivan", later: "Sullivan" },
    Person { first: "Swiss President Guy Parmelin", later: "Parmelin" },
    Person { first: "Kremlin foreign policy aide Yuri Ushakov", later: "Ushakov" },
    Person { first: "Helen Marsh, a Russia analyst at a Washington think tank", later: "Marsh" },
    Person { first: "Pavel Orlov, a foreign policy analyst in Moscow", later: "Orlov" },
    Person { first: "one European diplomat", later: "the diplomat" },
];

/// Who spoke last, for "he said" chains.
#[derive(Debug, Clone, Copy)]
enum Who {
    Leader(Leader),
    Other(&'static Person),
}

// ---------------------------------------------------------------------------
// Topics and word lists
// ---------------------------------------------------------------------------

struct Topic {
    /// Subheadings for a section on the topic.
    headings: &'static [&'static str],
    /// Noun phrases that name the topic mid-sentence.
    phrases: &'static [&'static str],
}

const TOPICS: &[Topic] = &[
    Topic {
        headings: &["Relations at a low point", "Tone of the talks", "A stable and predictable relationship"],
        phrases: &[
            "relations between our two countries",
            "the relationship",
            "trust",
            "a stable and predictable relationship",
            "the state of relations",
        ],
    },
    Topic {
        headings: &["Strategic stability", "Arms control talks", "Nuclear arms and New START"],
        phrases: &[
            "strategic stability",
            "arms control",
            "the New START treaty",
            "nuclear arms",
            "a strategic dialogue",
            "the risk of an arms race",
        ],
    },
    Topic {
        headings: &["Cyber attacks and ransomware", "Cybersecurity", "Critical infrastructure off-limits"],
        phrases: &[
            "cyber attacks",
            "ransomware attacks",
            "attacks on critical infrastructure",
            "the Colonial Pipeline hack",
            "cybersecurity",
            "hacking",
        ],
    },
    Topic {
        headings: &["Human rights", "Human rights... and Navalny", "Democracy and freedoms"],
        phrases: &[
            "human rights",
            "press freedom",
            "civil society",
            "the treatment of protesters",
            "the opposition",
            "freedom of expression",
        ],
    },
    Topic {
        headings: &["Navalny", "The fate of Alexei Navalny"],
        phrases: &["Alexei Navalny", "Navalny's health", "the jailing of Alexei Navalny", "Navalny's organisations"],
    },
    Topic {
        headings: &["Election interference", "Meddling and sovereignty"],
        phrases: &["interference in our elections", "election meddling", "disinformation", "democratic sovereignty"],
    },
    Topic {
        headings: &["Prisoners", "Americans jailed in Russia", "A prisoner exchange?"],
        phrases: &[
            "Paul Whelan and Trevor Reed",
            "a prisoner exchange",
            "Americans imprisoned in Russia",
            "the detained Americans",
        ],
    },
    Topic {
        headings: &["Ambassadors to return", "Embassies and diplomats"],
        phrases: &[
            "the return of ambassadors",
            "our ambassadors",
            "embassy staffing",
            "the expulsion of diplomats",
            "the work of consulates",
        ],
    },
    Topic {
        headings: &["Ukraine", "Ukraine and the Minsk agreements", "Donbas and Crimea"],
        phrases: &[
            "Ukraine",
            "the Minsk agreements",
            "the situation in Donbas",
            "Ukraine's sovereignty",
            "Ukraine's bid for NATO membership",
            "Crimea",
        ],
    },
    Topic {
        headings: &["Belarus", "The Ryanair affair"],
        phrases: &["Belarus", "the Ryanair flight", "Lukashenko's crackdown"],
    },
    Topic {
        headings: &["Syria", "Humanitarian corridors"],
        phrases: &["Syria", "humanitarian corridors in Syria", "aid deliveries to Idlib"],
    },
    Topic {
        headings: &["Iran", "The Iran nuclear deal"],
        phrases: &["Iran's nuclear programme", "the Iran nuclear deal", "the JCPOA talks"],
    },
    Topic {
        headings: &["Afghanistan", "After the withdrawal"],
        phrases: &["Afghanistan", "the withdrawal from Afghanistan", "the Taliban"],
    },
    Topic {
        headings: &["Arctic file and mutual cooperation", "The Arctic"],
        phrases: &[
            "the Arctic",
            "cooperation in the Arctic",
            "the militarisation of the Arctic",
            "the Northern Sea Route",
        ],
    },
    Topic { headings: &["Libya"], phrases: &["Libya", "the situation in Libya"] },
    Topic {
        headings: &["Climate", "Climate change"],
        phrases: &["climate change", "carbon emissions", "the Paris agreement", "global warming"],
    },
    Topic {
        headings: &["Trade and sanctions", "Economic ties"],
        phrases: &["trade", "economic ties", "sanctions", "Nord Stream 2", "investment"],
    },
    Topic {
        headings: &["Covid and vaccines", "The pandemic"],
        phrases: &["the pandemic", "COVID-19", "vaccines", "Sputnik V", "the origins of the coronavirus"],
    },
];

const TONES: &[&str] = &[
    "constructive",
    "positive",
    "frank",
    "businesslike",
    "pragmatic",
    "useful",
    "candid",
    "productive",
    "good",
    "substantive",
    "calm",
    "respectful",
];

/// First-person sentences either leader could say.
const SHARED_LINES: &[&str] = &[
    "We discussed {np} in some detail.",
    "I raised {np}, as I said I would.",
    "On {np}, we agreed that our experts will start work soon.",
    "{np} is an area where our interests coincide.",
    "There are no illusions on either side about {np}.",
    "I made it clear that {np} is not a matter we will ignore.",
    "Our position on {np} has not changed, and {other} knows it.",
    "We have a shared responsibility when it comes to {np}.",
    "In six months we will see whether we have made progress on {np}.",
    "Frankly, {np} was the hardest part of the conversation.",
    "I don't think there was any hostility when we talked about {np}.",
    "{np} should not be a source of tension between {we} and {they}.",
    "The tone of the whole meeting was {adj}.",
    "It was a {adj} conversation, and we spoke for a long time.",
    "We talked about {np} and about {np2}.",
    "Nobody is talking about a reset; we are talking about {np}.",
    "There is no basis for what has been said about {np}.",
    "We can work together on {np} if there is goodwill.",
    "Let me be clear: {np} is on the table.",
    "I told {other} that {np} matters to us.",
    "What matters is what happens next on {np}.",
    "It's in our interest to make progress on {np}.",
    "We did not agree on {np}, but we agreed to keep talking.",
    "I think we have found a way forward on {np}.",
    "Why should {we} be the only one to act on {np}?",
    "Is that normal?",
    "We will see.",
    "That's what we agreed to do.",
    "The meeting lasted {hours} hours, and it was {adj} from start to finish.",
    "{other} and I spent a long time on {np}.",
];

const BIDEN_LINES: &[&str] = &[
    "Human rights are always going to be on the table.",
    "I did what I came to do.",
    "I'm not doing this to go after Russia; I'm doing this for the American people.",
    "We will respond if {np} continues.",
    "The consequences of that would be devastating for Russia.",
    "I gave him a list of {n} sectors of critical infrastructure that should be off-limits.",
    "How would he feel if ransomware hit the pipelines from his oil fields?",
    "This is not about trust; this is about self-interest and verification of self-interest.",
    "I told {other} my agenda is not against Russia or anyone else.",
    "No president of the United States could keep faith with the American people if he did not speak out on human rights.",
    "The last thing he wants now is a Cold War.",
];

const PUTIN_LINES: &[&str] = &[
    "There was no hostility at all.",
    "He is a very experienced statesman.",
    "Most of the cyber attacks in the world are carried out from the American side.",
    "Our American partners have declared Russia an adversary.",
    "We are ready to follow the Minsk agreements.",
    "Russia has nothing to do with {np}.",
    "I think there were no illusions, and there cannot be any.",
    "There is no happiness in life, only a glimmer of it on the horizon.",
    "Mr Biden and I spoke the same language.",
    "What kind of organisations are they supporting in Russia?",
    "Political leaders are responsible for what happens in their countries.",
    "If Russia is an enemy, then the organisations it funds here are hostile to us.",
];

/// Reported speech: third person, past tense, without a leading "that".
const REPORTED_CLAUSES: &[&str] = &[
    "the talks on {np} had been {adj}",
    "{we} would respond if {np} continued",
    "{np} remained a point of disagreement",
    "the two sides had agreed to begin consultations on {np}",
    "{np} had been discussed at length",
    "there was no basis for the accusations over {np}",
    "{we} was ready to work with {they} on {np}",
    "he had raised {np} with {counterpart}",
    "the meeting had been {adj} and free of hostility",
    "he saw no reason to change course on {np}",
    "{np} and {np2} had both come up during the talks",
    "he had told {other} what was at stake on {np}",
    "the ambassadors would return to their posts",
    "{we} did not want a new cold war",
    "experts from both countries would meet to discuss {np}",
    "{capital} expected concrete steps on {np} within months",
];

/// What others say about the talks, first or third person.
const OTHER_LINES: &[&str] = &[
    "The two leaders spoke about {np} for almost an hour.",
    "{biden} and {putin} had a frank exchange on {np}.",
    "Nobody expected a breakthrough on {np}.",
    "The atmosphere was {adj}, and that matters.",
    "This summit was about managing the relationship, not resetting it.",
    "We will judge the results by actions on {np}, not words.",
    "There was no shouting and no table-banging.",
    "The president raised {np} directly and without notes.",
    "{putin} came prepared to talk about {np2}.",
    "It went on longer than planned, which is a good sign.",
    "Both sides got what they wanted: a meeting and a photograph.",
];

/// Reported speech of others, without a leading "that".
const OTHER_CLAUSES: &[&str] = &[
    "the talks had gone on longer than planned",
    "no date had been set for a second meeting",
    "{np} had taken up much of the time",
    "the summit was unlikely to change much on {np}",
    "{biden} had pressed hard on {np}",
    "{putin} had seemed relaxed throughout",
    "both delegations had been surprised by the {adj} tone",
];

/// Background sentences without speech.
const NARRATIVE: &[&str] = &[
    "The summit took place at the Villa La Grange, an 18th-century mansion in a park on the shores of Lake Geneva.",
    "The two leaders met for about {hours} hours, less time than expected.",
    "{biden} arrived at the villa a few minutes after {putin}.",
    "The meeting was the first between the two presidents since {biden} took office in January.",
    "Relations between Washington and Moscow have sunk to their lowest point in years.",
    "The two leaders held separate news conferences after the talks.",
    "Swiss President Guy Parmelin welcomed both leaders to Geneva on Wednesday.",
    "Security around the lakeside park was tight, with roads closed and boats patrolling the water.",
    "The talks were split into a small session and an expanded session with aides.",
    "{np} had been expected to dominate the agenda.",
    "Ahead of the summit, officials on both sides had played down hopes of a breakthrough on {np}.",
    "The talks ended at about {time} local time.",
    "Reporters jostled for position as the leaders posed for photographs.",
    "{biden} later flew back to Washington, ending his first foreign trip as president.",
    "The summit came after months of tension over {np} and {np2}.",
    "Earlier in the week, {biden} had met NATO and European Union leaders in Brussels.",
    "{putin} flew in from Moscow on the morning of the summit and left the same evening.",
    "Hundreds of journalists had gathered in a media centre across the lake.",
];

/// Opening paragraphs.
const LEADS: &[&str] = &[
    "US President Joe Biden and Russian President Vladimir Putin met in Geneva on Wednesday for their first summit, with {np} and {np2} high on the agenda.",
    "The first face-to-face meeting between {biden} and {putin} ended after about {hours} hours of talks at a lakeside villa in Geneva.",
    "Vladimir Putin and Joe Biden agreed on Wednesday to return their ambassadors and to begin talks on strategic stability, but remained far apart on {np}.",
    "GENEVA — The leaders of the United States and Russia sat down on Wednesday for talks that both sides said would be difficult, covering {np}, {np2} and more.",
    "Joe Biden and Vladimir Putin wrapped up their summit in Geneva on Wednesday with modest agreements and sharp differences over {np}.",
];

const HEADLINES: &[&str] = &[
    "Biden and Putin agree to {action} at Geneva summit",
    "{Leader} says talks with {Other} were '{adj}'",
    "{Leader} warns {Other} over {np}",
    "Geneva summit: {np} tops the agenda",
    "Live: Biden and Putin meet in Geneva",
    "What Biden and Putin said about {np} and {np2}",
    "Biden-Putin summit ends with deal on {np}",
    "{Leader}: {claim}",
    "Putin and Biden hold first talks as relations hit new low",
    "Key takeaways from the Biden–Putin summit",
];

const ACTIONS: &[&str] = &[
    "return ambassadors",
    "launch talks on strategic stability",
    "hold consultations on cybersecurity",
    "keep talking",
    "start a dialogue on arms control",
];

const SAY_AFTER: &[&str] = &[
    "said",
    "added",
    "told reporters",
    "insisted",
    "stressed",
    "noted",
    "continued",
    "warned",
    "explained",
    "said at his news conference",
    "told a news conference",
];

const SAY_BEFORE: &[&str] =
    &["said", "told reporters", "added", "stressed", "put it this way", "was blunt", "said, adding", "declared"];

const SAY_THAT: &[&str] = &[
    "said",
    "stressed",
    "noted",
    "insisted",
    "argued",
    "warned",
    "acknowledged",
    "claimed",
    "told reporters",
    "made clear",
    "suggested",
    "added",
];

const INTROS: &[&str] = &[
    "Speaking after the talks, ",
    "At his own news conference, ",
    "Later, ",
    "In Geneva, ",
    "Meanwhile, ",
    "Separately, ",
    "On Wednesday evening, ",
    "",
];

const QUESTIONS: &[&str] = &[
    "he trusted {other}",
    "the talks had changed anything",
    "{we} would retaliate over {np}",
    "he had raised {np}",
    "a second summit was planned",
    "he was worried about {np}",
];

/// Fragments quoted inside reported speech ("warned that it would “respond”").
const FRAGMENTS: &[&str] =
    &["respond", "not tolerate it", "take action", "act accordingly", "hold those responsible accountable"];

const IMPRESSIONS: &[&str] =
    &["glimmers of hope", "no hostility", "a good, constructive meeting", "two great powers", "a very experienced man"];

const OUTLETS: &[(&str, &str)] = &[
    ("Geneva Ledger", "genevaledger.com"),
    ("The Daily Dispatch", "dailydispatch.news"),
    ("World Desk", "worlddesk.org"),
    ("Atlantic Wire Service", "atlanticwire.net"),
    ("Northern Courier", "northerncourier.co.uk"),
    ("Eastern Review", "easternreview.com"),
];

const ACCOUNTS: &[(&str, &str)] = &[
    ("President of Russia", "KremlinRussia_E"),
    ("The White House", "WhiteHouse"),
    ("President Biden", "POTUS"),
    ("Geneva Ledger", "genevaledger"),
    ("Mira Kessler", "mirakessler"),
    ("World Desk Live", "worlddesklive"),
    ("Tom Hardwick", "thardwick_news"),
];

// ---------------------------------------------------------------------------
// The writer
// ---------------------------------------------------------------------------

/// Quote-mark style of one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marks {
    Curly,
    Straight,
    /// Each quote picks its own, and some open with one style and close with
    /// the other, as scraped text does.
    Mixed,
}

/// The kinds of block the body is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
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
const PARTS: &[(Part, f64)] = &[
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
struct Writer {
    rng: Rng,
    marks: Marks,
    /// Curly apostrophes (’) rather than straight ones.
    curly_apostrophes: bool,
    /// Commas after a quote go outside the marks (“…”, he said).
    comma_outside: bool,
    newline: &'static str,
    /// Blank lines between paragraphs, or one paragraph per line.
    blank_lines: bool,
    headings: bool,
    /// The article's topics; `topic` is the current section's.
    topics: Vec<usize>,
    topic: usize,
    /// How often Biden rather than Putin is the speaker.
    biden_share: f64,
    weights: Vec<f64>,
    last: Option<Who>,
    people_seen: Vec<&'static str>,
    out: String,
}

impl Writer {
    fn new(mut rng: Rng) -> Writer {
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
    fn article(mut self) -> String {
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
    fn fits(&self, block: &str) -> bool {
        let extra = self.separator().len() + self.apostrophes(block).len() + self.newline.len();
        self.out.len() + extra <= *ARTICLE_BYTES.end()
    }

    fn separator(&self) -> String {
        if self.blank_lines {
            self.newline.repeat(2)
        } else {
            self.newline.to_string()
        }
    }

    fn push_block(&mut self, block: String) {
        if !self.out.is_empty() && !self.out.ends_with("---\n") && !self.out.ends_with("---\r\n") {
            let sep = self.separator();
            self.out.push_str(&sep);
        }
        let block = self.apostrophes(&block);
        self.out.push_str(&block);
    }

    /// Most files end with a line break; some do not.
    fn finish(mut self) -> String {
        if self.rng.f64() < 0.85 {
            self.out.push_str(self.newline);
        }
        self.out
    }

    /// Turns apostrophes after a letter into ’ when the article uses them.
    fn apostrophes(&self, s: &str) -> String {
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

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.rng.usize(..items.len())]
    }

    fn chance(&mut self, p: f64) -> bool {
        self.rng.f64() < p
    }

    fn speaker(&mut self) -> Leader {
        if self.chance(self.biden_share) {
            Leader::Biden
        } else {
            Leader::Putin
        }
    }

    /// A name for `l`, more often the plain surname.
    fn alias(&mut self, l: Leader) -> &'static str {
        if self.chance(0.35) {
            l.surname()
        } else {
            self.pick(l.aliases())
        }
    }

    fn topic_phrase(&mut self, topic: usize) -> &'static str {
        self.pick(TOPICS[topic].phrases)
    }

    /// Sometimes a new section topic, so a paragraph's words follow its heading.
    fn drift_topic(&mut self) {
        if self.chance(0.3) {
            self.topic = self.pick(&self.topics.clone());
        }
    }

    // --- templates -----------------------------------------------------------

    /// Fills a template's `{slot}`s; a slot named twice gets the same value.
    fn fill(&mut self, template: &str, speaker: Option<Leader>) -> String {
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
    fn slot(&mut self, name: &str, speaker: Option<Leader>) -> String {
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
    fn sentence(&mut self, template: &str, speaker: Option<Leader>) -> String {
        capitalise(&self.fill(template, speaker))
    }

    /// One to `max` different templates, each drawn by `draw`.
    fn templates(&mut self, max: usize, draw: fn(&mut Writer) -> &'static str) -> Vec<&'static str> {
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
    fn leader_words(&mut self, l: Leader, max: usize) -> String {
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

    fn leader_template(&mut self, l: Leader) -> &'static str {
        if self.chance(0.3) {
            self.pick(l.own_lines())
        } else {
            self.pick(SHARED_LINES)
        }
    }

    /// Sentences from `max` different templates of one list, joined.
    fn sentences_from(&mut self, max: usize, draw: fn(&mut Writer) -> &'static str) -> String {
        let templates = self.templates(max, draw);
        let sentences: Vec<String> = templates.into_iter().map(|t| self.sentence(t, None)).collect();
        sentences.join(" ")
    }

    fn other_words(&mut self, max: usize) -> String {
        self.sentences_from(max, |w| w.pick(OTHER_LINES))
    }

    fn reported_clause(&mut self, l: Leader) -> String {
        let t = self.pick(REPORTED_CLAUSES);
        self.fill(t, Some(l))
    }

    // --- quote marks -----------------------------------------------------------

    fn marks_pair(&mut self) -> (&'static str, &'static str) {
        match self.marks {
            Marks::Curly => ("“", "”"),
            Marks::Straight => ("\"", "\""),
            Marks::Mixed => self.pick(&[("“", "”"), ("\"", "\""), ("“", "\""), ("\"", "”"), ("“", "”")]),
        }
    }

    /// `words` in quotation marks, as they stand when the quote ends a sentence.
    fn quoted(&mut self, words: &str) -> String {
        let (open, close) = self.marks_pair();
        format!("{open}{words}{close}")
    }

    /// `words` in quotation marks before an attribution: a closing full stop
    /// becomes a comma, inside or (in some articles) outside the marks.
    fn quoted_lead_in(&mut self, words: &str) -> String {
        let (open, close) = self.marks_pair();
        match words.strip_suffix('.') {
            Some(w) if self.comma_outside => format!("{open}{w}{close},"),
            Some(w) => format!("{open}{w},{close}"),
            None => format!("{open}{words}{close}"),
        }
    }

    /// A single word or phrase quoted inside reported speech.
    fn quoted_fragment(&mut self, words: &str, then: &str) -> String {
        let (open, close) = self.marks_pair();
        if !then.is_empty() && self.chance(0.5) {
            format!("{open}{words}{then}{close}")
        } else {
            format!("{open}{words}{close}{then}")
        }
    }

    // --- blocks -------------------------------------------------------------------

    fn front_matter(&mut self, headline: &str) -> String {
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
    fn headline(&mut self) -> String {
        loop {
            let t = self.pick(HEADLINES);
            let l = self.speaker();
            let h = self.sentence(t, Some(l));
            if h.split_whitespace().count() <= 12 {
                return h;
            }
        }
    }

    fn lead(&mut self) -> String {
        let t = self.pick(LEADS);
        self.sentence(t, None)
    }

    /// A section subheading: a topic, or a leader's words after a colon.
    fn heading(&mut self) -> String {
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

    /// One body block, chosen by the article's weights.
    fn body_part(&mut self) -> String {
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

    fn part(&mut self, part: Part) -> String {
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
    fn quote_before(&mut self) -> String {
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
    fn quote_after(&mut self) -> String {
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
    fn inverted(&mut self) -> String {
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
    fn inside(&mut self) -> String {
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
    fn reported(&mut self) -> String {
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
    fn according_to(&mut self) -> String {
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
    fn partial(&mut self) -> String {
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
    fn chain(&mut self) -> String {
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
    fn other_chain(&mut self, p: &'static Person) -> String {
        let words = self.other_words(2);
        let q = self.quoted_lead_in(&words);
        format!("{q} {} added.", p.later)
    }

    /// Quotes and reported speech of officials, spokesmen and analysts.
    fn others(&mut self) -> String {
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

    fn analysts(&mut self) -> String {
        self.last = None;
        let who = self.pick(&["Analysts", "Several analysts", "Observers in Moscow", "Former US diplomats"]);
        let t = self.pick(OTHER_CLAUSES);
        let clause = self.fill(t, None);
        format!("{who} said {clause}.")
    }

    /// One to three background sentences.
    fn narrative(&mut self) -> String {
        self.sentences_from(3, |w| w.pick(NARRATIVE))
    }

    /// `Asked whether …, Putin replied: “…”`.
    fn question(&mut self) -> String {
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
    fn post(&mut self) -> String {
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
    fn link(&mut self) -> String {
        let (_, domain) = self.pick(OUTLETS);
        match self.rng.u8(0..3) {
            0 => format!("https://t.co/{}", self.random_id(10)),
            1 => format!("https://www.youtube.com/watch?v={}", self.random_id(11)),
            _ => format!("https://www.{domain}/world/2021/06/16/{}", self.random_id(8).to_lowercase()),
        }
    }

    fn random_id(&mut self, len: usize) -> String {
        (0..len).map(|_| self.rng.alphanumeric()).collect()
    }
}

/// Parts that report speech, after which "he added" reads naturally.
fn is_speech(part: Part) -> bool {
    matches!(
        part,
        Part::QuoteBefore | Part::QuoteAfter | Part::Inverted | Part::Reported | Part::Question | Part::Partial
    )
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "Putin says talks were 'good'" -> "putin-says-talks-were-good".
fn slugify(title: &str) -> String {
    let words: Vec<String> = title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    words.join("-")
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::corpus::{Article, BlockKind};

    #[test]
    fn same_seed_and_index_give_the_same_article() {
        for i in [0, 1, 17, 999] {
            assert_eq!(generate_article(7, i), generate_article(7, i));
        }
        assert_eq!(generate_corpus(20, 3), generate_corpus(20, 3));
    }

    #[test]
    fn corpus_is_numbered_articles() {
        let corpus = generate_corpus(12, 42);
        for (i, item) in corpus.iter().enumerate() {
            assert_eq!(*item, generate_article(42, i));
        }
        assert_eq!(corpus[3].0, "gen_000003.txt");
        assert_eq!(generate_article(42, 123_456).0, "gen_123456.txt");
    }

    #[test]
    fn seeds_and_indexes_give_different_articles() {
        let texts: HashSet<String> = generate_corpus(300, 1).into_iter().map(|(_, t)| t).collect();
        assert_eq!(texts.len(), 300);
        assert_ne!(generate_article(1, 5).1, generate_article(2, 5).1);
    }

    #[test]
    fn sizes_are_in_range() {
        for (name, text) in generate_corpus(500, 9) {
            assert!(ARTICLE_BYTES.contains(&text.len()), "{name}: {} bytes", text.len());
        }
    }

    #[test]
    fn every_template_slot_is_known() {
        // `fill` panics on an unknown slot: run every template once.
        let mut w = Writer::new(Rng::with_seed(1));
        let lists = [
            SHARED_LINES,
            BIDEN_LINES,
            PUTIN_LINES,
            REPORTED_CLAUSES,
            OTHER_LINES,
            OTHER_CLAUSES,
            NARRATIVE,
            LEADS,
            HEADLINES,
            QUESTIONS,
        ];
        for template in lists.iter().flat_map(|l| l.iter()) {
            let filled = w.fill(template, Some(Leader::Putin));
            assert!(!filled.contains('{') && !filled.contains('}'), "{filled}");
        }
    }

    #[test]
    fn articles_have_the_shapes_of_real_coverage() {
        let corpus = generate_corpus(200, 11);
        let count = |pred: &dyn Fn(&str) -> bool| corpus.iter().filter(|(_, t)| pred(t)).count();
        assert!(count(&|t| t.contains('“') && t.contains('”')) > 20, "curly quotes");
        assert!(count(&|t| t.contains('"') && !t.contains('“')) > 20, "straight quotes only");
        assert!(count(&|t| t.contains('"') && t.contains('“')) > 5, "mixed quotes");
        assert!(count(&|t| t.starts_with("---")) > 30, "front matter");
        assert!(count(&|t| !t.starts_with("---")) > 80, "no front matter");
        assert!(count(&|t| t.contains("\n\n")) > 50, "blank-line paragraphs");
        assert!(count(&|t| !t.contains("\n\n")) > 50, "one paragraph per line");
        assert!(count(&|t| t.contains("\r\n")) > 2, "CRLF line ends");
        assert!(count(&|t| t.contains("pic.twitter.com/")) > 10, "embedded posts");
        assert!(count(&|t| t.contains("\nPutin: ") || t.contains("\nBiden: ")) > 20, "speaker subheadings");
        assert!(count(&|t| t.contains("according to")) > 20, "according to");
        assert!(count(&|t| t.contains(" said that ")) > 20, "reported speech");
        assert!(count(&|t| t.contains("Peskov")) > 10, "other speakers");
    }

    #[test]
    fn text_is_not_repetitive() {
        let corpus = generate_corpus(100, 5);
        let lines: Vec<&str> = corpus.iter().flat_map(|(_, t)| t.lines()).filter(|l| l.len() > 80).collect();
        let distinct: HashSet<&str> = lines.iter().copied().collect();
        assert!(distinct.len() * 10 >= lines.len() * 9, "{} of {} long lines distinct", distinct.len(), lines.len());
    }

    #[test]
    fn articles_parse_into_titles_paragraphs_and_posts() {
        let mut posts = 0;
        for (name, text) in generate_corpus(100, 13) {
            let has_front_matter = text.starts_with("---");
            let a = Article::parse(&name, text);
            assert_ne!(a.title, name, "{name} has no headline");
            assert_eq!(a.outlet.is_some(), has_front_matter, "{name}");
            assert!(a.blocks.iter().filter(|b| b.kind == BlockKind::Paragraph).count() >= 4, "{name}");
            posts += a.blocks.iter().filter(|b| matches!(b.kind, BlockKind::Post { .. })).count();
        }
        assert!(posts > 5, "{posts} posts");
    }
}
