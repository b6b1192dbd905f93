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
        r.full_rate >= 0.75,
        "full match {:.3}; misses: {misses:#?}",
        r.full_rate
    );
    assert!(
        r.extra_per_sentence <= 0.20,
        "extra events per sentence {:.3}",
        r.extra_per_sentence
    );
}
