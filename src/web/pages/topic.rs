//! `/topics/{topic}`: the heart of the site — one column per speaker, their
//! statements on the topic in source order.

use askama::Template;
use axum::response::Response;
use serde::Serialize;

use crate::index::EntryIx;
use crate::summit::{SpeakerIx, TopicIx};
use crate::web::error::PageError;
use crate::web::layout::Layout;
use crate::web::card::{self, PairCard, Side};
use crate::web::layout::Preview;
use crate::web::paging::Pager;
use crate::web::request::{Format, PageNumber};
use crate::web::views::{self, SpeakerRef, StatementView, TopicRef};
use crate::web::Site;

#[derive(Serialize)]
pub struct TopicPage {
    pub topic: TopicRef,
    pub description: String,
    pub columns: Vec<Column>,
    /// What people who are not tracked speakers said on the topic.
    pub others: Vec<StatementView>,
    pub other_topics: Vec<TopicRef>,
    pub pager: Pager,
}

/// One speaker's statements on the topic (this page of them).
#[derive(Serialize)]
pub struct Column {
    pub speaker: SpeakerRef,
    /// How many in all, on every page.
    pub total: usize,
    pub statements: Vec<StatementView>,
}

#[derive(Template)]
#[template(path = "topic.html")]
struct TopicTemplate<'a> {
    layout: Layout,
    page: &'a TopicPage,
}

/// The statements of each column, and of others, before paging: each
/// statement once, however many articles reported it.
fn lists(site: &Site, t: TopicIx) -> (Vec<Vec<EntryIx>>, Vec<EntryIx>) {
    let index = &site.index;
    let columns = index.summit.speaker_ixs().map(|s| index.one_per_statement(index.said_on(s, t))).collect();
    let others = index.one_per_statement(index.on_topic(t).iter().copied().filter(|&i| index.statement(i).speaker.is_none()));
    (columns, others)
}

pub fn build(site: &Site, t: TopicIx, columns: Vec<Vec<EntryIx>>, others: Vec<EntryIx>, pager: Pager) -> TopicPage {
    let index = &site.index;
    let page_of = |list: &[EntryIx]| views::statements(index, list[pager.range(list.len())].iter().copied());
    TopicPage {
        topic: views::topic_ref(index, t),
        description: index.summit.topics[t].description.clone(),
        columns: index
            .summit
            .speaker_ixs()
            .zip(&columns)
            .map(|(s, list)| Column { speaker: views::speaker_ref(index, s), total: list.len(), statements: page_of(list) })
            .collect(),
        others: page_of(&others),
        other_topics: index.summit.topic_ixs().filter(|&o| o != t).map(|o| views::topic_ref(index, o)).collect(),
        pager,
    }
}

/// The topic page or its JSON twin.
pub fn page(site: &Site, id: &str, format: Format, page_number: Result<PageNumber, PageError>) -> Result<Response, PageError> {
    let Some(t) = site.index.topic(id) else {
        return Err(PageError::not_found("topic"));
    };
    let base = format!("/topics/{id}");
    let (columns, others) = lists(site, t);
    let lengths: Vec<usize> = columns.iter().map(Vec::len).chain([others.len()]).collect();
    let pager = super::shared_pager(page_number, &lengths, &base)?;
    let path = pager.path(&base);
    let page = build(site, t, columns, others, pager);
    let names: Vec<&str> = page.columns.iter().map(|c| c.speaker.name.as_str()).collect();
    let description = format!("What {} said on {}, side by side.", names.join(" and "), page.topic.name);
    let preview = Preview::with_card(
        site,
        format!("{}: what {} said", page.topic.name, names.join(" and ")),
        format!("{description} {}", page.description),
        "website",
        &format!("{base}.png"),
        card_alt(site, t),
    );
    super::render(&path, format, &page, || TopicTemplate {
        layout: Layout::new(site, &path, &page.topic.name, &description, Some(super::json_path(&path)))
            .with_feed(&base, &format!("{} (Atom feed)", page.topic.name))
            .with_preview(preview),
        page: &page,
    })
}

/// The statement that stands for each tracked speaker on topic `t` (the
/// most specific of theirs), the first two speakers only: a card has room
/// for two.
fn representatives(site: &Site, t: TopicIx) -> Vec<(SpeakerIx, Option<EntryIx>)> {
    let index = &site.index;
    index.summit.speaker_ixs().take(2)
        .map(|s| (s, index.most_specific(index.one_per_statement(index.said_on(s, t)))))
        .collect()
}

/// The topic card in words, for its `alt` and `og:image:alt`.
pub fn card_alt(site: &Site, t: TopicIx) -> String {
    let index = &site.index;
    let sides: Vec<String> = representatives(site, t)
        .into_iter()
        .map(|(s, i)| {
            let name = &index.summit.speakers[s].name;
            match i {
                Some(i) => format!("{name}: {}", views::statement(index, i).labelled_text()),
                None => format!("{name}: nothing reported"),
            }
        })
        .collect();
    format!("{}, side by side. {}", index.summit.topics[t].name, sides.join(" "))
}

/// What a topic's card shows.
pub fn pair_card(site: &Site, t: TopicIx) -> PairCard {
    let index = &site.index;
    let sides = representatives(site, t)
        .into_iter()
        .map(|(s, i)| {
            let statement = i.map(|i| views::statement(index, i));
            Side {
                speaker: index.summit.speakers[s].name.clone(),
                colour: card::speaker_colour(Some(s.position())),
                reported: statement.as_ref().is_some_and(|st| !st.is_direct()),
                source: statement.as_ref().map_or_else(String::new, |st| st.article.source_line.clone()),
                parts: statement.map(|st| st.parts).unwrap_or_default(),
            }
        })
        .collect();
    PairCard { topic: index.summit.topics[t].name.clone(), summit: index.summit.title.clone(), sides }
}
