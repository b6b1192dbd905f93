//! Reuters-21578 SGML (`reut2-*.sgm`): one article per `<REUTERS>` element.
//!
//! The files are not XML (no root element, SGML character references such as
//! `&#3;`), so they are read as a stream of `<REUTERS ...>` … `</REUTERS>`
//! blocks, each capped in size like a JSONL line. For each block:
//! - `id` is `reut-{NEWID}`, `source` is `"Reuters"`;
//! - `date` comes from `<DATE>26-FEB-1987 15:01:01.79</DATE>`;
//! - `title` from `<TITLE>`; `text` is `<DATELINE>` followed by `<BODY>`, so that the
//!   dateline ("SALVADOR, Feb 26 -") stays in front of the story as on the wire.
//!
//! About one article in nine has no `<BODY>`: `TYPE="BRIEF"` items are a
//! headline only and `TYPE="UNPROC"` items are unformatted. They are rejected
//! with that reason, and counted.

use std::io::BufRead;

use dyad_core::input::validate;
use dyad_core::schema::InputDoc;

use super::jsonl::{read_capped_line, LINE_CAP};
use super::{Record, Records};

/// Reads the `<REUTERS>` articles of one SGML file.
pub fn read(mut r: Box<dyn BufRead + Send>, name: String) -> Records {
    let mut line_no = 0usize;
    let mut done = false;
    Box::new(std::iter::from_fn(move || {
        let mut block: Vec<u8> = Vec::new();
        let mut start = 0usize;
        let mut size = 0usize;
        loop {
            if done {
                return None;
            }
            let mut line = Vec::new();
            let len = match read_capped_line(&mut r, &mut line, LINE_CAP) {
                Ok(len) => len,
                Err(e) => {
                    done = true;
                    let origin = format!("{name}:{}", line_no + 1);
                    return Some(Record::rejected(origin, format!("read error: {e}"), &block));
                }
            };
            if len == 0 {
                done = true;
                if start == 0 {
                    return None;
                }
                let origin = format!("{name}:{start}");
                return Some(Record::rejected(
                    origin,
                    "unterminated <REUTERS> at end of file",
                    &block,
                ));
            }
            line_no += 1;
            if start == 0 {
                match memchr::memmem::find(&line, b"<REUTERS") {
                    Some(i) => {
                        start = line_no;
                        line.drain(..i);
                    }
                    None => continue,
                }
            }
            size += len;
            if size <= LINE_CAP {
                block.extend_from_slice(&line);
            }
            if memchr::memmem::find(&line, b"</REUTERS>").is_some() {
                let origin = format!("{name}:{start}");
                if size > LINE_CAP {
                    let reason = format!("article is {size} bytes, over the limit of {LINE_CAP}");
                    return Some(Record::rejected(origin, reason, &block));
                }
                return Some(match parse_article(&block) {
                    Ok(doc) => Record {
                        origin,
                        doc: Ok(doc),
                        raw: Vec::new(),
                    },
                    Err(reason) => Record::rejected(origin, reason, &block),
                });
            }
        }
    }))
}

/// Turns one `<REUTERS>` block into an article, or says why it has none.
pub fn parse_article(block: &[u8]) -> Result<InputDoc, String> {
    let s = std::str::from_utf8(block)
        .map_err(|e| format!("invalid UTF-8 at byte {} of the article", e.valid_up_to()))?;
    let head = &s[..s.find('>').unwrap_or(s.len())];
    let newid = attr(head, "NEWID").ok_or("no NEWID attribute on <REUTERS>")?;
    let raw_date = element(s, "DATE").ok_or("no <DATE>")?;
    let date = parse_date(raw_date).ok_or_else(|| format!("bad <DATE> {:?}", raw_date.trim()))?;
    let Some(body) = element(s, "BODY") else {
        let kind = s
            .find("<TEXT")
            .and_then(|i| attr(&s[i..i + s[i..].find('>').unwrap_or(0)], "TYPE"));
        return Err(match kind {
            Some("BRIEF") => "no <BODY>: TYPE=\"BRIEF\" article (headline only)".to_string(),
            Some("UNPROC") => "no <BODY>: TYPE=\"UNPROC\" article (unprocessed text)".to_string(),
            _ => "no <BODY>".to_string(),
        });
    };
    let mut text = String::new();
    if let Some(dl) = element(s, "DATELINE") {
        let dl = decode(dl);
        if !dl.trim().is_empty() {
            text.push_str(dl.trim());
            text.push(' ');
        }
    }
    text.push_str(decode(body).trim());
    let title = element(s, "TITLE")
        .map(|t| decode(t).trim().to_string())
        .filter(|t| !t.is_empty());
    let doc = InputDoc {
        id: format!("reut-{newid}"),
        date,
        text,
        title,
        source: Some("Reuters".to_string()),
        url: None,
    };
    validate(doc).map_err(|e| e.to_string())
}

/// The content of the first `<TAG>…</TAG>` (the opening tag may have attributes).
fn element<'a>(s: &'a str, tag: &str) -> Option<&'a str> {
    let open = format!("<{tag}");
    let mut from = 0;
    let start = loop {
        let i = from + s[from..].find(&open)?;
        let after = &s[i + open.len()..];
        if after.starts_with('>') || after.starts_with(' ') {
            break i + open.len() + after.find('>')? + 1;
        }
        from = i + open.len();
    };
    let end = start + s[start..].find(&format!("</{tag}>"))?;
    Some(&s[start..end])
}

/// The value of `NAME="value"` in a start tag.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let i = tag.find(&key)? + key.len();
    let len = tag[i..].find('"')?;
    Some(&tag[i..i + len])
}

/// `26-FEB-1987 15:01:01.79` to `1987-02-26`.
pub fn parse_date(s: &str) -> Option<String> {
    let mut parts = s.trim().splitn(3, '-');
    let day: u32 = parts.next()?.trim().parse().ok()?;
    let mon = parts.next()?.to_ascii_uppercase();
    let year: i32 = parts.next()?.get(..4)?.parse().ok()?;
    const MONTHS: [&str; 12] = [
        "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
    ];
    let month = MONTHS.iter().position(|m| *m == mon)? as u32 + 1;
    let d = chrono::NaiveDate::from_ymd_opt(year, month, day)?;
    Some(d.format("%Y-%m-%d").to_string())
}

/// Decodes SGML character references (`&lt;`, `&amp;`, `&#3;`, `&#x41;`) and
/// drops control characters other than tab and newline. Unknown `&` sequences
/// are kept as they are.
pub fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let semi = rest.bytes().take(12).position(|b| b == b';');
        let ch = semi.and_then(|j| match &rest[1..j] {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            e => {
                let n = e.strip_prefix("#x").or_else(|| e.strip_prefix("#X"));
                let n = match n {
                    Some(h) => u32::from_str_radix(h, 16).ok(),
                    None => e.strip_prefix('#').and_then(|d| d.parse().ok()),
                };
                n.and_then(char::from_u32)
            }
        });
        match (ch, semi) {
            (Some(c), Some(j)) => {
                if !c.is_control() || c == '\n' || c == '\t' {
                    out.push(c);
                }
                rest = &rest[j + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out.retain(|c| !c.is_control() || c == '\n' || c == '\t');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_references_and_drops_controls() {
        assert_eq!(decode("a &lt;b&gt; &amp; c&#3;"), "a <b> & c");
        assert_eq!(decode("AT&T &#x41; &bogus; &"), "AT&T A &bogus; &");
        assert_eq!(decode("caf&#233;"), "café");
    }

    #[test]
    fn an_article_is_dateline_and_body_with_title_and_date() {
        let block = b"<REUTERS TOPICS=\"YES\" NEWID=\"7\">\n<DATE>26-FEB-1987 15:01:01.79</DATE>\n\
<TEXT>&#2;\n<TITLE>TALKS &lt;ON&gt; COCOA</TITLE>\n<DATELINE>    SALVADOR, Feb 26 - </DATELINE>\
<BODY>Brazil and Ghana agreed,\nofficials said &amp; traders cheered.\n Reuter\n&#3;</BODY></TEXT>\n</REUTERS>\n";
        let d = parse_article(block).unwrap();
        assert_eq!(d.id, "reut-7");
        assert_eq!(d.date, "1987-02-26");
        assert_eq!(d.title.as_deref(), Some("TALKS <ON> COCOA"));
        assert_eq!(d.text, "SALVADOR, Feb 26 - Brazil and Ghana agreed,\nofficials said & traders cheered.\n Reuter");
    }

    #[test]
    fn reads_reuters_dates() {
        assert_eq!(
            parse_date("26-FEB-1987 15:01:01.79").as_deref(),
            Some("1987-02-26")
        );
        assert_eq!(
            parse_date(" 5-MAR-1987 09:00:00.00").as_deref(),
            Some("1987-03-05")
        );
        assert_eq!(parse_date("31-FEB-1987"), None);
        assert_eq!(parse_date("garbage"), None);
    }
}
