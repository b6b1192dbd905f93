//! Background checkpoints: the log is copied into the database file by the
//! checkpoint thread while the writer keeps the store open, readers see every
//! committed batch, and the store reads back complete after closing.

mod common;

use dyad_store::{Filter, IngestDoc, Store};

fn batch(n: usize, base: &dyad_core::schema::EventRecord) -> Vec<IngestDoc> {
    (0..50)
        .map(|i| {
            let doc = format!("b{n}-d{i}");
            let mut r = base.clone();
            r.id = format!("{doc}:0:0");
            r.doc_id = doc.clone();
            r.trigger.start = i;
            r.evidence = format!("{} (report {n}/{i})", r.evidence);
            IngestDoc::from_coded(doc, vec![r])
        })
        .collect()
}

#[test]
fn background_checkpoints_copy_the_log_and_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ckpt.db");
    let base = common::talks()[1].clone();
    let mut store = Store::open(&path).unwrap();
    store.checkpoint_in_background().unwrap();
    let empty = std::fs::metadata(&path).unwrap().len();
    for n in 0..20 {
        store.ingest_batch(&batch(n, &base)).unwrap();
    }
    // The writer's own checkpoint threshold is far above what 20 small batches
    // write, so only the checkpoint thread can have grown the database file.
    let mut grown = false;
    for _ in 0..200 {
        if std::fs::metadata(&path).unwrap().len() > empty {
            grown = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(grown, "the checkpoint thread copied the log into the file");
    let reader = Store::open_read_only(&path).unwrap();
    let mentions = reader.stats().unwrap().mentions;
    assert_eq!(mentions, 1000, "a reader sees every committed mention");
    drop(reader);
    drop(store);
    let again = Store::open_read_only(&path).unwrap();
    assert_eq!(again.stats().unwrap().mentions, 1000);
    let mut out = Vec::new();
    again.export_jsonl(&Filter::default(), &mut out).unwrap();
    assert!(!out.is_empty());
}
