//! `dyad export`.

/// Arguments of `dyad export`.
#[derive(clap::Args)]
pub struct Args {}

/// Runs `dyad export`.
pub fn run(_args: Args) -> anyhow::Result<()> {
    anyhow::bail!("`dyad export` is not built yet")
}
