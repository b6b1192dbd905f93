//! `dyad ingest`.

/// Arguments of `dyad ingest`.
#[derive(clap::Args)]
pub struct Args {}

/// Runs `dyad ingest`.
pub fn run(_args: Args) -> anyhow::Result<()> {
    anyhow::bail!("`dyad ingest` is not built yet")
}
