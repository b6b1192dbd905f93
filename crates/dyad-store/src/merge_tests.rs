//! Data-driven tests of the merge rule: `tests/data/merge_cases.json`.

use super::*;
use serde_json::Value;

fn patch(base: &Value, p: &Value) -> EventRecord {
    let mut v = base.clone();
    if let (Value::Object(o), Value::Object(p)) = (&mut v, p) {
        for (k, x) in p {
            o.insert(k.clone(), x.clone());
        }
    }
    serde_json::from_value(v).expect("case parses as an EventRecord")
}

#[test]
fn merge_cases() {
    let data: Value = serde_json::from_str(include_str!("../tests/data/merge_cases.json")).unwrap();
    let base = &data["base"];
    let mut failures = Vec::new();
    for case in data["cases"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let a = EventState::from_record(&patch(base, &case["a"])).unwrap();
        let b = EventState::from_record(&patch(base, &case["b"])).unwrap();
        let want = case["same"].as_bool().unwrap();
        // The rule must be symmetric.
        let (ab, ba) = (compatible(&a, &b).is_some(), compatible(&b, &a).is_some());
        if ab != want || ba != want {
            failures.push(format!("{name}: want same={want}, got a~b={ab} b~a={ba}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn absorb_fills_unknowns_and_narrows_dates() {
    let data: Value = serde_json::from_str(include_str!("../tests/data/merge_cases.json")).unwrap();
    let base = &data["base"];
    let vague = serde_json::json!({"date": "2024-07-12", "date_basis": "publication",
        "actor": {"text": "Pyongyang", "start": 0, "end": 9, "country": "PRK", "sector": null, "name": null, "role": null}});
    let precise = serde_json::json!({"actor": {"text": "Im", "start": 0, "end": 2, "country": "PRK", "sector": "GOV", "name": "Im Chon-il", "role": "Vice Foreign Minister"}});
    let mut ev = EventState::from_record(&patch(base, &vague)).unwrap();
    let rec = EventState::from_record(&patch(base, &precise)).unwrap();
    let swapped = compatible(&ev, &rec).expect("compatible");
    absorb(&mut ev, &rec, swapped);
    assert_eq!(ev.date, "2024-07-11");
    assert_eq!(ev.basis, DateBasis::Text);
    assert_eq!((ev.lo, ev.hi), (rec.lo, rec.lo));
    // Mutual events are stored with BLR first, so North Korea is the recipient.
    assert_eq!(ev.recipient.name.as_deref(), Some("Im Chon-il"));
    assert_eq!(ev.recipient.sector.as_deref(), Some("GOV"));
    assert_eq!(ev.recipient.role.as_deref(), Some("Vice Foreign Minister"));
}

#[test]
fn mutual_records_are_stored_in_one_orientation() {
    let data: Value = serde_json::from_str(include_str!("../tests/data/merge_cases.json")).unwrap();
    let base = &data["base"];
    let a = EventState::from_record(&patch(base, &serde_json::json!({}))).unwrap();
    assert_eq!(
        a.actor.country.as_deref(),
        Some("BLR"),
        "BLR sorts before PRK"
    );
    let bad = [
        serde_json::json!({"date": "2024-7-11"}),
        serde_json::json!({"quad_class": 0}),
        serde_json::json!({"goldstein": 11.0}),
        serde_json::json!({"event_type": " "}),
    ];
    for p in bad {
        assert!(EventState::from_record(&patch(base, &p)).is_err(), "{p}");
    }
}
