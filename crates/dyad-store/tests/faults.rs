//! Versioning and faults: every bad database gets a named error, and the data stays intact.

mod common;

use std::time::Duration;

use dyad_store::{Error, Filter, IngestDoc, Store, SCHEMA_VERSION};

fn seeded(dir: &std::path::Path) -> std::path::PathBuf {
    let p = dir.join("s.db");
    let mut s = Store::open(&p).unwrap();
    s.ingest_batch(&common::docs(&common::talks())).unwrap();
    p
}

#[test]
fn newer_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let p = seeded(dir.path());
    rusqlite::Connection::open(&p)
        .unwrap()
        .execute_batch("PRAGMA user_version = 99")
        .unwrap();
    for r in [Store::open(&p).err(), Store::open_read_only(&p).err()] {
        match r {
            Some(Error::TooNew {
                found: 99,
                supported,
                ..
            }) => assert_eq!(supported, SCHEMA_VERSION),
            other => panic!("expected TooNew, got {other:?}"),
        }
    }
    let msg = Store::open(&p).err().unwrap().to_string();
    assert!(msg.contains("newer than this dyad"), "{msg}");
}

#[test]
fn foreign_and_missing_databases_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("other.db");
    rusqlite::Connection::open(&p)
        .unwrap()
        .execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1);")
        .unwrap();
    assert!(matches!(Store::open(&p), Err(Error::NotDyad { .. })));
    let n: i64 = rusqlite::Connection::open(&p)
        .unwrap()
        .query_row("SELECT count(*) FROM t", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1, "left untouched");
    assert!(matches!(
        Store::open_read_only(dir.path().join("none.db")),
        Err(Error::Missing { .. })
    ));
}

#[test]
fn read_only_store_refuses_writes() {
    let dir = tempfile::tempdir().unwrap();
    let p = seeded(dir.path());
    let mut s = Store::open_read_only(&p).unwrap();
    assert!(matches!(
        s.ingest_batch(&[IngestDoc::from_coded("x", vec![])]),
        Err(Error::ReadOnly { .. })
    ));
    assert_eq!(s.stats().unwrap().docs, 4);
}

#[test]
fn locked_database_is_a_clear_error_and_stays_intact() {
    let dir = tempfile::tempdir().unwrap();
    let p = seeded(dir.path());
    let mut s = Store::open(&p).unwrap();
    s.set_busy_timeout(Duration::from_millis(100)).unwrap();
    let other = rusqlite::Connection::open(&p).unwrap();
    other
        .execute_batch("BEGIN IMMEDIATE; DELETE FROM docs WHERE key = 'ru-1';")
        .unwrap();
    let r = s.ingest_batch(&[IngestDoc::from_coded("new", common::talks()[..1].to_vec())]);
    assert!(matches!(r, Err(Error::Locked { .. })), "{r:?}");
    other.execute_batch("ROLLBACK").unwrap();
    assert_eq!(s.stats().unwrap().docs, 4);
    s.ingest_batch(&[IngestDoc::from_coded("new", common::talks()[..1].to_vec())])
        .unwrap();
    assert_eq!(s.stats().unwrap().docs, 5);
}

#[test]
fn readers_see_consistent_snapshots_during_ingest() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("w.db");
    let mut w = Store::open(&p).unwrap();
    let docs = common::docs(&common::talks());
    w.ingest_batch(&docs[..2]).unwrap();
    let reader = rusqlite::Connection::open(&p).unwrap();
    reader.execute_batch("BEGIN").unwrap();
    let count = || -> (i64, i64) {
        reader
            .query_row(
                "SELECT (SELECT count(*) FROM events), (SELECT total(num_mentions) FROM events)",
                [],
                |r| Ok((r.get(0)?, r.get::<_, f64>(1)? as i64)),
            )
            .unwrap()
    };
    let before = count();
    w.ingest_batch(&docs[2..]).unwrap(); // not blocked by the open reader
    assert_eq!(count(), before, "the reader's snapshot does not move");
    reader.execute_batch("COMMIT").unwrap();
    assert_ne!(count(), before);
    assert_eq!(w.count(&Filter::default()).unwrap(), count().0 as u64);
}

#[test]
fn damaged_pages_are_reported_as_corrupt() {
    let dir = tempfile::tempdir().unwrap();
    let p = seeded(dir.path());
    let mut bytes = std::fs::read(&p).unwrap();
    assert!(bytes.len() > 8192);
    for b in &mut bytes[4096..] {
        *b = 0xA5;
    }
    std::fs::write(&p, &bytes).unwrap();
    let r = Store::open(&p).and_then(|s| {
        s.query(&Filter::default(), dyad_store::Page::default())
            .map(|_| ())
    });
    assert!(matches!(r, Err(Error::Corrupt { .. })), "{r:?}");
}

/// Many small documents, enough to need more pages than a tight page limit allows.
fn bulk(n: usize) -> Vec<IngestDoc> {
    let base = common::talks();
    (0..n)
        .map(|d| {
            let mut r = base[1].clone();
            r.id = format!("bulk{d}:0:0");
            r.doc_id = format!("bulk{d}");
            r.date = format!("2020-{:02}-{:02}", 1 + d % 12, 1 + d % 28);
            r.evidence = format!(
                "{} talks number {d} about {}",
                r.evidence,
                "x ".repeat(d % 50)
            );
            IngestDoc::from_coded(format!("bulk{d}"), vec![r])
        })
        .collect()
}

#[test]
fn disk_full_is_a_clear_error_and_the_database_stays_intact() {
    let dir = tempfile::tempdir().unwrap();
    let p = seeded(dir.path());
    let mut s = Store::open(&p).unwrap();
    let before = s.stats().unwrap();
    let pages: i64 = rusqlite::Connection::open(&p)
        .unwrap()
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap();
    // The file may not grow by more than a few pages: the disk is "full".
    s.run_pragmas(&format!("PRAGMA max_page_count = {}", pages + 4))
        .unwrap();
    let r = s.ingest_batch(&bulk(3000));
    let msg = match r {
        Err(e @ Error::DiskFull { .. }) => e.to_string(),
        other => panic!("expected DiskFull, got {other:?}"),
    };
    assert!(msg.contains("disk full") && msg.contains("intact"), "{msg}");
    assert_eq!(s.stats().unwrap(), before, "the batch was rolled back");
    drop(s);
    let c = rusqlite::Connection::open(&p).unwrap();
    let ok: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    // With room again, the same batch goes in.
    let mut s = Store::open(&p).unwrap();
    let rep = s.ingest_batch(&bulk(3000)).unwrap();
    assert_eq!(rep.docs_new, 3000);
    assert_eq!(s.stats().unwrap().docs, before.docs + 3000);
}

#[test]
fn read_only_file_is_a_clear_error_and_stays_intact() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let p = seeded(dir.path());
    // Fold the WAL in so the file alone is the database.
    drop(Store::open(&p).unwrap());
    let bytes = std::fs::read(&p).unwrap();
    let ro = std::fs::Permissions::from_mode(0o444);
    std::fs::set_permissions(&p, ro).unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    let restore = || {
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o644)).unwrap();
    };
    if std::fs::OpenOptions::new().write(true).open(&p).is_ok() {
        restore();
        eprintln!(
            "skipping: read-only files are writable for this user (root), at {}",
            p.display()
        );
        return;
    }
    let r = Store::open(&p).and_then(|mut s| {
        s.ingest_batch(&[IngestDoc::from_coded("new", common::talks()[..1].to_vec())])
    });
    let msg = match r {
        Err(e @ (Error::ReadOnly { .. } | Error::CannotOpen { .. })) => e.to_string(),
        other => panic!("expected ReadOnly, got {other:?}"),
    };
    assert!(msg.contains(&p.display().to_string()), "{msg}");
    // Queries still work, and nothing changed.
    assert_eq!(Store::open_read_only(&p).unwrap().stats().unwrap().docs, 4);
    restore();
    assert_eq!(std::fs::read(&p).unwrap(), bytes);
}
