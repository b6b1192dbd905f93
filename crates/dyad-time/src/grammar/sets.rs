//! Recurring times (SET): "every Monday", "each July", "every other week",
//! "daily", "annually", "twice a week", "three times a year", "per day".

use super::durations::unit_at;
use super::{Ctx, M};
use crate::numbers::qty;
use crate::TimexType;

#[rustfmt::skip]
const ADVERBS: &[(&str, &str)] = &[
    ("daily", "P1D"), ("weekly", "P1W"), ("monthly", "P1M"), ("annually", "P1Y"), ("yearly", "P1Y"),
    ("hourly", "PT1H"), ("nightly", "P1D"), ("biweekly", "P2W"), ("semiannually", "P6M"),
    ("biannually", "P6M"),
];

/// Recurring times.
pub fn set(c: &Ctx, i: usize) -> Option<M> {
    let w = c.w(i);
    if let Some((_, v)) = ADVERBS.iter().find(|(a, _)| *a == w) {
        if c.w(i + 1) == "-" {
            return None;
        }
        return Some(M::lit(i + 1, TimexType::Set, *v));
    }
    if matches!(w, "once" | "twice" | "thrice") || (c.w(i + 1) == "times" && qty(c, i).is_some()) {
        let j = if w == "once" || w == "twice" || w == "thrice" {
            i + 1
        } else {
            i + 2
        };
        if c.any(j, &["a", "an", "per", "every", "each"]) {
            let (u, false, k) = unit_at(c, j + 1)? else {
                return None;
            };
            return Some(M::lit(k, TimexType::Set, u.duration(Some(1.0))));
        }
        return None;
    }
    if w == "per" {
        let (u, false, k) = unit_at(c, i + 1)? else {
            return None;
        };
        return Some(M::lit(k, TimexType::Set, u.duration(Some(1.0))));
    }
    if !matches!(w, "every" | "each") {
        return None;
    }
    let mut j = i + 1;
    let mut n = Some(1.0);
    if c.w(j) == "other" {
        n = Some(2.0);
        j += 1;
    } else if let Some(q) = qty(c, j) {
        if !q.article && c.unit(q.end).is_some() {
            n = q.val;
            j = q.end;
        }
    }
    let e = c.e(j)?;
    if let Some(u) = e.unit {
        return Some(M::lit(j + 1, TimexType::Set, u.duration(n)));
    }
    if e.weekday > 0 {
        return Some(M::lit(
            j + 1,
            TimexType::Set,
            format!("XXXX-WXX-{}", e.weekday),
        ));
    }
    if e.month > 0 && c.cap(j) {
        return Some(M::lit(
            j + 1,
            TimexType::Set,
            format!("XXXX-{:02}", e.month),
        ));
    }
    if let Some(p) = e.part {
        return Some(M::lit(j + 1, TimexType::Set, format!("XXXX-XX-XXT{p}")));
    }
    if c.w(j) == "weekend" {
        return Some(M::lit(j + 1, TimexType::Set, "XXXX-WXX-WE"));
    }
    None
}
