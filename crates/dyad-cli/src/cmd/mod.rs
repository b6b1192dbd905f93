//! One module per subcommand.

pub mod actor;
pub mod annotate;
pub mod bench;
pub mod code;
pub mod eval;
pub mod export;
pub mod ingest;
pub mod query;
pub mod serve;
pub mod eval_geo;
pub mod eval_plover;
pub mod eval_timeml;
