//! Reading an article that is not a transcript (news, a live blog, an
//! analysis) block by block: headings, paragraphs and the posts a live blog
//! embeds, each paragraph sentence by sentence.

use super::attribution::{self, analyze_sentence, Found, Resolved, Sentence, Who};
use super::mentions::Referent;
use super::{discourse, find_quotes, split_sentences, Analyzer, Discourse, Draft, Kind, SentenceTopics, Statement};
use crate::corpus::{Article, Block, BlockKind};
use crate::summit::TopicIx;

impl Analyzer {
    /// An article that is not a transcript, paragraph by paragraph.
    pub(super) fn read_news(&self, article: &Article) -> Vec<Statement> {
        let mut state = Discourse::default();
        let mut drafts = Vec::new();
        for (bi, block) in article.blocks.iter().enumerate() {
            match &block.kind {
                BlockKind::Signature | BlockKind::Link => {}
                BlockKind::Title | BlockKind::Heading => {
                    if !self.read_heading(article, bi, block, &mut state, &mut drafts) && block.kind == BlockKind::Heading {
                        // A short line without a full stop may still frame a
                        // quotation: 'Biden said: “We will respond”'.
                        let text = &article.text[block.start..block.end];
                        if text.contains(|c: char| crate::text::is_any_quote_mark(c)) {
                            self.read_paragraph(article, bi, block, &mut state, &mut drafts, false);
                        }
                    }
                }
                BlockKind::Paragraph => self.read_paragraph(article, bi, block, &mut state, &mut drafts, false),
                BlockKind::Post { .. } => self.read_paragraph(article, bi, block, &mut state, &mut drafts, true),
            }
        }
        self.finish(&article.text, drafts)
    }

    /// A heading names the section's topic, and may name its speaker
    /// ("Biden: Washington will not tolerate any interference").
    /// Returns whether the heading named its speaker.
    pub(super) fn read_heading(&self, article: &Article, bi: usize, block: &Block, state: &mut Discourse, drafts: &mut Vec<Draft>) -> bool {
        let text = &article.text;
        // An article's title names what the whole article is about, often
        // several issues at once: it lends no statement its topic. A
        // section's heading names that section's issue.
        state.section_topics = match block.kind {
            BlockKind::Title => Vec::new(),
            _ => self.topics.tag(&text[block.start..block.end]),
        };
        state.section_block = bi;
        self.heading_speaker(text, block, bi, state);
        let Some((who, rest)) = self.speaker_label(text, block.start, block.end) else { return false };
        let quotes = find_quotes(text, rest, block.end);
        let (start, end) = match quotes.first() {
            Some(q) => (q.start, q.end),
            None => crate::text::trim_range(text, rest, block.end),
        };
        // "Xi Jinping: key quotes" heads a list of his words; it is none of them.
        if start >= end || quotes.is_empty() && discourse::is_quote_list_cue(&text[start..end]) {
            return true;
        }
        let found = Found { start, end, kind: Kind::Direct, who: Who::Speaker(who) };
        let speaker = Resolved::Speaker(who);
        state.speaker = Some((speaker.clone(), bi));
        let words = self.topics.read_statement(&text[start..end]);
        let topics = self.with_default(words.topics);
        drafts.push(Draft { found, speaker, block: bi, sentence: (block.start, block.end), topics, normalised: words.normalised, question: None });
        true
    }

    /// "Putin: …" at the start of a heading: the speaker and where the words start.
    fn speaker_label(&self, text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
        let colon = start + text[start..end].find(':')?;
        let name = text[start..colon].trim();
        let who = match self.mentions.find(text, start, colon).as_slice() {
            [m] if text[m.start..m.end].trim() == name => match m.referent {
                Referent::Speaker(i) => i,
                _ => return None,
            },
            [] if !name.contains(' ') => self.mentions.misspelled_speaker(name)?,
            _ => return None,
        };
        Some((who, colon + 1))
    }

    pub(super) fn read_paragraph(
        &self,
        article: &Article,
        bi: usize,
        block: &Block,
        state: &mut Discourse,
        drafts: &mut Vec<Draft>,
        is_post: bool,
    ) {
        let text = &article.text;
        if let Some((who, content)) = attribution::transcript_label(text, block.start, block.end, &self.mentions) {
            return self.read_transcript_line(article, bi, block, content, who, state, drafts, is_post);
        }
        let mut quotes = find_quotes(text, block.start, block.end);
        attribution::cut_unclosed_at_attribution(text, &mut quotes, &self.mentions);
        // A live blog's time stamp ("17:37 — ") is not part of the first sentence.
        let body = discourse::live_blog_lead_end(text, block.start, block.end);
        let sentences = split_sentences(text, body, block.end, &quotes);
        let mut sentence_topics = SentenceTopics::new(&sentences);
        for (si, &(ss, se)) in sentences.iter().enumerate() {
            let sentence = Sentence {
                text,
                start: ss,
                end: se,
                quotes: quotes[quotes.partition_point(|q| q.start < ss)..]
                    .iter()
                    .take_while(|q| q.start < se)
                    .filter(|q| q.end <= se)
                    .collect(),
            };
            let mut last_in_sentence: Option<Resolved> = None;
            let reading = analyze_sentence(&sentence, &self.mentions);
            let mut heard: Vec<(Found, Resolved)> = Vec::with_capacity(reading.found.len());
            for mut found in reading.found {
                if found.who == Who::Continuation {
                    if let Some(who) = self.claimed_by_next(text, sentences.get(si + 1)) {
                        found.who = who;
                    }
                }
                // In an embedded post only a speaker named there counts: the
                // post is another account's, not the article's running story.
                if is_post && !matches!(found.who, Who::Speaker(_) | Who::Other(_)) {
                    continue;
                }
                let speaker = self.resolve(&found.who, found.kind != Kind::Indirect, last_in_sentence.as_ref(), state, bi);
                if !matches!(speaker, Resolved::Unknown(_)) {
                    last_in_sentence = Some(speaker.clone());
                    if !is_post {
                        state.speaker = Some((speaker.clone(), bi));
                    }
                }
                heard.push((found, speaker));
            }
            // Each statement's topics, with every speaker known: another
            // speaker's statement in the sentence lends this one nothing.
            let read: Vec<(Vec<TopicIx>, String)> = heard
                .iter()
                .enumerate()
                .map(|(k, (found, speaker))| {
                    let mut words = self.topics.read_statement(&text[found.start..found.end]);
                    let left_out: Vec<(usize, usize)> =
                        heard.iter().enumerate().filter(|(j, (_, s))| *j == k || s != speaker).map(|(_, (f, _))| (f.start, f.end)).collect();
                    let topics = self.topics_in_context(text, &left_out, &mut words, &mut sentence_topics, si, bi, article, state);
                    (topics, words.normalised)
                })
                .collect();
            for ((found, speaker), (topics, normalised)) in heard.into_iter().zip(read) {
                drafts.push(Draft { found, speaker, block: bi, sentence: (ss, se), topics, normalised, question: None });
            }
            if last_in_sentence.is_none() && !is_post {
                // Someone spoke without a statement of their own ("Okafor
                // spoke next."), or the sentence is about someone else.
                let who = reading.last_speaker.or(reading.opening_subject).map(|w| self.resolve(&w, false, None, state, bi));
                if self.two_in_play(text, ss, se) {
                    // "Both presidents were asked about Syria.", "Xi invited
                    // him inside.": a lone quotation next could be either's.
                    state.speaker = None;
                } else if let Some(r @ (Resolved::Speaker(_) | Resolved::Other(_))) = who {
                    state.speaker = Some((r, bi));
                }
            }
        }
    }

    /// "PUTIN: Yes, we raised this issue. …": the whole line is the speaker's.
    #[allow(clippy::too_many_arguments)]
    fn read_transcript_line(
        &self,
        article: &Article,
        bi: usize,
        block: &Block,
        content: usize,
        who: Who,
        state: &mut Discourse,
        drafts: &mut Vec<Draft>,
        is_post: bool,
    ) {
        let text = &article.text;
        let (start, end) = crate::text::trim_range(text, content, block.end);
        let speaker = self.resolve(&who, true, None, state, bi);
        if !is_post && !matches!(speaker, Resolved::Unknown(_)) {
            state.speaker = Some((speaker.clone(), bi));
        }
        let found = Found { start, end, kind: Kind::Direct, who };
        let line = [(block.start, block.end)];
        let mut sentence_topics = SentenceTopics::new(&line);
        let mut words = self.topics.read_statement(&text[found.start..found.end]);
        let topics = self.topics_in_context(text, &[(found.start, found.end)], &mut words, &mut sentence_topics, 0, bi, article, state);
        drafts.push(Draft { found, speaker, block: bi, sentence: (block.start, block.end), topics, normalised: words.normalised, question: None });
    }
}
