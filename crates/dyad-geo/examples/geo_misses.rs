//! Development aid: prints the report and the misses of the gold-span run for a gold file.
//! `cargo run --release -p dyad-geo --example geo_misses -- FILE [e2e]`

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: geo_misses FILE [e2e]");
        return;
    };
    let xml = std::fs::read_to_string(path).unwrap_or_default();
    let docs = match dyad_geo::eval::parse(&xml) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{e}");
            return;
        }
    };
    let gaz = dyad_geo::Gazetteer::builtin();
    if args.get(2).map(String::as_str) == Some("e2e") {
        let opts = dyad_geo::FindOptions { demonyms: true };
        for d in &docs {
            let found =
                dyad_geo::find_places_with(&gaz, &d.text, &dyad_geo::Hints::default(), &opts);
            for t in d.toponyms.iter().filter(|t| t.point.is_some()) {
                if let (Some(p), Some(g)) = (
                    found.iter().find(|p| p.start < t.end && t.start < p.end),
                    t.point,
                ) {
                    let km = dyad_geo::haversine_km(p.lat, p.lon, g.0, g.1);
                    if km > 161.0 {
                        println!(
                            "E2EWRONG\t{}\t{}\t{}\t{:?}\t{}",
                            d.id, t.name, p.name, p.country, km as i64
                        );
                    }
                }
                if !found.iter().any(|p| p.start < t.end && t.start < p.end) {
                    let a = d.text.floor_char_boundary(t.start.saturating_sub(50));
                    let b = d.text.ceil_char_boundary((t.end + 30).min(d.text.len()));
                    println!("MISSED\t{}\t{}\t{:?}", d.id, t.name, &d.text[a..b]);
                }
            }
            for p in &found {
                if !d
                    .toponyms
                    .iter()
                    .any(|t| p.start < t.end && t.start < p.end)
                {
                    println!(
                        "SPURIOUS\t{}\t{}\t{}",
                        d.id,
                        &d.text[p.start..p.end],
                        p.name
                    );
                }
            }
        }
    }
    let r = dyad_geo::eval::evaluate(&gaz, &docs);
    for m in &r.misses {
        let d = m
            .got
            .as_ref()
            .map(|g| dyad_geo::haversine_km(g.2, g.3, m.gold.0, m.gold.1));
        println!(
            "MISS\t{}\t{}\t{:?}\t{:?}\t{:?}",
            m.doc,
            m.name,
            m.gold,
            m.got,
            d.map(|d| d as i64)
        );
    }
    println!(
        "gold {} recall {:.3} (names {:.3}) precision {:.3} e2e {:.3} gold-span {:.3}",
        r.gold,
        r.recall(),
        r.recall_names(),
        r.precision(),
        r.acc_end_to_end(),
        r.acc_gold_spans()
    );
}
