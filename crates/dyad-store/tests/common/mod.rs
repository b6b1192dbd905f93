//! Shared helpers: the coded fixtures and the two kinds of store every test runs on.
#![allow(dead_code)]

use dyad_core::schema::EventRecord;
use dyad_store::{IngestDoc, Store};

/// The coded-events fixture: talks in Pyongyang reported by two outlets, another meeting a week later.
pub fn talks() -> Vec<EventRecord> {
    include_str!("../data/coded_talks.jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).expect("fixture parses"))
        .collect()
}

/// Groups records by contiguous `doc_id`, as `dyad ingest --coded` does.
pub fn docs(recs: &[EventRecord]) -> Vec<IngestDoc> {
    let mut out: Vec<(String, Vec<EventRecord>)> = Vec::new();
    for r in recs {
        match out.last_mut() {
            Some((d, v)) if *d == r.doc_id => v.push(r.clone()),
            _ => out.push((r.doc_id.clone(), vec![r.clone()])),
        }
    }
    out.into_iter()
        .map(|(d, v)| IngestDoc::from_coded(d, v))
        .collect()
}

/// An in-memory store and an on-disk one (with the temp dir that keeps it alive).
pub fn stores() -> Vec<(&'static str, Store, Option<tempfile::TempDir>)> {
    let dir = tempfile::tempdir().unwrap();
    let disk = Store::open(dir.path().join("t.db")).unwrap();
    vec![
        ("memory", Store::open_in_memory().unwrap(), None),
        ("disk", disk, Some(dir)),
    ]
}
