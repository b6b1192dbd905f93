//! DCT-relative words and phrases: "today", "yesterday morning", "now"
//! (PRESENT_REF), "recently" (PAST_REF), "the future" (FUTURE_REF), "this
//! week", "last month", "next year", "last Friday", "the following week",
//! "the day before", bare weekdays resolved by clause tense, and holidays.

use super::{Anch, Ctx, M};
use crate::resolve::{quarter_of, week_of, weekday as wd_date, year_for, Gran, Lean, Point};
use crate::token::Kind;
use crate::{Direction, TimexType};
use chrono::{Datelike, Duration, NaiveDate};

fn part_after(c: &Ctx, j: usize) -> Option<(&'static str, usize)> {
    let e = c.e(j)?;
    let p = e.part?;
    if c.w(j).ends_with('s') || c.w(j) == "overnight" {
        return None;
    }
    Some((p, j + 1))
}

fn time_of(d: NaiveDate, part: &str, end: usize, deictic: bool) -> M {
    let mut m = M::lit(
        end,
        TimexType::Time,
        format!("{}T{part}", Point::Day(d).value()),
    );
    m.point = Some(Point::Day(d));
    m.deictic = deictic;
    m
}

fn day(c: &Ctx, d: NaiveDate, j: usize, deictic: bool) -> M {
    if let Some((p, k)) = part_after(c, j) {
        return time_of(d, p, k, deictic);
    }
    let m = M::date(j, Point::Day(d));
    if deictic {
        m.deictic()
    } else {
        m
    }
}

const CURRENT_NOT: &[&str] = &[
    "account",
    "accounts",
    "affairs",
    "events",
    "assets",
    "liabilities",
    "flows",
    "flow",
    "-",
    "density",
    "draw",
    "source",
    "sources",
];

/// Single deictic words and fixed phrases.
pub fn words(c: &Ctx, i: usize) -> Option<M> {
    let dct = c.dct;
    let w = c.w(i);
    Some(match w {
        "today" => day(c, dct, i + 1, true),
        "yesterday" => day(c, dct - Duration::days(1), i + 1, true),
        "tomorrow" => day(c, dct + Duration::days(1), i + 1, true),
        "tonight" => time_of(dct, "NI", i + 1, true),
        "now" | "currently" | "presently" | "nowadays" => {
            if w == "now" && c.w(i.wrapping_sub(1)) == "from" {
                return None;
            }
            M::lit(i + 1, TimexType::Date, "PRESENT_REF")
        }
        "these" if c.w(i + 1) == "days" => M::lit(i + 2, TimexType::Date, "PRESENT_REF"),
        "recently" | "lately" => M::lit(i + 1, TimexType::Date, "PAST_REF"),
        "future" if c.any(i.wrapping_sub(1), &["in", "for"]) => {
            M::lit(i + 1, TimexType::Date, "FUTURE_REF")
        }
        "current" if !CURRENT_NOT.contains(&c.w(i + 1)) && c.kind(i + 1) == Some(Kind::Word) => {
            M::lit(i + 1, TimexType::Date, "PRESENT_REF")
        }
        "the" => match c.w(i + 1) {
            "past" if !next_is_quantity(c, i + 2) => M::lit(i + 2, TimexType::Date, "PAST_REF"),
            "future" => M::lit(i + 2, TimexType::Date, "FUTURE_REF"),
            "year" | "fiscal" | "full" | "nineties" | "eighties" | "seventies" | "sixties"
            | "fifties" | "forties" | "thirties" | "twenties" => {
                let k = if c.any(i + 1, &["fiscal", "full"]) && c.w(i + 2) == "year" {
                    i + 3
                } else {
                    i + 2
                };
                if c.w(k - 1) != "year" {
                    let d = [
                        "twenties",
                        "thirties",
                        "forties",
                        "fifties",
                        "sixties",
                        "seventies",
                        "eighties",
                        "nineties",
                    ]
                    .iter()
                    .position(|x| *x == c.w(i + 1))? as i32;
                    return Some(M::date(i + 2, Point::Decade(190 + d + 2)));
                }
                if c.any(k, &["ended", "ending"]) {
                    return Some(M::lit(k, TimexType::Duration, "P1Y"));
                }
                if c.any(
                    k,
                    &[
                        "to", "through", "before", "after", "earlier", "ago", "-", "'", "and", "or",
                    ],
                ) || c.kind(k) == Some(Kind::Num)
                {
                    return None;
                }
                if c.w(i + 1) == "fiscal" {
                    return Some(M::lit(k, TimexType::Duration, "P1Y"));
                }
                let y = c.last_ref.map_or(dct.year(), |p| p.year());
                M::date(k, Point::Year(y)).deictic()
            }

            "near" | "distant" | "foreseeable" if c.w(i + 2) == "future" => {
                M::lit(i + 3, TimexType::Date, "FUTURE_REF")
            }
            _ => return None,
        },
        "year" if c.w(i + 1) == "-" && c.w(i + 2) == "end" && c.glued(i + 2) => {
            M::date(i + 3, Point::Year(dct.year()))
        }
        "year" if c.w(i + 1) == "end" => M::date(i + 2, Point::Year(dct.year())),
        "year" if c.w(i + 1) == "'" && c.w(i + 2) == "s" && c.w(i + 3) == "end" => {
            M::date(i + 4, Point::Year(dct.year()))
        }
        _ => return holiday(c, i),
    })
}

fn next_is_quantity(c: &Ctx, j: usize) -> bool {
    c.e(j).is_some_and(|e| {
        e.unit.is_some() || e.card.is_some() || e.weekday > 0 || e.month > 0 || e.season > 0
    }) || c.kind(j) == Some(Kind::Num)
        || c.any(
            j,
            &[
                "few", "several", "many", "couple", "decade", "year", "week", "weekend", "month",
                "a",
            ],
        )
}

fn holiday(c: &Ctx, i: usize) -> Option<M> {
    let w = c.w(i);
    let (m, d, end) = if let Some((m, d)) = c.e(i).and_then(|e| e.holiday) {
        if !c.cap(i) {
            return None;
        }
        let end = if c.any(i + 1, &["day", "eve"]) && c.cap(i + 1) {
            i + 2
        } else {
            i + 1
        };
        let d = if c.w(i + 1) == "eve" { d - 1 } else { d };
        (m as u32, d as u32, end)
    } else if w == "new"
        && c.cap(i)
        && c.w(i + 1) == "year"
        && c.w(i + 2) == "'"
        && c.w(i + 3) == "s"
        && c.any(i + 4, &["day", "eve"])
    {
        if c.w(i + 4) == "eve" {
            (12, 31, i + 5)
        } else {
            (1, 1, i + 5)
        }
    } else if w == "election" && c.cap(i) && c.w(i + 1) == "day" && c.cap(i + 1) {
        let y = year_for(c.dct, 11, Some(5), c.lean(i, i + 2, Lean::Nearest));
        let first = NaiveDate::from_ymd_opt(y, 11, 2)?;
        let off = (1 + 7 - first.weekday().num_days_from_monday() as i64) % 7;
        return Some(M::date(i + 2, Point::Day(first + Duration::days(off))));
    } else if w == "thanksgiving" && c.cap(i) {
        let end = if c.w(i + 1) == "day" { i + 2 } else { i + 1 };
        let lean = c.lean(i, end, Lean::Nearest);
        let y = year_for(c.dct, 11, Some(25), lean);
        let first = NaiveDate::from_ymd_opt(y, 11, 1)?;
        let off = (3 + 7 - first.weekday().num_days_from_monday() as i64) % 7;
        return Some(M::date(end, Point::Day(first + Duration::days(off + 21))));
    } else {
        return None;
    };
    let (y, end) = match super::dates::year_at(c, end) {
        Some((y, e)) => (y, e),
        None => (
            year_for(c.dct, m, Some(d), c.lean(i, end, Lean::Nearest)),
            end,
        ),
    };
    Some(M::date(end, Point::Day(NaiveDate::from_ymd_opt(y, m, d)?)))
}

/// Bare weekdays ("Thursday", "Friday morning"), by tense; plurals are SETs.
pub fn weekday(c: &Ctx, i: usize) -> Option<M> {
    let e = c.e(i)?;
    if e.weekday == 0 {
        return None;
    }
    let full = c.w(i).len() >= 6;
    if !c.cap(i) && !full {
        return None;
    }
    let wd = e.weekday as u32 - 1;
    if !(full || c.w(i + 1) == "." && c.glued(i + 1)) {
        return None;
    }
    if e.weekday_plural {
        return Some(M::lit(
            i + 1,
            TimexType::Set,
            format!("XXXX-WXX-{}", wd + 1),
        ));
    }
    let j = if full { i + 1 } else { c.skip_dot(i + 1) };
    let lean = c.lean(i, j, Lean::Past);
    Some(day(c, wd_date(c.dct, wd, lean), j, true))
}

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
    let p = base.shift(unit, n).unwrap_or(base);
    let p = match (unit, p) {
        (Gran::Year, Point::Month(y, _) | Point::Season(y, _) | Point::Half(y, _)) => {
            Point::Year(y)
        }
        (Gran::Month, Point::Day(d)) => Point::Month(d.year(), d.month()),
        _ => p,
    };
    let mut m = M::date(end, p);
    m.anchor = Some(Anch {
        amount: Some(n.abs()),
        unit,
        dir,
        at: None,
    });
    m
}

/// "this week", "last month", "next Friday", "last November", "this
/// morning", "the following day", "the day before", "the weekend".
pub fn this_last_next(c: &Ctx, i: usize) -> Option<M> {
    let w = c.w(i);
    let dct = c.dct;
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
    if w == "this" && c.w(i + 1) == "coming" {
        let mut m = this_last_next(c, i + 1)?;
        m.deictic = true;
        return Some(m);
    }
    if w == "the" {
        let m1 = c.w(i + 1);
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
                    let mut m = M::lit(j + 1, TimexType::Date, "XXXX-XX-XX");
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
    if w == "the" || (w == "this" && c.w(i + 1) == "coming") {
        return None;
    }
    if w == "that" && c.any(i + 1, &["day", "week", "month", "year"]) && !c.cap(i + 2) {
        let (u, _) = c.unit(i + 1)?;
        let mut m = anaphoric(c, u, 0, i + 2, Direction::After);
        m.anchor = None;
        return Some(m);
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
            if let (Gran::Year, -1, Some(q @ Point::Quarter(..))) = (u, sign, c.last_ref) {
                if (1..=4).any(|k| {
                    c.any(
                        i.wrapping_sub(k),
                        &["from", "with", "than", "against", "over"],
                    )
                }) && c.w(j + 1) != "'"
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
        if e.month > 0 && (c.cap(j) || e.month != 5) {
            let m = e.month as u32;
            let k = if e.abbrev { c.skip_dot(j + 1) } else { j + 1 };
            if c.kind(k) == Some(Kind::Num) {
                return None;
            }
            let y = match sign {
                -1 => {
                    if m < dct.month() {
                        dct.year()
                    } else {
                        dct.year() - 1
                    }
                }
                1 => {
                    if m > dct.month() {
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

/// True when an anchor phrase (a noun phrase, not a clause end) starts at `j`.
pub fn phrase_follows(c: &Ctx, j: usize) -> bool {
    match c.kind(j) {
        Some(Kind::Word) | Some(Kind::Num) => !c.any(
            j,
            &[
                "and", "or", "but", "that", "which", "when", "then", "in", "on", "at", "for",
            ],
        ),
        Some(Kind::Punct) => c.any(j, &["'", "\"", "“", "‘"]),
        None => false,
    }
}
