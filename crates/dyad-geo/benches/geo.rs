//! Footprint benchmark: gazetteer load time and RSS added, and geoparsing throughput on the
//! VOA stories corpus. Run: `cargo bench -p dyad-geo` (set `DYAD_SHARED` if the shared data
//! is not at `<workspace>/../shared`).

use std::path::PathBuf;
use std::time::Instant;

fn status_kb(field: &str) -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn shared() -> PathBuf {
    match std::env::var_os("DYAD_SHARED") {
        Some(p) => PathBuf::from(p),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"),
    }
}

fn texts(path: &std::path::Path) -> Vec<String> {
    let Ok(raw) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    raw.lines()
        .filter_map(|l| json_string_field(l, "text"))
        .collect()
}

/// Minimal extraction of a top-level JSON string field (the bench has no JSON dependency).
fn json_string_field(line: &str, field: &str) -> Option<String> {
    let pat = format!("\"{field}\":");
    let i = line.find(&pat)? + pat.len();
    let rest = line[i..].trim_start().strip_prefix('"')?;
    let mut out = String::new();
    let mut chars = rest.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some(out),
            '\\' => match chars.next()? {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'r' => out.push('\r'),
                'u' => {
                    let hex: String = chars.by_ref().take(4).collect();
                    out.push(
                        u32::from_str_radix(&hex, 16)
                            .ok()
                            .and_then(char::from_u32)
                            .unwrap_or('\u{fffd}'),
                    );
                }
                c => out.push(c),
            },
            c => out.push(c),
        }
    }
    None
}

fn main() {
    let rss0 = status_kb("VmRSS:").unwrap_or(0);
    let t = Instant::now();
    let gaz = dyad_geo::Gazetteer::builtin();
    let load_ms = t.elapsed().as_secs_f64() * 1e3;
    let rss1 = status_kb("VmRSS:").unwrap_or(0);
    let hwm = status_kb("VmHWM:").unwrap_or(0);
    println!("gazetteer: {} places", gaz.len());
    println!("load time: {load_ms:.1} ms (target <= 150 ms)");
    println!(
        "RSS added: {:.1} MB (peak RSS {:.1} MB; target <= 60 MB)",
        (rss1.saturating_sub(rss0)) as f64 / 1024.0,
        hwm as f64 / 1024.0
    );
    let mut loads = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        std::hint::black_box(dyad_geo::Gazetteer::builtin());
        loads.push(t.elapsed().as_secs_f64() * 1e3);
    }
    loads.sort_by(f64::total_cmp);
    println!("load time, median of 5 more: {:.1} ms", loads[2]);

    let path = shared().join("corpora/voa/voa_stories.jsonl");
    let docs = texts(&path);
    if docs.is_empty() {
        println!("skipping throughput: {} not found", path.display());
        return;
    }
    let bytes: usize = docs.iter().map(|d| d.len()).sum();
    let hints = dyad_geo::Hints::default();
    let mut n = 0;
    let t = Instant::now();
    let mut rounds = 0;
    while t.elapsed().as_secs_f64() < 3.0 || rounds == 0 {
        for d in &docs {
            n += dyad_geo::find_places(&gaz, d, &hints).len();
        }
        rounds += 1;
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "throughput: {:.2} MB/s ({} docs, {:.2} MB x {rounds} rounds, {} places per round)",
        (bytes * rounds) as f64 / 1e6 / secs,
        docs.len(),
        bytes as f64 / 1e6,
        n / rounds
    );
}
