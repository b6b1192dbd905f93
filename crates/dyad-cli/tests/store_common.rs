//! Helpers shared by the store's CLI tests (included with `#[path]`).
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use dyad_core::schema::{ActorRef, DateBasis, EventRecord, TextSpan};

pub fn dyad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
}

/// Runs `dyad` with `args`, asserting success; returns stdout.
pub fn run_ok(args: &[&str]) -> String {
    let out: Output = dyad().args(args).output().expect("spawn dyad");
    assert!(
        out.status.success(),
        "dyad {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 stdout")
}

/// Runs `dyad` with `args`, asserting failure; returns stderr.
pub fn run_err(args: &[&str]) -> String {
    let out: Output = dyad().args(args).output().expect("spawn dyad");
    assert!(!out.status.success(), "dyad {args:?} should have failed");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `$DYAD_SHARED`, else `<workspace>/../shared`; `None` (after saying so) when missing and not required.
pub fn shared(what: &str) -> Option<PathBuf> {
    let root = std::env::var_os("DYAD_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("../shared"));
    let p = root.join(what);
    if p.exists() {
        return Some(p);
    }
    if std::env::var("DYAD_REQUIRE_SHARED").as_deref() == Ok("1") {
        panic!(
            "{what} not found at {} (DYAD_REQUIRE_SHARED=1)",
            p.display()
        );
    }
    println!("skipping: {what} not found at {}", p.display());
    None
}

pub fn talks_fixture() -> PathBuf {
    workspace_root().join("crates/dyad-store/tests/data/coded_talks.jsonl")
}

const COUNTRIES: [&str; 12] = [
    "USA", "CHN", "RUS", "UKR", "PRK", "BLR", "IRN", "ISR", "TUR", "SYR", "IND", "PAK",
];
const TYPES: [(&str, &str, u8, f64, bool); 6] = [
    ("CONSULT", "040", 1, 1.0, true),
    ("AGREE", "057", 1, 4.0, true),
    ("AID", "070", 2, 7.0, false),
    ("ACCUSE", "112", 3, -2.0, false),
    ("THREATEN", "130", 3, -4.4, false),
    ("ASSAULT", "180", 4, -9.0, false),
];

/// Deterministic coded records: `docs` documents of `per_doc` records, with repeated reports across documents.
pub fn generated(docs: usize, per_doc: usize) -> Vec<EventRecord> {
    let mut x: u64 = 7;
    let mut next = move |n: usize| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x % n as u64) as usize
    };
    let mut out = Vec::with_capacity(docs * per_doc);
    for d in 0..docs {
        let doc = format!("gen-{d}");
        for s in 0..per_doc {
            // One record in four repeats an event of the last few documents.
            let seed = if next(4) == 0 && d > 5 {
                d - 1 - next(5)
            } else {
                d * 100 + s
            };
            let a = seed % COUNTRIES.len();
            let b = (a + 1 + (seed / 7) % (COUNTRIES.len() - 1)) % COUNTRIES.len();
            let (ty, cameo, q, g, mutual) = TYPES[(seed / 3) % TYPES.len()];
            let day = 1 + (seed * 13) % 28;
            let month = 1 + (seed / 29) % 12;
            let actor = |c: &str| ActorRef {
                text: c.into(),
                start: 0,
                end: 3,
                country: Some(c.into()),
                sector: Some("GOV".into()),
                name: None,
                role: None,
            };
            out.push(EventRecord {
                id: format!("{doc}:{s}:0"),
                doc_id: doc.clone(),
                sentence: s,
                event_type: ty.into(),
                mode: None,
                context: vec![],
                cameo: cameo.into(),
                quad_class: q,
                goldstein: g,
                actor: Some(actor(COUNTRIES[a])),
                recipient: Some(actor(COUNTRIES[b])),
                mutual,
                date: format!("2024-{month:02}-{day:02}"),
                date_basis: DateBasis::Text,
                location: None,
                reported_by: None,
                negated: false,
                modality: "asserted".into(),
                trigger: TextSpan {
                    text: "met".into(),
                    start: 10,
                    end: 13,
                },
                rule: None,
                evidence: format!(
                    "Sentence {s} of {doc}: {} and {} {ty}.",
                    COUNTRIES[a], COUNTRIES[b]
                ),
            });
        }
    }
    out
}

pub fn write_jsonl(path: &Path, recs: &[EventRecord]) {
    let mut s = String::new();
    for r in recs {
        s.push_str(&serde_json::to_string(r).unwrap());
        s.push('\n');
    }
    std::fs::write(path, s).unwrap();
}
