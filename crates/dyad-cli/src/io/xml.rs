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
        return once(Record::rejected(
            name,
            format!("XML file over the limit of {XML_CAP} bytes"),
            &bytes,
        ));
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
    let opts = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let doc = match roxmltree::Document::parse_with_options(xml, opts) {
        Ok(d) => d,
        Err(e) => {
            return vec![Record::rejected(
                name.to_string(),
                format!("invalid XML: {e}"),
                xml.as_bytes(),
            )]
        }
    };
    let stem = std::path::Path::new(name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| name.to_string());
    let mut out = Vec::new();
    for (i, node) in doc
        .descendants()
        .filter(|n| n.has_tag_name("article"))
        .enumerate()
    {
        let line = doc.text_pos_at(node.range().start).row;
        let origin = format!("{name}:{line}");
        let raw = &xml[node.range()];
        out.push(match article(node, &stem, i, date) {
            Ok(d) => Record {
                origin,
                doc: Ok(d),
                raw: Vec::new(),
            },
            Err(reason) => Record::rejected(origin, reason, raw.as_bytes()),
        });
    }
    if out.is_empty() {
        out.push(Record::rejected(
            name.to_string(),
            "no <article> elements in the XML file",
            xml.as_bytes(),
        ));
    }
    out
}

fn article(
    node: roxmltree::Node,
    stem: &str,
    index: usize,
    date: Option<&str>,
) -> Result<InputDoc, String> {
    let key = node
        .attribute("docid")
        .or_else(|| node.attribute("file"))
        .map(str::to_string);
    let id = format!("{stem}-{}", key.unwrap_or_else(|| index.to_string()));
    let child = |tag: &str| node.children().find(|c| c.has_tag_name(tag));
    let text: String = match child("text") {
        Some(t) => t
            .descendants()
            .filter(|d| d.is_text())
            .filter_map(|d| d.text())
            .collect(),
        None => return Err("no <text> in the article".to_string()),
    };
    let field = |tag: &str| {
        let s: String = child(tag)?
            .descendants()
            .filter(|d| d.is_text())
            .filter_map(|d| d.text())
            .collect();
        let s = s.trim();
        (!s.is_empty()).then(|| s.to_string())
    };
    let date = match (field("dltime").or_else(|| field("date")), date) {
        (Some(raw), fallback) => match loose_date(&raw) {
            Some(d) => d,
            None => match fallback {
                Some(d) => d.to_string(),
                None => {
                    return Err(format!(
                        "cannot read the article's date {raw:?}: give --date YYYY-MM-DD"
                    ))
                }
            },
        },
        (None, Some(d)) => d.to_string(),
        (None, None) => return Err("the article has no date: give --date YYYY-MM-DD".to_string()),
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

/// Reads the free-form dates of scraped news ("Dec 17, 2016 8:46 AM ET",
/// "9:55 AM ET, Sun January 4, 2015", "December 9th 2016", "11/28/2016",
/// "2016-12-19 16:55 ET") as `YYYY-MM-DD`; `None` without a year, month and day.
pub fn loose_date(s: &str) -> Option<String> {
    let s = s.trim();
    if let Some(d) = s
        .get(..10)
        .and_then(|p| chrono::NaiveDate::parse_from_str(p, "%Y-%m-%d").ok())
    {
        return Some(d.format("%Y-%m-%d").to_string());
    }
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',' || c == '|')
        .filter(|w| !w.is_empty() && !w.contains(':'))
        .collect();
    let ymd = |y: i32, m: u32, d: u32| {
        chrono::NaiveDate::from_ymd_opt(y, m, d).map(|d| d.format("%Y-%m-%d").to_string())
    };
    for w in &words {
        let p: Vec<&str> = w.split('/').collect();
        if let [m, d, y] = p[..] {
            if let (Ok(m), Ok(d), Ok(y)) = (m.parse(), d.parse(), y.parse()) {
                return ymd(y, m, d);
            }
        }
    }
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let toks = words
        .iter()
        .flat_map(|w| w.split(['.', '-', '/']))
        .filter(|t| !t.is_empty());
    let (mut year, mut month, mut day) = (None, None, None);
    for t in toks {
        let lower = t.to_ascii_lowercase();
        let digits = lower.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &lower[digits.len()..];
        if t.len() == 4 && digits.len() == 4 {
            year = year.or(digits
                .parse::<i32>()
                .ok()
                .filter(|y| (1900..=2100).contains(y)));
        } else if !digits.is_empty()
            && digits.len() <= 2
            && matches!(suffix, "" | "st" | "nd" | "rd" | "th")
        {
            day = day.or(digits.parse::<u32>().ok().filter(|d| (1..=31).contains(d)));
        } else if digits.is_empty() && lower.len() >= 3 {
            month = month.or(MONTHS
                .iter()
                .position(|m| m.starts_with(&lower))
                .map(|i| i as u32 + 1));
        }
    }
    ymd(year?, month?, day?)
}

#[cfg(test)]
mod tests {
    use super::{articles, loose_date};

    #[test]
    fn text_is_kept_so_gold_offsets_still_point_into_it() {
        let xml = "<articles>\n<article file=\"3\"><title> T </title><link>u</link>\
<text>Rain hit Kochi &amp; Alappuzha.</text><toponyms/></article></articles>";
        let recs = articles(xml, "dir/GeoWebNews.xml", Some("2018-01-30"));
        let d = recs[0].doc.as_ref().unwrap();
        assert_eq!(recs[0].origin, "dir/GeoWebNews.xml:2");
        assert_eq!(
            (d.id.as_str(), d.date.as_str()),
            ("GeoWebNews-3", "2018-01-30")
        );
        assert_eq!(&d.text[9..14], "Kochi");
        assert_eq!(&d.text[17..26], "Alappuzha");
        assert_eq!(
            (d.title.as_deref(), d.url.as_deref()),
            (Some("T"), Some("u"))
        );
    }

    #[test]
    fn reads_scraped_dates() {
        for (raw, want) in [
            ("2016-12-19 16:55 ET", Some("2016-12-19")),
            ("17 December 2016", Some("2016-12-17")),
            ("Wed Nov 23, 2016 | 4:58pm EST", Some("2016-11-23")),
            ("9:55 AM ET, Sun January 4, 2015", Some("2015-01-04")),
            ("December 9th 2016", Some("2016-12-09")),
            ("DEC. 14, 2016, 2:54 AM EST", Some("2016-12-14")),
            ("11/28/2016", Some("2016-11-28")),
            ("Nov 29, 2016 06:00 MST", Some("2016-11-29")),
            ("7:58 AM ET", None),
            ("Wed Nov 23", None),
            ("Feb 30, 2016", None),
        ] {
            assert_eq!(loose_date(raw).as_deref(), want, "{raw}");
        }
    }
}
