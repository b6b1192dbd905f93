//! DCT-relative words: "today", "yesterday morning", "now" (PRESENT_REF),
//! "recently" (PAST_REF), "the future" (FUTURE_REF), "the year", decades
//! in words, holidays, and bare weekdays resolved by clause tense.

use super::{Ctx, M};
use crate::resolve::{weekday as wd_date, year_for, Lean, Point};
use crate::token::Kind;
use crate::TimexType;
use chrono::{Datelike, Duration, NaiveDate};

pub(super) fn part_after(c: &Ctx, j: usize) -> Option<(&'static str, usize)> {
    let e = c.e(j)?;
    let p = e.part?;
    if c.w(j).ends_with('s') || c.w(j) == "overnight" {
        return None;
    }
    Some((p, j + 1))
}

pub(super) fn time_of(d: NaiveDate, part: &str, end: usize, deictic: bool) -> M {
    let mut m = M::lit(
        end,
        TimexType::Time,
        format!("{}T{part}", Point::Day(d).value()),
    );
    m.point = Some(Point::Day(d));
    m.deictic = deictic;
    m
}

pub(super) fn day(c: &Ctx, d: NaiveDate, j: usize, deictic: bool) -> M {
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

/// The part of day at token `k` as a TIME: of the day right after it
/// ("afternoon yesterday"), else of the last day mentioned, else of the DCT.
fn part_of_day(c: &Ctx, k: usize) -> Option<M> {
    let part = c.e(k)?.part?;
    let next = match c.w(k + 1) {
        "yesterday" => c.dct.pred_opt(),
        "today" => Some(c.dct),
        "tomorrow" => c.dct.succ_opt(),
        _ => None,
    };
    if let Some(d) = next {
        return Some(time_of(d, part, k + 2, true));
    }
    let d = match c.last_any {
        Some(Point::Day(d)) => d,
        _ => c.dct,
    };
    Some(time_of(d, part, k + 1, true))
}

/// True when token `i` opens a sentence (text start, a line break, or
/// after sentence punctuation or an opening quote).
fn sentence_start(c: &Ctx, i: usize) -> bool {
    i == 0
        || c.tok(i).is_some_and(|t| t.newline)
        || c.any(i - 1, &[".", "!", "?", "\"", "`", "'", "“", ":"])
}

#[rustfmt::skip]
const CURRENT_NOT: &[&str] = &[
    "account", "accounts", "affairs", "events", "assets", "liabilities", "flows", "flow", "-", "density",
    "draw", "source", "sources",
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
            // "Now, he says, ...": a discourse marker opening the sentence
            if w == "now" && c.w(i + 1) == "," && sentence_start(c, i) {
                return None;
            }
            M::lit(i + 1, TimexType::Date, "PRESENT_REF")
        }
        "someday" => M::lit(i + 1, TimexType::Date, "FUTURE_REF"),
        // "mid-afternoon", "by mid afternoon yesterday"
        "morning" | "afternoon" | "evening"
            if c.w(i.wrapping_sub(1)) == "mid"
                || (c.w(i.wrapping_sub(1)) == "-" && c.w(i.wrapping_sub(2)) == "mid") =>
        {
            part_of_day(c, i)?
        }
        // "orders in the morning": a part of the day under discussion
        "the"
            if matches!(c.w(i + 1), "morning" | "afternoon" | "evening")
                && c.any(i.wrapping_sub(1), &["in", "during", "by"]) =>
        {
            part_of_day(c, i + 1)?
        }
        "one" | "some"
            if c.w(i + 1) == "day"
                && !c.any(
                    i + 2,
                    &[
                        "later", "earlier", "after", "before", "ago", "of", "-", "and", "or", "to",
                    ],
                )
                && c.lean(i, i + 2, Lean::Past) == Lean::Future =>
        {
            M::lit(i + 2, TimexType::Date, "FUTURE_REF")
        }
        "a" if c.w(i + 1) == "while" && c.any(i.wrapping_sub(1), &["for", "in", "after"]) => {
            M::lit(i + 2, TimexType::Duration, "PXX")
        }
        "a" if c.w(i + 1) == "later" && c.w(i + 2) == "date" => {
            M::lit(i + 3, TimexType::Date, "FUTURE_REF")
        }
        "these" if c.w(i + 1) == "days" => M::lit(i + 2, TimexType::Date, "PRESENT_REF"),
        "recently" | "lately" => M::lit(i + 1, TimexType::Date, "PAST_REF"),
        "future" if c.any(i.wrapping_sub(1), &["in", "for"]) => {
            M::lit(i + 1, TimexType::Date, "FUTURE_REF")
        }
        // "the then current price"
        "then" if c.w(i + 1) == "current" => M::lit(i + 2, TimexType::Date, "PAST_REF"),
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
                // the year under discussion: a forecast year does not count
                let y = c.last_past.map_or(dct.year(), |p| p.year());
                M::date(k, Point::Year(y)).deictic()
            }

            // "by the end of the month": the month (week) of the DCT
            "month" | "week"
                if c.w(i.wrapping_sub(1)) == "of"
                    && c.any(i.wrapping_sub(2), &["end", "beginning", "start", "middle"]) =>
            {
                let p = if c.w(i + 1) == "month" {
                    Point::Month(dct.year(), dct.month())
                } else {
                    crate::resolve::week_of(dct)
                };
                M::date(i + 2, p).deictic()
            }
            // "For the week, the index dropped", "the week's most active
            // session": the week under discussion (of the last day
            // mentioned, else of the DCT)
            "week"
                if !c.any(
                    i + 2,
                    &[
                        "of",
                        "before",
                        "after",
                        "ended",
                        "ending",
                        "earlier",
                        "later",
                        "-",
                        "to",
                        "or",
                        "and",
                        "in",
                        "that",
                        "when",
                        "ahead",
                        "prior",
                        "following",
                    ],
                ) && c.kind(i + 2) != Some(Kind::Num) =>
            {
                let day = match c.last_any {
                    Some(Point::Day(d)) => d,
                    _ => dct,
                };
                M::date(i + 2, crate::resolve::week_of(day)).deictic()
            }
            "near" | "short" if c.w(i + 2) == "term" && c.w(i + 3) != "-" => {
                M::lit(i + 3, TimexType::Date, "FUTURE_REF")
            }
            "near" | "distant" | "foreseeable" if c.w(i + 2) == "future" => {
                M::lit(i + 3, TimexType::Date, "FUTURE_REF")
            }
            _ => return None,
        },
        "year" if c.w(i + 1) == "-" && c.w(i + 2) == "end" && c.glued(i + 2) => {
            year_end(c, i, i + 3)?
        }
        "year" if c.w(i + 1) == "end" => year_end(c, i, i + 2)?,
        "year" if c.w(i + 1) == "'" && c.w(i + 2) == "s" && c.w(i + 3) == "end" => {
            M::date(i + 4, Point::Year(dct.year())).with_mod(crate::Modifier::End)
        }
        // "last Thanksgiving", "next Christmas": the one before or after the DCT
        "last" | "next" if c.e(i + 1).is_some() => {
            let dir = if w == "last" {
                Lean::Past
            } else {
                Lean::Future
            };
            holiday_in(c, i + 1, Some(dir))?
        }
        _ => return holiday(c, i),
    })
}

/// "year-end", "year end": December 31 of the DCT year, or of the year
/// before after "since".
fn year_end(c: &Ctx, i: usize, end: usize) -> Option<M> {
    let y = c.dct.year() - i32::from(c.w(i.wrapping_sub(1)) == "since");
    Some(
        M::date(end, Point::Day(NaiveDate::from_ymd_opt(y, 12, 31)?))
            .with_mod(crate::Modifier::End),
    )
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
    holiday_in(c, i, None)
}

/// The year of a holiday on `month`/`day`: strictly before or after the
/// DCT when `strict` is given ("last Thanksgiving"), else by the tense of
/// tokens `[i, end)`.
fn holiday_year(c: &Ctx, i: usize, end: usize, month: u32, day: u32, strict: Option<Lean>) -> i32 {
    match strict {
        Some(l) => crate::resolve::year_within(c.dct, month, Some(day), l, -1),
        None => year_for(c.dct, month, Some(day), c.lean(i, end, Lean::Nearest)),
    }
}

/// A holiday at `i`, in the year `strict` demands when given.
fn holiday_in(c: &Ctx, i: usize, strict: Option<Lean>) -> Option<M> {
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
        let y = holiday_year(c, i, i + 2, 11, 5, strict);
        let first = NaiveDate::from_ymd_opt(y, 11, 2)?;
        let off = (1 + 7 - first.weekday().num_days_from_monday() as i64) % 7;
        return Some(M::date(i + 2, Point::Day(first + Duration::days(off))));
    } else if w == "thanksgiving" && c.cap(i) {
        let end = if c.w(i + 1) == "day" { i + 2 } else { i + 1 };
        let y = holiday_year(c, i, end, 11, 25, strict);
        let first = NaiveDate::from_ymd_opt(y, 11, 1)?;
        let off = (3 + 7 - first.weekday().num_days_from_monday() as i64) % 7;
        return Some(M::date(end, Point::Day(first + Duration::days(off + 21))));
    } else {
        return None;
    };
    let (y, end) = match super::dates::year_at(c, end) {
        Some((y, e)) => (y, e),
        None => (holiday_year(c, i, end, m, d, strict), end),
    };
    Some(M::date(end, Point::Day(NaiveDate::from_ymd_opt(y, m, d)?)))
}

/// Bare weekdays ("Thursday", "Friday morning"), by tense; plurals are SETs.
pub fn weekday(c: &Ctx, i: usize) -> Option<M> {
    weekday_from(c, i, i)
}

/// A bare weekday at `i` whose tense is read from the clause around tokens
/// `from..` (the start of a longer expression such as "4 a.m. Thursday").
pub fn weekday_from(c: &Ctx, i: usize, from: usize) -> Option<M> {
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
    // names: "Good Friday Agreement", "Black Monday", "Bloody Sunday"
    if c.cap(i.wrapping_sub(1))
        && c.any(
            i.wrapping_sub(1),
            &[
                "good", "black", "bloody", "holy", "ash", "cyber", "super", "easter", "palm",
                "maundy",
            ],
        )
    {
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
    // "Tuesday nights", "on Monday and Tuesday nights": recurring
    let plural_part = |k: usize| {
        c.e(k)
            .and_then(|e| e.part)
            .filter(|_| c.w(k).ends_with('s'))
    };
    let set_part = plural_part(j).map(|p| (p, j + 1)).or_else(|| {
        let second = c.any(j, &["and", "or"]) && c.e(j + 1).is_some_and(|e| e.weekday > 0);
        second.then(|| plural_part(j + 2)).flatten().map(|p| (p, j))
    });
    if let Some((p, end)) = set_part {
        return Some(M::lit(
            end,
            TimexType::Set,
            format!("XXXX-WXX-{}T{p}", wd + 1),
        ));
    }
    let lean = c.lean(from.min(i), j, Lean::Past);
    Some(day(c, wd_date(c.dct, wd, lean), j, true))
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
