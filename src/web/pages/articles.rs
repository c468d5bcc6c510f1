//! `/articles`: every article of the coverage, a page at a time, each with
//! how many statements it gave. (One article is `article.rs`.)

use askama::Template;
use axum::response::Response;
use serde::Serialize;

use super::home::{article_counts, ArticleCount};
use crate::web::error::PageError;
use crate::web::layout::Layout;
use crate::web::paging::{Pager, PAGE_SIZE};
use crate::web::request::{Format, PageNumber};
use crate::web::Site;

#[derive(Serialize)]
pub struct ArticlesPage {
    pub total: usize,
    pub articles: Vec<ArticleCount>,
    pub pager: Pager,
}

#[derive(Template)]
#[template(path = "articles.html")]
struct ArticlesTemplate<'a> {
    layout: Layout,
    page: &'a ArticlesPage,
}

/// The list or its JSON twin (`/articles.json`).
pub fn page(site: &Site, format: Format, page_number: Result<PageNumber, PageError>) -> Result<Response, PageError> {
    let index = &site.index;
    let pager = super::pager(page_number, index.articles.len(), PAGE_SIZE, "/articles")?;
    let path = pager.path("/articles");
    let page = ArticlesPage { total: index.articles.len(), articles: article_counts(index, pager.range(index.articles.len())), pager };
    let description = format!("The {} articles of the coverage of the {}.", page.total, index.summit.title);
    super::render(&path, format, &page, || ArticlesTemplate {
        layout: Layout::new(site, &path, "Articles", &description, Some(super::json_path(&path))),
        page: &page,
    })
}
