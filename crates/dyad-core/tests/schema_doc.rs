//! Every example in `docs/schema.md` parses into the types of `dyad_core::schema`.

use dyad_core::schema::{AnnotatedDoc, EventRecord, InputDoc};

fn examples(kind: &str) -> Vec<String> {
    let doc = include_str!("../../../docs/schema.md");
    let fence = format!("```json {kind}\n");
    doc.split(&fence)
        .skip(1)
        .map(|b| b.split("```").next().unwrap().trim().to_string())
        .collect()
}

#[test]
fn documented_examples_parse() {
    let inputs = examples("input");
    assert!(!inputs.is_empty());
    for e in &inputs {
        let d: InputDoc = serde_json::from_str(e).unwrap();
        dyad_core::input::validate(d).unwrap();
    }
    for e in examples("event") {
        let ev: EventRecord = serde_json::from_str(&e).unwrap();
        assert_eq!(ev.quad_class, dyad_core::codes::quad_class(&ev.event_type));
    }
    for e in examples("annotate") {
        let _: AnnotatedDoc = serde_json::from_str(&e).unwrap();
    }
    for e in examples("gold") {
        assert!(!dyad_core::eval::parse_gold(&e).unwrap().is_empty());
    }
    for e in examples("reject").iter().chain(&examples("actor")) {
        let _: serde_json::Value = serde_json::from_str(e).unwrap();
    }
}

#[test]
fn documented_event_is_what_the_coder_emits() {
    // The example article of the page, coded now, still gives the documented first event.
    let input: InputDoc = serde_json::from_str(&examples("input")[0]).unwrap();
    let documented: EventRecord = serde_json::from_str(&examples("event")[0]).unwrap();
    let events = dyad_core::Coder::builtin().code(&input).unwrap();
    let got = events.first().expect("an event");
    assert_eq!(
        (
            got.event_type.as_str(),
            got.trigger.start,
            got.date.as_str()
        ),
        (
            documented.event_type.as_str(),
            documented.trigger.start,
            documented.date.as_str()
        )
    );
    assert_eq!(
        got.actor.as_ref().map(|a| a.start),
        documented.actor.as_ref().map(|a| a.start)
    );
}
