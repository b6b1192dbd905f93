//! PLOVER 2.0 event types and their quad classes.

/// The 16 PLOVER 2.0 event types.
pub const PLOVER_TYPES: &[&str] = &[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
];

/// The PLOVER quad class of a type: 1 verbal cooperation, 2 material cooperation,
/// 3 verbal conflict, 4 material conflict (PLOVER manual, "Quad category").
pub fn quad_class(plover: &str) -> u8 {
    match plover {
        "AGREE" | "CONSULT" | "SUPPORT" | "CONCEDE" => 1,
        "COOPERATE" | "AID" | "RETREAT" => 2,
        "REQUEST" | "ACCUSE" | "REJECT" | "THREATEN" => 3,
        _ => 4,
    }
}

/// Older PLOVER type names, as in the 2016 gold standard, mapped to PLOVER 2.0.
pub fn modern_type(t: &str) -> &str {
    match t {
        "DEMAND" => "REQUEST",
        "DISAPPROVE" | "INVESTIGATE" => "ACCUSE",
        "FIGHT" => "ASSAULT",
        other => other,
    }
}
