//! `dyad eval --timeml DIR`: scores the temporal tagger on TimeML gold.
//!
//! Reads every `*.tml` under DIR (recursively), tags each `<TEXT>` against
//! its `<DCT>`, and prints the TempEval-3 measures (strict and relaxed
//! extent, value and type F1) overall and per sub-corpus (the first
//! directory level under DIR). `--json` prints the same as one JSON object.

use anyhow::Context;
use dyad_time::timeml::{parse, score_doc, Score};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    if dir.is_file() {
        out.push(dir.to_path_buf());
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect(&p, out)?;
        } else if p.extension().is_some_and(|e| e == "tml") {
            out.push(p);
        }
    }
    Ok(())
}

/// Scores against the gold at `path` and prints the report.
pub fn run(path: &Path, json: bool) -> anyhow::Result<()> {
    let mut files = Vec::new();
    collect(path, &mut files)?;
    anyhow::ensure!(!files.is_empty(), "no .tml files under {}", path.display());
    let tagger = dyad_time::Tagger::new();
    let mut total = Score::default();
    let mut parts: BTreeMap<String, Score> = BTreeMap::new();
    let mut skipped = 0;
    for f in &files {
        let content =
            std::fs::read_to_string(f).with_context(|| format!("reading {}", f.display()))?;
        let doc = match parse(&content) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("skipping {}: {e}", f.display());
                skipped += 1;
                continue;
            }
        };
        let s = score_doc(&tagger, &doc);
        total.merge(&s);
        let part = f
            .strip_prefix(path)
            .ok()
            .and_then(|r| r.components().next())
            .filter(|_| f.parent() != Some(path))
            .map(|c| c.as_os_str().to_string_lossy().into_owned());
        if let Some(p) = part {
            parts.entry(p).or_default().merge(&s);
        }
    }
    if json {
        let by: BTreeMap<&String, _> = parts.iter().map(|(k, v)| (k, v.report())).collect();
        let v =
            serde_json::json!({ "overall": total.report(), "by_corpus": by, "skipped": skipped });
        println!("{}", serde_json::to_string_pretty(&v)?);
    } else {
        println!("TimeML evaluation of {}", path.display());
        print!("{}", total.report());
        for (k, v) in &parts {
            println!("\n[{k}]");
            print!("{}", v.report());
        }
        if skipped > 0 {
            println!("\n{skipped} files skipped");
        }
    }
    Ok(())
}
