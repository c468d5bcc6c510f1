//! The summit's topics and the word lists templates are filled from.

pub(super) struct Topic {
    /// Subheadings for a section on the topic.
    pub(super) headings: &'static [&'static str],
    /// Noun phrases that name the topic mid-sentence.
    pub(super) phrases: &'static [&'static str],
}

pub(super) const TOPICS: &[Topic] = &[
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

pub(super) const TONES: &[&str] = &[
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
pub(super) const SHARED_LINES: &[&str] = &[
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

pub(super) const BIDEN_LINES: &[&str] = &[
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

pub(super) const PUTIN_LINES: &[&str] = &[
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
pub(super) const REPORTED_CLAUSES: &[&str] = &[
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
pub(super) const OTHER_LINES: &[&str] = &[
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
pub(super) const OTHER_CLAUSES: &[&str] = &[
    "the talks had gone on longer than planned",
    "no date had been set for a second meeting",
    "{np} had taken up much of the time",
    "the summit was unlikely to change much on {np}",
    "{biden} had pressed hard on {np}",
    "{putin} had seemed relaxed throughout",
    "both delegations had been surprised by the {adj} tone",
];

/// Background sentences without speech.
pub(super) const NARRATIVE: &[&str] = &[
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
pub(super) const LEADS: &[&str] = &[
    "US President Joe Biden and Russian President Vladimir Putin met in Geneva on Wednesday for their first summit, with {np} and {np2} high on the agenda.",
    "The first face-to-face meeting between {biden} and {putin} ended after about {hours} hours of talks at a lakeside villa in Geneva.",
    "Vladimir Putin and Joe Biden agreed on Wednesday to return their ambassadors and to begin talks on strategic stability, but remained far apart on {np}.",
    "GENEVA — The leaders of the United States and Russia sat down on Wednesday for talks that both sides said would be difficult, covering {np}, {np2} and more.",
    "Joe Biden and Vladimir Putin wrapped up their summit in Geneva on Wednesday with modest agreements and sharp differences over {np}.",
];

pub(super) const HEADLINES: &[&str] = &[
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

pub(super) const ACTIONS: &[&str] = &[
    "return ambassadors",
    "launch talks on strategic stability",
    "hold consultations on cybersecurity",
    "keep talking",
    "start a dialogue on arms control",
];

pub(super) const SAY_AFTER: &[&str] = &[
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

pub(super) const SAY_BEFORE: &[&str] =
    &["said", "told reporters", "added", "stressed", "put it this way", "was blunt", "said, adding", "declared"];

pub(super) const SAY_THAT: &[&str] = &[
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

pub(super) const INTROS: &[&str] = &[
    "Speaking after the talks, ",
    "At his own news conference, ",
    "Later, ",
    "In Geneva, ",
    "Meanwhile, ",
    "Separately, ",
    "On Wednesday evening, ",
    "",
];

pub(super) const QUESTIONS: &[&str] = &[
    "he trusted {other}",
    "the talks had changed anything",
    "{we} would retaliate over {np}",
    "he had raised {np}",
    "a second summit was planned",
    "he was worried about {np}",
];

/// Fragments quoted inside reported speech ("warned that it would “respond”").
pub(super) const FRAGMENTS: &[&str] =
    &["respond", "not tolerate it", "take action", "act accordingly", "hold those responsible accountable"];

pub(super) const IMPRESSIONS: &[&str] =
    &["glimmers of hope", "no hostility", "a good, constructive meeting", "two great powers", "a very experienced man"];

pub(super) const OUTLETS: &[(&str, &str)] = &[
    ("Geneva Ledger", "genevaledger.com"),
    ("The Daily Dispatch", "dailydispatch.news"),
    ("World Desk", "worlddesk.org"),
    ("Atlantic Wire Service", "atlanticwire.net"),
    ("Northern Courier", "northerncourier.co.uk"),
    ("Eastern Review", "easternreview.com"),
];

pub(super) const ACCOUNTS: &[(&str, &str)] = &[
    ("President of Russia", "KremlinRussia_E"),
    ("The White House", "WhiteHouse"),
    ("President Biden", "POTUS"),
    ("Geneva Ledger", "genevaledger"),
    ("Mira Kessler", "mirakessler"),
    ("World Desk Live", "worlddesklive"),
    ("Tom Hardwick", "thardwick_news"),
];
