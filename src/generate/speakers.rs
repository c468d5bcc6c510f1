//! The two leaders and the other people coverage quotes, with the words
//! each is given.

use super::words::{BIDEN_LINES, PUTIN_LINES};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Leader {
    Biden,
    Putin,
}

impl Leader {
    pub(super) fn other(self) -> Leader {
        match self {
            Leader::Biden => Leader::Putin,
            Leader::Putin => Leader::Biden,
        }
    }

    pub(super) fn surname(self) -> &'static str {
        match self {
            Leader::Biden => "Biden",
            Leader::Putin => "Putin",
        }
    }

    /// Ways coverage names the leader, anywhere in a sentence.
    pub(super) fn aliases(self) -> &'static [&'static str] {
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
    pub(super) fn role_aliases(self) -> &'static [&'static str] {
        match self {
            Leader::Biden => &["the US president", "the American president", "the American leader"],
            Leader::Putin => &["the Russian president", "the Russian leader", "the Kremlin chief"],
        }
    }

    pub(super) fn country(self) -> &'static str {
        match self {
            Leader::Biden => "the United States",
            Leader::Putin => "Russia",
        }
    }

    pub(super) fn capital(self) -> &'static str {
        match self {
            Leader::Biden => "Washington",
            Leader::Putin => "Moscow",
        }
    }

    /// How a sentence about this leader names the other one.
    pub(super) fn counterpart(self) -> &'static str {
        match self {
            Leader::Biden => "his Russian counterpart",
            Leader::Putin => "his American counterpart",
        }
    }

    /// First-person sentences only this leader would say.
    pub(super) fn own_lines(self) -> &'static [&'static str] {
        match self {
            Leader::Biden => BIDEN_LINES,
            Leader::Putin => PUTIN_LINES,
        }
    }

    /// Short quotes for `Putin: "…"` subheadings (no closing punctuation).
    pub(super) fn heading_quotes(self) -> &'static [&'static str] {
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
    pub(super) fn heading_claims(self) -> &'static [&'static str] {
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
pub(super) struct Person {
    /// The first mention ("Kremlin spokesman Dmitry Peskov").
    pub(super) first: &'static str,
    /// Later mentions ("Peskov", "the official").
    pub(super) later: &'static str,
}

pub(super) static PEOPLE: &[Person] = &[
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
pub(super) enum Who {
    Leader(Leader),
    Other(&'static Person),
}
