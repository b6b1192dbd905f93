//! Reading articles from files and stdin, and accounting for every record.
//!
//! Every record read ends up either coded or in the reject file, and every run
//! ends with [`Counts`]. Nothing is dropped silently.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};

use dyad_core::input::{parse_line, validate};
use dyad_core::schema::InputDoc;

/// One input record: where it came from, and the article or why it was rejected.
pub struct Record {
    /// `file:line` (or `file` for whole-file inputs).
    pub origin: String,
    /// The article, or the reason it was rejected.
    pub doc: Result<InputDoc, String>,
    /// The raw bytes, kept for the reject file (truncated to 4 KiB).
    pub raw: Vec<u8>,
}

/// How to read inputs that do not say their own date.
#[derive(Clone, Debug, Default)]
pub struct InputOptions {
    /// Publication date for plain-text inputs.
    pub date: Option<String>,
}

/// Opens every path (`-` is stdin) and yields its records in order.
pub fn read_inputs(
    paths: &[PathBuf],
    opts: &InputOptions,
) -> anyhow::Result<Box<dyn Iterator<Item = Record>>> {
    let mut all: Vec<Box<dyn Iterator<Item = Record>>> = Vec::new();
    for p in paths {
        all.push(open_one(p, opts)?);
    }
    Ok(Box::new(all.into_iter().flatten()))
}

fn open_one(path: &Path, opts: &InputOptions) -> anyhow::Result<Box<dyn Iterator<Item = Record>>> {
    let name = path.display().to_string();
    let reader: Box<dyn Read> = if name == "-" {
        Box::new(std::io::stdin())
    } else {
        Box::new(
            std::fs::File::open(path)
                .map_err(|e| anyhow::anyhow!("cannot open {name}: {e}"))?,
        )
    };
    let is_jsonl = name == "-" || name.ends_with(".jsonl") || name.ends_with(".json");
    if !is_jsonl {
        let mut text = String::new();
        let mut r = reader;
        let doc = match r.read_to_string(&mut text) {
            Err(e) => Err(format!("cannot read as UTF-8 text: {e}")),
            Ok(_) => match &opts.date {
                None => Err("plain-text input needs --date YYYY-MM-DD".to_string()),
                Some(d) => validate(InputDoc {
                    id: name.clone(),
                    date: d.clone(),
                    text,
                    title: None,
                    source: None,
                    url: None,
                })
                .map_err(|e| e.to_string()),
            },
        };
        return Ok(Box::new(std::iter::once(Record { origin: name, doc, raw: Vec::new() })));
    }
    let mut lines = BufReader::new(reader);
    let mut n = 0usize;
    Ok(Box::new(std::iter::from_fn(move || loop {
        let mut buf = Vec::new();
        n += 1;
        match lines.read_until(b'\n', &mut buf) {
            Ok(0) => return None,
            Ok(_) => {
                while buf.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                    buf.pop();
                }
                if buf.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                let doc = parse_line(&buf).map_err(|e| e.to_string());
                buf.truncate(4096);
                return Some(Record { origin: format!("{name}:{n}"), doc, raw: buf });
            }
            Err(e) => {
                return Some(Record {
                    origin: format!("{name}:{n}"),
                    doc: Err(format!("read error: {e}")),
                    raw: Vec::new(),
                })
            }
        }
    })))
}

/// Where rejected records go: a JSONL file of `{origin, reason, record}`, or nowhere but stderr.
pub struct Rejects {
    out: Option<std::io::BufWriter<std::fs::File>>,
}

impl Rejects {
    /// Opens the reject file, if one is given.
    pub fn open(path: Option<&Path>) -> anyhow::Result<Rejects> {
        let out = match path {
            Some(p) => Some(std::io::BufWriter::new(
                std::fs::File::create(p)
                    .map_err(|e| anyhow::anyhow!("cannot create reject file {}: {e}", p.display()))?,
            )),
            None => None,
        };
        Ok(Rejects { out })
    }

    /// Records one rejection: always on stderr, and in the reject file when there is one.
    pub fn reject(&mut self, origin: &str, reason: &str, raw: &[u8]) -> anyhow::Result<()> {
        eprintln!("dyad: rejected {origin}: {reason}");
        if let Some(out) = &mut self.out {
            let line = serde_json::json!({
                "origin": origin,
                "reason": reason,
                "record": String::from_utf8_lossy(raw),
            });
            writeln!(out, "{line}")?;
        }
        Ok(())
    }

    /// Flushes the file.
    pub fn finish(mut self) -> anyhow::Result<()> {
        if let Some(out) = &mut self.out {
            out.flush()?;
        }
        Ok(())
    }
}

/// What a run did, printed at its end.
#[derive(Clone, Copy, Debug, Default)]
pub struct Counts {
    /// Records read.
    pub read: usize,
    /// Records coded.
    pub coded: usize,
    /// Records rejected.
    pub rejected: usize,
    /// Events written.
    pub events: usize,
}

impl std::fmt::Display for Counts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "read {} records, coded {}, rejected {}; {} events",
            self.read, self.coded, self.rejected, self.events
        )
    }
}
