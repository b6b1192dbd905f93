//! Plain text: one article per file, dated by `--date`.
//!
//! The article's id is the file name (`<stdin>` for standard input). At most
//! [`MAX_TEXT_BYTES`] + 1 bytes are read, so an oversize file is rejected
//! without being loaded.

use std::io::{BufRead, Read};

use dyad_core::input::{validate, MAX_TEXT_BYTES};
use dyad_core::schema::InputDoc;

use super::{looks_binary, Record, Records};

/// Reads the whole of `r` as one article named `name`.
pub fn read(r: Box<dyn BufRead + Send>, name: String, date: Option<String>) -> Records {
    Box::new(std::iter::once(read_one(r, name, date)))
}

fn read_one(r: Box<dyn BufRead + Send>, name: String, date: Option<String>) -> Record {
    let mut bytes = Vec::new();
    if let Err(e) = r.take(MAX_TEXT_BYTES as u64 + 1).read_to_end(&mut bytes) {
        return Record::rejected(name, format!("read error: {e}"), &bytes);
    }
    if bytes.len() > MAX_TEXT_BYTES {
        let reason = format!("text is over the limit of {MAX_TEXT_BYTES} bytes");
        return Record::rejected(name, reason, &bytes);
    }
    if let Some(controls) = looks_binary(&bytes) {
        let reason = format!("binary data, not text ({controls} control bytes)");
        return Record::rejected(name, reason, &bytes);
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let reason = format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to());
            return Record::rejected(name, reason, e.as_bytes());
        }
    };
    let text = match text.strip_prefix('\u{feff}') {
        Some(t) => t.to_string(),
        None => text,
    };
    let Some(date) = date else {
        return Record::rejected(
            name,
            "plain-text input needs --date YYYY-MM-DD",
            text.as_bytes(),
        );
    };
    let keep = text.as_bytes()[..text.len().min(super::RAW_KEEP)].to_vec();
    let doc = InputDoc {
        id: name.clone(),
        date,
        text,
        title: None,
        source: None,
        url: None,
    };
    match validate(doc) {
        Ok(doc) => Record {
            origin: name,
            doc: Ok(doc),
            raw: Vec::new(),
        },
        Err(e) => Record::rejected(name, e.to_string(), &keep),
    }
}
