//! Clause-level cues around a trigger: verb group, negation, modality, passive
//! voice, clause windows and reporting clauses. Shallow, word-based rules: no parser.

use crate::text::Token;

/// How certain the text is that an event happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Modality {
    /// It happened (or is happening).
    Asserted,
    /// It will happen, or someone intends it ("will meet", "vowed to").
    Future,
    /// Someone proposed or offered it.
    Proposed,
    /// It might happen ("could", "if", "unless").
    Hypothetical,
}

impl Modality {
    /// The name used in records.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Future => "future",
            Modality::Proposed => "proposed",
            Modality::Hypothetical => "hypothetical",
        }
    }
}

/// Words of the verb group that may stand between a subject and its verb.
pub const AUX: &[&str] = &[
    "has",
    "have",
    "had",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "being",
    "will",
    "would",
    "shall",
    "should",
    "could",
    "can",
    "may",
    "might",
    "must",
    "did",
    "does",
    "do",
    "not",
    "n't",
    "never",
    "also",
    "again",
    "already",
    "reportedly",
    "allegedly",
    "finally",
    "jointly",
    "formally",
    "officially",
    "publicly",
    "previously",
    "recently",
    "later",
    "then",
    "still",
    "repeatedly",
    "further",
    "once",
    "just",
    "now",
    "today",
    "yesterday",
    "routinely",
    "bluntly",
    "flatly",
    "outright",
    "strongly",
    "sharply",
    "quickly",
    "immediately",
    "effectively",
    "to",
    "'ll",
    "'d",
    "only",
    "even",
    "first",
    "last",
    "apparently",
    "unanimously",
    "separately",
    "personally",
    "openly",
    "swiftly",
    "ever",
];

const BE: &[&str] = &["is", "was", "were", "are", "be", "been", "being", "'s"];

/// Report verbs: their subject is who reported, not who acted.
pub const REPORT: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "reported",
    "reports",
    "report",
    "announced",
    "announces",
    "told",
    "tells",
    "stated",
    "states",
    "added",
    "adds",
    "noted",
    "notes",
    "quoted",
    "confirmed",
    "confirms",
    "wrote",
    "writes",
    "disclosed",
    "revealed",
    "declared",
    "quoting",
    "cited",
    "explained",
    "indicated",
    "concluded",
    "claimed",
];

/// Words that open a new clause: a subject search does not cross them.
const CLAUSE_OPENERS: &[&str] = &[
    ";", ":", "that", "but", "while", "whereas", "because", "although", "though", "after",
    "before", "when", "as", "if", "unless", "since", "until", "where", "who", "which", "whom",
    "whose", "-", "(", ")", "\"",
];

/// Prepositions: a mention right after one is not a subject.
pub const PREPS: &[&str] = &[
    "in",
    "at",
    "from",
    "near",
    "to",
    "for",
    "with",
    "against",
    "on",
    "by",
    "over",
    "between",
    "among",
    "of",
    "into",
    "across",
    "within",
    "inside",
    "outside",
    "under",
    "toward",
    "towards",
    "despite",
    "including",
    "like",
    "via",
    "amid",
    "after",
    "before",
    "during",
    "about",
    "without",
    "upon",
    "onto",
    "through",
    "than",
    "behind",
    "around",
    "along",
    "alongside",
    "beyond",
    "off",
    "past",
    "throughout",
    "opposite",
    "beside",
    "near",
    "across",
];

/// Whether token `i` is "not", "n't", "never" or "no".
fn is_neg(t: &Token) -> bool {
    matches!(t.norm.as_str(), "not" | "n't" | "never" | "no" | "cannot")
}

/// The verb group before a trigger: the auxiliaries and adverbs right before it.
pub fn verb_group(tokens: &[Token], first: usize, trigger: usize) -> std::ops::Range<usize> {
    let mut j = trigger;
    while j > first && AUX.contains(&tokens[j - 1].norm.as_str()) && j + 5 > trigger {
        j -= 1;
    }
    j..trigger
}

/// Negation in the verb group ("did not agree", "never met").
pub fn negated(tokens: &[Token], group: std::ops::Range<usize>) -> bool {
    tokens[group].iter().any(is_neg)
}

/// Modality from the verb group and the clause ("will meet", "could attack", "if").
pub fn modality(
    tokens: &[Token],
    group: std::ops::Range<usize>,
    trigger: usize,
    clause_end: usize,
) -> Modality {
    let g = &tokens[group.clone()];
    let has = |w: &str| g.iter().any(|t| t.norm == w);
    // "is to", "going to", "plans to", "set to" right before the verb.
    let before = |k: usize| {
        group
            .start
            .checked_sub(k)
            .map(|i| tokens[i].norm.as_str())
            .unwrap_or("")
    };
    let planned = has("to")
        && matches!(
            before(1),
            "plans"
                | "planned"
                | "plan"
                | "intends"
                | "intended"
                | "going"
                | "set"
                | "expected"
                | "scheduled"
                | "due"
                | "hopes"
                | "wants"
                | "seeks"
                | "aims"
                | "ready"
                | "prepared"
                | "willing"
                | "poised"
                | "likely"
                | "about"
        );
    let conditional = tokens[trigger..clause_end]
        .iter()
        .any(|t| matches!(t.norm.as_str(), "unless" | "if"));
    if has("could") || has("might") || has("may") || (conditional && (has("will") || has("would")))
    {
        return Modality::Hypothetical;
    }
    if has("will")
        || has("would")
        || has("shall")
        || has("'ll")
        || planned
        || (has("to") && has("is"))
    {
        return Modality::Future;
    }
    Modality::Asserted
}

/// Participles that after "be" and before "in", "to" or "with" describe a state.
const STATIVE: &[&str] = &[
    "engaged",
    "involved",
    "committed",
    "interested",
    "based",
    "located",
    "aimed",
    "dedicated",
    "devoted",
    "used",
    "related",
    "associated",
    "linked",
    "connected",
    "concerned",
    "embroiled",
    "entangled",
    "opposed",
    "accustomed",
    "exposed",
    "bound",
    "tied",
    "allied",
    "aligned",
    "equipped",
    "armed",
    "faced",
    "tasked",
    "familiar",
    "pleased",
    "satisfied",
    "disappointed",
    "frustrated",
    "prepared",
    "determined",
];

/// A passive trigger: a form of "be" in the verb group and a past participle.
pub fn passive(tokens: &[Token], group: std::ops::Range<usize>, trigger: usize) -> bool {
    let w = tokens[trigger].norm.as_str();
    // "were engaged in", "is committed to": a state, not a passive. Other participles
    // stay passive before a place or a cause ("was arrested in Lusaka", "were killed in
    // the attack", "was sent to prison").
    if STATIVE.contains(&w)
        && tokens
            .get(trigger + 1)
            .is_some_and(|t| matches!(t.norm.as_str(), "in" | "to" | "with"))
        && tokens.get(trigger + 2).is_none_or(|t| t.norm != "by")
    {
        return false;
    }
    let participle = w.ends_with("ed")
        || w.ends_with("en")
        || matches!(
            w,
            "held"
                | "met"
                | "hit"
                | "shot"
                | "struck"
                | "fought"
                | "caught"
                | "sent"
                | "told"
                | "put"
                | "cut"
                | "led"
                | "left"
                | "kept"
                | "won"
                | "lost"
                | "sold"
                | "bought"
                | "brought"
                | "built"
        );
    participle && tokens[group].iter().any(|t| BE.contains(&t.norm.as_str()))
}

/// The clause around token `i` within `[first, last)`: (start, end).
pub fn clause_bounds(tokens: &[Token], first: usize, last: usize, i: usize) -> (usize, usize) {
    let mut s = i;
    while s > first && !CLAUSE_OPENERS.contains(&tokens[s - 1].norm.as_str()) {
        s -= 1;
    }
    let mut e = i + 1;
    while e < last && !CLAUSE_OPENERS.contains(&tokens[e].norm.as_str()) {
        e += 1;
    }
    (s, e)
}

/// A past-tense or past-participle verb group with no "has/have" (narrative past).
pub fn simple_past(tokens: &[Token], group: std::ops::Range<usize>, trigger: usize) -> bool {
    let g = &tokens[group];
    let perfect = g.iter().any(|t| matches!(t.norm.as_str(), "has" | "have"));
    let present = g
        .iter()
        .any(|t| matches!(t.norm.as_str(), "is" | "are" | "will" | "would"));
    let w = tokens[trigger].norm.as_str();
    !perfect
        && !present
        && (w.ends_with("ed")
            || g.iter()
                .any(|t| matches!(t.norm.as_str(), "was" | "were" | "had" | "did"))
            || !w.ends_with('s'))
}
