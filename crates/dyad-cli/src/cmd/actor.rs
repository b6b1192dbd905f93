//! `dyad actor`.

/// Arguments of `dyad actor`.
#[derive(clap::Args)]
pub struct Args {}

/// Runs `dyad actor`.
pub fn run(_args: Args) -> anyhow::Result<()> {
    anyhow::bail!("`dyad actor` is not built yet")
}
