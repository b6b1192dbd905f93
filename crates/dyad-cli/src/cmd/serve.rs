//! `dyad serve`.

/// Arguments of `dyad serve`.
#[derive(clap::Args)]
pub struct Args {}

/// Runs `dyad serve`.
pub fn run(_args: Args) -> anyhow::Result<()> {
    anyhow::bail!("`dyad serve` is not built yet")
}
