//! Frozen databases of every schema version open, migrate, and answer queries.
//!
//! `tests/compat/vN.db` is the talks fixture ingested by the dyad that wrote schema vN.
//! Regenerate only when adding a new version: `cargo test -p dyad-store --test compat -- --ignored`.

mod common;

use dyad_store::{Bucket, Filter, Group, Page, Store, SCHEMA_VERSION};

fn fixture(v: i64) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/compat/v{v}.db"))
}

#[test]
fn every_frozen_version_opens_and_answers() {
    for v in 1..=SCHEMA_VERSION {
        let dir = tempfile::tempdir().unwrap();
        let copy = dir.path().join("db");
        std::fs::copy(fixture(v), &copy).unwrap_or_else(|e| panic!("fixture v{v}: {e}"));
        let before = Store::migration_from(&copy).unwrap();
        assert_eq!(before, (v < SCHEMA_VERSION).then_some(v), "v{v} announced");
        let s = Store::open(&copy).unwrap();
        assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION, "v{v} migrated");
        assert_eq!(
            Store::migration_from(&copy).unwrap(),
            None,
            "v{v} now current"
        );
        let automerge: i64 = rusqlite::Connection::open(&copy)
            .unwrap()
            .query_row(
                "SELECT v FROM sentences_fts_config WHERE k = 'automerge'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(
            automerge, 16,
            "v{v}: the search index merges 16 segments at a time"
        );
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
        // Everything a fresh store answers, the migrated one answers the same way:
        // events with their mentions (offsets, actors, places), aggregates from the
        // roll-ups (the migration fills them), and the actor list.
        let mut fresh = Store::open_in_memory().unwrap();
        fresh.ingest_batch(&common::docs(&common::talks())).unwrap();
        let all = Page {
            limit: 1000,
            ..Page::default()
        };
        let strip = |mut rows: Vec<dyad_store::EventRow>| {
            for r in &mut rows {
                r.id = 0;
            }
            rows
        };
        assert_eq!(
            strip(s.query(&Filter::default(), all).unwrap()),
            strip(fresh.query(&Filter::default(), all).unwrap()),
            "v{v} events"
        );
        for group in [
            None,
            Some(Group::Dyad),
            Some(Group::Actor),
            Some(Group::Place),
        ] {
            assert_eq!(
                s.aggregate(&Filter::default(), Some(Bucket::Month), group)
                    .unwrap(),
                fresh
                    .aggregate(&Filter::default(), Some(Bucket::Month), group)
                    .unwrap(),
                "v{v} {group:?}"
            );
        }
        // The search index answers as a fresh one does (version 4 rebuilt it).
        for words in ["Pyongyang", "talks", "cooperation", "nothingsuch"] {
            let f = Filter {
                text: Some(words.into()),
                ..Default::default()
            };
            let got = strip(s.query(&f, all).unwrap());
            assert_eq!(
                got.is_empty(),
                words == "nothingsuch",
                "v{v} search {words}"
            );
            assert_eq!(
                got,
                strip(fresh.query(&f, all).unwrap()),
                "v{v} search {words}"
            );
        }
        assert_eq!(
            s.actors(&Filter::default(), 100).unwrap(),
            fresh.actors(&Filter::default(), 100).unwrap(),
            "v{v} actors"
        );
    }
}

/// A damaged v3 file (a mention whose sentence is gone) is refused, not migrated with
/// the mention dropped, and stays as it was.
#[test]
fn damaged_v3_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("db");
    std::fs::copy(fixture(3), &copy).unwrap();
    let c = rusqlite::Connection::open(&copy).unwrap();
    c.execute(
        "DELETE FROM sentences WHERE id = (SELECT min(sentence) FROM mentions)",
        [],
    )
    .unwrap();
    drop(c);
    let err = Store::open(&copy).err().expect("refused").to_string();
    assert!(err.contains("have no document or sentence"), "{err}");
    assert_eq!(Store::migration_from(&copy).unwrap(), Some(3), "still v3");
}

#[test]
fn nothing_to_migrate_in_a_missing_file() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("none.db");
    assert_eq!(Store::migration_from(&p).unwrap(), None);
    assert!(!p.exists(), "peeking creates nothing");
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
