//! `dyad eval --geo FILE`: score the geoparser on a GeoWebNews or TR-News gold XML file.

use std::path::Path;

use anyhow::Context;

/// Scores against the gold at `path` and prints the report.
pub fn run(path: &Path, json: bool) -> anyhow::Result<()> {
    let xml =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let docs =
        dyad_geo::eval::parse(&xml).with_context(|| format!("parsing {}", path.display()))?;
    let gaz = dyad_geo::Gazetteer::builtin();
    let r = dyad_geo::eval::evaluate(&gaz, &docs);
    if json {
        let v = serde_json::json!({
            "file": path.display().to_string(),
            "docs": r.docs,
            "gold_toponyms": r.gold,
            "recall": r.recall(),
            "recall_without_demonyms": r.recall_names(),
            "precision": r.precision(),
            "acc161_end_to_end": r.acc_end_to_end(),
            "acc161_gold_spans": r.acc_gold_spans(),
            "found": r.found,
            "correct_end_to_end": r.correct_end_to_end,
            "correct_gold_spans": r.correct_gold_spans,
            "predicted": r.predicted,
        });
        println!("{}", serde_json::to_string_pretty(&v)?);
        return Ok(());
    }
    let pct = |x: f64| format!("{:5.1}%", 100.0 * x);
    println!(
        "geoparsing eval: {} ({} articles, {} gold toponyms with coordinates)",
        path.display(),
        r.docs,
        r.gold
    );
    println!(
        "  recall (gold toponyms found)          {}  ({} / {})",
        pct(r.recall()),
        r.found,
        r.gold
    );
    println!(
        "  recall without demonyms               {}",
        pct(r.recall_names())
    );
    println!(
        "  precision (found mentions in gold)    {}  ({} / {})",
        pct(r.precision()),
        r.predicted_matching,
        r.predicted
    );
    println!(
        "  accuracy within 161 km, end to end    {}  ({} / {})",
        pct(r.acc_end_to_end()),
        r.correct_end_to_end,
        r.gold
    );
    println!(
        "  accuracy within 161 km, gold spans    {}  ({} / {})",
        pct(r.acc_gold_spans()),
        r.correct_gold_spans,
        r.gold
    );
    Ok(())
}
