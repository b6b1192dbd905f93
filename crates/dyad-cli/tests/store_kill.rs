//! Kill -9 during `dyad ingest`, resume, and compare with an uninterrupted run.

#[path = "store_common.rs"]
mod common;

use std::time::{Duration, Instant};

use dyad_store::Store;

fn docs_in(db: &std::path::Path) -> Option<u64> {
    Store::open_read_only(db).ok()?.stats().ok().map(|s| s.docs)
}

#[test]
fn killed_ingest_resumes_without_duplicates_or_losses() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("coded.jsonl");
    let (n_docs, per_doc) = (4000, 10);
    common::write_jsonl(&input, &common::generated(n_docs, per_doc));
    let input = input.to_str().unwrap();

    let reference = dir.path().join("ref.db");
    common::run_ok(&[
        "ingest",
        "--coded",
        "--quiet",
        "--db",
        reference.to_str().unwrap(),
        input,
    ]);

    let db = dir.path().join("killed.db");
    let dbs = db.to_str().unwrap();
    let mut partial_kills = 0;
    for k in 1..=3u64 {
        let target = k * n_docs as u64 / 4;
        let mut child = common::dyad()
            .args([
                "ingest", "--coded", "--quiet", "--batch", "16", "--db", dbs, input,
            ])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn dyad ingest");
        let t0 = Instant::now();
        loop {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            if docs_in(&db).is_some_and(|d| d >= target) || t0.elapsed() > Duration::from_secs(120)
            {
                break;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        child.kill().ok(); // SIGKILL on Unix
        child.wait().unwrap();
        let docs = docs_in(&db).expect("the killed database opens");
        if docs < n_docs as u64 {
            partial_kills += 1;
        }
        // Whatever was committed is consistent.
        let conn = rusqlite::Connection::open(&db).unwrap();
        let ok: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ok, "ok", "kill {k}");
        let orphans: i64 = conn
            .query_row(
                "SELECT count(*) FROM mentions WHERE event NOT IN (SELECT id FROM events)",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(orphans, 0, "kill {k}: mentions without events");
    }
    assert!(
        partial_kills > 0,
        "no kill landed mid-ingest; the test proved nothing"
    );

    common::run_ok(&["ingest", "--coded", "--quiet", "--db", dbs, input]);
    let want = Store::open_read_only(&reference).unwrap();
    let got = Store::open_read_only(&db).unwrap();
    assert_eq!(got.stats().unwrap(), want.stats().unwrap());
    assert_eq!(want.stats().unwrap().docs, n_docs as u64);
    // Same events, same merges, same counts, same mentions.
    let export = |s: &Store| {
        let mut v = Vec::new();
        s.export_jsonl(&dyad_store::Filter::default(), &mut v)
            .unwrap();
        String::from_utf8(v).unwrap()
    };
    assert!(
        export(&got) == export(&want),
        "resumed database differs from an uninterrupted run"
    );
}
