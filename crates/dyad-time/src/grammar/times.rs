//! Clock times: "10:35 a.m.", "10 p.m. Wednesday", "7:15 p.m. EST", "1400
//! GMT", "noon", "midnight Friday", "4 in the morning". The date part comes
//! from a following weekday or date, else the DCT. Time zones are part of
//! the extent but not of the value.

use super::{Ctx, M};
use crate::resolve::Point;
use crate::token::Kind;
use crate::TimexType;

#[rustfmt::skip]
const ZONES: &[&str] = &[
    "gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "bst", "cet", "cest",
    "eet", "eest", "msk", "jst", "kst", "ist", "hkt", "sgt", "aest", "aedt", "wib", "pkt", "ast",
    "et", "pt", "ct", "mt",
];

/// "a.m." / "am" / "p.m." / "pm" at `i`: (is_pm, end).
fn meridian(c: &Ctx, i: usize) -> Option<(bool, usize)> {
    let w = c.w(i);
    if w == "am" || w == "pm" {
        return Some((w == "pm", c.skip_dot(i + 1)));
    }
    if (w == "a" || w == "p")
        && c.w(i + 1) == "."
        && c.glued(i + 1)
        && c.w(i + 2) == "m"
        && c.glued(i + 2)
    {
        return Some((w == "p", c.skip_dot(i + 3)));
    }
    None
}

fn zone(c: &Ctx, i: usize) -> Option<usize> {
    if c.any(i, ZONES) && c.tok(i).is_some_and(|t| t.cap) {
        return Some(i + 1);
    }
    if c.w(i) == "local" && c.w(i + 1) == "time" {
        return Some(i + 2);
    }
    None
}

/// A date after a time: ", Wednesday", "on Nov. 9", "today".
fn date_after(c: &Ctx, i: usize, from: usize) -> Option<(Point, usize)> {
    // "10:35 a.m. (0735 GMT) Friday": the date after a short parenthesis
    // dates the time but stays outside its extent
    if c.w(i) == "(" {
        let close = (i + 1..i + 12).find(|&k| c.w(k) == ")")?;
        // "4 in the morning (4 a.m. EDT Thursday)": or the date inside it
        let inside = (i + 1..close).find_map(|k| {
            let m = super::dates::explicit(c, k)
                .or_else(|| super::relative::weekday_from(c, k, from))?;
            match m.point {
                Some(p @ Point::Day(_)) => Some(p),
                _ => None,
            }
        });
        return inside
            .or_else(|| plain_date_after(c, close + 1, from).map(|(p, _)| p))
            .map(|p| (p, i));
    }
    plain_date_after(c, i, from)
}

/// [`date_after`] without the parenthesis.
fn plain_date_after(c: &Ctx, i: usize, from: usize) -> Option<(Point, usize)> {
    let j = if c.any(i, &[",", "on"]) { i + 1 } else { i };
    for r in 0..3 {
        let m = match r {
            0 => super::dates::explicit(c, j),
            1 => super::relative::weekday_from(c, j, from),
            _ => super::relative::words(c, j),
        };
        if let Some(m) = m {
            if let (Some(p @ Point::Day(_)), crate::TimexType::Date | crate::TimexType::Time) =
                (m.point, m.kind)
            {
                // "10 a.m. Tuesday" is one expression; "10 a.m. on Tuesday" two,
                // but the date still dates the time
                return Some((p, if c.w(i) == "on" { i } else { m.end }));
            }
        }
    }
    None
}

/// Clock times.
pub fn clock(c: &Ctx, i: usize) -> Option<M> {
    let w = c.w(i);
    let (mut h, mi, mut j, mut explicit) = match w {
        // "High Noon" is a film
        "noon" if c.w(i.wrapping_sub(1)) == "high" => return None,
        "noon" | "midday" => (12, 0, i + 1, true),
        "midnight" => (24, 0, i + 1, true),
        _ => {
            let h = c.num(i)?;
            if c.glued(i) && c.kind(i - 1) != Some(Kind::Punct) {
                return None;
            }
            if c.w(i + 1) == ":" && c.glued(i + 1) && c.glued(i + 2) && c.w(i + 2).len() == 2 {
                let m = c.num(i + 2)?;
                let mut j = i + 3;
                if c.w(j) == ":" && c.glued(j) && c.w(j + 1).len() == 2 {
                    j += 2;
                }
                (h, m, j, false)
            } else if c.w(i).len() == 4 && zone(c, i + 1).is_some() {
                (h / 100, h % 100, i + 1, true)
            } else {
                (h, 0, i + 1, false)
            }
        }
    };
    if !(0..=24).contains(&h) || !(0..60).contains(&mi) {
        return None;
    }
    if let Some((pm, k)) = meridian(c, j) {
        if h > 12 || h == 0 {
            return None;
        }
        if pm && h < 12 {
            h += 12;
        }
        if !pm && h == 12 {
            h = 0;
        }
        j = k;
        explicit = true;
    } else if c.w(j) == "o" && c.w(j + 1) == "'" && c.w(j + 2) == "clock" {
        j += 3;
        explicit = true;
    } else if c.w(j) == "in"
        && c.w(j + 1) == "the"
        && c.any(j + 2, &["morning", "afternoon", "evening"])
        && h <= 12
    {
        if c.w(j + 2) != "morning" && h < 12 {
            h += 12;
        }
        j += 3;
        explicit = true;
    }
    if let Some(k) = zone(c, j) {
        j = k;
        explicit = explicit || c.w(i + 1) == ":";
    }
    let dated = date_after(c, j, i);
    // a bare "7:30" is a time when introduced as one or followed by a date
    if !explicit
        && c.w(i + 1) == ":"
        && (dated.is_some()
            || c.any(
                i.wrapping_sub(1),
                &[
                    "at",
                    "by",
                    "around",
                    "about",
                    "from",
                    "until",
                    "till",
                    "before",
                    "after",
                    "since",
                    "approximately",
                ],
            ))
    {
        explicit = h <= 23;
    }
    if !explicit {
        return None;
    }
    let (date, end) = match dated {
        Some((p, e)) => (p, e),
        // an undated time in a past clause is on the last day mentioned
        None => match c.last_any {
            Some(p @ Point::Day(d))
                if d <= c.dct
                    && c.lean(i, j, crate::resolve::Lean::Nearest)
                        == crate::resolve::Lean::Past =>
            {
                (p, j)
            }
            _ => (Point::Day(c.dct), j),
        },
    };
    let v = if mi == 0 && (w == "noon" || w == "midnight") {
        format!("{}T{:02}:00", date.value(), h)
    } else {
        format!("{}T{:02}:{:02}", date.value(), h, mi)
    };
    let mut m = M::lit(end, TimexType::Time, v);
    m.point = Some(date);
    m.deictic = true;
    Some(m)
}
