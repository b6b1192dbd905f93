//! Helpers shared by the rule tests (`unseen_rules.rs`, `unseen_rules_r5.rs`).

use dyad_core::schema::{EventRecord, InputDoc};
use dyad_core::Coder;

/// Codes `text` and returns its events as `TYPE ACTOR>RECIPIENT` strings.
pub fn coded(text: &str) -> Vec<String> {
    let doc = InputDoc {
        id: "t".into(),
        date: "2026-11-20".into(),
        text: text.into(),
        title: None,
        source: None,
        url: None,
    };
    let c = |a: &Option<dyad_core::schema::ActorRef>| {
        a.as_ref()
            .and_then(|a| a.country.clone())
            .unwrap_or_default()
    };
    let records: Vec<EventRecord> = Coder::builtin().code(&doc).unwrap();
    records
        .iter()
        .map(|e| format!("{} {}>{}", e.event_type, c(&e.actor), c(&e.recipient)))
        .collect()
}

/// Asserts that `text` yields every event of `want` and none of `not`.
pub fn check(text: &str, want: &[&str], not: &[&str]) {
    let got = coded(text);
    for w in want {
        assert!(got.iter().any(|g| g == w), "{text}\n want {w}, got {got:?}");
    }
    for n in not {
        assert!(
            !got.iter().any(|g| g == n),
            "{text}\n unwanted {n}, got {got:?}"
        );
    }
}
