//! Calendar arithmetic for normalisation: a [`Point`] is a calendar period at
//! some granularity (a day, an ISO week, a month, a quarter, a year, ...) that
//! prints as its TIMEX3 value and can be shifted by whole units.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// Granularity of a unit or a calendar period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Gran {
    /// Seconds.
    Second,
    /// Minutes.
    Minute,
    /// Hours.
    Hour,
    /// Days.
    Day,
    /// Weeks.
    Week,
    /// Months.
    Month,
    /// Quarters.
    Quarter,
    /// Years.
    Year,
    /// Decades.
    Decade,
    /// Centuries.
    Century,
}

impl Gran {
    /// Letter(s) used in ISO durations ("D" for P3D); time units need "T".
    pub fn duration(self, n: Option<f64>) -> String {
        let (t, scale, letter) = match self {
            Gran::Second => (true, 1.0, "S"),
            Gran::Minute => (true, 1.0, "M"),
            Gran::Hour => (true, 1.0, "H"),
            Gran::Day => (false, 1.0, "D"),
            Gran::Week => (false, 1.0, "W"),
            Gran::Month => (false, 1.0, "M"),
            Gran::Quarter => (false, 1.0, "Q"),
            Gran::Year => (false, 1.0, "Y"),
            Gran::Decade => (false, 10.0, "Y"),
            Gran::Century => (false, 100.0, "Y"),
        };
        let p = if t { "PT" } else { "P" };
        match n {
            None => match self {
                Gran::Decade => "PXDE".to_string(),
                Gran::Century => "PXCE".to_string(),
                _ => format!("{p}X{letter}"),
            },
            Some(n) => {
                let v = n * scale;
                if v.fract() == 0.0 {
                    format!("{p}{}{letter}", v as i64)
                } else {
                    fractional(self, v)
                }
            }
        }
    }
}

/// "2 1/2 years" is P2Y6M, "5 1/2 hours" PT5H30M, "a minute and a half" PT1M30S.
fn fractional(g: Gran, v: f64) -> String {
    let whole = v.trunc() as i64;
    let (next, per, sub, t) = match g {
        Gran::Year => ("M", 12.0, "Y", false),
        Gran::Month => ("D", 30.0, "M", false),
        Gran::Week => ("D", 7.0, "W", false),
        Gran::Day => ("H", 24.0, "D", true),
        Gran::Hour => ("M", 60.0, "H", true),
        Gran::Minute => ("S", 60.0, "M", true),
        _ => return format!("P{}Y", v.round() as i64),
    };
    let rest = (v.fract() * per).round() as i64;
    let head = if whole > 0 {
        format!("{whole}{sub}")
    } else {
        String::new()
    };
    match (g, t) {
        (Gran::Day, _) => format!("P{head}T{rest}{next}"),
        (_, true) => format!("PT{head}{rest}{next}"),
        _ => format!("P{head}{rest}{next}"),
    }
}

/// A calendar period at some granularity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Point {
    /// One day.
    Day(NaiveDate),
    /// An ISO week (ISO year, week number).
    Week(i32, u32),
    /// The weekend of an ISO week.
    Weekend(i32, u32),
    /// A calendar month.
    Month(i32, u32),
    /// A quarter 1..=4.
    Quarter(i32, u32),
    /// A half year 1..=2.
    Half(i32, u32),
    /// A season: 0 spring, 1 summer, 2 fall, 3 winter.
    Season(i32, u32),
    /// A calendar year.
    Year(i32),
    /// A decade, by its first three digits (199 = the 1990s).
    Decade(i32),
    /// A century, by its first two digits (19 = the 1900s).
    Century(i32),
}

const SEASONS: [&str; 4] = ["SP", "SU", "FA", "WI"];

impl Point {
    /// The TIMEX3 value.
    pub fn value(&self) -> String {
        match *self {
            Point::Day(d) => format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            Point::Week(y, w) => format!("{y:04}-W{w:02}"),
            Point::Weekend(y, w) => format!("{y:04}-W{w:02}-WE"),
            Point::Month(y, m) => format!("{y:04}-{m:02}"),
            Point::Quarter(y, q) => format!("{y:04}-Q{q}"),
            Point::Half(y, h) => format!("{y:04}-H{h}"),
            Point::Season(y, s) => format!("{y:04}-{}", SEASONS[(s % 4) as usize]),
            Point::Year(y) => format!("{y:04}"),
            Point::Decade(d) => format!("{d:03}"),
            Point::Century(c) => format!("{c:02}"),
        }
    }

    /// The year the period lies in.
    pub fn year(&self) -> i32 {
        match *self {
            Point::Day(d) => d.year(),
            Point::Week(y, _)
            | Point::Weekend(y, _)
            | Point::Month(y, _)
            | Point::Quarter(y, _) => y,
            Point::Half(y, _) | Point::Season(y, _) | Point::Year(y) => y,
            Point::Decade(d) => d * 10,
            Point::Century(c) => c * 100,
        }
    }

    /// The granularity of the period.
    pub fn gran(&self) -> Gran {
        match self {
            Point::Day(_) => Gran::Day,
            Point::Week(..) | Point::Weekend(..) => Gran::Week,
            Point::Month(..) => Gran::Month,
            Point::Quarter(..) | Point::Half(..) | Point::Season(..) => Gran::Quarter,
            Point::Year(_) => Gran::Year,
            Point::Decade(_) => Gran::Decade,
            Point::Century(_) => Gran::Century,
        }
    }

    /// The period `n` units of `unit` away, kept at its own granularity when
    /// that is coarser than `unit` or a sub-year period shifted by years
    /// ("the third quarter" a year earlier is the third quarter of last year),
    /// otherwise reduced to `unit` granularity (a day shifted by months is a month).
    pub fn shift(&self, unit: Gran, n: i64) -> Option<Point> {
        let n32 = i32::try_from(n).ok()?;
        match (unit, *self) {
            (Gran::Year, Point::Quarter(y, q)) => Some(Point::Quarter(y + n32, q)),
            (Gran::Year, Point::Half(y, h)) => Some(Point::Half(y + n32, h)),
            (Gran::Year, Point::Season(y, s)) => Some(Point::Season(y + n32, s)),
            (Gran::Year, Point::Month(y, m)) => Some(Point::Month(y + n32, m)),
            (Gran::Year, _) => Some(Point::Year(self.year() + n32)),
            (Gran::Decade, _) => Some(Point::Year(self.year() + 10 * n32)),
            (Gran::Century, _) => Some(Point::Year(self.year() + 100 * n32)),
            (Gran::Quarter, Point::Quarter(y, q)) => {
                let i = y * 4 + q as i32 - 1 + n32;
                Some(Point::Quarter(i.div_euclid(4), i.rem_euclid(4) as u32 + 1))
            }
            (Gran::Quarter, _) => {
                let d = self.first_day()?;
                Some(quarter_of(add_months(d, 3 * n)?))
            }
            (Gran::Month, _) => {
                let d = self.first_day()?;
                let s = add_months(d, n)?;
                Some(Point::Month(s.year(), s.month()))
            }
            (Gran::Week, _) => {
                let d = self.first_day()?;
                Some(week_of(d.checked_add_signed(Duration::try_weeks(n)?)?))
            }
            _ => {
                let d = self.first_day()?;
                Some(Point::Day(d.checked_add_signed(Duration::try_days(n)?)?))
            }
        }
    }

    /// First day of the period (for arithmetic).
    pub fn first_day(&self) -> Option<NaiveDate> {
        match *self {
            Point::Day(d) => Some(d),
            Point::Week(y, w) | Point::Weekend(y, w) => {
                NaiveDate::from_isoywd_opt(y, w, Weekday::Mon)
            }
            Point::Month(y, m) => NaiveDate::from_ymd_opt(y, m, 1),
            Point::Quarter(y, q) => NaiveDate::from_ymd_opt(y, 3 * q - 2, 1),
            Point::Half(y, h) => NaiveDate::from_ymd_opt(y, 6 * h - 5, 1),
            Point::Season(y, s) => NaiveDate::from_ymd_opt(y, 3 * s + 3, 1),
            Point::Year(y) => NaiveDate::from_ymd_opt(y, 1, 1),
            Point::Decade(d) => NaiveDate::from_ymd_opt(d * 10, 1, 1),
            Point::Century(c) => NaiveDate::from_ymd_opt(c * 100, 1, 1),
        }
    }
}

/// The ISO week containing `d`.
pub fn week_of(d: NaiveDate) -> Point {
    let w = d.iso_week();
    Point::Week(w.year(), w.week())
}

/// The quarter containing `d`.
pub fn quarter_of(d: NaiveDate) -> Point {
    Point::Quarter(d.year(), (d.month() - 1) / 3 + 1)
}

/// `d` plus `n` calendar months (negative to go back), clamped to month end.
pub fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let m = chrono::Months::new(u32::try_from(n.unsigned_abs()).ok()?);
    if n >= 0 {
        d.checked_add_months(m)
    } else {
        d.checked_sub_months(m)
    }
}

/// Direction chosen for an underspecified expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lean {
    /// The most recent occurrence, on or before the DCT.
    Past,
    /// The next occurrence, on or after the DCT.
    Future,
    /// Whichever occurrence is nearest.
    Nearest,
}

/// The weekday `wd` (0 = Monday) nearest the DCT in the direction `lean`;
/// the DCT itself when it is that weekday.
pub fn weekday(dct: NaiveDate, wd: u32, lean: Lean) -> NaiveDate {
    let cur = dct.weekday().num_days_from_monday() as i64;
    let back = (cur - wd as i64).rem_euclid(7);
    let fwd = (wd as i64 - cur).rem_euclid(7);
    let days = match lean {
        Lean::Past => -back,
        Lean::Future => fwd,
        Lean::Nearest => {
            if back <= fwd {
                -back
            } else {
                fwd
            }
        }
    };
    dct + Duration::days(days)
}

/// The year for a month (1..=12, optional day) given without a year: the
/// occurrence nearest the DCT, except that a past clause rules out dates
/// more than a few weeks after the DCT and a future clause dates more than a
/// few weeks before it.
pub fn year_for(dct: NaiveDate, month: u32, day: Option<u32>, lean: Lean) -> i32 {
    year_within(dct, month, day, lean, 90)
}

/// [`year_for`] with the number of days a past clause may still reach
/// ahead of the DCT (and a future clause behind it).
pub fn year_within(dct: NaiveDate, month: u32, day: Option<u32>, lean: Lean, slack: i64) -> i32 {
    let y = dct.year();
    let mut best: Option<(i64, i32)> = None;
    for cand in [y - 1, y, y + 1] {
        let Some(d) = NaiveDate::from_ymd_opt(cand, month, day.unwrap_or(15).min(28)) else {
            continue;
        };
        let diff = (d - dct).num_days();
        let allowed = match (lean, day) {
            (Lean::Past, _) => diff <= slack,
            // "will command a mission in December" (in March): a month
            // that is over cannot lie ahead
            (Lean::Future, None) => month_end(cand, month).is_some_and(|e| e >= dct),
            (Lean::Future, Some(_)) => diff >= -slack,
            (Lean::Nearest, _) => true,
        };
        if allowed && best.is_none_or(|(b, _)| diff.abs() < b) {
            best = Some((diff.abs(), cand));
        }
    }
    best.map_or(y, |b| b.1)
}

/// The last day of `month` in `year`.
fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn weekdays_follow_lean() {
        let dct = d(2024, 7, 12); // a Friday
        assert_eq!(weekday(dct, 3, Lean::Past), d(2024, 7, 11));
        assert_eq!(weekday(dct, 3, Lean::Future), d(2024, 7, 18));
        assert_eq!(weekday(dct, 4, Lean::Future), dct);
    }

    #[test]
    fn shifting_keeps_quarters() {
        assert_eq!(
            Point::Quarter(1989, 3)
                .shift(Gran::Year, -1)
                .unwrap()
                .value(),
            "1988-Q3"
        );
        assert_eq!(
            Point::Quarter(1989, 1)
                .shift(Gran::Quarter, -1)
                .unwrap()
                .value(),
            "1988-Q4"
        );
        assert_eq!(
            Point::Day(d(1998, 1, 8))
                .shift(Gran::Week, 1)
                .unwrap()
                .value(),
            "1998-W03"
        );
        assert_eq!(
            Point::Day(d(1998, 1, 8))
                .shift(Gran::Month, -1)
                .unwrap()
                .value(),
            "1997-12"
        );
    }

    #[test]
    fn durations() {
        assert_eq!(Gran::Year.duration(Some(2.5)), "P2Y6M");
        assert_eq!(Gran::Hour.duration(Some(5.5)), "PT5H30M");
        assert_eq!(Gran::Decade.duration(Some(1.0)), "P10Y");
        assert_eq!(Gran::Month.duration(None), "PXM");
    }
}
