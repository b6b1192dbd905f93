//! `dyad code` and `dyad annotate`: inputs, output order, threads, pipes, the example.

mod cli_support;
use cli_support::*;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

/// Many articles with varied lengths, so that workers finish out of order.
fn many_articles(n: usize) -> String {
    let example: serde_json::Value =
        serde_json::from_str(include_str!("../../../data/examples/example.jsonl")).unwrap();
    let text = example["text"].as_str().unwrap();
    let sentences: Vec<&str> = text.split_inclusive(". ").collect();
    let mut out = String::new();
    for i in 0..n {
        let take = 1 + (i * 7) % sentences.len();
        let body: String = sentences
            .iter()
            .cycle()
            .skip(i % 5)
            .take(take * (1 + i % 3))
            .copied()
            .collect();
        out.push_str(&article(&format!("doc-{i:04}"), "2025-03-14", &body));
        out.push('\n');
    }
    out
}

#[test]
fn output_is_in_input_order_and_the_same_on_1_and_4_threads() {
    let dir = scratch("order");
    let input = file(&dir, "many.jsonl", many_articles(400).as_bytes());
    for cmd in ["code", "annotate"] {
        let one = dyad(&[cmd, "--threads", "1", &input], b"");
        let four = dyad(&[cmd, "--threads", "4", &input], b"");
        assert!(one.status.success() && four.status.success());
        assert_eq!(
            one.stdout, four.stdout,
            "`dyad {cmd}` differs between 1 and 4 threads"
        );
        assert_eq!(one.counts(), four.counts());
        assert_eq!(one.counts()[..3], [400, 400, 0]);
    }
    let run = dyad(&["annotate", "-j", "4", &input], b"");
    let ids: Vec<String> = run
        .json_lines()
        .iter()
        .map(|v| v["id"].as_str().unwrap().to_string())
        .collect();
    let want: Vec<String> = (0..400).map(|i| format!("doc-{i:04}")).collect();
    assert_eq!(ids, want);
}

#[test]
fn a_closed_pipe_ends_the_run_quietly_with_status_0() {
    let dir = scratch("pipe");
    let input = file(&dir, "many.jsonl", many_articles(3000).as_bytes());
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["annotate", "--threads", "2", &input])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    out.read_line(&mut first).unwrap();
    assert!(first.contains("doc-0000"));
    drop(out); // like `| head -1`
    let done = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&done.stderr);
    assert!(
        done.status.success(),
        "status {:?}, stderr:\n{stderr}",
        done.status
    );
    assert!(
        !stderr.contains("error") && !stderr.contains("panicked"),
        "{stderr}"
    );
}

#[test]
fn plain_text_needs_a_date_and_is_one_article() {
    let dir = scratch("plain");
    let txt = file(
        &dir,
        "report.txt",
        b"Kenyan police fired tear gas at protesters in Nairobi on Thursday.\n",
    );
    let run = dyad(&["annotate", "--date", "2024-07-12", &txt], b"");
    assert!(run.status.success());
    assert_eq!(run.counts()[..3], [1, 1, 0]);
    assert_eq!(run.json_lines()[0]["id"].as_str(), Some(txt.as_str()));
    let run = dyad(&["annotate", &txt], b"");
    assert_eq!(run.counts()[..3], [1, 0, 1]);
    assert!(run.stderr.contains(&format!(
        "rejected {txt}: plain-text input needs --date YYYY-MM-DD"
    )));
}

#[test]
fn stdin_takes_jsonl_or_plain_text() {
    let jsonl = format!(
        "{}\n{}\n",
        article("a", "2024-07-12", "One."),
        article("b", "2024-07-12", "Two.")
    );
    let run = dyad(&["annotate", "-"], jsonl.as_bytes());
    assert_eq!(run.counts()[..3], [2, 2, 0]);
    let run = dyad(&["annotate"], jsonl.as_bytes()); // stdin is the default when piped
    assert_eq!(run.counts()[..3], [2, 2, 0]);
    let run = dyad(
        &["annotate", "--date", "2024-07-12", "-"],
        b"The two sides met in Minsk.",
    );
    assert_eq!(run.counts()[..3], [1, 1, 0]);
    assert_eq!(run.json_lines()[0]["id"].as_str(), Some("<stdin>"));
}

#[test]
fn output_file_and_counts() {
    let dir = scratch("outfile");
    let out = dir.join("events.jsonl");
    let run = dyad(&["annotate", "--example", "-o", out.to_str().unwrap()], b"");
    assert!(run.status.success());
    assert!(run.stdout.is_empty());
    let written = std::fs::read_to_string(&out).unwrap();
    let v: serde_json::Value = serde_json::from_str(written.trim()).unwrap();
    assert_eq!(v["id"], "dyad-example-1");
}

#[test]
fn the_builtin_example_codes_many_kinds_of_event_with_true_offsets() {
    let example: serde_json::Value =
        serde_json::from_str(include_str!("../../../data/examples/example.jsonl")).unwrap();
    let text = example["text"].as_str().unwrap();
    let run = dyad(&["code", "--example"], b"");
    assert!(run.status.success(), "{}", run.stderr);
    let [read, coded, rejected, events] = run.counts();
    assert_eq!([read, coded, rejected], [1, 1, 0]);
    let lines = run.json_lines();
    assert_eq!(lines.len(), events);
    let span = |v: &serde_json::Value| {
        &text[v["start"].as_u64().unwrap() as usize..v["end"].as_u64().unwrap() as usize]
    };
    for e in &lines {
        assert_eq!(e["doc_id"], "dyad-example-1");
        assert_eq!(span(&e["trigger"]), e["trigger"]["text"].as_str().unwrap());
        for role in ["actor", "recipient", "reported_by"] {
            if !e[role].is_null() {
                assert_eq!(
                    span(&e[role]),
                    e[role]["text"].as_str().unwrap(),
                    "{role} of {e}"
                );
            }
        }
        assert!(text.contains(e["evidence"].as_str().unwrap()));
    }
    // The article was written to show most of what the coder does: it must keep doing it.
    let types: std::collections::BTreeSet<&str> = lines
        .iter()
        .map(|e| e["event_type"].as_str().unwrap())
        .collect();
    let wanted = [
        "CONSULT", "AGREE", "ACCUSE", "ASSAULT", "SANCTION", "PROTEST", "AID", "THREATEN",
    ];
    let found = wanted.iter().filter(|t| types.contains(*t)).count();
    assert!(found >= 7, "only {found} of {wanted:?} in {types:?}");

    let run = dyad(&["annotate", "--example"], b"");
    let docs = run.json_lines();
    assert_eq!(docs.len(), 1);
    for layer in ["entities", "timexes", "places", "events"] {
        assert!(
            docs[0][layer].as_array().is_some_and(|a| !a.is_empty()),
            "annotate: `{layer}` empty"
        );
    }
    assert_eq!(docs[0]["events"].as_array().unwrap().len(), events);
}

/// `--places` (dyad's TSV) and `--geonames` (a GeoNames dump) extend the gazetteer; a broken
/// file is an error that names the file and line.
#[test]
fn user_places_and_geonames_dumps_extend_the_gazetteer() {
    let dir = scratch("places");
    let text = "Yemeni and Saudi officials held talks in Zorbaville on Monday.";
    let input = file(
        &dir,
        "a.jsonl",
        article("z1", "2025-01-08", text).as_bytes(),
    );
    let located = |out: &str| -> Vec<serde_json::Value> {
        out.lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
            .filter_map(|e| e.get("location").cloned().filter(|l| !l.is_null()))
            .collect()
    };
    let plain = dyad(&["code", &input], b"");
    assert!(plain.status.success());
    assert!(
        located(&plain.stdout).is_empty(),
        "an unknown town has no location"
    );

    let places = file(
        &dir,
        "p.tsv",
        b"Zorbaville\t12.5\t44.25\tYEM\tP.PPL\t5000\t\t\t\n",
    );
    let out = dyad(&["code", "--places", &places, &input], b"");
    assert!(out.status.success());
    let locs = located(&out.stdout);
    assert!(!locs.is_empty());
    assert_eq!(locs[0]["name"], "Zorbaville");
    assert_eq!(locs[0]["country"], "YEM");
    assert_eq!(locs[0]["lat"], 12.5);

    // One GeoNames row: id, name, ascii, alternates, lat, lon, class, code, cc, cc2, admin1..4,
    // population, elevation, dem, timezone, modified.
    let row = "9999991\tZorbaville\tZorbaville\t\t13.0\t45.0\tP\tPPL\tYE\t\t02\t\t\t\t12000\t\t10\tAsia/Aden\t2024-01-01\n";
    let dump = file(&dir, "cities.txt", row.as_bytes());
    let out = dyad(&["code", "--geonames", &dump, &input], b"");
    assert!(out.status.success(), "{}", out.stderr);
    let locs = located(&out.stdout);
    assert_eq!(locs[0]["country"], "YEM");
    assert_eq!(locs[0]["lon"], 45.0);

    let bad = file(&dir, "bad.tsv", b"Zorbaville\tnorth\t44.25\n");
    let out = dyad(&["code", "--places", &bad, &input], b"");
    assert!(!out.status.success());
    let err = &out.stderr;
    assert!(err.contains("bad.tsv") && err.contains("line 1"), "{err}");
}
