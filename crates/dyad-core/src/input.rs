//! Validation of input records: one JSONL line in, an [`InputDoc`] or a reason out.
//!
//! Nothing here panics on any byte sequence; every failure is an [`InputError`]
//! whose message names what is wrong, so that callers can write it to a reject file.

use crate::schema::InputDoc;

/// Largest article text accepted, in bytes. Longer texts are rejected, not truncated.
pub const MAX_TEXT_BYTES: usize = 10 * 1024 * 1024;

/// Why an input record was rejected.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum InputError {
    /// The line is not valid UTF-8.
    #[error("invalid UTF-8 at byte {0}")]
    Utf8(usize),
    /// The line is not a JSON object of the expected shape.
    #[error("invalid JSON: {0}")]
    Json(String),
    /// A required field is missing or empty.
    #[error("missing or empty field `{0}`")]
    Missing(&'static str),
    /// The date is not a valid `YYYY-MM-DD`.
    #[error("bad date {0:?}: expected YYYY-MM-DD")]
    Date(String),
    /// The text is larger than [`MAX_TEXT_BYTES`].
    #[error("text is {0} bytes, over the limit of {MAX_TEXT_BYTES}")]
    TooLarge(usize),
    /// The text looks like binary data rather than prose.
    #[error("text looks binary: {0} control characters")]
    Binary(usize),
}

/// Parses and validates one JSONL line.
pub fn parse_line(line: &[u8]) -> Result<InputDoc, InputError> {
    let s = std::str::from_utf8(line).map_err(|e| InputError::Utf8(e.valid_up_to()))?;
    let doc: InputDoc = serde_json::from_str(s).map_err(|e| {
        let msg = e.to_string();
        if let Some(f) = msg.strip_prefix("missing field `") {
            let f = f.split('`').next().unwrap_or("");
            return match f {
                "id" => InputError::Missing("id"),
                "date" => InputError::Missing("date"),
                "text" => InputError::Missing("text"),
                _ => InputError::Json(msg),
            };
        }
        InputError::Json(msg)
    })?;
    validate(doc)
}

/// Checks a record built by other means (plain text files, the HTTP API).
pub fn validate(doc: InputDoc) -> Result<InputDoc, InputError> {
    if doc.id.trim().is_empty() {
        return Err(InputError::Missing("id"));
    }
    parse_date(&doc.date)?;
    if doc.text.trim().is_empty() {
        return Err(InputError::Missing("text"));
    }
    if doc.text.len() > MAX_TEXT_BYTES {
        return Err(InputError::TooLarge(doc.text.len()));
    }
    let controls = doc
        .text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        .count();
    if controls > 8 && controls * 100 > doc.text.chars().count() {
        return Err(InputError::Binary(controls));
    }
    Ok(doc)
}

/// Parses a `YYYY-MM-DD` date.
pub fn parse_date(s: &str) -> Result<chrono::NaiveDate, InputError> {
    if s.len() != 10 {
        return Err(InputError::Date(s.to_string()));
    }
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| InputError::Date(s.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(line: &[u8]) -> String {
        parse_line(line).unwrap_err().to_string()
    }

    #[test]
    fn accepts_a_good_record() {
        let d = parse_line(br#"{"id":"a","date":"2024-07-12","text":"Hello."}"#).unwrap();
        assert_eq!(d.id, "a");
    }

    #[test]
    fn names_what_is_wrong() {
        assert!(err(br#"{"id":"a","date":"2024-13-12","text":"x"}"#).contains("bad date"));
        assert!(err(br#"{"id":"a","text":"x"}"#).contains("`date`"));
        assert!(err(br#"{"id":"a","date":"2024-07-12","text":"  "}"#).contains("`text`"));
        assert!(err(b"{\"id\":\"a\",\xff}").contains("UTF-8"));
        assert!(err(b"not json").contains("invalid JSON"));
        let bin = format!(
            r#"{{"id":"a","date":"2024-07-12","text":"{}"}}"#,
            "\\u0001".repeat(50)
        );
        assert!(err(bin.as_bytes()).contains("binary"));
    }
}
