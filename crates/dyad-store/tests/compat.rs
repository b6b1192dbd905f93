//! Frozen databases of every schema version open, migrate, and answer queries.
//!
//! `tests/compat/vN.db` is the talks fixture ingested by the dyad that wrote schema vN.
//! Regenerate only when adding a new version: `cargo test -p dyad-store --test compat -- --ignored`.

mod common;

use dyad_store::{Filter, Page, Store, SCHEMA_VERSION};

fn fixture(v: i64) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/compat/v{v}.db"))
}

#[test]
fn every_frozen_version_opens_and_answers() {
    for v in 1..=SCHEMA_VERSION {
        let dir = tempfile::tempdir().unwrap();
        let copy = dir.path().join("db");
        std::fs::copy(fixture(v), &copy).unwrap_or_else(|e| panic!("fixture v{v}: {e}"));
        let s = Store::open(&copy).unwrap();
        assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION, "v{v} migrated");
        let talks = Filter {
            dyad: Some(("PRK".into(), "BLR".into())),
            event_types: vec!["CONSULT".into()],
            ..Default::default()
        };
        let rows = s.query(&talks, Page::default()).unwrap();
        let got: Vec<(&str, u32)> = rows
            .iter()
            .map(|r| (r.date.as_str(), r.num_mentions))
            .collect();
        assert_eq!(got, [("2024-07-11", 3), ("2024-07-18", 1)], "v{v}");
    }
}

#[test]
#[ignore = "writes the fixture of the current schema version"]
fn write_current_fixture() {
    let p = fixture(SCHEMA_VERSION);
    let _ = std::fs::remove_file(&p);
    let mut s = Store::open(&p).unwrap();
    s.ingest_batch(&common::docs(&common::talks())).unwrap();
    drop(s);
    // One self-contained file: fold the WAL back in and switch journaling off.
    let c = rusqlite::Connection::open(&p).unwrap();
    c.execute_batch("PRAGMA journal_mode = DELETE; VACUUM;")
        .unwrap();
}
