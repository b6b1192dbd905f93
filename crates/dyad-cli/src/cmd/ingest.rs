//! `dyad ingest`: code articles (or read coded events) into the event store.
//!
//! Articles are coded in parallel, a batch at a time, and each batch is written
//! in one transaction. An article already stored with the same text is not
//! coded again. With `--coded` the inputs are event records as `dyad code`
//! prints them; records of one document must be contiguous. The store is
//! written on its own thread ([`writer`]) while the next batch is read and coded.

use std::io::{BufRead, BufReader, IsTerminal, Read};
use std::path::PathBuf;

use anyhow::Context;
use dyad_core::schema::{EventRecord, InputDoc};
use dyad_store::{BatchReport, DocStatus, IngestDoc, Store};

use crate::io::{read_inputs, Counts, InputOptions, Rejects};

#[path = "ingest_writer.rs"]
mod writer;
use writer::Writer;

/// Arguments of `dyad ingest`.
#[derive(clap::Args)]
pub struct Args {
    /// Input files: JSONL articles (or coded events with --coded), plain text with --date, `-` for stdin.
    pub inputs: Vec<PathBuf>,
    /// The database file (created if missing).
    #[arg(long, default_value = "dyad.db")]
    pub db: PathBuf,
    /// Inputs are coded event records (the JSONL `dyad code` prints), not articles.
    #[arg(long)]
    pub coded: bool,
    /// Write rejected records here (JSONL of origin, reason, record).
    #[arg(long)]
    pub rejects: Option<PathBuf>,
    /// Publication date for plain-text inputs.
    #[arg(long)]
    pub date: Option<String>,
    /// Documents per transaction (default 256 articles, or 5,000 documents of `--coded`
    /// records); a transaction also ends at 50,000 records. Larger batches write each
    /// index page fewer times.
    #[arg(long)]
    pub batch: Option<usize>,
    /// No progress bar, even on a terminal.
    #[arg(long)]
    pub quiet: bool,
}

struct Run {
    writer: Writer,
    /// A second connection, for the fingerprint checks of articles.
    reader: Store,
    rejects: Rejects,
    counts: Counts,
    report: BatchReport,
    pending: Vec<IngestDoc>,
    pending_records: usize,
    batch: usize,
    bar: Option<indicatif::ProgressBar>,
}

impl Run {
    fn push(&mut self, d: IngestDoc) -> anyhow::Result<()> {
        self.pending_records += d.events.len();
        self.pending.push(d);
        if self.pending.len() >= self.batch || self.pending_records >= 50_000 {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> anyhow::Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let reports = self.writer.send(std::mem::take(&mut self.pending))?;
        self.pending_records = 0;
        for rep in reports {
            self.report_batch(rep)?;
        }
        Ok(())
    }

    fn report_batch(&mut self, rep: BatchReport) -> anyhow::Result<()> {
        for r in &rep.rejected {
            let origin = format!("{} record {}", r.doc_id, r.record_id);
            self.rejects
                .reject(&origin, &r.reason, r.record_id.as_bytes())?;
        }
        self.counts.rejected += rep.rejected.len();
        self.counts.events += rep.records;
        self.report.add(BatchReport {
            rejected: Vec::new(),
            ..rep
        });
        if let Some(b) = &self.bar {
            b.set_message(format!(
                "{} records read, {} events written ({} merged)",
                self.counts.read, self.counts.events, self.report.events_merged
            ));
        }
        Ok(())
    }
}

/// Runs `dyad ingest`.
pub fn run(args: Args) -> anyhow::Result<()> {
    if let Some(v) = Store::migration_from(&args.db)? {
        eprintln!(
            "dyad: {} has schema v{v}; migrating it to v{} first (it is rewritten once, in one transaction: \
             about 10 s per million mentions)",
            args.db.display(),
            dyad_store::SCHEMA_VERSION
        );
    }
    let mut store = Store::open(&args.db)?;
    store.checkpoint_in_background()?;
    let reader = Store::open_read_only(&args.db)?;
    let bar = (!args.quiet && std::io::stderr().is_terminal()).then(|| {
        let b = indicatif::ProgressBar::new_spinner();
        b.enable_steady_tick(std::time::Duration::from_millis(200));
        b
    });
    let mut run = Run {
        writer: Writer::start(store)?,
        reader,
        rejects: Rejects::open(args.rejects.as_deref())?,
        counts: Counts::default(),
        report: BatchReport::default(),
        pending: Vec::new(),
        pending_records: 0,
        batch: args
            .batch
            .unwrap_or(if args.coded { 5000 } else { 256 })
            .max(1),
        bar,
    };
    if args.coded {
        ingest_coded(&mut run, &args.inputs)?;
    } else {
        ingest_articles(&mut run, &args)?;
    }
    run.flush()?;
    let (reports, store) = run.writer.finish()?;
    for rep in reports {
        run.report_batch(rep)?;
    }
    if let Some(b) = &run.bar {
        b.finish_and_clear();
    }
    run.rejects.finish()?;
    let r = &run.report;
    let st = store.stats()?;
    eprintln!("dyad: {}", run.counts);
    eprintln!(
        "dyad: documents: {} new, {} replaced, {} unchanged; events: {} new, {} merged, {} repeated mentions; \
         {} now holds {} documents, {} events, {} mentions",
        r.docs_new,
        r.docs_replaced,
        r.docs_unchanged,
        r.events_new,
        r.events_merged,
        r.mentions_repeated,
        args.db.display(),
        st.docs,
        st.events,
        st.mentions
    );
    Ok(())
}

fn ingest_articles(run: &mut Run, args: &Args) -> anyhow::Result<()> {
    let opts = InputOptions {
        date: args.date.clone(),
        ..Default::default()
    };
    let coder = dyad_core::Coder::builtin();
    let mut todo: Vec<(String, InputDoc)> = Vec::new();
    for rec in read_inputs(&args.inputs, &opts)? {
        run.counts.read += 1;
        match rec.doc {
            Err(reason) => {
                run.counts.rejected += 1;
                run.rejects.reject(&rec.origin, &reason, &rec.raw)?;
            }
            Ok(doc) => {
                let fp = IngestDoc::article_fingerprint(&doc);
                if run.reader.doc_status(&doc.id, &fp)? == DocStatus::Unchanged {
                    run.counts.coded += 1;
                    run.report.docs_unchanged += 1;
                    continue;
                }
                todo.push((rec.origin, doc));
                if todo.len() >= run.batch {
                    code_and_push(run, &coder, std::mem::take(&mut todo))?;
                }
            }
        }
    }
    code_and_push(run, &coder, todo)
}

/// Codes a batch of articles on all cores, keeping input order.
fn code_and_push(
    run: &mut Run,
    coder: &dyad_core::Coder,
    docs: Vec<(String, InputDoc)>,
) -> anyhow::Result<()> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(docs.len().max(1));
    let chunk = docs.len().div_ceil(threads).max(1);
    let coded: Vec<Vec<Result<Vec<EventRecord>, String>>> = std::thread::scope(|s| {
        let handles: Vec<_> = docs
            .chunks(chunk)
            .map(|c| {
                s.spawn(move || {
                    c.iter()
                        .map(|(_, d)| coder.code(d).map_err(|e| e.to_string()))
                        .collect()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_default())
            .collect()
    });
    for ((origin, doc), res) in docs.iter().zip(coded.into_iter().flatten()) {
        match res {
            Err(reason) => {
                run.counts.rejected += 1;
                run.rejects.reject(origin, &reason, doc.id.as_bytes())?;
            }
            Ok(events) => {
                run.counts.coded += 1;
                run.push(IngestDoc::from_article(doc, events))?;
            }
        }
    }
    run.flush()
}

fn ingest_coded(run: &mut Run, inputs: &[PathBuf]) -> anyhow::Result<()> {
    let mut current: Option<(String, Vec<EventRecord>)> = None;
    for path in inputs {
        let name = path.display().to_string();
        let reader: Box<dyn Read> = if name == "-" {
            Box::new(std::io::stdin())
        } else {
            Box::new(std::fs::File::open(path).with_context(|| format!("cannot open {name}"))?)
        };
        let mut lines = BufReader::new(reader);
        let mut n = 0usize;
        let mut buf = Vec::new();
        loop {
            buf.clear();
            n += 1;
            if lines
                .read_until(b'\n', &mut buf)
                .with_context(|| format!("reading {name}"))?
                == 0
            {
                break;
            }
            while buf.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                buf.pop();
            }
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            run.counts.read += 1;
            let rec = match std::str::from_utf8(&buf)
                .map_err(|e| format!("invalid UTF-8 at byte {}", e.valid_up_to()))
                .and_then(|s| {
                    serde_json::from_str::<EventRecord>(s)
                        .map_err(|e| format!("not an event record: {e}"))
                })
                .and_then(|r| {
                    if r.doc_id.trim().is_empty() {
                        Err("empty doc_id".to_string())
                    } else {
                        Ok(r)
                    }
                }) {
                Ok(r) => r,
                Err(reason) => {
                    run.counts.rejected += 1;
                    buf.truncate(4096);
                    run.rejects.reject(&format!("{name}:{n}"), &reason, &buf)?;
                    continue;
                }
            };
            run.counts.coded += 1;
            match &mut current {
                Some((d, v)) if *d == rec.doc_id => v.push(rec),
                _ => {
                    if let Some((d, v)) = current.take() {
                        run.push(IngestDoc::from_coded(d, v))?;
                    }
                    current = Some((rec.doc_id.clone(), vec![rec]));
                }
            }
        }
    }
    if let Some((d, v)) = current {
        run.push(IngestDoc::from_coded(d, v))?;
    }
    Ok(())
}
