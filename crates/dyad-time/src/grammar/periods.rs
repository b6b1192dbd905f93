//! Business periods and seasons: "the third quarter", "third-quarter",
//! "Q3 2023", "the fiscal first quarter", "the 1988 second quarter", "this
//! year's third quarter", "the first half of 1989", "the latest quarter",
//! "the year-earlier quarter", "year-ago", and "last fall", "the summer of
//! 1998", "this winter".

use super::{Ctx, M};
use crate::resolve::{quarter_of, Gran, Lean, Point};
use crate::token::Kind;
use chrono::Datelike;

/// Year given in front: "1988", "this year's", "last year's", "next year's", "fiscal".
fn year_prefix(c: &Ctx, i: usize) -> (Option<i32>, usize) {
    if let Some((y, j)) = super::dates::year_at(c, i) {
        return (Some(y), j);
    }
    let y = c.dct.year();
    if c.w(i + 1) == "year" && c.w(i + 2) == "'" && c.w(i + 3) == "s" {
        match c.w(i) {
            "this" => return (Some(y), i + 4),
            "last" => return (Some(y - 1), i + 4),
            "next" => return (Some(y + 1), i + 4),
            _ => {}
        }
    }
    (None, i)
}

/// Year given after: "of 1989", ", 1989", "1989", "of this year", "of fiscal 1989".
fn year_suffix(c: &Ctx, i: usize) -> Option<(i32, usize)> {
    let j = if c.any(i, &["of", ","]) { i + 1 } else { i };
    let j = if c.w(j) == "fiscal" { j + 1 } else { j };
    if let Some(r) = super::dates::year_at(c, j).or_else(|| super::dates::spoken(c, j)) {
        return Some(r);
    }
    if c.w(i) == "of" && c.w(j + 1) == "year" {
        let y = c.dct.year();
        return match c.w(j) {
            "this" | "the" => Some((y, j + 2)),
            "last" => Some((y - 1, j + 2)),
            "next" => Some((y + 1, j + 2)),
            _ => None,
        };
    }
    None
}

fn year_ago(c: &Ctx, i: usize) -> Option<usize> {
    (c.any(i, &["year", "year-ago"])
        && c.w(i + 1) == "-"
        && c.any(i + 2, &["ago", "earlier"])
        && c.glued(i + 1))
    .then_some(i + 3)
}

fn prev_quarter(c: &Ctx) -> Point {
    match c.last_past {
        Some(p @ Point::Quarter(..)) | Some(p @ Point::Half(..)) => p,
        _ => quarter_of(c.dct)
            .shift(Gran::Quarter, -1)
            .unwrap_or(quarter_of(c.dct)),
    }
}

/// Quarters and halves.
pub fn quarter(c: &Ctx, i: usize) -> Option<M> {
    let the = c.w(i) == "the";
    let mut j = if the { i + 1 } else { i };
    // year-ago / year-earlier used alone, or before quarter/period
    if let Some(k) = year_ago(c, j) {
        if c.any(
            k,
            &["quarter", "period", "third", "second", "first", "fourth"],
        ) {
            let (q, k2) = ordinal_q(c, k)
                .map(|(q, h, e)| (Some((q, h)), e))
                .unwrap_or((None, k + 1));
            let base = match q {
                Some((q, false)) => Point::Quarter(c.dct.year(), q),
                Some((h, true)) => Point::Half(c.dct.year(), h),
                None => prev_quarter(c),
            };
            return Some(M::date(k2, base.shift(Gran::Year, -1)?).deictic());
        }
        if the {
            return None;
        }
        let base = c.last_past.unwrap_or(Point::Year(c.dct.year()));
        let base = if base.gran() < Gran::Month {
            Point::Year(base.year())
        } else {
            base
        };
        return Some(M::date(k, base.shift(Gran::Year, -1)?).deictic());
    }
    if the
        && c.any(
            j,
            &[
                "latest", "current", "previous", "prior", "same", "recent", "most", "past", "last",
            ],
        )
    {
        let k = if c.w(j) == "most" { j + 2 } else { j + 1 };
        if c.any(k, &["quarter", "period"])
            && !(c.w(k) == "period" && c.any(j, &["same", "past", "last"]))
        {
            let p = match c.w(j) {
                "current" => quarter_of(c.dct),
                "latest" | "recent" | "most" | "previous" | "prior" | "last" | "past" => {
                    quarter_of(c.dct).shift(Gran::Quarter, -1)?
                }
                _ => prev_quarter(c),
            };
            return Some(M::date(k + 1, p));
        }
    }
    if the && c.w(j) == "quarter" && !c.any(j + 1, &["of", "-"]) {
        // "for the quarter a year ago": the same quarter of the year before
        let year_back = c.any(j + 1, &["a", "one"])
            && c.w(j + 2) == "year"
            && c.any(j + 3, &["ago", "earlier", "before"]);
        if year_back {
            return Some(M::date(j + 1, prev_quarter(c).shift(Gran::Year, -1)?).deictic());
        }
        return Some(M::date(j + 1, prev_quarter(c)));
    }
    let (py, k) = year_prefix(c, j);
    // "last year's quarter" reads like "the 1988 quarter"
    let the = the || (py.is_some() && c.kind(j) == Some(Kind::Word));
    j = k;
    if c.w(j) == "fiscal" {
        j += 1;
    }
    // "the 1988 period": the period under report (a quarter or half) in 1988
    if let (true, Some(y), "period") = (the, py, c.w(j)) {
        return Some(match c.last_past {
            // a comparison period does not become the period under report
            Some(Point::Quarter(_, q)) => M::date(j + 1, Point::Quarter(y, q)).deictic(),
            Some(Point::Half(_, h)) => M::date(j + 1, Point::Half(y, h)).deictic(),
            // "the nine months ... the 1988 period": a comparison year
            _ if y < c.dct.year() => M::date(j + 1, Point::Year(y)).deictic(),
            _ => M::date(j + 1, Point::Year(y)),
        });
    }
    if let (true, Some(y), "quarter") = (the, py, c.w(j)) {
        let q = match prev_quarter(c) {
            Point::Quarter(_, q) => q,
            _ => return None,
        };
        return Some(M::date(j + 1, Point::Quarter(y, q)));
    }
    let (q, half, mut k) = ordinal_q(c, j)?;
    if the && py.is_none() && c.w(k - 2) == "-" && !c.any(k, &["of", ","]) {
        return None;
    }
    if !the
        && py.is_none()
        && c.w(i) != "q"
        && !c.glued(j + 1)
        && c.w(j) == "first"
        && c.w(k - 1) == "half"
    {
        return None;
    }
    let y = match year_suffix(c, k) {
        Some((y, e)) => {
            k = e;
            y
        }
        None => py.unwrap_or_else(|| {
            let cur = if half {
                c.dct.month().div_ceil(6)
            } else {
                c.dct.month().div_ceil(3)
            };
            match c.lean(i, k, Lean::Past) {
                Lean::Past if q > cur => c.dct.year() - 1,
                _ => c.dct.year(),
            }
        }),
    };
    Some(M::date(
        k,
        if half {
            Point::Half(y, q)
        } else {
            Point::Quarter(y, q)
        },
    ))
}

/// "third quarter", "third-quarter", "Q3", "first half": (n, is_half, end).
fn ordinal_q(c: &Ctx, i: usize) -> Option<(u32, bool, usize)> {
    if c.w(i) == "q" && c.cap(i) {
        let n = c.num(i + 1)?;
        return ((1..=4).contains(&n) && c.glued(i + 1)).then_some((n as u32, false, i + 2));
    }
    if c.w(i) == "h" && c.cap(i) {
        let n = c.num(i + 1)?;
        return ((1..=2).contains(&n) && c.glued(i + 1)).then_some((n as u32, true, i + 2));
    }
    let (n, j) = if let Some(o) = c.e(i).and_then(|e| e.ord) {
        (o as i64, i + 1)
    } else {
        let n = c.num(i)?;
        if !(c.glued(i + 1) && c.any(i + 1, &["st", "nd", "rd", "th"])) {
            return None;
        }
        (n, i + 2)
    };
    let j = if c.w(j) == "-" { j + 1 } else { j };
    let j = if c.w(j) == "fiscal" { j + 1 } else { j };
    match c.w(j) {
        "quarter" if (1..=4).contains(&n) => Some((n as u32, false, j + 1)),
        "half" if (1..=2).contains(&n) => Some((n as u32, true, j + 1)),
        "quarter" | "half" if n == 0 => None,
        _ => None,
    }
}

/// Seasons.
pub fn season(c: &Ctx, i: usize) -> Option<M> {
    let mut j = i;
    let mut modifier = "";
    if c.w(j) == "the" {
        j += 1;
    }
    if c.any(j, &["this", "last", "next", "past", "coming", "previous"]) {
        modifier = c.w(j);
        j += 1;
        if modifier == "this" && c.w(j) == "past" {
            modifier = "past";
            j += 1;
        }
    }
    let s = c.e(j)?.season;
    if s == 0 || c.kind(j) != Some(Kind::Word) {
        return None;
    }
    let s = s as u32 - 1;
    if let Some((y, k)) = year_suffix(c, j + 1).or_else(|| super::dates::year_at(c, j + 1)) {
        return Some(M::date(k, Point::Season(y, s)));
    }
    let prev = c.w(i.wrapping_sub(1));
    let ok = !modifier.is_empty()
        || (c.w(i) == "the"
            && matches!(
                prev,
                "in" | "into"
                    | "during"
                    | "by"
                    | "until"
                    | "through"
                    | "since"
                    | "over"
                    | "this"
                    | "that"
            ))
        || (matches!(s, 1 | 3)
            && j == i
            && matches!(
                prev,
                "in" | "during"
                    | "by"
                    | "until"
                    | "through"
                    | "since"
                    | "this"
                    | "mid"
                    | "early"
                    | "late"
                    | "-"
            ));
    if !ok || c.w(j + 1) == "of" {
        return None;
    }
    let lean = c.lean(i, j + 1, Lean::Nearest);
    Some(M::date(
        j + 1,
        super::shift::season_rel(c, s, modifier, lean),
    ))
}
