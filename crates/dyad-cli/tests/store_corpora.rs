//! The acceptance run: the reference article twice, then the VOA corpus twice;
//! re-ingesting changes no count, and the BLR-PRK talks are listed exactly once.

#[path = "store_common.rs"]
mod common;

use dyad_store::{Filter, Store};

/// VOA stories as dyad input lines (`published` becomes `date`).
fn voa_as_input(src: &std::path::Path, dst: &std::path::Path) -> usize {
    let text = std::fs::read_to_string(src).unwrap();
    let mut out = String::new();
    let mut n = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let doc = serde_json::json!({
            "id": format!("voa-{}", v["id"].as_str().unwrap_or_default()),
            "date": v["published"].as_str().unwrap_or_default().get(..10).unwrap_or_default(),
            "title": v["title"],
            "source": "VOA",
            "url": v["url"],
            "text": v["text"],
        });
        out.push_str(&doc.to_string());
        out.push('\n');
        n += 1;
    }
    std::fs::write(dst, out).unwrap();
    n
}

#[test]
fn reingesting_the_corpora_changes_no_count() {
    let (Some(seed), Some(voa)) = (
        common::shared("examples/seed-article.jsonl"),
        common::shared("corpora/voa/voa_stories.jsonl"),
    ) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let voa_in = dir.path().join("voa.jsonl");
    let n_voa = voa_as_input(&voa, &voa_in);
    let db = dir.path().join("c.db");
    let dbs = db.to_str().unwrap();
    let seed = seed.to_str().unwrap();
    common::run_ok(&["ingest", "--quiet", "--db", dbs, seed]);
    let once = Store::open_read_only(&db).unwrap().stats().unwrap();
    common::run_ok(&["ingest", "--quiet", "--db", dbs, seed]);
    assert_eq!(
        Store::open_read_only(&db).unwrap().stats().unwrap(),
        once,
        "seed article ingested twice"
    );
    common::run_ok(&["ingest", "--quiet", "--db", dbs, voa_in.to_str().unwrap()]);
    let all = Store::open_read_only(&db).unwrap().stats().unwrap();
    assert_eq!(all.docs, 1 + n_voa as u64);
    let out = common::dyad()
        .args([
            "ingest",
            "--quiet",
            "--db",
            dbs,
            seed,
            voa_in.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("0 new, 0 replaced, {} unchanged", 1 + n_voa)),
        "{err}"
    );
    let store = Store::open_read_only(&db).unwrap();
    assert_eq!(store.stats().unwrap(), all, "re-ingest of everything");
    // The Pyongyang talks of 2024-07-11: one event, however many sentences and ingests report them.
    let talks = Filter {
        dyad: Some(("BLR".into(), "PRK".into())),
        event_types: vec!["CONSULT".into()],
        from: Some("2024-07-11".into()),
        to: Some("2024-07-11".into()),
        ..Default::default()
    };
    let n = store.count(&talks).unwrap();
    println!("BLR-PRK CONSULT events on 2024-07-11: {n}; store {all:?}");
    assert_eq!(n, 1, "the talks are listed {n} times");
}
