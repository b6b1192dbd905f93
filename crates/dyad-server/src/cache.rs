//! [`AnswerCache`]: remembered answers of the store's whole-table questions.
//!
//! Aggregates over millions of events take seconds (SQLite reads every row),
//! and the Explore page asks the same few of them on every load. The cache
//! keeps each answer under its normalised query string, together with the
//! store's *generation*: the size and modification time of the database file
//! and its WAL. Any write, by this server or by another process (`dyad
//! ingest`), changes the generation and empties the cache, so a cached answer
//! is never stale. It holds at most [`MAX_ENTRIES`] answers and forgets all of
//! them when full.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use serde_json::Value;

/// Most answers kept.
pub const MAX_ENTRIES: usize = 256;

/// What identifies a state of the database files.
pub type Generation = Vec<(u64, Option<SystemTime>)>;

/// Answers by query, valid for one generation of the store.
pub struct AnswerCache {
    files: Vec<PathBuf>,
    inner: Mutex<(Generation, HashMap<String, Arc<Value>>)>,
}

impl AnswerCache {
    /// A cache for the database at `db`.
    pub fn new(db: &Path) -> AnswerCache {
        let wal = PathBuf::from(format!("{}-wal", db.display()));
        AnswerCache {
            files: vec![db.to_path_buf(), wal],
            inner: Mutex::new((Vec::new(), HashMap::new())),
        }
    }

    /// The store's current generation.
    pub fn generation(&self) -> Generation {
        self.files
            .iter()
            .map(|f| match std::fs::metadata(f) {
                Ok(m) => (m.len(), m.modified().ok()),
                Err(_) => (0, None),
            })
            .collect()
    }

    /// The answer to `key`, if one was computed in the current generation.
    pub fn get(&self, key: &str) -> Option<Arc<Value>> {
        let now = self.generation();
        let mut g = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        if g.0 != now {
            g.0 = now;
            g.1.clear();
            return None;
        }
        g.1.get(key).cloned()
    }

    /// Keeps an answer computed from generation `at` (dropped if the store changed since).
    pub fn put(&self, key: String, at: Generation, value: Arc<Value>) {
        if self.generation() != at {
            return;
        }
        let mut g = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        if g.0 != at {
            g.0 = at;
            g.1.clear();
        }
        if g.1.len() >= MAX_ENTRIES {
            g.1.clear();
        }
        g.1.insert(key, value);
    }
}

impl AnswerCache {
    /// Forgets every answer (after a write by this server).
    pub fn clear(&self) {
        let mut g = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        g.0.clear();
        g.1.clear();
    }
}

/// A cache key: the endpoint and its parameters, sorted.
pub fn key(endpoint: &str, params: &[(String, String)]) -> String {
    let mut p: Vec<String> = params
        .iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| format!("{k}={}", v.trim()))
        .collect();
    p.sort();
    format!("{endpoint}?{}", p.join("&"))
}
