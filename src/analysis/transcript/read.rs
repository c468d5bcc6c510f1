//! Reading a transcript turn by turn into statements.

use super::stage::spoken_pieces;
use super::{is_addressed_question, Transcript, Voice};
use crate::analysis::attribution::{Found, Resolved, Who};
use crate::analysis::{find_quotes, split_sentences, Analyzer, Discourse, Draft, Kind, HEADING_REACH_BLOCKS};
use crate::corpus::{Article, Block, BlockKind};
use crate::summit::TopicIx;

/// A turn's piece longer than this is split at sentence ends into
/// statements of about [`STATEMENT_BYTES`]: a whole answer is too much to
/// quote as one.
const LONG_PIECE_BYTES: usize = 1_200;
const STATEMENT_BYTES: usize = 600;

/// The question a leader's answer replies to.
#[derive(Clone)]
struct Question {
    /// Where the question's first statement starts (its id is known later).
    start: usize,
    topics: Vec<TopicIx>,
}

/// Where the reading of a transcript is.
struct Reading<'a> {
    article: &'a Article,
    transcript: &'a Transcript,
    state: Discourse,
    drafts: Vec<Draft>,
    /// Who speaks in the turn under way.
    voice: Option<Voice>,
    question: Option<Question>,
}

impl Analyzer {
    pub(in crate::analysis) fn read_transcript(&self, article: &Article, transcript: &Transcript) -> Vec<Draft> {
        let mut r = Reading {
            article,
            transcript,
            state: Discourse::default(),
            drafts: Vec::new(),
            voice: transcript.speaker.map(Voice::Leader),
            question: None,
        };
        let mut bi = 0;
        while bi < article.blocks.len() {
            bi = self.read_transcript_block(&mut r, bi);
        }
        r.drafts
    }

    /// Reads the block at `bi` (and, for captions, the lines of its turn
    /// that follow); returns the next block to read.
    fn read_transcript_block(&self, r: &mut Reading, bi: usize) -> usize {
        let block = &r.article.blocks[bi];
        let text = &r.article.text;
        match &block.kind {
            BlockKind::Signature | BlockKind::Link => return bi + 1,
            BlockKind::Post { .. } => {
                self.read_paragraph(r.article, bi, block, &mut r.state, &mut r.drafts, true);
                return bi + 1;
            }
            _ => {}
        }
        if bi < r.transcript.first_turn {
            self.read_ordinary(r, bi, block);
            return bi + 1;
        }
        let line = &text[block.start..block.end];
        if let Some(turn) = &r.transcript.turns[bi] {
            r.voice = Some(turn.voice.clone());
            self.start_turn(r, bi);
            return self.read_turn(r, bi, turn.content);
        }
        if is_editors_note(line) {
            return bi + 1;
        }
        if block.kind == BlockKind::Heading && !line.contains(char::is_lowercase) {
            // "PART TWO": a section of the transcript; the turn is over.
            r.voice = None;
            self.read_ordinary(r, bi, block);
            return bi + 1;
        }
        let markers = speaker_changes(text, block.start, block.end);
        if !markers.is_empty() {
            return self.read_speaker_changes(r, bi, &markers);
        }
        match r.voice.clone() {
            Some(Voice::Leader(i)) if self.asked_between_answers(r, bi, i) => {
                r.voice = Some(Voice::Questioner("Q".into()));
                self.start_turn(r, bi);
                self.read_turn(r, bi, block.start)
            }
            // A paragraph that tells of the leader speaking is the
            // reporter's, and the turn is over.
            Some(Voice::Leader(i)) if !r.transcript.lines && self.narrates_speaker(text, block, i) => {
                r.voice = None;
                self.read_ordinary(r, bi, block);
                bi + 1
            }
            Some(_) => self.read_turn(r, bi, block.start),
            None => {
                self.read_ordinary(r, bi, block);
                bi + 1
            }
        }
    }

    /// A block outside any turn: read as ordinary text.
    fn read_ordinary(&self, r: &mut Reading, bi: usize, block: &Block) {
        match block.kind {
            BlockKind::Title | BlockKind::Heading => {
                self.read_heading(r.article, bi, block, &mut r.state, &mut r.drafts);
            }
            _ => self.read_paragraph(r.article, bi, block, &mut r.state, &mut r.drafts, false),
        }
    }

    /// A new turn: later pronouns and lone quotations are its speaker's,
    /// and a question opens a new exchange.
    fn start_turn(&self, r: &mut Reading, bi: usize) {
        let speaker = match r.voice.as_ref() {
            Some(Voice::Leader(i)) => Resolved::Speaker(*i),
            Some(Voice::Reporter(l) | Voice::Questioner(l) | Voice::Other(l) | Voice::Unresolved(l)) => Resolved::Other(l.clone()),
            None => return,
        };
        r.state.speaker = Some((speaker, bi));
        if !matches!(r.voice, Some(Voice::Leader(_))) {
            r.question = None;
        }
    }

    /// Reads a turn's words from `from` in block `bi` on; for captions, on
    /// over the lines that continue it. Returns the next block to read.
    fn read_turn(&self, r: &mut Reading, bi: usize, from: usize) -> usize {
        let (end, next) = self.run_end(r, bi);
        self.read_span(r, bi, from, end);
        next
    }

    /// Captions mark each change of speaker with ">>" at the start of a
    /// line: what follows is a question, or the document's speaker again.
    /// Words before the first mark go on with the turn under way.
    fn read_speaker_changes(&self, r: &mut Reading, bi: usize, markers: &[usize]) -> usize {
        let block = &r.article.blocks[bi];
        if markers[0] > block.start && r.voice.is_some() {
            self.read_span(r, bi, block.start, markers[0]);
        }
        for (k, &m) in markers.iter().enumerate() {
            let content = m + 2 + r.article.text[m + 2..block.end].len() - r.article.text[m + 2..block.end].trim_start().len();
            let (end, next) = match markers.get(k + 1) {
                Some(&e) => (e, bi),
                None => self.run_end(r, bi),
            };
            let asks = is_caption_question(&r.article.text[content..end]);
            r.voice = if asks { Some(Voice::Questioner("Q".into())) } else { r.transcript.speaker.map(Voice::Leader) };
            self.start_turn(r, bi);
            if r.voice.is_some() {
                self.read_span(r, bi, content, end);
            }
            if next != bi {
                return next;
            }
        }
        bi + 1
    }

    /// Where a turn's words that start in block `bi` end (the block's end,
    /// or for captions the end of the lines that continue it), and the next
    /// block to read.
    fn run_end(&self, r: &Reading, bi: usize) -> (usize, usize) {
        if r.transcript.lines {
            self.caption_run(r, bi)
        } else {
            (r.article.blocks[bi].end, bi + 1)
        }
    }

    /// The turn's words in `from..end`, in block `bi`, as statements.
    fn read_span(&self, r: &mut Reading, bi: usize, from: usize, end: usize) {
        if from >= end {
            return;
        }
        let voice = r.voice.clone().expect("a turn has a voice");
        if let Voice::Reporter(_) = voice {
            let words = Block { kind: BlockKind::Paragraph, start: from, end };
            self.read_paragraph(r.article, bi, &words, &mut r.state, &mut r.drafts, false);
            return;
        }
        let block_start = r.article.blocks[bi].start;
        for (a, b) in spoken_pieces(&r.article.text, from, end) {
            let (a, b) = unquoted(&r.article.text, a, b);
            for (s, e) in self.statement_spans(&r.article.text, a, b) {
                self.push_turn_statement(r, bi, (block_start.min(from), end), s, e, &voice);
            }
        }
    }

    /// The lines that go on from block `bi` in the same caption turn, up to
    /// a label, a ">>", a blank line or a heading: their end, and the next
    /// block to read.
    fn caption_run(&self, r: &Reading, bi: usize) -> (usize, usize) {
        let blocks = &r.article.blocks;
        let text = &r.article.text;
        let mut k = bi + 1;
        while k < blocks.len() {
            let b = &blocks[k];
            let gap = &text[blocks[k - 1].end..b.start];
            let continues = matches!(b.kind, BlockKind::Paragraph | BlockKind::Heading)
                && r.transcript.turns[k].is_none()
                && speaker_changes(text, b.start, b.end).is_empty()
                && gap.matches('\n').count() < 2;
            if !continues {
                break;
            }
            k += 1;
        }
        (blocks[k - 1].end, k)
    }

    /// One statement of a turn.
    fn push_turn_statement(&self, r: &mut Reading, bi: usize, sentence: (usize, usize), start: usize, end: usize, voice: &Voice) {
        let text = &r.article.text;
        let (who, speaker) = match voice {
            Voice::Leader(i) => (Who::Speaker(*i), Resolved::Speaker(*i)),
            Voice::Unresolved(l) => (Who::Unknown, Resolved::Unknown(Some(l.clone()))),
            Voice::Questioner(l) | Voice::Other(l) | Voice::Reporter(l) => (Who::Other(l.clone()), Resolved::Other(l.clone())),
        };
        let mut words = self.topics.read_statement(&text[start..end]);
        let own = std::mem::take(&mut words.topics);
        let asks = matches!(voice, Voice::Questioner(_)) || text[start..end].contains('?');
        let question = match voice {
            Voice::Leader(_) => r.question.as_ref().map(|q| q.start),
            _ if asks => {
                let q = r.question.get_or_insert(Question { start, topics: Vec::new() });
                q.topics.extend(own.iter().copied());
                None
            }
            _ => None,
        };
        let topics = if !own.is_empty() && !words.has_anaphora {
            own
        } else {
            let mut all = own;
            all.extend(self.turn_context(r, bi));
            all.sort_unstable();
            all.dedup();
            self.with_default(all)
        };
        let found = Found { start, end, kind: Kind::Direct, who };
        r.drafts.push(Draft { found, speaker, block: bi, sentence, topics, normalised: words.normalised, question });
    }

    /// What a statement that names no topic is about: the question it
    /// answers, else the section heading in reach.
    fn turn_context(&self, r: &Reading, bi: usize) -> Vec<TopicIx> {
        if let Some(q) = r.question.as_ref().filter(|q| !q.topics.is_empty()) {
            return q.topics.clone();
        }
        if bi - r.state.section_block <= HEADING_REACH_BLOCKS {
            return r.state.section_topics.clone();
        }
        Vec::new()
    }

    /// A piece of a turn as statements: whole, or split at sentence ends
    /// when it is long.
    fn statement_spans(&self, text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
        if end - start <= LONG_PIECE_BYTES {
            return vec![(start, end)];
        }
        let quotes = find_quotes(text, start, end);
        let sentences = split_sentences(text, start, end, &quotes);
        let mut out = Vec::new();
        let mut from = start;
        for &(_, se) in &sentences {
            if se - from >= STATEMENT_BYTES && end - se >= STATEMENT_BYTES / 2 {
                out.push(crate::text::trim_range(text, from, se));
                from = se;
            }
        }
        out.push(crate::text::trim_range(text, from, end));
        out.retain(|(a, b)| a < b);
        out
    }

    /// An unlabelled paragraph inside a leader's turn that is a question to
    /// him: it ends with a question mark and either turns to him ("Mr.
    /// President, …?") or is followed by his labelled answer.
    fn asked_between_answers(&self, r: &Reading, bi: usize, leader: usize) -> bool {
        let block = &r.article.blocks[bi];
        let line = &r.article.text[block.start..block.end];
        if !line.trim_end().ends_with('?') {
            return false;
        }
        let next = r.transcript.turns.get(bi + 1).and_then(Option::as_ref);
        is_addressed_question(line) || next.is_some_and(|t| t.voice == Voice::Leader(leader))
    }

    /// Does the block tell of tracked speaker `i` speaking ("Lind said",
    /// "said Lind")? A leader does not speak of himself so: such a block is
    /// a reporter's narrative.
    fn narrates_speaker(&self, text: &str, block: &Block, i: usize) -> bool {
        let is_verb = |w: &str| crate::analysis::verbs::speech_verb(w, None).is_some();
        let word_after = |at: usize| text[at..block.end].split(|c: char| !c.is_alphanumeric()).find(|w| !w.is_empty());
        let word_before = |at: usize| text[block.start..at].rsplit(|c: char| !c.is_alphanumeric()).find(|w| !w.is_empty());
        self.mentions
            .find(text, block.start, block.end)
            .iter()
            .filter(|m| m.referent == crate::analysis::mentions::Referent::Speaker(i))
            .any(|m| word_after(m.end).is_some_and(is_verb) || word_before(m.start).is_some_and(is_verb))
    }
}

/// Where ">>" opens a line of `text[start..end]`: a change of speaker in
/// captions.
fn speaker_changes(text: &str, start: usize, end: usize) -> Vec<usize> {
    let mut out: Vec<usize> = text[start..end].match_indices(">>").map(|(i, _)| start + i).collect();
    out.retain(|&m| text[start..m].rsplit('\n').next().is_some_and(|line| line.trim().is_empty()));
    out
}

/// A caption segment that asks: it ends with a question mark and is short,
/// or it turns to the speaker.
fn is_caption_question(words: &str) -> bool {
    let short = words.split_whitespace().count() <= 60;
    words.trim_end().ends_with('?') && short || is_addressed_question(words)
}

/// A piece that is one quotation, marks and all ('Lind: "We agree."' in a
/// live blog), without its marks.
fn unquoted(text: &str, start: usize, end: usize) -> (usize, usize) {
    match find_quotes(text, start, end).as_slice() {
        [q] if q.outer() == (start, end) && q.start < q.end => (q.start, q.end),
        _ => (start, end),
    }
}

/// A block wholly in brackets is an editor's summary, and one that opens
/// like a publisher's note is about the document: no one's words.
fn is_editors_note(line: &str) -> bool {
    let t = line.trim();
    let bracketed = t.starts_with('[') && t.ends_with(']') && !t[1..t.len() - 1].contains([']', '[']);
    let lower = t.trim_start_matches(['*', '_', '(']).to_lowercase();
    bracketed || crate::analysis::lexicon::EDITORIAL_OPENERS.iter().any(|o| lower.starts_with(o))
}
