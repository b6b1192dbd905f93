//! # dyad-time: a fast rule-based temporal tagger for news
//!
//! [`Tagger::tag`] finds time expressions in running text and normalises them
//! to TIMEX3 (`type` DATE, TIME, DURATION or SET, and an ISO-like `value`),
//! with byte offsets into the input. Relative expressions ("Thursday",
//! "last month", "a year earlier") are resolved against a document creation
//! date (DCT); bare weekdays and month names take their direction from the
//! tense of the clause ("agreed Thursday" is the previous Thursday, "will meet
//! on Thursday" the next one). Expressions relative to another *event*
//! ("two days after the summit") carry an [`EventAnchor`] so that a caller can
//! date them once it knows when the event happened. Modifiers inside the
//! extent ("early 1990", "more than two weeks", "1994 or later") keep the
//! value of what they modify and set the TIMEX3 `mod` attribute
//! ([`Modifier`]).
//!
//! The pipeline is: [`token`] splits the text into words, numbers and
//! punctuation with offsets; `grammar` tries hand-written productions at each
//! trigger token and keeps the longest match; [`resolve`] does the calendar
//! arithmetic; `tense` reads the clause around a match. [`timeml`] reads
//! TimeML gold files and scores a tagger with the TempEval-3 measures.
//!
//! ```
//! use chrono::NaiveDate;
//! let tagger = dyad_time::Tagger::new();
//! let dct = NaiveDate::from_ymd_opt(2024, 7, 12).unwrap();
//! let found = tagger.tag("The ministers agreed Thursday to meet again in January.", dct);
//! assert_eq!(found[0].value, "2024-07-11");
//! assert_eq!(found[1].value, "2024-01");
//!
//! let found = tagger.tag("Prices rose in early 2023.", dct);
//! assert_eq!(found[0].value, "2023");
//! assert_eq!(found[0].modifier, Some(dyad_time::Modifier::Start));
//! ```
#![warn(missing_docs)]

mod grammar;
mod lexicon;
pub mod modifier;
mod numbers;
pub mod resolve;
mod tense;
pub mod timeml;
pub mod token;

pub use modifier::Modifier;

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// The four TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TimexType {
    /// A calendar date or a vague reference to one ("PRESENT_REF").
    Date,
    /// A time of day, possibly with its date.
    Time,
    /// A length of time ("P2D").
    Duration,
    /// A recurring time ("every Monday").
    Set,
}

impl TimexType {
    /// The TimeML name: "DATE", "TIME", "DURATION" or "SET".
    pub fn as_str(&self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }

    /// Parses a TimeML type name (case-insensitive).
    pub fn parse(s: &str) -> Option<TimexType> {
        match s.to_ascii_uppercase().as_str() {
            "DATE" => Some(TimexType::Date),
            "TIME" => Some(TimexType::Time),
            "DURATION" => Some(TimexType::Duration),
            "SET" => Some(TimexType::Set),
            _ => None,
        }
    }
}

/// Calendar unit of an [`EventAnchor`] offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Unit {
    /// Days.
    Day,
    /// Weeks (7 days).
    Week,
    /// Calendar months.
    Month,
    /// Calendar years.
    Year,
}

/// Whether the expression lies before or after its anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Direction {
    /// "a month earlier", "the day before the summit".
    Before,
    /// "two days after Putin's summit", "a week later".
    After,
}

/// A time expression placed relative to an event rather than to the DCT.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventAnchor {
    /// The offset, or `None` when vague ("several months after").
    pub amount: Option<i64>,
    /// Unit of `amount`.
    pub unit: Unit,
    /// Before or after the anchor.
    pub direction: Direction,
    /// Byte offset where the anchor phrase starts (just after "after" or
    /// "before"); for "earlier"/"later" with no phrase, the end of the timex.
    pub anchor_start: usize,
}

impl EventAnchor {
    /// The date `amount` units before or after `anchor_date`; `None` when the
    /// amount is vague or the result is out of range.
    pub fn apply(&self, anchor_date: NaiveDate) -> Option<NaiveDate> {
        let n = self.amount?;
        let signed = match self.direction {
            Direction::Before => -n,
            Direction::After => n,
        };
        match self.unit {
            Unit::Day => anchor_date.checked_add_signed(chrono::Duration::try_days(signed)?),
            Unit::Week => {
                anchor_date.checked_add_signed(chrono::Duration::try_days(signed.checked_mul(7)?)?)
            }
            Unit::Month => add_months(anchor_date, signed),
            Unit::Year => add_months(anchor_date, signed.checked_mul(12)?),
        }
    }
}

fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let m = Months::new(u32::try_from(n.unsigned_abs()).ok()?);
    if n >= 0 {
        d.checked_add_months(m)
    } else {
        d.checked_sub_months(m)
    }
}

/// One recognised time expression.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timex {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset just past the last byte.
    pub end: usize,
    /// TIMEX3 type.
    pub kind: TimexType,
    /// TIMEX3 value ("2024-07-11", "P2D", "PRESENT_REF", "XXXX-WXX-1", ...).
    pub value: String,
    /// Set when the expression is relative to an event, not the DCT.
    pub event_anchor: Option<EventAnchor>,
    /// The TIMEX3 `mod` attribute ("early 1990" is `1990` with
    /// [`Modifier::Start`]), when the extent has a modifier.
    #[serde(rename = "mod", default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<Modifier>,
}

impl Timex {
    /// The value reduced to a calendar date ("YYYY", "YYYY-MM" or
    /// "YYYY-MM-DD") when it is one, else `None`. An ISO week ("2024-W29",
    /// "2024-W29-WE") becomes the month that holds all its days, or the year when it
    /// straddles two months ("will visit Russia next week" happens in that month, not on
    /// a day named elsewhere in the sentence).
    pub fn calendar_date(&self) -> Option<String> {
        if !matches!(self.kind, TimexType::Date | TimexType::Time) {
            return None;
        }
        calendar_prefix(&self.value).or_else(|| week_span(&self.value))
    }
}

/// The month ("YYYY-MM") that holds every day of ISO week `YYYY-Www` (with an optional
/// suffix such as `-WE`), else the year of its Thursday (the ISO week's own year).
fn week_span(value: &str) -> Option<String> {
    let b = value.as_bytes();
    if b.len() < 8 || b[4] != b'-' || b[5] != b'W' || !(b.len() == 8 || b[8] == b'-') {
        return None;
    }
    let y: i32 = value.get(..4)?.parse().ok()?;
    let w: u32 = value.get(6..8)?.parse().ok()?;
    let monday = NaiveDate::from_isoywd_opt(y, w, chrono::Weekday::Mon)?;
    let sunday = monday + chrono::Duration::days(6);
    if monday.format("%Y-%m").to_string() == sunday.format("%Y-%m").to_string() {
        return Some(monday.format("%Y-%m").to_string());
    }
    let thursday = monday + chrono::Duration::days(3);
    Some(thursday.format("%Y").to_string())
}

/// The longest prefix of `value` of the form YYYY, YYYY-MM or YYYY-MM-DD
/// (all digits, valid ranges), if the value starts with one.
pub fn calendar_prefix(value: &str) -> Option<String> {
    let b = value.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b.get(r.clone())
            .is_some_and(|s| s.iter().all(u8::is_ascii_digit))
    };
    if !digits(0..4) || (b.len() > 4 && b[4] != b'-') {
        return None;
    }
    if !(b.len() >= 7 && digits(5..7)) {
        return (b.len() == 4).then(|| value[..4].to_string());
    }
    let month: u32 = value[5..7].parse().ok()?;
    if !(1..=12).contains(&month) {
        return None;
    }
    if b.len() >= 10 && b[7] == b'-' && digits(8..10) && (b.len() == 10 || b[10] == b'T') {
        let y: i32 = value[..4].parse().ok()?;
        let d: u32 = value[8..10].parse().ok()?;
        NaiveDate::from_ymd_opt(y, month, d)?;
        return Some(value[..10].to_string());
    }
    (b.len() == 7).then(|| value[..7].to_string())
}

/// The temporal tagger: compiled word tables, built once, shareable across threads.
#[derive(Debug)]
pub struct Tagger {
    lex: lexicon::Lexicon,
}

impl Default for Tagger {
    fn default() -> Self {
        Tagger::new()
    }
}

impl Tagger {
    /// Builds the tables.
    pub fn new() -> Tagger {
        Tagger {
            lex: lexicon::Lexicon::new(),
        }
    }

    /// Finds and normalises the time expressions of `text` against the
    /// document creation date `dct`. Sorted by start, non-overlapping.
    pub fn tag(&self, text: &str, dct: NaiveDate) -> Vec<Timex> {
        let toks = token::tokenize(text);
        grammar::run(&self.lex, text, &toks, dct)
    }
}
