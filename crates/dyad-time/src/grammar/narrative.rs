//! Reference time beyond the DCT: which period a report is about (for "a
//! year earlier" and "the quarter"), and the day a narrative is on (for
//! "the day before the summit" when the text dates the summit).

use super::Ctx;
use crate::resolve::{Gran, Lean, Point};
use chrono::NaiveDate;

/// True when `p` can be the period a report is about: a year or longer
/// that has begun by the DCT, or a shorter period that has ended by it.
pub(super) fn reported(p: Point, dct: NaiveDate) -> bool {
    let Some(start) = p.first_day() else {
        return false;
    };
    if p.gran() >= Gran::Year {
        return start <= dct;
    }
    let unit = match p {
        Point::Half(..) => Gran::Quarter,
        _ => p.gran(),
    };
    let n = if matches!(p, Point::Half(..)) { 2 } else { 1 };
    p.shift(unit, n)
        .and_then(|q| q.first_day())
        .is_some_and(|next| next <= dct)
}

/// The date of "the day before/after <phrase>" starting at token `i`, when
/// the text gives it: the date the expression stands in apposition to
/// ("Oct. 12, the day before the crash" is Oct. 12), a date inside the
/// phrase ("the day before last Tuesday's hearing"), else the last day
/// mentioned, shifted by `n` units of `unit`, in a narrative past clause.
pub(super) fn day_around(c: &Ctx, i: usize, at: usize, unit: Gran, n: i64) -> Option<Point> {
    if unit != Gran::Day {
        return None;
    }
    if let Some((end, Some(p @ Point::Day(_)))) = c.last_end {
        if i >= 1 && end == i - 1 && c.w(i - 1) == "," {
            return Some(p);
        }
    }
    for k in at..at + 3 {
        if matches!(c.w(k), "." | "," | ";") {
            break;
        }
        if let Some(m) = super::best(c, k) {
            if let Some(p @ Point::Day(_)) = m.point {
                return p.shift(Gran::Day, n);
            }
            break;
        }
    }
    match c.last_any {
        Some(p @ Point::Day(d)) if d <= c.dct && c.lean(i, at, Lean::Past) == Lean::Past => {
            p.shift(Gran::Day, n)
        }
        _ => None,
    }
}
