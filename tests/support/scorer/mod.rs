//! The accuracy tests' port of the evaluation's scorer
//! (`shared/eval/score.py`): the scoring itself (`score`), the Python
//! formatting it needs to print the same problem lines (`pyfmt`), and
//! exports built from the gold labels to check the port (`exports`).

pub mod exports;
pub mod pyfmt;
pub mod score;
