//! `dyad code`.

/// Arguments of `dyad code`.
#[derive(clap::Args)]
pub struct Args {}

/// Runs `dyad code`.
pub fn run(_args: Args) -> anyhow::Result<()> {
    anyhow::bail!("`dyad code` is not built yet")
}
