//! `dyad eval`: score the coder against gold data.
//!
//! One flag per gold format; each format's reader and report live in their own
//! module (`eval_plover`, `eval_timeml`, `eval_geo`).

use std::path::PathBuf;

/// Arguments of `dyad eval`.
#[derive(clap::Args)]
pub struct Args {
    /// PLOVER gold-standard JSONL (or dyad's own gold format) to score event coding against.
    pub gold: Option<PathBuf>,
    /// A directory of TimeML files (`*.tml`, searched recursively): score the temporal layer.
    #[arg(long, value_name = "DIR")]
    pub timeml: Option<PathBuf>,
    /// A geoparsing gold XML file (GeoWebNews or TR-News format): score the place layer.
    #[arg(long, value_name = "FILE")]
    pub geo: Option<PathBuf>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Runs `dyad eval`.
pub fn run(args: Args) -> anyhow::Result<()> {
    if let Some(dir) = &args.timeml {
        return super::eval_timeml::run(dir, args.json);
    }
    if let Some(file) = &args.geo {
        return super::eval_geo::run(file, args.json);
    }
    match &args.gold {
        Some(file) => super::eval_plover::run(file, args.json),
        None => anyhow::bail!("give a gold file, --timeml DIR or --geo FILE"),
    }
}
