//! "this week", "last month", "next Friday", "last November", "this
//! morning", "the previous Friday", "this coming Sunday", and anaphora
//! relative to the last period mentioned: "the following week", "the
//! day before", "that day", "the weekend".

use super::relative::{day, phrase_follows, time_of};
use super::{Anch, Ctx, M};
use crate::resolve::{quarter_of, week_of, weekday as wd_date, Gran, Lean, Point};
use crate::token::Kind;
use crate::{Direction, TimexType};
use chrono::{Datelike, Duration, NaiveDate};

fn season_index(d: NaiveDate) -> i32 {
    let (y, m) = (d.year(), d.month());
    match m {
        3..=5 => y * 4,
        6..=8 => y * 4 + 1,
        9..=11 => y * 4 + 2,
        12 => y * 4 + 3,
        _ => (y - 1) * 4 + 3,
    }
}

/// Season with a modifier: (index year*4+s) resolved.
pub fn season_rel(c: &Ctx, s: u32, modifier: &str, lean: Lean) -> Point {
    let cur = season_index(c.dct);
    let this = cur.div_euclid(4) * 4 + s as i32;
    let abs = match modifier {
        "this" => this,
        "last" | "past" | "previous" => {
            if this < cur {
                this
            } else {
                this - 4
            }
        }
        "next" | "coming" => {
            if this > cur {
                this
            } else {
                this + 4
            }
        }
        _ => match lean {
            Lean::Past if this > cur => this - 4,
            Lean::Future if this < cur => this + 4,
            _ => this,
        },
    };
    Point::Season(abs.div_euclid(4), abs.rem_euclid(4) as u32)
}

fn anaphoric(c: &Ctx, unit: Gran, n: i64, end: usize, dir: Direction) -> M {
    let base = c.reference(unit);
    let anchor = Some(Anch {
        amount: Some(n.abs()),
        unit,
        dir,
        at: None,
    });
    // "that day" after "in 1987": the day is unknown, and no day is invented
    if unit == Gran::Day && base.gran() > Gran::Week {
        let value = match base {
            Point::Month(y, m) => format!("{y:04}-{m:02}-XX"),
            Point::Year(y) => format!("{y:04}-XX-XX"),
            _ => "XXXX-XX-XX".to_string(),
        };
        let mut m = M::lit(end, TimexType::Date, value);
        m.anchor = anchor;
        return m;
    }
    let p = base.shift(unit, n).unwrap_or(base);
    let p = match (unit, p) {
        (Gran::Year, Point::Month(y, _) | Point::Season(y, _) | Point::Half(y, _)) => {
            Point::Year(y)
        }
        (Gran::Month, Point::Day(d)) => Point::Month(d.year(), d.month()),
        _ => p,
    };
    let mut m = M::date(end, p);
    m.anchor = anchor;
    m
}

/// "this week", "last month", "next Friday", "last November", "this
/// morning", "the following day", "the day before", "the weekend".
pub fn this_last_next(c: &Ctx, i: usize) -> Option<M> {
    let w = c.w(i);
    let dct = c.dct;
    // "the next morning", "the following evening": the day after the last one mentioned
    if w == "the"
        && c.any(i + 1, &["next", "following"])
        && c.e(i + 2).is_some_and(|e| e.part.is_some())
        && !c.w(i + 2).ends_with('s')
    {
        if let Some(Point::Day(d)) = c.last_any {
            return Some(M::date(i + 3, Point::Day(d + Duration::days(1))));
        }
    }
    if w == "the"
        && c.any(
            i + 1,
            &[
                "previous",
                "following",
                "last",
                "next",
                "coming",
                "current",
                "past",
            ],
        )
    {
        let is_day = c
            .e(i + 2)
            .is_some_and(|e| (e.weekday > 0 && !e.weekday_plural) || e.month > 0);
        if is_day || (c.w(i + 1) == "current" && c.w(i + 2) != "quarter") {
            let mut m = this_last_next(c, i + 1)?;
            if c.w(i + 1) == "previous" || c.w(i + 1) == "following" {
                let d = match m.point {
                    Some(Point::Day(d)) => d,
                    _ => return Some(m),
                };
                let base = match c.reference(Gran::Day) {
                    Point::Day(b) => b,
                    _ => c.dct,
                };
                let wd = d.weekday().num_days_from_monday();
                let nd = if c.w(i + 1) == "previous" {
                    wd_date(base - Duration::days(1), wd, Lean::Past)
                } else {
                    wd_date(base + Duration::days(1), wd, Lean::Future)
                };
                m = day(c, nd, m.end, true);
            }
            return Some(m);
        }
    }
    if w == "this" && c.any(i + 1, &["coming", "past"]) {
        let mut m = this_last_next(c, i + 1)?;
        m.deictic = true;
        return Some(m);
    }
    if w == "the" {
        let m1 = c.w(i + 1);
        // "later in the day (before returning home)": the day under
        // discussion; a "before" after it belongs to the verb phrase
        if m1 == "day"
            && c.w(i.wrapping_sub(1)) == "in"
            && c.any(i.wrapping_sub(2), &["later", "earlier"])
        {
            let d = match c.last_any {
                Some(Point::Day(d)) => d,
                _ => dct,
            };
            return Some(M::date(i + 2, Point::Day(d)).deictic());
        }
        let (unit, j) = match c.unit(i + 2) {
            Some((u, false)) => (u, i + 3),
            _ => match (m1, c.unit(i + 1)) {
                (_, Some((u, false))) if c.any(i + 2, &["before", "after", "earlier", "later"]) => {
                    (u, i + 2)
                }
                ("weekend", _) => (Gran::Week, i + 2),
                _ => return None,
            },
        };
        if m1 == "weekend" || c.w(i + 2) == "weekend" {
            let lean = c.lean(i, j, Lean::Past);
            let base = week_of(dct);
            let p = match (m1, lean) {
                ("next" | "following" | "coming", _) => base.shift(Gran::Week, 1)?,
                ("last" | "past" | "previous", _) => base.shift(Gran::Week, -1)?,
                ("weekend", Lean::Past) if dct.weekday().num_days_from_monday() < 5 => {
                    base.shift(Gran::Week, -1)?
                }
                ("weekend", _) => base,
                _ => return None,
            };
            let Point::Week(y, n) = p else { return None };
            return Some(M::date(j, Point::Weekend(y, n)).deictic());
        }
        return match m1 {
            "next" | "following" | "coming" | "previous" | "prior" | "preceding" => {
                if unit == Gran::Quarter {
                    return None;
                }
                let dir = if matches!(m1, "previous" | "prior" | "preceding") {
                    Direction::Before
                } else {
                    Direction::After
                };
                let n = if dir == Direction::Before { -1 } else { 1 };
                if matches!(m1, "next" | "coming") && unit > Gran::Day {
                    // "the next year" is usually a stretch of time
                    return Some(M::lit(j, TimexType::Duration, unit.duration(Some(1.0))));
                }
                Some(anaphoric(c, unit, n, j, dir))
            }
            "same" if unit == Gran::Day => Some(anaphoric(c, unit, 0, j, Direction::After)),
            // TimeBank dates "the past year" as the previous calendar year
            "past" | "last" if unit == Gran::Year => Some(M::date(j, Point::Year(dct.year() - 1))),
            "past" | "last" if unit > Gran::Day => {
                Some(M::lit(j, TimexType::Duration, unit.duration(Some(1.0))))
            }
            _ if c.unit(i + 1).is_some() && j == i + 2 => {
                // "the day before (the summit)"
                let dir = if c.any(j, &["before", "earlier"]) {
                    Direction::Before
                } else {
                    Direction::After
                };
                let n = if dir == Direction::Before { -1 } else { 1 };
                if phrase_follows(c, j + 1) && c.any(j, &["before", "after"]) {
                    let value = super::narrative::day_around(c, i, j + 1, unit, n)
                        .map_or_else(|| "XXXX-XX-XX".to_string(), |p| p.value());
                    let mut m = M::lit(j + 1, TimexType::Date, value);
                    m.end = j + 1;
                    m.anchor = Some(Anch {
                        amount: Some(1),
                        unit,
                        dir,
                        at: Some(j + 1),
                    });
                    return Some(m);
                }
                Some(anaphoric(c, unit, n, j + 1, dir))
            }
            _ => None,
        };
    }
    if w == "the" || (w == "this" && c.any(i + 1, &["coming", "past"])) {
        return None;
    }
    if w == "that" && c.w(i + 1) == "same" && c.any(i + 2, &["day", "week", "month", "year"]) {
        let (u, _) = c.unit(i + 2)?;
        let mut m = anaphoric(c, u, 0, i + 3, Direction::After);
        m.anchor = None;
        return Some(m);
    }
    if w == "that" && c.any(i + 1, &["day", "week", "month", "quarter", "year"]) && !c.cap(i + 2) {
        let (u, _) = c.unit(i + 1)?;
        let mut m = anaphoric(c, u, 0, i + 2, Direction::After);
        m.anchor = None;
        return Some(m);
    }
    // a quoted title: ABC's "This Week"
    if c.cap(i)
        && c.cap(i + 1)
        && c.glued(i)
        && c.any(i.wrapping_sub(1), &["\"", "“", "'", "‘", "`"])
    {
        return None;
    }
    let sign: i64 = match w {
        "this" | "current" => 0,
        "last" | "past" | "previous" => -1,
        "next" | "coming" | "upcoming" => 1,
        _ => return None,
    };
    let j = if c.w(i + 1) == "fiscal" { i + 2 } else { i + 1 };
    if w == "past" && c.w(i.wrapping_sub(1)) != "this" {
        return None;
    }
    let t = c.w(j);
    if let Some(e) = c.e(j) {
        if let Some((u, false)) = e.unit.map(|u| (u, e.plural)) {
            let base = match u {
                Gran::Week => week_of(dct),
                Gran::Month => Point::Month(dct.year(), dct.month()),
                Gran::Quarter => quarter_of(dct),
                Gran::Year => Point::Year(dct.year()),
                Gran::Decade => Point::Decade(dct.year() / 10),
                Gran::Century => Point::Century(dct.year() / 100),
                _ => return None,
            };
            let p = match (base, sign) {
                (_, 0) => base,
                (Point::Decade(d), s) => Point::Decade(d + s as i32),
                (Point::Century(d), s) => Point::Century(d + s as i32),
                (b, s) => b.shift(u, s)?,
            };
            // "compared with $3 million last year": the quarter under discussion, a year back
            if let (Gran::Year, -1, Some(q @ Point::Quarter(..))) = (u, sign, c.last_past) {
                if ((1..=7).any(|k| {
                    c.any(
                        i.wrapping_sub(k),
                        &["from", "with", "than", "against", "over"],
                    )
                }) || c.w(i.wrapping_sub(1)) == "period")
                    && c.w(j + 1) != "'"
                {
                    return Some(M::date(j + 1, q.shift(Gran::Year, -1)?).deictic());
                }
            }
            return Some(M::date(j + 1, p));
        }
        if e.weekday > 0 && !e.weekday_plural {
            let wd = e.weekday as u32 - 1;
            let d = match sign {
                -1 => wd_date(dct - Duration::days(1), wd, Lean::Past),
                1 => wd_date(dct + Duration::days(1), wd, Lean::Future),
                _ => wd_date(dct, wd, c.lean(i, j + 1, Lean::Nearest)),
            };
            return Some(day(c, d, j + 1, true));
        }
        if e.month > 0 && c.cap(j) {
            let m = e.month as u32;
            let k = if e.abbrev { c.skip_dot(j + 1) } else { j + 1 };
            if c.kind(k) == Some(Kind::Num) {
                return None;
            }
            let y = match sign {
                // "last February" on March 1 is a year back: the month just
                // past would be "last month"
                -1 => {
                    if m + 1 < dct.month() {
                        dct.year()
                    } else {
                        dct.year() - 1
                    }
                }
                1 => {
                    if m > dct.month() + 1 {
                        dct.year()
                    } else {
                        dct.year() + 1
                    }
                }
                _ => dct.year(),
            };
            return Some(M::date(k, Point::Month(y, m)));
        }
        if let Some(p) = e.part {
            if sign == 0 || t == "night" {
                let d = if sign == -1 {
                    dct - Duration::days(1)
                } else if sign == 1 {
                    dct + Duration::days(1)
                } else {
                    dct
                };
                if t.ends_with('s') {
                    return None;
                }
                return Some(time_of(d, p, j + 1, true));
            }
        }
        if t == "weekend" {
            let p = week_of(dct).shift(Gran::Week, sign)?;
            let Point::Week(y, n) = p else { return None };
            return Some(M::date(j + 1, Point::Weekend(y, n)).deictic());
        }
    }
    None
}
