//! `dyad annotate`: articles in, one JSON object per article out, with every
//! annotation layer (`id`, `entities`, `timexes`, `places`, `events`).
//!
//! The object shape is [`dyad_core::schema::AnnotatedDoc`]. Reading,
//! parallelism, ordering, rejects and counts are [`crate::io::run`]'s.

use crate::io::run::{run_docs, InputArgs};

/// Arguments of `dyad annotate`.
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    coder: super::CoderArgs,
}

/// Runs `dyad annotate`.
pub fn run(args: Args) -> anyhow::Result<()> {
    let coder = args.coder.coder()?;
    run_docs(&args.input, |doc, out| {
        let annotated = coder.annotate(doc)?;
        serde_json::to_writer(&mut *out, &annotated)?;
        out.push(b'\n');
        Ok(annotated.events.len())
    })?;
    Ok(())
}
