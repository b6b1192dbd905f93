//! `dyad bench`.

/// Arguments of `dyad bench`.
#[derive(clap::Args)]
pub struct Args {}

/// Runs `dyad bench`.
pub fn run(_args: Args) -> anyhow::Result<()> {
    anyhow::bail!("`dyad bench` is not built yet")
}
