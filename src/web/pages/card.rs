//! The pictures of link previews: `/quotes/{id}.png`, a statement's share
//! card, and `/topics/{topic}.png`, the two leaders side by side on a
//! topic. What each shows is the page's to say (`quote::card_of`,
//! `topic::pair_card`); drawing it (`web::card`) takes a while, so it runs
//! off the async workers, and the page cache keeps the result: each card is
//! drawn once.

use std::fmt::Display;
use std::sync::Arc;

use axum::response::Response;

use crate::web::card;
use crate::web::error::PageError;
use crate::web::respond;
use crate::web::Site;

/// `/quotes/{id}.png`.
pub async fn quote(site: Arc<Site>, id: &str) -> Result<Response, PageError> {
    let Some(i) = site.index.entry(id) else {
        return Err(PageError::not_found("statement"));
    };
    let card = super::quote::card_of(&site, i);
    draw(move || card::render(&card), &format!("/quotes/{id}"), "The picture of this statement could not be drawn.").await
}

/// `/topics/{topic}.png`.
pub async fn topic(site: Arc<Site>, id: &str) -> Result<Response, PageError> {
    let Some(t) = site.index.topic(id) else {
        return Err(PageError::not_found("topic"));
    };
    let card = super::topic::pair_card(&site, t);
    draw(move || card::render_pair(&card), &format!("/topics/{id}"), "The picture of this topic could not be drawn.").await
}

/// Draws a card on a blocking thread; a failure is logged with the page it
/// belongs to and told to the reader as `message`.
async fn draw<E: Display + Send + 'static>(
    render: impl FnOnce() -> Result<Vec<u8>, E> + Send + 'static,
    page: &str,
    message: &str,
) -> Result<Response, PageError> {
    let failed = |e: &dyn Display| {
        tracing::error!("cannot draw the card of {page}: {e}");
        PageError::internal(message)
    };
    match tokio::task::spawn_blocking(render).await {
        Ok(Ok(png)) => Ok(respond::png(png)),
        Ok(Err(e)) => Err(failed(&e)),
        Err(e) => Err(failed(&e)),
    }
}
