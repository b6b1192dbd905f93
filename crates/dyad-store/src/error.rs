//! Typed errors: every failure the store can meet, named so that a person can act on it.
//!
//! SQLite reports faults by result code; [`classify`] turns the codes that matter
//! to a user (corrupt file, read-only path, full disk, a lock held by another
//! writer) into their own variants, each carrying the database path.

use rusqlite::ErrorCode;

/// The store's result type.
pub type Result<T> = std::result::Result<T, Error>;

/// What went wrong in the store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The path holds no database, and the caller asked not to create one.
    #[error("no dyad database at {path} (create one with `dyad ingest --db {path} ...`)")]
    Missing {
        /// The database path.
        path: String,
    },
    /// The file is not an SQLite database, or its pages are damaged.
    #[error(
        "{path}: the file is corrupt or is not an SQLite database ({detail}); it was not modified"
    )]
    Corrupt {
        /// The database path.
        path: String,
        /// SQLite's own message.
        detail: String,
    },
    /// An SQLite database, but one that some other program made.
    #[error("{path}: this SQLite database was not made by dyad (it has tables of its own); refusing to touch it")]
    NotDyad {
        /// The database path.
        path: String,
    },
    /// The database was written by a newer dyad.
    #[error("{path}: database schema v{found} is newer than this dyad supports (v{supported}); upgrade dyad to read it")]
    TooNew {
        /// The database path.
        path: String,
        /// Version found in the file.
        found: i64,
        /// Newest version this build knows.
        supported: i64,
    },
    /// The database is older than this dyad and was opened read-only, so it cannot be migrated.
    #[error("{path}: database schema v{found} needs migrating to v{supported}; open it once for writing (e.g. `dyad ingest --db {path}` with no input)")]
    NeedsMigration {
        /// The database path.
        path: String,
        /// Version found in the file.
        found: i64,
        /// Version this build writes.
        supported: i64,
    },
    /// The file or its directory cannot be written.
    #[error("{path}: database is read-only (check the file's and its directory's permissions) ({detail})")]
    ReadOnly {
        /// The database path.
        path: String,
        /// SQLite's own message.
        detail: String,
    },
    /// Another writer holds the lock for longer than the busy timeout.
    #[error(
        "{path}: database is locked by another writer; try again when it has finished ({detail})"
    )]
    Locked {
        /// The database path.
        path: String,
        /// SQLite's own message.
        detail: String,
    },
    /// The disk (or a quota) is full; the running transaction was rolled back.
    #[error(
        "{path}: disk full; the last batch was rolled back and the database is intact ({detail})"
    )]
    DiskFull {
        /// The database path.
        path: String,
        /// SQLite's own message.
        detail: String,
    },
    /// The file cannot be opened or created at all.
    #[error("{path}: cannot open database ({detail})")]
    CannotOpen {
        /// The database path.
        path: String,
        /// SQLite's own message.
        detail: String,
    },
    /// A filter value is malformed (a bad date, an unknown bucket).
    #[error("invalid filter: {0}")]
    Filter(String),
    /// Writing an export failed.
    #[error("export: {0}")]
    Export(String),
    /// An I/O error outside SQLite (export files).
    #[error(transparent)]
    Io(#[from] std::io::Error),
    /// Any other SQLite error.
    #[error("{path}: {source}")]
    Sqlite {
        /// The database path.
        path: String,
        /// The underlying error.
        source: rusqlite::Error,
    },
}

/// Names an SQLite error by its result code.
pub(crate) fn classify(path: &str, e: rusqlite::Error) -> Error {
    let path = path.to_string();
    if let rusqlite::Error::SqliteFailure(f, msg) = &e {
        let detail = msg.clone().unwrap_or_else(|| f.to_string());
        return match f.code {
            ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase => Error::Corrupt { path, detail },
            ErrorCode::ReadOnly => Error::ReadOnly { path, detail },
            ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => Error::Locked { path, detail },
            ErrorCode::DiskFull => Error::DiskFull { path, detail },
            ErrorCode::CannotOpen => Error::CannotOpen { path, detail },
            _ => Error::Sqlite { path, source: e },
        };
    }
    Error::Sqlite { path, source: e }
}
