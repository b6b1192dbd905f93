//! The loop shared by `dyad code` and `dyad annotate`: read, work in parallel,
//! write in order, reject what fails, count everything.
//!
//! [`InputArgs`] are the options both commands take; [`run_docs`] drives one
//! run given a function that turns an article into output bytes. A panic in
//! that function is caught and the article rejected as an internal error, so
//! one bad article never takes the run down. The run ends with the counts
//! line on stderr, unless the output was closed (`dyad code x | head`), in
//! which case the broken-pipe error goes up and `main` exits 0 quietly.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use anyhow::Context;
use dyad_core::schema::InputDoc;
use indicatif::{ProgressBar, ProgressStyle};

use super::pipeline::ordered_map;
use super::{example, read_inputs, Counts, Format, InputOptions, Record, Records, Rejects};

/// Input and output options shared by `dyad code` and `dyad annotate`.
#[derive(clap::Args, Clone, Debug)]
pub struct InputArgs {
    /// Inputs: JSONL, plain text (with --date), Reuters .sgm, GeoWebNews/TR-News .xml,
    /// or directories of them; `-` is stdin (the default when stdin is not a terminal).
    pub files: Vec<PathBuf>,
    /// Publication date (YYYY-MM-DD) for inputs that carry none (plain text, GeoWebNews).
    #[arg(long)]
    pub date: Option<String>,
    /// Input format; `auto` goes by extension, then by the first bytes.
    #[arg(long, value_enum, default_value_t = Format::Auto)]
    pub format: Format,
    /// Write rejected records here as JSONL `{origin, reason, record}`.
    #[arg(long, value_name = "FILE")]
    pub rejects: Option<PathBuf>,
    /// Worker threads (default: all cores). Output stays in input order.
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<usize>,
    /// Write output here instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Use the built-in example article as input.
    #[arg(long)]
    pub example: bool,
}

impl InputArgs {
    /// The record stream these arguments name.
    pub fn records(&self) -> anyhow::Result<Records> {
        let opts = InputOptions {
            date: self.date.clone(),
            format: self.format,
        };
        let mut files = self.files.clone();
        if self.example {
            let rest = if files.is_empty() {
                None
            } else {
                Some(read_inputs(&files, &opts)?)
            };
            return Ok(Box::new(
                example::records().chain(rest.into_iter().flatten()),
            ));
        }
        if files.is_empty() {
            if std::io::stdin().is_terminal() {
                anyhow::bail!("no input: give FILE..., `-` for stdin, or --example");
            }
            files.push(PathBuf::from("-"));
        }
        read_inputs(&files, &opts)
    }

    /// Worker threads to use.
    pub fn threads(&self) -> usize {
        resolve_threads(self.threads)
    }
}

/// `N` if given (at least 1), else the number of cores.
pub fn resolve_threads(n: Option<usize>) -> usize {
    n.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1)
}

/// What happened to one record in a worker.
enum Outcome {
    Done {
        out: Vec<u8>,
        events: usize,
    },
    Failed {
        origin: String,
        reason: String,
        raw: Vec<u8>,
    },
}

/// Runs `work` over every input article and writes its output in input order.
///
/// `work` appends the article's output to the buffer and returns how many events
/// it holds; an error rejects the article.
pub fn run_docs<F>(args: &InputArgs, work: F) -> anyhow::Result<Counts>
where
    F: Fn(&InputDoc, &mut Vec<u8>) -> anyhow::Result<usize> + Sync,
{
    let records = args.records()?;
    let mut rejects = Rejects::open(args.rejects.as_deref())?;
    let mut out: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(std::io::BufWriter::with_capacity(
            1 << 16,
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        )),
        None => Box::new(std::io::BufWriter::with_capacity(
            1 << 16,
            std::io::stdout().lock(),
        )),
    };
    let bar = progress_bar(args.output.is_some());
    if !bar.is_hidden() {
        rejects = rejects.with_progress(bar.clone());
    }
    let mut counts = Counts::default();
    let process = |r: Record| -> Outcome {
        let doc = match r.doc {
            Ok(d) => d,
            Err(reason) => {
                return Outcome::Failed {
                    origin: r.origin,
                    reason,
                    raw: r.raw,
                }
            }
        };
        let mut buf = Vec::new();
        let res = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(&doc, &mut buf)));
        match res {
            Ok(Ok(events)) => Outcome::Done { out: buf, events },
            Ok(Err(e)) => Outcome::Failed {
                origin: r.origin,
                reason: format!("{e:#}"),
                raw: Vec::new(),
            },
            Err(p) => {
                let msg = p
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| p.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                let reason =
                    format!("internal error: coding panicked ({msg}); please report this record");
                let raw = doc.text.as_bytes()[..doc.text.len().min(super::RAW_KEEP)].to_vec();
                Outcome::Failed {
                    origin: r.origin,
                    reason,
                    raw,
                }
            }
        }
    };
    ordered_map(records, args.threads(), Record::text_len, process, |o| {
        counts.read += 1;
        bar.inc(1);
        match o {
            Outcome::Done { out: bytes, events } => {
                counts.coded += 1;
                counts.events += events;
                out.write_all(&bytes)?;
            }
            Outcome::Failed {
                origin,
                reason,
                raw,
            } => {
                counts.rejected += 1;
                rejects.reject(&origin, &reason, &raw)?;
            }
        }
        Ok(())
    })?;
    out.flush()?;
    bar.finish_and_clear();
    rejects.finish()?;
    super::say(&format!("dyad: {counts}"));
    Ok(counts)
}

/// A spinner on stderr when a person is watching it, hidden otherwise.
///
/// Shown only when stderr is a terminal and the output does not go to the same
/// terminal (it goes to a file or a pipe).
pub fn progress_bar(output_to_file: bool) -> ProgressBar {
    let watched =
        std::io::stderr().is_terminal() && (output_to_file || !std::io::stdout().is_terminal());
    if !watched {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new_spinner();
    if let Ok(style) =
        ProgressStyle::with_template("{spinner} {human_pos} articles ({rate}) {elapsed}")
    {
        let rate = |s: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
            let _ = write!(w, "{:.0}/s", s.per_sec());
        };
        bar.set_style(style.with_key("rate", rate));
    }
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    bar
}
