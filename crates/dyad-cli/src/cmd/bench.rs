//! `dyad bench`: throughput and memory of the coder on a corpus.
//!
//! Codes every article of the given files or directories (default: the shared
//! corpora, VOA stories and Reuters-21578, found through `$DYAD_SHARED` or
//! `../shared`) on `--threads` threads with the same ordered pipeline as
//! `dyad code`, serialising the output as `dyad code` would and throwing it
//! away. It prints articles, text bytes, seconds, articles/s, MB/s, MB/s per
//! core and peak resident memory (`VmHWM` from `/proc/self/status`).
//!
//! `--layer` picks how much of the pipeline runs: `read` (reading and
//! validation only), `code` (`Coder::code`, event records) or `all`
//! (`Coder::annotate`, every layer). The target is 5 MB/s of text per core in
//! a release build with peak RSS under 300 MB.

use std::path::PathBuf;
use std::time::Instant;

use dyad_core::Coder;

use crate::io::pipeline::ordered_map;
use crate::io::run::resolve_threads;
use crate::io::{read_inputs, Format, InputOptions, Record};

/// How much of the pipeline to run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Layer {
    /// Read and validate the inputs only.
    Read,
    /// Code events (`dyad code`).
    Code,
    /// Every annotation layer (`dyad annotate`).
    All,
}

/// Arguments of `dyad bench`.
#[derive(clap::Args)]
pub struct Args {
    /// Corpus files or directories (default: the shared corpora directory).
    paths: Vec<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j', value_name = "N")]
    threads: Option<usize>,
    /// How much of the pipeline to run.
    #[arg(long, value_enum, default_value_t = Layer::All)]
    layer: Layer,
    /// Publication date for inputs that carry none.
    #[arg(long)]
    date: Option<String>,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    json: bool,
}

/// Where the shared data lives: `$DYAD_SHARED`, else `../shared` from the
/// current directory, else `../shared` from the source tree.
pub fn shared_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("DYAD_SHARED") {
        return PathBuf::from(d);
    }
    let here = PathBuf::from("../shared");
    if here.is_dir() {
        return here;
    }
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"))
}

/// Peak resident set size in bytes, from `VmHWM` in `/proc/self/status`.
pub fn peak_rss_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// Runs `dyad bench`.
pub fn run(args: Args) -> anyhow::Result<()> {
    let paths = if args.paths.is_empty() {
        vec![shared_dir().join("corpora")]
    } else {
        args.paths.clone()
    };
    let threads = resolve_threads(args.threads);
    let cores = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(threads);
    let t0 = Instant::now();
    let coder = Coder::builtin();
    let startup = t0.elapsed().as_secs_f64();
    let opts = InputOptions {
        date: args.date.clone(),
        format: Format::Auto,
    };
    let records = read_inputs(&paths, &opts)?;
    let (mut articles, mut rejected, mut bytes, mut events) = (0usize, 0usize, 0usize, 0usize);
    let layer = args.layer;
    let work = |r: Record| -> Option<(usize, usize)> {
        let doc = r.doc.ok()?;
        let mut out = Vec::new();
        let n = match layer {
            Layer::Read => 0,
            Layer::Code => {
                let evs = coder.code(&doc).ok()?;
                for e in &evs {
                    serde_json::to_writer(&mut out, e).ok()?;
                }
                evs.len()
            }
            Layer::All => {
                let a = coder.annotate(&doc).ok()?;
                serde_json::to_writer(&mut out, &a).ok()?;
                a.events.len()
            }
        };
        Some((doc.text.len(), n))
    };
    let t1 = Instant::now();
    ordered_map(records, threads, Record::text_len, work, |o| {
        match o {
            Some((b, n)) => {
                articles += 1;
                bytes += b;
                events += n;
            }
            None => rejected += 1,
        }
        Ok(())
    })?;
    let secs = t1.elapsed().as_secs_f64().max(1e-9);
    let mb = bytes as f64 / 1e6;
    let rss_mb = peak_rss_bytes().map_or(f64::NAN, |b| b as f64 / 1e6);
    let report = serde_json::json!({
        "paths": paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>(),
        "layer": format!("{layer:?}").to_lowercase(),
        "threads": threads,
        "articles": articles,
        "rejected": rejected,
        "events": events,
        "bytes": bytes,
        "startup_seconds": round3(startup),
        "seconds": round3(secs),
        "articles_per_second": round3(articles as f64 / secs),
        "mb_per_second": round3(mb / secs),
        "mb_per_second_per_core": round3(mb / secs / cores as f64),
        "peak_rss_mb": round3(rss_mb),
    });
    if args.json {
        println!("{report}");
        return Ok(());
    }
    println!(
        "dyad bench: layer {:?}, {threads} threads, {}",
        layer, report["paths"]
    );
    println!("  articles        {articles} coded, {rejected} rejected, {events} events");
    println!("  text            {bytes} bytes ({mb:.2} MB)");
    println!("  startup         {startup:.3} s (loading the coder)");
    println!("  seconds         {secs:.3}");
    println!("  articles/s      {:.1}", articles as f64 / secs);
    println!("  MB/s            {:.2}", mb / secs);
    println!(
        "  MB/s per core   {:.2} ({cores} cores)",
        mb / secs / cores as f64
    );
    println!("  peak RSS        {rss_mb:.1} MB");
    Ok(())
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
