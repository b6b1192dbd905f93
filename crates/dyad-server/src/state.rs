//! [`AppState`]: what every handler shares.

use std::sync::Arc;

use dyad_core::Coder;

use crate::pool::StorePool;
use crate::{Config, Error};

/// Shared by all handlers: the coder, the token, the store.
#[derive(Clone)]
pub struct AppState {
    /// The coder with its compiled lexicons.
    pub coder: Arc<Coder>,
    /// The bearer token that write endpoints require; `None` refuses every write.
    pub token: Option<Arc<str>>,
    /// Largest body accepted, in bytes (for error messages).
    pub body_limit: usize,
    /// Permits for CPU-bound work (coding): one per core, so a burst of
    /// requests queues here instead of spawning a thread each.
    pub cpu: Arc<tokio::sync::Semaphore>,
    /// The event store, when the server has one.
    pub store: Option<Arc<StorePool>>,
}

impl AppState {
    /// Builds the state for a configuration, opening the store if one is given.
    pub fn new(config: &Config) -> Result<AppState, Error> {
        Ok(AppState {
            coder: Arc::new(Coder::builtin()),
            token: config
                .token
                .as_deref()
                .filter(|t| !t.is_empty())
                .map(Arc::from),
            body_limit: config.body_limit,
            cpu: Arc::new(tokio::sync::Semaphore::new(
                std::thread::available_parallelism().map_or(2, |n| n.get()),
            )),
            store: match &config.db {
                Some(path) => Some(Arc::new(StorePool::open(path)?)),
                None => None,
            },
        })
    }
}
