//! Helpers shared by the test files: sites and requests driven in-process
//! (`app`), a small HTML scanner (`html`), and for the accuracy tests a Rust
//! port of the evaluation's scorer (`scorer`).
//!
//! Each test file uses what it needs of them.
#![allow(dead_code)]

pub mod app;
pub mod html;
pub mod scorer;
