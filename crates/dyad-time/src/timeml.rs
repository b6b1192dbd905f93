//! TimeML gold files and TempEval-3 scoring, with no I/O: callers read the
//! files and pass their content.
//!
//! [`parse`] takes a `.tml` document: the DCT comes from the TIMEX3 inside
//! `<DCT>`, the text is the content of `<TEXT>` with every tag removed and
//! XML entities decoded, and each inline `<TIMEX3>` becomes a [`GoldTimex`]
//! with byte offsets into that plain text. [`Score`] accumulates the
//! TempEval-3 measures: strict extent (same span), relaxed extent
//! (overlapping span, one-to-one), value and type (attribute equal among
//! relaxed matches, over the system and gold counts).

use crate::{Modifier, Tagger, Timex, TimexType};
use chrono::NaiveDate;
use serde::Serialize;
use std::fmt;

/// Why a TimeML document could not be read.
#[derive(Debug, thiserror::Error)]
pub enum TimemlError {
    /// No `<DCT>` with a dated TIMEX3.
    #[error("no document creation time (<DCT> with a TIMEX3 value)")]
    NoDct,
    /// No `<TEXT>` element.
    #[error("no <TEXT> element")]
    NoText,
}

/// A gold TIMEX3.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GoldTimex {
    /// Byte offset into [`GoldDoc::text`].
    pub start: usize,
    /// End byte offset.
    pub end: usize,
    /// TIMEX3 type as written ("DATE", ...).
    pub kind: String,
    /// TIMEX3 value.
    pub value: String,
    /// TIMEX3 `mod`, when present and one of the twelve TimeML values.
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    pub modifier: Option<Modifier>,
}

/// One parsed TimeML document.
#[derive(Debug, Clone)]
pub struct GoldDoc {
    /// Document creation date.
    pub dct: NaiveDate,
    /// Plain text of `<TEXT>`.
    pub text: String,
    /// Gold expressions, in text order.
    pub timexes: Vec<GoldTimex>,
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!("{name}=\"");
    let i = tag.find(&key)? + key.len();
    let j = tag[i..].find('"')? + i;
    Some(decode(&tag[i..j]))
}

fn decode(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Parses the content of a `.tml` file.
pub fn parse(tml: &str) -> Result<GoldDoc, TimemlError> {
    let dct_el = tml
        .find("<DCT>")
        .map(|i| &tml[i..])
        .ok_or(TimemlError::NoDct)?;
    let dct_el = &dct_el[..dct_el.find("</DCT>").unwrap_or(dct_el.len())];
    let value = attr(dct_el, "value").ok_or(TimemlError::NoDct)?;
    let dct = value
        .get(..10)
        .and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok())
        .ok_or(TimemlError::NoDct)?;
    let t0 = tml.find("<TEXT>").ok_or(TimemlError::NoText)? + "<TEXT>".len();
    let t1 = tml[t0..].find("</TEXT>").map_or(tml.len(), |j| t0 + j);
    let raw = &tml[t0..t1];
    let mut text = String::with_capacity(raw.len());
    let mut timexes = Vec::new();
    let mut open: Option<(usize, String, String, Option<Modifier>)> = None;
    let mut rest = raw;
    while let Some(lt) = rest.find('<') {
        text.push_str(&decode(&rest[..lt]));
        let Some(gt) = rest[lt..].find('>') else {
            rest = "";
            break;
        };
        let tag = &rest[lt + 1..lt + gt];
        if tag.starts_with("TIMEX3") {
            let kind = attr(tag, "type").unwrap_or_default();
            let value = attr(tag, "value").unwrap_or_default();
            let modifier = attr(tag, "mod").and_then(|m| Modifier::parse(&m));
            open = Some((text.len(), kind, value, modifier));
        } else if tag.starts_with("/TIMEX3") {
            if let Some((start, kind, value, modifier)) = open.take() {
                timexes.push(GoldTimex {
                    start,
                    end: text.len(),
                    kind,
                    value,
                    modifier,
                });
            }
        }
        rest = &rest[lt + gt + 1..];
    }
    text.push_str(&decode(rest));
    Ok(GoldDoc { dct, text, timexes })
}

/// Precision, recall and F1 (percent).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    /// Precision, 0..=100.
    pub p: f64,
    /// Recall, 0..=100.
    pub r: f64,
    /// F1, 0..=100.
    pub f1: f64,
}

impl Prf {
    fn new(hit_sys: usize, sys: usize, hit_gold: usize, gold: usize) -> Prf {
        let p = if sys == 0 {
            0.0
        } else {
            100.0 * hit_sys as f64 / sys as f64
        };
        let r = if gold == 0 {
            0.0
        } else {
            100.0 * hit_gold as f64 / gold as f64
        };
        let f1 = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        Prf { p, r, f1 }
    }
}

/// Running counts over documents.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Score {
    /// Documents scored.
    pub docs: usize,
    /// Gold expressions.
    pub gold: usize,
    /// System expressions.
    pub system: usize,
    /// Exact-span matches.
    pub strict_matches: usize,
    /// One-to-one overlapping matches.
    pub relaxed_matches: usize,
    /// Relaxed matches with equal value.
    pub value_matches: usize,
    /// Relaxed matches with equal type.
    pub type_matches: usize,
    /// Gold expressions with a `mod`.
    pub gold_mods: usize,
    /// System expressions with a `mod`.
    pub system_mods: usize,
    /// Relaxed matches where both have the same `mod`.
    pub mod_matches: usize,
    /// Relaxed matches whose `mod` agrees, absent on both sides included.
    pub mod_agree: usize,
}

/// The TempEval-3 measures of a [`Score`].
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The raw counts.
    pub counts: Score,
    /// Strict extent.
    pub strict: Prf,
    /// Relaxed extent.
    pub relaxed: Prf,
    /// Value.
    pub value: Prf,
    /// Type.
    #[serde(rename = "type")]
    pub kind: Prf,
    /// `mod`: precision over system expressions with a `mod`, recall over
    /// gold expressions with one; a hit is a relaxed match with the same `mod`.
    #[serde(rename = "mod")]
    pub modifier: Prf,
    /// Share of relaxed matches (percent) whose `mod` agrees, absent on
    /// both sides counting as agreement.
    pub mod_accuracy: f64,
}

impl Score {
    /// Adds one document's system output against its gold.
    pub fn add(&mut self, gold: &[GoldTimex], sys: &[Timex]) {
        self.docs += 1;
        self.gold += gold.len();
        self.system += sys.len();
        self.gold_mods += gold.iter().filter(|g| g.modifier.is_some()).count();
        self.system_mods += sys.iter().filter(|s| s.modifier.is_some()).count();
        let mut used = vec![false; gold.len()];
        for s in sys {
            if gold.iter().any(|g| g.start == s.start && g.end == s.end) {
                self.strict_matches += 1;
            }
            let hit = gold
                .iter()
                .enumerate()
                .find(|(k, g)| !used[*k] && g.start < s.end && s.start < g.end);
            if let Some((k, g)) = hit {
                used[k] = true;
                self.relaxed_matches += 1;
                self.value_matches += usize::from(g.value == s.value);
                self.type_matches += usize::from(TimexType::parse(&g.kind) == Some(s.kind));
                self.mod_agree += usize::from(g.modifier == s.modifier);
                self.mod_matches += usize::from(g.modifier.is_some() && g.modifier == s.modifier);
            }
        }
    }

    /// Merges another score into this one.
    pub fn merge(&mut self, o: &Score) {
        self.docs += o.docs;
        self.gold += o.gold;
        self.system += o.system;
        self.strict_matches += o.strict_matches;
        self.relaxed_matches += o.relaxed_matches;
        self.value_matches += o.value_matches;
        self.type_matches += o.type_matches;
        self.gold_mods += o.gold_mods;
        self.system_mods += o.system_mods;
        self.mod_matches += o.mod_matches;
        self.mod_agree += o.mod_agree;
    }

    /// The measures.
    pub fn report(&self) -> Report {
        let (s, g) = (self.system, self.gold);
        Report {
            counts: self.clone(),
            strict: Prf::new(self.strict_matches, s, self.strict_matches, g),
            relaxed: Prf::new(self.relaxed_matches, s, self.relaxed_matches, g),
            value: Prf::new(self.value_matches, s, self.value_matches, g),
            kind: Prf::new(self.type_matches, s, self.type_matches, g),
            modifier: Prf::new(
                self.mod_matches,
                self.system_mods,
                self.mod_matches,
                self.gold_mods,
            ),
            mod_accuracy: if self.relaxed_matches == 0 {
                0.0
            } else {
                100.0 * self.mod_agree as f64 / self.relaxed_matches as f64
            },
        }
    }
}

/// Tags a parsed gold document and scores it.
pub fn score_doc(tagger: &Tagger, doc: &GoldDoc) -> Score {
    let mut s = Score::default();
    s.add(&doc.timexes, &tagger.tag(&doc.text, doc.dct));
    s
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = &self.counts;
        writeln!(
            f,
            "{} docs, {} gold, {} system timexes",
            c.docs, c.gold, c.system
        )?;
        writeln!(f, "{:<16}{:>8}{:>8}{:>8}", "measure", "P", "R", "F1")?;
        for (name, m) in [
            ("strict extent", self.strict),
            ("relaxed extent", self.relaxed),
            ("value", self.value),
            ("type", self.kind),
            ("mod", self.modifier),
        ] {
            writeln!(f, "{:<16}{:>8.2}{:>8.2}{:>8.2}", name, m.p, m.r, m.f1)?;
        }
        writeln!(
            f,
            "mod accuracy {:.2} over {} relaxed matches ({} gold, {} system mods)",
            self.mod_accuracy, c.relaxed_matches, c.gold_mods, c.system_mods
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_offsets_into_plain_text() {
        let tml = r#"<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>A &amp; B <EVENT eid="e1">fell</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3>.</TEXT>"#;
        let d = parse(tml).unwrap();
        assert_eq!(d.dct, NaiveDate::from_ymd_opt(1998, 1, 8).unwrap());
        assert_eq!(d.text, "A & B fell yesterday.");
        let g = &d.timexes[0];
        assert_eq!(&d.text[g.start..g.end], "yesterday");
        let mut s = Score::default();
        s.add(&d.timexes, &Tagger::new().tag(&d.text, d.dct));
        assert_eq!((s.strict_matches, s.value_matches), (1, 1));
    }
}
