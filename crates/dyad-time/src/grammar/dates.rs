//! Calendar dates written out: "Sept. 15", "15 September 2023",
//! "Monday, Oct. 26", "July 1997", "Sept. 15 last year", "9/15/2023",
//! "2023-09-15", bare years, decades ("the 1990s", "'80s"), centuries
//! ("the 20th century"), fiscal years and spoken years ("nineteen ninety-six").
//! A month or day without a year takes the year the clause tense points to.

use super::{Ctx, M};
use crate::resolve::{year_for, year_within, Lean, Point};
use crate::token::Kind;
use crate::{Timex, TimexType};
use chrono::{Datelike, NaiveDate};

/// Month name at `i` (with its abbreviation period): (month, next index).
pub fn month_at(c: &Ctx, i: usize) -> Option<(u32, usize)> {
    let e = c.e(i)?;
    if e.month == 0 {
        return None;
    }
    let mut j = i + 1;
    if e.abbrev {
        if !c.cap(i) {
            return None;
        }
        j = c.skip_dot(j);
        if j == i + 1 && c.kind(j) != Some(Kind::Num) {
            return None;
        }
    } else if !c.cap(i) && c.kind(j) != Some(Kind::Num) {
        return None;
    }
    if c.w(i) == "may" && !c.cap(i) {
        return None;
    }
    Some((e.month as u32, j))
}

/// A day-of-month number at `i` with an optional ordinal suffix.
fn day_at(c: &Ctx, i: usize) -> Option<(u32, usize)> {
    let d = c.num(i)?;
    if !(1..=31).contains(&d) || c.w(i).len() > 2 {
        return None;
    }
    let mut j = i + 1;
    if c.glued(j) && c.any(j, &["st", "nd", "rd", "th"]) {
        j += 1;
    }
    // "15:30" or "15.5" or "15%" are not days
    if c.glued(j)
        && c.any(j, &[":", "%", "/"])
        && (c.w(j) == "%" || c.kind(j + 1) == Some(Kind::Num))
    {
        return None;
    }
    if c.w(j) == "." && c.glued(j) && c.kind(j + 1) == Some(Kind::Num) && c.glued(j + 1) {
        return None;
    }
    Some((d as u32, j))
}

/// A four-digit year at `i`.
pub fn year_at(c: &Ctx, i: usize) -> Option<(i32, usize)> {
    let y = c.num(i)?;
    if c.w(i).len() != 4 || !(1000..=2199).contains(&y) {
        return None;
    }
    if c.glued(i + 1)
        && c.any(i + 1, &[",", "."])
        && c.kind(i + 2) == Some(Kind::Num)
        && c.glued(i + 2)
    {
        return None;
    }
    Some((y as i32, i + 1))
}

/// "last year" / "this year" / "next year" after a date: the year.
fn rel_year(c: &Ctx, i: usize) -> Option<(i32, usize)> {
    let j = if c.w(i) == "of" { i + 1 } else { i };
    if c.w(j + 1) != "year" {
        return None;
    }
    let y = c.dct.year();
    match c.w(j) {
        "last" | "previous" => Some((y - 1, j + 2)),
        "this" => Some((y, j + 2)),
        "next" => Some((y + 1, j + 2)),
        _ => None,
    }
}

fn full(_c: &Ctx, y: i32, m: u32, d: u32, end: usize) -> Option<M> {
    NaiveDate::from_ymd_opt(y, m, d).map(|x| M::date(end, Point::Day(x)))
}

fn year_after(c: &Ctx, j: usize) -> Option<(i32, usize)> {
    let k = if c.w(j) == "," { j + 1 } else { j };
    year_at(c, k)
        .or_else(|| rel_year(c, k))
        .or_else(|| spoken(c, k))
}

/// A spoken year ("nineteen ninety-six") as (year, end).
pub fn spoken(c: &Ctx, i: usize) -> Option<(i32, usize)> {
    let m = spoken_year(c, i)?;
    match m.point {
        Some(Point::Year(y)) => Some((y, m.end)),
        _ => None,
    }
}

/// Written dates, optionally introduced by a weekday.
pub fn explicit(c: &Ctx, i: usize) -> Option<M> {
    let mut j = i;
    if let Some(e) = c.e(i) {
        if e.weekday > 0 && !e.weekday_plural {
            j = c.skip_dot(i + 1);
            if c.w(j) == "," {
                j += 1;
            }
            if j == i + 1 && c.kind(j) != Some(Kind::Word) {
                return None;
            }
            return explicit(c, j).filter(|m| matches!(m.point, Some(Point::Day(_))));
        }
    }
    month_first(c, j)
        .or_else(|| day_first(c, j))
        .or_else(|| numeric(c, j))
}

fn month_first(c: &Ctx, i: usize) -> Option<M> {
    let (m, j) = month_at(c, i)?;
    if let Some((d, k)) = day_at(c, j) {
        // "May 1990" is month + year; "May 19, 1990" a full date
        if let Some((y, k2)) = year_after(c, k) {
            return full(c, y, m, d, k2);
        }
        return full(c, day_year(c, i, k, m, d), m, d, k);
    }
    if let Some((y, k)) = year_after(c, j) {
        return Some(M::date(k, Point::Month(y, m)));
    }
    if c.w(j) == "of" {
        if let Some((y, k)) = year_at(c, j + 1) {
            return Some(M::date(k, Point::Month(y, m)));
        }
    }
    if !c.cap(i) {
        return None;
    }
    // modal "May", name "August": a bare month needs a temporal context
    if matches!(c.w(i), "may" | "march" | "august")
        && !c.any(
            i.wrapping_sub(1),
            &[
                "in", "of", "since", "until", "by", "early", "late", "mid", "-", "last", "next",
                "this", "during", "from", "before", "after", "through", "till", "to", "and", "or",
            ],
        )
    {
        return None;
    }
    let y = if c.any(i.wrapping_sub(1), &["since", "ended"]) {
        c.dct.year() - i32::from(m > c.dct.month())
    } else {
        // with no tense cue, a month alone reaches further ahead ("by
        // February" in October) than in a past clause
        // "In January, American Medical brought in a new chief": a month
        // opening a past sentence is one that has begun
        let opener = i >= 1
            && c.w(i - 1) == "in"
            && c.cap(i - 1)
            && c.w(j) == ","
            && (i == 1
                || c.tok(i - 1).is_some_and(|t| t.newline)
                || c.any(i - 2, &[".", "\"", "“", "'", "`"]));
        match c.lean(i, j, Lean::Nearest) {
            Lean::Nearest => year_within(c.dct, m, None, Lean::Past, 120),
            Lean::Past if opener => year_within(c.dct, m, None, Lean::Past, 0),
            lean => year_for(c.dct, m, None, lean),
        }
    };
    Some(M::date(j, Point::Month(y, m)))
}

/// The year of a day and month given without one, for tokens `[i, k)`:
/// after "ended" or "since" ("the year ended Jan. 31") the last such day not after
/// the DCT, otherwise [`year_for`] by the clause tense, the nearest one up
/// to six months ahead when the clause has no tense cue.
fn day_year(c: &Ctx, i: usize, k: usize, m: u32, d: u32) -> i32 {
    let y = c.dct.year();
    if c.any(i.wrapping_sub(1), &["since", "ended"]) {
        let this = NaiveDate::from_ymd_opt(y, m, d.min(28));
        return if this.is_some_and(|t| t <= c.dct) {
            y
        } else {
            y - 1
        };
    }
    // with no tense cue, the nearest occurrence up to six months ahead
    // ("departing each Thursday from August 6", written in February, is the
    // coming August; "a record set on Aug. 6", in February, the last one)
    match c.lean(i, k, Lean::Nearest) {
        Lean::Nearest => year_within(c.dct, m, Some(d), Lean::Past, 180),
        lean => year_for(c.dct, m, Some(d), lean),
    }
}

fn day_first(c: &Ctx, i: usize) -> Option<M> {
    let (d, mut j) = day_at(c, i)?;
    if c.w(j) == "of" {
        j += 1;
    }
    // "15 and 17 September 2023", "15-17 September": the first day takes the
    // month and year of the second
    if month_at(c, j).is_none() && c.any(j, &["-", "–", "and", "to", "or"]) {
        let second = day_first(c, j + 1)?;
        let Some(Point::Day(x)) = second.point else {
            return None;
        };
        return full(c, x.year(), x.month(), d, j);
    }
    let (m, k) = month_at(c, j)?;
    if let Some((y, k2)) = year_after(c, k) {
        return full(c, y, m, d, k2);
    }
    full(c, day_year(c, i, k, m, d), m, d, k)
}

/// "2023-09-15", "9/15/2023", "15/9/2023", "9/15/23".
fn numeric(c: &Ctx, i: usize) -> Option<M> {
    let a = c.num(i)?;
    let (s1, b_i, s2, c_i) = (i + 1, i + 2, i + 3, i + 4);
    if !(c.glued(s1) && c.glued(b_i) && c.glued(s2) && c.glued(c_i)) || c.w(s1) != c.w(s2) {
        return None;
    }
    let (b, z) = (c.num(b_i)?, c.num(c_i)?);
    if c.glued(c_i + 1)
        && c.any(c_i + 1, &["/", "-", ".", ":"])
        && c.kind(c_i + 2) == Some(Kind::Num)
    {
        return None;
    }
    match c.w(s1) {
        "-" if c.w(i).len() == 4 => full(c, a as i32, b as u32, z as u32, c_i + 1),
        "/" | "." => {
            let y = match c.w(c_i).len() {
                4 => z as i32,
                2 => (if z < 50 { 2000 } else { 1900 }) + z as i32,
                _ => return None,
            };
            // US month/day, except day-first when unambiguous or dotted (15.09.2023)
            let (m, d) = if a > 12 || c.w(s1) == "." {
                (b, a)
            } else {
                (a, b)
            };
            full(c, y, m as u32, d as u32, c_i + 1)
        }
        _ => None,
    }
}

/// "March 3-5", "March 3 and 5": the second day of a range, after a date.
pub fn range_end(c: &Ctx, i: usize, d: NaiveDate) -> Option<(usize, Timex)> {
    if !c.any(i, &["-", "–", "to", "and", "through", "or"]) {
        return None;
    }
    let (day, j) = day_at(c, i + 1)?;
    if day <= d.day() || month_at(c, j).is_some() || c.e(j).is_some_and(|e| e.unit.is_some()) {
        return None;
    }
    let x = NaiveDate::from_ymd_opt(d.year(), d.month(), day)?;
    let (s, e) = (c.tok(i + 1)?.start, c.tok(j - 1)?.end);
    let value = Point::Day(x).value();
    Some((
        j,
        Timex {
            start: s,
            end: e,
            kind: TimexType::Date,
            value,
            event_anchor: None,
            modifier: None,
        },
    ))
}

#[rustfmt::skip]
const NOT_AFTER_YEAR: &[&str] = &[
    "%", "percent", "people", "persons", "troops", "soldiers", "men", "women", "km", "miles",
    "feet", "meters", "metres", "tons", "tonnes", "barrels", "shares", "acres", "points", "votes",
    "dollars", "euros", "pounds", "yen", "yuan", "rubles", "members", "workers", "jobs", "cars",
    "units", "copies", "pages", "children", "students", "cases", "deaths", "homes", "houses", "kg",
    "mw", "others",
];
#[rustfmt::skip]
const NOT_BEFORE_YEAR: &[&str] = &[
    "$", "#", "£", "€", "about", "nearly", "some", "than", "approximately", "roughly", "almost", "around",
    "over", "only", "just", "no", "number", "top", "pages", "page", "flight", "route", "rule", "article",
    "resolution", "room", "no", "model", "version", "form", "interstate", "highway", "gate", "chapter",
    "section", "uss", "x",
];

/// Years, decades, centuries, fiscal and spoken years.
pub fn year_forms(c: &Ctx, i: usize) -> Option<M> {
    let w = c.w(i);
    // the 1990s / the '80s / the 20th century / the year 2000
    if w == "the" {
        if c.w(i + 1) == "year" {
            let m = year_forms(c, i + 2)?;
            return matches!(m.point, Some(Point::Year(_))).then_some(m);
        }
        let m = year_forms(c, i + 1)?;
        return matches!(m.point, Some(Point::Decade(_)) | Some(Point::Century(_))).then_some(m);
    }
    if w == "fiscal" || w == "fy" {
        let j = if c.w(i + 1) == "year" { i + 2 } else { i + 1 };
        let (y, k) = year_at(c, j).or_else(|| {
            let n = c.num(j)?;
            (c.w(j).len() == 2).then_some(((if n < 50 { 2000 } else { 1900 }) + n as i32, j + 1))
        })?;
        return Some(M::date(k, Point::Year(y)));
    }
    if w == "'" || w == "’" {
        let n = c.num(i + 1)?;
        if c.w(i + 1).len() == 2
            && c.glued(i + 1)
            && c.w(i + 2) == "s"
            && c.glued(i + 2)
            && n % 10 == 0
        {
            let century = if n < 30 { 200 } else { 190 };
            return Some(M::date(i + 3, Point::Decade(century + n as i32 / 10)));
        }
        return None;
    }
    if c.kind(i) == Some(Kind::Num) {
        let (y, j) =
            year_at(c, i).or_else(|| ordinal_century(c, i).map(|(n, j)| (-(n as i32), j)))?;
        if y < 0 {
            return Some(M::date(j, Point::Century(-y - 1)));
        }
        // 1990s, 1990's
        let s = if c.w(j) == "s" && c.glued(j) {
            Some(j + 1)
        } else if c.any(j, &["'", "’"]) && c.glued(j) && c.w(j + 1) == "s" && c.glued(j + 1) {
            Some(j + 2)
        } else {
            None
        };
        if let Some(k) = s {
            return (y % 10 == 0).then(|| M::date(k, Point::Decade(y / 10)));
        }
        if c.glued(i) && c.kind(i - 1) == Some(Kind::Word) && c.w(i - 1) != "mid" {
            return None;
        }
        if NOT_BEFORE_YEAR.contains(&c.w(i.wrapping_sub(1))) || NOT_AFTER_YEAR.contains(&c.w(j)) {
            return None;
        }
        if c.glued(j)
            && c.any(j, &["-", "/"])
            && c.kind(j + 1) == Some(Kind::Num)
            && c.w(j + 1).len() != 2
            && c.w(j + 1).len() != 4
        {
            return None;
        }
        if !(1900..=2100).contains(&y)
            && !c.any(
                i.wrapping_sub(1),
                &[
                    "in", "since", "of", "by", "from", "until", "year", "during", "before",
                    "after", "mid", "-",
                ],
            )
        {
            return None;
        }
        return Some(M::date(j, Point::Year(y)));
    }
    if let Some(n) = c.e(i).and_then(|e| e.ord) {
        if n > 0 && c.w(i + 1) == "century" {
            return Some(M::date(i + 2, Point::Century(n as i32 - 1)));
        }
    }
    spoken_year(c, i)
}

/// "20th century": (20, index after "century").
fn ordinal_century(c: &Ctx, i: usize) -> Option<(i64, usize)> {
    let n = c.num(i)?;
    let j = i + 1;
    if !(c.glued(j) && c.any(j, &["st", "nd", "rd", "th"])) {
        return None;
    }
    let k = if c.w(j + 1) == "-" { j + 2 } else { j + 1 };
    (c.w(k) == "century" && (1..=30).contains(&n)).then_some((n, k + 1))
}

/// "nineteen ninety-six", "two thousand (and) one".
fn spoken_year(c: &Ctx, i: usize) -> Option<M> {
    let first = c.e(i)?.card?;
    if first == 19 || first == 18 {
        let tens = c.e(i + 1)?.card?;
        if !(20..=90).contains(&tens) || tens % 10 != 0 {
            return None;
        }
        let mut y = first * 100 + tens;
        let mut j = i + 2;
        let k = if c.w(j) == "-" { j + 1 } else { j };
        if let Some(u) = c.e(k).and_then(|e| e.card).filter(|u| (1..10).contains(u)) {
            y += u;
            j = k + 1;
        }
        return Some(M::date(j, Point::Year(y as i32)));
    }
    if first == 2
        && c.w(i + 1) == "thousand"
        && c.any(i.wrapping_sub(1), &["year", "in", "by", "until", "since"])
    {
        let mut j = i + 2;
        let mut y = 2000;
        let k = if c.w(j) == "and" { j + 1 } else { j };
        if let Some(u) = c.e(k).and_then(|e| e.card).filter(|u| (1..30).contains(u)) {
            y += u;
            j = k + 1;
        }
        return Some(M::date(j, Point::Year(y as i32)));
    }
    None
}
