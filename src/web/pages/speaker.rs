//! `/speakers/{speaker}`: everything one speaker said, grouped by topic.

use askama::Template;
use axum::response::Response;
use serde::Serialize;

use crate::index::EntryIx;
use crate::summit::{SpeakerIx, TopicIx};
use crate::web::error::PageError;
use crate::web::layout::Layout;
use crate::web::paging::Pager;
use crate::web::request::{Format, PageNumber};
use crate::web::views::{self, SpeakerRef, StatementView, TopicRef};
use crate::web::Site;

#[derive(Serialize)]
pub struct SpeakerPage {
    pub speaker: SpeakerRef,
    pub count: usize,
    pub groups: Vec<TopicGroup>,
    pub pager: Pager,
}

/// The speaker's statements on one topic (this page of them).
#[derive(Serialize)]
pub struct TopicGroup {
    pub topic: TopicRef,
    pub total: usize,
    pub statements: Vec<StatementView>,
    /// Where all of them are read one after another, when they do not fit
    /// on one page here: the speaker's column on the topic's page.
    pub all_url: Option<String>,
}

#[derive(Template)]
#[template(path = "speaker.html")]
struct SpeakerTemplate<'a> {
    layout: Layout,
    page: &'a SpeakerPage,
}

pub fn build(site: &Site, s: SpeakerIx, groups: Vec<(TopicIx, Vec<EntryIx>)>, pager: Pager) -> SpeakerPage {
    let index = &site.index;
    let speaker = views::speaker_ref(index, s);
    let groups = groups
        .into_iter()
        .map(|(t, list)| {
            let topic = views::topic_ref(index, t);
            let shown = pager.range(list.len());
            let fits = list.len() <= pager.size();
            TopicGroup {
                all_url: (!fits).then(|| format!("{}#col-{}", topic.url, speaker.id)),
                topic,
                total: list.len(),
                statements: views::statements(index, list[shown].iter().copied()),
            }
        })
        .filter(|g| !g.statements.is_empty())
        .collect();
    let count = index.one_per_statement(index.by_speaker(s).iter().copied()).len();
    SpeakerPage { speaker, count, groups, pager }
}

/// The speaker page or its JSON twin.
pub fn page(site: &Site, id: &str, format: Format, page_number: Result<PageNumber, PageError>) -> Result<Response, PageError> {
    let Some(s) = site.index.speaker(id) else {
        return Err(PageError::not_found("speaker"));
    };
    let index = &site.index;
    let groups: Vec<(TopicIx, Vec<EntryIx>)> = index.summit.topic_ixs()
        .map(|t| (t, index.one_per_statement(index.said_on(s, t))))
        .filter(|(_, list)| !list.is_empty())
        .collect();
    let base = format!("/speakers/{id}");
    // Every topic has its share of each page, so that the first page is an
    // overview of all of them, however much was said on one.
    let lengths: Vec<usize> = groups.iter().map(|(_, l)| l.len()).collect();
    let pager = super::shared_pager(page_number, &lengths, &base)?;
    let path = pager.path(&base);
    let page = build(site, s, groups, pager);
    let description = format!("Everything {} said in the coverage of the {}, by topic.", page.speaker.name, site.index.summit.title);
    let preview = preview(site, s, &page.speaker.name, &description);
    super::render(&path, format, &page, || SpeakerTemplate {
        layout: Layout::new(site, &path, &page.speaker.name, &description, Some(super::json_path(&path)))
            .with_feed(&base, &format!("{} (Atom feed)", page.speaker.name))
            .with_preview(preview),
        page: &page,
    })
}

/// The page's link preview: its picture is the share card of the speaker's
/// most specific statement; without one, a preview of words only.
fn preview(site: &Site, s: SpeakerIx, name: &str, description: &str) -> crate::web::layout::Preview {
    let index = &site.index;
    let title = format!("{name}: everything said at the {}", index.summit.title);
    match index.most_specific(index.one_per_statement(index.by_speaker(s).iter().copied())) {
        Some(i) => {
            let st = views::statement(index, i);
            let alt = format!("{}: {} ({})", st.speaker_name, st.labelled_text(), st.article.source_line);
            crate::web::layout::Preview::with_card(site, title, description.to_string(), "website", &format!("{}.png", st.url), alt)
        }
        None => crate::web::layout::Preview { title, description: description.to_string(), kind: "website", image: None },
    }
}
