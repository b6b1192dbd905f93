//! The built-in example article (`--example`), compiled into the binary.
//!
//! `data/examples/example.jsonl` is the project's own writing: a wire-style
//! report with talks, an agreement, a condemnation, an air strike, sanctions,
//! a protest, aid and a threat, so that `dyad code --example` shows most of
//! what the coder does without any file at hand.

use super::{jsonl, Records};

/// The example article, one JSONL line.
pub const EXAMPLE_JSONL: &str = include_str!("../../../../data/examples/example.jsonl");

/// The example as a record stream, with origin `<example>:1`.
pub fn records() -> Records {
    jsonl::read(
        Box::new(std::io::Cursor::new(EXAMPLE_JSONL.as_bytes())),
        "<example>".to_string(),
    )
}
