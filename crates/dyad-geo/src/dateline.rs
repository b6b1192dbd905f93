//! Wire datelines: "KYIV, Ukraine (AP) —", "PYONGYANG, July 12 (Reuters) -", "BEIRUT (AP) —".
//!
//! A dateline opens the text (or its first paragraph after a title line): a place written in
//! capitals, optionally followed by comma-separated title-case parts (region, country) and a
//! date, then an agency in parentheses or a dash. The returned span covers the place parts only.

const MONTHS: &[&str] = &[
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn is_date_part(s: &str) -> bool {
    let w = s.trim().trim_end_matches('.').to_ascii_lowercase();
    let first = w.split([' ', '.']).next().unwrap_or("");
    MONTHS.contains(&first) || w.chars().next().is_some_and(|c| c.is_ascii_digit())
}

fn is_caps_place(s: &str) -> bool {
    let s = s.trim();
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && s.chars()
            .all(|c| c.is_uppercase() || c == ' ' || c == '.' || c == '-' || c == '\'' || c == '’')
}

fn is_title_part(s: &str) -> bool {
    let s = s.trim();
    !s.is_empty()
        && s.len() <= 40
        && s.split(' ').all(|w| {
            w.chars().next().is_some_and(|c| c.is_uppercase())
                || matches!(w, "of" | "and" | "the" | "de" | "la")
        })
}

/// Byte span of the place part of the text's dateline, if the text opens with one.
pub fn dateline(text: &str) -> Option<(usize, usize)> {
    // The dateline is in the first or second non-empty line (a title may come first).
    let mut offset = 0;
    for (n, line) in text.split_inclusive('\n').enumerate() {
        if n > 2 {
            break;
        }
        if let Some((a, b)) = in_line(line) {
            return Some((offset + a, offset + b));
        }
        offset += line.len();
    }
    None
}

fn in_line(line: &str) -> Option<(usize, usize)> {
    let lead = line.len() - line.trim_start().len();
    let body = &line[lead..];
    let cut = (0..=body.len().min(160))
        .rev()
        .find(|&i| body.is_char_boundary(i))?;
    let head = &body[..cut];
    let marker = ["(", " — ", " – ", " -- ", " - ", " —", " –"]
        .iter()
        .filter_map(|m| head.find(m))
        .min()?;
    let prefix = &head[..marker];
    let mut end = 0;
    let mut pos = 0;
    for (n, part) in prefix.split(',').enumerate() {
        let trimmed = part.trim();
        if n == 0 {
            if !is_caps_place(trimmed) {
                return None;
            }
        } else if is_date_part(trimmed)
            || !is_title_part(trimmed) && !is_caps_place(trimmed)
            || n > 3
        {
            break;
        }
        let start_in_part = part.len() - part.trim_start().len();
        end = pos + start_in_part + trimmed.len();
        pos += part.len() + 1;
    }
    // Anything between the place parts and the marker must be a date.
    let rest =
        prefix[end.min(prefix.len())..].trim_matches(|c: char| c == ',' || c.is_whitespace());
    if !rest.is_empty() && !is_date_part(rest) {
        return None;
    }
    Some((lead, lead + end))
}

#[cfg(test)]
mod tests {
    use super::dateline;

    fn check(text: &str, want: Option<&str>) {
        assert_eq!(dateline(text).map(|(a, b)| &text[a..b]), want, "{text}");
    }

    #[test]
    fn datelines() {
        check("KYIV, Ukraine (AP) — Russia fired", Some("KYIV, Ukraine"));
        check(
            "PYONGYANG, July 12 (Reuters) - North Korea",
            Some("PYONGYANG"),
        );
        check("BEIRUT (AP) — A Kurdish militia", Some("BEIRUT"));
        check("WASHINGTON — The Senate", Some("WASHINGTON"));
        check("ST. LOUIS, Mo. (AP) — A jury", Some("ST. LOUIS, Mo."));
        check("The president said (quoting) — nothing", None);
        check("Title line\nLONDON (Reuters) - Britain", Some("LONDON"));
    }
}
