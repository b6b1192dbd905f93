//! The grammar: hand-written productions tried at each trigger token (a
//! number or a word in the lexicon); the longest match wins and scanning
//! resumes after it. Each production resolves its own value against the DCT,
//! the clause tense ([`crate::tense`]) and the last calendar period mentioned
//! (for anaphora like "a year earlier" or "the following week").
//!
//! Prefixes are handled here once for all productions: approximators
//! ("about", "nearly", "more than") before durations and times, and fuzzy
//! modifiers ("early", "late", "mid-", "the end of") before dates, which keep
//! the value of the date they modify.

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

const APPROX: &[&[&str]] = &[
    &["about"],
    &["almost"],
    &["around"],
    &["approximately"],
    &["roughly"],
    &["nearly"],
    &["some"],
    &["more", "than"],
    &["less", "than"],
    &["fewer", "than"],
    &["at", "least"],
    &["at", "most"],
    &["up", "to"],
    &["barely"],
    &["an", "additional"],
    &["close", "to"],
    &["upwards", "of"],
    &["no", "more", "than"],
    &["no", "less", "than"],
    &["not", "more", "than"],
];

const FUZZY: &[&[&str]] = &[
    &["early"],
    &["late"],
    &["mid"],
    &["earlier"],
    &["later"],
    &["the", "end", "of"],
    &["the", "beginning", "of"],
    &["the", "start", "of"],
    &["the", "middle", "of"],
    &["end", "of"],
    &["beginning", "of"],
    &["start", "of"],
    &["the", "turn", "of"],
    &["the", "first", "half", "of"],
    &["the", "second", "half", "of"],
    &["the", "last", "half", "of"],
    &["the", "early", "part", "of"],
    &["the", "latter", "part", "of"],
    &["the", "end", "of", "the", "week", "of"],
    &["the", "week", "of"],
    &["mid", "-"],
    &["late", "-"],
    &["early", "-"],
    &["earlier", "in"],
    &["later", "in"],
    &["early", "in"],
    &["late", "in"],
    &["the", "early"],
    &["the", "late"],
    &["the", "mid"],
    &["the", "mid", "-"],
    &["sometime"],
];

fn prefix_len(c: &Ctx, i: usize, table: &[&[&str]]) -> usize {
    let mut best = 0;
    for p in table {
        if p.len() > best && p.iter().enumerate().all(|(k, w)| c.w(i + k) == *w) {
            best = p.len();
        }
    }
    best
}

/// The `mod` of the `p` prefix words at token `i`.
fn prefix_mod(c: &Ctx, i: usize, p: usize) -> Option<Modifier> {
    let mut words = [""; 6];
    for (k, w) in words.iter_mut().enumerate().take(p) {
        *w = c.w(i + k);
    }
    Modifier::of_prefix(&words[..p.min(6)])
}

fn with_prefix(c: &Ctx, i: usize) -> Option<M> {
    // "post-1959", "pre-war" is no date; "pre-1990" is BEFORE 1990
    if c.any(i, &["post", "pre"]) && c.w(i + 1) == "-" && c.glued(i + 1) && c.glued(i + 2) {
        let m = best(c, i + 2)?;
        if m.kind != TimexType::Date || m.point.is_none() {
            return None;
        }
        let md = if c.w(i) == "post" {
            Modifier::After
        } else {
            Modifier::Before
        };
        return Some(m.with_mod(md));
    }
    let p = prefix_len(c, i, APPROX);
    if p > 0 {
        if let Some(m) = best(c, i + p) {
            let ago_only = matches!(c.w(i), "about" | "almost");
            let ok = match m.kind {
                _ if ago_only => c.w(m.end - 1) == "ago",
                TimexType::Duration | TimexType::Time => true,
                TimexType::Date => {
                    c.w(m.end - 1) == "ago"
                        || c.w(m.end - 1) == "earlier"
                        || c.w(m.end - 1) == "later"
                }
                TimexType::Set => false,
            };
            let over_ok = !matches!(
                c.w(i),
                "over" | "under" | "only" | "just" | "some" | "another"
            ) || c.kind(i + p) == Some(Kind::Num)
                || c.e(i + p).is_some_and(|e| e.card.is_some())
                || matches!(c.w(i + p), "a" | "an");
            if ok && over_ok {
                let md = prefix_mod(c, i, p).or(m.modifier);
                return Some(M { modifier: md, ..m });
            }
        }
    }
    let p = prefix_len(c, i, FUZZY);
    if p > 0 {
        let w = c.w(i + p - 1);
        if w == "-" && !c.glued(i + p - 1) {
            return None;
        }
        // "Earlier Friday, ..." relates an event to the day; the day is the
        // expression (TimeML keeps "early"/"late", which modify the day)
        if p == 1 && matches!(w, "earlier" | "later") && c.e(i + 1).is_some_and(|e| e.weekday > 0) {
            return None;
        }
        if let Some(mut m) = best(c, i + p) {
            if matches!(m.kind, TimexType::Date | TimexType::Time) && m.point.is_some() {
                if c.w(i + 1) == "week" {
                    if let Some(d) = m.point.and_then(|p| p.first_day()) {
                        let wk = crate::resolve::week_of(d);
                        m.value = wk.value();
                        m.point = Some(wk);
                    }
                }
                m.modifier = prefix_mod(c, i, p).or(m.modifier);
                if let (Some(Point::Year(y)), "half") = (m.point, c.w(i + 2)) {
                    let h = if c.w(i + 1) == "first" { 1 } else { 2 };
                    m.point = Some(Point::Half(y, h));
                    m.value = format!("{y:04}-H{h}");
                    m.modifier = None;
                }
                return Some(m);
            }
        }
    }
    None
}

/// "two years or so", "1994 or later", "1990 and beyond": a bound or an
/// approximation after the expression joins its extent as its `mod`.
fn with_suffix(c: &Ctx, m: M) -> M {
    use Modifier::*;
    let (a, b) = (c.w(m.end), c.w(m.end + 1));
    let dur = m.kind == TimexType::Duration;
    let date = matches!(m.kind, TimexType::Date | TimexType::Time) && m.point.is_some();
    // "a year or two", "weeks or months", "recent weeks and months": one
    // vague length
    let number =
        c.kind(m.end + 1) == Some(Kind::Num) || c.e(m.end + 1).is_some_and(|e| e.card.is_some());
    let alt = (number && c.unit(m.end + 2).is_none())
        || c.unit(m.end + 1).is_some_and(|(_, plural)| plural)
            && c.unit(m.end - 1).is_some_and(|(_, p)| p);
    if dur && matches!(a, "or" | "and") && alt && c.kind(m.end + 1) != Some(Kind::Punct) {
        let md = (a == "or" && !number).then_some(Approx).or(m.modifier);
        return M {
            end: m.end + 2,
            modifier: md,
            ..m
        };
    }
    let md = match (a, b) {
        ("or", "so") if dur || date => Approx,
        ("or", "more" | "longer") if dur => EqualOrMore,
        ("or", "less" | "fewer" | "shorter") if dur => EqualOrLess,
        ("or", "earlier" | "before") if date => OnOrBefore,
        ("or", "later" | "after") | ("and", "beyond") if date => OnOrAfter,
        _ => return m,
    };
    M {
        end: m.end + 2,
        modifier: Some(md),
        ..m
    }
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
        let m = match (with_prefix(&c, i), best(&c, i)) {
            (Some(a), Some(b)) => Some(if b.end > a.end { b } else { a }),
            (a, b) => a.or(b),
        };
        let Some(m) = m.map(|m| with_suffix(&c, m)) else {
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
