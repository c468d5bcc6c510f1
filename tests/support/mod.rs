//! Helpers shared by the test files: sites and requests driven in-process
//! (`app`), a small HTML scanner (`html`), and for the accuracy tests a Rust
//! port of the evaluation's scorer (`shared/eval/score.py`), the Python
//! formatting it needs to print the same problem lines, and exports built
//! from the gold labels to check the port.
//!
//! Each test file uses what it needs of them.
#![allow(dead_code)]

pub mod app;
pub mod exports;
pub mod html;
pub mod pyfmt;
pub mod score;
