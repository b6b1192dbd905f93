//! The monthly roll-up: answers aggregates without touching `events`, when the question allows.
//!
//! Three roll-ups hold, per month and type and quad class, the event count,
//! Goldstein sum and mentions: `rollup` per country pair, `actor_month_rollup`
//! per actor country (small: whole-store series), and `place_rollup` per place
//! country and first-level division (with coordinate sums, for maps). The
//! ingest code keeps them exact through inserts, merges and deletions
//! ([`crate::rollup_write`]). An aggregate uses the smallest one that can answer
//! it: its time bucket is a month, a year or none, and its filter names only
//! whole months, types, quad classes, and either a dyad or a country on either
//! side (pair roll-up) or a place country (place roll-up).

use rusqlite::types::Value;

use crate::aggregate::{Bucket, Group};
use crate::error::{Error, Result};
use crate::Filter;

/// The roll-up query for an aggregate (without its LIMIT), or `None` when only the events table can answer.
/// Which roll-up table can answer.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Table {
    Pair,
    Month,
    Place,
}

/// The roll-up query for an aggregate (without its LIMIT), or `None` when only the events table can answer.
pub(crate) fn plan(
    f: &Filter,
    by: Option<Bucket>,
    group: Option<Group>,
) -> Result<Option<(String, Vec<Value>)>> {
    let party_country = f
        .party
        .as_ref()
        .is_none_or(|p| p.sector.is_none() && p.name.is_none() && p.country.is_some());
    let common = f.actor.is_none()
        && f.recipient.is_none()
        && f.bbox.is_none()
        && f.text.is_none()
        && f.doc_id.is_none()
        && party_country
        && !matches!(by, Some(Bucket::Day) | Some(Bucket::Week));
    if !common {
        return Ok(None);
    }
    let pairless = f.dyad.is_none() && f.party.is_none();
    let placed = matches!(group, Some(Group::Place) | Some(Group::Admin1));
    let table = if placed || f.location_country.is_some() {
        if !pairless || matches!(group, Some(Group::Dyad) | Some(Group::Actor)) {
            return Ok(None);
        }
        Table::Place
    } else if pairless && group != Some(Group::Dyad) {
        Table::Month
    } else {
        Table::Pair
    };
    let mut w: Vec<String> = Vec::new();
    let mut args: Vec<Value> = Vec::new();
    // Dates: only whole months.
    for (d, is_from) in [(&f.from, true), (&f.to, false)] {
        let Some(d) = d else { continue };
        let (lo, hi) = crate::dates::interval(d.trim()).ok_or_else(|| {
            Error::Filter(format!(
                "bad date {d:?}: expected YYYY, YYYY-MM or YYYY-MM-DD"
            ))
        })?;
        let day = if is_from { lo } else { hi };
        let ym = crate::dates::year_month(day);
        let whole = if is_from {
            crate::dates::year_month(day - 1) != ym
        } else {
            crate::dates::year_month(day + 1) != ym
        };
        if !whole {
            return Ok(None);
        }
        w.push(format!("ym {} {ym}", if is_from { ">=" } else { "<=" }));
    }
    if let Some((x, y)) = &f.dyad {
        args.push(Value::Text(x.trim().to_ascii_uppercase()));
        args.push(Value::Text(y.trim().to_ascii_uppercase()));
        let (i, j) = (args.len() - 1, args.len());
        w.push(format!(
            "((a_country = ?{i} AND r_country = ?{j}) OR (a_country = ?{j} AND r_country = ?{i}))"
        ));
    }
    if let Some(c) = f.party.as_ref().and_then(|p| p.country.as_ref()) {
        args.push(Value::Text(c.trim().to_ascii_uppercase()));
        let i = args.len();
        w.push(format!("(a_country = ?{i} OR r_country = ?{i})"));
    }
    if let Some(c) = &f.location_country {
        args.push(Value::Text(c.trim().to_ascii_uppercase()));
        w.push(format!("country = ?{}", args.len()));
    }
    f.type_and_quad(&mut w, &mut args)?;
    let p = crate::aggregate::period_expr(by);
    let (k1, k2) = match group {
        None => ("NULL", "NULL"),
        Some(Group::Dyad) => ("nullif(a_country, '')", "nullif(r_country, '')"),
        Some(Group::Actor) => ("nullif(a_country, '')", "NULL"),
        Some(Group::Type) => ("event_type", "NULL"),
        Some(Group::Quad) => ("quad_class", "NULL"),
        Some(Group::Place) => ("nullif(country, '')", "NULL"),
        Some(Group::Admin1) => ("nullif(country, '')", "nullif(admin1, '')"),
    };
    let (name, coords) = match table {
        Table::Pair => ("rollup", "NULL, NULL"),
        Table::Month => ("actor_month_rollup", "NULL, NULL"),
        Table::Place if placed => ("place_rollup", "total(lat) / sum(n), total(lon) / sum(n)"),
        Table::Place => ("place_rollup", "NULL, NULL"),
    };
    let clause = if w.is_empty() {
        String::new()
    } else {
        format!(" WHERE {}", w.join(" AND "))
    };
    let q = |k: u8| format!("sum(CASE WHEN quad_class = {k} THEN n ELSE 0 END)");
    let sql = format!(
        "SELECT {p}, {k1}, {k2}, sum(n), total(gold), {}, {}, {}, {}, total(mentions), {coords} FROM {name}{clause} \
         GROUP BY 1, 2, 3 HAVING sum(n) > 0 ORDER BY 1, 4 DESC, 2, 3",
        q(1),
        q(2),
        q(3),
        q(4)
    );
    Ok(Some((sql, args)))
}
