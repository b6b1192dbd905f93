//! `dyad annotate`.

/// Arguments of `dyad annotate`.
#[derive(clap::Args)]
pub struct Args {}

/// Runs `dyad annotate`.
pub fn run(_args: Args) -> anyhow::Result<()> {
    anyhow::bail!("`dyad annotate` is not built yet")
}
