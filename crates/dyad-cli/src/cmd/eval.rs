//! `dyad eval`.

/// Arguments of `dyad eval`.
#[derive(clap::Args)]
pub struct Args {}

/// Runs `dyad eval`.
pub fn run(_args: Args) -> anyhow::Result<()> {
    anyhow::bail!("`dyad eval` is not built yet")
}
