//! User gazetteer files: the documented TSV format and GeoNames dumps.

use dyad_geo::{find_places, Gazetteer, Hints};

#[test]
fn add_tsv_entries_are_found() {
    let mut gaz = Gazetteer::builtin();
    let before = gaz.len();
    let tsv = "# my places\nname\tlat\tlon\tcountry\tfeature\tpopulation\talternate_names\n\
               Zorbulak Camp\t41.5\t69.2\tUZB\tL.CMP\t0\tZorbulak|Camp Zorbulak\n";
    assert_eq!(gaz.add_tsv(tsv).unwrap(), 1);
    assert_eq!(gaz.len(), before + 1);
    let text = "Aid reached Zorbulak Camp on Friday.";
    let p = find_places(&gaz, text, &Hints::default());
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].country.as_deref(), Some("UZB"));
    assert_eq!(&text[p[0].start..p[0].end], "Zorbulak Camp");
}

#[test]
fn add_tsv_rejects_bad_lines() {
    let mut gaz = Gazetteer::default();
    assert!(gaz.add_tsv("Nowhere\tabc\t1\n").is_err());
    assert!(gaz.add_tsv("Nowhere\t95\t1\n").is_err());
    assert!(gaz.add_tsv("Nowhere\n").is_err());
}

#[test]
fn add_geonames_dump_lines() {
    let mut gaz = Gazetteer::builtin();
    let line = "99999001\tQuxville\tQuxville\tQux Ville,Quxvil\t45.5\t-93.2\tP\tPPL\tUS\t\tMN\t\t\t\t2500\t\t300\tAmerica/Chicago\t2024-01-01\n";
    assert_eq!(gaz.add_geonames(line).unwrap(), 1);
    assert_eq!(
        gaz.add_geonames(line).unwrap(),
        0,
        "same id is not added twice"
    );
    let p = find_places(&gaz, "A storm hit Quxville overnight.", &Hints::default());
    assert_eq!(p[0].geonames_id, Some(99999001));
    assert_eq!(p[0].admin1.as_deref(), Some("Minnesota"));
    assert!(gaz.add_geonames("1\tbad line\n").is_err());
    // A known id takes the dump's point.
    let canada = "6251999\tCanada\tCanada\t\t60.10867\t-113.64258\tA\tPCLI\tCA\t\t00\t\t\t\t37058856\t\t\t\t2024-01-01\n";
    assert_eq!(gaz.add_geonames(canada).unwrap(), 0);
    let p = find_places(&gaz, "Snow fell across Canada.", &Hints::default());
    assert!((p[0].lon - -113.64258).abs() < 1e-3, "{p:?}");
}
