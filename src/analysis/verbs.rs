//! Verbs of saying: the words that frame a statement ("said", "added",
//! "stressed", "according to").

use std::borrow::Cow;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::lexicon::{
    BARE_CLAUSE_VERBS, CLAUSE_VERBS, IRREGULAR_VERBS, NOT_FRAMES, PARTICLE_VERBS, PERSON_OBJECT_VERBS, QUOTE_VERBS, STANCE_OBJECTS,
    STANCE_VERBS, THAT_CLAUSE_VERBS,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpeechVerb {
    /// Takes reported speech as a clause ("said that ...", "warned ... that").
    pub takes_clause: bool,
    /// Takes its clause only with "that", near it ("replied that", "wrote
    /// in an op-ed that"): see [`super::lexicon::THAT_CLAUSE_VERBS`].
    pub needs_that: bool,
    /// An -ing form continuing the sentence's speaker ("..., adding: ...").
    pub participle: bool,
    /// "said"/"says"/"say": may introduce a clause without "that".
    pub bare_clause: bool,
    /// Its first object is the person told ("told the reporters that"):
    /// see [`super::lexicon::PERSON_OBJECT_VERBS`].
    pub person_object: bool,
    /// A verb of stance: its phrase is a statement ("dismissed the charges").
    pub stance: bool,
    /// The objects a verb of stance needs near it to be one ("raised the
    /// cases"); empty when any will do.
    pub objects: &'static [&'static str],
    /// The word that must follow, or follow "it", for the verb to frame
    /// speech ("pointed out", "made it clear").
    pub particle: Option<&'static str>,
}

fn regular_forms(lemma: &str) -> Vec<String> {
    let (third, past, ing) = if let Some(stem) = lemma.strip_suffix('e') {
        (format!("{lemma}s"), format!("{lemma}d"), format!("{stem}ing"))
    } else if lemma.ends_with('y') && !lemma.ends_with("ay") && !lemma.ends_with("ey") {
        let stem = &lemma[..lemma.len() - 1];
        (format!("{stem}ies"), format!("{stem}ied"), format!("{lemma}ing"))
    } else if lemma.ends_with("ss") || lemma.ends_with("sh") || lemma.ends_with("ch") || lemma.ends_with('x') {
        (format!("{lemma}es"), format!("{lemma}ed"), format!("{lemma}ing"))
    } else {
        (format!("{lemma}s"), format!("{lemma}ed"), format!("{lemma}ing"))
    };
    vec![lemma.to_string(), third, past, ing]
}

/// Every form of every verb of saying.
struct Forms {
    forms: FxHashMap<Vec<u8>, SpeechVerb>,
    /// The longest form's length.
    longest: usize,
    /// For each two ASCII letters (indexed by `a * 128 + b`), the lengths
    /// of the forms they begin, as bits (bit n: n bytes long): most words
    /// are not verbs of saying, and this turns them away without a lookup,
    /// "the" and "that" included.
    starts: Box<[u32]>,
}

fn table() -> &'static Forms {
    static TABLE: OnceLock<Forms> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = FxHashMap::default();
        // Verbs of stance not among the others frame quotations like them.
        let stance_only: Vec<&str> =
            STANCE_VERBS.iter().copied().filter(|v| !CLAUSE_VERBS.contains(v) && !QUOTE_VERBS.contains(v)).collect();
        let lists = [(CLAUSE_VERBS, true, false), (THAT_CLAUSE_VERBS, true, true), (QUOTE_VERBS, false, false), (&stance_only[..], false, false)];
        for (lemmas, takes_clause, needs_that) in lists {
            for lemma in lemmas {
                let stance = STANCE_VERBS.contains(lemma);
                let objects = STANCE_OBJECTS.iter().find(|(l, _)| l == lemma).map_or(&[][..], |(_, o)| *o);
                let particle = PARTICLE_VERBS.iter().find(|(l, _)| l == lemma).map(|(_, p)| *p);
                let forms = IRREGULAR_VERBS
                    .iter()
                    .find(|(l, _)| l == lemma)
                    .map(|(_, f)| f.iter().map(|s| s.to_string()).collect())
                    .unwrap_or_else(|| regular_forms(lemma));
                for form in forms.into_iter().filter(|f| !NOT_FRAMES.contains(&f.as_str())) {
                    let participle = form.ends_with("ing");
                    let bare_clause = BARE_CLAUSE_VERBS.contains(lemma);
                    let person_object = PERSON_OBJECT_VERBS.contains(lemma);
                    let verb = SpeechVerb { takes_clause, needs_that, participle, bare_clause, person_object, stance, objects, particle };
                    t.entry(form.into_bytes()).or_insert(verb);
                }
            }
        }
        let longest = t.keys().map(Vec::len).max().unwrap_or(0);
        let mut starts = vec![0u32; 128 * 128].into_boxed_slice();
        for form in t.keys() {
            if let [a, b, ..] = form[..] {
                if a.is_ascii() && b.is_ascii() && form.len() < 32 {
                    starts[a as usize * 128 + b as usize] |= 1 << form.len();
                }
            }
        }
        Forms { forms: t, longest, starts }
    })
}

/// The verb of saying that `word` is a form of, if any. `next` is the word
/// after it: "pointed" only counts in "pointed out".
pub fn speech_verb(word: &str, next: Option<&str>) -> Option<SpeechVerb> {
    let Forms { forms, longest, starts } = table();
    // Every word of a sentence is asked about: most are plain ASCII, and
    // those are lower-cased on the stack rather than in a new string.
    let mut buf = [0u8; 32];
    let lower: Cow<[u8]> = if word.is_ascii() {
        if word.len() > *longest || word.len() >= buf.len() {
            return None;
        }
        match *word.as_bytes() {
            [a, b, ..] => {
                let (a, b) = (a.to_ascii_lowercase(), b.to_ascii_lowercase());
                if starts[a as usize * 128 + b as usize] & (1 << word.len()) == 0 {
                    return None;
                }
            }
            _ => return None,
        }
        let bytes = &mut buf[..word.len()];
        bytes.copy_from_slice(word.as_bytes());
        bytes.make_ascii_lowercase();
        Cow::Borrowed(bytes)
    } else {
        Cow::Owned(word.to_lowercase().into_bytes())
    };
    let v = *forms.get(lower.as_ref())?;
    match v.particle {
        Some(particle) if !next.is_some_and(|n| n.eq_ignore_ascii_case(particle)) => None,
        _ => Some(v),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_and_irregular_forms() {
        for w in ["said", "Says", "noted", "noting", "stresses", "replied", "admitted", "told", "argued", "warned"] {
            assert!(speech_verb(w, None).is_some(), "{w}");
        }
        for w in ["sad", "held", "met", "tone", "stressful"] {
            assert!(speech_verb(w, None).is_none(), "{w}");
        }
    }

    #[test]
    fn kinds_of_verbs() {
        assert!(speech_verb("said", None).unwrap().takes_clause);
        assert!(speech_verb("said", None).unwrap().bare_clause);
        assert!(!speech_verb("asked", None).unwrap().takes_clause);
        assert!(speech_verb("adding", None).unwrap().participle);
        assert!(speech_verb("calling", None).is_none());
        assert!(speech_verb("pointed", Some("out")).is_some());
        assert!(speech_verb("pointed", Some("at")).is_none());
        assert!(speech_verb("ruled", Some("out")).unwrap().stance);
        assert!(speech_verb("ruled", Some("on")).is_none());
        assert!(speech_verb("raised", None).unwrap().objects.contains(&"cases"));
        assert!(!speech_verb("said", None).unwrap().stance);
    }
}
