//! `dyad export --format parquet` read back by an independent engine (DuckDB's Python package).

#[path = "store_common.rs"]
mod common;

use std::process::Command;

fn duckdb_available() -> bool {
    let ok = Command::new("python3")
        .args(["-c", "import duckdb"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        if std::env::var("CI").is_ok() || std::env::var("DYAD_REQUIRE_SHARED").as_deref() == Ok("1")
        {
            panic!("python3 with duckdb is required (installed by .ci/setup.d/store.sh)");
        }
        println!("skipping: python3 -c 'import duckdb' failed (run .ci/setup.d/store.sh)");
    }
    ok
}

#[test]
fn parquet_dataset_reads_back_in_duckdb() {
    if !duckdb_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("coded.jsonl");
    let mut recs = common::generated(300, 5);
    // Spread over two years so that several partitions appear.
    for (i, r) in recs.iter_mut().enumerate() {
        if i % 3 == 0 {
            r.date = r.date.replacen("2024", "2023", 1);
        }
    }
    common::write_jsonl(&input, &recs);
    let db = dir.path().join("p.db");
    let dbs = db.to_str().unwrap();
    common::run_ok(&[
        "ingest",
        "--coded",
        "--quiet",
        "--db",
        dbs,
        input.to_str().unwrap(),
    ]);
    common::run_ok(&[
        "ingest",
        "--coded",
        "--quiet",
        "--db",
        dbs,
        common::talks_fixture().to_str().unwrap(),
    ]);
    let store = dyad_store::Store::open_read_only(&db).unwrap();
    let events = store.stats().unwrap().events;
    let by_month = store
        .aggregate(
            &dyad_store::Filter::default(),
            Some(dyad_store::Bucket::Month),
            None,
        )
        .unwrap();
    drop(store);

    let out = dir.path().join("dataset");
    common::run_ok(&[
        "export",
        "--db",
        dbs,
        "--format",
        "parquet",
        "-o",
        out.to_str().unwrap(),
    ]);
    let p07 = out.join("year=2024").join("month=07");
    assert!(
        p07.join("part-00000.parquet").is_file(),
        "hive-style partition directories"
    );

    let script = format!(
        "import duckdb\n\
         con = duckdb.connect()\n\
         q = \"select count(*), count(distinct event_id), sum(num_mentions) from read_parquet('{0}/**/*.parquet', hive_partitioning=true)\"\n\
         print(*con.execute(q).fetchall()[0])\n\
         for r in con.execute(\"select year, month, count(*) from read_parquet('{0}/**/*.parquet', hive_partitioning=true) group by all order by all\").fetchall():\n\
         \x20   print(f'{{int(r[0]):04d}}-{{int(r[1]):02d}}', r[2])\n",
        out.display()
    );
    let res = Command::new("python3")
        .args(["-c", &script])
        .output()
        .unwrap();
    assert!(
        res.status.success(),
        "duckdb failed: {}",
        String::from_utf8_lossy(&res.stderr)
    );
    let text = String::from_utf8(res.stdout).unwrap();
    let mut lines = text.lines();
    let head: Vec<u64> = lines
        .next()
        .unwrap()
        .split_whitespace()
        .map(|x| x.parse().unwrap())
        .collect();
    assert_eq!(head[0], events, "row count read back");
    assert_eq!(head[1], events, "event ids unique");
    let months: Vec<String> = lines.map(str::to_string).collect();
    let want: Vec<String> = by_month
        .iter()
        .map(|r| format!("{} {}", r.period.as_deref().unwrap(), r.count))
        .collect();
    assert_eq!(
        months, want,
        "rows per partition match the store's monthly counts"
    );
}
