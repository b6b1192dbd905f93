//! Readers for the geoparsing gold corpora: GeoWebNews (`<extractedName>`, `<latitude>`) and
//! TR-News (`<phrase>`, `<gaztag><lat>`). Both give character offsets; they are converted to
//! byte offsets, and an offset that does not point at the toponym's text is re-anchored to
//! the nearest occurrence of that text (TR-News has a few shifted offsets).

use crate::Error;

/// One gold article.
#[derive(Debug, Clone)]
pub struct GoldDoc {
    /// Article id (`file` or `docid` attribute).
    pub id: String,
    /// Article text.
    pub text: String,
    /// Gold toponyms.
    pub toponyms: Vec<GoldToponym>,
}

/// One gold toponym.
#[derive(Debug, Clone)]
pub struct GoldToponym {
    /// Byte offset of the start.
    pub start: usize,
    /// Byte offset of the end.
    pub end: usize,
    /// Surface text.
    pub name: String,
    /// Gold point (lat, lon); `None` for toponyms the corpus leaves unresolved.
    pub point: Option<(f64, f64)>,
}

fn unescape(s: &str) -> String {
    if let Some(inner) = s.trim_start().strip_prefix("<![CDATA[") {
        return inner.rsplit_once("]]>").map_or(inner, |x| x.0).to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(semi) = rest.as_bytes()[..rest.len().min(12)]
            .iter()
            .position(|&b| b == b';')
        else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let ent = &rest[1..semi];
        let c = match ent {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            e if e.starts_with("#x") => u32::from_str_radix(&e[2..], 16)
                .ok()
                .and_then(char::from_u32),
            e if e.starts_with('#') => e[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Content of the first `<tag ...>...</tag>` in `s`.
fn element<'a>(s: &'a str, tag: &str) -> Option<&'a str> {
    let open = format!("<{tag}");
    let mut from = 0;
    while let Some(i) = s[from..].find(&open) {
        let i = from + i;
        let after = &s[i + open.len()..];
        match after.chars().next() {
            Some('>') | Some(' ') | Some('/') => {}
            _ => {
                from = i + open.len();
                continue;
            }
        }
        let gt = i + open.len() + after.find('>')?;
        if s[..gt].ends_with('/') {
            return Some("");
        }
        let close = format!("</{tag}>");
        let end = gt + 1 + s[gt + 1..].find(&close)?;
        return Some(&s[gt + 1..end]);
    }
    None
}

fn attr(s: &str, name: &str) -> Option<String> {
    let head = &s[..s.find('>')?];
    let pat = format!("{name}=\"");
    let i = head.find(&pat)? + pat.len();
    Some(head[i..i + head[i..].find('"')?].to_string())
}

/// Parses a GeoWebNews or TR-News XML file.
pub fn parse(xml: &str) -> Result<Vec<GoldDoc>, Error> {
    let mut docs = Vec::new();
    for chunk in xml.split("<article").skip(1) {
        if chunk.starts_with('s') {
            continue; // <articles>
        }
        let id = attr(chunk, "file")
            .or_else(|| attr(chunk, "docid"))
            .unwrap_or_default();
        let text = unescape(
            element(chunk, "text")
                .ok_or_else(|| Error::Gold(format!("article {id}: no <text>")))?,
        );
        let chars: Vec<usize> = text
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(text.len()))
            .collect();
        let mut toponyms = Vec::new();
        for t in chunk.split("<toponym>").skip(1) {
            let t = t.split("</toponym>").next().unwrap_or("");
            let name = unescape(
                element(t, "extractedName")
                    .or_else(|| element(t, "phrase"))
                    .unwrap_or("")
                    .trim(),
            );
            let num = |tag: &str| element(t, tag).and_then(|v| v.trim().parse::<f64>().ok());
            let (Some(s), Some(e)) = (num("start"), num("end")) else {
                continue;
            };
            let point = match (
                num("latitude").or_else(|| num("lat")),
                num("longitude").or_else(|| num("lon")),
            ) {
                (Some(a), Some(b)) => Some((a, b)),
                _ => None,
            };
            let (s, e) = (s as usize, e as usize);
            let Some((start, end)) = anchor(&text, &chars, s, e, &name) else {
                continue;
            };
            toponyms.push(GoldToponym {
                start,
                end,
                name,
                point,
            });
        }
        docs.push(GoldDoc { id, text, toponyms });
    }
    if docs.is_empty() {
        return Err(Error::Gold("no <article> found".into()));
    }
    Ok(docs)
}

/// Byte span for character offsets `s..e`, re-anchored on `name` when they miss it.
fn anchor(text: &str, chars: &[usize], s: usize, e: usize, name: &str) -> Option<(usize, usize)> {
    if s >= e {
        return None;
    }
    let at = |c: usize| chars.get(c).copied();
    let (bs, be) = (at(s)?, at(e)?);
    if name.is_empty() || text.get(bs..be) == Some(name) {
        return (bs < be).then_some((bs, be));
    }
    let lo = at(s.saturating_sub(40)).unwrap_or(0);
    let hi = at(e + 40).unwrap_or(text.len());
    let window = &text[lo..hi];
    window
        .match_indices(name)
        .map(|(i, _)| lo + i)
        .min_by_key(|&i| i.abs_diff(bs))
        .map(|i| (i, i + name.len()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn odd_gold_does_not_panic() {
        for xml in [
            "",
            "<articles>",
            "<article><text>ab</text><toponym><start>500</start><end>2</end></toponym></article>",
            "<article><text>Paris é</text><toponym><extractedName>é</extractedName><start>0</start><end>1</end></toponym></article>",
            "<article file=\"1\"><text/><toponym><start>x</start></toponym></article>",
        ] {
            let _ = super::parse(xml);
        }
        let docs = super::parse("<article><text>In Paris.</text><toponym><phrase>Paris</phrase><start>3</start><end>8</end><lat>48.8</lat><lon>2.3</lon></toponym></article>").unwrap();
        assert_eq!(docs[0].toponyms[0].point, Some((48.8, 2.3)));
        assert_eq!(
            &docs[0].text[docs[0].toponyms[0].start..docs[0].toponyms[0].end],
            "Paris"
        );
    }

    #[test]
    fn unescapes_entities_and_cdata() {
        assert_eq!(super::unescape("A &amp; B &#233;"), "A & B é");
        assert_eq!(super::unescape("<![CDATA[x < y]]>"), "x < y");
    }
}
