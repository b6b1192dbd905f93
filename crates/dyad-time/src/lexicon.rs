//! Word tables: month and weekday names, units, number words, ordinals,
//! seasons, parts of the day and fixed holidays, compiled once into a hash map
//! from lowercase word to its roles (a word may have several: "second" is an
//! ordinal and a unit, "may" a month and a modal).

use crate::resolve::Gran;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: short ASCII keys, no need for DoS resistance on a fixed table.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf29ce484222325
        } else {
            self.0
        };
        for b in bytes {
            h ^= *b as u64;
            h = h.wrapping_mul(0x100000001b3);
        }
        self.0 = h;
    }
}

type Map = HashMap<&'static str, Entry, BuildHasherDefault<Fnv>>;

/// Every role a word can play.
#[derive(Debug, Clone, Copy, Default)]
pub struct Entry {
    /// Month 1..=12, 0 if none.
    pub month: u8,
    /// True when the form is an abbreviation that may take a period ("sept").
    pub abbrev: bool,
    /// Weekday 1..=7 (Monday = 1), 0 if none.
    pub weekday: u8,
    /// True for plural weekday forms ("mondays").
    pub weekday_plural: bool,
    /// Calendar or clock unit.
    pub unit: Option<Gran>,
    /// True for plural unit forms ("years").
    pub plural: bool,
    /// Cardinal number word value.
    pub card: Option<i64>,
    /// Ordinal number word value ("third" = 3).
    pub ord: Option<u8>,
    /// Season: 1 spring, 2 summer, 3 fall, 4 winter (0 none).
    pub season: u8,
    /// Part of day code ("MO", "AF", "EV", "NI"), if any.
    pub part: Option<&'static str>,
    /// Fixed-date holiday (month, day).
    pub holiday: Option<(u8, u8)>,
}

/// The compiled table.
pub struct Lexicon {
    map: Map,
}

#[rustfmt::skip]
const MONTHS: &[(&str, u8, bool)] = &[
    ("january", 1, false), ("jan", 1, true), ("february", 2, false), ("feb", 2, true), ("march", 3, false),
    ("mar", 3, true), ("april", 4, false), ("apr", 4, true), ("may", 5, false), ("june", 6, false),
    ("jun", 6, true), ("july", 7, false), ("jul", 7, true), ("august", 8, false), ("aug", 8, true),
    ("september", 9, false), ("sept", 9, true), ("sep", 9, true), ("october", 10, false), ("oct", 10, true),
    ("november", 11, false), ("nov", 11, true), ("december", 12, false), ("dec", 12, true),
];

#[rustfmt::skip]
const WEEKDAYS: &[(&str, u8)] = &[
    ("monday", 1), ("mon", 1), ("tuesday", 2), ("tue", 2), ("tues", 2), ("wednesday", 3), ("wed", 3),
    ("thursday", 4), ("thu", 4), ("thur", 4), ("thurs", 4), ("friday", 5), ("fri", 5), ("saturday", 6),
    ("sat", 6), ("sunday", 7), ("sun", 7),
];

#[rustfmt::skip]
const UNITS: &[(&str, Gran, bool)] = &[
    ("second", Gran::Second, false), ("seconds", Gran::Second, true), ("minute", Gran::Minute, false),
    ("minutes", Gran::Minute, true), ("min", Gran::Minute, false), ("mins", Gran::Minute, true),
    ("hour", Gran::Hour, false), ("hours", Gran::Hour, true), ("hr", Gran::Hour, false),
    ("hrs", Gran::Hour, true), ("day", Gran::Day, false), ("days", Gran::Day, true),
    ("week", Gran::Week, false), ("weeks", Gran::Week, true), ("fortnight", Gran::Week, false),
    ("month", Gran::Month, false), ("months", Gran::Month, true), ("quarter", Gran::Quarter, false),
    ("quarters", Gran::Quarter, true), ("year", Gran::Year, false), ("years", Gran::Year, true),
    ("yr", Gran::Year, false), ("yrs", Gran::Year, true), ("decade", Gran::Decade, false),
    ("decades", Gran::Decade, true), ("century", Gran::Century, false), ("centuries", Gran::Century, true),
];

#[rustfmt::skip]
const CARDINALS: &[(&str, i64)] = &[
    ("zero", 0), ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7),
    ("eight", 8), ("nine", 9), ("ten", 10), ("eleven", 11), ("twelve", 12), ("thirteen", 13),
    ("fourteen", 14), ("fifteen", 15), ("sixteen", 16), ("seventeen", 17), ("eighteen", 18), ("nineteen", 19),
    ("twenty", 20), ("thirty", 30), ("forty", 40), ("fifty", 50), ("sixty", 60), ("seventy", 70),
    ("eighty", 80), ("ninety", 90), ("hundred", 100), ("thousand", 1000), ("dozen", 12),
];

#[rustfmt::skip]
const ORDINALS: &[(&str, u8)] = &[
    ("first", 1), ("second", 2), ("third", 3), ("fourth", 4), ("fifth", 5), ("sixth", 6), ("seventh", 7),
    ("eighth", 8), ("ninth", 9), ("tenth", 10), ("eleventh", 11), ("twelfth", 12), ("thirteenth", 13),
    ("fourteenth", 14), ("fifteenth", 15), ("sixteenth", 16), ("seventeenth", 17), ("eighteenth", 18),
    ("nineteenth", 19), ("twentieth", 20), ("thirtieth", 30), ("last", 0),
];

#[rustfmt::skip]
const SEASONS: &[(&str, u8)] = &[
    ("spring", 1), ("summer", 2), ("fall", 3), ("autumn", 3), ("winter", 4),
];

#[rustfmt::skip]
const PARTS: &[(&str, &str)] = &[
    ("morning", "MO"), ("mornings", "MO"), ("afternoon", "AF"), ("afternoons", "AF"), ("evening", "EV"),
    ("evenings", "EV"), ("night", "NI"), ("nights", "NI"), ("overnight", "NI"),
];

/// Words that can start an expression without having a role of their own.
#[rustfmt::skip]
const STARTERS: &[&str] = &[
    "the", "a", "an", "last", "next", "this", "that", "these", "past", "coming", "previous", "following",
    "early", "late", "mid", "earlier", "later", "end", "beginning", "start", "middle", "turn", "about",
    "around", "approximately", "roughly", "nearly", "almost", "some", "more", "less", "fewer", "at", "up",
    "over", "under", "just", "only", "barely", "another", "well", "close", "upwards", "every", "each", "per",
    "once", "twice", "thrice", "today", "tonight", "yesterday", "tomorrow", "now", "currently", "presently",
    "nowadays", "recently", "lately", "previously", "formerly", "recent", "current", "future", "soon",
    "daily", "weekly", "monthly", "annually", "yearly", "hourly", "nightly", "quarterly", "biweekly",
    "fiscal", "fy", "several", "few", "many", "numerous", "couple", "half", "dozens", "hundreds", "noon",
    "midday", "midnight", "weekend", "weekends", "q", "latest", "same", "prior", "upcoming", "final", "year",
    "ago", "h", "semiannually", "biannually", "period", "in", "thanksgiving", "election", "new", "right",
    "nineties", "eighties", "seventies", "sixties", "fifties", "forties", "thirties", "twenties",
    "someday", "then", "sometime", "no", "not", "post", "pre",
];

#[rustfmt::skip]
const HOLIDAYS: &[(&str, u8, u8)] = &[
    ("christmas", 12, 25), ("xmas", 12, 25), ("halloween", 10, 31),
];

impl Lexicon {
    /// Builds the table.
    pub fn new() -> Lexicon {
        let mut map: Map = Map::with_capacity_and_hasher(512, Default::default());
        for &(w, m, ab) in MONTHS {
            let e = map.entry(w).or_default();
            e.month = m;
            e.abbrev = ab;
        }
        for &(w, d) in WEEKDAYS {
            map.entry(w).or_default().weekday = d;
        }
        for w in [
            "mondays",
            "tuesdays",
            "wednesdays",
            "thursdays",
            "fridays",
            "saturdays",
            "sundays",
        ] {
            let e = map.entry(w).or_default();
            e.weekday = WEEKDAYS
                .iter()
                .find(|(n, _)| w.starts_with(n) && n.len() > 3)
                .map_or(0, |x| x.1);
            e.weekday_plural = true;
        }
        for &(w, g, pl) in UNITS {
            let e = map.entry(w).or_default();
            e.unit = Some(g);
            e.plural = pl;
        }
        for &(w, n) in CARDINALS {
            map.entry(w).or_default().card = Some(n);
        }
        for &(w, n) in ORDINALS {
            map.entry(w).or_default().ord = Some(n);
        }
        for &(w, s) in SEASONS {
            map.entry(w).or_default().season = s;
        }
        for &(w, p) in PARTS {
            map.entry(w).or_default().part = Some(p);
        }
        for &(w, m, d) in HOLIDAYS {
            map.entry(w).or_default().holiday = Some((m, d));
        }
        for w in STARTERS {
            map.entry(w).or_default();
        }
        Lexicon { map }
    }

    /// The roles of a lowercase word.
    #[inline]
    pub fn get(&self, w: &str) -> Option<&Entry> {
        self.map.get(w)
    }
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Lexicon({} words)", self.map.len())
    }
}

impl Default for Lexicon {
    fn default() -> Self {
        Lexicon::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_dups(words: &[&str]) {
        let mut v = words.to_vec();
        v.sort_unstable();
        let n = v.len();
        v.dedup();
        assert_eq!(n, v.len(), "duplicate entries");
        assert!(
            words
                .iter()
                .all(|w| w.bytes().all(|b| b.is_ascii_lowercase())),
            "entries must be lowercase ASCII"
        );
    }

    #[test]
    fn tables_are_clean() {
        no_dups(&MONTHS.iter().map(|x| x.0).collect::<Vec<_>>());
        no_dups(&WEEKDAYS.iter().map(|x| x.0).collect::<Vec<_>>());
        no_dups(&UNITS.iter().map(|x| x.0).collect::<Vec<_>>());
        no_dups(&CARDINALS.iter().map(|x| x.0).collect::<Vec<_>>());
        no_dups(&ORDINALS.iter().map(|x| x.0).collect::<Vec<_>>());
        no_dups(STARTERS);
        assert!(MONTHS.iter().all(|m| (1..=12).contains(&m.1)));
        assert!(WEEKDAYS.iter().all(|d| (1..=7).contains(&d.1)));
        let lex = Lexicon::new();
        assert_eq!(
            lex.get("sept").map(|e| (e.month, e.abbrev)),
            Some((9, true))
        );
        assert_eq!(
            lex.get("second").map(|e| (e.ord, e.unit)),
            Some((Some(2), Some(Gran::Second)))
        );
        assert_eq!(
            lex.get("mondays").map(|e| (e.weekday, e.weekday_plural)),
            Some((1, true))
        );
    }
}
