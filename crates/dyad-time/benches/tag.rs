//! Throughput of the tagger alone: VOA stories (JSONL `text`, `published`)
//! and Reuters-21578 BODY texts, tagged on one thread. Prints MB/s and docs/s.
//! Run with `cargo bench -p dyad-time`. Besides wall-clock figures it prints
//! figures over the process CPU time (Linux `/proc/self/stat`, 100 ticks/s),
//! which stay meaningful on a machine shared with other jobs.

use chrono::NaiveDate;
use std::path::{Path, PathBuf};
use std::time::Instant;

fn shared() -> PathBuf {
    if let Ok(p) = std::env::var("DYAD_SHARED") {
        return PathBuf::from(p);
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

fn voa(root: &Path) -> Vec<(String, NaiveDate)> {
    let Ok(s) = std::fs::read_to_string(root.join("corpora/voa/voa_stories.jsonl")) else {
        return vec![];
    };
    s.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| {
            let text = v.get("text")?.as_str()?.to_string();
            let d = v.get("published")?.as_str()?.get(..10)?;
            Some((text, NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()?))
        })
        .collect()
}

fn reuters(root: &Path) -> Vec<(String, NaiveDate)> {
    let mut out = Vec::new();
    let Ok(dir) = std::fs::read_dir(root.join("corpora/reuters21578")) else {
        return out;
    };
    let mut files: Vec<_> = dir
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "sgm"))
        .collect();
    files.sort();
    for f in files {
        let Ok(bytes) = std::fs::read(&f) else {
            continue;
        };
        let s = String::from_utf8_lossy(&bytes);
        for doc in s.split("</REUTERS>") {
            let date = between(doc, "<DATE>", "</DATE>")
                .and_then(|d| NaiveDate::parse_from_str(d.trim().get(..11)?, "%d-%b-%Y").ok())
                .unwrap_or(NaiveDate::from_ymd_opt(1987, 3, 1).unwrap());
            if let Some(body) = between(doc, "<BODY>", "</BODY>") {
                out.push((body.replace("&lt;", "<").replace("&amp;", "&"), date));
            }
        }
    }
    out
}

fn between<'a>(s: &'a str, a: &str, b: &str) -> Option<&'a str> {
    let i = s.find(a)? + a.len();
    let j = s[i..].find(b)? + i;
    Some(&s[i..j])
}

/// User + system CPU seconds of this process, if /proc is available.
fn cpu_secs() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/stat").ok()?;
    let rest = &s[s.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn bench(name: &str, docs: &[(String, NaiveDate)], tagger: &dyad_time::Tagger) {
    if docs.is_empty() {
        println!("{name}: skipping, corpus not found");
        return;
    }
    let bytes: usize = docs.iter().map(|d| d.0.len()).sum();
    let mut found = 0;
    // warm-up
    for (t, d) in docs.iter().take(50) {
        found += tagger.tag(t, *d).len();
    }
    let rounds = (40_000_000 / bytes.max(1)).clamp(2, 40);
    let cpu0 = cpu_secs();
    let start = Instant::now();
    for _ in 0..rounds {
        for (t, d) in docs {
            found += tagger.tag(t, *d).len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let cpu = cpu0
        .zip(cpu_secs())
        .map(|(a, b)| b - a)
        .filter(|c| *c > 0.0);
    let mb = (bytes * rounds) as f64 / 1e6;
    println!(
        "{name}: {} docs, {:.1} MB x {rounds}: {:.1} MB/s, {:.0} docs/s ({} timexes)",
        docs.len(),
        bytes as f64 / 1e6,
        mb / secs,
        (docs.len() * rounds) as f64 / secs,
        found
    );
    if let Some(c) = cpu {
        println!(
            "{name}: per CPU-second: {:.1} MB/s, {:.0} docs/s ({c:.2} s CPU over {secs:.2} s wall)",
            mb / c,
            (docs.len() * rounds) as f64 / c
        );
    }
}

fn main() {
    let root = shared();
    let tagger = dyad_time::Tagger::new();
    bench("voa", &voa(&root), &tagger);
    bench("reuters21578", &reuters(&root), &tagger);
}
