//! The counts and roll-ups a batch keeps in memory (write-behind) equal what SQL
//! recomputes from the stored mentions and events, batch after batch: documents
//! with shared and missing sources, repeated mentions, replaced documents, and
//! batches with and without the merge cache.

mod common;

use dyad_core::schema::EventRecord;
use dyad_store::{IngestDoc, Store};
use rusqlite::Connection;

/// Batches of documents: sources shared by several documents or missing, evidence
/// that differs between versions of a document, one
/// record in twelve repeating the one before it (the same mention), one document in
/// eight replacing an earlier one.
fn stream(seed: u64, days: i64, n_docs: usize, per_batch: usize) -> Vec<Vec<IngestDoc>> {
    let base = common::talks()[1].clone();
    let mut rng = common::Rng(seed);
    let mut docs = Vec::new();
    for i in 0..n_docs {
        let day = i as i64 * days / n_docs as i64;
        let id = if i % 8 == 7 {
            format!("d{}", i - 1 - rng.below(6))
        } else {
            format!("d{i}")
        };
        let mut recs: Vec<EventRecord> = Vec::new();
        for s in 0..3 + rng.below(3) {
            if rng.below(12) == 0 {
                if let Some(last) = recs.last().cloned() {
                    recs.push(last);
                    continue;
                }
            }
            recs.push(common::record(&mut rng, &base, &id, s, day));
        }
        for r in &mut recs {
            r.evidence = format!("{} version {i} sentence {}", r.evidence, r.sentence);
        }
        let mut doc = IngestDoc::from_coded(id, recs);
        doc.source =
            [Some("VOA"), Some("KCNA"), Some("Reuters"), None][rng.below(4)].map(String::from);
        docs.push(doc);
    }
    docs.chunks(per_batch).map(|c| c.to_vec()).collect()
}

/// Rows where the stored value differs from SQL's recomputation, described.
fn mismatches(c: &Connection) -> Vec<String> {
    let mut out = Vec::new();
    // FTS5 compares its index with the sentences it was built from.
    if let Err(e) = c.execute(
        "INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('integrity-check', 1)",
        [],
    ) {
        out.push(format!("full-text index: {e}"));
    }
    let mut q = |label: &str, sql: &str| {
        let mut st = c.prepare(sql).unwrap();
        let rows = st
            .query_map([], |r| r.get::<_, String>(0))
            .unwrap()
            .map(Result::unwrap);
        out.extend(rows.map(|r| format!("{label}: {r}")));
    };
    q(
        "counts",
        "SELECT e.id || ' stored ' || e.num_mentions || '/' || e.num_articles || '/' || e.num_sources \
           || '/' || e.is_root || ' recounted ' || x.m || '/' || x.a || '/' || x.s || '/' || x.root \
         FROM events e LEFT JOIN (SELECT m.event AS ev, count(*) AS m, count(DISTINCT m.doc) AS a, \
             count(DISTINCT coalesce(d.source, d.key)) AS s, max(s.idx = 0) AS root \
           FROM mentions m JOIN docs d ON d.id = m.doc JOIN sentences s ON s.id = m.sentence GROUP BY m.event) x \
           ON x.ev = e.id \
         WHERE x.m IS NOT e.num_mentions OR x.a IS NOT e.num_articles OR x.s IS NOT e.num_sources \
           OR x.root IS NOT e.is_root",
    );
    // Schema v4 numbers a document's sentences and mentions in its own block of rowids.
    q(
        "row outside its document's block",
        "SELECT 'sentence ' || id FROM sentences WHERE id >> 24 IS NOT doc \
         UNION ALL SELECT 'mention ' || m.id FROM mentions m LEFT JOIN sentences s ON s.id = m.sentence \
           WHERE m.id >> 24 IS NOT m.doc OR s.doc IS NOT m.doc",
    );
    q(
        "repeated mention",
        "SELECT group_concat(id) FROM mentions GROUP BY event, sentence, codes HAVING count(*) > 1",
    );
    q(
        "orphan mention",
        "SELECT m.id FROM mentions m LEFT JOIN events e ON e.id = m.event WHERE e.id IS NULL",
    );
    q(
        "pair roll-up",
        "SELECT coalesce(a.k, b.k) FROM \
           (SELECT ym || a_country || r_country || event_type || quad_class AS k, n, round(gold, 6) AS g, mentions FROM rollup) a \
           FULL JOIN (SELECT ym || coalesce(a_country, '') || coalesce(r_country, '') || event_type || quad_class AS k, \
               count(*) AS n, round(total(goldstein), 6) AS g, sum(num_mentions) AS mentions FROM events GROUP BY k) b \
           ON a.k = b.k WHERE a.n IS NOT b.n OR a.g IS NOT b.g OR a.mentions IS NOT b.mentions",
    );
    q(
        "month roll-up",
        "SELECT coalesce(a.k, b.k) FROM \
           (SELECT ym || a_country || event_type || quad_class AS k, n, mentions FROM actor_month_rollup) a \
           FULL JOIN (SELECT ym || coalesce(a_country, '') || event_type || quad_class AS k, \
               count(*) AS n, sum(num_mentions) AS mentions FROM events GROUP BY k) b \
           ON a.k = b.k WHERE a.n IS NOT b.n OR a.mentions IS NOT b.mentions",
    );
    q(
        "place roll-up",
        "SELECT coalesce(a.k, b.k) FROM \
           (SELECT ym || country || admin1 || event_type || quad_class AS k, n, mentions FROM place_rollup) a \
           FULL JOIN (SELECT ym || coalesce(loc_country, '') || coalesce(loc_admin1, '') || event_type || quad_class AS k, \
               count(*) AS n, sum(num_mentions) AS mentions FROM events WHERE loc_name IS NOT NULL GROUP BY k) b \
           ON a.k = b.k WHERE a.n IS NOT b.n OR a.mentions IS NOT b.mentions",
    );
    out
}

#[test]
fn counts_and_rollups_match_a_recount() {
    for (seed, days, n_docs, per_batch) in [(3, 30, 240, 40), (11, 400, 200, 25), (5, 6, 90, 90)] {
        for cache in [true, false] {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("wb.db");
            let mut s = Store::open(&path).unwrap();
            s.set_merge_cache(cache);
            let check = Connection::open(&path).unwrap();
            let (mut merged, mut repeated, mut replaced) = (0, 0, 0);
            for (i, batch) in stream(seed, days, n_docs, per_batch).iter().enumerate() {
                let rep = s.ingest_batch(batch).unwrap();
                merged += rep.events_merged;
                repeated += rep.mentions_repeated;
                replaced += rep.docs_replaced;
                let bad = mismatches(&check);
                assert!(
                    bad.is_empty(),
                    "seed {seed}, cache {cache}, batch {i}: {} mismatches, first {:?}",
                    bad.len(),
                    &bad[..bad.len().min(5)]
                );
            }
            // The stream exercises what it is meant to.
            assert!(
                merged > 20 && repeated > 0 && replaced > 0,
                "{merged} {repeated} {replaced}"
            );
            let multi_source: i64 = check
                .query_row(
                    "SELECT count(*) FROM events WHERE num_sources > 1",
                    [],
                    |r| r.get(0),
                )
                .unwrap();
            let shared_source: i64 = check
                .query_row(
                    "SELECT count(*) FROM events WHERE num_sources < num_articles",
                    [],
                    |r| r.get(0),
                )
                .unwrap();
            assert!(
                multi_source > 0 && shared_source > 0,
                "{multi_source} {shared_source}"
            );
        }
    }
}
