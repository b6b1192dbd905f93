//! The grammar: hand-written productions tried at each trigger token (a
//! number or a word in the lexicon); the longest match wins and scanning
//! resumes after it. Each production resolves its own value against the DCT,
//! the clause tense ([`crate::tense`]) and the last calendar period mentioned
//! (for anaphora like "a year earlier" or "the following week").
//!
//! Prefixes and suffixes are handled once for all productions (`affixes`):
//! approximators ("about", "nearly", "more than") before durations and
//! times, fuzzy modifiers ("early", "late", "mid-", "the end of") before
//! dates, which keep the value of the date they modify and set its `mod`,
//! and bounds after an expression ("or so", "or later").

mod affixes;
mod dates;
mod durations;
mod narrative;
mod periods;
mod relative;
mod sets;
mod shift;
mod times;

use crate::lexicon::{Entry, Lexicon};
use crate::resolve::{Gran, Lean, Point};
use crate::token::{Kind, Tok, Tokens};
use crate::{Direction, EventAnchor, Modifier, Timex, TimexType, Unit};
use chrono::NaiveDate;

/// Read-only view of one document for the productions.
pub struct Ctx<'a> {
    /// Tokens and lowercased text.
    pub t: &'a Tokens,
    /// Document creation date.
    pub dct: NaiveDate,
    /// Last non-deictic calendar period mentioned, for anaphora.
    pub last_ref: Option<Point>,
    /// Lexicon entry of each token (looked up once).
    pub ents: Vec<Option<&'a Entry>>,
    /// Last period of any kind mentioned (weekdays included), for day-level anaphora.
    pub last_any: Option<Point>,
    /// Last non-deictic period mentioned that had begun by the DCT: the
    /// period a report is about, for "a year earlier" and "the quarter"
    /// (a forecast "third quarter of 1990" is not what they compare with).
    pub last_past: Option<Point>,
    /// Token index just past the last expression found, with its period.
    pub last_end: Option<(usize, Option<Point>)>,
}

impl<'a> Ctx<'a> {
    /// Lowercase text of token `i` ("" out of range); a typographic
    /// apostrophe reads as "'".
    #[inline]
    pub fn w(&self, i: usize) -> &str {
        match self.t.s(i) {
            "’" => "'",
            s => s,
        }
    }
    /// Token `i`.
    #[inline]
    pub fn tok(&self, i: usize) -> Option<&Tok> {
        self.t.toks.get(i)
    }
    /// Kind of token `i`.
    #[inline]
    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.tok(i).map(|t| t.kind)
    }
    /// True when token `i` touches token `i - 1`.
    #[inline]
    pub fn glued(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.glued)
    }
    /// True when token `i` is capitalised.
    #[inline]
    pub fn cap(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.cap)
    }
    /// Lexicon entry of token `i`.
    #[inline]
    pub fn e(&self, i: usize) -> Option<&Entry> {
        self.ents.get(i).copied().flatten()
    }
    /// Unit of token `i` and whether it is plural.
    #[inline]
    pub fn unit(&self, i: usize) -> Option<(Gran, bool)> {
        self.e(i).and_then(|e| e.unit.map(|u| (u, e.plural)))
    }
    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.t.len()
    }
    /// Value of a digit token.
    pub fn num(&self, i: usize) -> Option<i64> {
        if self.kind(i) != Some(Kind::Num) || self.w(i).len() > 9 {
            return None;
        }
        self.w(i).parse().ok()
    }
    /// True when token `i` is one of `words`.
    pub fn any(&self, i: usize, words: &[&str]) -> bool {
        let w = self.w(i);
        words.contains(&w)
    }
    /// Tense direction of tokens `[s, e)`.
    pub fn lean(&self, s: usize, e: usize, default: Lean) -> Lean {
        crate::tense::lean(self, s, e, default)
    }
    /// Skips a period glued to token `i - 1` (abbreviations): returns the index after it.
    pub fn skip_dot(&self, i: usize) -> usize {
        if self.w(i) == "." && self.glued(i) {
            i + 1
        } else {
            i
        }
    }
    /// The reference period for anaphora: the last one mentioned, else the DCT day.
    pub fn reference(&self, unit: Gran) -> Point {
        let r = if unit <= Gran::Week {
            self.last_any
        } else {
            self.last_ref
        };
        r.unwrap_or(Point::Day(self.dct))
    }
}

/// An anchor on a match, before offsets are known.
#[derive(Debug, Clone, Copy)]
pub struct Anch {
    /// Offset, `None` when vague.
    pub amount: Option<i64>,
    /// Unit of the offset.
    pub unit: Gran,
    /// Before or after.
    pub dir: Direction,
    /// Token where the anchor phrase starts; `None` for "earlier"/"later".
    pub at: Option<usize>,
}

/// A production's result.
#[derive(Debug, Clone)]
pub struct M {
    /// Token index just past the match.
    pub end: usize,
    /// TIMEX3 type.
    pub kind: TimexType,
    /// TIMEX3 value.
    pub value: String,
    /// The calendar period, when the value is one (feeds anaphora).
    pub point: Option<Point>,
    /// Event anchor.
    pub anchor: Option<Anch>,
    /// True for DCT-relative words (today, weekdays) that should not become
    /// the reference for later anaphora.
    pub deictic: bool,
    /// The TIMEX3 `mod` attribute.
    pub modifier: Option<Modifier>,
}

impl M {
    /// A DATE match for a calendar period.
    pub fn date(end: usize, p: Point) -> M {
        M {
            end,
            kind: TimexType::Date,
            value: p.value(),
            point: Some(p),
            anchor: None,
            deictic: false,
            modifier: None,
        }
    }
    /// A match with a literal value.
    pub fn lit(end: usize, kind: TimexType, value: impl Into<String>) -> M {
        M {
            end,
            kind,
            value: value.into(),
            point: None,
            anchor: None,
            deictic: false,
            modifier: None,
        }
    }
    /// Marks the match deictic.
    pub fn deictic(mut self) -> M {
        self.deictic = true;
        self
    }
    /// Sets the `mod` attribute.
    pub fn with_mod(mut self, m: Modifier) -> M {
        self.modifier = Some(m);
        self
    }
}

type Rule = fn(&Ctx, usize) -> Option<M>;

const RULES: &[Rule] = &[
    dates::explicit,
    dates::year_forms,
    relative::words,
    shift::this_last_next,
    relative::weekday,
    periods::quarter,
    periods::season,
    durations::duration,
    sets::set,
    times::clock,
];

pub(super) fn best(c: &Ctx, i: usize) -> Option<M> {
    let mut best: Option<M> = None;
    for r in RULES {
        if let Some(m) = r(c, i) {
            if m.end > i && best.as_ref().is_none_or(|b| m.end > b.end) {
                best = Some(m);
            }
        }
    }
    best
}

/// Tags one document.
pub fn run(lex: &Lexicon, _text: &str, t: &Tokens, dct: NaiveDate) -> Vec<Timex> {
    let ents = t
        .toks
        .iter()
        .map(|tk| {
            if tk.kind == Kind::Word && tk.end - tk.start <= 12 {
                lex.get(&t.lower[tk.start..tk.end])
            } else {
                None
            }
        })
        .collect();
    let mut c = Ctx {
        t,
        dct,
        ents,
        last_ref: None,
        last_any: None,
        last_past: None,
        last_end: None,
    };
    let mut out = Vec::new();
    let mut i = 0;
    let n = t.len();
    while i < n {
        let tok = t.toks[i];
        let trigger = tok.kind == Kind::Num || c.ents[i].is_some();
        if !trigger {
            i += 1;
            continue;
        }
        let m = match (affixes::with_prefix(&c, i), best(&c, i)) {
            (Some(a), Some(b)) => Some(if b.end > a.end { b } else { a }),
            (a, b) => a.or(b),
        };
        let Some(m) = m.map(|m| affixes::with_suffix(&c, m)) else {
            i += 1;
            continue;
        };
        let end_tok = m.end.min(n);
        let start = tok.start;
        let end = t.toks[end_tok - 1].end;
        let event_anchor = m.anchor.map(|a| {
            let (amount, unit) = public_unit(a.amount, a.unit);
            EventAnchor {
                amount,
                unit,
                direction: a.dir,
                anchor_start: a.at.and_then(|k| t.toks.get(k)).map_or(end, |tk| tk.start),
            }
        });
        c.last_end = Some((end_tok, m.point));
        if let Some(p) = m.point {
            c.last_any = Some(p);
            // "the quarter ended Sept. 30": the end date does not replace the
            // period under discussion
            let ends_period = i > 0 && c.any(i - 1, &["ended", "ending"]);
            if !m.deictic && !ends_period {
                c.last_ref = Some(p);
                // "after a flat second quarter" does not displace the
                // third quarter under report: the latest ended quarter wins
                let earlier_quarter = matches!(
                    (p, c.last_past),
                    (Point::Quarter(y, q), Some(Point::Quarter(y0, q0))) if (y, q) < (y0, q0)
                );
                if narrative::reported(p, dct) && !earlier_quarter {
                    c.last_past = Some(p);
                }
            }
        }
        let range_day = match m.point {
            Some(Point::Day(d)) if m.kind == TimexType::Date => Some(d),
            _ => None,
        };
        out.push(Timex {
            start,
            end,
            kind: m.kind,
            value: m.value,
            event_anchor,
            modifier: m.modifier,
        });
        i = end_tok;
        if let Some(d) = range_day {
            if let Some((k, tx)) = dates::range_end(&c, i, d) {
                out.push(tx);
                i = k;
            }
        }
    }
    out
}

fn public_unit(amount: Option<i64>, g: Gran) -> (Option<i64>, Unit) {
    match g {
        // dates have day granularity: minutes stay on the anchor's day, hours round to days
        Gran::Second | Gran::Minute => (amount.map(|_| 0), Unit::Day),
        Gran::Hour => (amount.map(|a| (a + 12).div_euclid(24)), Unit::Day),
        Gran::Day => (amount, Unit::Day),
        Gran::Week => (amount, Unit::Week),
        Gran::Month => (amount, Unit::Month),
        Gran::Quarter => (amount.map(|a| a * 3), Unit::Month),
        Gran::Year => (amount, Unit::Year),
        Gran::Decade => (amount.map(|a| a * 10), Unit::Year),
        Gran::Century => (amount.map(|a| a * 100), Unit::Year),
    }
}
