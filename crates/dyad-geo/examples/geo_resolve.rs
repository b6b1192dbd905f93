//! Development aid: `geo_resolve TEXT [SPAN_TEXT...]` prints found places and resolutions.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let text = args.get(1).cloned().unwrap_or_default();
    let gaz = dyad_geo::Gazetteer::builtin();
    let opts = dyad_geo::FindOptions { demonyms: true };
    for p in dyad_geo::find_places_with(&gaz, &text, &dyad_geo::Hints::default(), &opts) {
        println!(
            "{:?} -> {} {:?} {:?} ({}, {}) {}.{} pop {}",
            &text[p.start..p.end],
            p.name,
            p.country,
            p.admin1,
            p.lat,
            p.lon,
            p.feature_class,
            p.feature_code,
            p.population
        );
    }
    let spans: Vec<(usize, usize)> = args[2..]
        .iter()
        .filter_map(|s| text.find(s.as_str()).map(|i| (i, i + s.len())))
        .collect();
    for (sp, r) in spans.iter().zip(dyad_geo::resolve(
        &gaz,
        &text,
        &spans,
        &dyad_geo::Hints::default(),
    )) {
        println!(
            "span {:?} -> {:?}",
            &text[sp.0..sp.1],
            r.map(|p| (p.name, p.country, p.lat, p.lon))
        );
    }
}
