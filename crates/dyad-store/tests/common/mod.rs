//! Shared helpers: the coded fixtures and the two kinds of store every test runs on.
#![allow(dead_code)]

use dyad_core::schema::{DateBasis, EventRecord};
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

/// A small deterministic generator (xorshift).
pub struct Rng(pub u64);
impl Rng {
    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// A varied coded record of document `doc`, sentence `sent`, dated near day `day` of 2024:
/// day, month, year and publication dates, two types, three countries, mutual or not,
/// with or without a place and a name, at one of four trigger offsets.
pub fn record(rng: &mut Rng, base: &EventRecord, doc: &str, sent: usize, day: i64) -> EventRecord {
    let countries = ["PRK", "BLR", "USA"];
    let mut r = base.clone();
    r.id = format!("{doc}:{sent}:0");
    r.doc_id = doc.to_string();
    r.sentence = sent;
    let d = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap()
        + chrono::Duration::days(day - rng.below(3) as i64);
    (r.date, r.date_basis) = match rng.below(10) {
        0 => (d.format("%Y-%m").to_string(), DateBasis::Text),
        1 => (d.format("%Y").to_string(), DateBasis::Text),
        2 | 3 => (d.format("%Y-%m-%d").to_string(), DateBasis::Publication),
        _ => (d.format("%Y-%m-%d").to_string(), DateBasis::Text),
    };
    r.event_type = ["CONSULT", "AGREE"][rng.below(2)].into();
    r.mutual = rng.below(2) == 0;
    if let Some(a) = r.actor.as_mut() {
        a.country = Some(countries[rng.below(3)].into());
        a.name = [None, Some("Im Chon-il".to_string())][rng.below(2)].clone();
    }
    if let Some(a) = r.recipient.as_mut() {
        a.country = Some(countries[rng.below(3)].into());
    }
    if rng.below(2) == 0 {
        r.location = None;
    }
    r.trigger.start = rng.below(4);
    r
}
