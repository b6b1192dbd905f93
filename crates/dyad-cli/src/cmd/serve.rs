//! `dyad serve`: the HTTP API and the web page (see `docs/api.md`).

use std::net::SocketAddr;
use std::path::PathBuf;

/// Arguments of `dyad serve`.
#[derive(clap::Args)]
pub struct Args {
    /// The event store (SQLite file). Without it the store endpoints answer 503.
    #[arg(long)]
    db: Option<PathBuf>,
    /// Address to listen on. Loopback by default; anything else is a deliberate choice.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Bearer token for write endpoints (or the DYAD_TOKEN environment variable).
    /// Without a token, write endpoints are refused.
    #[arg(long)]
    token: Option<String>,
    /// Largest request body, in bytes.
    #[arg(long, default_value_t = 5 * 1024 * 1024)]
    body_limit: usize,
    /// Per-request timeout, in seconds.
    #[arg(long, default_value_t = 30)]
    timeout: u64,
    /// Most requests handled at once.
    #[arg(long, default_value_t = 64)]
    concurrency: usize,
}

/// Runs `dyad serve` until Ctrl-C.
pub fn run(args: Args) -> anyhow::Result<()> {
    let token = args
        .token
        .or_else(|| std::env::var("DYAD_TOKEN").ok())
        .filter(|t| !t.is_empty());
    if token.is_none() {
        eprintln!("dyad: no --token or DYAD_TOKEN: write endpoints are refused");
    }
    let config = dyad_server::Config {
        addr: args.addr,
        db: args.db,
        token,
        body_limit: args.body_limit,
        timeout: std::time::Duration::from_secs(args.timeout.max(1)),
        concurrency: args.concurrency.max(1),
    };
    dyad_server::run_blocking(config)?;
    Ok(())
}
