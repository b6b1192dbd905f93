//! The TIMEX3 `mod` attribute: how an expression narrows or loosens the
//! period or quantity it names.
//!
//! TimeML keeps the value of "early 1990" as `1990` and says "early" in
//! `mod="START"`; "about three years" is `P3Y` with `mod="APPROX"`. The
//! grammar sets a [`Modifier`] from the words that precede or follow an
//! expression inside its extent:
//!
//! | words | mod |
//! |---|---|
//! | early, earlier, the beginning/start of, the early part of | START |
//! | mid, mid-, the middle of | MID |
//! | late, later, the end of, the latter part of, year-end | END |
//! | about, around, approximately, roughly, some, close to, nearly, ... or so | APPROX |
//! | more than, over, upwards of | MORE_THAN |
//! | less than, fewer than, almost, barely, under | LESS_THAN |
//! | at least, no less than | EQUAL_OR_MORE |
//! | at most, up to, no more than, not more than | EQUAL_OR_LESS |
//! | pre-1990 / post-1990 | BEFORE / AFTER |
//! | 1994 or earlier / 1994 or later, and beyond | ON_OR_BEFORE / ON_OR_AFTER |
//!
//! "nearly" is APPROX (TimeBank writes APPROX more often than LESS_THAN or
//! EQUAL_OR_LESS for it); "almost" is LESS_THAN, as TimeBank writes it.

use serde::{Deserialize, Serialize};

/// The twelve values of the TIMEX3 `mod` attribute (TimeML 1.2.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Modifier {
    /// The start of the period: "early 1990", "earlier this month".
    Start,
    /// The middle of the period: "mid-2023", "the middle of October".
    Mid,
    /// The end of the period: "late November", "the end of the year".
    End,
    /// Roughly the amount or time: "about three years", "around Nov. 1".
    Approx,
    /// Strictly less: "less than a year".
    LessThan,
    /// Strictly more: "more than two weeks".
    MoreThan,
    /// At most: "no more than 60 days", "up to 180 days".
    EqualOrLess,
    /// At least: "at least 30 days".
    EqualOrMore,
    /// Before the time: "pre-1990".
    Before,
    /// After the time: "post-1959".
    After,
    /// On or before the time: "1994 or earlier".
    OnOrBefore,
    /// On or after the time: "1994 or later", "1990 and beyond".
    OnOrAfter,
}

const NAMES: [(Modifier, &str); 12] = [
    (Modifier::Start, "START"),
    (Modifier::Mid, "MID"),
    (Modifier::End, "END"),
    (Modifier::Approx, "APPROX"),
    (Modifier::LessThan, "LESS_THAN"),
    (Modifier::MoreThan, "MORE_THAN"),
    (Modifier::EqualOrLess, "EQUAL_OR_LESS"),
    (Modifier::EqualOrMore, "EQUAL_OR_MORE"),
    (Modifier::Before, "BEFORE"),
    (Modifier::After, "AFTER"),
    (Modifier::OnOrBefore, "ON_OR_BEFORE"),
    (Modifier::OnOrAfter, "ON_OR_AFTER"),
];

impl Modifier {
    /// The TimeML name ("START", "EQUAL_OR_MORE", ...).
    pub fn as_str(&self) -> &'static str {
        NAMES.iter().find(|(m, _)| m == self).map_or("", |(_, s)| s)
    }

    /// Parses a TimeML name (case-insensitive); `None` for anything else.
    pub fn parse(s: &str) -> Option<Modifier> {
        NAMES
            .iter()
            .find(|(_, n)| n.eq_ignore_ascii_case(s.trim()))
            .map(|(m, _)| *m)
    }

    /// The modifier of a prefix (lowercase words, as matched by the
    /// grammar's approximator and fuzzy-modifier tables), if it has one.
    pub(crate) fn of_prefix(words: &[&str]) -> Option<Modifier> {
        use Modifier::*;
        let first = *words.first()?;
        let first = if first == "the" {
            *words.get(1)?
        } else {
            first
        };
        Some(match first {
            "early" | "earlier" | "beginning" | "start" => Start,
            "mid" | "middle" => Mid,
            "late" | "later" | "end" | "latter" => End,
            "about" | "around" | "approximately" | "roughly" | "some" | "close" | "nearly" => {
                Approx
            }
            "more" | "over" | "upwards" => MoreThan,
            "less" | "fewer" | "almost" | "barely" | "under" => LessThan,
            "at" if words.get(1) == Some(&"least") => EqualOrMore,
            "at" if words.get(1) == Some(&"most") => EqualOrLess,
            "up" => EqualOrLess,
            "no" | "not" if words.get(1) == Some(&"more") => EqualOrLess,
            "no" | "not" if words.get(1) == Some(&"less") => EqualOrMore,
            "first" => Start,
            "second" | "last" => End,
            _ => return None,
        })
    }
}

impl std::fmt::Display for Modifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for (m, s) in NAMES {
            assert_eq!(m.as_str(), s);
            assert_eq!(Modifier::parse(s), Some(m));
            assert_eq!(serde_json::to_string(&m).unwrap(), format!("\"{s}\""));
        }
        assert_eq!(Modifier::parse("sometime"), None);
    }

    #[test]
    fn prefixes() {
        for (words, want) in [
            (&["the", "end", "of"][..], Some(Modifier::End)),
            (&["early"][..], Some(Modifier::Start)),
            (&["mid", "-"][..], Some(Modifier::Mid)),
            (&["more", "than"][..], Some(Modifier::MoreThan)),
            (&["at", "least"][..], Some(Modifier::EqualOrMore)),
            (&["no", "more", "than"][..], Some(Modifier::EqualOrLess)),
            (&["the", "week", "of"][..], None),
            (&["an", "additional"][..], None),
        ] {
            assert_eq!(Modifier::of_prefix(words), want, "{words:?}");
        }
    }
}
