//! Bad input: every broken record gets a message naming `file:line` and what is
//! wrong, lands in the reject file, and the run goes on to the end with counts.

mod cli_support;
use cli_support::*;

/// Each bad line, and a piece of the reason it must be rejected with.
fn bad_lines() -> Vec<(Vec<u8>, &'static str)> {
    vec![
        (
            br#"{"id": "j", "date": "2024-07-12", "text": "#.to_vec(),
            "invalid JSON",
        ),
        (
            br#"{"id": "m", "date": "2024-07-12"}"#.to_vec(),
            "missing or empty field `text`",
        ),
        (
            br#"{"date": "2024-07-12", "text": "No id."}"#.to_vec(),
            "missing or empty field `id`",
        ),
        (
            article("d", "2024-02-30", "Bad day.").into_bytes(),
            "bad date \"2024-02-30\"",
        ),
        (
            article("d2", "12/07/2024", "US style.").into_bytes(),
            "bad date \"12/07/2024\"",
        ),
        (
            b"{\"id\": \"u\", \"date\": \"2024-07-12\", \"text\": \"caf\xe9\"}".to_vec(),
            "invalid UTF-8 at byte",
        ),
        (
            article("e", "2024-07-12", "   ").into_bytes(),
            "missing or empty field `text`",
        ),
        (
            b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00\x01".to_vec(),
            "binary data",
        ),
        (
            article("c", "2024-07-12", &"\u{1}\u{2}\u{3}".repeat(20)).into_bytes(),
            "looks binary",
        ),
        (b"[1, 2, 3]".to_vec(), "invalid JSON"),
    ]
}

#[test]
fn each_bad_record_is_named_rejected_and_counted() {
    let dir = scratch("bad-input");
    let mut body = Vec::new();
    body.extend_from_slice(
        article("good-1", "2024-07-12", "The minister met the envoy.").as_bytes(),
    );
    body.push(b'\n');
    let cases = bad_lines();
    for (line, _) in &cases {
        body.extend_from_slice(line);
        body.push(b'\n');
    }
    body.extend_from_slice(b"\n   \n"); // blank lines: skipped, not records
    body.extend_from_slice(article("good-2", "2024-07-12", "Talks went on.").as_bytes());
    body.push(b'\n');
    let input = file(&dir, "in.jsonl", &body);
    let rej = dir.join("rejects.jsonl");
    let run = dyad(
        &[
            "annotate",
            "--threads",
            "2",
            "--rejects",
            rej.to_str().unwrap(),
            &input,
        ],
        b"",
    );
    assert!(run.status.success(), "{}", run.stderr);

    let ids: Vec<_> = run
        .json_lines()
        .iter()
        .map(|v| v["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["good-1", "good-2"]);
    assert_eq!(run.counts(), [cases.len() + 2, 2, cases.len(), 0]);

    let rejected = rejects(&rej);
    assert_eq!(rejected.len(), cases.len());
    for (i, ((_, want), (origin, reason))) in cases.iter().zip(&rejected).enumerate() {
        let line = i + 2;
        assert_eq!(origin, &format!("{input}:{line}"));
        assert!(
            reason.contains(want),
            "line {line}: {reason:?} should contain {want:?}"
        );
        let msg = format!("dyad: rejected {input}:{line}: {reason}");
        assert!(
            run.stderr.contains(&msg),
            "stderr lacks {msg:?}:\n{}",
            run.stderr
        );
    }
}

#[test]
fn the_reject_file_keeps_the_record() {
    let dir = scratch("reject-record");
    let bad = article("x", "2024-13-01", "Month thirteen.");
    let input = file(&dir, "in.jsonl", format!("{bad}\n").as_bytes());
    let rej = dir.join("r.jsonl");
    dyad(&["code", "--rejects", rej.to_str().unwrap(), &input], b"");
    let v: serde_json::Value =
        serde_json::from_str(std::fs::read_to_string(&rej).unwrap().trim()).unwrap();
    assert_eq!(v["record"].as_str().unwrap(), bad);
}

#[test]
fn oversize_texts_are_rejected_without_stopping_the_run() {
    let dir = scratch("oversize");
    let limit = 10 * 1024 * 1024; // dyad_core::input::MAX_TEXT_BYTES
    let over = "a".repeat(limit + 10);
    let huge = "word ".repeat(50 * 1024 * 1024 / 5); // a 50 MB text
    let body = format!(
        "{}\n{}\n{}\n",
        article("over", "2024-07-12", &over),
        article("huge", "2024-07-12", &huge),
        article("fine", "2024-07-12", "Small text.")
    );
    let input = file(&dir, "big.jsonl", body.as_bytes());
    let rej = dir.join("r.jsonl");
    let run = dyad(
        &["annotate", "--rejects", rej.to_str().unwrap(), &input],
        b"",
    );
    assert!(run.status.success());
    assert_eq!(run.counts(), [3, 1, 2, 0]);
    let rejected = rejects(&rej);
    assert_eq!(rejected[0].0, format!("{input}:1"));
    assert_eq!(rejected[1].0, format!("{input}:2"));
    for (_, reason) in &rejected {
        assert!(reason.contains("over the limit"), "{reason}");
    }
    // The reject file keeps a bounded prefix, not 50 MB.
    assert!(std::fs::metadata(&rej).unwrap().len() < 64 * 1024);
    // A plain-text file over the limit is rejected too.
    let txt = file(&dir, "big.txt", over.as_bytes());
    let run = dyad(&["annotate", "--date", "2024-07-12", &txt], b"");
    assert!(
        run.stderr
            .contains(&format!("rejected {txt}: text is over the limit")),
        "{}",
        run.stderr
    );
}

#[test]
fn binary_and_non_utf8_files_are_rejected_and_the_next_file_is_read() {
    let dir = scratch("binary-files");
    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    let bin = file(&dir, "blob.bin", &garbage);
    let latin1 = file(
        &dir,
        "latin1.txt",
        b"Le ministre a rencontr\xe9 l'envoy\xe9.",
    );
    let good = file(
        &dir,
        "good.jsonl",
        format!("{}\n", article("g", "2024-07-12", "Fine.")).as_bytes(),
    );
    let run = dyad(
        &["annotate", "--date", "2024-07-12", &bin, &latin1, &good],
        b"",
    );
    assert!(run.status.success());
    assert_eq!(run.counts(), [3, 1, 2, 0]);
    assert!(
        run.stderr.contains(&format!("rejected {bin}: binary data")),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains(&format!("rejected {latin1}: invalid UTF-8 at byte 22")),
        "{}",
        run.stderr
    );
}

#[test]
fn a_binary_file_read_as_jsonl_never_panics() {
    let garbage: Vec<u8> = (0..20_000u32)
        .map(|i| (i.wrapping_mul(2246822519) >> 11) as u8)
        .collect();
    let run = dyad(&["code", "--format", "jsonl", "-"], &garbage);
    assert!(run.status.success());
    let [read, coded, rejected, _] = run.counts();
    assert!(read > 0 && coded == 0 && rejected == read);
}

#[test]
fn usage_errors_fail_fast() {
    let run = dyad(&["code", "/nonexistent/file.jsonl"], b"");
    assert!(!run.status.success());
    assert!(
        run.stderr.contains("cannot open /nonexistent/file.jsonl"),
        "{}",
        run.stderr
    );
    let run = dyad(&["code", "--date", "2024-7-1", "-"], b"text");
    assert!(!run.status.success());
    assert!(run.stderr.contains("--date: bad date"), "{}", run.stderr);
}
