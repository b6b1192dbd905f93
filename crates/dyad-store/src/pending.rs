//! Write-behind: the events a batch creates or changes, held in memory until it ends.
//!
//! A record that merges into an event used to cost up to three writes of the
//! event's row (its new codes, `is_root`, and a recount of its mentions by a
//! join over `mentions` and `docs`), plus a read of the row for the roll-ups.
//! Now the batch keeps each event it touches as a [`Work`]: its codes, its
//! counts kept up to date as mentions are written, and its roll-up share
//! before the batch. When the batch ends, [`Pending::write`] writes each event
//! once (an `INSERT` for a new event, an `UPDATE` of the counts alone when its
//! codes did not change) and sums the roll-up changes without reading a row.
//!
//! **Counts without a recount.** `num_mentions` grows by one per mention
//! written (a repeated mention is ignored by its unique key). `num_articles`
//! grows by one per document of the batch that reaches the event: a document
//! of the batch is new, or a replaced one whose old mentions are gone, so it
//! cannot have counted before; its records arrive together, so comparing with
//! the last document suffices. `num_sources` counts distinct
//! `coalesce(source, document key)`; the event keeps the set of their hashes
//! ([`source_hash`], 64 bits: a collision would merge two sources' counts and is
//! about as likely as a disk error), read once from SQL for an event loaded from
//! disk and kept in the merge cache between batches.
//!
//! **Lookups stay exact.** Rows of pending events in SQL are stale (or, for new
//! events, absent). Every candidate list read from SQL goes through
//! [`Pending::overlay`], which drops those rows and adds the pending events of
//! the key instead (a superset is fine: the merge rule filters candidates).
//!
//! A replaced document needs SQL to be the truth (it repairs events from their
//! stored mentions), so the batch first [`flush`](Pending::flush)es: writes
//! every pending event and hands their roll-up shares to
//! [`Before`](crate::rollup_write::Before), which then reads them back at the end.

use std::sync::Arc;

use rustc_hash::FxHashMap;

use rusqlite::Transaction;

use crate::merge::EventState;
use crate::merge_cache::{key_of, Cand, Counts, Key, MergeCache};
use crate::rollup_write::{contrib_of, Before, Contrib, Deltas};
use crate::sql::StateSql;

/// An event the batch created or changed.
pub(crate) struct Work {
    /// Its codes, shared with the merge cache's candidate.
    pub state: Arc<EventState>,
    pub counts: Counts,
    /// Hashes of its distinct sources.
    sources: Vec<u64>,
    /// The document row of its last mention written in this batch (0: none yet).
    last_doc: i64,
    /// Whether a mention written in this batch comes from a document's first sentence.
    root: bool,
    /// Created in this batch (not in SQL yet).
    created: bool,
    /// Its codes changed in this batch.
    changed: bool,
    /// The columns its index entries are keyed on, as stored before the batch
    /// (`None`: created in this batch).
    keys0: Option<IndexKeys>,
    /// Its roll-up share before the batch (`None`: created in this batch), unless
    /// [`Before`] already tracks it (it was written by a flush or repaired).
    before: Option<Option<Contrib>>,
}

/// The batch's pending events, by id and by key.
pub(crate) struct Pending {
    work: FxHashMap<i64, Work>,
    by_key: FxHashMap<Key, Vec<i64>>,
    next_id: i64,
}

/// The hash [`Work`] keeps of a source (FNV-1a, 64 bits).
pub(crate) fn source_hash(source: &str) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in source.as_bytes() {
        h ^= *b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

impl Pending {
    /// An empty set; new events get ids after the largest stored one.
    pub fn new(tx: &Transaction) -> rusqlite::Result<Pending> {
        let max: Option<i64> = tx.query_row("SELECT max(id) FROM events", [], |r| r.get(0))?;
        Ok(Pending {
            work: FxHashMap::default(),
            by_key: FxHashMap::default(),
            next_id: max.unwrap_or(0) + 1,
        })
    }

    /// Replaces, in candidates read from SQL for `key`, the stale rows of pending
    /// events by their pending state, and adds the key's pending events that `keep` admits.
    pub fn overlay(&self, key: &Key, v: &mut Vec<Cand>, keep: impl Fn(&EventState) -> bool) {
        if self.work.is_empty() {
            return;
        }
        v.retain(|c| !self.work.contains_key(&c.id));
        for id in self.by_key.get(key).into_iter().flatten() {
            let w = &self.work[id];
            if keep(&w.state) {
                v.push(Cand {
                    id: *id,
                    state: w.state.clone(),
                    counts: w.counts,
                    sources: Some(w.sources.clone()),
                });
            }
        }
    }

    /// Pending event `id`.
    ///
    /// # Panics
    /// When `id` is not pending (the ingest code only asks for events it just touched or created).
    pub fn get_mut(&mut self, id: i64) -> &mut Work {
        self.work.get_mut(&id).expect("a pending event")
    }

    /// Creates a new event with codes `st` (no mentions yet); returns its id.
    pub fn create(&mut self, st: Arc<EventState>) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        self.by_key.entry(key_of(&st)).or_default().push(id);
        self.work.insert(
            id,
            Work {
                state: st,
                counts: Counts::default(),
                sources: Vec::new(),
                last_doc: 0,
                root: false,
                created: true,
                changed: false,
                keys0: None,
                before: Some(None),
            },
        );
        id
    }

    /// The pending state of stored event `c` (found by the merge lookup), made
    /// pending on first touch: its sources are read from SQL unless the cache knew them.
    pub fn touch(
        &mut self,
        tx: &Transaction,
        c: Cand,
        before: &Before,
    ) -> rusqlite::Result<&mut Work> {
        if !self.work.contains_key(&c.id) {
            let sources = match c.sources {
                Some(s) => s,
                None => stored_sources(tx, c.id)?,
            };
            let share = if before.tracks(c.id) {
                None
            } else {
                Some(Some(contrib_of(&c.state, c.counts.mentions)))
            };
            let keys0 = index_keys(&c.state);
            self.by_key.entry(keys0.0.clone()).or_default().push(c.id);
            self.work.insert(
                c.id,
                Work {
                    state: c.state,
                    counts: c.counts,
                    sources,
                    last_doc: 0,
                    root: false,
                    created: false,
                    changed: false,
                    keys0: Some(keys0),
                    before: share,
                },
            );
        }
        Ok(self.work.get_mut(&c.id).expect("just inserted"))
    }

    /// Writes every pending event and empties the set; their roll-up shares
    /// before the batch go to `before`, which reads them back at the end.
    pub fn flush(&mut self, tx: &Transaction, before: &mut Before) -> rusqlite::Result<()> {
        let mut out = EventWriter::new(tx)?;
        for (id, w) in sorted(std::mem::take(&mut self.work)) {
            out.write(id, &w)?;
            if let Some(b) = w.before {
                before.remember(id, b);
            }
        }
        self.by_key.clear();
        Ok(())
    }

    /// Writes every pending event, adds their roll-up changes to `deltas`, and
    /// leaves their counts and sources in `cache` for the next batch.
    pub fn write(
        self,
        tx: &Transaction,
        deltas: &mut Deltas,
        cache: &mut MergeCache,
    ) -> rusqlite::Result<()> {
        let mut out = EventWriter::new(tx)?;
        for (id, w) in sorted(self.work) {
            out.write(id, &w)?;
            if let Some(b) = &w.before {
                let after = contrib_of(&w.state, w.counts.mentions);
                if b.as_ref() != Some(&after) {
                    if let Some(b) = b {
                        deltas.add(b, -1);
                    }
                    deltas.add(&after, 1);
                }
            }
            if cache.enabled() {
                cache.settle(id, &w.state, w.counts, &w.sources);
            }
        }
        Ok(())
    }
}

impl Work {
    /// Counts a mention written from document row `doc` (of source hash `source`,
    /// sentence index `sentence`); `written` is false for a repeated mention.
    pub fn mention(&mut self, doc: i64, source: u64, sentence: usize, written: bool) {
        if !written {
            return;
        }
        self.counts.mentions += 1;
        if self.last_doc != doc {
            self.last_doc = doc;
            self.counts.articles += 1;
        }
        if !self.sources.contains(&source) {
            self.sources.push(source);
            self.counts.sources += 1;
        }
        self.root |= sentence == 0;
    }

    /// Notes that the event's codes are now `st`; returns the codes it had.
    pub fn set_state(&mut self, st: Arc<EventState>) -> Arc<EventState> {
        self.changed = true;
        std::mem::replace(&mut self.state, st)
    }
}

fn sorted(work: FxHashMap<i64, Work>) -> Vec<(i64, Work)> {
    let mut v: Vec<(i64, Work)> = work.into_iter().collect();
    v.sort_unstable_by_key(|(id, _)| *id);
    v
}

/// The columns of an event the indexes of `events` are keyed on.
type IndexKeys = (Key, i32, i32, i32);

fn index_keys(st: &EventState) -> IndexKeys {
    (key_of(st), st.lo, st.hi, st.day())
}

/// The statements that write pending events, prepared once per write.
struct EventWriter<'t> {
    insert: rusqlite::CachedStatement<'t>,
    update: rusqlite::CachedStatement<'t>,
    update_keep_keys: rusqlite::CachedStatement<'t>,
    counts: rusqlite::CachedStatement<'t>,
}

impl<'t> EventWriter<'t> {
    fn new(tx: &'t Transaction) -> rusqlite::Result<EventWriter<'t>> {
        Ok(EventWriter {
            insert: tx.prepare_cached(crate::sql::insert_event_sql())?,
            update: tx.prepare_cached(crate::sql::update_event_sql())?,
            update_keep_keys: tx.prepare_cached(crate::sql::update_event_keep_keys_sql())?,
            counts: tx.prepare_cached(
                "UPDATE events SET is_root = max(is_root, ?1), num_mentions = ?2, num_sources = ?3, \
                 num_articles = ?4 WHERE id = ?5",
            )?,
        })
    }

    /// Inserts event `id`, or updates what changed of it.
    fn write(&mut self, id: i64, w: &Work) -> rusqlite::Result<()> {
        let c = &w.counts;
        let root = w.root as i64;
        if w.created || w.changed {
            let s = StateSql::new(&w.state);
            let mut p = s.params().to_vec();
            p.extend([
                &root as &dyn rusqlite::ToSql,
                &c.mentions,
                &c.sources,
                &c.articles,
                &id,
            ]);
            let stmt = match &w.keys0 {
                None => &mut self.insert,
                Some(k) if *k == index_keys(&w.state) => &mut self.update_keep_keys,
                Some(_) => &mut self.update,
            };
            stmt.execute(p.as_slice())?;
        } else {
            self.counts.execute(rusqlite::params![
                root, c.mentions, c.sources, c.articles, id
            ])?;
        }
        Ok(())
    }
}

/// The source hashes of stored event `id`'s mentions.
fn stored_sources(tx: &Transaction, id: i64) -> rusqlite::Result<Vec<u64>> {
    tx.prepare_cached(
        "SELECT DISTINCT coalesce(d.source, d.key) FROM mentions m JOIN docs d ON d.id = m.doc \
             WHERE m.event = ?1",
    )?
    .query_map([id], |r| r.get::<_, String>(0))?
    .map(|s| s.map(|s| source_hash(&s)))
    .collect()
}
