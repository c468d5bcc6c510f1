//! Counterparts: who said what at a summit, side by side.
//!
//! The pipeline runs once at start-up:
//! [`corpus`] loads and splits the articles, [`analysis`] finds every
//! statement and its speaker and topics, and [`export`] turns the result into
//! the JSON document that the web pages and the evaluation read.

#[macro_use]
mod places;

pub mod analysis;
pub mod corpus;
pub mod export;
pub mod generate;
pub mod generate_pages;
pub mod ids;
pub mod import;
pub mod index;
pub mod library;
pub mod load;
pub mod search;
pub mod stems;
pub mod summit;
pub mod text;
pub mod transcript_check;
pub mod versions;
pub mod web;

pub use library::{Library, LoadOptions, LoadReport};
