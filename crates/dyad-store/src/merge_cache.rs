//! Finding the stored event a record reports: SQL per record, or a per-batch cache.
//!
//! The merge lookup was the largest single cost of an ingest (a fifth of it):
//! one or two index seeks per orientation and a row decode for each record.
//! News arrives in date order, so the records of one batch fall in a window of
//! a few weeks and many of them share a pair and type. [`MergeCache`] loads,
//! the first time a (actor country, recipient country, type) key is looked up
//! in a batch, every stored event of that key whose interval reaches into the
//! batch's window (the same SQL as the per-record lookup, over the window), and
//! keeps it up to date as the batch creates and folds events. Later records of
//! the key are matched in memory.
//!
//! The cache only ever holds committed rows and rows of the current
//! transaction, and lives for one batch: nothing survives a rollback or a kill.
//! It is emptied when a replaced document repairs or deletes events (rare; keys
//! are then loaded again), and not used when a batch spans more than
//! [`MAX_WINDOW_DAYS`] (a backfill in random order would load too much). The
//! candidates it yields for a record are a superset of what the per-record SQL
//! yields and the choice among them is the same, so the merged result is
//! identical (`tests/merge.rs` ingests with and without it and compares).

use std::collections::HashMap;

use rusqlite::Transaction;

use crate::merge::{compatible, EventState, DATE_SLACK_DAYS};
use crate::sql::{state_from_row, STATE_COLS};

/// Width in days of the buckets of `day_lo` that lead the `events_pair` index
/// (`day_lo / 32`): time first, so that news arriving in date order writes to
/// a few pages of the index instead of one page per pair and type.
pub(crate) const BUCKET_DAYS: i32 = 32;
/// Widest date interval a stored event can have (a year, plus a leap day).
const MAX_SPAN_DAYS: i32 = 366;
/// Events whose interval is at most this wide are found through the narrow window
/// (must match the partial index `events_wide` in the schema).
pub(crate) const NARROW_DAYS: i32 = 7;
/// A batch whose records span more days than this is matched record by record.
pub(crate) const MAX_WINDOW_DAYS: i32 = 120;

/// An (actor country, recipient country, event type) key of `events_pair`.
type Key = (Option<String>, Option<String>, String);

/// Stored events by pair and type, for one batch's window of days.
pub(crate) struct MergeCache {
    /// First and last day (slack included) a record of the batch may match.
    lo: i32,
    hi: i32,
    map: HashMap<Key, Vec<(i64, EventState)>>,
    enabled: bool,
}

impl MergeCache {
    /// A cache for records whose intervals lie in `lo..=hi` (`None`: no valid record),
    /// disabled when `on` is false or the window is too wide.
    pub fn new(window: Option<(i32, i32)>, on: bool) -> MergeCache {
        let (lo, hi) = window.unwrap_or((0, -1));
        MergeCache {
            lo: lo - DATE_SLACK_DAYS,
            hi: hi + DATE_SLACK_DAYS,
            map: HashMap::new(),
            enabled: on && window.is_some() && hi - lo <= MAX_WINDOW_DAYS,
        }
    }

    /// Forgets what was loaded (events were repaired or deleted): keys load again from SQL.
    pub fn reset(&mut self) {
        self.map.clear();
    }

    /// Notes a new event, if its key is loaded (otherwise the SQL load will see it).
    pub fn created(&mut self, id: i64, st: &EventState) {
        if let Some(v) = self.map.get_mut(&key_of(st)) {
            v.push((id, st.clone()));
        }
    }

    /// Notes an event's new state after a record was folded in.
    pub fn folded(&mut self, id: i64, st: &EventState) {
        if let Some(v) = self.map.get_mut(&key_of(st)) {
            if let Some(e) = v.iter_mut().find(|e| e.0 == id) {
                e.1.clone_from(st);
            }
        }
    }
}

fn key_of(st: &EventState) -> Key {
    (
        st.actor.country.clone(),
        st.recipient.country.clone(),
        st.event_type.clone(),
    )
}

/// The stored event `st` reports, if any: its id, codes, and whether roles are swapped.
pub(crate) fn find_match(
    tx: &Transaction,
    st: &EventState,
    has_wide: bool,
    cache: &mut MergeCache,
) -> rusqlite::Result<Option<(i64, EventState, bool)>> {
    let pairs = [
        (&st.actor.country, &st.recipient.country),
        (&st.recipient.country, &st.actor.country),
    ];
    let n = if pairs[0].0 == pairs[0].1 { 1 } else { 2 };
    let mut best: Option<(i64, EventState, bool)> = None;
    let cached = cache.enabled && st.lo >= cache.lo + 1 && st.hi <= cache.hi - 1;
    for (a, r) in pairs.iter().take(n) {
        if cached {
            let key: Key = ((*a).clone(), (*r).clone(), st.event_type.clone());
            if !cache.map.contains_key(&key) {
                let mut v = Vec::new();
                candidates(
                    tx,
                    a,
                    r,
                    &st.event_type,
                    cache.lo,
                    cache.hi,
                    has_wide,
                    &mut v,
                )?;
                v.sort_by_key(|e| e.0);
                v.dedup_by_key(|e| e.0);
                cache.map.insert(key.clone(), v);
            }
            for (id, ev) in cache.map.get(&key).into_iter().flatten() {
                consider(&mut best, *id, ev, st);
            }
        } else {
            let mut v = Vec::new();
            let (lo, hi) = (st.lo - DATE_SLACK_DAYS, st.hi + DATE_SLACK_DAYS);
            candidates(tx, a, r, &st.event_type, lo, hi, has_wide, &mut v)?;
            for (id, ev) in &v {
                consider(&mut best, *id, ev, st);
            }
        }
    }
    Ok(best)
}

/// Keeps `ev` as the best match if it is compatible and nearer (then older) than the best so far.
fn consider(best: &mut Option<(i64, EventState, bool)>, id: i64, ev: &EventState, st: &EventState) {
    if best.as_ref().is_some_and(|b| b.0 == id) {
        return;
    }
    // Cheap date test first (most cached candidates of a busy pair are other days).
    if st.lo > ev.hi + DATE_SLACK_DAYS || ev.lo > st.hi + DATE_SLACK_DAYS {
        return;
    }
    if let Some(swapped) = compatible(ev, st) {
        let better = match best {
            None => true,
            Some((bid, b, _)) => (ev.date_distance(st), id) < (b.date_distance(st), *bid),
        };
        if better {
            *best = Some((id, ev.clone(), swapped));
        }
    }
}

/// Appends the stored events of pair `a`, `r` and `event_type` whose intervals may
/// reach `lo..=hi` (a superset of those that do; may repeat an event).
#[allow(clippy::too_many_arguments)]
fn candidates(
    tx: &Transaction,
    a: &Option<String>,
    r: &Option<String>,
    event_type: &str,
    lo: i32,
    hi: i32,
    has_wide: bool,
    out: &mut Vec<(i64, EventState)>,
) -> rusqlite::Result<()> {
    static NARROW: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    static WIDE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let narrow = NARROW.get_or_init(|| {
        format!(
            "SELECT id, {STATE_COLS} FROM events WHERE day_lo / {BUCKET_DAYS} IN (?6, ?7) AND a_country IS ?1 \
             AND r_country IS ?2 AND event_type = ?3 AND day_lo BETWEEN ?4 - {NARROW_DAYS} AND ?5 AND day_hi >= ?4"
        )
    });
    let wide = WIDE.get_or_init(|| {
        format!(
            "SELECT id, {STATE_COLS} FROM events WHERE a_country IS ?1 AND r_country IS ?2 AND event_type = ?3 \
             AND day_hi - day_lo > {NARROW_DAYS} AND day_lo BETWEEN ?4 - {MAX_SPAN_DAYS} AND ?5 AND day_hi >= ?4"
        )
    });
    // The narrow query looks in the buckets of `day_lo` the candidates may lie in,
    // two at a time (a record dated to a day needs one or two).
    // (Rust's `/` truncates toward zero as SQLite's does.)
    let buckets: Vec<i32> = ((lo - NARROW_DAYS) / BUCKET_DAYS..=hi / BUCKET_DAYS).collect();
    let mut stmt = tx.prepare_cached(narrow)?;
    for c in buckets.chunks(2) {
        let (b0, b1) = (c[0], c[c.len() - 1]);
        let mut rows = stmt.query(rusqlite::params![a, r, event_type, lo, hi, b0, b1])?;
        while let Some(row) = rows.next()? {
            out.push((row.get(0)?, state_from_row(row, 1)?));
        }
    }
    if has_wide {
        let mut stmt = tx.prepare_cached(wide)?;
        let mut rows = stmt.query(rusqlite::params![a, r, event_type, lo, hi])?;
        while let Some(row) = rows.next()? {
            out.push((row.get(0)?, state_from_row(row, 1)?));
        }
    }
    Ok(())
}
