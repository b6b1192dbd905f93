//! Durations and what follows them: "48 hours", "a decade", "two-year",
//! "the past three years", "the first nine months", "several months" (PXM),
//! "two years ago" (a DATE), "a year earlier" (a DATE relative to the last
//! period mentioned, with an event anchor), "two days after the summit" (a
//! DURATION with an event anchor on the summit), and rates ("$5 a year",
//! a SET).

use super::relative::phrase_follows;
use super::{Anch, Ctx, M};
use crate::numbers::qty;
use crate::resolve::{Gran, Point};
use crate::token::Kind;
use crate::{Direction, TimexType};
use chrono::{Datelike, Duration};

#[rustfmt::skip]
const LEAD: &[&str] = &[
    "past", "last", "next", "coming", "previous", "first", "final", "latest", "remaining", "following",
    "initial", "preceding", "ensuing", "same", "intervening", "subsequent", "full", "entire", "whole",
];
#[rustfmt::skip]
const FILL: &[&str] = &[
    "more", "additional", "straight", "consecutive", "full", "long", "trading", "business", "working",
    "calendar", "extra", "further", "successive", "short",
];
#[rustfmt::skip]
const DETERMINERS: &[&str] = &[
    "the", "those", "these", "their", "its", "his", "her", "our", "my", "your", "whose", "what",
    "which", "first", "last", "early", "final", "closing", "opening", "many", "several", "few",
];
#[rustfmt::skip]
const BARE_BEFORE: &[&str] = &[
    "for", "within", "over", "took", "last", "lasted", "spent", "spend", "in",
];

/// Unit at `j` after a quantity: (unit, plural, end) skipping filler adjectives.
pub(super) fn unit_at(c: &Ctx, mut j: usize) -> Option<(Gran, bool, usize)> {
    let mut n = 0;
    while c.any(j, FILL) && n < 2 {
        j += 1;
        n += 1;
    }
    let (u, pl) = c.unit(j)?;
    if c.kind(j) != Some(Kind::Word) {
        return None;
    }
    Some((u, pl, j + 1))
}

/// Plural-noun or number context before "a day" / "a year" makes it a rate (SET).
fn rate_context(c: &Ctx, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let p = c.w(i - 1);
    if c.kind(i - 1) == Some(Kind::Num)
        || matches!(
            p,
            "%" | "percent"
                | "times"
                | "once"
                | "twice"
                | "thrice"
                | "million"
                | "billion"
                | "trillion"
                | "thousand"
                | "hundred"
                | "dollars"
                | "cents"
        )
    {
        return true;
    }
    // "one day a week", "24 hours a day", "five days a week"
    if c.unit(i - 1).is_some() && c.kind(i.wrapping_sub(2)).is_some_and(|k| k == Kind::Num)
        || (c.unit(i - 1).is_some() && c.e(i.wrapping_sub(2)).is_some_and(|e| e.card.is_some()))
    {
        return true;
    }
    c.kind(i - 1) == Some(Kind::Word)
        && p.len() > 3
        && p.ends_with('s')
        && !p.ends_with("ss")
        && !matches!(
            p,
            "this"
                | "was"
                | "has"
                | "is"
                | "its"
                | "yes"
                | "thus"
                | "perhaps"
                | "always"
                | "nearly"
                | "less"
                | "plus"
                | "unless"
                | "whereas"
                | "towards"
                | "afterwards"
                | "sometimes"
                | "besides"
                | "news"
                | "various"
                | "previous"
                | "serious"
                | "famous"
                | "obvious"
        )
}

/// Durations, with ago / earlier / later / before / after, and rates.
pub fn duration(c: &Ctx, i: usize) -> Option<M> {
    let w = c.w(i);
    // the past three years / the first nine months / the nine months
    if w == "the" {
        // "over the years", "in the years that followed"
        if c.w(i + 1) == "years"
            && (c.w(i.wrapping_sub(1)) == "over" || c.any(i + 2, &["that", "since", "following"]))
        {
            return Some(M::lit(i + 2, TimexType::Duration, "PXY"));
        }
        let j = if c.any(i + 1, LEAD) { i + 2 } else { i + 1 };
        if c.any(j, &["a", "an"]) {
            return None;
        }
        if j == i + 2 && c.any(i + 1, &["coming", "next", "following"]) {
            if let Some((u, true, k)) = unit_at(c, j) {
                if c.w(i + 1) == "coming" {
                    return Some(M::lit(k, TimexType::Date, "FUTURE_REF"));
                }
                return Some(M::lit(k, TimexType::Duration, u.duration(None)));
            }
        }
        if let Some((u, true, k)) = unit_at(c, i + 1) {
            if c.w(k) == "ahead" {
                return Some(M::lit(k + 1, TimexType::Duration, u.duration(None)));
            }
        }
        if j == i + 2 && c.any(i + 1, &["past", "last", "previous", "recent"]) {
            if let Some((u, true, k)) = unit_at(c, j) {
                return Some(M::lit(k, TimexType::Duration, u.duration(None)));
            }
        }
        let q = qty(c, j)?;
        if q.article {
            return None;
        }
        let (u, _, k) = unit_at(c, q.end)?;
        if q.val.is_some_and(|v| v >= 1000.0) {
            return None;
        }
        if c.w(k) == "ahead" {
            return Some(M::lit(k + 1, TimexType::Duration, u.duration(q.val)));
        }
        let m = if j == i + 2 {
            M::lit(k, TimexType::Duration, u.duration(q.val))
        } else {
            follow(c, i, k, u, q.val, false)
        };
        return Some(year_to_date(c, m, u, q.val));
    }
    // past/last/next N units without "the"
    if c.any(i, &["past", "last", "next", "coming", "first", "previous"]) {
        // "will last a few months": "last" is the verb
        let verb = w == "last" && c.any(i + 1, &["a", "an", "for", "until", "through"]);
        if let Some(q) = qty(c, i + 1).filter(|q| !q.article && !verb) {
            let (u, _, k) = unit_at(c, q.end)?;
            return Some(M::lit(k, TimexType::Duration, u.duration(q.val)));
        }
    }
    if matches!(w, "recent" | "coming") {
        let (u, pl, k) = unit_at(c, i + 1)?;
        if !pl {
            return None;
        }
        if w == "coming" {
            return Some(M::lit(k, TimexType::Date, "FUTURE_REF"));
        }
        if u == Gran::Year {
            // "in recent years" is annotated as a vague past date
            return Some(M::lit(k, TimexType::Date, "PAST_REF"));
        }
        return Some(M::lit(k, TimexType::Duration, u.duration(None)));
    }
    // "day-long", "decades-long", bare plurals after "for"
    if let Some((u, pl)) = c.unit(i) {
        if c.w(i + 1) == "-" && c.glued(i + 1) && c.w(i + 2) == "long" && c.glued(i + 2) {
            return Some(M::lit(
                i + 3,
                TimexType::Duration,
                u.duration(if pl { None } else { Some(1.0) }),
            ));
        }
        if pl
            && u >= Gran::Hour
            && c.any(i + 1, &["before", "after", "ago", "earlier", "later"])
            && c.kind(i.wrapping_sub(1)) == Some(Kind::Word)
            && !c.any(i.wrapping_sub(1), LEAD)
        {
            return Some(follow(c, i, i + 1, u, None, false));
        }
        // "after weeks of protests", "follows months of twists and turns"
        if pl
            && u >= Gran::Day
            && c.w(i + 1) == "of"
            && c.kind(i.wrapping_sub(1)) == Some(Kind::Word)
            && c.e(i.wrapping_sub(1)).is_none_or(|e| e.card.is_none())
            && !c.any(i.wrapping_sub(1), DETERMINERS)
        {
            return Some(M::lit(i + 1, TimexType::Duration, u.duration(None)));
        }
        if pl
            && u >= Gran::Hour
            && c.any(i.wrapping_sub(1), BARE_BEFORE)
            && !c.any(i + 1, &["of", "-"])
        {
            return Some(follow(c, i, i + 1, u, None, false));
        }
        return None;
    }
    let mut q = qty(c, i)?;
    if c.any(q.end, &["to", "or", "-", "and"]) && !q.article {
        if let Some(q2) = qty(c, q.end + 1) {
            if !q2.article
                && c.unit(q2.end).is_some()
                && !(c.w(q.end) == "-" && c.w(q2.end + 1) == "-")
            {
                q = crate::numbers::Qty {
                    end: q2.end,
                    val: q.val,
                    article: false,
                };
            }
        }
    }
    // two-year, 16-hour
    if c.w(q.end) == "-" && c.glued(q.end) && !q.article {
        let (u, pl) = c.unit(q.end + 1)?;
        if pl && !c.any(q.end + 2, &["-"]) {
            return None;
        }
        let mut k = q.end + 2;
        if c.w(k) == "-" && c.w(k + 1) == "old" {
            return None;
        }
        if c.w(k) == "-" && c.w(k + 1) == "long" && c.glued(k) {
            k += 2;
        }
        return Some(M::lit(k, TimexType::Duration, u.duration(q.val)));
    }
    let (u, _, mut k) = unit_at(c, q.end)?;
    // a quoted title: CBS's "60 Minutes"
    if c.cap(k - 1) && c.glued(i) && c.any(i.wrapping_sub(1), &["\"", "“", "'", "‘", "`"]) {
        return None;
    }
    if (c.w(k) == "-" && c.glued(k)) || c.w(k) == "old" {
        return None;
    }
    if q.article
        && (u == Gran::Second || (u == Gran::Quarter && !c.any(k, &["ago", "earlier", "later"])))
    {
        return None;
    }
    if u == Gran::Quarter && c.w(k) == "of" && q.val.is_some() {
        return None;
    }
    let mut val = q.val;
    if c.w(k) == "and" && c.w(k + 1) == "a" && c.w(k + 2) == "half" {
        val = val.map(|v| v + 0.5);
        k += 3;
    }
    if q.article
        && rate_context(c, i)
        && !c.any(k, &["ago", "earlier", "later", "before", "after", "from"])
    {
        return Some(M::lit(k, TimexType::Set, u.duration(Some(1.0))));
    }
    if q.val.is_some_and(|v| v > 1000.0) && c.kind(i) == Some(Kind::Num) && u >= Gran::Year {
        return None;
    }
    Some(follow(c, i, k, u, val, q.article))
}

/// "the nine months", "the first six months": a reporting period within the
/// year, which "a year earlier" then compares with the year before (the
/// duration keeps its value; only the reference for anaphora changes).
fn year_to_date(c: &Ctx, mut m: M, u: Gran, val: Option<f64>) -> M {
    if m.kind == TimexType::Duration
        && m.anchor.is_none()
        && u == Gran::Month
        && val.is_some_and(|v| (2.0..12.0).contains(&v))
    {
        m.point = Some(Point::Year(c.dct.year()));
    }
    m
}

/// What follows "N units" at token `k`: ago, earlier/later, before/after, from now.
fn follow(c: &Ctx, _i: usize, k: usize, u: Gran, val: Option<f64>, _article: bool) -> M {
    // "a week or so ago"
    let or_so = c.w(k) == "or" && c.w(k + 1) == "so" && c.any(k + 2, &["ago", "earlier", "later"]);
    let k = if or_so { k + 2 } else { k };
    let m = follow_at(c, k, u, val);
    if or_so {
        m.with_mod(crate::Modifier::Approx)
    } else {
        m
    }
}

/// [`follow`] once "or so" is skipped.
fn follow_at(c: &Ctx, k: usize, u: Gran, val: Option<f64>) -> M {
    let n = val.map(|v| v.round() as i64);
    let dur = u.duration(val);
    match c.w(k) {
        "ago" | "back" if c.w(k) == "ago" || !phrase_follows(c, k + 1) => {
            let Some(n) = n else {
                return M::lit(k + 1, TimexType::Date, "PAST_REF");
            };
            ago(c, k + 1, u, -n).unwrap_or_else(|| M::lit(k + 1, TimexType::Duration, dur))
        }
        "from" if c.w(k + 1) == "now" => {
            let Some(n) = n else {
                return M::lit(k + 2, TimexType::Date, "FUTURE_REF");
            };
            ago(c, k + 2, u, n).unwrap_or_else(|| M::lit(k + 2, TimexType::Duration, dur))
        }
        "earlier" | "later" | "before" | "after" | "previously" | "afterward" | "afterwards"
        | "prior" | "since" => {
            let w = c.w(k);
            let dir = if matches!(w, "earlier" | "before" | "previously" | "prior") {
                Direction::Before
            } else {
                Direction::After
            };
            let with_phrase = match w {
                "before" | "after" => phrase_follows(c, k + 1),
                "prior" => c.w(k + 1) == "to",
                "since" => {
                    return M::lit(k, TimexType::Duration, dur);
                }
                _ => false,
            };
            if with_phrase {
                let at = if w == "prior" { k + 2 } else { k + 1 };
                let mut m = M::lit(k, TimexType::Duration, dur);
                m.anchor = Some(Anch {
                    amount: n,
                    unit: u,
                    dir,
                    at: Some(at),
                });
                return m;
            }
            let sign = if dir == Direction::Before { -1 } else { 1 };
            let mut m = match n {
                Some(n) if u >= Gran::Day => {
                    let base = c.reference(u);
                    match base.shift(u, sign * n) {
                        Some(p) => M::date(k + 1, p).deictic(),
                        None => M::lit(k + 1, TimexType::Duration, dur),
                    }
                }
                _ => M::lit(k + 1, TimexType::Duration, dur),
            };
            m.anchor = Some(Anch {
                amount: n,
                unit: u,
                dir,
                at: None,
            });
            m
        }
        _ => M::lit(k, TimexType::Duration, dur),
    }
}

/// The date `n` units from the DCT at the unit's granularity.
fn ago(c: &Ctx, end: usize, u: Gran, n: i64) -> Option<M> {
    let d = c.dct;
    let p = match u {
        Gran::Year
            if matches!(
                c.last_past,
                Some(Point::Quarter(..)) | Some(Point::Half(..))
            ) =>
        {
            c.last_past?.shift(Gran::Year, n)?
        }
        Gran::Second | Gran::Minute | Gran::Hour => Point::Day(d),
        Gran::Day => Point::Day(d.checked_add_signed(Duration::try_days(n)?)?),
        Gran::Week => Point::Day(d.checked_add_signed(Duration::try_weeks(n)?)?),
        Gran::Month => Point::Day(d).shift(Gran::Month, n)?,
        Gran::Quarter => Point::Day(d).shift(Gran::Quarter, n)?,
        Gran::Year => Point::Year(d.year() + i32::try_from(n).ok()?),
        Gran::Decade => Point::Year(d.year() + 10 * i32::try_from(n).ok()?),
        Gran::Century => Point::Year(d.year() + 100 * i32::try_from(n).ok()?),
    };
    Some(M::date(end, p).deictic())
}
