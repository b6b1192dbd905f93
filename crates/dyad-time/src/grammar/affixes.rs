//! Affixes handled once for all productions: approximators before
//! durations and times ("about", "nearly", "more than", "at least"), fuzzy
//! modifiers before dates ("early", "late", "mid-", "the end of"),
//! "pre-"/"post-" before a date, and bounds or alternatives after an
//! expression ("or so", "or later", "and beyond", "a year or two"). The
//! value stays that of the modified expression; the words set the TIMEX3
//! `mod` ([`Modifier`]).

use super::{best, Ctx, M};
use crate::resolve::Point;
use crate::token::Kind;
use crate::{Modifier, TimexType};

/// Approximators and bounds. Their first words must also be listed in `with_prefix`.
const APPROX: &[&[&str]] = &[
    &["about"],
    &["almost"],
    &["around"],
    &["approximately"],
    &["roughly"],
    &["nearly"],
    &["some"],
    &["more", "than"],
    &["less", "than"],
    &["fewer", "than"],
    &["at", "least"],
    &["at", "most"],
    &["up", "to"],
    &["barely"],
    &["an", "additional"],
    &["close", "to"],
    &["upwards", "of"],
    &["no", "more", "than"],
    &["no", "less", "than"],
    &["not", "more", "than"],
];

/// Fuzzy modifiers. Their first words must also be listed in `with_prefix`.
const FUZZY: &[&[&str]] = &[
    &["early"],
    &["late"],
    &["mid"],
    &["earlier"],
    &["later"],
    &["the", "end", "of"],
    &["the", "beginning", "of"],
    &["the", "start", "of"],
    &["the", "middle", "of"],
    &["end", "of"],
    &["beginning", "of"],
    &["start", "of"],
    &["the", "turn", "of"],
    &["the", "first", "half", "of"],
    &["the", "second", "half", "of"],
    &["the", "last", "half", "of"],
    &["the", "early", "part", "of"],
    &["the", "latter", "part", "of"],
    &["the", "end", "of", "the", "week", "of"],
    &["the", "week", "of"],
    &["mid", "-"],
    &["late", "-"],
    &["early", "-"],
    &["earlier", "in"],
    &["later", "in"],
    &["early", "in"],
    &["late", "in"],
    &["the", "early"],
    &["the", "late"],
    &["the", "mid"],
    &["the", "mid", "-"],
    &["sometime"],
];

fn prefix_len(c: &Ctx, i: usize, table: &[&[&str]]) -> usize {
    let mut best = 0;
    for p in table {
        if p.len() > best && p.iter().enumerate().all(|(k, w)| c.w(i + k) == *w) {
            best = p.len();
        }
    }
    best
}

/// The `mod` of the `p` prefix words at token `i`.
fn prefix_mod(c: &Ctx, i: usize, p: usize) -> Option<Modifier> {
    let mut words = [""; 6];
    for (k, w) in words.iter_mut().enumerate().take(p) {
        *w = c.w(i + k);
    }
    Modifier::of_prefix(&words[..p.min(6)])
}

/// Whether `w` can start a prefix: the first words of [`APPROX`], [`FUZZY`] and
/// "pre-"/"post-" (a fast test, since [`with_prefix`] runs at every token).
fn starts_prefix(w: &str) -> bool {
    matches!(
        w,
        "about"
            | "almost"
            | "around"
            | "approximately"
            | "roughly"
            | "nearly"
            | "some"
            | "more"
            | "less"
            | "fewer"
            | "at"
            | "up"
            | "barely"
            | "an"
            | "close"
            | "upwards"
            | "no"
            | "not"
            | "early"
            | "late"
            | "mid"
            | "earlier"
            | "later"
            | "the"
            | "end"
            | "beginning"
            | "start"
            | "sometime"
            | "post"
            | "pre"
    )
}

/// The longest match at `i` that starts with an approximator, a fuzzy
/// modifier or "pre-"/"post-", with its `mod`.
pub(super) fn with_prefix(c: &Ctx, i: usize) -> Option<M> {
    // Called at every token: most words start no prefix.
    if !starts_prefix(c.w(i)) {
        return None;
    }
    // "post-1959", "pre-war" is no date; "pre-1990" is BEFORE 1990
    if c.any(i, &["post", "pre"]) && c.w(i + 1) == "-" && c.glued(i + 1) && c.glued(i + 2) {
        let m = best(c, i + 2)?;
        if m.kind != TimexType::Date || m.point.is_none() {
            return None;
        }
        let md = if c.w(i) == "post" {
            Modifier::After
        } else {
            Modifier::Before
        };
        return Some(m.with_mod(md));
    }
    let p = prefix_len(c, i, APPROX);
    if p > 0 {
        if let Some(m) = best(c, i + p) {
            let ago_only = matches!(c.w(i), "about" | "almost");
            let ok = match m.kind {
                _ if ago_only => c.w(m.end - 1) == "ago",
                TimexType::Duration | TimexType::Time => true,
                TimexType::Date => {
                    c.w(m.end - 1) == "ago"
                        || c.w(m.end - 1) == "earlier"
                        || c.w(m.end - 1) == "later"
                }
                TimexType::Set => false,
            };
            let over_ok = !matches!(
                c.w(i),
                "over" | "under" | "only" | "just" | "some" | "another"
            ) || c.kind(i + p) == Some(Kind::Num)
                || c.e(i + p).is_some_and(|e| e.card.is_some())
                || matches!(c.w(i + p), "a" | "an");
            if ok && over_ok {
                let md = prefix_mod(c, i, p).or(m.modifier);
                return Some(M { modifier: md, ..m });
            }
        }
    }
    let p = prefix_len(c, i, FUZZY);
    if p > 0 {
        let w = c.w(i + p - 1);
        if w == "-" && !c.glued(i + p - 1) {
            return None;
        }
        // "Earlier Friday, ..." relates an event to the day; the day is the
        // expression (TimeML keeps "early"/"late", which modify the day)
        if p == 1 && matches!(w, "earlier" | "later") && c.e(i + 1).is_some_and(|e| e.weekday > 0) {
            return None;
        }
        if let Some(mut m) = best(c, i + p) {
            if matches!(m.kind, TimexType::Date | TimexType::Time) && m.point.is_some() {
                if c.w(i + 1) == "week" {
                    if let Some(d) = m.point.and_then(|p| p.first_day()) {
                        let wk = crate::resolve::week_of(d);
                        m.value = wk.value();
                        m.point = Some(wk);
                    }
                }
                m.modifier = prefix_mod(c, i, p).or(m.modifier);
                if let (Some(Point::Year(y)), "half") = (m.point, c.w(i + 2)) {
                    let h = if c.w(i + 1) == "first" { 1 } else { 2 };
                    m.point = Some(Point::Half(y, h));
                    m.value = format!("{y:04}-H{h}");
                    m.modifier = None;
                }
                return Some(m);
            }
        }
    }
    None
}

/// "two years or so", "1994 or later", "1990 and beyond": a bound or an
/// approximation after the expression joins its extent as its `mod`.
pub(super) fn with_suffix(c: &Ctx, m: M) -> M {
    use Modifier::*;
    let (a, b) = (c.w(m.end), c.w(m.end + 1));
    let dur = m.kind == TimexType::Duration;
    let date = matches!(m.kind, TimexType::Date | TimexType::Time) && m.point.is_some();
    // "a year or two", "weeks or months", "recent weeks and months": one
    // vague length
    let number =
        c.kind(m.end + 1) == Some(Kind::Num) || c.e(m.end + 1).is_some_and(|e| e.card.is_some());
    let alt = (number && c.unit(m.end + 2).is_none())
        || c.unit(m.end + 1).is_some_and(|(_, plural)| plural)
            && c.unit(m.end - 1).is_some_and(|(_, p)| p);
    if dur && matches!(a, "or" | "and") && alt && c.kind(m.end + 1) != Some(Kind::Punct) {
        let md = (a == "or" && !number).then_some(Approx).or(m.modifier);
        return M {
            end: m.end + 2,
            modifier: md,
            ..m
        };
    }
    let md = match (a, b) {
        ("or", "so") if dur || date => Approx,
        ("or", "more" | "longer") if dur => EqualOrMore,
        ("or", "less" | "fewer" | "shorter") if dur => EqualOrLess,
        ("or", "earlier" | "before") if date => OnOrBefore,
        ("or", "later" | "after") | ("and", "beyond") if date => OnOrAfter,
        _ => return m,
    };
    M {
        end: m.end + 2,
        modifier: Some(md),
        ..m
    }
}

#[cfg(test)]
mod tests {
    /// The fast first-word test of `with_prefix` admits every table entry.
    #[test]
    fn first_word_filter_covers_the_tables() {
        for p in super::APPROX.iter().chain(super::FUZZY) {
            assert!(super::starts_prefix(p[0]), "{:?} missing", p[0]);
        }
        assert!(super::starts_prefix("pre") && super::starts_prefix("post"));
        assert!(!super::starts_prefix("president"));
    }
}
