//! Each attribution and topic rule, proved on short passages written for the
//! purpose, about an invented summit with its own speakers and topics, so that
//! nothing here leans on the seed articles or on the built-in summit file.

use counterparts::analysis::{Analyzer, Kind, Statement};
use counterparts::corpus::Article;
use counterparts::summit::Summit;

const SUMMIT: &str = r#"
[summit]
title = "Nordland–Southland talks"
default_topic = "relations"

[[speakers]]
id = "lind"
name = "Ana Lindqvist"
role = "Chancellor of Nordland"
pronoun = "she"
aliases = ["Lindqvist", "Ms Lindqvist", "Chancellor Lindqvist", "the chancellor", "the Nordland leader"]

[[speakers]]
id = "okafor"
name = "Tomas Okafor"
role = "President of Southland"
pronoun = "he"
aliases = ["Okafor", "Mr Okafor", "President Okafor", "the president", "the Southland leader"]

[[topics]]
id = "relations"
name = "Relations"
keywords = ["relationship", "meeting"]

[[topics]]
id = "fisheries"
name = "Fisheries"
keywords = ["fish*", "quota*", "trawler*", "fleet*"]

[[topics]]
id = "energy"
name = "Energy"
keywords = ["pipeline*", "gas", "electricity"]

[[topics]]
id = "border"
name = "Border"
keywords = ["border*", "checkpoint*"]
"#;

/// (speaker or label, kind, words, topics) for every statement found.
fn read(text: &str) -> Vec<(String, Kind, String, Vec<String>)> {
    let summit = Summit::parse(SUMMIT, "rules.toml").unwrap();
    let article = Article::parse("t.txt", text.to_string());
    Analyzer::new(&summit)
        .analyze(&article)
        .into_iter()
        .map(|s| {
            let topics = s.topic_ids(&summit).into_iter().map(str::to_string).collect();
            (who(&summit, &s), s.kind, text[s.start..s.end].to_string(), topics)
        })
        .collect()
}

/// A statement's speaker id, else its label, else "?".
fn who(summit: &Summit, s: &Statement) -> String {
    s.speaker_id(summit).map(str::to_string).or(s.speaker_label.clone()).unwrap_or_else(|| "?".into())
}

/// Only (speaker, words).
fn who_said(text: &str) -> Vec<(String, String)> {
    read(text).into_iter().map(|(w, _, t, _)| (w, t)).collect()
}

fn pair(w: &str, t: &str) -> (String, String) {
    (w.to_string(), t.to_string())
}

#[test]
fn attribution_before_the_quote() {
    assert_eq!(
        who_said("Okafor told reporters: “We will reopen the border crossings next spring.”"),
        [pair("okafor", "We will reopen the border crossings next spring.")]
    );
    assert_eq!(
        who_said("The chancellor said, \"Our fleets will keep fishing these waters.\""),
        [pair("lind", "Our fleets will keep fishing these waters.")]
    );
}

#[test]
fn attribution_after_the_quote() {
    assert_eq!(
        who_said("“Fishing quotas must be fair to both sides,” Lindqvist said on Tuesday."),
        [pair("lind", "Fishing quotas must be fair to both sides")]
    );
    // Inverted: "said the president".
    assert_eq!(
        who_said("\"The pipeline is safe and it is ready,\" said the president."),
        [pair("okafor", "The pipeline is safe and it is ready")]
    );
    // A one-word answer that opens its sentence is still a statement.
    assert_eq!(who_said("“Excellent,” Okafor said of the meeting."), [pair("okafor", "Excellent")]);
}

#[test]
fn attribution_inside_the_quote() {
    assert_eq!(
        who_said("“We will talk about the gas price,” the chancellor said, “and then decide.”"),
        [pair("lind", "We will talk about the gas price"), pair("lind", "and then decide.")]
    );
}

#[test]
fn colon_and_according_to() {
    assert_eq!(
        who_said("Okafor: \"Our border is open to honest trade.\""),
        [pair("okafor", "Our border is open to honest trade.")]
    );
    let r = read("The talks were \"frank and long,\" according to Lindqvist, who said more meetings would follow.");
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].0, "lind");
    assert_eq!(r[0].1, Kind::Mixed);
    assert!(r[0].2.starts_with("The talks were") && r[0].2.ends_with("would follow"), "{:?}", r[0].2);
}

#[test]
fn he_said_chains_across_paragraphs() {
    let text = "Okafor said that the pipeline deal was close.\n\n“We are nearly there,” he said.\n\nHe added: “Nothing is signed yet, but it will be.”";
    assert_eq!(
        who_said(text),
        [
            pair("okafor", "the pipeline deal was close"),
            pair("okafor", "We are nearly there"),
            pair("okafor", "Nothing is signed yet, but it will be.")
        ]
    );
}

#[test]
fn a_pronoun_that_fits_nobody_is_left_unattributed() {
    // "he" cannot be Lindqvist ("she"), and nobody else spoke: no guess.
    let r = who_said("Lindqvist said that quotas would rise.\n\n“It will not be easy for anyone,” he said.");
    assert_eq!(r[0], pair("lind", "quotas would rise"));
    assert_eq!(r[1], pair("?", "It will not be easy for anyone"));
}

#[test]
fn a_chain_ends_when_the_speaker_is_long_gone() {
    let text = "Okafor said that the talks went well.\n\nThe hall was cold.\n\nLunch was late.\n\nThe press left early.\n\nThe cars were parked outside.\n\n“We will be back in a year,” he said.";
    let r = who_said(text);
    assert_eq!(r.last().unwrap(), &pair("?", "We will be back in a year"));
}

#[test]
fn a_subheading_names_the_speaker_of_its_section() {
    let text = "Talks in the capital\nLindqvist: fair quotas for every fleet\n“We will not back down on this, whatever it costs.”\n";
    let r = read(text);
    assert_eq!(r[0].0, "lind");
    assert_eq!(r[0].2, "fair quotas for every fleet");
    assert_eq!(r[1].0, "lind");
    assert_eq!(r[1].2, "We will not back down on this, whatever it costs.");
    // The quote names no issue; its section heading does.
    assert_eq!(r[1].3, ["fisheries"]);
}

#[test]
fn a_leader_named_as_an_object_is_not_the_speaker() {
    assert_eq!(
        who_said("Okafor met Lindqvist for three hours and said “the meeting was useful for both sides.”"),
        [pair("okafor", "the meeting was useful for both sides.")]
    );
    assert_eq!(
        who_said("The president discussed fishing with Chancellor Lindqvist, saying: “We need new trawler rules.”"),
        [pair("okafor", "We need new trawler rules.")]
    );
    assert_eq!(
        who_said("“We share one sea and one future,” Okafor told Lindqvist."),
        [pair("okafor", "We share one sea and one future")]
    );
}

#[test]
fn a_misspelled_name_next_to_a_verb_of_saying() {
    assert_eq!(
        who_said("Asked about the border, Okafro said: “The checkpoints stay open.”"),
        [pair("okafor", "The checkpoints stay open.")]
    );
    // A different name is someone else, never a tracked speaker.
    assert_eq!(
        who_said("Lindberg said: “The checkpoints stay open for now.”"),
        [pair("Lindberg", "The checkpoints stay open for now.")]
    );
}

#[test]
fn embedded_posts_by_other_accounts() {
    let text = "Okafor said the talks went well.\nWhat a day for fishing towns everywhere! pic.twitter.com/abc123\n— Coastal Times (@coastaltimes) June 16, 2021\n";
    let r = who_said(text);
    assert_eq!(r, [pair("okafor", "the talks went well")], "the post is nobody's statement");
    // Inside a post, only a speaker the post itself names counts.
    let text = "Okafor spoke first.\nBig news: Lindqvist says: \"We have a deal on fish quotas.\" pic.twitter.com/x\n— Jo Blog (@joblog) June 16, 2021\n“That is wrong and everybody knows it.”\n";
    let r = who_said(text);
    assert_eq!(r[0], pair("lind", "We have a deal on fish quotas."));
    // A lone quote after a post does not continue the post's speaker.
    assert!(r.iter().all(|(w, t)| !(w == "lind" && t.starts_with("That is wrong"))), "{r:?}");
}

#[test]
fn officials_and_spokesmen_keep_their_own_label() {
    let r = who_said("“The talks will go on tomorrow,” a government spokesman said.");
    assert_eq!(r, [pair("a government spokesman", "The talks will go on tomorrow")]);
    let r = who_said("The deal on gas is close, according to a senior official.");
    assert_eq!(r[0].0, "a senior official");
    let r = who_said("Okafor's spokesman Jan Berg said that the president was pleased.");
    assert_eq!(r[0].0, "Okafor's spokesman Jan Berg");
    assert!(r.iter().all(|(w, _)| w != "okafor" && w != "lind"), "{r:?}");
}

#[test]
fn said_that_reported_speech() {
    let r = read("Lindqvist said that quotas would rise next year, adding that trawlers would be checked.");
    assert_eq!(r.len(), 2);
    assert_eq!((r[0].0.as_str(), r[0].1, r[0].2.as_str()), ("lind", Kind::Indirect, "quotas would rise next year"));
    assert_eq!((r[1].0.as_str(), r[1].1, r[1].2.as_str()), ("lind", Kind::Indirect, "trawlers would be checked"));
    // Reported speech that carries quoted words is mixed.
    let r = read("The president said the gas deal was \"almost done\" and would be signed soon.");
    assert_eq!(r[0].1, Kind::Mixed);
    assert_eq!(r[0].2, "the gas deal was \"almost done\" and would be signed soon");
}

#[test]
fn a_questions_topic_carries_into_its_answer() {
    let r = read("Asked whether the pipeline would be finished, Okafor said: “We will see in the spring.”");
    assert_eq!(r[0].3, ["energy"]);
    // The question can also be the paragraph before.
    let r = read("Will the border reopen before winter?\n\n“We will see in the spring,” Okafor said.");
    assert_eq!(r[0].0, "okafor");
    assert_eq!(r[0].3, ["border"]);
    // With no issue anywhere around it, the summit's default topic.
    let r = read("“We will see in the spring,” Okafor said.");
    assert_eq!(r[0].3, ["relations"]);
    // A question in quotation marks closing the paragraph is still one.
    let r = read("A reporter asked: “Will the border reopen before winter?”\n\n“We will see in the spring,” Okafor said.");
    assert_eq!(r[0].3, ["border"]);
}

#[test]
fn a_paragraph_that_asks_and_answers_lends_its_topic_to_no_one() {
    // A list of quotes: the first asks itself a question and answers it; it
    // is not a question put to the quote after it.
    let text = "Key quotes: Tomas Okafor\n\n• “New checkpoints? We barely touched on them.”\n\n• “On the rest, we will see in the spring.”";
    let r = read(text);
    let rest = r.iter().find(|s| s.2.contains("On the rest")).expect("the second quote is found");
    assert_eq!(rest.0, "okafor");
    assert_eq!(rest.3, ["relations"], "the first quote's topic is not the second's");
}

#[test]
fn this_file_takes_the_topic_of_its_context() {
    let r = read("Turning to the fisheries file, Lindqvist said: “We can settle this file before summer.”");
    assert_eq!(r[0].3, ["fisheries"]);
    // Pointing back adds the context's topic to the quote's own.
    let r = read("Okafor spoke about the pipeline. “The border guards and this issue need time,” he said.");
    assert_eq!(r[0].3, ["energy", "border"]);
}

#[test]
fn a_quote_left_open_across_paragraphs() {
    let text = "Lindqvist said: “Our fleets need fair quotas.\n\n“We will defend them at every meeting of the council.”";
    assert_eq!(
        who_said(text),
        [pair("lind", "Our fleets need fair quotas."), pair("lind", "We will defend them at every meeting of the council.")]
    );
}

#[test]
fn straight_and_curly_marks_mixed() {
    assert_eq!(
        who_said("“We are ready to sign the gas deal,\" Okafor said. \"It is a good one.”"),
        [pair("okafor", "We are ready to sign the gas deal"), pair("okafor", "It is a good one.")]
    );
}

#[test]
fn unbalanced_marks() {
    // A closing mark with no opening one.
    assert_eq!(
        who_said("We will not accept new checkpoints on our side,\" Lindqvist said."),
        [pair("lind", "We will not accept new checkpoints on our side")]
    );
    // An opening mark never closed before the next attribution.
    let text = "Okafor spoke next.\n“Quotas matter to every town. Okafor said, \"Every fleet counts.\"";
    assert_eq!(
        who_said(text),
        [pair("okafor", "Quotas matter to every town."), pair("okafor", "Every fleet counts.")]
    );
}

#[test]
fn single_quotation_marks() {
    assert_eq!(
        who_said("‘We will keep the border open,’ the chancellor said, ‘whatever happens.’"),
        [pair("lind", "We will keep the border open"), pair("lind", "whatever happens.")]
    );
}

#[test]
fn groups_speak_for_the_leader_whose_account_is_reported() {
    let text = "Okafor said the meeting went well.\n\nThe two sides also discussed “new rules for the pipeline and the gas trade”.";
    let r = who_said(text);
    assert_eq!(r[1], pair("okafor", "new rules for the pipeline and the gas trade"));
    // With nobody's account running, a group's words are nobody's in particular.
    let r = read("The two leaders discussed “new rules for the pipeline and the gas trade”.");
    assert_eq!(r[0].0, "The two leaders");
}

#[test]
fn someone_else_named_in_between_takes_the_pronoun() {
    // A third person opens the sentence in between: "he" is theirs, and is
    // never carried back to the tracked speaker.
    let text = "Okafor said that the talks went well.\n\nFisheries minister Jon Haugen has criticised the deal.\n\n“It is a bad deal for the coast,” he said.";
    // (His criticism is a statement of his own too: a verb of stance.)
    let r = who_said(text);
    assert!(r.contains(&pair("Fisheries minister Jon Haugen", "It is a bad deal for the coast")), "{r:?}");
    assert!(r.iter().all(|(who, _)| who != "lind"), "{r:?}");
    let text = "Okafor said that the talks went well.\n\nJon Haugen criticised the deal.\n\n“It is a bad deal for the coast,” he said.";
    let r = who_said(text);
    assert!(r.contains(&pair("Jon Haugen", "It is a bad deal for the coast")), "{r:?}");
    assert!(r.iter().all(|(who, words)| who != "okafor" || !words.contains("bad deal")), "{r:?}");
    // A place is not a person: the chain goes on.
    let text = "Okafor said that the talks went well.\n\nGeneva was sunny.\n\n“It is a good deal for the coast,” he said.";
    assert_eq!(who_said(text)[1], pair("okafor", "It is a good deal for the coast"));
}

#[test]
fn transcript_lines_and_live_blog_labels() {
    let text = "Q: Will the border reopen?\n\nOKAFOR: Yes. We agreed on it today. The checkpoints open in May.\n\n14:32 Lindqvist: \"Our fleets are ready for the new quotas.\"";
    let r = read(text);
    // The question is the questioner's, never a tracked speaker's.
    assert_eq!((r[0].0.as_str(), r[0].2.as_str()), ("Q", "Will the border reopen?"));
    assert_eq!((r[1].0.as_str(), r[1].1, r[1].2.as_str()), ("okafor", Kind::Direct, "Yes. We agreed on it today. The checkpoints open in May."));
    // The answer takes the question's topic.
    assert_eq!(r[1].3, ["border"]);
    assert_eq!(r[2].0, "lind");
    assert_eq!(r[2].2, "Our fleets are ready for the new quotas.");
    // A speaker and a topic before a colon: what follows is theirs.
    let r = who_said("Okafor on energy: the pipeline will carry \"clean gas\" from next year.");
    assert_eq!(r, [pair("okafor", "the pipeline will carry \"clean gas\" from next year")]);
}

#[test]
fn a_subject_that_introduces_a_quote_with_a_colon() {
    assert_eq!(
        who_said("The chancellor opened her news conference: “The fleets have a deal.”"),
        [pair("lind", "The fleets have a deal.")]
    );
}

#[test]
fn a_quote_whose_closing_mark_is_missing_before_its_attribution() {
    let text = "Lindqvist spoke next.\n\n“The quotas are fair to every fleet, Okafor said. According to him, the border will reopen in May.";
    assert_eq!(
        who_said(text),
        [pair("okafor", "The quotas are fair to every fleet"), pair("okafor", "According to him, the border will reopen in May")]
    );
}

#[test]
fn reported_speech_with_the_frame_after_it_or_inside_it() {
    assert_eq!(
        who_said("The gas would flow by winter, the president added."),
        [pair("okafor", "The gas would flow by winter")]
    );
    let r = who_said("Southland, Okafor said, had sent ten requests about the trawlers.");
    assert_eq!(r, [pair("okafor", "Southland, Okafor said, had sent ten requests about the trawlers")]);
}

#[test]
fn a_reported_clause_ends_where_a_new_subject_starts() {
    let r = who_said("Lindqvist said the quota deal was close, but the president gave no ground on the border.");
    assert_eq!(r, [pair("lind", "the quota deal was close")]);
}

#[test]
fn people_named_after_the_verb() {
    assert_eq!(
        who_said("“Nobody expected a deal on gas,” said one senior official, who asked not to be named."),
        [pair("one senior official", "Nobody expected a deal on gas")]
    );
    assert_eq!(
        who_said("“The talks were hard but fair,” said Jan Berg, who advises the chancellor."),
        [pair("Jan Berg", "The talks were hard but fair")]
    );
}

#[test]
fn a_line_without_a_full_stop_can_still_frame_a_quote() {
    let text = "Talks in the capital\nThe chancellor arrived on time.\nOkafor said: “We will open the border to trade”\nThe end.";
    assert_eq!(who_said(text), [pair("okafor", "We will open the border to trade")]);
}

#[test]
fn a_frame_between_an_opening_phrase_and_a_quote_frames_the_quote() {
    assert_eq!(
        who_said("Turning to the fisheries file, she said, \"The quotas stay as they are,\" stressing \"we will not change them this year.\""),
        [pair("?", "The quotas stay as they are"), pair("?", "we will not change them this year.")]
    );
    let text = "Lindqvist spoke first.\n\nTurning to the fisheries file, she said, \"The quotas stay as they are,\" stressing \"we will not change them this year.\"";
    assert_eq!(
        who_said(text),
        [pair("lind", "The quotas stay as they are"), pair("lind", "we will not change them this year.")]
    );
}

#[test]
fn a_speaker_who_was_asked_is_still_the_speaker() {
    assert_eq!(
        who_said("Okafor on the border, asked what happens if talks fail: “We keep the checkpoints open.”"),
        [pair("okafor", "We keep the checkpoints open.")]
    );
    assert_eq!(
        who_said("Asked about the quotas, Lindqvist said: “They are fair to every fleet.”"),
        [pair("lind", "They are fair to every fleet.")]
    );
}

#[test]
fn a_question_quoted_then_asked_by_its_speaker() {
    assert_eq!(
        who_said("“Where are the fishing rules?”, asked Lindqvist."),
        [pair("lind", "Where are the fishing rules?")]
    );
}

// ---------------------------------------------------------------------------
// Transcripts: documents made of turns
// ---------------------------------------------------------------------------

/// A summit whose speakers have no role among their aliases, so that a role
/// label ("THE PRESIDENT") must be settled from the document.
const TALKS: &str = r#"
[summit]
title = "Westmark–Eastvale talks"
default_topic = "relations"

[[speakers]]
id = "lind"
name = "Marta Lind"
role = "President of Westmark"
pronoun = "she"
aliases = ["Lind", "Marta Lind", "President Lind", "Ms Lind"]

[[speakers]]
id = "sefu"
name = "Omar Sefu"
role = "Prime Minister of Eastvale"
pronoun = "he"
aliases = ["Sefu", "Omar Sefu", "Prime Minister Sefu", "Mr Sefu"]

[[topics]]
id = "relations"
name = "Relations"
keywords = ["relationship", "meeting"]

[[topics]]
id = "rivers"
name = "Rivers"
keywords = ["river*", "dam", "dams", "water"]

[[topics]]
id = "rail"
name = "Rail"
keywords = ["rail*", "train*"]
"#;

/// The summit file read, and the statements of `text` read against it.
fn analyse_talks(summit: &str, text: &str) -> (Summit, Vec<Statement>) {
    let summit = Summit::parse(summit, "talks.toml").unwrap();
    let statements = Analyzer::new(&summit).analyze(&Article::parse("t.txt", text.to_string()));
    (summit, statements)
}

/// (speaker or label, words) for every statement of a transcript.
fn turns(text: &str) -> Vec<(String, String)> {
    let (summit, statements) = analyse_talks(TALKS, text);
    statements.iter().map(|s| (who(&summit, s), text[s.start..s.end].to_string())).collect()
}

const WHITE_HOUSE_STYLE: &str = "Remarks by President Lind in Press Conference\n\nHarbour Hall, Westport\n\n\
THE PRESIDENT: Good afternoon. The meeting with Prime Minister Sefu was long and useful.\n\n\
I told Prime Minister Sefu that the dams on the upper river must be inspected. He listened. (Laughter.) He did not say no.\n\n\
Q  Madam President, did he agree to open the rail line?\n\n\
THE PRESIDENT: We will see in six months. As he put it, \u{201c}trains do not run on promises.\u{201d}\n\n\
Q: Thank you.\n";

#[test]
fn a_role_label_is_resolved_from_the_title_and_a_turn_runs_until_the_next_label() {
    let r = turns(WHITE_HOUSE_STYLE);
    assert_eq!(
        r,
        [
            pair("lind", "Good afternoon. The meeting with Prime Minister Sefu was long and useful."),
            // A leader named inside the turn is an object: the words are the turn speaker's.
            pair("lind", "I told Prime Minister Sefu that the dams on the upper river must be inspected. He listened."),
            // The stage direction belongs to no one.
            pair("lind", "He did not say no."),
            pair("Q", "Madam President, did he agree to open the rail line?"),
            // Words the speaker quotes from someone else stay hers.
            pair("lind", "We will see in six months. As he put it, \u{201c}trains do not run on promises.\u{201d}"),
            pair("Q", "Thank you."),
        ]
    );
}

#[test]
fn an_answer_remembers_its_question_and_takes_its_topic() {
    let (summit, all) = analyse_talks(TALKS, WHITE_HOUSE_STYLE);
    let question = all.iter().position(|s| s.speaker_label.as_deref() == Some("Q")).unwrap();
    let answer = all.iter().find(|s| WHITE_HOUSE_STYLE[s.start..s.end].starts_with("We will see")).unwrap();
    assert_eq!(answer.question, Some(question));
    assert_eq!(answer.topic_ids(&summit), ["rail"]);
    // Before any question, nothing is answered.
    assert_eq!(all[0].question, None);
}

#[test]
fn a_role_label_the_document_does_not_settle_stays_under_its_label() {
    let text = WHITE_HOUSE_STYLE.replace("Remarks by President Lind", "Remarks by President Lind and Prime Minister Sefu");
    let r = turns(&text);
    assert!(r.iter().all(|(who, _)| who != "lind" && who != "sefu"), "{r:?}");
    assert_eq!(r[0].0, "THE PRESIDENT");
}

#[test]
fn a_role_label_under_a_heading_that_names_one_leader_is_that_leaders() {
    // Two press conferences in one document, each under a heading that
    // names its leader: the same role label is each one's in turn.
    let text = "The two press conferences, in excerpts\n\n\
PART ONE \u{2014} PRIME MINISTER SEFU\n\n\
Q: Will the dams be opened?\n\n\
THE PRIME MINISTER: The dams will be opened in the spring.\n\n\
PART TWO \u{2014} PRESIDENT LIND\n\n\
Q: And the river?\n\n\
THE PRESIDENT: The river will be cleaned within two years.\n\n\
THE PRIME MINISTER: I agree with every word.";
    let r = turns(text);
    assert!(r.contains(&pair("sefu", "The dams will be opened in the spring.")), "{r:?}");
    assert!(r.contains(&pair("lind", "The river will be cleaned within two years.")), "{r:?}");
    // The nearest heading names the other leader: never hers.
    assert!(r.iter().all(|(who, words)| !(who == "lind" && words.contains("agree"))), "{r:?}");
}

#[test]
fn the_summit_file_may_name_extra_labels() {
    let summit = TALKS.replace("aliases = [\"Lind\",", "labels = [\"THE HOST\"]\naliases = [\"Lind\",");
    let text = "Joint appearance\n\nTHE HOST: Welcome to Westport.\n\nMODERATOR: Questions now.\n\nQ: Will the river be cleaned?\n\nTHE HOST: Yes, the river will be cleaned.";
    let (summit, statements) = analyse_talks(&summit, text);
    let r: Vec<(Option<String>, String)> =
        statements.iter().map(|s| (s.speaker_id(&summit).map(str::to_string), text[s.start..s.end].to_string())).collect();
    assert_eq!(r[0], (Some("lind".into()), "Welcome to Westport.".into()));
    assert_eq!(r[1].0, None);
    assert_eq!(r[3], (Some("lind".into()), "Yes, the river will be cleaned.".into()));
}

#[test]
fn name_labels_without_a_space_questions_and_a_moderator() {
    let text = "News conference after the talks\n\nIra Holm: Colleagues, we begin.\n\nOmar Sefu:Thank you. President Lind raised the river dams, and I answered her.\n\n\
Question: Mr Prime Minister, will trains run again?\n\nOmar Sefu: They will. The rail line reopens in spring.\n\nIra Holm: That is all.";
    assert_eq!(
        turns(text),
        [
            pair("Ira Holm", "Colleagues, we begin."),
            pair("sefu", "Thank you. President Lind raised the river dams, and I answered her."),
            pair("Question", "Mr Prime Minister, will trains run again?"),
            pair("sefu", "They will. The rail line reopens in spring."),
            pair("Ira Holm", "That is all."),
        ]
    );
}

#[test]
fn time_stamped_turns_with_labels_on_their_own_line() {
    let text = "Transcript\n\nPresident Lind: (00:12)\nThe dams are old. [inaudible 00:00:31] They must be rebuilt.\n\n\
Reporter: (01:40)\nWhat did Prime Minister Sefu say?\n\nPresident Lind: (01:45)\nHe said he would think about it.";
    assert_eq!(
        turns(text),
        [
            pair("lind", "The dams are old."),
            pair("lind", "They must be rebuilt."),
            pair("Reporter", "What did Prime Minister Sefu say?"),
            // A leader reporting the other's words keeps the statement.
            pair("lind", "He said he would think about it."),
        ]
    );
}

#[test]
fn an_interpreted_turn_is_the_leaders_own_and_the_interpreter_is_not() {
    let text = "Joint press appearance\n\nPRESIDENT LIND: We spoke about water.\n\nPRIME MINISTER SEFU (through interpreter): The river belongs to both our peoples.\n\n\
INTERPRETER: The prime minister will now take one question.\n\nMODERATOR: Please.";
    let r = turns(text);
    assert_eq!(r[0], pair("lind", "We spoke about water."));
    assert_eq!(r[1], pair("sefu", "The river belongs to both our peoples."));
    assert_eq!(r[2].0, "INTERPRETER");
}

#[test]
fn a_correspondent_reports_what_a_leader_said_in_her_own_turn() {
    let text = "Evening news\n\nTOM ASH, NORTH NEWS ANCHOR: The talks are over. Anna, what did we learn?\n\n\
ANNA FELL, NORTH NEWS CORRESPONDENT: Tom, President Lind says the rail line will reopen within six months. Few here believe it.\n\n\
TOM ASH, NORTH NEWS ANCHOR: Thank you, Anna.";
    let r = turns(text);
    assert!(r.contains(&pair("lind", "the rail line will reopen within six months")), "{r:?}");
    // The rest of the correspondent's turn is never a leader's.
    assert!(r.iter().all(|(who, words)| who != "lind" || !words.contains("Few here")), "{r:?}");
    assert!(r.iter().all(|(who, words)| who != "lind" || !words.contains("Tom")), "{r:?}");
}

#[test]
fn an_unlabelled_question_between_answers_and_an_editors_note() {
    let text = "Interview\n\nQ: How were the talks?\n\nSEFU: Long. We covered the river.\n\nAnd the rail line?\n\nSEFU: That too.\n\n\
[The prime minister then spoke at length about the history of the dams.]\n\nQ: Thank you.";
    let r = turns(text);
    assert!(r.contains(&pair("Q", "And the rail line?")), "{r:?}");
    assert!(r.iter().all(|(_, words)| !words.contains("history of the dams")), "{r:?}");
}

#[test]
fn captions_are_one_speakers_words_with_questions_marked() {
    let text = "---\ntitle: Captions of the news conference\nkind: transcript\nspeaker: lind\n---\n\
good afternoon. we met for four hours\nand we talked about the river and\nabout the dams on it.\n\n\
>> madam president, will the trains\nrun again this year?\n\n\
>> they will. i told prime minister\nsefu that the rail line matters\nto both of us.\n";
    let r = turns(text);
    assert_eq!(
        r,
        [
            pair("lind", "good afternoon. we met for four hours\nand we talked about the river and\nabout the dams on it."),
            pair("Q", "madam president, will the trains\nrun again this year?"),
            pair("lind", "they will. i told prime minister\nsefu that the rail line matters\nto both of us."),
        ]
    );
}

#[test]
fn a_live_blog_with_a_few_labels_is_not_a_transcript() {
    let text = "Live: the talks\n\n14:02 Lind: \"The river is the first item.\"\n\nThe two delegations then went behind closed doors.\n\n\
14:40 Sefu: \"We agree on the river.\"\n\nReporters waited outside in the rain for an hour.\n\nThe press room was crowded and hot.\n\n\
15:10 Lind: \"The dams will be inspected.\"\n\nNo date was given for the inspections.\n\nThe rail line was not discussed, aides said.";
    let r = turns(text);
    assert!(r.iter().all(|(who, words)| who == "?" || who == "aides" || !words.contains("rain") && !words.contains("No date")), "{r:?}");
    assert!(r.contains(&pair("sefu", "We agree on the river.")), "{r:?}");
}

// ---------------------------------------------------------------------------
// Reported speech of every shape
// ---------------------------------------------------------------------------

#[test]
fn verbs_of_stance_report_what_their_subject_said() {
    assert_eq!(
        who_said("Okafor dismissed the charges as \u{201c}pure invention\u{201d} on Monday."),
        [pair("okafor", "dismissed the charges as \u{201c}pure invention\u{201d} on Monday")]
    );
    assert_eq!(who_said("Lindqvist vowed to keep the fishing quotas open."), [pair("lind", "vowed to keep the fishing quotas open")]);
    assert_eq!(
        who_said("The chancellor ruled out any new checkpoints on the border."),
        [pair("lind", "ruled out any new checkpoints on the border")]
    );
    // Some need their object: "raised the cases", not "raised taxes".
    assert_eq!(who_said("Okafor raised the cases of two jailed trawler captains."), [pair("okafor", "raised the cases of two jailed trawler captains")]);
    assert!(who_said("Okafor raised taxes on imported gas last year.").is_empty());
    // A verb right after a quotation frames the quotation, nothing more.
    assert_eq!(who_said("\u{201c}The quotas stay,\u{201d} warned Okafor."), [pair("okafor", "The quotas stay")]);
}

#[test]
fn a_day_between_the_subject_and_its_verb_is_no_one() {
    let r = who_said("Nordland Chancellor Ana Lindqvist on Monday rejected claims that her fleets had overfished the bay.");
    assert!(r.iter().any(|(who, words)| who == "lind" && words.starts_with("rejected claims")), "{r:?}");
    assert_eq!(who_said("Okafor Tuesday evening said the border would stay open."), [pair("okafor", "the border would stay open")]);
}

#[test]
fn a_verb_of_stance_joined_to_another_frame_keeps_its_phrase() {
    let r = who_said("The chancellor dismissed the report as \u{201c}fiction\u{201d} and said the quotas would stay.");
    assert!(r.contains(&pair("lind", "dismissed the report as \u{201c}fiction\u{201d}")), "{r:?}");
    assert!(r.contains(&pair("lind", "the quotas would stay")), "{r:?}");
    let r = who_said("Okafor praised the fishing fleets for their \u{201c}patience\u{201d} and added that the checkpoints would reopen.");
    assert!(r.contains(&pair("okafor", "praised the fishing fleets for their \u{201c}patience\u{201d}")), "{r:?}");
    assert!(r.contains(&pair("okafor", "the checkpoints would reopen")), "{r:?}");
}

#[test]
fn a_verb_of_saying_in_the_passive_tells_what_was_said_to_its_subject() {
    // The frame set in the sentence by commas is the speaker's; the passive
    // inside what he said frames nothing of its own.
    let r = who_said("The trawler captains, Okafor claimed, had been warned twice that the checkpoint was closed.");
    assert!(r.iter().any(|(who, words)| who == "okafor" && words.contains("had been warned twice")), "{r:?}");
    assert!(r.iter().all(|(who, _)| who == "okafor"), "{r:?}");
    // Told something: not her words.
    let r = who_said("Lindqvist was told that the pipeline would be late.");
    assert!(r.iter().all(|(who, _)| who != "lind"), "{r:?}");
    // "was saying" is active.
    assert!(who_said("Okafor was saying that the quotas were fair.").iter().any(|(who, _)| who == "okafor"));
}

#[test]
fn the_object_of_a_verb_of_stance_is_no_verb_of_its_own() {
    let r = who_said("Okafor expressed hope that the two fleets could agree on \u{201c}a fair share of the catch.\u{201d}");
    assert!(r.iter().any(|(who, words)| who == "okafor" && words.starts_with("expressed hope that the two fleets")), "{r:?}");
    assert!(r.iter().all(|(who, _)| who == "okafor"), "{r:?}");
}

#[test]
fn a_noun_of_speech_owned_by_its_speaker_frames_its_clause() {
    // The clause ends before the sentence's own verb: the rest is the reporter's.
    let r = who_said("Okafor's remark that the border would \u{201c}never\u{201d} close again was aimed at the trawler crews.");
    assert_eq!(r, [pair("okafor", "the border would \u{201c}never\u{201d} close again")]);
    let r = who_said("The Nordland leader's insistence that the quotas remained \u{201c}the one thing that could sink the talks\u{201d} was no surprise.");
    // (A clause that is mostly one quotation is the quotation.)
    assert_eq!(r, [pair("lind", "the one thing that could sink the talks")]);
    // A comma after a quoted term ends it too.
    let r = who_said("Okafor's comment that Lindqvist was \u{201c}stubborn,\u{201d} made at the end of the day, overshadowed the rest.");
    assert_eq!(r, [pair("okafor", "Lindqvist was \u{201c}stubborn,\u{201d}")]);
    // A noun nobody owns frames nothing.
    assert!(who_said("The claim that the fleets had overfished was never proved.").iter().all(|(who, _)| who == "?"));
}

#[test]
fn phrases_that_hand_the_rest_of_the_sentence_to_a_speaker() {
    assert_eq!(
        who_said("In Lindqvist's words, the talks had been \u{201c}as honest as any\u{201d} in years."),
        [pair("lind", "the talks had been \u{201c}as honest as any\u{201d} in years")]
    );
    assert_eq!(who_said("In the words of Okafor, nobody is promising anything on gas."), [pair("okafor", "nobody is promising anything on gas")]);
    assert_eq!(
        who_said("As Okafor put it at the dinner, Southland \u{201c}has never sought and will never seek\u{201d} more fishing rights."),
        [pair("okafor", "Southland \u{201c}has never sought and will never seek\u{201d} more fishing rights")]
    );
}

#[test]
fn two_leaders_joined_by_and_are_no_one_in_particular() {
    let r = who_said("Ana Lindqvist and Tomas Okafor left the castle having agreed on very little about the pipeline.");
    assert!(r.iter().all(|(who, _)| who != "lind" && who != "okafor"), "{r:?}");
}

#[test]
fn said_this_points_back_and_frames_no_clause() {
    let text = "\u{201c}I remember this coast well.\u{201d} The Southland leader said this to Lindqvist as they walked along the border.";
    let r = who_said(text);
    assert!(r.contains(&pair("okafor", "I remember this coast well.")), "{r:?}");
    assert!(r.iter().all(|(_, words)| !words.contains("walked")), "{r:?}");
    // "said this is …" is a clause.
    assert_eq!(who_said("Okafor said this is the best quota deal in years."), [pair("okafor", "this is the best quota deal in years")]);
}

#[test]
fn a_heading_that_announces_a_speakers_quotes_is_not_one_of_them() {
    let text = "The talks\n\nTomas Okafor: key quotes\n\n\u{2022} \u{201c}The border stays open for trade.\u{201d}";
    let r = who_said(text);
    assert_eq!(r, [pair("okafor", "The border stays open for trade.")]);
}

#[test]
fn a_wire_dateline_does_not_hide_the_sentences_subject() {
    let r = who_said("NORDHAVN (Coast Wire) \u{2014} Tomas Okafor hit back at the fishing report on Monday, slamming Nordland's \u{201c}double standards\u{201d} on quotas.");
    assert!(r.iter().any(|(who, words)| who == "okafor" && words.starts_with("slamming Nordland's")), "{r:?}");
    let r = who_said("NORDHAVN, May 3 (NWS) - Tomas Okafor spoke for an hour, promising to reopen the border checkpoints.");
    assert!(r.iter().any(|(who, words)| who == "okafor" && words.starts_with("promising to reopen")), "{r:?}");
}

#[test]
fn more_verbs_of_stance_and_their_objects() {
    // The object may come a few names later.
    let r = who_said("Lindqvist listed gas, fish and timber as areas where the two sides could still work together.");
    assert!(r.iter().any(|(who, words)| who == "lind" && words.starts_with("listed gas, fish and timber as areas")), "{r:?}");
    assert_eq!(who_said("Okafor urged Nordland to lift its tariffs on Southland trawlers."), [pair("okafor", "urged Nordland to lift its tariffs on Southland trawlers")]);
    // Joined by ", and" after a quoted term, the verb is not a frame of the quotation.
    let r = who_said("Okafor rejected the quotas as an attempt to \u{201c}starve our ports\u{201d}, and urged Nordland to lift its tariffs.");
    assert!(r.contains(&pair("okafor", "urged Nordland to lift its tariffs")), "{r:?}");
    assert!(r.iter().all(|(who, _)| who == "okafor"), "{r:?}");
}

#[test]
fn an_opening_participle_speaks_for_the_main_subject() {
    let r = who_said("Ruling out a new pipeline, the chancellor said the gas deal would stand.");
    assert!(r.contains(&pair("lind", "Ruling out a new pipeline")), "{r:?}");
    assert!(r.contains(&pair("lind", "the gas deal would stand")), "{r:?}");
}

#[test]
fn a_frame_inside_an_opening_participles_phrase_does_not_name_its_speaker() {
    // "he had hoped" sits inside what the president admitted: its "he" is
    // the president, not the minister who spoke in the paragraph before,
    // and the chancellor named there is an object.
    let r = who_said("Mr Holm, the Nordland fisheries minister, said the day went well.\n\nConceding that he had hoped Lindqvist would sign, Okafor said the quotas would wait.");
    assert!(r.contains(&pair("okafor", "he had hoped Lindqvist would sign")), "{r:?}");
    assert!(r.iter().all(|(who, _)| who != "lind"), "{r:?}");
    let r = who_said("The fisheries minister, Erik Holm, spoke first.\n\nAdmitting he had hoped Lindqvist would give way on quotas, the president said the talks had been \"hard\".");
    assert!(r.iter().all(|(who, _)| who == "okafor"), "{r:?}");
    assert!(r.contains(&pair("okafor", "he had hoped Lindqvist would give way on quotas")), "{r:?}");
    // With nobody before it the phrase is still the main subject's.
    let r = who_said("Okafor spoke first.\n\nAdmitting she had hoped Okafor would give way on quotas, the chancellor said the talks had been \"hard\".");
    assert!(r.iter().all(|(who, _)| who == "lind"), "{r:?}");
    // The phrase ends at the first comma outside quotation marks.
    let r = who_said("Conceding that he had called the quotas \"unfair, even cruel\", Okafor said Nordland would think again.");
    assert!(r.iter().all(|(who, _)| who == "okafor"), "{r:?}");
    assert_eq!(r.len(), 2, "{r:?}");
}

#[test]
fn a_leader_reporting_the_others_quoted_words_keeps_them() {
    // The chancellor tells what the president said to her: her statement.
    let r = who_said("Lindqvist recalled that Okafor had once told her: \"We will never sell the fleet.\"");
    assert!(r.iter().all(|(who, _)| who == "lind"), "{r:?}");
    assert!(r.iter().any(|(_, words)| words.contains("We will never sell the fleet")), "{r:?}");
    let r = who_said("The president said Lindqvist had warned him that Nordland \"will not accept new quotas\".");
    assert!(r.iter().all(|(who, _)| who == "okafor"), "{r:?}");
    // A frame joined after the clause, or in a sentence of its own, speaks
    // for its own subject.
    let r = who_said("Lindqvist said the talks were good, and Okafor told reporters: \"We agree on the quotas.\"");
    assert!(r.contains(&pair("okafor", "We agree on the quotas.")), "{r:?}");
    let r = who_said("Lindqvist said the talks were good and Okafor told reporters: \"We agree on the quotas.\"");
    assert!(r.contains(&pair("okafor", "We agree on the quotas.")), "{r:?}");
    let r = who_said("Lindqvist spoke about the fleet. Okafor told reporters: \"We will never sell the fleet.\"");
    assert!(r.contains(&pair("okafor", "We will never sell the fleet.")), "{r:?}");
    // Told "according to" the chancellor, it is all her account; told
    // according to someone else, the president's words stay his.
    let r = who_said("According to Lindqvist, Okafor said Southland \"has no interest\" in new quotas.");
    assert!(!r.is_empty() && r.iter().all(|(who, _)| who == "lind"), "{r:?}");
    let r = who_said("According to Lindqvist's aides, Okafor said Southland \"has no interest\" in new quotas.");
    assert!(r.iter().all(|(who, _)| who != "lind"), "{r:?}");
    let r = who_said("Okafor said Southland \"has no interest\" in new quotas, according to a Nordland official.");
    assert!(r.iter().all(|(who, _)| who != "lind"), "{r:?}");
}

#[test]
fn a_person_after_the_verb_with_a_verb_of_their_own_is_not_the_speaker() {
    // After a quoted term, "said the Nordland leader was" is not an inverted
    // "said the chancellor": the chancellor is who the president talks about.
    let r = who_said("Okafor, whom Lindqvist once called a \"hard man\", said the Nordland leader was \"very experienced\".");
    assert!(r.iter().all(|(who, words)| who != "lind" || words.contains("hard man")), "{r:?}");
    // The person the sentence opens on, before the relative clause, speaks;
    // what the clause says the chancellor called him stays hers.
    assert!(r.contains(&pair("okafor", "the Nordland leader was \"very experienced\"")), "{r:?}");
    assert!(r.contains(&pair("lind", "called a \"hard man\"")), "{r:?}");
    let r = who_said("Okafor, who had called the quotas \"unfair, even cruel,\" said Nordland would think again.");
    assert!(r.contains(&pair("okafor", "Nordland would think again")), "{r:?}");
    // The inverted frame itself still reads its subject.
    assert_eq!(who_said("\"We will keep fishing,\" said the chancellor on Tuesday."), [pair("lind", "We will keep fishing")]);
    assert_eq!(who_said("\"It is settled,\" said Okafor, who had flown in overnight."), [pair("okafor", "It is settled")]);
}

#[test]
fn a_leader_named_inside_another_persons_phrase_is_its_object() {
    // The praiser speaks; the praised does not.
    assert_eq!(who_said("Okafor praised Lindqvist for the warm welcome at the border."), [pair("okafor", "praised Lindqvist for the warm welcome at the border")]);
    // "he and X agreed": the speaker telling of himself and the other.
    let r = who_said("Okafor spoke after the talks. He and Lindqvist agreed to open the checkpoints, he said.");
    assert!(r.iter().all(|(who, _)| who != "lind"), "{r:?}");
}

#[test]
fn a_group_is_no_one_leader_without_a_source() {
    let text = "Lindqvist said the quotas were fair.\n\nThe two leaders agreed to meet again in the spring.";
    let r = who_said(text);
    assert!(r.iter().all(|(who, words)| !(who == "lind" && words.contains("meet again"))), "{r:?}");
}

#[test]
fn quotations_under_a_heading_that_names_their_speaker() {
    let text = "The talks in quotes\n\nKey quotes: Tomas Okafor\n\n\u{2022} \u{201c}The border stays open for trade.\u{201d}\n\u{2022} \u{201c}Our fleets will keep their quotas.\u{201d}\n\n\
What the officials said\n\n\u{2022} \u{201c}We are cautiously satisfied.\u{201d} \u{2014} a Nordland spokesman";
    let r = who_said(text);
    assert!(r.contains(&pair("okafor", "The border stays open for trade.")), "{r:?}");
    assert!(r.contains(&pair("okafor", "Our fleets will keep their quotas.")), "{r:?}");
    // Another heading ends the speaker's list: the official's words are
    // never the leader's.
    assert!(r.iter().any(|(who, words)| words == "We are cautiously satisfied." && who != "okafor" && who != "lind"), "{r:?}");
}

#[test]
fn live_blog_entries_after_a_time_stamp() {
    // The time stamp and its dash are no part of the entry's first sentence.
    let text = "Live: the talks\n\n14:02 \u{2014} \u{201c}The border will reopen in May,\u{201d} Okafor said.\n\n14:05 CEST \u{2014} Lindqvist said the quotas were fair.";
    let r = who_said(text);
    assert!(r.contains(&pair("okafor", "The border will reopen in May")), "{r:?}");
    assert!(r.iter().any(|(who, words)| who == "lind" && words.contains("quotas were fair")), "{r:?}");
    assert!(r.iter().all(|(_, words)| !words.contains("14:0") && !words.contains("CEST")), "{r:?}");
    // An entry that says who is speaking gives him the entries after it,
    // until another speaker takes the floor; never the other leader.
    let text = "Live: the talks\n\n14:02 \u{2014} Okafor is now speaking.\n\n14:03 \u{2014} \u{201c}The border will reopen in May.\u{201d}\n\n\
14:04 \u{2014} On fishing, he says the quotas will stay.\n\n14:30 \u{2014} Lindqvist is now speaking.\n\n14:31 \u{2014} \u{201c}Our fleets need certainty.\u{201d}";
    let r = who_said(text);
    assert!(r.contains(&pair("okafor", "The border will reopen in May.")), "{r:?}");
    assert!(r.contains(&pair("okafor", "the quotas will stay")), "{r:?}");
    assert!(r.contains(&pair("lind", "Our fleets need certainty.")), "{r:?}");
}

#[test]
fn a_reported_clause_may_open_with_a_name_in_capitals() {
    assert_eq!(who_said("Okafor says NFA membership for Nordland was never raised."), [pair("okafor", "NFA membership for Nordland was never raised")]);
}

#[test]
fn a_form_of_a_verb_of_saying_after_a_possessive_is_a_noun() {
    // "Southland's hopes", "his remarks": no one says anything by them, and
    // a clause joined on after them is the sentence's speaker's.
    assert_eq!(
        who_said("Lindqvist said that Southland's hopes of a deal had faded, and that there was “nothing left to trade” on quotas."),
        [
            pair("lind", "Southland's hopes of a deal had faded"),
            pair("lind", "there was “nothing left to trade” on quotas"),
        ]
    );
    assert!(who_said("Okafor's remarks on the fleet drew applause.").is_empty());
}

#[test]
fn a_verb_joined_on_speaks_for_the_sentence_not_for_a_clause_inside_it() {
    // "would respond" is what the capital is to do, not a frame of its own.
    assert_eq!(
        who_said("Okafor vowed that Nordhavn would respond in kind to any new tariffs, and reiterated that the pipeline was “a purely commercial project.”"),
        [
            pair("okafor", "Nordhavn would respond in kind to any new tariffs"),
            pair("okafor", "the pipeline was “a purely commercial project.”"),
        ]
    );
    // A pronoun inside the reported clause is the speaker telling of
    // himself: the verb joined on is still the sentence's speaker's.
    assert_eq!(
        who_said("Okafor said he had raised the cases of the two trawler crews, and vowed to keep pressing for their release."),
        [pair("okafor", "he had raised the cases of the two trawler crews"), pair("okafor", "vowed to keep pressing for their release")]
    );
    // A leader named inside the clause is another person in play: a verb
    // joined on after it is left to no one rather than guessed, and is
    // never the named leader's.
    assert_eq!(
        who_said("Lindqvist said Okafor had responded to her concerns, and added that talks on quotas would resume in May."),
        [pair("lind", "Okafor had responded to her concerns"), pair("?", "talks on quotas would resume in May")]
    );
    let read = who_said("Lindqvist said Okafor had warned her about the fleet, adding that the quotas would stay as they are.");
    assert!(read.iter().all(|(who, _)| who != "okafor"), "{read:?}");
}

#[test]
fn a_clause_without_that_may_open_with_a_plain_noun() {
    assert_eq!(
        who_said("Dismissing talk of a slump as “wishful thinking,” the Southland leader said growth would meet this year's target."),
        [
            pair("okafor", "Dismissing talk of a slump as “wishful thinking,”"),
            pair("okafor", "growth would meet this year's target"),
        ]
    );
    assert_eq!(who_said("Lindqvist said relations had improved."), [pair("lind", "relations had improved")]);
    // Captions write a capital's name in lower case: it opens the clause the same way.
    assert_eq!(who_said("Okafor said nordhavn would keep its fleet."), [pair("okafor", "nordhavn would keep its fleet")]);
    // Not a noun and a verb: an object and what follows it.
    assert!(who_said("Lindqvist said goodbye to the delegation at noon.").is_empty());
}

#[test]
fn verbs_that_also_take_objects_report_a_clause_only_with_that() {
    assert_eq!(
        who_said("Okafor replied that it was always better to meet face to face."),
        [pair("okafor", "it was always better to meet face to face")]
    );
    assert_eq!(
        who_said("In an essay published before the talks, Lindqvist wrote in a Sunday paper that the quotas would “hold for a decade.”"),
        [pair("lind", "the quotas would “hold for a decade.”")]
    );
    // An object, and a relative clause after it, are no reported speech.
    assert!(who_said("Okafor answered questions that had been sent in advance.").is_empty());
    assert!(who_said("Lindqvist replied to a letter that the fleet owners had sent.").is_empty());
    assert!(who_said("Lindqvist wrote a book that sold well in Southland.").is_empty());
}

#[test]
fn a_verb_with_its_particle_frames_speech_and_without_it_none() {
    assert_eq!(
        who_said("Okafor listed the fishing fleets and made it clear that he would keep raising the quotas."),
        [pair("okafor", "he would keep raising the quotas")]
    );
    assert_eq!(
        who_said("Lindqvist made clear that the border would stay open."),
        [pair("lind", "the border would stay open")]
    );
    // "made" alone is no verb of saying.
    assert!(who_said("Lindqvist made a deal that the fleet owners welcomed.").is_empty());
}

#[test]
fn a_verb_joined_by_a_bare_and_is_a_statement_of_its_own() {
    // Two things said, each with its own topic.
    let r = read("Okafor denounced the seizure of the trawlers and condemned the closure of the border crossings.");
    assert_eq!(r.len(), 2, "{r:?}");
    assert_eq!((r[0].0.as_str(), r[0].2.as_str(), r[0].3.clone()), ("okafor", "denounced the seizure of the trawlers", vec!["fisheries".to_string()]));
    assert_eq!((r[1].0.as_str(), r[1].2.as_str(), r[1].3.clone()), ("okafor", "condemned the closure of the border crossings", vec!["border".to_string()]));
    // A reported clause ends where the joined verb begins.
    let r = read("Lindqvist said the pipeline was safe and praised the fishing fleet.");
    assert_eq!(who_said("Lindqvist said the pipeline was safe and praised the fishing fleet."), [pair("lind", "the pipeline was safe"), pair("lind", "praised the fishing fleet")]);
    assert_eq!(r[0].3, ["energy"]);
    assert_eq!(r[1].3, ["fisheries"]);
    // With another person the subject inside the clause, the joined verb
    // could be either's: it is left to no one, and never given to the one
    // named inside.
    let said = who_said("Lindqvist said Okafor had denounced the plan and condemned the closure of the harbour to foreign boats.");
    assert_eq!(said, [pair("lind", "Okafor had denounced the plan")]);
    // "and agreed." at the end is a second act, not a frame set off by commas.
    let said = who_said("Okafor praised the welcome of the fleet and agreed.");
    assert!(said.iter().all(|(w, t)| w == "okafor" && !t.starts_with("Okafor")), "{said:?}");
}

#[test]
fn an_articles_title_lends_no_statement_its_topic() {
    // The title names the article's issues; a quote far below it that names
    // none is not about them.
    let text = "---\ntitle: Okafor condemns the fishing quotas\n---\nOkafor condemns the fishing quotas\n\n“We will see in the spring,” Okafor said.";
    assert_eq!(read(text)[0].3, ["relations"]);
    // A section's heading still names its section's issue.
    let text = "---\ntitle: Talks in the capital\n---\nTalks in the capital\n\nThe border\n\n“We will see in the spring,” Okafor said.";
    assert_eq!(read(text)[0].3, ["border"]);
}

#[test]
fn another_speakers_statement_in_the_sentence_lends_no_topic() {
    // Lindqvist's words name no issue; Okafor's, in the same sentence, do.
    let r = read("Lindqvist said the talks had been long, while Okafor promised that the checkpoints would open in May.");
    assert_eq!(r.len(), 2, "{r:?}");
    assert_eq!((r[0].0.as_str(), r[0].3.clone()), ("lind", vec!["relations".to_string()]));
    assert_eq!((r[1].0.as_str(), r[1].3.clone()), ("okafor", vec!["border".to_string()]));
    // The same speaker's other statement in the sentence does lend it.
    let r = read("Okafor said the checkpoints would open in May and promised that the wait would be short.");
    assert_eq!(r.len(), 2, "{r:?}");
    assert_eq!(r[1].3, ["border"]);
}

#[test]
fn a_keyword_in_ing_names_a_thing_not_the_verb() {
    // "meeting" is a keyword of relations; "meet" shares its stem but names
    // no meeting.
    let r = read("Lindqvist said the pipeline would meet every need.");
    assert_eq!(r[0].3, ["energy"]);
    let r = read("Lindqvist said the meetings had been long.");
    assert_eq!(r[0].3, ["relations"]);
    let r = read("Lindqvist promised a new meeting in the spring.");
    assert_eq!(r[0].3, ["relations"]);
}

#[test]
fn a_that_after_the_object_of_a_verb_of_saying_opens_what_was_said_only_after_a_person_told() {
    // "the progress that had been made" is a relative clause: no words of hers.
    let r = who_said("Lindqvist noted the progress that had been made on the fishing quotas.");
    assert!(r.iter().all(|(_, words)| !words.starts_with("had been made")), "{r:?}");
    // A person told, or a phrase of time, comes before what was said.
    assert_eq!(
        who_said("Okafor told the reporters that the border crossings would reopen in spring."),
        [pair("okafor", "the border crossings would reopen in spring")]
    );
    assert_eq!(
        who_said("Okafor warned the fishing fleets that the quotas would be cut."),
        [pair("okafor", "the quotas would be cut")]
    );
    assert_eq!(
        who_said("Okafor informed the delegates that the checkpoints would stay open."),
        [pair("okafor", "the checkpoints would stay open")]
    );
    // "Informed" as an adjective frames nothing of a leader's.
    let r = who_said("Informed sources said the border would reopen.");
    assert!(r.iter().all(|(who, _)| who != "okafor" && who != "lind"), "{r:?}");
    assert_eq!(
        who_said("Lindqvist said the other day that the pipeline would be finished by winter."),
        [pair("lind", "the pipeline would be finished by winter")]
    );
}
