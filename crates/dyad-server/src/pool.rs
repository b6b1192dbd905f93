//! [`StorePool`]: one writer and a few readers on the same SQLite file.
//!
//! A [`dyad_store::Store`] is not `Sync`, and SQLite in WAL mode serves many
//! readers beside one writer, so the server keeps one read-write connection
//! behind a mutex for ingest and a handful of read-only connections for
//! queries. Every call runs on the blocking pool (see [`crate::code::blocking`]),
//! never on the I/O threads.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard};

use dyad_store::Store;

use crate::{ApiError, Error};

/// Read connections kept open.
const READERS: usize = 4;

/// The store's connections.
pub struct StorePool {
    writer: Mutex<Store>,
    readers: Vec<Mutex<Store>>,
    next: AtomicUsize,
}

fn lock(m: &Mutex<Store>) -> MutexGuard<'_, Store> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Maps a store error to an API error: bad filters are the client's fault, the rest is ours.
pub fn store_error(e: dyad_store::Error) -> ApiError {
    match e {
        dyad_store::Error::Filter(m) => ApiError::bad_query(m),
        dyad_store::Error::Locked { .. } => ApiError::new(
            axum::http::StatusCode::SERVICE_UNAVAILABLE,
            "store",
            format!("the store is busy: {e}"),
        ),
        other => ApiError::internal(format!("store: {other}")),
    }
}

impl StorePool {
    /// Opens (creating and migrating if needed) the database at `path`.
    pub fn open(path: &Path) -> Result<StorePool, Error> {
        let writer = Store::open(path).map_err(|e| Error::Store(e.to_string()))?;
        let mut readers = Vec::with_capacity(READERS);
        for _ in 0..READERS {
            readers.push(Mutex::new(
                Store::open_read_only(path).map_err(|e| Error::Store(e.to_string()))?,
            ));
        }
        Ok(StorePool {
            writer: Mutex::new(writer),
            readers,
            next: AtomicUsize::new(0),
        })
    }

    /// Runs a read on a free reader (or waits for the next one in turn).
    pub fn read<T>(&self, f: impl FnOnce(&Store) -> dyad_store::Result<T>) -> Result<T, ApiError> {
        let start = self.next.fetch_add(1, Ordering::Relaxed);
        let n = self.readers.len();
        for i in 0..n {
            if let Ok(guard) = self.readers[(start + i) % n].try_lock() {
                return f(&guard).map_err(store_error);
            }
        }
        let guard = lock(&self.readers[start % n]);
        f(&guard).map_err(store_error)
    }

    /// Runs a write on the one writer.
    pub fn write<T>(
        &self,
        f: impl FnOnce(&mut Store) -> dyad_store::Result<T>,
    ) -> Result<T, ApiError> {
        let mut guard = lock(&self.writer);
        f(&mut guard).map_err(store_error)
    }
}
