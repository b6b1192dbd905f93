//! dyad's embedded event store: one SQLite file that turns streams of coded
//! reports into counted events, and answers analysts' questions about them.
//!
//! News repeats itself. Thirty outlets report one meeting; one article mentions
//! it three times. The store merges such reports into one event (the rule is in
//! [`merge`] and `docs/store.md`), keeping `num_mentions`, `num_sources`,
//! `num_articles` and every mention with its document, sentence and offsets.
//!
//! Main types:
//! - [`Store`]: a connection to one database file (WAL mode, so readers see
//!   consistent snapshots while a writer ingests).
//! - [`IngestDoc`] and [`Store::ingest_batch`]: one transaction per batch;
//!   re-ingesting an unchanged document changes nothing, a changed one replaces
//!   its events. A process killed at any point leaves the last committed batch.
//! - [`Filter`], [`Page`], [`Store::query`], [`Store::aggregate`],
//!   [`Store::actors`]: the questions, with serde-serialisable answers.
//! - [`export`]: JSONL, CSV, GDELT 2.0 event columns, and a Parquet dataset
//!   partitioned by year and month.
//!
//! ```
//! use dyad_store::{Filter, IngestDoc, Page, Store};
//! let mut store = Store::open_in_memory()?;
//! let report = store.ingest_batch(&[IngestDoc::from_coded("doc-1", vec![])])?;
//! assert_eq!(report.docs_new, 1);
//! assert!(store.query(&Filter::default(), Page::default())?.is_empty());
//! # Ok::<(), dyad_store::Error>(())
//! ```
//!
//! **Invariant**: the store knows nothing about how events are coded; it takes
//! `dyad_core::schema::EventRecord`s and never calls the coder.

#![warn(missing_docs)]

mod aggregate;
mod checkpoint;
mod dates;
mod error;
pub mod export;
mod filter;
mod fts;
mod ingest;
mod mention;
pub mod merge;
mod merge_cache;
mod migrate;
mod open;
mod pending;
mod query;
mod rollup;
mod rollup_write;
mod rows;
mod schema_v3;
mod schema_v4;
mod sql;

pub use aggregate::{ActorStat, AggRow, Bucket, Group};
pub use error::{Error, Result};
pub use filter::{BBox, Filter, PartyFilter};
pub use ingest::{BatchReport, DocStatus, IngestDoc, Rejected};
pub use migrate::{APPLICATION_ID, SCHEMA_VERSION};
pub use query::{Cursor, EventPage, Page};
pub use rows::{EventRow, MentionRow, Party, Place};

/// A connection to one dyad database.
///
/// Not `Sync`: share it behind a mutex, or open one per thread (SQLite in WAL
/// mode serves many readers and one writer at a time).
pub struct Store {
    conn: rusqlite::Connection,
    path: String,
    read_only: bool,
    /// Whether [`Store::ingest_batch`] matches records through the per-batch cache.
    merge_cache: bool,
    /// The merge cache of the last committed batch, with the `PRAGMA data_version`
    /// it was valid for (another connection's commit changes it).
    kept_cache: Option<(merge_cache::MergeCache, i64)>,
    /// Checkpoints the log on a thread of its own, when turned on.
    checkpointer: Option<checkpoint::Checkpointer>,
}

/// How many rows each table holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Stats {
    /// Documents ingested.
    pub docs: u64,
    /// Events after merging.
    pub events: u64,
    /// Mentions (reports) of those events.
    pub mentions: u64,
    /// Evidence sentences kept.
    pub sentences: u64,
}

impl Store {
    /// The database path (`:memory:` for an in-memory store).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// Whether this connection was opened read-only.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Counts the rows of each table.
    pub fn stats(&self) -> Result<Stats> {
        let n = |t: &str| -> Result<u64> {
            self.conn
                .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| {
                    r.get::<_, i64>(0)
                })
                .map(|v| v as u64)
                .map_err(|e| self.err(e))
        };
        Ok(Stats {
            docs: n("docs")?,
            events: n("events")?,
            mentions: n("mentions")?,
            sentences: n("sentences")?,
        })
    }

    /// The schema version recorded in the file.
    pub fn schema_version(&self) -> Result<i64> {
        self.conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| self.err(e))
    }

    /// Runs `PRAGMA` statements on this connection (benchmarks compare settings with it).
    #[doc(hidden)]
    pub fn run_pragmas(&self, sql: &str) -> Result<()> {
        if !sql
            .split(';')
            .map(str::trim)
            .all(|s| s.is_empty() || s.to_ascii_lowercase().starts_with("pragma "))
        {
            return Err(Error::Filter(format!("not a list of pragmas: {sql:?}")));
        }
        self.conn.execute_batch(sql).map_err(|e| self.err(e))
    }

    pub(crate) fn err(&self, e: rusqlite::Error) -> Error {
        error::classify(&self.path, e)
    }
}
