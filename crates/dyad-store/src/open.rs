//! Opening a database: create, migrate, or refuse, with a clear reason.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::error::{classify, Error, Result};
use crate::migrate::{self, State, SCHEMA_VERSION};
use crate::Store;

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

    /// A fresh database in memory (tests, one-off pipelines).
    pub fn open_in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory().map_err(|e| classify(":memory:", e))?;
        Store::setup(conn, ":memory:".into(), false)
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
        if !read_only {
            let _: String = conn
                .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
                .map_err(e)?;
            // NORMAL is safe in WAL mode (a killed process loses no committed batch);
            // a longer checkpoint interval writes each hot index page fewer times.
            conn.execute_batch("PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 16384;")
                .map_err(e)?;
        }
        // A 256 MiB page cache and memory-mapped reads: large stores are index-bound.
        conn.execute_batch(
            "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -262144; PRAGMA mmap_size = 4294967296;",
        )
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
        })
    }
}
