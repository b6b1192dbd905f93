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
//! validation only), `time` or `geo` (one leaf layer alone, counting time
//! expressions or places as "events"), `code` (`Coder::code`, event records)
//! or `all` (`Coder::annotate`, every layer). The target is 5 MB/s of text per core in
//! a release build with peak RSS under 300 MB. On a shared machine wall-clock
//! rates fall with the load, so the CPU time the run used is printed too:
//! MB per CPU-second is the per-core speed, whatever else runs.

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
    /// The temporal tagger alone (`dyad_time::Tagger::tag`).
    Time,
    /// The geoparser alone (`dyad_geo::find_places`, without actor hints).
    Geo,
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

/// CPU time (user + system) used by this process so far, in seconds, from
/// `/proc/self/stat` (Linux reports it in USER_HZ = 100 ticks per second).
pub fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after_comm = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = after_comm.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
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
    let tagger = dyad_time::Tagger::new();
    let work = |r: Record| -> Option<(usize, usize)> {
        let doc = r.doc.ok()?;
        let mut out = Vec::new();
        let n = match layer {
            Layer::Read => 0,
            Layer::Time => {
                let date = dyad_core::input::parse_date(&doc.date).ok()?;
                tagger.tag(&doc.text, date).len()
            }
            Layer::Geo => {
                let hints = dyad_geo::Hints {
                    countries: &[],
                    exclude: &[],
                };
                dyad_geo::find_places(coder.gazetteer(), &doc.text, &hints).len()
            }
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
    let cpu0 = cpu_seconds();
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
    let cpu = match (cpu0, cpu_seconds()) {
        (Some(a), Some(b)) => (b - a).max(0.01),
        _ => f64::NAN,
    };
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
        "cpu_seconds": round3(cpu),
        "mb_per_cpu_second": round3(mb / cpu),
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
    println!("  CPU seconds     {cpu:.3} (all threads)");
    println!(
        "  MB/CPU-second   {:.2} (per-core speed, whatever else runs)",
        mb / cpu
    );
    println!("  peak RSS        {rss_mb:.1} MB");
    Ok(())
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
