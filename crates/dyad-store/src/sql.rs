//! The mapping between an event's codes ([`EventState`]) and the columns of the `events` table.

use std::sync::OnceLock;

use dyad_core::schema::DateBasis;
use rusqlite::{Row, ToSql};

use crate::merge::EventState;
use crate::rows::{Party, Place};

/// The columns that hold an event's codes, in [`StateSql::params`] order.
pub(crate) const STATE_COLS: &str =
    "event_type, cameo, quad_class, goldstein, mode, context, negated, modality, mutual, \
     a_country, a_sector, a_name, a_role, r_country, r_sector, r_name, r_role, \
     date, date_basis, day_lo, day_hi, \
     loc_name, loc_country, loc_admin1, lat, lon, geonames_id, feature_class, day, ym";

/// Columns in [`STATE_COLS`]: 28 codes, then two derived from `date` (`day`, `ym`).
const N_STATE: usize = 30;

/// `INSERT INTO events(...)` taking the state values, then `is_root`, `num_mentions`,
/// `num_sources`, `num_articles` and `id`.
pub(crate) fn insert_event_sql() -> &'static str {
    static S: OnceLock<String> = OnceLock::new();
    S.get_or_init(|| {
        let marks: Vec<String> = (1..=N_STATE + 5).map(|i| format!("?{i}")).collect();
        format!(
            "INSERT INTO events({STATE_COLS}, is_root, num_mentions, num_sources, num_articles, id) VALUES ({})",
            marks.join(",")
        )
    })
}

/// `UPDATE events SET <state>, ...` taking the parameters of [`insert_event_sql`]
/// (`is_root` only turns on).
pub(crate) fn update_event_sql() -> &'static str {
    static S: OnceLock<String> = OnceLock::new();
    S.get_or_init(|| {
        format!(
            "UPDATE events SET {}, is_root = max(is_root, ?{}), num_mentions = ?{}, num_sources = ?{}, \
             num_articles = ?{} WHERE id = ?{}",
            state_sets(),
            N_STATE + 1,
            N_STATE + 2,
            N_STATE + 3,
            N_STATE + 4,
            N_STATE + 5
        )
    })
}

/// As [`update_event_sql`], leaving the columns the indexes of `events` are keyed
/// on (`event_type`, the countries, `day_lo`, `day_hi`, `day`): SQLite then
/// rewrites the row alone, not the three index entries.
pub(crate) fn update_event_keep_keys_sql() -> &'static str {
    static S: OnceLock<String> = OnceLock::new();
    S.get_or_init(|| {
        let keys = ["event_type", "a_country", "r_country", "day_lo", "day_hi", "day"];
        let sets: Vec<String> = STATE_COLS
            .split(',')
            .enumerate()
            .filter(|(_, c)| !keys.contains(&c.trim()))
            .map(|(i, c)| format!("{} = ?{}", c.trim(), i + 1))
            .collect();
        format!(
            "UPDATE events SET {}, is_root = max(is_root, ?{}), num_mentions = ?{}, num_sources = ?{}, \
             num_articles = ?{} WHERE id = ?{}",
            sets.join(", "),
            N_STATE + 1,
            N_STATE + 2,
            N_STATE + 3,
            N_STATE + 4,
            N_STATE + 5
        )
    })
}

/// `UPDATE events SET <state> WHERE id = ?31`.
pub(crate) fn update_state_sql() -> &'static str {
    static S: OnceLock<String> = OnceLock::new();
    S.get_or_init(|| {
        format!(
            "UPDATE events SET {} WHERE id = ?{}",
            state_sets(),
            N_STATE + 1
        )
    })
}

fn state_sets() -> String {
    let sets: Vec<String> = STATE_COLS
        .split(',')
        .enumerate()
        .map(|(i, c)| format!("{} = ?{}", c.trim(), i + 1))
        .collect();
    sets.join(", ")
}

pub(crate) fn basis_str(b: DateBasis) -> &'static str {
    match b {
        DateBasis::Text => "text",
        DateBasis::Publication => "publication",
    }
}

pub(crate) fn parse_basis(s: &str) -> DateBasis {
    if s == "publication" {
        DateBasis::Publication
    } else {
        DateBasis::Text
    }
}

/// An [`EventState`] with its derived values, ready to bind.
pub(crate) struct StateSql<'a> {
    s: &'a EventState,
    context: String,
    quad: i64,
    negated: i64,
    mutual: i64,
    loc_name: Option<&'a str>,
    loc_country: Option<&'a str>,
    loc_admin1: Option<&'a str>,
    lat: Option<f64>,
    lon: Option<f64>,
    geonames_id: Option<i64>,
    feature_class: Option<&'a str>,
    day: i32,
    ym: i32,
}

impl<'a> StateSql<'a> {
    pub fn new(s: &'a EventState) -> StateSql<'a> {
        let l = s.location.as_ref();
        StateSql {
            s,
            context: serde_json::to_string(&s.context).unwrap_or_else(|_| "[]".into()),
            quad: s.quad_class as i64,
            negated: s.negated as i64,
            mutual: s.mutual as i64,
            loc_name: l.map(|l| l.name.as_str()),
            loc_country: l.and_then(|l| l.country.as_deref()),
            loc_admin1: l.and_then(|l| l.admin1.as_deref()),
            lat: l.map(|l| l.lat),
            lon: l.map(|l| l.lon),
            geonames_id: l.and_then(|l| l.geonames_id).map(|g| g as i64),
            feature_class: l.and_then(|l| l.feature_class.as_deref()),
            day: s.day(),
            ym: crate::dates::year_month(s.day()),
        }
    }

    /// The values of [`STATE_COLS`], in order.
    pub fn params(&self) -> [&dyn ToSql; N_STATE] {
        let s = self.s;
        [
            &s.event_type,
            &s.cameo,
            &self.quad,
            &s.goldstein,
            &s.mode,
            &self.context,
            &self.negated,
            &s.modality,
            &self.mutual,
            &s.actor.country,
            &s.actor.sector,
            &s.actor.name,
            &s.actor.role,
            &s.recipient.country,
            &s.recipient.sector,
            &s.recipient.name,
            &s.recipient.role,
            &s.date,
            basis_ref(s.basis),
            &s.lo,
            &s.hi,
            &self.loc_name,
            &self.loc_country,
            &self.loc_admin1,
            &self.lat,
            &self.lon,
            &self.geonames_id,
            &self.feature_class,
            &self.day,
            &self.ym,
        ]
    }
}

fn basis_ref(b: DateBasis) -> &'static &'static str {
    match b {
        DateBasis::Text => &"text",
        DateBasis::Publication => &"publication",
    }
}

fn party(row: &Row, i: usize) -> rusqlite::Result<Party> {
    Ok(Party {
        country: row.get(i)?,
        sector: row.get(i + 1)?,
        name: row.get(i + 2)?,
        role: row.get(i + 3)?,
    })
}

/// Reads the [`STATE_COLS`] starting at column `i` (the derived `day` and `ym` are not needed).
pub(crate) fn state_from_row(row: &Row, i: usize) -> rusqlite::Result<EventState> {
    let context: String = row.get(i + 5)?;
    let basis: String = row.get(i + 18)?;
    let loc_name: Option<String> = row.get(i + 21)?;
    let location = match loc_name {
        None => None,
        Some(name) => Some(Place {
            name,
            country: row.get(i + 22)?,
            admin1: row.get(i + 23)?,
            lat: row.get::<_, Option<f64>>(i + 24)?.unwrap_or(0.0),
            lon: row.get::<_, Option<f64>>(i + 25)?.unwrap_or(0.0),
            geonames_id: row.get::<_, Option<i64>>(i + 26)?.map(|g| g as u64),
            feature_class: row.get(i + 27)?,
        }),
    };
    Ok(EventState {
        event_type: row.get(i)?,
        cameo: row.get(i + 1)?,
        quad_class: row.get::<_, i64>(i + 2)? as u8,
        goldstein: row.get(i + 3)?,
        mode: row.get(i + 4)?,
        context: serde_json::from_str(&context).unwrap_or_default(),
        negated: row.get::<_, i64>(i + 6)? != 0,
        modality: row.get(i + 7)?,
        mutual: row.get::<_, i64>(i + 8)? != 0,
        actor: party(row, i + 9)?,
        recipient: party(row, i + 13)?,
        date: row.get(i + 17)?,
        basis: parse_basis(&basis),
        lo: row.get(i + 19)?,
        hi: row.get(i + 20)?,
        location,
    })
}
