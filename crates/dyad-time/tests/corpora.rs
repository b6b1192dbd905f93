//! Runs the tagger over real news (VOA stories, one Reuters-21578 file) and
//! checks structural invariants on every document: no panic, offsets on
//! char boundaries, sorted and non-overlapping output, well-formed values,
//! and a plausible density of expressions.

use chrono::NaiveDate;
use dyad_time::{Tagger, TimexType};
use std::path::{Path, PathBuf};

fn shared() -> PathBuf {
    match std::env::var("DYAD_SHARED") {
        Ok(p) => PathBuf::from(p),
        Err(_) => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"),
    }
}

fn skip(what: &str, p: &Path) -> bool {
    if p.exists() {
        return false;
    }
    assert!(
        std::env::var("DYAD_REQUIRE_SHARED").as_deref() != Ok("1"),
        "{what} not found at {}",
        p.display()
    );
    println!("skipping: {what} not found at {}", p.display());
    true
}

fn well_formed(text: &str, dct: NaiveDate, t: &Tagger) -> usize {
    let out = t.tag(text, dct);
    for w in out.windows(2) {
        assert!(w[0].end <= w[1].start, "overlap in output");
    }
    for x in &out {
        assert!(x.start < x.end && text.is_char_boundary(x.start) && text.is_char_boundary(x.end));
        assert!(!x.value.is_empty() && x.value.is_ascii());
        match x.kind {
            TimexType::Duration => assert!(x.value.starts_with('P'), "{}", x.value),
            TimexType::Date if x.value.ends_with("_REF") => {}
            TimexType::Date | TimexType::Time => assert!(
                x.value
                    .starts_with(|c: char| c.is_ascii_digit() || c == 'X'),
                "{}",
                x.value
            ),
            TimexType::Set => assert!(
                x.value.starts_with('P') || x.value.starts_with('X'),
                "{}",
                x.value
            ),
        }
    }
    out.len()
}

#[test]
fn voa_stories_tag_cleanly() {
    let p = shared().join("corpora/voa/voa_stories.jsonl");
    if skip("VOA corpus", &p) {
        return;
    }
    let t = Tagger::new();
    let (mut docs, mut found, mut bytes) = (0, 0, 0);
    for line in std::fs::read_to_string(&p).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = v["text"].as_str().unwrap_or_default();
        let dct = NaiveDate::parse_from_str(
            &v["published"].as_str().unwrap_or_default()[..10],
            "%Y-%m-%d",
        )
        .unwrap();
        found += well_formed(text, dct, &t);
        docs += 1;
        bytes += text.len();
    }
    assert!(docs > 50);
    // news carries roughly one time expression per 200-400 bytes
    let per_kb = found as f64 * 1000.0 / bytes as f64;
    assert!((1.5..10.0).contains(&per_kb), "{per_kb:.2} timexes per kB");
}

#[test]
fn reuters_bodies_tag_cleanly() {
    let p = shared().join("corpora/reuters21578/reut2-000.sgm");
    if skip("Reuters-21578", &p) {
        return;
    }
    let raw = String::from_utf8_lossy(&std::fs::read(&p).unwrap()).into_owned();
    let t = Tagger::new();
    let dct = NaiveDate::from_ymd_opt(1987, 3, 1).unwrap();
    let mut n = 0;
    for part in raw.split("<BODY>").skip(1) {
        let body = part.split("</BODY>").next().unwrap_or_default();
        well_formed(body, dct, &t);
        n += 1;
    }
    assert!(n > 500);
}
