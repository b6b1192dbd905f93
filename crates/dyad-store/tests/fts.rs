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
    }
}
