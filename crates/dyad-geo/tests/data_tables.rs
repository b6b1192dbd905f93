//! The compiled-in data: loads, has every kind of place, and every alias resolves.

use dyad_geo::{find_places, Gazetteer, Hints};

#[test]
fn builtin_has_countries_regions_and_places() {
    let gaz = Gazetteer::builtin();
    assert!(gaz.len() > 150_000, "{} places", gaz.len());
    let text = "Brazil, Queensland, Karachi, the Sahel, Africa and the South China Sea.";
    let kinds: Vec<String> = find_places(&gaz, text, &Hints::default())
        .iter()
        .map(|p| p.feature_code.clone())
        .collect();
    assert_eq!(
        kinds,
        ["PCLI", "ADM1", "PPL", "RGN", "CONT", "SEA"],
        "{kinds:?}"
    );
}

fn lines(s: &str) -> impl Iterator<Item = &str> {
    s.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
}

#[test]
fn project_tables_are_well_formed() {
    let regions = include_str!("../../../data/geo/regions.tsv");
    for l in lines(regions) {
        let f: Vec<&str> = l.split('\t').collect();
        assert!(f.len() >= 6, "{l}");
        let lat: f64 = f[1].parse().expect(l);
        let lon: f64 = f[2].parse().expect(l);
        assert!(
            (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon),
            "{l}"
        );
    }
    for table in [
        include_str!("../../../data/geo/aliases.tsv"),
        include_str!("../../../data/geo/demonyms.tsv"),
    ] {
        let mut seen = std::collections::HashSet::new();
        for l in lines(table) {
            let (alias, target) = l.split_once('\t').expect(l);
            assert!(!alias.is_empty() && !target.is_empty(), "{l}");
            assert!(seen.insert(alias), "duplicate {alias}");
        }
    }
}

#[test]
fn every_alias_and_demonym_resolves() {
    let gaz = Gazetteer::builtin();
    let mut missing = Vec::new();
    for (table, demonym) in [
        (include_str!("../../../data/geo/aliases.tsv"), false),
        (include_str!("../../../data/geo/demonyms.tsv"), true),
    ] {
        for l in lines(table) {
            let alias = l.split('\t').next().unwrap();
            let text = format!("News from {alias}. ");
            let opts = dyad_geo::FindOptions { demonyms: demonym };
            let found = dyad_geo::find_places_with(&gaz, &text, &Hints::default(), &opts);
            if found.is_empty() {
                missing.push(alias.to_string());
            }
        }
    }
    assert!(missing.is_empty(), "not found: {missing:?}");
}
