//! `dyad`: glue between the command line and the library crates.
//!
//! Each subcommand lives in its own module under `cmd/` with an `Args` struct
//! and a `run` function. Errors become messages and exit codes here; a broken
//! pipe is a normal exit.

use clap::{Parser, Subcommand};

/// The coder allocates many small strings per token; mimalloc serves them several times faster
/// than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod cmd;
#[allow(dead_code)]
mod io;

/// News in, event data out.
#[derive(Parser)]
#[command(name = "dyad", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Code articles into PLOVER event records (JSONL on stdout).
    Code(cmd::code::Args),
    /// Print every annotation layer of each article (one JSON object per article).
    Annotate(cmd::annotate::Args),
    /// Resolve an actor phrase to country, sector, name and role.
    Actor(cmd::actor::Args),
    /// Score the coder against gold data.
    Eval(cmd::eval::Args),
    /// Measure throughput on a corpus.
    Bench(cmd::bench::Args),
    /// Code articles (or read coded events) into the event store.
    Ingest(cmd::ingest::Args),
    /// Query the event store: filters, aggregates.
    Query(cmd::query::Args),
    /// Export the event store (jsonl, csv, gdelt, parquet).
    Export(cmd::export::Args),
    /// Serve the HTTP API and the web page.
    Serve(cmd::serve::Args),
}

fn main() {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Code(a) => cmd::code::run(a),
        Command::Annotate(a) => cmd::annotate::run(a),
        Command::Actor(a) => cmd::actor::run(a),
        Command::Eval(a) => cmd::eval::run(a),
        Command::Bench(a) => cmd::bench::run(a),
        Command::Ingest(a) => cmd::ingest::run(a),
        Command::Query(a) => cmd::query::run(a),
        Command::Export(a) => cmd::export::run(a),
        Command::Serve(a) => cmd::serve::run(a),
    };
    if let Err(e) = result {
        if is_broken_pipe(&e) {
            std::process::exit(0);
        }
        eprintln!("dyad: error: {e:#}");
        std::process::exit(1);
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
