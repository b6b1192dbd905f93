//! JSONL: one article per line, `{"id","date","text","title"?,"source"?,"url"?}`.
//!
//! Lines are read with a cap ([`LINE_CAP`]) so that a 5 GB line without a
//! newline costs 4 KiB of memory, not 5 GB: the line is skipped and rejected as
//! oversize. Blank lines are skipped; line numbers count physical lines, so the
//! origin `file:line` is what an editor shows.
//!
//! VOA stories (`/work/shared/corpora/voa`) carry `published`
//! (`"2025-03-14 20:30:26Z"`) instead of `date`, plus `section`, `author` and
//! `keywords`. A line that lacks `date` but has `published` is mapped:
//! `date` is the timestamp's day, `source` is `"VOA"` for voanews.com URLs.

use std::io::BufRead;

use dyad_core::input::{parse_line, validate, InputError, MAX_TEXT_BYTES};
use dyad_core::schema::InputDoc;

use super::{looks_binary, Record, Records};

/// Longest line read in full: room for a text at the limit, JSON-escaped.
pub const LINE_CAP: usize = 2 * MAX_TEXT_BYTES + (1 << 20);

/// Reads JSONL records from `r`, naming them `name:line`.
pub fn read(mut r: Box<dyn BufRead + Send>, name: String) -> Records {
    let mut n = 0usize;
    let mut done = false;
    Box::new(std::iter::from_fn(move || loop {
        if done {
            return None;
        }
        let mut buf = Vec::new();
        n += 1;
        let origin = || format!("{name}:{n}");
        match read_capped_line(&mut r, &mut buf, LINE_CAP) {
            Ok(0) => return None,
            Ok(len) if len > buf.len() => {
                let reason = format!(
                    "line is {len} bytes, over the limit of {LINE_CAP} (text limit {MAX_TEXT_BYTES} bytes)"
                );
                return Some(Record::rejected(origin(), reason, &buf));
            }
            Ok(_) => {
                while buf.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                    buf.pop();
                }
                let line = if n == 1 {
                    buf.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&buf)
                } else {
                    &buf
                };
                if line.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                return Some(match parse_record(line) {
                    Ok(doc) => Record {
                        origin: origin(),
                        doc: Ok(doc),
                        raw: Vec::new(),
                    },
                    Err(reason) => Record::rejected(origin(), reason, line),
                });
            }
            Err(e) => {
                done = true;
                return Some(Record::rejected(origin(), format!("read error: {e}"), &buf));
            }
        }
    }))
}

/// Parses one JSONL line into a validated article, or says what is wrong.
pub fn parse_record(line: &[u8]) -> Result<InputDoc, String> {
    if let Some(controls) = looks_binary(line) {
        return Err(format!(
            "binary data, not a JSON record ({controls} control bytes)"
        ));
    }
    match parse_line(line) {
        Ok(doc) => Ok(doc),
        Err(InputError::Missing("date")) => match voa(line) {
            Some(r) => r.map_err(|e| e.to_string()),
            None => Err(InputError::Missing("date").to_string()),
        },
        Err(e) => Err(e.to_string()),
    }
}

/// A VOA story line.
#[derive(serde::Deserialize)]
struct VoaStory {
    id: String,
    published: String,
    text: String,
    title: Option<String>,
    url: Option<String>,
    source: Option<String>,
}

/// Maps a VOA story to an article; `None` when the line is not one.
fn voa(line: &[u8]) -> Option<Result<InputDoc, InputError>> {
    let s: VoaStory = serde_json::from_slice(line).ok()?;
    let date = s.published.get(..10).unwrap_or(&s.published).to_string();
    let source = s.source.or_else(|| {
        s.url
            .as_deref()
            .filter(|u| u.contains("voanews.com"))
            .map(|_| "VOA".to_string())
    });
    Some(validate(InputDoc {
        id: s.id,
        date,
        text: s.text,
        title: s.title,
        source,
        url: s.url,
    }))
}

/// Reads one line (with its `\n`) into `buf`, keeping at most `cap` bytes of it.
///
/// Returns the full length of the line; when it is over `cap`, the rest of the
/// line is consumed and dropped and `buf` keeps its first
/// [`RAW_KEEP`](super::RAW_KEEP) bytes.
pub fn read_capped_line(
    r: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    cap: usize,
) -> std::io::Result<usize> {
    let mut total = 0usize;
    loop {
        let avail = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            return Ok(total);
        }
        let (take, done) = match memchr::memchr(b'\n', avail) {
            Some(i) => (i + 1, true),
            None => (avail.len(), false),
        };
        if total + take <= cap {
            buf.extend_from_slice(&avail[..take]);
        } else if buf.len() < super::RAW_KEEP {
            let room = super::RAW_KEEP - buf.len();
            buf.extend_from_slice(&avail[..take.min(room)]);
        } else if total <= cap {
            buf.truncate(super::RAW_KEEP);
        }
        total += take;
        r.consume(take);
        if done {
            return Ok(total);
        }
    }
}
