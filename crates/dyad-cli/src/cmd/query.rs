//! `dyad query`.

/// Arguments of `dyad query`.
#[derive(clap::Args)]
pub struct Args {}

/// Runs `dyad query`.
pub fn run(_args: Args) -> anyhow::Result<()> {
    anyhow::bail!("`dyad query` is not built yet")
}
