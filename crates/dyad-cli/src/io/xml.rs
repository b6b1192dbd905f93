//! The XML gold corpora (GeoWebNews, TR-News): one article per `<article>`.
//!
//! Both files are `<articles><article …>…</article>…</articles>`:
//! - GeoWebNews: `<article file="0">` with `<title>`, `<link>`, `<text>` and no date,
//!   so its articles need `--date`;
//! - TR-News: `<article docid="…">` with `<title>`, `<url>`, `<domain>`,
//!   `<dltime>` (the date) and `<text>` (CDATA).
//!
//! `text` is kept exactly as in the file (after XML unescaping) so that the gold
//! toponym offsets still point into it. The id is `{file stem}-{docid|file|index}`
//! and the origin is `file:line` of the `<article>` tag. The file is parsed
//! whole ([`roxmltree`]); files over [`XML_CAP`] bytes are rejected.

use std::io::{BufRead, Read};

use dyad_core::input::validate;
use dyad_core::schema::InputDoc;

use super::{Record, Records};

/// Largest XML file read.
pub const XML_CAP: usize = 256 << 20;

/// Reads the `<article>`s of one XML file; `date` dates those that have none.
pub fn read(r: Box<dyn BufRead + Send>, name: String, date: Option<String>) -> Records {
    let mut bytes = Vec::new();
    if let Err(e) = r.take(XML_CAP as u64 + 1).read_to_end(&mut bytes) {
        return once(Record::rejected(name, format!("read error: {e}"), &bytes));
    }
    if bytes.len() > XML_CAP {
        return once(Record::rejected(name, format!("XML file over the limit of {XML_CAP} bytes"), &bytes));
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let reason = format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to());
            return once(Record::rejected(name, reason, e.as_bytes()));
        }
    };
    Box::new(articles(&text, &name, date.as_deref()).into_iter())
}

fn once(r: Record) -> Records {
    Box::new(std::iter::once(r))
}

/// Every `<article>` of an XML document, as records.
pub fn articles(xml: &str, name: &str, date: Option<&str>) -> Vec<Record> {
    let opts = roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() };
    let doc = match roxmltree::Document::parse_with_options(xml, opts) {
        Ok(d) => d,
        Err(e) => return vec![Record::rejected(name.to_string(), format!("invalid XML: {e}"), xml.as_bytes())],
    };
    let stem = std::path::Path::new(name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| name.to_string());
    let mut out = Vec::new();
    for (i, node) in doc.descendants().filter(|n| n.has_tag_name("article")).enumerate() {
        let line = doc.text_pos_at(node.range().start).row;
        let origin = format!("{name}:{line}");
        let raw = &xml[node.range()];
        out.push(match article(node, &stem, i, date) {
            Ok(d) => Record { origin, doc: Ok(d), raw: Vec::new() },
            Err(reason) => Record::rejected(origin, reason, raw.as_bytes()),
        });
    }
    if out.is_empty() {
        out.push(Record::rejected(name.to_string(), "no <article> elements in the XML file", xml.as_bytes()));
    }
    out
}

fn article(node: roxmltree::Node, stem: &str, index: usize, date: Option<&str>) -> Result<InputDoc, String> {
    let key = node.attribute("docid").or_else(|| node.attribute("file")).map(str::to_string);
    let id = format!("{stem}-{}", key.unwrap_or_else(|| index.to_string()));
    let child = |tag: &str| node.children().find(|c| c.has_tag_name(tag));
    let text: String = match child("text") {
        Some(t) => t.descendants().filter(|d| d.is_text()).filter_map(|d| d.text()).collect(),
        None => return Err("no <text> in the article".to_string()),
    };
    let field = |tag: &str| {
        let s: String = child(tag)?.descendants().filter_map(|d| d.text()).collect();
        let s = s.trim();
        (!s.is_empty()).then(|| s.to_string())
    };
    let date = match field("dltime").or_else(|| field("date")) {
        Some(d) => d.get(..10).unwrap_or(&d).to_string(),
        None => match date {
            Some(d) => d.to_string(),
            None => return Err("the article has no date: give --date YYYY-MM-DD".to_string()),
        },
    };
    let doc = InputDoc {
        id,
        date,
        text,
        title: field("title"),
        source: field("domain").or_else(|| Some(stem.to_string())),
        url: field("url").or_else(|| field("link")),
    };
    validate(doc).map_err(|e| e.to_string())
}
