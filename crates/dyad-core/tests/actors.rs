//! `dyad actor` resolution, data-driven: `tests/data/actors.tsv` lists phrases and
//! the country and sector an analyst expects.

use dyad_core::Coder;

#[test]
fn actor_phrases_resolve_as_an_analyst_expects() {
    let coder = Coder::builtin();
    let mut failures = Vec::new();
    for line in include_str!("data/actors.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let c: Vec<&str> = line.split('\t').collect();
        let date = dyad_core::input::parse_date(c[1]).unwrap();
        let got = coder.actor(c[0], "", date);
        let (country, sector) = match &got {
            None => ("null".to_string(), "-".to_string()),
            Some(a) => (
                a.country.clone().unwrap_or("-".into()),
                a.sector.clone().unwrap_or("-".into()),
            ),
        };
        if country != c[2] || sector != c[3] {
            failures.push(format!(
                "{:?}: expected {} {}, got {} {}",
                c[0], c[2], c[3], country, sector
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
