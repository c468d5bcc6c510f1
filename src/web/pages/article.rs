//! `/articles/{article}`: the article as published, each statement marked
//! in its speaker's colour and anchored at `#s-{id}` ("in context" links).

use askama::Template;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::corpus::BlockKind;
use crate::index::{ArticleIx, EntryIx, Index};
use crate::text::{for_display, marked_stretches};
use crate::web::error::PageError;
use crate::web::layout::Layout;
use crate::web::request::Format;
use crate::web::views::{self, ArticleRef, SpeakerRef, StatementView};
use crate::web::Site;

#[derive(Serialize)]
pub struct ArticlePage {
    pub article: ArticleRef,
    pub date: Option<String>,
    pub original_url: Option<String>,
    pub legend: Vec<SpeakerRef>,
    pub blocks: Vec<BlockView>,
    pub statements: Vec<StatementView>,
}

/// A heading, paragraph, post or link line, cut into pieces where
/// statements start and end.
#[derive(Serialize)]
pub struct BlockView {
    /// "heading", "paragraph", "post" or "link".
    pub kind: &'static str,
    pub pieces: Vec<Piece>,
    /// The signature under an embedded post.
    pub footer: Option<String>,
}

#[derive(Serialize)]
pub struct Piece {
    pub text: String,
    pub statement: Option<Marked>,
}

/// What a marked piece links to.
#[derive(Serialize)]
pub struct Marked {
    pub id: String,
    pub url: String,
    pub speaker_name: String,
    pub class: String,
}

#[derive(Template)]
#[template(path = "article.html")]
struct ArticleTemplate<'a> {
    layout: Layout,
    page: &'a ArticlePage,
}

/// The text from `start` to `end`, with the given statements marked.
pub fn pieces(index: &Index, text: &str, start: usize, end: usize, marked: &[EntryIx]) -> Vec<Piece> {
    let inside = marked.iter().map(|&i| (i, index.statement(i))).filter(|(_, e)| e.end <= end);
    let marks = inside.map(|(i, e)| (e.start..e.end, i));
    marked_stretches(start, end, marks)
        .into_iter()
        .map(|(range, statement)| Piece {
            text: for_display(&text[range]),
            statement: statement.map(|i| {
                let e = index.statement(i);
                Marked {
                    id: e.id.clone(),
                    url: format!("/quotes/{}", e.id),
                    speaker_name: index.speaker_name(i),
                    class: views::speaker_class(e.speaker),
                }
            }),
        })
        .collect()
}

pub fn build(site: &Site, a: ArticleIx) -> ArticlePage {
    let index = &site.index;
    let entry = &index.articles[a];
    let art = &entry.article;
    let mut blocks: Vec<BlockView> = Vec::new();
    for (bi, b) in art.blocks.iter().enumerate() {
        let text = &art.text[b.start..b.end];
        let kind = match &b.kind {
            // The title is the page's heading already.
            BlockKind::Title if for_display(text.trim()) == art.title => continue,
            BlockKind::Title | BlockKind::Heading => "heading",
            BlockKind::Paragraph => "paragraph",
            BlockKind::Post { .. } => "post",
            BlockKind::Link => "link",
            BlockKind::Signature => {
                if let Some(post) = blocks.last_mut().filter(|p| p.kind == "post" && p.footer.is_none()) {
                    post.footer = Some(for_display(text));
                    continue;
                }
                "paragraph"
            }
        };
        let in_block: Vec<EntryIx> = entry.entries.iter().copied().filter(|&i| index.statement(i).block == bi).collect();
        blocks.push(BlockView { kind, pieces: pieces(index, &art.text, b.start, b.end, &in_block), footer: None });
    }
    ArticlePage {
        // The one page that shows the title whole.
        article: views::ArticleRef { title: art.title.clone(), ..views::article_ref(index, a) },
        date: art.date.clone(),
        original_url: crate::web::text_fragment::web_address(art.url.as_deref()).map(str::to_string),
        legend: index.summit.speaker_ixs().map(|s| views::speaker_ref(index, s)).collect(),
        blocks,
        statements: views::statements(index, entry.entries.iter().copied()),
    }
}

/// The article page or its JSON twin.
pub fn page(site: &Site, id: &str, format: Format) -> Result<Response, PageError> {
    let Some(a) = site.index.article(id) else {
        // The address an article had before its id carried a hash of its
        // file name still leads to it, while no other article claims it.
        if let Some(a) = site.index.article_moved(id) {
            let to = format!("/articles/{}{}", site.index.articles[a].article.id, format.suffix());
            return Ok(axum::response::Redirect::permanent(&to).into_response());
        }
        return Err(PageError::not_found("article"));
    };
    let page = build(site, a);
    let path = format!("/articles/{id}");
    // The head (title, link previews) has the shortened title; the heading, the whole.
    let title = crate::text::shorten(&page.article.title, views::TITLE_LIMIT);
    let description = format!("{title}, with every statement marked by speaker.");
    super::render(&path, format, &page, || ArticleTemplate {
        layout: Layout::new(site, &path, &title, &description, Some(super::json_path(&path))),
        page: &page,
    })
}
