//! `dyad actor`: resolve actor phrases, one JSON line each.

use std::io::{BufRead, Write};

/// Arguments of `dyad actor`.
#[derive(clap::Args)]
pub struct Args {
    /// The phrase to resolve; `-` reads one phrase per line from stdin.
    pub phrase: String,
    /// The date the phrase is from (offices held change over time), YYYY-MM-DD.
    #[arg(long)]
    pub date: Option<String>,
    /// Text that precedes the phrase, for pronouns and counterparts.
    #[arg(long, default_value = "")]
    pub context: String,
    #[command(flatten)]
    coder: super::CoderArgs,
}

/// Runs `dyad actor`.
pub fn run(args: Args) -> anyhow::Result<()> {
    let coder = args.coder.coder()?;
    let date = match &args.date {
        Some(d) => dyad_core::input::parse_date(d)?,
        None => chrono::Utc::now().date_naive(),
    };
    let out = std::io::stdout();
    let mut out = out.lock();
    let mut one = |phrase: &str| -> anyhow::Result<()> {
        let r = coder.actor(phrase.trim(), &args.context, date);
        let v = match r {
            None => serde_json::Value::Null,
            Some(a) => serde_json::json!({
                "text": a.text, "country": a.country, "sector": a.sector, "name": a.name, "role": a.role,
            }),
        };
        writeln!(out, "{v}")?;
        Ok(())
    };
    if args.phrase == "-" {
        for line in std::io::stdin().lock().lines() {
            one(&line?)?;
        }
    } else {
        one(&args.phrase)?;
    }
    Ok(())
}
