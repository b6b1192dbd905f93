//! Developer aid: tags argv[2] against the DCT argv[1] and prints the result.
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let dct = chrono::NaiveDate::parse_from_str(&a[1], "%Y-%m-%d").expect("DCT as YYYY-MM-DD");
    for t in dyad_time::Tagger::new().tag(&a[2], dct) {
        println!(
            "{:?}\t{} {}\t{:?}",
            &a[2][t.start..t.end],
            t.kind.as_str(),
            t.value,
            t.event_anchor
        );
    }
}
