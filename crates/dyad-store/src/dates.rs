//! Dates as day numbers: the intervals the merge rule compares and the buckets aggregates group by.
//!
//! An event date is `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; each becomes the closed
//! interval of days it covers, counted from 1970-01-01 (day 0, a Thursday).

use chrono::{Datelike, NaiveDate};

const EPOCH_CE: i32 = 719_163; // NaiveDate(1970-01-01).num_days_from_ce()

/// Days since 1970-01-01 of a calendar date.
pub(crate) fn day_number(d: NaiveDate) -> i32 {
    d.num_days_from_ce() - EPOCH_CE
}

/// The calendar date of a day number (clamped to chrono's range).
pub(crate) fn from_day(day: i32) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(day.saturating_add(EPOCH_CE)).unwrap_or(NaiveDate::MIN)
}

/// `YYYY-MM-DD` of a day number.
pub(crate) fn day_label(day: i32) -> String {
    from_day(day).format("%Y-%m-%d").to_string()
}

/// The closed interval of days a `YYYY-MM-DD`, `YYYY-MM` or `YYYY` date covers.
pub(crate) fn interval(date: &str) -> Option<(i32, i32)> {
    let b = date.as_bytes();
    let num = |s: &str| -> Option<i32> {
        (!s.is_empty() && s.bytes().all(|c| c.is_ascii_digit())).then(|| s.parse().ok())?
    };
    match b.len() {
        4 => {
            let y = num(date)?;
            let lo = NaiveDate::from_ymd_opt(y, 1, 1)?;
            let hi = NaiveDate::from_ymd_opt(y, 12, 31)?;
            Some((day_number(lo), day_number(hi)))
        }
        7 if b[4] == b'-' => {
            let (y, m) = (num(&date[..4])?, num(&date[5..])? as u32);
            let lo = NaiveDate::from_ymd_opt(y, m, 1)?;
            let next = if m == 12 {
                NaiveDate::from_ymd_opt(y + 1, 1, 1)?
            } else {
                NaiveDate::from_ymd_opt(y, m + 1, 1)?
            };
            Some((day_number(lo), day_number(next) - 1))
        }
        10 if b[4] == b'-' && b[7] == b'-' => {
            let d = NaiveDate::from_ymd_opt(
                num(&date[..4])?,
                num(&date[5..7])? as u32,
                num(&date[8..])? as u32,
            )?;
            Some((day_number(d), day_number(d)))
        }
        _ => None,
    }
}

/// `year * 100 + month` of a day number: the month key stored with each event.
pub(crate) fn year_month(day: i32) -> i32 {
    let d = from_day(day);
    d.year() * 100 + d.month() as i32
}

/// The Monday that starts the ISO week of a day number (the SQL in `aggregate` computes the same).
#[cfg(test)]
pub(crate) fn week_start(day: i32) -> i32 {
    day - (day + 3).rem_euclid(7)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals() {
        let cases = [
            ("1970-01-01", Some((0, 0))),
            ("2024-07-11", Some((19915, 19915))),
            ("2024-02", Some((19754, 19782))),
            ("2023", Some((19358, 19722))),
            ("2024-13", None),
            ("2024-02-30", None),
            ("24-1-1", None),
            ("", None),
            ("abcd", None),
            ("2024-7-11", None),
        ];
        for (s, want) in cases {
            assert_eq!(interval(s), want, "{s}");
        }
    }

    #[test]
    fn buckets() {
        let d = interval("2024-07-11").unwrap().0;
        assert_eq!(day_label(d), "2024-07-11");
        assert_eq!(year_month(d), 202407);
        assert_eq!(day_label(week_start(d)), "2024-07-08");
        assert_eq!(day_label(week_start(d - 3)), "2024-07-08");
        assert_eq!(day_label(week_start(d - 4)), "2024-07-01");
        assert_eq!(day_label(week_start(-1)), "1969-12-29");
    }
}
