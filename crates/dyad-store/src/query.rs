//! Reading events: pages of [`EventRow`]s, with their mentions, in date order.

use rusqlite::Row;
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::merge::EventState;
use crate::rows::{EventRow, MentionRow, Party};
use crate::sql::{state_from_row, STATE_COLS};
use crate::{Filter, Store};

/// Which slice of the selected events to return.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Page {
    /// At most this many events.
    pub limit: usize,
    /// Skip this many first.
    pub offset: usize,
    /// Load each event's mentions.
    pub mentions: bool,
}

impl Default for Page {
    fn default() -> Page {
        Page {
            limit: 100,
            offset: 0,
            mentions: true,
        }
    }
}

/// Where a page of events ends: the next page starts after this event (keyset pagination).
///
/// Events are listed by `(day, id)`; a cursor names the last event shown, so
/// the next page is one index seek away however deep it is, and events
/// ingested meanwhile never shift a page. As text: `DAY.ID` (day number since
/// 1970-01-01, event id).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cursor {
    /// The event's day (days since 1970-01-01).
    pub day: i32,
    /// The event's id.
    pub id: i64,
}

impl Cursor {
    /// The cursor that ends a page at this event (events are listed by the first day of their `date`, then id).
    pub fn of(e: &EventRow) -> Cursor {
        Cursor {
            day: crate::dates::interval(&e.date).map_or(0, |d| d.0),
            id: e.id,
        }
    }
}

impl std::fmt::Display for Cursor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.day, self.id)
    }
}

impl std::str::FromStr for Cursor {
    type Err = crate::Error;
    fn from_str(s: &str) -> Result<Cursor> {
        let bad = || crate::Error::Filter(format!("bad cursor {s:?}: expected DAY.ID"));
        let (d, i) = s.trim().split_once('.').ok_or_else(bad)?;
        Ok(Cursor {
            day: d.parse().map_err(|_| bad())?,
            id: i.parse().map_err(|_| bad())?,
        })
    }
}

/// One page of events and the cursor of the next page, if there is one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventPage {
    /// The events, oldest first.
    pub items: Vec<EventRow>,
    /// Pass this to get the next page; `None` on the last page.
    pub next: Option<Cursor>,
}

fn event_sql(clause: &str, tail: &str) -> String {
    format!("SELECT id, {STATE_COLS}, num_mentions, num_sources, num_articles, day FROM events{clause} ORDER BY day, id{tail}")
}

fn opt_party(p: Party) -> Option<Party> {
    (!p.is_empty()).then_some(p)
}

fn event_from_row(row: &Row) -> rusqlite::Result<EventRow> {
    let s: EventState = state_from_row(row, 1)?;
    Ok(EventRow {
        id: row.get(0)?,
        event_type: s.event_type,
        cameo: s.cameo,
        quad_class: s.quad_class,
        goldstein: s.goldstein,
        mode: s.mode,
        context: s.context,
        actor: opt_party(s.actor),
        recipient: opt_party(s.recipient),
        mutual: s.mutual,
        negated: s.negated,
        modality: s.modality,
        date: s.date,
        date_basis: s.basis,
        date_start: crate::dates::day_label(s.lo),
        date_end: crate::dates::day_label(s.hi),
        location: s.location,
        num_mentions: row.get::<_, i64>(31)? as u32,
        num_sources: row.get::<_, i64>(32)? as u32,
        num_articles: row.get::<_, i64>(33)? as u32,
        mentions: Vec::new(),
    })
}

impl Store {
    /// One page of the events `filter` selects, oldest first.
    pub fn query(&self, filter: &Filter, page: Page) -> Result<Vec<EventRow>> {
        let (clause, mut args) = filter.to_sql()?;
        args.push(rusqlite::types::Value::Integer(
            page.limit.min(i64::MAX as usize) as i64,
        ));
        let l = args.len();
        args.push(rusqlite::types::Value::Integer(
            page.offset.min(i64::MAX as usize) as i64,
        ));
        let sql = event_sql(&clause, &format!(" LIMIT ?{l} OFFSET ?{}", l + 1));
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let mut out: Vec<EventRow> = stmt
            .query_map(rusqlite::params_from_iter(args), event_from_row)
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))?;
        if page.mentions {
            for ev in &mut out {
                ev.mentions = self.mentions(ev.id)?;
            }
        }
        Ok(out)
    }

    /// The page of at most `limit` events `filter` selects after `after` (from the start
    /// when `None`), oldest first, with the cursor of the next page. Deep pages cost
    /// what the first one does, unlike [`Page::offset`].
    pub fn query_after(
        &self,
        filter: &Filter,
        after: Option<Cursor>,
        limit: usize,
        mentions: bool,
    ) -> Result<EventPage> {
        let (mut clause, mut args) = filter.to_sql()?;
        if let Some(c) = after {
            args.push(rusqlite::types::Value::Integer(c.day as i64));
            args.push(rusqlite::types::Value::Integer(c.id));
            let (i, j) = (args.len() - 1, args.len());
            let cond = format!("(day, id) > (?{i}, ?{j})");
            clause = if clause.is_empty() {
                format!(" WHERE {cond}")
            } else {
                format!("{clause} AND {cond}")
            };
        }
        let limit = limit.clamp(1, 1 << 20);
        let sql = event_sql(&clause, &format!(" LIMIT {}", limit + 1));
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let mut items: Vec<(i32, EventRow)> = stmt
            .query_map(rusqlite::params_from_iter(args), |r| {
                Ok((r.get::<_, i32>(34)?, event_from_row(r)?))
            })
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))?;
        let more = items.len() > limit;
        items.truncate(limit);
        let next = if more {
            items.last().map(|(day, e)| Cursor {
                day: *day,
                id: e.id,
            })
        } else {
            None
        };
        let mut items: Vec<EventRow> = items.into_iter().map(|(_, e)| e).collect();
        if mentions {
            for ev in &mut items {
                ev.mentions = self.mentions(ev.id)?;
            }
        }
        Ok(EventPage { items, next })
    }

    /// How many events `filter` selects.
    pub fn count(&self, filter: &Filter) -> Result<u64> {
        let (clause, args) = filter.to_sql()?;
        self.conn
            .query_row(
                &format!("SELECT count(*) FROM events{clause}"),
                rusqlite::params_from_iter(args),
                |r| r.get::<_, i64>(0),
            )
            .map(|n| n as u64)
            .map_err(|e| self.err(e))
    }

    /// Every selected event in date order, streamed to `f` (for exports). Returns how many.
    pub fn for_each_event(
        &self,
        filter: &Filter,
        with_mentions: bool,
        mut f: impl FnMut(EventRow) -> Result<()>,
    ) -> Result<u64> {
        let (clause, args) = filter.to_sql()?;
        let mut stmt = self
            .conn
            .prepare(&event_sql(&clause, ""))
            .map_err(|e| self.err(e))?;
        let mut rows = stmt
            .query(rusqlite::params_from_iter(args))
            .map_err(|e| self.err(e))?;
        let mut n = 0;
        while let Some(row) = rows.next().map_err(|e| self.err(e))? {
            let mut ev = event_from_row(row).map_err(|e| self.err(e))?;
            if with_mentions {
                ev.mentions = self.mentions(ev.id)?;
            }
            f(ev)?;
            n += 1;
        }
        Ok(n)
    }

    /// The mentions of one event, in the order of their documents' first ingest, then of their records.
    pub fn mentions(&self, event_id: i64) -> Result<Vec<MentionRow>> {
        const SQL: &str =
            "SELECT d.date, d.source, d.url, s.text, d.key, s.idx, m.codes FROM mentions m \
             JOIN docs d ON d.id = m.doc JOIN sentences s ON s.id = m.sentence \
             WHERE m.event = ?1 ORDER BY m.id";
        let mut stmt = self.conn.prepare_cached(SQL).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([event_id], |r| {
                let rec = crate::mention::record_from_row(r, 4)?;
                Ok(MentionRow {
                    doc_id: rec.doc_id,
                    doc_date: r.get(0)?,
                    source: r.get(1)?,
                    url: r.get(2)?,
                    record_id: rec.id,
                    sentence: rec.sentence,
                    trigger: rec.trigger,
                    actor: rec.actor,
                    recipient: rec.recipient,
                    location: rec.location,
                    date: rec.date,
                    date_basis: rec.date_basis,
                    evidence: r.get(3)?,
                })
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(|e| self.err(e))?;
        Ok(rows)
    }
}
