//! Recognition: capitalised word sequences looked up in the gazetteer, longest match first,
//! then filtered with general rules.
//!
//! A mention is kept unless:
//! - it is a function word, a month or a weekday ("May", "March", "Of");
//! - it is a common English word at the start of a sentence or in a title-case line
//!   ("Reading", "Mobile"), unless it names a country, region or continent;
//! - it follows a capitalised word inside a sentence (a person's or organisation's name:
//!   "George Washington", "Hurricane Florence"), except after direction words ("northern Syria");
//! - an organisation head follows it ("Washington Post", "Boston University") or precedes it
//!   with "of" ("University of California");
//! - it overlaps a span the caller excluded.
//!
//! Demonyms ("Belarusian") are found too and marked; `find_places` drops them by default.

use crate::gazetteer::Gazetteer;
use crate::text::{hash, key, Token};
use crate::Hints;

/// A recognised mention before disambiguation.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    pub start: usize,
    pub end: usize,
    /// Candidate entry ids.
    pub ids: Vec<u32>,
    pub demonym: bool,
    pub in_dateline: bool,
}

const STOP: &[&str] = &[
    "a",
    "an",
    "the",
    "of",
    "and",
    "or",
    "in",
    "on",
    "at",
    "to",
    "is",
    "it",
    "he",
    "she",
    "we",
    "they",
    "can",
    "will",
    "may",
    "man",
    "per",
    "so",
    "no",
    "not",
    "all",
    "any",
    "but",
    "for",
    "by",
    "as",
    "be",
    "do",
    "if",
    "me",
    "my",
    "our",
    "you",
    "his",
    "her",
    "its",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "when",
    "where",
    "what",
    "who",
    "why",
    "how",
    "mr",
    "mrs",
    "ms",
    "dr",
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
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "god",
    "christmas",
    "easter",
    "president",
    "police",
    "government",
    "city",
    "state",
    "university",
    "national",
    "new",
    "north",
    "south",
    "east",
    "west",
    "union",
    "says",
    "said",
    "after",
    "before",
    "during",
    "while",
    "with",
    "from",
    "into",
    "over",
    "also",
];

/// Words allowed right before a place inside a proper-name sequence.
const DIRECTION: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "upper",
    "lower",
    "greater",
    "downtown",
    "rural",
    "coastal",
    "metro",
    "mainland",
    "inner",
    "outer",
    "midtown",
    "uptown",
    "suburban",
    "occupied",
    "old",
    "provincial",
    "federal",
    "in",
    "at",
    "from",
    "to",
    "of",
    "and",
    "or",
    "the",
    "across",
    "outside",
    "near",
    "around",
    "by",
    "for",
    "on",
    "into",
    "toward",
    "towards",
    "via",
];

/// Heads of organisation names that a place name can modify ("Washington Post").
const ORG_AFTER: &[&str] = &[
    "post",
    "times",
    "herald",
    "globe",
    "journal",
    "tribune",
    "gazette",
    "chronicle",
    "star",
    "sun",
    "daily",
    "examiner",
    "inquirer",
    "observer",
    "telegraph",
    "courier",
    "mirror",
    "express",
    "standard",
    "citizen",
    "bulletin",
    "register",
    "dispatch",
    "sentinel",
    "university",
    "college",
    "institute",
    "school",
    "academy",
    "hospital",
    "clinic",
    "club",
    "fc",
    "united",
    "inc",
    "corp",
    "corporation",
    "company",
    "co",
    "ltd",
    "llc",
    "group",
    "holdings",
    "airlines",
    "airways",
    "motors",
    "partners",
    "capital",
    "fund",
    "foundation",
    "symphony",
    "orchestra",
    "opera",
    "ballet",
    "street",
    "st",
    "avenue",
    "ave",
    "road",
    "rd",
    "boulevard",
    "blvd",
    "drive",
    "lane",
    "highway",
    "hwy",
    "square",
    "hilton",
    "bulls",
    "rangers",
    "raiders",
    "jets",
    "giants",
    "oilers",
    "flames",
    "canucks",
    "senators",
    "kings",
    "lakers",
    "warriors",
    "cowboys",
    "eagles",
    "yankees",
    "mets",
    "cubs",
    "sox",
    "redskins",
    "steelers",
    "packers",
    "patriots",
    "bruins",
    "maple",
    "blue",
    "red",
    "whitecaps",
    "stampeders",
    "eskimos",
    "elks",
    "magazine",
    "records",
    "press",
    "news",
];

/// Heads of "<head> of <place>" organisation names.
const ORG_OF: &[&str] = &[
    "university",
    "college",
    "institute",
    "bank",
    "museum",
    "academy",
    "school",
    "church",
    "archdiocese",
    "diocese",
    "bishop",
    "archbishop",
    "duke",
    "duchess",
    "earl",
    "prince",
    "princess",
    "king",
    "queen",
    "marquess",
    "baron",
    "lord",
];

fn word<'t>(text: &'t str, t: &Token) -> &'t str {
    &text[t.start..t.end]
}

fn lower(text: &str, t: &Token) -> String {
    word(text, t).to_lowercase()
}

/// Lowercase words that may appear inside a multiword place name ("Isle of Man").
const CONNECTORS: &[&str] = &[
    "of", "the", "de", "del", "la", "le", "du", "da", "do", "dos", "das", "al", "el", "on", "upon",
    "sur", "am", "an", "der", "den", "y", "and", "en", "di", "es", "au", "aux", "im",
];

/// Per-token flag: the token's line is a title-case headline.
fn title_lines(text: &str, toks: &[Token]) -> Vec<bool> {
    let mut out = vec![false; toks.len()];
    let mut i = 0;
    while i < toks.len() {
        let mut j = i + 1;
        while j < toks.len() && !text[toks[j - 1].end..toks[j].start].contains('\n') {
            j += 1;
        }
        let n = j - i;
        let caps = toks[i..j].iter().filter(|t| t.cap).count();
        let title = n >= 4 && caps * 10 >= n * 7;
        out[i..j].iter_mut().for_each(|f| *f = title);
        i = j;
    }
    out
}

/// Finds candidate place and demonym mentions (see the module docs).
pub(crate) fn mentions(
    gaz: &Gazetteer,
    text: &str,
    toks: &[Token],
    hints: &Hints,
    dl: Option<(usize, usize)>,
) -> Vec<Mention> {
    let title = title_lines(text, toks);
    let mut out = Vec::new();
    let mut i = 0;
    let mut last_match_end = usize::MAX;
    while i < toks.len() {
        if !toks[i].cap {
            i += 1;
            continue;
        }
        let Some((j, end, ids, demonym)) = longest(gaz, text, toks, i) else {
            i += 1;
            continue;
        };
        let start = toks[i].start;
        let in_dl = dl.is_some_and(|(a, b)| start >= a && end <= b);
        let prev_is_match = i > 0 && toks[i - 1].end == last_match_end;
        let keep = in_dl || accept(gaz, text, toks, &title, i, j, end, &ids, prev_is_match);
        let excluded = hints.exclude.iter().any(|&(a, b)| start < b && a < end);
        if keep && !excluded {
            out.push(Mention {
                start,
                end,
                ids,
                demonym,
                in_dateline: in_dl,
            });
            last_match_end = toks[j].end;
        }
        i = j + 1;
    }
    out
}

/// Longest gazetteer match starting at token `i`: (last token, end byte, ids, is_demonym).
fn longest(
    gaz: &Gazetteer,
    text: &str,
    toks: &[Token],
    i: usize,
) -> Option<(usize, usize, Vec<u32>, bool)> {
    let maxn = gaz.max_tokens.min(toks.len() - i);
    let mut n = 1;
    // Extend over joinable tokens first.
    while n < maxn {
        let (a, b) = (&toks[i + n - 1], &toks[i + n]);
        let gap = &text[a.end..b.start];
        let short_abbrev = a.end - a.start <= 3 && gap.trim() == "." && gap.len() <= 3;
        if !(gap.chars().all(|c| c == ' ') && gap.len() <= 2) && !short_abbrev {
            break;
        }
        if !b.cap && !CONNECTORS.contains(&lower(text, b).as_str()) {
            break;
        }
        n += 1;
    }
    for len in (1..=n).rev() {
        let j = i + len - 1;
        if !toks[j].cap {
            continue;
        }
        let mut end = toks[j].end;
        let span = &text[toks[i].start..end];
        let mut k = key(span);
        for suffix in ["'s", "’s"] {
            if span.ends_with(suffix) {
                end -= suffix.len();
                k = key(&text[toks[i].start..end]);
            }
        }
        let h = hash(&k);
        let found = gaz.lookup(h);
        if !found.is_empty() {
            let mut end = end;
            // Keep the final period of dotted abbreviations ("U.S.", "D.C.").
            if span.contains('.') && text[end..].starts_with('.') {
                end += 1;
            }
            return Some((j, end, found.iter().map(|x| x.1).collect(), false));
        }
        if text[end..].starts_with('.') {
            let ab = gaz.lookup_abbrev(h);
            if !ab.is_empty() {
                return Some((j, end + 1, ab.iter().map(|x| x.1).collect(), false));
            }
        }
        let d = gaz.lookup_demonym(h);
        if !d.is_empty() {
            return Some((j, end, d.iter().map(|x| x.1).collect(), true));
        }
    }
    None
}

fn is_big(gaz: &Gazetteer, ids: &[u32]) -> bool {
    ids.iter().any(|&id| {
        let e = &gaz.entries[id as usize];
        matches!(
            gaz.code(e),
            "PCLI" | "PCLD" | "PCLS" | "PCLF" | "PCL" | "ADM1" | "CONT"
        ) || e.class == b'L'
            || e.class == b'H'
    })
}

#[allow(clippy::too_many_arguments)]
fn accept(
    gaz: &Gazetteer,
    text: &str,
    toks: &[Token],
    title: &[bool],
    i: usize,
    j: usize,
    end: usize,
    ids: &[u32],
    prev_is_match: bool,
) -> bool {
    let first = &toks[i];
    let k = key(&text[first.start..end]);
    let single = i == j;
    if single && STOP.contains(&k.as_str()) {
        return false;
    }
    // Short codes must be written in capitals or with periods ("US", "U.S.", not "Us").
    let surface = &text[first.start..end];
    let uppers = surface.chars().filter(|c| c.is_uppercase()).count();
    if single && k.len() <= 2 && uppers < 2 && !surface.contains('.') {
        return false;
    }
    let h = hash(&k);
    let big = is_big(gaz, ids);
    if single && gaz.is_common(h) && !big {
        if first.sent_start || title[i] {
            return false;
        }
        let next_cap =
            j + 1 < toks.len() && toks[j + 1].cap && text[toks[j].end..toks[j + 1].start] == *" ";
        let max_pop = ids
            .iter()
            .map(|&id| gaz.entries[id as usize].pop)
            .max()
            .unwrap_or(0);
        if next_cap && max_pop < 100_000 {
            return false;
        }
    }
    if !title[i] && i > 0 && !prev_is_match {
        let p = &toks[i - 1];
        let gap = &text[p.end..first.start];
        let pw = lower(text, p);
        if p.cap
            && !first.sent_start
            && gap == " "
            && !p.all_caps
            && !DIRECTION.contains(&pw.as_str())
            && !STOP.contains(&pw.as_str())
        {
            return false;
        }
    }
    if j + 1 < toks.len() {
        let nx = &toks[j + 1];
        let gap = &text[toks[j].end..nx.start];
        if nx.cap && (gap == " " || gap == ". ") && ORG_AFTER.contains(&lower(text, nx).as_str()) {
            return false;
        }
    }
    if i >= 2 {
        let (p, pp) = (&toks[i - 1], &toks[i - 2]);
        if lower(text, p) == "of" && pp.cap && ORG_OF.contains(&lower(text, pp).as_str()) {
            return false;
        }
    }
    true
}
