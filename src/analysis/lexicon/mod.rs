//! The closed word lists the analysis reads: data only, kept apart from the
//! code that reads it, each list with what it is for.
//!
//! Every list here is looked up with [`WordList::has`] (or `contains`) or
//! walked in order (never searched by halves), so none needs to be sorted;
//! where the order of a list matters, its comment says so. Lists compared
//! with one word in any case hold single lower-case words (the tests below
//! check it).

/// A list of lower-case words, looked up with one word of a text in any case.
pub trait WordList {
    /// Is `word`, lower-cased, one of the list's words?
    fn has(&self, word: &str) -> bool;
}

impl WordList for [&str] {
    fn has(&self, word: &str) -> bool {
        // Every narrative word is looked up in some list: an ASCII word, most
        // of any text, is compared without a lower-cased copy.
        if word.is_ascii() {
            self.iter().any(|w| w.eq_ignore_ascii_case(word))
        } else {
            self.contains(&word.to_lowercase().as_str())
        }
    }
}

/// Does `word`, lower-cased, end with `suffix` (in lower case): "DIDN'T"
/// with "n't", "Reportedly" with "ly"?
pub fn ends_with_folded(word: &str, suffix: &str) -> bool {
    if word.is_ascii() {
        word.len() >= suffix.len() && word[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
    } else {
        word.to_lowercase().ends_with(suffix)
    }
}

// ----- Verbs of saying (read by `verbs`, which builds its table of forms) -----

/// Verbs that report speech as a clause ("said that …"). Walked in order
/// with [`QUOTE_VERBS`] when the table of forms is built.
pub const CLAUSE_VERBS: &[&str] = &[
    "say", "tell", "add", "stress", "note", "explain", "indicate", "announce", "warn", "insist",
    "emphasize", "emphasise", "state", "declare", "consider", "believe", "think", "argue", "claim",
    "confirm", "acknowledge", "admit", "suggest", "promise", "vow", "pledge", "assert", "remark",
    "recall", "mention", "reiterate", "underline", "underscore", "predict", "affirm", "contend",
    "reveal", "concede", "complain", "hope", "point", "assure", "caution", "deny", "allege", "make", "inform",
];

/// Verbs that frame a quotation but do not take a "that" clause of their own.
pub const QUOTE_VERBS: &[&str] = &[
    "continue", "ask", "discuss", "describe", "call", "express", "urge",
    "joke", "quip", "exclaim", "counter", "retort", "characterize", "characterise",
    "dub", "term", "label", "speak", "accuse", "dismiss", "reject", "apologize", "apologise", "recount",
    "boast", "demand", "lament", "muse", "observe", "proclaim", "repeat", "shout", "snap", "testify",
    "summarize", "summarise", "hint",
];

/// Verbs that frame quotations and take objects ("answered questions",
/// "wrote a letter"), and report speech as a clause only with "that", right
/// after them or after a phrase of time or place ("replied that …", "wrote
/// in an op-ed on Monday that …").
pub const THAT_CLAUSE_VERBS: &[&str] = &["answer", "reply", "respond", "write", "tweet", "post"];

/// Words that open a phrase of time, place or manner between a verb of
/// [`THAT_CLAUSE_VERBS`] and its "that" ("wrote *in* an op-ed that …",
/// "replied *later* that …"). Not "to" or "about": "replied to a question
/// that …" is a relative clause.
pub const ADVERBIAL_OPENERS: &[&str] = &[
    "in", "on", "at", "during", "after", "before", "via", "from", "later", "earlier", "again", "also",
    "separately", "afterwards", "shortly", "then", "once",
];

/// Forms of verbs of saying that the regular rules get wrong: each lemma
/// with all its forms, used in place of the regular ones.
pub const IRREGULAR_VERBS: &[(&str, &[&str])] = &[
    ("say", &["say", "says", "said", "saying"]),
    ("make", &["make", "makes", "made", "making"]),
    ("slam", &["slam", "slams", "slammed", "slamming"]),
    ("agree", &["agree", "agrees", "agreed", "agreeing"]),
    ("tell", &["tell", "tells", "told", "telling"]),
    ("think", &["think", "thinks", "thought", "thinking"]),
    ("admit", &["admit", "admits", "admitted", "admitting"]),
    ("write", &["write", "writes", "wrote", "writing"]),
    ("quip", &["quip", "quips", "quipped", "quipping"]),
    ("dub", &["dub", "dubs", "dubbed", "dubbing"]),
    ("speak", &["speak", "speaks", "spoke", "speaking"]),
    // "state" and "states" are nouns far more often than verbs.
    ("state", &["stated"]),
    ("label", &["label", "labels", "labelled", "labeled", "labelling", "labeling"]),
];

/// Verbs of saying that may introduce a clause with no "that" ("said he
/// would"): their forms are marked `bare_clause`.
pub const BARE_CLAUSE_VERBS: &[&str] = &["say", "tell", "think", "believe"];

/// Verbs of saying whose first object is the person told, so that a "that"
/// after it opens what was said ("told the reporters that …", "warned the
/// West that …"). After the others, a "that" after their object opens a
/// relative clause ("noted the progress that had been made").
pub const PERSON_OBJECT_VERBS: &[&str] = &["tell", "warn", "assure", "promise", "caution", "inform"];

/// Nouns of time that, with [`WEEKDAYS`] and [`DAY_PARTS`], make a phrase
/// of time of the words before "that" ("said the other day that …").
pub const TIME_NOUNS: &[&str] = &["day", "days", "week", "weeks", "month", "months", "year", "years", "weekend", "time"];

/// Verbs of stance whose object is what the speaker said: the verb phrase,
/// to the end of its clause, is a statement ("dismissed the charges as
/// \"nonsense\"", "vowed to keep pressing", "ruled out talks on the
/// border"). Those not among the verbs above frame quotations too.
pub const STANCE_VERBS: &[&str] = &[
    "reject", "dismiss", "deny", "admit", "acknowledge", "concede", "praise", "commend", "congratulate",
    "thank", "denounce", "condemn", "slam", "accuse", "blame", "brand", "term", "label", "describe",
    "dub", "vow", "pledge", "promise", "agree", "rule", "express", "voice", "raise", "list", "welcome",
    "criticize", "criticise", "hail", "warn", "defend", "reiterate", "recall", "insist", "urge", "demand",
];

/// Verbs that frame speech only with the particle after them, or after
/// "it" ("pointed out", "ruled it out", "made it clear that"): lemma and
/// particle.
pub const PARTICLE_VERBS: &[(&str, &str)] = &[("point", "out"), ("rule", "out"), ("make", "clear")];

/// Verbs of stance that frame speech only with one of these objects within
/// a few words ("raised the cases", "expressed concern", "voiced hope"):
/// "raised taxes" is no statement.
pub const STANCE_OBJECTS: &[(&str, &[&str])] = &[
    ("raise", &["issue", "issues", "case", "cases", "concern", "concerns", "question", "questions", "matter", "subject", "topic", "possibility", "prospect", "fate", "plight"]),
    ("express", &["concern", "concerns", "hope", "hopes", "satisfaction", "regret", "confidence", "optimism", "support", "frustration", "disappointment", "doubt", "doubts", "interest", "readiness", "willingness", "gratitude", "sympathy", "condolences", "alarm", "dismay", "surprise"]),
    ("voice", &["concern", "concerns", "hope", "hopes", "support", "frustration", "doubt", "doubts", "opposition", "regret", "confidence", "optimism", "alarm"]),
    ("list", &["as", "among"]),
];

/// -ing forms that describe what the speaker did rather than introduce words
/// ("calling for their release", "considering the options"): not frames.
pub const NOT_FRAMES: &[&str] = &["calling", "thinking", "hoping", "considering", "speaking", "discussing", "continuing", "describing"];

// ----- People and groups (read by `mentions`, matched in any ASCII case) -----

/// Groups that include the leaders; they are never one speaker by themselves.
pub const COLLECTIVES: &[&str] = &[
    "the two sides", "both sides", "the sides", "the two leaders", "both leaders", "the leaders",
    "the two presidents", "both presidents", "the presidents", "the two men", "both men",
    "the two heads of state", "both heads of state", "the two delegations", "both delegations",
];

/// People and bodies who speak in coverage but are not tracked speakers.
pub const OTHERS: &[&str] = &[
    "official", "officials", "spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokespeople",
    "aide", "aides", "adviser", "advisers", "advisor", "advisors", "minister", "ministry", "secretary",
    "press secretary", "analyst", "analysts", "expert", "experts", "diplomat", "diplomats", "ambassador",
    "envoy", "senator", "senators", "lawmaker", "lawmakers", "congressman", "congresswoman",
    "reporter", "reporters", "journalist", "journalists", "correspondent", "correspondents", "source",
    "sources", "observer", "observers", "critic", "critics", "commentator", "commentators", "statement",
    "the White House", "White House", "the Kremlin", "Kremlin", "the State Department",
    "State Department", "the administration", "administration", "the embassy", "embassy",
    "the government", "government", "the agency", "agency", "the newspaper", "newspaper",
];

// ----- Sentences (read by `sentences`) -----

/// Words after which a full stop does not end the sentence.
pub const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "prof", "jr", "sr",
    "vs", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "etc",
    "approx", "dept", "est", "fig", "inc", "ltd", "co", "corp", "mt", "pres", "amb", "adm", "maj", "cmdr",
];

// ----- Who said it (read by `attribution`) -----

/// Words that may stand between a subject and its verb ("Biden also said").
pub const BETWEEN_SUBJECT_AND_VERB: &[&str] = &[
    "also", "then", "later", "again", "further", "previously", "earlier", "once", "just", "has", "had",
    "have", "was", "were", "is", "would", "will", "could", "did", "does", "not", "never", "himself",
    "herself", "still", "too", "today", "yesterday",
];

/// Nouns of speech that frame a clause when their speaker owns them
/// ("Xi's remark that …", "his pledge that …").
pub const SPEECH_NOUNS: &[&str] = &[
    "remark", "remarks", "comment", "comments", "claim", "insistence", "pledge", "promise", "warning",
    "assertion", "argument", "statement", "assurance", "assurances", "suggestion", "vow", "admission",
    "denial", "contention", "prediction", "complaint", "accusation", "charge", "message", "reminder",
    "boast", "acknowledgement", "acknowledgment", "declaration", "announcement", "reply", "answer",
];

/// Days of the week: "Putin on Wednesday rejected …", "Biden Tuesday
/// said …" put the day between the subject and its verb.
pub const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Parts of a day that may follow a weekday there ("on Wednesday evening").
pub const DAY_PARTS: &[&str] = &["morning", "afternoon", "evening", "night"];

/// Auxiliaries of the passive: a verb of saying after one ("had been
/// warned that …", "was told") tells what was said to its subject, not by it.
pub const PASSIVE_AUXILIARIES: &[&str] = &["be", "been", "being", "is", "are", "was", "were", "get", "gets", "got"];

/// Words that make the mention after them an object, not a subject.
pub const PREPOSITIONS: &[&str] = &[
    "with", "to", "by", "about", "of", "on", "for", "from", "against", "between", "than", "at", "and", "or",
    "toward", "towards", "into", "after", "before", "like", "unlike", "beside", "besides", "alongside",
    "behind", "under", "over", "through", "during", "despite", "including", "near", "via", "upon",
    "within", "without", "across", "around", "among", "whom", "whose", "as", "counterpart",
];

/// Verbs whose object a leader often is ("met Putin"): a mention after them
/// is not a subject.
pub const OBJECT_VERBS: &[&str] = &[
    "told", "asked", "met", "meet", "meeting", "called", "urged", "warned", "thanked", "criticized",
    "criticised", "praised", "accused", "blamed", "invited", "joined", "hosted", "greeted", "followed",
    "backed", "supported", "challenged", "pressed", "questioned", "described", "sanctioned",
];

/// Capitalised words that begin sentences but are not names.
pub const NOT_NAMES: &[&str] = &[
    "the", "a", "an", "it", "this", "that", "these", "those", "there", "when", "while", "as", "but", "and",
    "in", "on", "at", "after", "before", "if", "i", "we", "you", "they", "his", "her", "their", "our",
    "asked", "speaking", "he", "she", "who", "what", "then", "later", "also", "yesterday", "today",
];

/// Words that can start a reported clause with no "that" ("said he would").
pub const CLAUSE_OPENERS: &[&str] = &[
    "he", "she", "it", "they", "we", "i", "you", "the", "a", "an", "this", "these", "those", "his", "her",
    "their", "its", "our", "there", "what", "how", "why", "whether", "if", "nobody", "no", "both", "all",
    "everything", "nothing",
];

/// Auxiliaries and modals: after a verb like "say", a plain noun and then
/// one of these opens a clause with no "that" ("said growth would meet
/// the target", "said relations had improved").
pub const CLAUSE_AUXILIARIES: &[&str] =
    &["is", "are", "was", "were", "has", "have", "had", "would", "will", "could", "can", "should", "must", "might", "may"];

/// Words that open a noun phrase: reading back from a role ("a White House
/// official"), the phrase starts at one of them.
pub const DETERMINERS: &[&str] = &["a", "an", "the", "his", "her", "its", "their", "our", "one", "two", "three", "several"];

/// Words that end a noun phrase when reading back from its noun.
pub const NOT_MODIFIERS: &[&str] = &["and", "or", "but", "that", "who", "which", "as", "when", "while", "if", "is", "was", "were", "are"];

/// Finite verbs that end a clause's subject ("the talks *were*", "he *spoke*").
pub const FINITE: &[&str] = &[
    "is", "are", "was", "were", "am", "be", "been", "has", "have", "had", "would", "will", "could", "can",
    "should", "must", "might", "may", "shall", "did", "does", "do", "wants", "want", "spoke", "said", "told",
    "knew", "thought", "gave", "made", "took", "came", "went", "saw", "found", "left", "felt", "kept", "got",
    "won", "lost", "met", "put", "set", "held", "led", "meant", "sent", "stood", "understood", "became",
    "began", "brought", "bore", "broke", "chose", "drew", "fell", "grew", "heard", "hit", "let", "paid",
    "ran", "rose", "sat", "sold", "spent", "struck", "swore", "taught", "threw", "wrote", "needs", "remains",
    "seems", "sees", "knows", "thinks", "believes", "hopes", "plans", "agrees", "stands",
];

/// Words that open a relative clause ("the leader *who* is in prison"): the
/// verb after one is not the reported clause's own.
pub const RELATIVES: &[&str] = &["who", "which", "that", "whose", "whom"];

/// Conjunctions that join a frame or a clause to the words before it
/// (", and said", ", while adding"): read as whole words at the end of a
/// text, after a space, and stripped in this order.
pub const JOINING_CONJUNCTIONS: &[&str] = &["and", "but", "while"];

/// Conjunctions after a comma that start a new clause with its own subject
/// (", but the Russian leader gave …"): a reported clause ends before them.
pub const CLAUSE_CONJUNCTIONS: &[&str] = &["but", "and", "while", "whereas", "although", "though", "yet"];

/// Words that join a verb to the one before it ("… and said", "… but
/// added"), which then shares its subject.
pub const COORDINATORS: &[&str] = &["and", "but", "then"];

// ----- Topics (read by `topics`) -----

/// Words that, after a demonstrative, point back at an issue named earlier
/// ("this file", "that region").
pub const ANAPHORA_NOUNS: &[&str] = &[
    "file", "issue", "matter", "question", "topic", "subject", "area", "region", "dossier", "problem", "case",
    "agreement", "situation",
];

/// Demonstratives that, before one of [`ANAPHORA_NOUNS`], point back.
pub const DEMONSTRATIVES: &[&str] = &["this", "that", "these", "those"];

// ----- Grouping (read by `crate::grouping`) -----

/// Words that carry no meaning of their own: changing one of them does not
/// make another statement. Their stems are numbered in this order.
pub const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "that",
    "this", "these", "those", "it", "its", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
    "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "we", "our",
    "us", "i", "me", "my", "he", "him", "his", "she", "her", "they", "them", "their", "you", "your", "so", "very",
    "just", "also", "then", "there", "which", "who", "what", "about", "into", "over", "up", "out", "s", "t",
];

/// Pronouns for someone acted on ("invited him in"): in a sentence about a
/// leader, another person in play.
pub const OBJECT_PRONOUNS: &[&str] = &["him", "her", "them"];

/// Possessive determiners: a form of a verb of saying right after one is a
/// noun ("his remarks", "their claims"). "her" is also an object ("heard
/// her say"), so after it only an -s or -ing form counts.
pub const POSSESSIVE_DETERMINERS: &[&str] = &["his", "her", "its", "their", "our", "my", "your"];

/// Modal verbs: a verb of saying after one ("would respond", "will tell")
/// is an act to come or one supposed, not a report of what was said, so
/// its subject is no speaker a verb joined on later can continue.
pub const MODALS: &[&str] = &["would", "will", "could", "can", "should", "shall", "might", "may", "must"];

/// Words that negate the verb of saying after them ("did not say",
/// "never mentioned"): negated speech is no statement.
pub const NEGATIONS: &[&str] = &["not", "never", "neither", "nor"];

/// Heading words that make a heading a list of one speaker's words ("Key
/// quotes: X", "X in his own words", "What X said").
pub const QUOTE_LIST_CUES: &[&str] = &["quotes", "quote", "quoted", "said", "says", "words", "remarks", "speaking", "speaks"];

// ----- Transcripts (read by `transcript`) -----

/// Lower-case words allowed inside a speaker label between capitalised ones
/// ("Anna de Vries", "Secretary of State").
pub const LABEL_CONNECTORS: &[&str] = &["of", "de", "da", "del", "der", "van", "von", "bin", "al", "la", "le", "and", "for", "the"];

/// Labels that mark a question, not a person (lower case).
pub const QUESTIONER_LABELS: &[&str] = &[
    "q", "question", "questions", "questioner", "reporter", "reporters", "journalist", "audience",
    "audience member", "participant", "press", "the press",
];

/// Words of a label that make its speaker a journalist who may report, in
/// their own turn, what others said ("JANE DOE, CNN ANCHOR:").
pub const REPORTING_ROLES: &[&str] = &[
    "anchor", "correspondent", "host", "presenter", "narrator", "commentator", "contributor", "analyst",
];

/// Words in a label's parenthesis that say the turn was interpreted: the
/// words are still the speaker's own.
pub const INTERPRETED: &[&str] = &["interpret", "translat", "via interpreter"];

/// Labels that name a role, not a person: who holds it is read from the
/// document ("Remarks by President X"). Lower case, without "the".
pub const ROLE_LABELS: &[&str] = &[
    "president", "prime minister", "chancellor", "premier", "king", "queen", "emperor", "leader",
    "chairman", "general secretary", "supreme leader", "a",
];

/// First words of a bracketed aside that make it a stage direction
/// ("[inaudible 00:02:15]", "(Laughter.)"), lower case.
pub const STAGE_WORDS: &[&str] = &[
    "laughter", "laughs", "laughing", "applause", "inaudible", "unintelligible", "crosstalk", "cross-talk",
    "indiscernible", "silence", "pause", "pauses", "music", "audio", "coughs", "sighs", "cheers",
    "cheering", "booing", "interruption", "overlapping", "off-mic", "speaks", "speaking", "technical",
    "translation", "interpretation", "interpreter",
];

/// Words a question opens with when it turns to the speaker ("Mr. President,
/// …", "Sir, …"), lower case without the full stop.
pub const VOCATIVES: &[&str] = &["mr", "mrs", "ms", "madam", "madame", "sir", "president", "prime", "chancellor"];

/// How a publisher's note about the document itself opens ("This
/// transcript has been edited", "Transcribed by"): no one's words, even
/// inside a turn. Lower case.
pub const EDITORIAL_OPENERS: &[&str] = &[
    "this transcript", "this interview", "editor's note", "editor’s note", "transcribed by", "transcript by", "transcription by",
    "copyright", "©", "all rights reserved",
];

#[cfg(test)]
mod tests;
