//! The analysis, tested through the library: who said what and on which
//! topic, against hand labels (`accuracy`), rule by rule on invented
//! summits (`rules`), on arbitrary and generated text (`properties`), and on
//! saved pages and scraper records (`import`).
//!
//! One test binary for all four, so that the project's tests link as few
//! binaries as they can (each costs a link of the whole program).

// The accuracy tests' port of the evaluation's scorer.
#[path = "../support/scorer/mod.rs"]
mod scorer;

mod accuracy;
mod import;
mod properties;
mod rules;
