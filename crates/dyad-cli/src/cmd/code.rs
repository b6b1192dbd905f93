//! `dyad code`: articles in, one JSON event record per line out.
//!
//! The record shape is [`dyad_core::schema::EventRecord`] (see `docs/schema.md`).
//! Reading, parallelism, ordering, rejects and counts are [`crate::io::run`]'s.

use crate::io::run::{run_docs, InputArgs};

/// Arguments of `dyad code`.
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    coder: super::CoderArgs,
}

/// Runs `dyad code`.
pub fn run(args: Args) -> anyhow::Result<()> {
    let coder = args.coder.coder()?;
    run_docs(&args.input, |doc, out| {
        let events = coder.code(doc)?;
        for e in &events {
            serde_json::to_writer(&mut *out, e)?;
            out.push(b'\n');
        }
        Ok(events.len())
    })?;
    Ok(())
}
