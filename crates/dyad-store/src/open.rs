//! Opening a database: create, migrate, or refuse, with a clear reason.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::error::{classify, Error, Result};
use crate::migrate::{self, State, SCHEMA_VERSION};
use crate::Store;

/// Page size of new databases, in bytes. Measured with the store benchmark
/// (300,000 records, CPU time): 4 KiB 30k records/CPU-s, 8 KiB 35k, 16 KiB 41-47k,
/// 32 KiB 47k, 64 KiB 49k; 16 KiB keeps point reads (one event's mentions) cheap.
pub const PAGE_SIZE: u32 = 16384;

/// How long a writer waits for another writer's lock before giving up.
pub const DEFAULT_BUSY_TIMEOUT: Duration = Duration::from_secs(10);

impl Store {
    /// Opens the database at `path` for reading and writing, creating it if
    /// missing and migrating it if it is older than this build.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let p = path.as_ref().display().to_string();
        if path.as_ref().is_dir() {
            return Err(Error::CannotOpen {
                path: p,
                detail: "is a directory".into(),
            });
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn =
            Connection::open_with_flags(path.as_ref(), flags).map_err(|e| classify(&p, e))?;
        Store::setup(conn, p, false)
    }

    /// Opens an existing database for reading only (queries, exports). Never creates or migrates.
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Store> {
        let p = path.as_ref().display().to_string();
        if !path.as_ref().is_file() {
            return Err(Error::Missing { path: p });
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn =
            Connection::open_with_flags(path.as_ref(), flags).map_err(|e| classify(&p, e))?;
        Store::setup(conn, p, true)
    }

    /// The schema version of the dyad database at `path` when opening it for writing
    /// would migrate it (it is older than [`SCHEMA_VERSION`]); `None` otherwise (missing,
    /// current, or not a dyad database: [`Store::open`] says which). Changes nothing, so
    /// callers can warn before a migration that rewrites a large file.
    pub fn migration_from(path: impl AsRef<Path>) -> Result<Option<i64>> {
        let p = path.as_ref().display().to_string();
        if !path.as_ref().is_file() {
            return Ok(None);
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn =
            Connection::open_with_flags(path.as_ref(), flags).map_err(|e| classify(&p, e))?;
        match migrate::check(&conn) {
            Ok(State::Old(v)) => Ok(Some(v)),
            Ok(_) => Ok(None),
            Err(e) => Err(classify(&p, e)),
        }
    }

    /// A fresh database in memory (tests, one-off pipelines).
    pub fn open_in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory().map_err(|e| classify(":memory:", e))?;
        Store::setup(conn, ":memory:".into(), false)
    }

    /// Moves WAL checkpoints to a thread of their own (module `checkpoint`):
    /// the writer no longer stops to copy the log into the database file.
    /// For long ingests; a no-op for in-memory and read-only stores.
    pub fn checkpoint_in_background(&mut self) -> Result<()> {
        if self.read_only || self.path == ":memory:" || self.checkpointer.is_some() {
            return Ok(());
        }
        let c = crate::checkpoint::Checkpointer::start(&self.path)?;
        self.conn
            .execute_batch(&format!(
                "PRAGMA wal_autocheckpoint = {}",
                crate::checkpoint::BACKSTOP_PAGES
            ))
            .map_err(|e| self.err(e))?;
        self.checkpointer = Some(c);
        Ok(())
    }

    /// Sets how long to wait for a lock held by another connection.
    pub fn set_busy_timeout(&self, t: Duration) -> Result<()> {
        self.conn.busy_timeout(t).map_err(|e| self.err(e))
    }

    fn setup(mut conn: Connection, path: String, read_only: bool) -> Result<Store> {
        let e = |x| classify(&path, x);
        conn.busy_timeout(DEFAULT_BUSY_TIMEOUT).map_err(e)?;
        let state = migrate::check(&conn).map_err(e)?;
        match state {
            State::Foreign => return Err(Error::NotDyad { path }),
            State::New(found) => {
                return Err(Error::TooNew {
                    path,
                    found,
                    supported: SCHEMA_VERSION,
                })
            }
            State::Empty if read_only => return Err(Error::Missing { path }),
            State::Old(found) if read_only => {
                return Err(Error::NeedsMigration {
                    path,
                    found,
                    supported: SCHEMA_VERSION,
                })
            }
            _ => {}
        }
        if state == State::Empty && conn.path().is_some_and(|p| !p.is_empty()) {
            // Only an empty file can choose its page size (before WAL mode is on).
            conn.execute_batch(&format!("PRAGMA page_size = {PAGE_SIZE}"))
                .map_err(e)?;
        }
        if !read_only {
            let _: String = conn
                .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
                .map_err(e)?;
            // NORMAL is safe in WAL mode (a killed process loses no committed batch);
            // a longer checkpoint interval writes each hot index page fewer times.
            conn.execute_batch("PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 16384;")
                .map_err(e)?;
        }
        // A page cache that holds the randomly written B-trees (pair index, roll-ups)
        // of a 10M-event store: 1 GiB for the writer, 256 MiB for readers (allocated
        // only as used). Readers map the file into memory; the writer reads with
        // plain reads: its file grows with every batch, and a mapping had to follow
        // it (10M records: 52,100 records/s without, 46,400-48,900 with).
        let (cache, mmap) = if read_only {
            (262_144, 17_179_869_184u64)
        } else {
            (1_048_576, 0)
        };
        conn.execute_batch(&format!(
            "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -{cache}; PRAGMA mmap_size = {mmap};"
        ))
        .map_err(e)?;
        match state {
            State::Empty => migrate::create(&mut conn).map_err(e)?,
            State::Old(v) => migrate::migrate(&mut conn, v).map_err(e)?,
            _ => {}
        }
        Ok(Store {
            conn,
            path,
            read_only,
            merge_cache: true,
            kept_cache: None,
            checkpointer: None,
        })
    }
}
