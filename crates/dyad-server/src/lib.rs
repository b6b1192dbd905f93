//! dyad-server: the HTTP API and the web page of dyad.
//!
//! One [`axum::Router`] serves three things:
//! - the coding API: `POST /v1/code` and `POST /v1/annotate` take one article
//!   or a list of articles ([`dyad_core::schema::InputDoc`]) and answer with
//!   exactly the records `dyad code` and `dyad annotate` print;
//! - the store API (`/v1/ingest`, `/v1/events`, `/v1/aggregates`, `/v1/actors`)
//!   when a database is configured;
//! - `GET /healthz`, `GET /openapi.json`, and a web page (`/`) whose HTML, CSS,
//!   JavaScript and world outline are compiled into the binary ([`assets`]).
//!
//! Every response that is not a success is a JSON [`ApiError`] with its status
//! code. Requests pass through a body-size limit, a per-request timeout and a
//! global concurrency limit ([`Config`]); a panic in a handler becomes a 500,
//! never a dropped connection.
//!
//! ```no_run
//! let config = dyad_server::Config::default(); // 127.0.0.1:8080, no store, no token
//! dyad_server::run_blocking(config).unwrap();
//! ```
#![warn(missing_docs)]

pub mod assets;
mod cache;
mod code;
mod error;
mod ingest;
mod limits;
pub mod openapi;
mod params;
mod pool;
pub mod router;
mod state;
mod store_api;
mod warm;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

pub use error::ApiError;
pub use router::app;
pub use state::AppState;

/// Everything `dyad serve` can be told.
#[derive(Clone, Debug)]
pub struct Config {
    /// Where to listen. Loopback by default.
    pub addr: SocketAddr,
    /// The event store, if any: without one the store endpoints answer 503.
    pub db: Option<PathBuf>,
    /// Bearer token required by write endpoints. Without one, writes are refused.
    pub token: Option<String>,
    /// Largest request body accepted, in bytes.
    pub body_limit: usize,
    /// Longest time one request may take, queueing included.
    pub timeout: Duration,
    /// Most requests handled at once; the others wait (and may time out).
    pub concurrency: usize,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            db: None,
            token: None,
            body_limit: 5 * 1024 * 1024,
            timeout: Duration::from_secs(30),
            concurrency: 64,
        }
    }
}

/// Why the server could not start or stopped.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Binding the address or serving on it failed.
    #[error("cannot serve on {addr}: {source}")]
    Io {
        /// The address.
        addr: SocketAddr,
        /// The cause.
        source: std::io::Error,
    },
    /// The store could not be opened.
    #[error("cannot open store: {0}")]
    Store(String),
}

/// Serves until Ctrl-C, on the current tokio runtime.
pub async fn serve(config: Config) -> Result<(), Error> {
    let state = AppState::new(&config)?;
    let addr = config.addr;
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| Error::Io { addr, source })?;
    let local = listener.local_addr().unwrap_or(addr);
    eprintln!("dyad: serving on http://{local}/");
    if !local.ip().is_loopback() {
        eprintln!("dyad: warning: listening on a non-loopback address {local}");
    }
    if state.store.is_some() {
        tokio::spawn(warm::warm_up(state.clone()));
    }
    axum::serve(listener, app(state, &config))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .map_err(|source| Error::Io { addr, source })
}

/// Builds a multi-threaded tokio runtime and runs [`serve`] on it.
pub fn run_blocking(config: Config) -> Result<(), Error> {
    let addr = config.addr;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|source| Error::Io { addr, source })?;
    rt.block_on(serve(config))
}
