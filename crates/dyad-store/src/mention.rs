//! A mention's columns (schema v3): a coded record without its evidence, as plain values.
//!
//! A mention keeps everything needed to show the report ([`crate::MentionRow`])
//! and to fold its event again when another document is replaced
//! ([`crate::ingest::refold`]): codes, date, and the actor, recipient, place and
//! trigger with their offsets. The evidence sentence is stored once, in
//! `sentences`; `reported_by` and `rule` are not kept.

use dyad_core::schema::{ActorRef, EventRecord, Location, TextSpan};
use rusqlite::types::Value;
use rusqlite::Row;

/// The columns [`values`] fills, in order (the `mentions` table's, without `id`).
pub(crate) const MENTION_COLS: &str =
    "event, doc, sentence, rec_id, trig_text, trig_start, trig_end, \
     event_type, cameo, quad_class, goldstein, mode, context, negated, modality, mutual, date, date_basis, \
     a_text, a_start, a_end, a_country, a_sector, a_name, a_role, \
     r_text, r_start, r_end, r_country, r_sector, r_name, r_role, \
     l_text, l_start, l_end, l_name, l_country, l_admin1, l_lat, l_lon, l_gid, l_class";

/// Number of [`MENTION_COLS`].
pub(crate) const N_MENTION: usize = 42;

/// The columns [`record_from_row`] reads, from `mentions m`, after the document key and the sentence index.
pub(crate) const READ_COLS: &str =
    "m.rec_id, m.trig_text, m.trig_start, m.trig_end, \
     m.event_type, m.cameo, m.quad_class, m.goldstein, m.mode, m.context, m.negated, m.modality, m.mutual, m.date, m.date_basis, \
     m.a_text, m.a_start, m.a_end, m.a_country, m.a_sector, m.a_name, m.a_role, \
     m.r_text, m.r_start, m.r_end, m.r_country, m.r_sector, m.r_name, m.r_role, \
     m.l_text, m.l_start, m.l_end, m.l_name, m.l_country, m.l_admin1, m.l_lat, m.l_lon, m.l_gid, m.l_class";

fn text(s: &str) -> Value {
    Value::Text(s.to_string())
}

fn opt(s: &Option<String>) -> Value {
    s.as_deref().map_or(Value::Null, text)
}

fn int(n: usize) -> Value {
    Value::Integer(n.min(i64::MAX as usize) as i64)
}

fn actor_values(out: &mut Vec<Value>, a: Option<&ActorRef>) {
    match a {
        None => out.extend(std::iter::repeat_n(Value::Null, 7)),
        Some(a) => out.extend([
            text(&a.text),
            int(a.start),
            int(a.end),
            opt(&a.country),
            opt(&a.sector),
            opt(&a.name),
            opt(&a.role),
        ]),
    }
}

/// The values of [`MENTION_COLS`] for a record of `event`, in document row `doc`, sentence row `sentence`.
pub(crate) fn values(event: i64, doc: i64, sentence: i64, r: &EventRecord) -> Vec<Value> {
    let mut v = Vec::with_capacity(N_MENTION);
    v.extend([
        Value::Integer(event),
        Value::Integer(doc),
        Value::Integer(sentence),
        text(&r.id),
        text(&r.trigger.text),
        int(r.trigger.start),
        int(r.trigger.end),
        text(&r.event_type),
        text(&r.cameo),
        Value::Integer(r.quad_class as i64),
        Value::Real(r.goldstein),
        opt(&r.mode),
        if r.context.is_empty() {
            Value::Null
        } else {
            Value::Text(serde_json::to_string(&r.context).unwrap_or_else(|_| "[]".into()))
        },
        Value::Integer(r.negated as i64),
        text(&r.modality),
        Value::Integer(r.mutual as i64),
        text(&r.date),
        text(crate::sql::basis_str(r.date_basis)),
    ]);
    actor_values(&mut v, r.actor.as_ref());
    actor_values(&mut v, r.recipient.as_ref());
    match &r.location {
        None => v.extend(std::iter::repeat_n(Value::Null, 10)),
        Some(l) => v.extend([
            text(&l.text),
            int(l.start),
            int(l.end),
            text(&l.name),
            opt(&l.country),
            opt(&l.admin1),
            Value::Real(l.lat),
            Value::Real(l.lon),
            l.geonames_id.map_or(Value::Null, |g| {
                Value::Integer(g.min(i64::MAX as u64) as i64)
            }),
            opt(&l.feature_class),
        ]),
    }
    v
}

fn usize_at(row: &Row, i: usize) -> rusqlite::Result<usize> {
    Ok(row.get::<_, Option<i64>>(i)?.unwrap_or(0).max(0) as usize)
}

fn actor_at(row: &Row, i: usize) -> rusqlite::Result<Option<ActorRef>> {
    let Some(t) = row.get::<_, Option<String>>(i)? else {
        return Ok(None);
    };
    Ok(Some(ActorRef {
        text: t,
        start: usize_at(row, i + 1)?,
        end: usize_at(row, i + 2)?,
        country: row.get(i + 3)?,
        sector: row.get(i + 4)?,
        name: row.get(i + 5)?,
        role: row.get(i + 6)?,
    }))
}

/// Rebuilds the record from a row holding the document key at `i`, the sentence index
/// at `i + 1`, then [`READ_COLS`]. The evidence is left empty.
pub(crate) fn record_from_row(row: &Row, i: usize) -> rusqlite::Result<EventRecord> {
    let doc_id: String = row.get(i)?;
    let sentence = usize_at(row, i + 1)?;
    let c = i + 2;
    let context: Option<String> = row.get(c + 9)?;
    let basis: String = row.get(c + 14)?;
    let location = match row.get::<_, Option<String>>(c + 29)? {
        None => None,
        Some(t) => Some(Location {
            text: t,
            start: usize_at(row, c + 30)?,
            end: usize_at(row, c + 31)?,
            name: row.get::<_, Option<String>>(c + 32)?.unwrap_or_default(),
            country: row.get(c + 33)?,
            admin1: row.get(c + 34)?,
            lat: row.get::<_, Option<f64>>(c + 35)?.unwrap_or(0.0),
            lon: row.get::<_, Option<f64>>(c + 36)?.unwrap_or(0.0),
            geonames_id: row.get::<_, Option<i64>>(c + 37)?.map(|g| g.max(0) as u64),
            feature_class: row.get(c + 38)?,
        }),
    };
    Ok(EventRecord {
        id: row.get(c)?,
        doc_id,
        sentence,
        event_type: row.get(c + 4)?,
        mode: row.get(c + 8)?,
        context: context
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or_default(),
        cameo: row.get(c + 5)?,
        quad_class: row.get::<_, i64>(c + 6)?.clamp(0, 255) as u8,
        goldstein: row.get(c + 7)?,
        actor: actor_at(row, c + 15)?,
        recipient: actor_at(row, c + 22)?,
        mutual: row.get::<_, i64>(c + 12)? != 0,
        date: row.get(c + 13)?,
        date_basis: crate::sql::parse_basis(&basis),
        location,
        reported_by: None,
        negated: row.get::<_, i64>(c + 10)? != 0,
        modality: row.get(c + 11)?,
        trigger: TextSpan {
            text: row.get(c + 1)?,
            start: usize_at(row, c + 2)?,
            end: usize_at(row, c + 3)?,
        },
        rule: None,
        evidence: String::new(),
    })
}
