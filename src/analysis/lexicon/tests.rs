//! The word lists hold what their comments say: lower case, no repeats,
//! and the verbs of saying known to the table of forms.

use super::*;
use std::collections::HashSet;

#[test]
fn a_word_is_found_in_any_case() {
    let list: &[&str] = &["never", "élysée"];
    for word in ["never", "Never", "NEVER", "Élysée", "ÉLYSÉE"] {
        assert!(list.has(word), "{word}");
    }
    for word in ["neve", "nevers", "ever", "Elysee", ""] {
        assert!(!list.has(word), "{word}");
    }
}

#[test]
fn a_suffix_is_found_in_any_case() {
    for (word, suffix) in [("didn't", "n't"), ("DIDN'T", "n't"), ("DIDN’T", "n’t"), ("Reportedly", "ly"), ("ÉTÉ", "té")] {
        assert!(ends_with_folded(word, suffix), "{word} {suffix}");
    }
    for (word, suffix) in [("did", "n't"), ("t", "n't"), ("only", "lye"), ("fly", "lys"), ("didn't", "n’t")] {
        assert!(!ends_with_folded(word, suffix), "{word} {suffix}");
    }
}

/// Lists compared with one lower-cased word: single lower-case words,
/// each once.
fn assert_words(name: &str, list: &[&str]) {
    assert!(!list.is_empty(), "{name} is empty");
    let mut seen = HashSet::new();
    for w in list {
        assert!(!w.is_empty() && w.chars().all(|c| c.is_lowercase() || c == '\''), "{name}: {w:?} is not one lower-case word");
        assert!(seen.insert(*w), "{name}: {w:?} twice");
    }
}

/// Phrases matched in any ASCII case: trimmed, single-spaced, each once
/// in any case.
fn assert_phrases(name: &str, list: &[&str]) {
    assert!(!list.is_empty(), "{name} is empty");
    let mut seen = HashSet::new();
    for p in list {
        assert_eq!(p.split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" "), *p, "{name}: {p:?} is not single-spaced");
        assert!(seen.insert(p.to_ascii_lowercase()), "{name}: {p:?} twice");
    }
}

#[test]
fn clause_verbs() {
    assert_words("CLAUSE_VERBS", CLAUSE_VERBS);
}

#[test]
fn quote_verbs() {
    assert_words("QUOTE_VERBS", QUOTE_VERBS);
    // A lemma in both lists would take the kind of whichever comes last.
    assert!(QUOTE_VERBS.iter().all(|v| !CLAUSE_VERBS.contains(v)));
}

#[test]
fn that_clause_verbs() {
    assert_words("THAT_CLAUSE_VERBS", THAT_CLAUSE_VERBS);
    assert_words("ADVERBIAL_OPENERS", ADVERBIAL_OPENERS);
    // A lemma in two lists would take the kind of whichever comes last.
    assert!(THAT_CLAUSE_VERBS.iter().all(|v| !CLAUSE_VERBS.contains(v) && !QUOTE_VERBS.contains(v) && !STANCE_VERBS.contains(v)));
    assert!(!ADVERBIAL_OPENERS.contains(&"to") && !ADVERBIAL_OPENERS.contains(&"about"));
}

#[test]
fn irregular_verbs() {
    let lemmas: Vec<&str> = IRREGULAR_VERBS.iter().map(|(l, _)| *l).collect();
    assert_words("IRREGULAR_VERBS", &lemmas);
    for (lemma, forms) in IRREGULAR_VERBS {
        let known = [CLAUSE_VERBS, QUOTE_VERBS, THAT_CLAUSE_VERBS, STANCE_VERBS].iter().any(|list| list.contains(lemma));
        assert!(known, "{lemma} is not a verb of saying");
        assert_words(lemma, forms);
    }
}

#[test]
fn bare_clause_verbs() {
    assert_words("BARE_CLAUSE_VERBS", BARE_CLAUSE_VERBS);
    assert!(BARE_CLAUSE_VERBS.iter().all(|v| CLAUSE_VERBS.contains(v)));
}

#[test]
fn person_object_verbs_and_time_nouns() {
    assert_words("PERSON_OBJECT_VERBS", PERSON_OBJECT_VERBS);
    assert_words("TIME_NOUNS", TIME_NOUNS);
    // Only verbs that are verbs of saying are read for their objects.
    let known = [CLAUSE_VERBS, QUOTE_VERBS, THAT_CLAUSE_VERBS, STANCE_VERBS];
    for verb in PERSON_OBJECT_VERBS {
        assert!(known.iter().any(|list| list.contains(verb)), "{verb} is not a verb of saying");
    }
}

#[test]
fn not_frames() {
    assert_words("NOT_FRAMES", NOT_FRAMES);
    assert!(NOT_FRAMES.iter().all(|f| f.ends_with("ing")));
}

#[test]
fn collectives() {
    assert_phrases("COLLECTIVES", COLLECTIVES);
    assert!(COLLECTIVES.iter().all(|c| c.chars().all(|ch| ch.is_lowercase() || ch == ' ')));
}

#[test]
fn others() {
    assert_phrases("OTHERS", OTHERS);
}

#[test]
fn abbreviations() {
    assert_words("ABBREVIATIONS", ABBREVIATIONS);
}

#[test]
fn between_subject_and_verb() {
    assert_words("BETWEEN_SUBJECT_AND_VERB", BETWEEN_SUBJECT_AND_VERB);
    assert_words("WEEKDAYS", WEEKDAYS);
    assert_words("SPEECH_NOUNS", SPEECH_NOUNS);
    assert_words("DAY_PARTS", DAY_PARTS);
    assert_words("PASSIVE_AUXILIARIES", PASSIVE_AUXILIARIES);
}

#[test]
fn prepositions() {
    assert_words("PREPOSITIONS", PREPOSITIONS);
}

#[test]
fn object_verbs() {
    assert_words("OBJECT_VERBS", OBJECT_VERBS);
}

#[test]
fn not_names() {
    assert_words("NOT_NAMES", NOT_NAMES);
}

#[test]
fn clause_openers() {
    assert_words("CLAUSE_OPENERS", CLAUSE_OPENERS);
    // "that" is read on its own: a clause opened by it starts after it.
    assert!(!CLAUSE_OPENERS.contains(&"that"));
}

#[test]
fn determiners() {
    assert_words("DETERMINERS", DETERMINERS);
}

#[test]
fn not_modifiers() {
    assert_words("NOT_MODIFIERS", NOT_MODIFIERS);
}

#[test]
fn finite() {
    assert_words("FINITE", FINITE);
}

#[test]
fn relatives() {
    assert_words("RELATIVES", RELATIVES);
}

#[test]
fn joining_conjunctions() {
    assert_words("JOINING_CONJUNCTIONS", JOINING_CONJUNCTIONS);
    assert!(JOINING_CONJUNCTIONS.iter().all(|c| c.is_ascii()));
}

#[test]
fn clause_conjunctions() {
    assert_words("CLAUSE_CONJUNCTIONS", CLAUSE_CONJUNCTIONS);
    assert!(CLAUSE_CONJUNCTIONS.iter().all(|c| c.is_ascii()));
}

#[test]
fn coordinators() {
    assert_words("COORDINATORS", COORDINATORS);
}

#[test]
fn anaphora_nouns() {
    assert_words("ANAPHORA_NOUNS", ANAPHORA_NOUNS);
}

#[test]
fn demonstratives() {
    assert_words("DEMONSTRATIVES", DEMONSTRATIVES);
    // Topic tagging passes over words that do not start so.
    assert!(DEMONSTRATIVES.iter().all(|d| d.starts_with("th")));
}

#[test]
fn function_words() {
    assert_words("FUNCTION_WORDS", FUNCTION_WORDS);
}

#[test]
fn stance_lists() {
    assert_words("STANCE_VERBS", STANCE_VERBS);
    assert_words("QUOTE_LIST_CUES", QUOTE_LIST_CUES);
    assert_words("NEGATIONS", NEGATIONS);
    assert_words("POSSESSIVE_DETERMINERS", POSSESSIVE_DETERMINERS);
    assert_words("MODALS", MODALS);
    assert_words("CLAUSE_AUXILIARIES", CLAUSE_AUXILIARIES);
    assert_words("OBJECT_PRONOUNS", OBJECT_PRONOUNS);
    for (lemma, particle) in PARTICLE_VERBS {
        assert_words("PARTICLE_VERBS", &[lemma, particle]);
    }
    for (lemma, objects) in STANCE_OBJECTS {
        assert!(STANCE_VERBS.contains(lemma), "{lemma} is not a verb of stance");
        assert_words("STANCE_OBJECTS", objects);
    }
}

#[test]
fn transcript_lists() {
    for (name, list) in [
        ("LABEL_CONNECTORS", LABEL_CONNECTORS),
        ("REPORTING_ROLES", REPORTING_ROLES),
        ("VOCATIVES", VOCATIVES),
    ] {
        assert_words(name, list);
    }
    for (name, list) in [
        ("QUESTIONER_LABELS", QUESTIONER_LABELS),
        ("INTERPRETED", INTERPRETED),
        ("ROLE_LABELS", ROLE_LABELS),
        // "cross-talk", "off-mic": compared with a word split at letters and hyphens.
        ("STAGE_WORDS", STAGE_WORDS),
        ("EDITORIAL_OPENERS", EDITORIAL_OPENERS),
    ] {
        assert_phrases(name, list);
        assert!(list.iter().all(|p| *p == p.to_lowercase()), "{name} is compared in lower case");
    }
}
