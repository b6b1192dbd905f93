//! The per-batch merge cache changes nothing: a varied stream ingested with and without it
//! (day, month, year and publication dates, mutual events, places, replaced documents,
//! batches spanning a few days or years) gives the same events, mentions and roll-ups.

mod common;

use dyad_store::{Filter, IngestDoc, Store};

/// Documents over `days` days, `per_batch` to a batch, one in ten replaced later.
fn stream(days: i64, n_docs: usize, per_batch: usize) -> Vec<Vec<IngestDoc>> {
    let base = common::talks()[1].clone();
    let mut rng = common::Rng(7);
    let mut docs = Vec::new();
    for i in 0..n_docs {
        let day = i as i64 * days / n_docs as i64;
        let id = if i % 10 == 9 {
            format!("d{}", i - 5)
        } else {
            format!("d{i}")
        };
        let recs = (0..4)
            .map(|s| common::record(&mut rng, &base, &id, s, day))
            .collect();
        docs.push(IngestDoc::from_coded(id, recs));
    }
    docs.chunks(per_batch).map(|c| c.to_vec()).collect()
}

fn dump(s: &Store) -> (String, Vec<dyad_store::AggRow>) {
    let mut out = Vec::new();
    s.export_jsonl(&Filter::default(), &mut out).unwrap();
    let agg = s
        .aggregate(
            &Filter::default(),
            Some(dyad_store::Bucket::Month),
            Some(dyad_store::Group::Dyad),
        )
        .unwrap();
    (String::from_utf8(out).unwrap(), agg)
}

#[test]
fn cache_gives_the_same_store() {
    for (days, n_docs, per_batch) in [(40, 400, 50), (40, 400, 400), (1500, 300, 100), (5, 200, 7)]
    {
        let mut results = Vec::new();
        for on in [false, true] {
            let mut s = Store::open_in_memory().unwrap();
            s.set_merge_cache(on);
            let mut merged = 0;
            for batch in stream(days, n_docs, per_batch) {
                merged += s.ingest_batch(&batch).unwrap().events_merged;
            }
            assert!(merged > 0, "the stream merges some records");
            results.push((merged, dump(&s)));
        }
        assert_eq!(
            results[0].0, results[1].0,
            "merged count, {days} days by {per_batch}"
        );
        assert!(
            results[0].1 .0 == results[1].1 .0,
            "export differs, {days} days by {per_batch}"
        );
        let cells = |v: &[dyad_store::AggRow]| {
            v.iter()
                .map(|r| (r.period.clone(), r.key.clone(), r.count, r.mentions))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            cells(&results[0].1 .1),
            cells(&results[1].1 .1),
            "roll-ups, {days} days by {per_batch}"
        );
    }
}

/// The cache a store keeps between batches is dropped when another connection
/// commits meanwhile: the other writer's event must be found and merged into, not
/// duplicated by a batch that trusts a stale cache.
#[test]
fn kept_cache_sees_another_writers_events() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("two.db");
    let path = path.to_str().unwrap();
    let base = common::talks()[1].clone();
    let rec = |doc: &str, actor: &str, recipient: &str| {
        let mut r = base.clone();
        r.id = format!("{doc}:0:0");
        r.doc_id = doc.to_string();
        r.actor.as_mut().unwrap().country = Some(actor.into());
        r.recipient.as_mut().unwrap().country = Some(recipient.into());
        r.mutual = false;
        IngestDoc::from_coded(doc, vec![r])
    };
    let mut a = Store::open(path).unwrap();
    // Batch 1 loads the (PRK, BLR) key into A's cache; the event it creates is another pair.
    a.ingest_batch(&[rec("a1", "PRK", "BLR")]).unwrap();
    a.ingest_batch(&[rec("a2", "PRK", "RUS")]).unwrap();
    // Another connection stores a (BLR, PRK) report of the same day.
    let mut b = Store::open(path).unwrap();
    b.ingest_batch(&[rec("b1", "BLR", "PRK")]).unwrap();
    drop(b);
    // A's next batch reports the same (BLR, PRK) event: it must merge with B's.
    let rep = a.ingest_batch(&[rec("a3", "BLR", "PRK")]).unwrap();
    assert_eq!(rep.events_merged, 1, "merged into the other writer's event");
    assert_eq!(a.stats().unwrap().events, 3);
}
