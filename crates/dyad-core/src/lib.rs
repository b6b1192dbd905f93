//! dyad-core: news text in, coded political events out.
//!
//! The crate is pure: it takes `&str` and a date and returns records. It does no
//! I/O, holds no globals and knows nothing about SQLite, HTTP or the command line.
//!
//! The main types:
//! - [`schema::InputDoc`], one article as read from JSONL;
//! - [`Doc`], the article with its annotation layers (tokens, sentences, actor
//!   mentions, time expressions, places, events), each a byte span into the text;
//! - [`Coder`], which owns the compiled lexicons and gazetteer and runs the
//!   pipeline stages over a `Doc`;
//! - [`schema::EventRecord`], the output contract.
//!
//! ```
//! use dyad_core::{Coder, schema::InputDoc};
//! let coder = Coder::builtin();
//! let doc = InputDoc {
//!     id: "x".into(),
//!     date: "2024-07-12".into(),
//!     text: "Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Thursday.".into(),
//!     title: None, source: None, url: None,
//! };
//! let events = coder.code(&doc).unwrap();
//! assert!(events.iter().any(|e| e.event_type == "CONSULT"));
//! ```
#![warn(missing_docs)]

pub mod codes;
pub mod doc;
pub mod eval;
pub mod input;
pub mod lexicon;
pub mod schema;
pub mod text;

pub mod clause;
mod coder;
mod coref;
pub mod events;
pub mod mentions;

pub use coder::{Coder, Error};
pub use doc::Doc;
