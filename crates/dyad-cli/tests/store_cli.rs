//! `dyad ingest`, `dyad query` and `dyad export` end to end on the coded fixture.

#[path = "store_common.rs"]
mod common;

use dyad_store::EventRow;

fn ingest_fixture(dir: &std::path::Path) -> String {
    let db = dir.join("t.db");
    let dbs = db.to_str().unwrap().to_string();
    let f = common::talks_fixture();
    common::run_ok(&["ingest", "--coded", "--db", &dbs, f.to_str().unwrap()]);
    dbs
}

#[test]
fn query_lists_the_talks_once_with_mentions() {
    let dir = tempfile::tempdir().unwrap();
    let db = ingest_fixture(dir.path());
    let out = common::run_ok(&[
        "query", "--db", &db, "--dyad", "BLR,PRK", "--type", "CONSULT", "--format", "jsonl",
    ]);
    let rows: Vec<EventRow> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let dates: Vec<&str> = rows.iter().map(|r| r.date.as_str()).collect();
    assert_eq!(dates, ["2024-07-11", "2024-07-18"]);
    assert_eq!(rows[0].mentions.len(), 3);
    assert_eq!(rows[0].num_articles, 2);
    // Either direction.
    let rev = common::run_ok(&[
        "query", "--db", &db, "--dyad", "PRK,BLR", "--type", "CONSULT", "--format", "jsonl",
    ]);
    assert_eq!(rev, out);
    let table = common::run_ok(&[
        "query", "--db", &db, "--dyad", "BLR,PRK", "--format", "table",
    ]);
    assert!(
        table.contains("Pyongyang") && table.contains("bilateral talks"),
        "{table}"
    );
    let csv = common::run_ok(&[
        "query",
        "--db",
        &db,
        "--text",
        "pyongyang",
        "--format",
        "csv",
    ]);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 2, "{csv}");
    assert!(lines[0].starts_with("id,date,"));
}

#[test]
fn aggregates_in_three_formats() {
    let dir = tempfile::tempdir().unwrap();
    let db = ingest_fixture(dir.path());
    let csv = common::run_ok(&[
        "query", "--db", &db, "--by", "month", "--group", "dyad", "--format", "csv",
    ]);
    assert_eq!(
        csv,
        "period,key,count,goldstein_sum,goldstein_mean,quad1,quad2,quad3,quad4,mentions\n\
         2023-09,PRK-RUS,1,1,1,1,0,0,0,1\n\
         2024-07,BLR-PRK,3,6,2,3,0,0,0,6\n\
         2024-07,PRK-RUS,1,7,7,0,1,0,0,1\n"
    );
    let j = common::run_ok(&["query", "--db", &db, "--by", "week", "--format", "jsonl"]);
    let weeks: Vec<(String, u64)> = j
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                v["period"].as_str().unwrap().to_string(),
                v["count"].as_u64().unwrap(),
            )
        })
        .collect();
    let want = [("2023-09-11", 1), ("2024-07-08", 3), ("2024-07-15", 1)];
    assert_eq!(weeks, want.map(|(p, c)| (p.to_string(), c)));
    let t = common::run_ok(&["query", "--db", &db, "--group", "quad", "--format", "table"]);
    assert!(t.lines().count() == 3, "{t}");
    let err = common::run_err(&["query", "--db", &db, "--by", "fortnight"]);
    assert!(err.contains("unknown time bucket"), "{err}");
}

#[test]
fn exports_jsonl_csv_gdelt() {
    let dir = tempfile::tempdir().unwrap();
    let db = ingest_fixture(dir.path());
    let j = common::run_ok(&["export", "--db", &db, "--format", "jsonl", "-o", "-"]);
    assert_eq!(j.lines().count(), 5);
    let c = common::run_ok(&["export", "--db", &db, "--format", "csv", "-o", "-"]);
    assert_eq!(c.lines().count(), 6);
    let g = dir.path().join("events.tsv");
    common::run_ok(&[
        "export",
        "--db",
        &db,
        "--format",
        "gdelt",
        "-o",
        g.to_str().unwrap(),
    ]);
    let g = std::fs::read_to_string(g).unwrap();
    for line in g.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), dyad_store::export::gdelt::COLUMNS.len());
        assert_eq!(cols[1].len(), 8, "SQLDATE YYYYMMDD: {line}");
    }
    let talks = g
        .lines()
        .find(|l| l.contains("Pyongyang"))
        .expect("the talks row");
    let cols: Vec<&str> = talks.split('\t').collect();
    assert_eq!(&cols[1..4], ["20240711", "202407", "2024"]);
    assert_eq!(
        (cols[5], cols[15], cols[26], cols[31], cols[33]),
        ("BLRGOV", "PRKGOV", "040", "3", "2")
    );
}

#[test]
fn clear_errors_for_bad_databases() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("none.db");
    let e = common::run_err(&["query", "--db", missing.to_str().unwrap()]);
    assert!(e.contains("no dyad database"), "{e}");
    let junk = dir.path().join("junk.db");
    let bytes: Vec<u8> = (0..20_000u32).map(|i| (i * 7919 % 251) as u8).collect();
    std::fs::write(&junk, &bytes).unwrap();
    let e = common::run_err(&[
        "ingest",
        "--coded",
        "--db",
        junk.to_str().unwrap(),
        common::talks_fixture().to_str().unwrap(),
    ]);
    assert!(e.contains("corrupt"), "{e}");
    assert_eq!(
        std::fs::read(&junk).unwrap(),
        bytes,
        "a corrupt file is left as it was"
    );
    let nodir = dir.path().join("no/such/dir/x.db");
    let e = common::run_err(&["ingest", "--db", nodir.to_str().unwrap()]);
    assert!(e.contains("cannot open"), "{e}");
    let rejects = dir.path().join("rej.jsonl");
    let bad = dir.path().join("bad.jsonl");
    std::fs::write(&bad, "{not json}\n{\"id\": 1}\n").unwrap();
    let db = dir.path().join("ok.db");
    let out = common::dyad()
        .args([
            "ingest",
            "--coded",
            "--db",
            db.to_str().unwrap(),
            "--rejects",
            rejects.to_str().unwrap(),
            bad.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("read 2 records, coded 0, rejected 2"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(rejects).unwrap().lines().count(), 2);
}

#[test]
fn cursor_pages_walk_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let db = ingest_fixture(dir.path());
    let all = common::run_ok(&["query", "--db", &db, "--format", "jsonl", "--no-mentions"]);
    let want: Vec<i64> = all
        .lines()
        .map(|l| serde_json::from_str::<EventRow>(l).unwrap().id)
        .collect();
    assert!(want.len() >= 3, "{all}");
    let mut got = Vec::new();
    let mut after: Option<String> = None;
    for _ in 0..want.len() + 1 {
        let mut args = vec![
            "query",
            "--db",
            &db,
            "--format",
            "jsonl",
            "--no-mentions",
            "--limit",
            "2",
        ];
        if let Some(a) = &after {
            args.extend(["--after", a.as_str()]);
        }
        let out = common::dyad().args(&args).output().unwrap();
        assert!(out.status.success());
        for l in String::from_utf8(out.stdout).unwrap().lines() {
            got.push(serde_json::from_str::<EventRow>(l).unwrap().id);
        }
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        after = stderr
            .lines()
            .find_map(|l| l.strip_prefix("dyad: next page: --after "))
            .map(str::to_string);
        if after.is_none() {
            break;
        }
    }
    assert_eq!(got, want);
    let e = common::run_err(&["query", "--db", &db, "--after", "yesterday"]);
    assert!(e.contains("bad cursor"), "{e}");
}

#[test]
fn places_aggregate_with_coordinates() {
    let dir = tempfile::tempdir().unwrap();
    let db = ingest_fixture(dir.path());
    let out = common::run_ok(&[
        "query", "--db", &db, "--group", "place", "--format", "jsonl",
    ]);
    let rows: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let prk = rows
        .iter()
        .find(|r| r["key"] == "PRK")
        .unwrap_or_else(|| panic!("{out}"));
    assert!(prk["count"].as_u64().unwrap() >= 1);
    assert!((prk["lat"].as_f64().unwrap() - 39.03).abs() < 0.5, "{prk}");
}
