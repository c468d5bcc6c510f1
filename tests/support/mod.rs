//! Helpers for the accuracy tests: a Rust port of the evaluation's scorer
//! (`shared/eval/score.py`), the Python formatting it needs to print the same
//! problem lines, and exports built from the gold labels to check the port.

pub mod exports;
pub mod pyfmt;
pub mod score;
