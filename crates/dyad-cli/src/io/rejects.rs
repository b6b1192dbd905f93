//! The reject file and the counts line: where every record that was not coded goes.

use std::io::Write;
use std::path::Path;

use indicatif::ProgressBar;

/// How many rejections are described on stderr before the rest go only to the
/// reject file and the counts.
const STDERR_LIMIT: usize = 100;

/// Where rejected records go: a JSONL file of `{origin, reason, record}`, and a
/// message on stderr naming the record and what is wrong.
pub struct Rejects {
    out: Option<std::io::BufWriter<std::fs::File>>,
    shown: usize,
    bar: Option<ProgressBar>,
}

impl Rejects {
    /// Opens (creates or truncates) the reject file, if one is given.
    pub fn open(path: Option<&Path>) -> anyhow::Result<Rejects> {
        let out = match path {
            Some(p) => Some(std::io::BufWriter::new(std::fs::File::create(p).map_err(
                |e| anyhow::anyhow!("cannot create reject file {}: {e}", p.display()),
            )?)),
            None => None,
        };
        Ok(Rejects {
            out,
            shown: 0,
            bar: None,
        })
    }

    /// Prints messages above this progress bar instead of through it.
    pub fn with_progress(mut self, bar: ProgressBar) -> Rejects {
        self.bar = Some(bar);
        self
    }

    /// Records one rejection: on stderr (up to a limit), and in the reject file when there is one.
    pub fn reject(&mut self, origin: &str, reason: &str, raw: &[u8]) -> anyhow::Result<()> {
        {
            self.shown += 1;
            let msg =
                if self.shown <= STDERR_LIMIT {
                    Some(format!("dyad: rejected {origin}: {reason}"))
                } else if self.shown == STDERR_LIMIT + 1 {
                    Some(format!(
                    "dyad: more than {STDERR_LIMIT} records rejected; the rest are only counted{}",
                    if self.out.is_some() { " and written to the reject file" } else { "" }
                ))
                } else {
                    None
                };
            if let Some(msg) = msg {
                match &self.bar {
                    Some(bar) => bar.suspend(|| say(&msg)),
                    None => say(&msg),
                }
            }
        }
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
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
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

/// Writes a line on stderr; a closed stderr is ignored, not a panic.
pub fn say(msg: &str) {
    let _ = writeln!(std::io::stderr(), "{msg}");
}
