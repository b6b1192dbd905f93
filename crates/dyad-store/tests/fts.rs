//! The full-text index follows the sentences through inserts and replacements,
//! including a document replaced within the batch that first wrote it (the
//! index is written at the end of each batch).

mod common;

use dyad_store::{Filter, IngestDoc, Store};

fn hits(s: &Store, words: &str) -> u64 {
    let f = Filter {
        text: Some(words.into()),
        ..Default::default()
    };
    s.count(&f).unwrap()
}

fn with_evidence(doc: &str, text: &str) -> IngestDoc {
    let recs: Vec<_> = common::talks()
        .into_iter()
        .filter(|r| r.doc_id == doc)
        .map(|mut r| {
            r.evidence = format!("{text} sentence {}", r.sentence);
            r
        })
        .collect();
    assert!(!recs.is_empty(), "fixture has records for {doc}");
    IngestDoc::from_coded(doc, recs)
}

#[test]
fn text_search_follows_replacements() {
    for (kind, mut s, _dir) in common::stores() {
        s.ingest_batch(&[with_evidence("wire-1", "quokka")])
            .unwrap();
        assert!(hits(&s, "quokka") > 0, "{kind}");
        // Replaced in a later batch.
        s.ingest_batch(&[with_evidence("wire-1", "wombat")])
            .unwrap();
        assert_eq!(hits(&s, "quokka"), 0, "{kind}");
        assert!(hits(&s, "wombat") > 0, "{kind}");
        // Written and replaced within one batch.
        s.ingest_batch(&[
            with_evidence("kcna-1", "numbat"),
            with_evidence("kcna-1", "dingo"),
        ])
        .unwrap();
        assert_eq!(hits(&s, "numbat"), 0, "{kind}");
        assert!(hits(&s, "dingo") > 0, "{kind}");
        assert!(
            hits(&s, "wombat") > 0,
            "{kind}: other documents keep their text"
        );
        // Emptied: its sentences leave the index.
        s.ingest_batch(&[IngestDoc::from_coded("wire-1", vec![])])
            .unwrap();
        assert_eq!(hits(&s, "wombat"), 0, "{kind}");
        // An older document replaced twice in one batch, beside a new one.
        s.ingest_batch(&[
            with_evidence("kcna-1", "platypus"),
            with_evidence("belta-1", "emu"),
            with_evidence("kcna-1", "echidna"),
        ])
        .unwrap();
        for (word, n) in [("dingo", 0), ("platypus", 0), ("echidna", 1), ("emu", 1)] {
            assert_eq!(hits(&s, word).min(1), n, "{kind}: {word}");
        }
    }
}

/// A text search with a date range (which narrows the full-text lookup to the range's
/// sentences) selects exactly the text matches that lie in the range, also when documents
/// were ingested out of date order.
#[test]
fn text_search_within_dates() {
    let base = common::talks()[1].clone();
    let docs: Vec<IngestDoc> = (0..30)
        .map(|i| {
            // Out of order: dates jump back and forth as documents arrive.
            let m = 1 + (i * 7) % 12;
            let mut r = base.clone();
            r.id = format!("d{i}:1:0");
            r.doc_id = format!("d{i}");
            r.date = format!("2023-{m:02}-{:02}", 1 + (i / 12) * 10);
            r.evidence = if i % 3 == 0 {
                format!("quokka talks {i}")
            } else {
                format!("wombat talks {i}")
            };
            r.location = None;
            IngestDoc::from_coded(format!("d{i}"), vec![r])
        })
        .collect();
    for (kind, mut s, _dir) in common::stores() {
        for d in &docs {
            s.ingest_batch(std::slice::from_ref(d)).unwrap();
        }
        let all = s
            .query(
                &Filter {
                    text: Some("quokka".into()),
                    ..Default::default()
                },
                dyad_store::Page {
                    limit: 1000,
                    ..Default::default()
                },
            )
            .unwrap();
        assert_eq!(all.len(), 10, "{kind}");
        for (from, to) in [
            (Some("2023-03"), Some("2023-05")),
            (Some("2023-06-10"), None),
            (None, Some("2023-02")),
            (Some("2023-01"), Some("2023-12")),
        ] {
            let f = Filter {
                text: Some("quokka".into()),
                from: from.map(str::to_string),
                to: to.map(str::to_string),
                ..Default::default()
            };
            let lo = from.map_or("0000".to_string(), |d| format!("{d}-00"));
            let hi = to.map_or("9999".to_string(), |d| format!("{d}-99"));
            let want = all
                .iter()
                .filter(|e| e.date.as_str() >= lo.as_str() && e.date.as_str() <= hi.as_str())
                .count();
            assert!(
                want > 0 || from == Some("2023-06-10"),
                "{kind} {from:?} {to:?}"
            );
            assert_eq!(
                s.count(&f).unwrap() as usize,
                want,
                "{kind} {from:?} {to:?}"
            );
        }
    }
}
