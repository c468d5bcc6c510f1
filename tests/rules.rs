//! Each attribution and topic rule, proved on short passages written for the
//! purpose, about an invented summit with its own speakers and topics, so that
//! nothing here leans on the seed articles or on the built-in summit file.

use counterparts::analysis::{Analyzer, Kind};
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
            let who = s.speaker.clone().or(s.speaker_label.clone()).unwrap_or_else(|| "?".into());
            (who, s.kind, text[s.start..s.end].to_string(), s.topics)
        })
        .collect()
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
    let r = who_said(text);
    assert_eq!(r[1], pair("Fisheries minister Jon Haugen", "It is a bad deal for the coast"));
    let text = "Okafor said that the talks went well.\n\nJon Haugen criticised the deal.\n\n“It is a bad deal for the coast,” he said.";
    assert_eq!(who_said(text)[1], pair("Jon Haugen", "It is a bad deal for the coast"));
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
