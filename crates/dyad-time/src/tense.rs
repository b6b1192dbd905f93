//! Tense of the clause around a time expression, from cheap cues: modals and
//! auxiliaries ("will", "'ll", "is to", "going to"), future-leaning words
//! ("next", "scheduled", "expected") and past forms ("was", "said", "-ed"
//! verbs, a list of irregular past forms). The nearest cue before the
//! expression wins; if there is none, the nearest one after it. Clause
//! boundaries (sentence punctuation, line breaks) stop the search.

use crate::grammar::Ctx;
use crate::resolve::Lean;
use crate::token::Kind;

#[rustfmt::skip]
const FUTURE: &[&str] = &[
    "will", "shall", "ll", "upcoming", "scheduled", "planning", "tomorrow", "next",
    "forthcoming", "going", "set", "slated", "coming", "effective",
];

#[rustfmt::skip]
const INTENT: &[&str] = &[
    "planned", "plans", "plan", "planning", "expected", "expects", "expect", "scheduled", "due", "hopes", "hoped", "hope",
    "intends", "intended", "wants", "wanted", "aims", "aimed", "agreed", "promised", "vowed", "decided",
    "prepared", "preparing", "ready", "likely", "set",
];

/// Verbs of scheduled events whose present form right before a date points
/// ahead ("Netanyahu and Arafat meet separately Monday", "the council
/// votes Tuesday"): news uses the present for timetabled events.
#[rustfmt::skip]
const SCHEDULED: &[&str] = &[
    "meet", "meets", "visit", "visits", "vote", "votes", "begin", "begins", "start", "starts", "open",
    "opens", "convene", "convenes", "resume", "resumes", "travel", "travels", "arrive", "arrives",
    "return", "returns", "host", "hosts", "depart", "departs", "fly", "flies", "sign", "signs",
    "close", "closes", "expire", "expires", "reconvene", "reconvenes", "testify", "testifies",
];

/// Words before a present verb that make it no finite present ("did not
/// meet", "failed to meet", "could meet") or a noun ("the vote Tuesday",
/// "his visit Monday", "Friday's close").
#[rustfmt::skip]
const NOT_FINITE: &[&str] = &[
    "to", "not", "t", "did", "does", "do", "could", "would", "should", "might", "must", "can", "may",
    "never", "cannot", "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "s", "this",
    "that", "first", "second", "next", "last", "final",
];

#[rustfmt::skip]
const PAST: &[&str] = &[
    "was", "were", "had", "did", "said", "told", "ago", "yesterday", "last", "met", "held", "began", "came",
    "went", "made", "took", "gave", "left", "saw", "found", "fell", "rose", "won", "lost", "got", "sent",
    "spoke", "wrote", "struck", "fought", "led", "brought", "bought", "sold", "thought", "became", "broke",
    "flew", "drew", "ran", "shot", "stood", "kept", "paid", "told", "knew", "grew", "threw", "sought",
    "taught", "caught", "felt", "heard", "meant", "built", "sent", "spent", "swept", "slid", "hit", "quit",
    "earlier", "since", "been", "previously", "recently", "already", "arrived", "began", "ended", "tumbled",
    "agreed", "claimed", "killed",
];

#[rustfmt::skip]
const NOT_PAST_ED: &[&str] = &[
    "need", "speed", "feed", "red", "bed", "hundred", "seed", "indeed", "shed", "breed", "bled", "sled",
    "wed", "united", "based", "scheduled", "expected", "planned", "proposed", "supposed", "limited",
    "related", "used", "called", "armed", "detailed", "embed", "fed", "med", "ted", "ed", "led", "speed",
    "exceed", "proceed", "succeed", "creed", "greed", "weed", "deed", "reed", "bread", "ahead", "dead",
    "head", "lead", "read", "spread", "thread", "instead", "tread",
];

/// The direction to resolve an underspecified expression spanning tokens
/// `[start, end)`: the previous occurrence in a past clause, the next one in
/// a future clause, `default` when there is no cue.
pub fn lean(c: &Ctx, start: usize, end: usize, default: Lean) -> Lean {
    // "until Tuesday", "as early as Tuesday", "by Friday"
    let p = if c.w(start.wrapping_sub(1)) == "on" {
        start.wrapping_sub(2)
    } else {
        start.wrapping_sub(1)
    };
    // "ahead of the weekend"
    let ahead = c.w(p) == "of" && c.w(p.wrapping_sub(1)) == "ahead";
    // "before Friday's purchases" dates an event, not a deadline
    let possessive = c.any(end, &["'", "’"]) && c.w(end + 1) == "s";
    if (c.any(p, &["until", "till", "before"]) && !possessive
        || ahead
        || (c.w(p) == "as" && c.any(p.wrapping_sub(1), &["soon", "early"])))
        && !past_perfect(c, start, end)
    {
        return Lean::Future;
    }
    if scheduled_present(c, p) {
        return Lean::Future;
    }
    let mut k = start;
    let mut steps = 0;
    while k > 0 && steps < 12 {
        k -= 1;
        steps += 1;
        if boundary(c, k) {
            break;
        }
        if let Some(l) = cue(c, k, true) {
            return l;
        }
        if c.tok(k + 1).is_some_and(|t| t.newline) {
            break;
        }
    }
    let mut k = end;
    steps = 0;
    while k < c.len() && steps < 12 {
        if boundary(c, k) || c.tok(k).is_some_and(|t| t.newline) {
            break;
        }
        if let Some(l) = cue(c, k, false) {
            return l;
        }
        k += 1;
        steps += 1;
    }
    default
}

/// True when token `p`, just before an expression (an adverb in *-ly*
/// may stand between), is a present form of a scheduling verb
/// ("meet separately Monday").
fn scheduled_present(c: &Ctx, p: usize) -> bool {
    let p = if c.w(p).len() > 4 && c.w(p).ends_with("ly") {
        p.wrapping_sub(1)
    } else {
        p
    };
    SCHEDULED.contains(&c.w(p)) && !NOT_FINITE.contains(&c.w(p.wrapping_sub(1)))
}

/// True when the clause around `[start, end)` has a past perfect ("had"),
/// which dates the whole clause before the DCT ("until Thursday, they had
/// not called him a suspect").
fn past_perfect(c: &Ctx, start: usize, end: usize) -> bool {
    let mut k = start;
    while k > 0 && start - k < 12 {
        k -= 1;
        if boundary(c, k) {
            break;
        }
        if c.w(k) == "had" {
            return true;
        }
    }
    let mut k = end;
    while k < c.len() && k - end < 8 && !boundary(c, k) {
        if c.w(k) == "had" {
            return true;
        }
        k += 1;
    }
    false
}

#[rustfmt::skip]
const ABBR: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "sen", "rep", "gov", "corp", "inc", "co",
    "ltd", "col", "lt", "sgt", "capt", "prof", "rev", "vs", "no", "u", "s", "a", "m", "p",
];

fn boundary(c: &Ctx, k: usize) -> bool {
    let w = c.w(k);
    if w != "." {
        return matches!(w, ";" | "!" | "?" | "\"" | ":" | "“" | "”");
    }
    let prev_word = k > 0 && c.glued(k) && c.kind(k - 1) == Some(Kind::Word);
    let abbrev = prev_word
        && (c.w(k - 1).len() == 1
            || ABBR.contains(&c.w(k - 1))
            || c.e(k - 1).is_some_and(|e| e.abbrev));
    !abbrev
}

/// The cue at token `k`; `before` is true when `k` precedes the expression.
fn cue(c: &Ctx, k: usize, before: bool) -> Option<Lean> {
    let w = c.w(k);
    if c.kind(k) != Some(Kind::Word) {
        return None;
    }
    let apos = |j: usize| c.any(j, &["'", "’"]);
    if w == "ll" && apos(k.wrapping_sub(1)) {
        return Some(Lean::Future);
    }
    // progressive present ("is meeting Wednesday") and "there is/'s" point ahead
    if matches!(w, "is" | "are" | "am") && c.w(k + 1).len() > 4 && c.w(k + 1).ends_with("ing") {
        return Some(Lean::Future);
    }
    if w == "there" && (c.any(k + 1, &["is", "are"]) || (apos(k + 1) && c.w(k + 2) == "s")) {
        return Some(Lean::Future);
    }
    // "would be traveling Thursday"
    if w == "would" && c.w(k + 1) == "be" && c.w(k + 2).len() > 4 && c.w(k + 2).ends_with("ing") {
        return Some(Lean::Future);
    }
    if (w == "is" || w == "are") && c.w(k + 1) == "to" {
        return Some(Lean::Future);
    }
    // "planned to leave on Thursday" points ahead; "on Thursday, X planned to
    // leave" dates the planning, and a past form is then a past cue
    if c.w(k + 1) == "to" && INTENT.contains(&w) && (before || !w.ends_with("ed")) {
        // "had been due to expire Friday" is over
        let had = c.w(k.wrapping_sub(1)) == "had"
            || (c.w(k.wrapping_sub(1)) == "been" && c.w(k.wrapping_sub(2)) == "had");
        return Some(if had { Lean::Past } else { Lean::Future });
    }
    // "planned a demonstration on Saturday": the planned event lies ahead
    if before && matches!(w, "planned" | "scheduled") && c.any(k + 1, &["a", "an"]) {
        return Some(Lean::Future);
    }
    if w == "going" && c.w(k + 1) != "to" {
        return None;
    }
    if w == "set" && c.w(k + 1) != "to" {
        return None;
    }
    // "next to the embassy" is a place
    if w == "next" && c.w(k + 1) == "to" {
        return None;
    }
    if FUTURE.contains(&w) {
        return Some(Lean::Future);
    }
    // a participle after "be" ("will be named", "is to be held") takes the
    // tense of the auxiliary before it
    if c.w(k.wrapping_sub(1)) == "be" {
        let aux = c.w(k.wrapping_sub(2));
        if aux == "to" {
            // "expected to be named" is ahead, "had to be evacuated" is over
            let v = c.w(k.wrapping_sub(3));
            let past =
                !INTENT.contains(&v) && (PAST.contains(&v) || (v.len() > 4 && v.ends_with("ed")));
            return Some(if past { Lean::Past } else { Lean::Future });
        }
        return matches!(aux, "will" | "shall" | "ll").then_some(Lean::Future);
    }
    if PAST.contains(&w) {
        return Some(Lean::Past);
    }
    if w.len() > 4 && w.ends_with("ed") && !NOT_PAST_ED.contains(&w) {
        return Some(Lean::Past);
    }
    None
}
