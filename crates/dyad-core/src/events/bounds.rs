//! Where phrases and clauses end, and when two mentions are one actor: the preposition
//! before a mention, report verbs, the end of a complement clause and of a verb's object,
//! and the `same_actor` / `rival_groups` tests the role rules and the coder share.

use super::words::QUANTITY;
use crate::clause::{PREPS, REPORT};
use crate::mentions::{Mention, MentionKind};
use crate::text::Token;

/// Whether the mention at `m` sits right after a preposition (skipping determiners).
pub fn prep_before<'t>(tokens: &'t [Token], first: usize, m: &Mention) -> Option<&'t str> {
    let mut j = m.first;
    while j > first
        && matches!(
            tokens[j - 1].norm.as_str(),
            "the"
                | "a"
                | "an"
                | "both"
                | "neighbouring"
                | "neighboring"
                | "occupied"
                | "central"
                | "southern"
                | "northern"
                | "eastern"
                | "western"
                | "northeast"
                | "northwest"
                | "southeast"
                | "southwest"
                | "northeastern"
                | "northwestern"
                | "southeastern"
                | "southwestern"
                | "war-torn"
                | "besieged"
        )
    {
        j -= 1;
    }
    let quantity = j >= first + 2
        && tokens[j - 1].norm == "of"
        && QUANTITY.contains(&tokens[j - 2].norm.as_str());
    if j > first && PREPS.contains(&tokens[j - 1].norm.as_str()) && !quantity {
        Some(tokens[j - 1].norm.as_str())
    } else {
        None
    }
}

/// Whether the token range holds a report verb (a reporting clause).
pub fn is_report(t: &Token) -> bool {
    REPORT.contains(&t.norm.as_str())
}

/// Two distinct mentions of one country and sector, the second an unnamed group: the
/// target of the first's force or coercion is another group ("soldiers arrested officers").
pub fn rival_groups(a: &Mention, m: &Mention) -> bool {
    m.kind == MentionKind::Direct
        // "Iran said it had executed a man": a pronoun for a state stands for it.
        && (a.kind == MentionKind::Direct || a.kind == MentionKind::Pronoun && a.sector.is_none())
        && m.name.is_none()
        && m.role.is_none()
        && m.group != a.group
        && m.sector.is_some()
}

/// A state acting on its own people: "Belarus freed 14 political prisoners" is BLR>BLR, not
/// the state twice.
pub fn domestic_target(a: &Mention, m: &Mention) -> bool {
    a.sector.is_none()
        && !a.place_like
        // A state, not its people ("Israelis rallied ...").
        && !a.plural
        && matches!(a.kind, MentionKind::Direct | MentionKind::Pronoun)
        && m.kind == MentionKind::Direct
        && m.name.is_none()
        && m.sector.as_deref().is_some_and(super::words::non_state)
}

/// Two mentions that code the same actor (same country, compatible sectors).
pub fn same_actor(a: &Mention, b: &Mention) -> bool {
    if a.first == b.first && a.last == b.last && a.country == b.country {
        return true;
    }
    // A place is not its own government: "forces bombarded towns in Idlib".
    if a.place_like && a.sector.is_none() || b.place_like && b.sector.is_none() {
        return false;
    }
    if a.name.is_some() && a.name == b.name {
        return true;
    }
    a.country == b.country
        && (a.sector.is_none() || b.sector.is_none() || a.sector == b.sector)
        && a.country.is_some()
}

/// Where a complement clause ends: the sentence end, a semicolon, a reporting clause, or
/// an "after" clause with a subject of its own ("threatened retaliation after the EU
/// imposed tariffs": the tariffs are an event of their own).
pub(super) fn complement_end(tokens: &[Token], from: usize, last: usize) -> usize {
    let mut i = from + 1;
    while i < last {
        let w = tokens[i].norm.as_str();
        if matches!(
            w,
            ";" | ":" | "but" | "while" | "whereas" | "although" | "though" | "("
        ) {
            return i;
        }
        if w == "after" && clause_follows(tokens, i + 1, last) {
            return i;
        }
        // "Rwanda, which denies backing the rebels, was hit with sanctions": a comma and an
        // auxiliary close a relative clause; the main predicate resumes.
        if w == ","
            && tokens.get(i + 1).is_some_and(|t| {
                matches!(
                    t.norm.as_str(),
                    "was" | "were" | "is" | "are" | "has" | "have" | "had" | "will" | "would"
                )
            })
        {
            return i;
        }
        if w == "," && i + 1 < last {
            // ", X said" / ", according to"
            let rest = &tokens[i + 1..last.min(i + 8)];
            if rest.iter().any(is_report) || rest.first().is_some_and(|t| t.norm == "according") {
                return i;
            }
        }
        i += 1;
    }
    last
}

/// Whether a finite clause starts at `from`: a subject (a capitalised name or a determiner
/// and noun) followed within six words by a past-tense or auxiliary verb, before any
/// punctuation.
fn clause_follows(tokens: &[Token], from: usize, last: usize) -> bool {
    let Some(t) = tokens.get(from).filter(|_| from < last) else {
        return false;
    };
    if !(t.cap || matches!(t.norm.as_str(), "the" | "a" | "an" | "its" | "their")) {
        return false;
    }
    tokens[from + 1..last.min(from + 7)]
        .iter()
        .take_while(|t| !t.punct)
        .any(|t| {
            !t.cap
                && (t.norm.ends_with("ed")
                    || crate::lexicon::triggers::irregular_past(&t.norm)
                    || matches!(t.norm.as_str(), "was" | "were" | "had" | "has" | "have"))
        })
}

/// Where the object search stops: a relative clause, a semicolon, a reporting clause.
pub(super) fn object_end(tokens: &[Token], from: usize, last: usize) -> usize {
    let mut i = from;
    while i < last {
        let w = tokens[i].norm.as_str();
        if w == "that" && i > from + 1 {
            return i;
        }
        if matches!(
            w,
            ";" | ":"
                | "who"
                | "which"
                | "whom"
                | "whose"
                | "while"
                | "but"
                | "because"
                | "although"
                | "after"
                | "as"
                | "when"
                | "since"
                | "so"
                | "if"
                | "unless"
                | "until"
                | "despite"
                | "following"
                | "amid"
        ) {
            return i;
        }
        if w == "," && i + 1 < last {
            let rest = &tokens[i + 1..last.min(i + 8)];
            if rest.iter().any(is_report)
                || rest.first().is_some_and(|t| {
                    matches!(
                        t.norm.as_str(),
                        "according" | "saying" | "which" | "who" | "where" | "adding"
                    ) || t.norm.ends_with("ing") && !PREPS.contains(&t.norm.as_str())
                })
                // ", a move condemned by ...": an appositive about the whole clause.
                || matches!(rest.first().map(|t| t.norm.as_str()), Some("a" | "an"))
                    && rest.get(1).is_some_and(|t| {
                        matches!(
                            t.norm.as_str(),
                            "move" | "decision" | "step" | "measure" | "development" | "gesture"
                        )
                    })
            {
                return i;
            }
        }
        i += 1;
    }
    last
}
