//! Development aid: times the parts of gazetteer loading.
use std::io::Read;
use std::time::Instant;
fn main() {
    let raw = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/geo/gazetteer.tsv.gz"
    ))
    .unwrap();
    let t = Instant::now();
    let mut s = String::new();
    flate2::read::GzDecoder::new(&raw[..])
        .read_to_string(&mut s)
        .unwrap();
    println!(
        "decompress {:.1} ms ({} bytes)",
        t.elapsed().as_secs_f64() * 1e3,
        s.len()
    );
    let t = Instant::now();
    let n: usize = s.lines().map(|l| l.split('\t').count()).sum();
    println!(
        "split lines {:.1} ms ({n})",
        t.elapsed().as_secs_f64() * 1e3
    );
    let t = Instant::now();
    let g = dyad_geo::Gazetteer::builtin();
    println!(
        "builtin {:.1} ms ({})",
        t.elapsed().as_secs_f64() * 1e3,
        g.len()
    );
}
