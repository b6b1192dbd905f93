//! `dyad eval GOLD`: event coding against the PLOVER gold standard or dyad's own gold.

use std::io::Write;
use std::path::Path;

use dyad_core::eval;

/// Scores against the gold at `path` and prints the report.
pub fn run(path: &Path, json: bool) -> anyhow::Result<()> {
    let content = std::fs::read_to_string(path)
        .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", path.display()))?;
    let mut golds = Vec::new();
    for (i, line) in content
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        golds.extend(
            eval::parse_gold(line)
                .map_err(|e| anyhow::anyhow!("{}:{}: {e}", path.display(), i + 1))?,
        );
    }
    let coder = dyad_core::Coder::builtin();
    let report = eval::evaluate(&coder, &golds);
    if json {
        writeln!(
            std::io::stdout().lock(),
            "{}",
            serde_json::to_string(&report)?
        )?;
    } else {
        write!(std::io::stdout().lock(), "{report}")?;
        if std::env::var_os("DYAD_EVAL_VERBOSE").is_some() {
            for o in &report.outcomes {
                let mark = if o.full {
                    "ok  "
                } else if o.type_found {
                    "part"
                } else {
                    "MISS"
                };
                eprintln!(
                    "{mark} {:<28} {:<10} extra={} coded={:?}",
                    o.id, o.gold_type, o.extra, o.coded
                );
            }
        }
    }
    Ok(())
}
