//! Aggregates: the time series analysts plot, and the actor list.
//!
//! An aggregate groups the selected events by a time [`Bucket`] (the first
//! day of each event's `date`) and/or a [`Group`] key, and gives per
//! cell: the event count, the Goldstein sum and mean, the count per quad
//! class, and the number of mentions behind them. Mutual events count once,
//! under their stored (canonical) direction.

use std::str::FromStr;

use rusqlite::types::Value;
use serde::{Deserialize, Serialize};

use crate::dates::day_label;
use crate::error::{Error, Result};
use crate::{Filter, Store};

/// A time bucket.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Bucket {
    /// `YYYY-MM-DD`.
    Day,
    /// ISO week, labelled by its Monday `YYYY-MM-DD`.
    Week,
    /// `YYYY-MM`.
    Month,
    /// `YYYY`.
    Year,
}

impl FromStr for Bucket {
    type Err = Error;
    fn from_str(s: &str) -> Result<Bucket> {
        Ok(match s.trim().to_ascii_lowercase().as_str() {
            "day" => Bucket::Day,
            "week" => Bucket::Week,
            "month" => Bucket::Month,
            "year" => Bucket::Year,
            _ => {
                return Err(Error::Filter(format!(
                    "unknown time bucket {s:?}: expected day, week, month or year"
                )))
            }
        })
    }
}

/// A grouping key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Group {
    /// Directed country pair, `ACTOR-RECIPIENT` (`?` for unknown).
    Dyad,
    /// Actor country.
    Actor,
    /// PLOVER event type.
    Type,
    /// Quad class 1-4.
    Quad,
    /// Country (ISO alpha-3) of the event's place; events without a place are left out.
    Place,
    /// First-level division of the event's place, `COUNTRY/ADMIN1` (`?` for unknown).
    Admin1,
}

impl FromStr for Group {
    type Err = Error;
    fn from_str(s: &str) -> Result<Group> {
        Ok(match s.trim().to_ascii_lowercase().as_str() {
            "dyad" => Group::Dyad,
            "actor" => Group::Actor,
            "type" => Group::Type,
            "quad" => Group::Quad,
            "place" | "country" => Group::Place,
            "admin1" => Group::Admin1,
            _ => {
                return Err(Error::Filter(format!(
                    "unknown group {s:?}: expected dyad, actor, type, quad, place or admin1"
                )))
            }
        })
    }
}

/// One cell of an aggregate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AggRow {
    /// The time bucket's label, when grouping by time.
    pub period: Option<String>,
    /// The group key, when grouping by a key.
    pub key: Option<String>,
    /// Events.
    pub count: u64,
    /// Sum of their Goldstein scores.
    pub goldstein_sum: f64,
    /// Mean Goldstein score.
    pub goldstein_mean: f64,
    /// Verbal cooperation events.
    pub quad1: u64,
    /// Material cooperation events.
    pub quad2: u64,
    /// Verbal conflict events.
    pub quad3: u64,
    /// Material conflict events.
    pub quad4: u64,
    /// Mentions behind these events.
    pub mentions: u64,
    /// Mean latitude of the events' places (place groups only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    /// Mean longitude of the events' places (place groups only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
}

/// An actor with how often it acts and is acted upon.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorStat {
    /// Country code.
    pub country: Option<String>,
    /// Sector.
    pub sector: Option<String>,
    /// Name.
    pub name: Option<String>,
    /// Events with it as actor.
    pub as_actor: u64,
    /// Events with it as recipient.
    pub as_recipient: u64,
    /// Both.
    pub events: u64,
}

pub(crate) fn period_expr(b: Option<Bucket>) -> &'static str {
    match b {
        None => "NULL",
        Some(Bucket::Day) => "day",
        Some(Bucket::Week) => "(day - (((day + 3) % 7) + 7) % 7)",
        Some(Bucket::Month) => "ym",
        Some(Bucket::Year) => "(ym / 100)",
    }
}

fn key_exprs(g: Option<Group>) -> (&'static str, &'static str) {
    match g {
        None => ("NULL", "NULL"),
        Some(Group::Dyad) => ("a_country", "r_country"),
        Some(Group::Actor) => ("a_country", "NULL"),
        Some(Group::Type) => ("event_type", "NULL"),
        Some(Group::Quad) => ("quad_class", "NULL"),
        Some(Group::Place) => ("loc_country", "NULL"),
        Some(Group::Admin1) => ("loc_country", "loc_admin1"),
    }
}

fn label(b: Bucket, v: i64) -> String {
    match b {
        Bucket::Day | Bucket::Week => day_label(v as i32),
        Bucket::Month => format!("{:04}-{:02}", v / 100, v % 100),
        Bucket::Year => format!("{v:04}"),
    }
}

fn text(v: Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::Integer(i) => Some(i.to_string()),
        Value::Real(f) => Some(f.to_string()),
        Value::Text(s) => Some(s),
        Value::Blob(_) => None,
    }
}

impl Store {
    /// Counts, Goldstein sum and mean, and quad-class counts per time bucket and/or group,
    /// ordered by period, then by count (largest first).
    pub fn aggregate(
        &self,
        filter: &Filter,
        by: Option<Bucket>,
        group: Option<Group>,
    ) -> Result<Vec<AggRow>> {
        self.aggregate_top(filter, by, group, None)
    }

    /// Like [`Store::aggregate`], keeping at most `limit` rows overall (e.g. the top 20 dyads of a year).
    pub fn aggregate_top(
        &self,
        filter: &Filter,
        by: Option<Bucket>,
        group: Option<Group>,
        limit: Option<usize>,
    ) -> Result<Vec<AggRow>> {
        let lim = limit.map(|l| format!(" LIMIT {l}")).unwrap_or_default();
        let (sql, args) = match crate::rollup::plan(filter, by, group)? {
            Some((sql, args)) => (format!("{sql}{lim}"), args),
            None => {
                let (mut clause, args) = filter.to_sql()?;
                let p = period_expr(by);
                let (k1, k2) = key_exprs(group);
                let place = matches!(group, Some(Group::Place) | Some(Group::Admin1));
                let coords = if place {
                    "avg(lat), avg(lon)"
                } else {
                    "NULL, NULL"
                };
                if place {
                    clause = if clause.is_empty() {
                        " WHERE loc_name IS NOT NULL".into()
                    } else {
                        format!("{clause} AND loc_name IS NOT NULL")
                    };
                }
                let sql = format!(
                    "SELECT {p}, {k1}, {k2}, count(*), total(goldstein), sum(quad_class = 1), sum(quad_class = 2), \
                     sum(quad_class = 3), sum(quad_class = 4), total(num_mentions), {coords} \
                     FROM events{clause} GROUP BY 1, 2, 3 ORDER BY 1, 4 DESC, 2, 3{lim}"
                );
                (sql, args)
            }
        };
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(args), |r| {
                let period: Option<i64> = r.get(0)?;
                let (a, b): (Value, Value) = (r.get(1)?, r.get(2)?);
                let count = r.get::<_, i64>(3)? as u64;
                let sum: f64 = r.get(4)?;
                let key = match group {
                    None => None,
                    Some(g @ (Group::Dyad | Group::Admin1)) => Some(format!(
                        "{}{}{}",
                        text(a).unwrap_or_else(|| "?".into()),
                        if g == Group::Dyad { "-" } else { "/" },
                        text(b).unwrap_or_else(|| "?".into())
                    )),
                    Some(_) => Some(text(a).unwrap_or_else(|| "?".into())),
                };
                Ok(AggRow {
                    period: by.zip(period).map(|(b, v)| label(b, v)),
                    key,
                    count,
                    goldstein_sum: sum,
                    goldstein_mean: if count > 0 { sum / count as f64 } else { 0.0 },
                    quad1: r.get::<_, i64>(5)? as u64,
                    quad2: r.get::<_, i64>(6)? as u64,
                    quad3: r.get::<_, i64>(7)? as u64,
                    quad4: r.get::<_, i64>(8)? as u64,
                    mentions: r.get::<_, f64>(9)? as u64,
                    lat: r.get(10)?,
                    lon: r.get(11)?,
                })
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(|e| self.err(e))?;
        Ok(rows)
    }

    /// Actors of the selected events, most active first.
    pub fn actors(&self, filter: &Filter, limit: usize) -> Result<Vec<ActorStat>> {
        let (clause, args) = filter.to_sql()?;
        // The whole store: from the actor roll-up, without scanning events.
        let sql = if clause.is_empty() {
            format!(
                "SELECT nullif(country, ''), nullif(sector, ''), nullif(name, ''), as_actor, as_recipient \
                 FROM actor_rollup ORDER BY as_actor + as_recipient DESC, 1, 2, 3 LIMIT {limit}"
            )
        } else {
            format!(
            // One pass over the selected events, each counted on both sides.
            "WITH sel AS MATERIALIZED (SELECT a_country, a_sector, a_name, r_country, r_sector, r_name \
               FROM events{clause}) \
             SELECT country, sector, name, sum(as_a), sum(as_r) FROM ( \
               SELECT a_country AS country, a_sector AS sector, a_name AS name, 1 AS as_a, 0 AS as_r FROM sel \
               UNION ALL \
               SELECT r_country, r_sector, r_name, 0, 1 FROM sel) \
             WHERE country IS NOT NULL OR name IS NOT NULL \
             GROUP BY 1, 2, 3 ORDER BY sum(as_a) + sum(as_r) DESC, 1, 2, 3 LIMIT {limit}"
            )
        };
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(args), |r| {
                let (a, b) = (r.get::<_, i64>(3)? as u64, r.get::<_, i64>(4)? as u64);
                Ok(ActorStat {
                    country: r.get(0)?,
                    sector: r.get(1)?,
                    name: r.get(2)?,
                    as_actor: a,
                    as_recipient: b,
                    events: a + b,
                })
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(|e| self.err(e))?;
        Ok(rows)
    }
}
