//! [`Filter`]: which events a query, an aggregate or an export looks at.
//!
//! Every field narrows the selection; an empty filter selects everything. A
//! filter compiles to an SQL `WHERE` clause with bound parameters, never with
//! user text spliced in.

use rusqlite::types::Value;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::mention::{DOC_SHIFT, PER_DOC};

/// Matches one side of an event. Every given field must match.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PartyFilter {
    /// ISO alpha-3 or PLOVER code, exact (case-insensitive).
    pub country: Option<String>,
    /// PLOVER sector, exact (case-insensitive).
    pub sector: Option<String>,
    /// A piece of the name, case-insensitive.
    pub name: Option<String>,
}

impl PartyFilter {
    /// A filter on the country alone.
    pub fn country(c: &str) -> PartyFilter {
        PartyFilter {
            country: Some(c.to_string()),
            ..Default::default()
        }
    }

    fn conds(&self, side: &str, args: &mut Vec<Value>) -> Vec<String> {
        let mut c = Vec::new();
        if let Some(v) = &self.country {
            args.push(Value::Text(v.trim().to_ascii_uppercase()));
            c.push(format!("{side}_country = ?{}", args.len()));
        }
        if let Some(v) = &self.sector {
            args.push(Value::Text(v.trim().to_ascii_uppercase()));
            c.push(format!("{side}_sector = ?{}", args.len()));
        }
        if let Some(v) = &self.name {
            args.push(Value::Text(v.trim().to_lowercase()));
            c.push(format!("instr(lower({side}_name), ?{}) > 0", args.len()));
        }
        c
    }
}

/// A bounding box in WGS84 degrees; `min_lon > max_lon` crosses the antimeridian.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct BBox {
    /// West edge.
    pub min_lon: f64,
    /// South edge.
    pub min_lat: f64,
    /// East edge.
    pub max_lon: f64,
    /// North edge.
    pub max_lat: f64,
}

/// Which events to select. Fields combine with AND.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filter {
    /// The actor side. For mutual events either side may match (their direction is arbitrary).
    pub actor: Option<PartyFilter>,
    /// The recipient side (with `actor`: the pair must match, either way round for mutual events).
    pub recipient: Option<PartyFilter>,
    /// Either side.
    pub party: Option<PartyFilter>,
    /// A pair of countries, in either direction.
    pub dyad: Option<(String, String)>,
    /// PLOVER event types (any of).
    pub event_types: Vec<String>,
    /// Quad classes 1-4 (any of).
    pub quad_classes: Vec<u8>,
    /// First date, `YYYY[-MM[-DD]]`: events dated on or after its first day.
    pub from: Option<String>,
    /// Last date, `YYYY[-MM[-DD]]`: events dated on or before its last day.
    pub to: Option<String>,
    /// Country (ISO alpha-3) of the event's place.
    pub location_country: Option<String>,
    /// The event's place lies in this box.
    pub bbox: Option<BBox>,
    /// Words that must all occur in one of the event's evidence sentences.
    pub text: Option<String>,
    /// Events mentioned in this document.
    pub doc_id: Option<String>,
}

impl Filter {
    /// The event-type and quad-class conditions, shared by the events table and the
    /// roll-ups (both have `event_type` and `quad_class` columns).
    pub(crate) fn type_and_quad(&self, w: &mut Vec<String>, args: &mut Vec<Value>) -> Result<()> {
        if !self.event_types.is_empty() {
            let marks: Vec<String> = self
                .event_types
                .iter()
                .map(|t| {
                    args.push(Value::Text(t.trim().to_ascii_uppercase()));
                    format!("?{}", args.len())
                })
                .collect();
            w.push(format!("event_type IN ({})", marks.join(",")));
        }
        if !self.quad_classes.is_empty() {
            if let Some(q) = self.quad_classes.iter().find(|q| !(1..=4).contains(*q)) {
                return Err(Error::Filter(format!("quad class {q} is not 1-4")));
            }
            let list: Vec<String> = self.quad_classes.iter().map(|q| q.to_string()).collect();
            w.push(format!("quad_class IN ({})", list.join(",")));
        }
        Ok(())
    }

    /// Compiles to `(where_clause, args)`; the clause is empty or starts with ` WHERE `.
    pub(crate) fn to_sql(&self) -> Result<(String, Vec<Value>)> {
        let mut args = Vec::new();
        let mut w: Vec<String> = Vec::new();
        let and = |c: Vec<String>| {
            if c.is_empty() {
                "1".to_string()
            } else {
                c.join(" AND ")
            }
        };
        if self.actor.is_some() || self.recipient.is_some() {
            let empty = PartyFilter::default();
            let a = self.actor.as_ref().unwrap_or(&empty);
            let r = self.recipient.as_ref().unwrap_or(&empty);
            let mut direct = a.conds("a", &mut args);
            direct.extend(r.conds("r", &mut args));
            let mut swapped = a.conds("r", &mut args);
            swapped.extend(r.conds("a", &mut args));
            w.push(format!(
                "(({}) OR (mutual = 1 AND {}))",
                and(direct),
                and(swapped)
            ));
        }
        if let Some(p) = &self.party {
            let a = p.conds("a", &mut args);
            let r = p.conds("r", &mut args);
            w.push(format!("(({}) OR ({}))", and(a), and(r)));
        }
        if let Some((x, y)) = &self.dyad {
            let (x, y) = (x.trim().to_ascii_uppercase(), y.trim().to_ascii_uppercase());
            args.push(Value::Text(x));
            let i = args.len();
            args.push(Value::Text(y));
            let j = args.len();
            // Each direction through `events_pair`, bucket by bucket (its first column).
            let b = PAIR_BUCKETS;
            w.push(format!(
                "((day_lo / 32 IN {b} AND a_country = ?{i} AND r_country = ?{j}) \
                 OR (day_lo / 32 IN {b} AND a_country = ?{j} AND r_country = ?{i}))"
            ));
        }
        self.type_and_quad(&mut w, &mut args)?;
        if let Some(d) = &self.from {
            args.push(Value::Integer(date_bound(d)?.0 as i64));
            w.push(format!("day >= ?{}", args.len()));
        }
        if let Some(d) = &self.to {
            args.push(Value::Integer(date_bound(d)?.1 as i64));
            w.push(format!("day <= ?{}", args.len()));
        }
        if let Some(c) = &self.location_country {
            args.push(Value::Text(c.trim().to_ascii_uppercase()));
            w.push(format!("loc_country = ?{}", args.len()));
        }
        if let Some(b) = &self.bbox {
            if [b.min_lat, b.max_lat, b.min_lon, b.max_lon]
                .iter()
                .any(|v| !v.is_finite())
                || b.min_lat > b.max_lat
            {
                return Err(Error::Filter(
                    "bounding box needs min_lon,min_lat,max_lon,max_lat with min_lat <= max_lat"
                        .into(),
                ));
            }
            let lon = if b.min_lon <= b.max_lon { "AND" } else { "OR" };
            w.push(format!(
                "(lat BETWEEN {} AND {} AND (lon >= {} {lon} lon <= {}))",
                b.min_lat, b.max_lat, b.min_lon, b.max_lon
            ));
        }
        if let Some(t) = &self.text {
            args.push(Value::Text(fts_query(t)?));
            let q = args.len();
            // With a date range, only sentences of that range's events can match: the
            // full-text search is limited to their rowids (sentences are numbered in
            // ingest order, so for news ingested as it comes the span is narrow, and a
            // word found in every sentence is not read through the whole store).
            let span = if self.from.is_some() || self.to.is_some() {
                let lo = match &self.from {
                    Some(d) => date_bound(d)?.0,
                    None => i32::MIN,
                };
                let hi = match &self.to {
                    Some(d) => date_bound(d)?.1,
                    None => i32::MAX,
                };
                let sel = format!(
                    "FROM events e JOIN mentions m2 ON m2.event = e.id WHERE e.day BETWEEN {lo} AND {hi}"
                );
                format!(
                    " AND f.rowid BETWEEN (SELECT min(m2.sentence) {sel}) AND (SELECT max(m2.sentence) {sel})"
                )
            } else {
                String::new()
            };
            // A sentence's mentions are in its document's block of mention rows.
            w.push(format!(
                "id IN (SELECT m.event FROM sentences_fts f JOIN mentions m \
                 ON m.id BETWEEN (f.rowid >> {DOC_SHIFT}) << {DOC_SHIFT} AND ((f.rowid >> {DOC_SHIFT}) << {DOC_SHIFT}) + {PER_DOC} \
                 AND m.sentence = f.rowid WHERE f.sentences_fts MATCH ?{q}{span})"
            ));
        }
        if let Some(d) = &self.doc_id {
            args.push(Value::Text(d.clone()));
            w.push(format!(
                "id IN (SELECT m.event FROM docs d JOIN mentions m \
                 ON m.id BETWEEN d.id << {DOC_SHIFT} AND (d.id << {DOC_SHIFT}) + {PER_DOC} WHERE d.key = ?{})",
                args.len()
            ));
        }
        let clause = if w.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", w.join(" AND "))
        };
        Ok((clause, args))
    }
}

/// Every 32-day bucket of `day_lo` from the store's first to its last (the
/// first column of `events_pair`, so that one pair's events are found with one
/// index seek per bucket; see `crate::merge_cache::BUCKET_DAYS`).
const PAIR_BUCKETS: &str = "(WITH RECURSIVE bucket(x) AS (SELECT (SELECT min(day_lo / 32) FROM events) \
     UNION ALL SELECT x + 1 FROM bucket WHERE x < (SELECT max(day_lo / 32) FROM events)) SELECT x FROM bucket)";

fn date_bound(d: &str) -> Result<(i32, i32)> {
    crate::dates::interval(d.trim()).ok_or_else(|| {
        Error::Filter(format!(
            "bad date {d:?}: expected YYYY, YYYY-MM or YYYY-MM-DD"
        ))
    })
}

/// Quotes each word so user text is never read as FTS5 syntax.
fn fts_query(text: &str) -> Result<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\""))
        .collect();
    if words.is_empty() {
        return Err(Error::Filter(format!("text search {text:?} has no words")));
    }
    Ok(words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_filter_selects_all() {
        assert_eq!(Filter::default().to_sql().unwrap().0, "");
    }

    #[test]
    fn bad_values_are_errors() {
        let bad = [
            Filter {
                from: Some("2024-13".into()),
                ..Default::default()
            },
            Filter {
                quad_classes: vec![5],
                ..Default::default()
            },
            Filter {
                text: Some("  ;; ".into()),
                ..Default::default()
            },
        ];
        for f in bad {
            assert!(matches!(f.to_sql(), Err(Error::Filter(_))), "{f:?}");
        }
    }

    #[test]
    fn user_text_is_bound_not_spliced() {
        let f = Filter {
            text: Some("talks\" OR x".into()),
            actor: Some(PartyFilter::country("x'; DROP")),
            ..Default::default()
        };
        let (sql, args) = f.to_sql().unwrap();
        assert!(!sql.contains("DROP") && !sql.contains("talks"));
        assert!(args.contains(&Value::Text("\"talks\" \"OR\" \"x\"".into())));
    }
}
