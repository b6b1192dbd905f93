//! A mention's columns (schema v3): a coded record without its evidence, as plain values.
//!
//! A mention keeps everything needed to show the report ([`crate::MentionRow`])
//! and to fold its event again when another document is replaced
//! ([`crate::ingest::refold`]): codes, date, and the actor, recipient, place and
//! trigger with their offsets. The evidence sentence is stored once, in
//! `sentences`; `reported_by` and `rule` are not kept.

use dyad_core::schema::{ActorRef, EventRecord, Location, TextSpan};
use rusqlite::{Row, ToSql};

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

/// A record's [`MENTION_COLS`] values, borrowed from the record where they are text.
pub(crate) struct MentionSql<'a> {
    r: &'a EventRecord,
    ids: [i64; 3],
    nums: [Option<i64>; 12],
    strs: [Option<&'a str>; 15],
    coords: [Option<f64>; 2],
    context: Option<String>,
    basis: &'static str,
}

fn side(a: Option<&ActorRef>) -> [Option<&str>; 5] {
    match a {
        None => [None; 5],
        Some(a) => [
            Some(a.text.as_str()),
            a.country.as_deref(),
            a.sector.as_deref(),
            a.name.as_deref(),
            a.role.as_deref(),
        ],
    }
}

fn int(v: usize) -> Option<i64> {
    Some(v.min(i64::MAX as usize) as i64)
}

impl<'a> MentionSql<'a> {
    /// A record of `event`, in document row `doc`, sentence row `sentence`.
    pub fn new(event: i64, doc: i64, sentence: i64, r: &'a EventRecord) -> MentionSql<'a> {
        let (a, p, l) = (r.actor.as_ref(), r.recipient.as_ref(), r.location.as_ref());
        let [a0, a1, a2, a3, a4] = side(a);
        let [p0, p1, p2, p3, p4] = side(p);
        MentionSql {
            r,
            ids: [event, doc, sentence],
            nums: [
                int(r.trigger.start),
                int(r.trigger.end),
                Some(r.quad_class as i64),
                Some(r.negated as i64),
                Some(r.mutual as i64),
                a.and_then(|x| int(x.start)),
                a.and_then(|x| int(x.end)),
                p.and_then(|x| int(x.start)),
                p.and_then(|x| int(x.end)),
                l.and_then(|x| int(x.start)),
                l.and_then(|x| int(x.end)),
                l.and_then(|x| x.geonames_id)
                    .map(|g| g.min(i64::MAX as u64) as i64),
            ],
            strs: [
                a0,
                a1,
                a2,
                a3,
                a4,
                p0,
                p1,
                p2,
                p3,
                p4,
                l.map(|x| x.text.as_str()),
                l.map(|x| x.name.as_str()),
                l.and_then(|x| x.country.as_deref()),
                l.and_then(|x| x.admin1.as_deref()),
                l.and_then(|x| x.feature_class.as_deref()),
            ],
            coords: [l.map(|x| x.lat), l.map(|x| x.lon)],
            context: (!r.context.is_empty())
                .then(|| serde_json::to_string(&r.context).unwrap_or_else(|_| "[]".into())),
            basis: crate::sql::basis_str(r.date_basis),
        }
    }

    /// The values of [`MENTION_COLS`], in order.
    pub fn params(&self) -> [&dyn ToSql; N_MENTION] {
        let (r, n, s) = (self.r, &self.nums, &self.strs);
        [
            &self.ids[0],
            &self.ids[1],
            &self.ids[2],
            &r.id,
            &r.trigger.text,
            &n[0],
            &n[1],
            &r.event_type,
            &r.cameo,
            &n[2],
            &r.goldstein,
            &r.mode,
            &self.context,
            &n[3],
            &r.modality,
            &n[4],
            &r.date,
            &self.basis,
            &s[0],
            &n[5],
            &n[6],
            &s[1],
            &s[2],
            &s[3],
            &s[4],
            &s[5],
            &n[7],
            &n[8],
            &s[6],
            &s[7],
            &s[8],
            &s[9],
            &s[10],
            &n[9],
            &n[10],
            &s[11],
            &s[12],
            &s[13],
            &self.coords[0],
            &self.coords[1],
            &n[11],
            &s[14],
        ]
    }
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
