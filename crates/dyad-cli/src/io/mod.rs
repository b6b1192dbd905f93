//! Reading articles from files and stdin, and accounting for every record.
//!
//! [`read_inputs`] turns a list of paths into one ordered stream of [`Record`]s.
//! Each record carries its origin (`file:line`) and either a validated
//! [`InputDoc`] or the reason it was rejected, so that every record read ends up
//! either coded or in the reject file ([`Rejects`]) and every run ends with
//! [`Counts`]. Nothing is dropped silently and no input makes a reader panic.
//!
//! Formats, chosen by extension or, failing that, by sniffing the first bytes
//! (`--format` overrides both):
//! - JSONL (`.jsonl`, `.json`, `.ndjson`, or a first byte `{`): one article per
//!   line, [`dyad_core::input::parse_line`]; VOA-style lines with `published`
//!   instead of `date` are mapped too ([`jsonl`]);
//! - Reuters-21578 SGML (`.sgm`): one article per `<REUTERS>` ([`reuters`]);
//! - the XML gold corpora (`.xml`, GeoWebNews and TR-News): one article per
//!   `<article>` ([`xml`]);
//! - anything else is one plain-text article per file, dated by `--date` ([`text`]).
//!
//! A directory stands for every JSONL, SGML and XML file below it, in name order.
//! Readers are lazy: files are opened as the stream reaches them, and no reader
//! holds more than one record (bounded by the text size limit) in memory.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use dyad_core::schema::InputDoc;

pub mod example;
pub mod jsonl;
pub mod pipeline;
mod rejects;
pub mod reuters;
pub mod run;
pub mod text;
pub mod xml;

pub use rejects::{say, Counts, Rejects};

/// How many bytes of a rejected record are kept for the reject file.
pub const RAW_KEEP: usize = 4096;

/// One input record: where it came from, and the article or why it was rejected.
pub struct Record {
    /// `file:line` (or `file` for whole-file inputs).
    pub origin: String,
    /// The article, or the reason it was rejected.
    pub doc: Result<InputDoc, String>,
    /// The raw bytes, kept for the reject file (truncated to [`RAW_KEEP`]).
    pub raw: Vec<u8>,
}

impl Record {
    /// A record that was rejected, keeping at most [`RAW_KEEP`] bytes of it.
    pub fn rejected(origin: String, reason: impl Into<String>, raw: &[u8]) -> Record {
        let raw = raw[..raw.len().min(RAW_KEEP)].to_vec();
        Record {
            origin,
            doc: Err(reason.into()),
            raw,
        }
    }

    /// Bytes of article text (0 for a rejected record).
    pub fn text_len(&self) -> usize {
        self.doc.as_ref().map_or(0, |d| d.text.len())
    }
}

/// The input formats [`read_inputs`] understands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// By extension, else by the first bytes.
    #[default]
    Auto,
    /// One JSON article per line.
    Jsonl,
    /// One plain-text article per file (needs `--date`).
    Text,
    /// Reuters-21578 SGML.
    Reuters,
    /// GeoWebNews / TR-News XML.
    Xml,
}

/// How to read inputs.
#[derive(Clone, Debug, Default)]
pub struct InputOptions {
    /// Publication date (`YYYY-MM-DD`) for inputs that do not carry one.
    pub date: Option<String>,
    /// Input format; [`Format::Auto`] decides per file.
    pub format: Format,
}

/// A stream of records, in input order.
pub type Records = Box<dyn Iterator<Item = Record> + Send>;

/// Opens every path (`-` is stdin, a directory is its JSONL/SGML/XML files) and
/// yields its records in order.
///
/// Fails up front when `--date` is malformed or a path does not exist; read
/// errors later on become rejected records and the stream goes on.
pub fn read_inputs(paths: &[PathBuf], opts: &InputOptions) -> anyhow::Result<Records> {
    if let Some(d) = &opts.date {
        dyad_core::input::parse_date(d).map_err(|e| anyhow::anyhow!("--date: {e}"))?;
    }
    let mut files = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            files.push(p.clone());
        } else if p.is_dir() {
            let before = files.len();
            walk_dir(p, &mut files)
                .map_err(|e| anyhow::anyhow!("cannot read directory {}: {e}", p.display()))?;
            if files.len() == before {
                anyhow::bail!("no .jsonl, .sgm or .xml files under {}", p.display());
            }
        } else {
            std::fs::metadata(p)
                .map_err(|e| anyhow::anyhow!("cannot open {}: {e}", p.display()))?;
            files.push(p.clone());
        }
    }
    let opts = opts.clone();
    Ok(Box::new(
        files.into_iter().flat_map(move |p| open_one(&p, &opts)),
    ))
}

/// Appends the article files below `dir`, sorted by name, recursively.
fn walk_dir(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk_dir(&p, out)?;
        } else if matches!(
            ext(&p).as_str(),
            "jsonl" | "ndjson" | "json" | "sgm" | "xml"
        ) {
            out.push(p);
        }
    }
    Ok(())
}

fn ext(p: &Path) -> String {
    p.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default()
}

/// Opens one file (or stdin) and picks its reader.
fn open_one(path: &Path, opts: &InputOptions) -> Records {
    let stdin = path.as_os_str() == "-";
    let name = if stdin {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    };
    let inner: Box<dyn Read + Send> = if stdin {
        Box::new(std::io::stdin())
    } else {
        match std::fs::File::open(path) {
            Ok(f) => Box::new(f),
            Err(e) => {
                let r = Record::rejected(name, format!("cannot open: {e}"), b"");
                return Box::new(std::iter::once(r));
            }
        }
    };
    let mut reader: Box<dyn BufRead + Send> = Box::new(BufReader::with_capacity(1 << 16, inner));
    let format = match opts.format {
        Format::Auto => match ext(path).as_str() {
            _ if stdin => sniff(&mut reader),
            "jsonl" | "ndjson" | "json" => Format::Jsonl,
            "sgm" => Format::Reuters,
            "xml" => Format::Xml,
            _ => sniff(&mut reader),
        },
        f => f,
    };
    match format {
        Format::Jsonl | Format::Auto => jsonl::read(reader, name),
        Format::Text => text::read(reader, name, opts.date.clone()),
        Format::Reuters => reuters::read(reader, name),
        Format::Xml => xml::read(reader, name, opts.date.clone()),
    }
}

/// Guesses the format from the first non-blank bytes, without consuming them.
fn sniff(r: &mut Box<dyn BufRead + Send>) -> Format {
    let head = match r.fill_buf() {
        Ok(b) => b,
        Err(_) => return Format::Text,
    };
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let head = &head[start..];
    if head.starts_with(b"{") {
        Format::Jsonl
    } else if head.starts_with(b"<!DOCTYPE lewis") || head.starts_with(b"<REUTERS") {
        Format::Reuters
    } else if head.starts_with(b"<?xml") || head.starts_with(b"<articles") {
        Format::Xml
    } else {
        Format::Text
    }
}

/// Whether bytes look like binary data rather than text: a NUL byte, or many
/// control bytes other than tab, newline, carriage return and form feed.
pub fn looks_binary(bytes: &[u8]) -> Option<usize> {
    let controls = bytes
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    let nul = bytes.contains(&0);
    (nul || (controls > 8 && controls * 100 > bytes.len())).then_some(controls)
}
