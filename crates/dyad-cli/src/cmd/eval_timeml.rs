//! `dyad eval` for one gold format.

use std::path::Path;

/// Scores against the gold at `path` and prints the report.
pub fn run(_path: &Path, _json: bool) -> anyhow::Result<()> {
    anyhow::bail!("this evaluation is not built yet")
}
