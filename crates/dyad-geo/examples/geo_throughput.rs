//! Development aid: runs `find_places` over a JSONL file's "text" fields N times (for profiling).
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let raw = std::fs::read_to_string(args.get(1).map_or("", String::as_str)).unwrap_or_default();
    let texts: Vec<String> = raw
        .lines()
        .filter_map(|l| {
            let i = l.find("\"text\": \"")? + 9;
            let j = l[i..].find("\"}").or_else(|| l[i..].find("\", \""))? + i;
            Some(l[i..j].replace("\\n", "\n").replace("\\\"", "\""))
        })
        .collect();
    let gaz = dyad_geo::Gazetteer::builtin();
    let rounds: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(5);
    let t = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..rounds {
        for d in &texts {
            n += dyad_geo::find_places(&gaz, d, &dyad_geo::Hints::default()).len();
        }
    }
    let bytes: usize = texts.iter().map(|t| t.len()).sum::<usize>() * rounds;
    println!(
        "{} docs, {n} places, {:.2} MB/s",
        texts.len(),
        bytes as f64 / 1e6 / t.elapsed().as_secs_f64()
    );
}
