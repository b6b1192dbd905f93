//! dyad's own gold sentences (`tests/data/events.jsonl`, written for the project): a
//! regression floor on event coding that needs nothing from `../shared`.

use dyad_core::{eval, Coder};

#[test]
fn own_gold_sentences_are_coded() {
    let golds: Vec<eval::Gold> = include_str!("data/events.jsonl")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .flat_map(|l| eval::parse_gold(l).unwrap())
        .collect();
    let r = eval::evaluate(&Coder::builtin(), &golds);
    let misses: Vec<String> = r
        .outcomes
        .iter()
        .filter(|o| !o.full)
        .map(|o| format!("{} {} {:?}", o.id, o.gold_type, o.coded))
        .collect();
    assert!(
        r.full_rate >= 0.84,
        "full match {:.3}; misses: {misses:#?}",
        r.full_rate
    );
    assert!(
        r.extra_per_sentence <= 0.13,
        "extra events per sentence {:.3}",
        r.extra_per_sentence
    );
}

/// A pronoun that opens its sentence as subject continues the previous sentence's subject,
/// not the person named last ("Putin met Xi ... He accused ..." is Putin).
#[test]
fn sentence_opening_pronoun_is_the_previous_subject() {
    let coder = dyad_core::Coder::builtin();
    let doc = dyad_core::schema::InputDoc {
        id: "c01".into(),
        date: "2025-05-10".into(),
        text: "Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on \
               Thursday. He accused the United States of provoking the conflict in Ukraine."
            .into(),
        title: None,
        source: None,
        url: None,
    };
    let events = coder.code(&doc).unwrap();
    let accuse = events
        .iter()
        .find(|e| e.event_type == "ACCUSE")
        .expect("an ACCUSE event");
    let actor = accuse.actor.as_ref().expect("an actor");
    assert_eq!(actor.country.as_deref(), Some("RUS"));
    assert_eq!(actor.name.as_deref(), Some("Vladimir Putin"));
    assert_eq!(
        accuse.recipient.as_ref().and_then(|r| r.country.as_deref()),
        Some("USA")
    );
}
