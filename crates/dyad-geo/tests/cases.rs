//! Data-driven recognition and resolution cases (`tests/data/cases.tsv`).

use dyad_geo::{find_places, Gazetteer, Hints};

fn render(text: &str, gaz: &Gazetteer) -> String {
    let places = find_places(gaz, text, &Hints::default());
    if places.is_empty() {
        return "-".into();
    }
    places
        .iter()
        .map(|p| match &p.country {
            Some(c) => format!("{}={}/{}", &text[p.start..p.end], p.name, c),
            None => format!("{}={}", &text[p.start..p.end], p.name),
        })
        .collect::<Vec<_>>()
        .join(";")
}

#[test]
fn cases() {
    let gaz = Gazetteer::builtin();
    let data = include_str!("data/cases.tsv");
    let mut failures = Vec::new();
    for line in data
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let (text, want) = line.split_once('\t').expect("text<TAB>expected");
        let got = render(text, &gaz);
        if got != want {
            failures.push(format!("{text}\n  want {want}\n  got  {got}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn hints_and_exclusions() {
    let gaz = Gazetteer::builtin();
    let text = "Protesters gathered in Georgia on Sunday.";
    let us = find_places(
        &gaz,
        text,
        &Hints {
            countries: &["USA"],
            exclude: &[],
        },
    );
    assert_eq!(us[0].country.as_deref(), Some("USA"), "{us:?}");
    let ge = find_places(
        &gaz,
        text,
        &Hints {
            countries: &["GEO"],
            exclude: &[],
        },
    );
    assert_eq!(ge[0].country.as_deref(), Some("GEO"), "{ge:?}");
    let start = text.find("Georgia").unwrap();
    let none = find_places(
        &gaz,
        text,
        &Hints {
            countries: &[],
            exclude: &[(start, start + 7)],
        },
    );
    assert!(none.is_empty(), "{none:?}");
}

#[test]
fn dateline_places_are_marked() {
    let gaz = Gazetteer::builtin();
    let text = "KYIV, Ukraine (AP) — Russia launched drones overnight.";
    let places = find_places(&gaz, text, &Hints::default());
    let kyiv = places
        .iter()
        .find(|p| p.name == "Kyiv")
        .expect("Kyiv found");
    assert!(kyiv.in_dateline);
    assert_eq!(kyiv.country.as_deref(), Some("UKR"));
    assert!(
        !places
            .iter()
            .find(|p| p.name == "Russia")
            .unwrap()
            .in_dateline
    );
}

#[test]
fn resolve_given_spans() {
    let gaz = Gazetteer::builtin();
    let text = "Flooding in Metcalfe County, Kentucky, closed roads near Edmonton.";
    let a = text.find("Kentucky").unwrap();
    let r = dyad_geo::resolve(&gaz, text, &[(a, a + 8), (0, 0), (3, 2)], &Hints::default());
    assert_eq!(r[0].as_ref().map(|p| p.name.as_str()), Some("Kentucky"));
    assert!(r[1].is_none() && r[2].is_none(), "invalid spans give None");
}

#[test]
fn no_panic_on_odd_input() {
    let gaz = Gazetteer::builtin();
    for text in [
        "",
        " ",
        "é",
        "ÉÉ, ÉÉ (AP) —",
        "U.S.",
        "'s",
        "A-",
        "—\n—",
        "St. ",
        "Ky.",
        "\u{0}",
    ] {
        let _ = find_places(&gaz, text, &Hints::default());
        let _ = dyad_geo::dateline(text);
        let _ = dyad_geo::resolve(&gaz, text, &[(0, text.len())], &Hints::default());
    }
}

#[test]
fn gazetteer_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Gazetteer>();
}

#[test]
fn no_panic_on_generated_input() {
    let gaz = Gazetteer::builtin();
    let pieces = [
        "Paris", " ", ", ", ".", "'s", "’", "U.S.", "Ky.", "—", "(AP)", "\n", "É", "ß", "New",
        "York", "County", "the", "in", "-", "Ibn", "d'Ivoire", "KYIV", "Smith", "Texas", "Syrian",
        "\u{200b}",
    ];
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    for _ in 0..3000 {
        let n = (next() % 30) as usize;
        let text: String = (0..n)
            .map(|_| pieces[(next() % pieces.len() as u64) as usize])
            .collect();
        let spans: Vec<(usize, usize)> = (0..4)
            .map(|_| {
                let a = (next() % (text.len() as u64 + 2)) as usize;
                (a, a + (next() % 12) as usize)
            })
            .collect();
        let _ = find_places(&gaz, &text, &Hints::default());
        let _ = dyad_geo::find_places_with(
            &gaz,
            &text,
            &Hints::default(),
            &dyad_geo::FindOptions { demonyms: true },
        );
        let r = dyad_geo::resolve(&gaz, &text, &spans, &Hints::default());
        assert_eq!(r.len(), spans.len());
    }
}

/// Given spans: local anchors place names the gazetteer lacks, or reads far away, where the
/// sentence puts them (possessive owner, "in X" after the name); "X district" reads as X too.
#[test]
fn anchors_place_unknown_and_far_names() {
    let gaz = Gazetteer::builtin();
    let cases = [
        (
            "Rebels shelled the villages of Foua and Kfraya in Idlib on Monday.",
            "Kfraya",
            (35.93, 36.63),
        ),
        (
            "Union members work out of London's Heathrow, one of the busiest airports.",
            "Heathrow",
            (51.47, -0.45),
        ),
        (
            "The blast hit a church in Cairo's Abbasiya district on Sunday.",
            "Abbasiya",
            (30.07, 31.27),
        ),
        // "X district" also reads as X: the Karak of Jordan, not Pakistan's Karak District.
        (
            "Gunmen attacked police in central Jordan, in the Karak district.",
            "Karak district",
            (31.18, 35.70),
        ),
    ];
    for (text, span, (lat, lon)) in cases {
        let a = text.find(span).unwrap();
        let r = dyad_geo::resolve(&gaz, text, &[(a, a + span.len())], &Hints::default());
        let p = r[0]
            .as_ref()
            .unwrap_or_else(|| panic!("{span}: unresolved"));
        let d = dyad_geo::haversine_km(p.lat, p.lon, lat, lon);
        assert!(
            d < 161.0,
            "{span}: {} ({}, {}) is {d:.0} km away",
            p.name,
            p.lat,
            p.lon
        );
    }
}
