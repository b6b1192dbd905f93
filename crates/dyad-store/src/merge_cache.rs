//! Finding the stored event a record reports: SQL per record, or a per-batch cache.
//!
//! The merge lookup was the largest single cost of an ingest (a fifth of it):
//! one or two index seeks per orientation and a row decode for each record.
//! News arrives in date order, so the records of one batch fall in a few weeks
//! and many of them share a pair and type. [`MergeCache`] loads, the first time
//! a record needs it, every stored event of one (actor country, recipient
//! country, type) key whose window starts in one 32-day bucket of `events_pair`
//! (one index range), and the key's wide events (windows over a week) that may
//! reach the batch's days; it keeps them up to date as the batch creates and
//! folds events. Later records of the key and bucket are matched in memory.
//!
//! The cache holds committed rows and the batch's pending events (rows read
//! from SQL pass through [`Pending::overlay`]). After a batch commits, the
//! [`Store`](crate::Store) keeps it for the next batch of the same connection
//! ([`MergeCache::renew`]): the counts and sources of the events the batch
//! touched are settled in ([`MergeCache::settle`]), buckets the cache has held
//! for every key since they were empty are remembered as complete (a key not
//! held there needs no read), buckets that fell behind the news are dropped, and the whole cache is
//! dropped when another connection committed meanwhile (`PRAGMA
//! data_version`), when a batch fails (nothing survives a rollback or a kill),
//! or when it grows past [`MAX_CACHED`] events. It is emptied when a replaced
//! document repairs or deletes events (rare; keys then load again), and not
//! used when the batch's records dated to a month or better span more than
//! [`MAX_WINDOW_DAYS`] (a backfill in random order would load whole buckets
//! for single records). The candidates it yields for a
//! record are a superset of what the per-record SQL yields and the choice
//! among them is the same, so the merged result is identical
//! (`tests/merge_cache.rs` ingests with and without it and compares).

use std::sync::Arc;

use rustc_hash::FxHashMap as HashMap;

use rusqlite::Transaction;

use crate::merge::{compatible, EventState, DATE_SLACK_DAYS};
use crate::pending::Pending;
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
pub(crate) const MAX_WINDOW_DAYS: i32 = 731;
/// A kept cache holding more events than this is dropped (about 300 bytes each).
pub(crate) const MAX_CACHED: usize = 500_000;

/// An event's mention counts: `num_mentions`, `num_articles`, `num_sources`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Counts {
    pub mentions: i64,
    pub articles: i64,
    pub sources: i64,
}

/// A stored event as the merge lookup sees it.
#[derive(Clone, Debug)]
pub(crate) struct Cand {
    pub id: i64,
    /// Its codes, shared with the batch's pending copy.
    pub state: Arc<EventState>,
    /// Its counts as committed (or as the batch that created or last touched it left them).
    pub counts: Counts,
    /// Hashes of its distinct sources ([`crate::pending::source_hash`]), when known:
    /// events read from SQL learn theirs when a batch first touches them.
    pub sources: Option<Vec<u64>>,
}

impl Cand {
    /// A candidate with unknown counts (they are settled when its batch ends).
    fn fresh(id: i64, state: Arc<EventState>) -> Cand {
        Cand {
            id,
            state,
            counts: Counts::default(),
            sources: None,
        }
    }
}

/// A match: the stored event and whether the record's roles are swapped against it.
pub(crate) type Found = (Cand, bool);

/// An (actor country, recipient country, event type) key of `events_pair`.
pub(crate) type Key = (Option<String>, Option<String>, String);

/// Stored events by pair, type and bucket of `day_lo`, and the wide ones by pair and type.
pub(crate) struct MergeCache {
    /// First and last day (slack included) the batch's records dated to a month or
    /// better may match: the range the wide events are loaded for.
    lo: i32,
    hi: i32,
    /// Every event of a key whose `day_lo` is in a bucket ([`BUCKET_DAYS`]).
    narrow: HashMap<Key, HashMap<i32, Vec<Cand>>>,
    /// The events of a key wider than [`NARROW_DAYS`] that may reach `lo..=hi`.
    wide: HashMap<Key, Vec<Cand>>,
    /// The highest bucket of `day_lo` any stored event had when the batch began:
    /// later buckets were empty, so they start empty here without a read, and
    /// the batch's own events are added as they are written.
    frontier: i32,
    /// Buckets this cache has held for every key since they were empty (started
    /// past a frontier, and every write since went through the cache): a key not
    /// held in one has no events there, so it starts empty without a read. Kept
    /// with the cache between batches; a reset forgets them.
    complete: rustc_hash::FxHashSet<i32>,
    enabled: bool,
}

impl MergeCache {
    /// A cache for a batch whose records dated to a month or better lie in `lo..=hi`
    /// (`None`: no such record), disabled when `on` is false or the window is too wide.
    pub fn new(window: Option<(i32, i32)>, on: bool) -> MergeCache {
        let (lo, hi) = window.unwrap_or((0, -1));
        MergeCache {
            lo: lo - DATE_SLACK_DAYS,
            hi: hi + DATE_SLACK_DAYS,
            narrow: HashMap::default(),
            wide: HashMap::default(),
            frontier: i32::MAX,
            complete: Default::default(),
            enabled: on && window.is_some() && hi - lo <= MAX_WINDOW_DAYS,
        }
    }

    /// Reads the highest bucket of `day_lo` stored so far (see `frontier`).
    /// Must be called at the start of the batch, before it writes.
    pub fn read_frontier(&mut self, tx: &Transaction) -> rusqlite::Result<()> {
        let max: Option<i32> = tx.query_row(
            &format!("SELECT max(day_lo / {BUCKET_DAYS}) FROM events"),
            [],
            |r| r.get(0),
        )?;
        self.frontier = max.unwrap_or(i32::MIN);
        Ok(())
    }

    /// The events of `k`'s bucket, when they are all held; a bucket past the
    /// frontier is started empty (it is complete: nothing was stored there).
    fn bucket_mut(&mut self, key: &Key, b: i32) -> Option<&mut Vec<Cand>> {
        if !self.enabled {
            return None;
        }
        let past = self.known_empty(b);
        if !self.narrow.contains_key(key) {
            if !past {
                return None;
            }
            self.narrow.insert(key.clone(), HashMap::default());
        }
        let buckets = self.narrow.get_mut(key)?;
        match buckets.entry(b) {
            std::collections::hash_map::Entry::Occupied(e) => Some(e.into_mut()),
            std::collections::hash_map::Entry::Vacant(e) if past => Some(e.insert(Vec::new())),
            std::collections::hash_map::Entry::Vacant(_) => None,
        }
    }

    /// Readies a cache kept from the previous batch (committed, and no other
    /// connection wrote since) for a batch with `window`: the wide events are
    /// loaded again for the new window, buckets wholly before the window are
    /// dropped, and everything is dropped when the new batch cannot use the
    /// cache (its writes would not be noted) or the cache has grown too big.
    pub fn renew(mut self, window: Option<(i32, i32)>, on: bool) -> MergeCache {
        let next = MergeCache::new(window, on);
        if !next.enabled {
            return next;
        }
        self.wide.clear();
        let first = bucket(next.lo - NARROW_DAYS);
        for buckets in self.narrow.values_mut() {
            buckets.retain(|b, _| *b >= first);
        }
        self.narrow.retain(|_, buckets| !buckets.is_empty());
        let held: usize = self
            .narrow
            .values()
            .flat_map(|m| m.values())
            .map(Vec::len)
            .sum();
        if held > MAX_CACHED {
            return next;
        }
        self.complete.retain(|b| *b >= first);
        MergeCache {
            narrow: self.narrow,
            complete: self.complete,
            ..next
        }
    }

    /// Whether the cache was used (a disabled cache is not worth keeping).
    pub fn enabled(&self) -> bool {
        self.enabled
    }

    /// Records the counts and sources a batch left event `id` (now with codes `st`)
    /// with, where its bucket is held, so that a later batch starts from them.
    pub fn settle(&mut self, id: i64, st: &EventState, counts: Counts, sources: &[u64]) {
        if let Some(v) = self.held_mut(&key_of(st), bucket(st.lo)) {
            if let Some(c) = v.iter_mut().find(|c| c.id == id) {
                c.counts = counts;
                c.sources = Some(sources.to_vec());
            }
        }
    }

    /// Whether a key not held in bucket `b` has no events there: the bucket is past the
    /// frontier (it is then complete from now on) or already complete.
    fn known_empty(&mut self, b: i32) -> bool {
        if b > self.frontier {
            self.complete.insert(b);
            return true;
        }
        self.complete.contains(&b)
    }

    /// Bucket `b` of `key`, if held.
    fn held_mut(&mut self, key: &Key, b: i32) -> Option<&mut Vec<Cand>> {
        self.narrow.get_mut(key)?.get_mut(&b)
    }

    /// Forgets what was loaded (events were repaired or deleted): keys load again from SQL.
    pub fn reset(&mut self) {
        // Buckets past the frontier now hold this batch's events in SQL only.
        self.frontier = i32::MAX;
        self.complete.clear();
        self.narrow.clear();
        self.wide.clear();
    }

    /// Notes a new event, where its key is loaded (otherwise the SQL load will see it).
    pub fn created(&mut self, id: i64, st: &Arc<EventState>) {
        let key = key_of(st);
        if let Some(v) = self.bucket_mut(&key, bucket(st.lo)) {
            v.push(Cand::fresh(id, st.clone()));
        }
        if is_wide(st) {
            if let Some(v) = self.wide.get_mut(&key) {
                v.push(Cand::fresh(id, st.clone()));
            }
        }
    }

    /// Notes an event's new state after a record was folded in (its window may have
    /// moved; its counts are the batch's business until [`MergeCache::settle`]).
    /// A bucket it moves into is read first, so that bucket is complete.
    pub fn folded(
        &mut self,
        tx: &Transaction,
        pending: &Pending,
        id: i64,
        old: &EventState,
        new: &Arc<EventState>,
    ) -> rusqlite::Result<()> {
        if !self.enabled {
            return Ok(());
        }
        let key = key_of(new);
        let (b0, b1) = (bucket(old.lo), bucket(new.lo));
        if let Some(v) = self.held_mut(&key, b0) {
            v.retain(|e| e.id != id);
        }
        if b0 != b1 {
            self.load_bucket(tx, pending, &key, b1)?;
        }
        if let Some(v) = self.held_mut(&key, b1) {
            v.retain(|e| e.id != id);
            v.push(Cand::fresh(id, new.clone()));
        }
        if let Some(v) = self.wide.get_mut(&key) {
            v.retain(|e| e.id != id);
            if is_wide(new) {
                v.push(Cand::fresh(id, new.clone()));
            }
        }
        Ok(())
    }

    /// Makes bucket `b` of `key` held: read from SQL (unless past the frontier), with
    /// the rows of events the batch changed replaced by their pending state.
    fn load_bucket(
        &mut self,
        tx: &Transaction,
        pending: &Pending,
        key: &Key,
        b: i32,
    ) -> rusqlite::Result<()> {
        if self.narrow.get(key).is_some_and(|m| m.contains_key(&b)) {
            return Ok(());
        }
        let mut v = Vec::new();
        if !self.known_empty(b) {
            narrow_bucket(tx, key, b, &mut v)?;
        }
        pending.overlay(key, &mut v, |st| bucket(st.lo) == b);
        self.narrow.entry(key.clone()).or_default().insert(b, v);
        Ok(())
    }
}

/// The `events_pair` key of an event.
pub(crate) fn key_of(st: &EventState) -> Key {
    (
        st.actor.country.clone(),
        st.recipient.country.clone(),
        st.event_type.clone(),
    )
}

/// The `events_pair` bucket of a window start (`/` truncates toward zero, as SQLite's does).
pub(crate) fn bucket(day_lo: i32) -> i32 {
    day_lo / BUCKET_DAYS
}

pub(crate) fn is_wide(st: &EventState) -> bool {
    st.hi - st.lo > NARROW_DAYS
}

/// The stored event `st` reports, if any: its id, codes, and whether roles are swapped.
pub(crate) fn find_match(
    tx: &Transaction,
    st: &EventState,
    has_wide: bool,
    cache: &mut MergeCache,
    pending: &Pending,
) -> rusqlite::Result<Option<Found>> {
    let pairs = [
        (&st.actor.country, &st.recipient.country),
        (&st.recipient.country, &st.actor.country),
    ];
    let n = if pairs[0].0 == pairs[0].1 { 1 } else { 2 };
    let mut best: Option<Found> = None;
    let (lo, hi) = (st.lo - DATE_SLACK_DAYS, st.hi + DATE_SLACK_DAYS);
    let wide_cached = cache.enabled && lo >= cache.lo && hi <= cache.hi;
    for (a, r) in pairs.iter().take(n) {
        let key: Key = ((*a).clone(), (*r).clone(), st.event_type.clone());
        if !cache.enabled {
            let mut v = Vec::new();
            candidates(tx, &key, lo, hi, has_wide, &mut v)?;
            pending.overlay(&key, &mut v, |_| true);
            for c in &v {
                consider(&mut best, c, st);
            }
            continue;
        }
        for b in bucket(lo - NARROW_DAYS)..=bucket(hi) {
            cache.load_bucket(tx, pending, &key, b)?;
        }
        if let Some(buckets) = cache.narrow.get(&key) {
            for b in bucket(lo - NARROW_DAYS)..=bucket(hi) {
                for c in buckets.get(&b).into_iter().flatten() {
                    consider(&mut best, c, st);
                }
            }
        }
        if !has_wide {
            continue;
        }
        if wide_cached {
            if !cache.wide.contains_key(&key) {
                let mut v = Vec::new();
                wide_range(tx, &key, cache.lo, cache.hi, &mut v)?;
                pending.overlay(&key, &mut v, is_wide);
                cache.wide.insert(key.clone(), v);
            }
            for c in cache.wide.get(&key).into_iter().flatten() {
                consider(&mut best, c, st);
            }
        } else {
            let mut v = Vec::new();
            wide_range(tx, &key, lo, hi, &mut v)?;
            pending.overlay(&key, &mut v, is_wide);
            for c in &v {
                consider(&mut best, c, st);
            }
        }
    }
    Ok(best)
}

/// Keeps `ev` as the best match if it is compatible and nearer (then older) than the best so far.
fn consider(best: &mut Option<Found>, c: &Cand, st: &EventState) {
    let (id, ev) = (c.id, &c.state);
    if best.as_ref().is_some_and(|b| b.0.id == id) {
        return;
    }
    // Cheap date test first (most cached candidates of a busy pair are other days).
    if st.lo > ev.hi + DATE_SLACK_DAYS || ev.lo > st.hi + DATE_SLACK_DAYS {
        return;
    }
    if let Some(swapped) = compatible(ev, st) {
        let better = match best {
            None => true,
            Some((b, _)) => (ev.date_distance(st), id) < (b.state.date_distance(st), b.id),
        };
        if better {
            *best = Some((c.clone(), swapped));
        }
    }
}

/// The narrow lookup: a pair and type in one or two buckets, `day_lo` in `?4 - 7 ..= ?5`, `day_hi >= ?4`.
fn narrow_sql() -> &'static str {
    static S: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    S.get_or_init(|| {
        format!(
            "SELECT id, num_mentions, num_articles, num_sources, {STATE_COLS} FROM events WHERE day_lo / {BUCKET_DAYS} IN (?6, ?7) AND a_country IS ?1 \
             AND r_country IS ?2 AND event_type = ?3 AND day_lo BETWEEN ?4 - {NARROW_DAYS} AND ?5 AND day_hi >= ?4"
        )
    })
}

/// Appends the stored events of key `k` (pair and type) whose intervals may
/// reach `lo..=hi` (a superset of those that do; may repeat an event).
fn candidates(
    tx: &Transaction,
    k: &Key,
    lo: i32,
    hi: i32,
    has_wide: bool,
    out: &mut Vec<Cand>,
) -> rusqlite::Result<()> {
    let (a, r, event_type) = k;
    // The narrow query looks in the buckets of `day_lo` the candidates may lie in,
    // two at a time (a record dated to a day needs one or two).
    let buckets: Vec<i32> = (bucket(lo - NARROW_DAYS)..=bucket(hi)).collect();
    let mut stmt = tx.prepare_cached(narrow_sql())?;
    for c in buckets.chunks(2) {
        let (b0, b1) = (c[0], c[c.len() - 1]);
        let rows = stmt.query(rusqlite::params![a, r, event_type, lo, hi, b0, b1])?;
        push_rows(rows, out)?;
    }
    if has_wide {
        wide_range(tx, k, lo, hi, out)?;
    }
    Ok(())
}

/// Appends every stored event of key `k` (pair and type) whose `day_lo` is in bucket `b`.
fn narrow_bucket(tx: &Transaction, k: &Key, b: i32, out: &mut Vec<Cand>) -> rusqlite::Result<()> {
    let (a, r, event_type) = k;
    let (lo, hi) = (i32::MIN / 2, i32::MAX / 2);
    let mut stmt = tx.prepare_cached(narrow_sql())?;
    let rows = stmt.query(rusqlite::params![a, r, event_type, lo, hi, b, b])?;
    push_rows(rows, out)
}

/// Appends the stored events of key `k` (pair and type) wider than
/// [`NARROW_DAYS`] that may reach `lo..=hi`.
fn wide_range(
    tx: &Transaction,
    k: &Key,
    lo: i32,
    hi: i32,
    out: &mut Vec<Cand>,
) -> rusqlite::Result<()> {
    let (a, r, event_type) = k;
    static WIDE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let wide = WIDE.get_or_init(|| {
        format!(
            "SELECT id, num_mentions, num_articles, num_sources, {STATE_COLS} FROM events WHERE a_country IS ?1 AND r_country IS ?2 AND event_type = ?3 \
             AND day_hi - day_lo > {NARROW_DAYS} AND day_lo BETWEEN ?4 - {MAX_SPAN_DAYS} AND ?5 AND day_hi >= ?4"
        )
    });
    let mut stmt = tx.prepare_cached(wide)?;
    let rows = stmt.query(rusqlite::params![a, r, event_type, lo, hi])?;
    push_rows(rows, out)
}

fn push_rows(mut rows: rusqlite::Rows, out: &mut Vec<Cand>) -> rusqlite::Result<()> {
    while let Some(row) = rows.next()? {
        out.push(Cand {
            id: row.get(0)?,
            state: Arc::new(state_from_row(row, 4)?),
            counts: Counts {
                mentions: row.get(1)?,
                articles: row.get(2)?,
                sources: row.get(3)?,
            },
            sources: None,
        });
    }
    Ok(())
}
