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

use crate::gazetteer::{any_alias, any_primary, ids_of, Gazetteer};
use crate::text::{hash, key, key_hash, Token};
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
    /// Resolved from part of a given span only ("Metcalfe" of "Metcalfe County").
    pub partial: bool,
}

use crate::words::{
    has, has_ci, CONNECTORS, DIRECTION, GENERIC_HEAD, INSTITUTIONS, LOCATIVE, MODIFIER_OK,
    ORG_AFTER, ORG_OF, SPEECH, STOP, STRONG_LOCATIVE,
};

/// True for function words, months, titles and direction words: never a place alone.
pub(crate) fn is_stop_or_direction(k: &str) -> bool {
    has(STOP, k) || has(DIRECTION, k) || has(ORG_AFTER, k) || has(ORG_OF, k)
}

fn word<'t>(text: &'t str, t: &Token) -> &'t str {
    &text[t.start..t.end]
}

fn lower(text: &str, t: &Token) -> String {
    word(text, t).to_lowercase()
}

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

/// A gazetteer match at a token position.
struct Match {
    /// Last token.
    j: usize,
    end: usize,
    ids: Vec<u32>,
    demonym: bool,
    /// Matched a primary name or alias (not only an alternate name).
    primary: bool,
    /// Matched an abbreviation with its period ("Ky.").
    abbrev: bool,
    /// Matched an alias ("US", "DRC").
    alias: bool,
    /// Readings of the name without its generic head ("Karak" of "Karak district").
    extra: Vec<u32>,
}

/// Finds candidate place and demonym mentions (see the module docs).
pub(crate) fn mentions(
    gaz: &Gazetteer,
    text: &str,
    toks: &[Token],
    hints: &Hints,
    dl: Option<(usize, usize)>,
) -> Vec<Mention> {
    let mut out = scan(gaz, text, toks, hints, dl);
    // Hyphenated words no mention covers are split and rescanned in a window of a few words
    // around them (not the whole text again).
    let overlaps = |m: &Mention, t: &Token| m.start < t.end && t.start < m.end;
    let hyphenated: Vec<usize> = (0..toks.len())
        .filter(|&k| {
            text[toks[k].start..toks[k].end].contains('-')
                && !out.iter().any(|m| overlaps(m, &toks[k]))
        })
        .collect();
    if hyphenated.is_empty() {
        return out;
    }
    let mut parts: Vec<Mention> = Vec::new();
    for &k in &hyphenated {
        // Split only the window's words: three before the hyphenated word and one after.
        let base = k.saturating_sub(3);
        let (split, first_part) =
            crate::hyphen::split_hyphens(text, &toks[base..(k + 2).min(toks.len())]);
        let a = first_part[k - base].saturating_sub(3);
        let b = first_part.get(k - base + 1).copied().unwrap_or(split.len());
        let b = (b + 1).min(split.len());
        for m in scan(gaz, text, &split[a..b], hints, dl) {
            if !parts.iter().any(|p| p.start == m.start) {
                parts.push(m);
            }
        }
    }
    let mut extra = crate::hyphen::hyphen_parts(gaz, text, toks, &hyphenated, &out, &parts);
    if !extra.is_empty() {
        out.append(&mut extra);
        out.sort_by_key(|m| m.start);
    }
    out
}

/// One recognition pass over a token list (see [`mentions`]).
fn scan(
    gaz: &Gazetteer,
    text: &str,
    toks: &[Token],
    hints: &Hints,
    dl: Option<(usize, usize)>,
) -> Vec<Mention> {
    let title = title_lines(text, toks);
    let names = name_parts(gaz, text, toks, &title);
    let mut out = Vec::new();
    let mut i = 0;
    let mut last_match_end = usize::MAX;
    // The last kept match is a city of 100,000+ people, a region or a country.
    let mut last_match_big = false;
    while i < toks.len() {
        if !toks[i].cap {
            i += 1;
            continue;
        }
        let Some(m) = longest(gaz, text, toks, i).map(|m| county_abbrev(gaz, text, toks, i, m))
        else {
            // "LOUISVILLE, KY", "EDMONTON, Ky (WBKO)": a state code or an abbreviation
            // written without its period, right after a place and a comma.
            if i > 0 && toks[i - 1].end == last_match_end {
                if let Some(ids) = state_after_comma(gaz, text, toks, i) {
                    last_match_end = toks[i].end;
                    last_match_big = true;
                    let (start, end) = (toks[i].start, toks[i].end);
                    out.push(Mention {
                        start,
                        end,
                        ids,
                        demonym: false,
                        in_dateline: dl.is_some_and(|(a, b)| start >= a && end <= b),
                        partial: false,
                    });
                }
            }
            i += 1;
            continue;
        };
        let start = toks[i].start;
        let in_dl = dl.is_some_and(|(a, b)| start >= a && m.end <= b);
        let prev_is_match = i > 0 && toks[i - 1].end == last_match_end;
        let prev_big = prev_is_match && last_match_big;
        // "England and Wales": a region or country listed after a big place is as good as a
        // preposition.
        let list_big = i >= 2
            && is_big(gaz, &m.ids)
            && last_match_big
            && toks[i - 2].end == last_match_end
            && matches!(&text[toks[i - 1].start..toks[i - 1].end], "and" | "or");
        let ctx = Ctx {
            gaz,
            text,
            toks,
            title: &title,
            names: &names,
        };
        let keep = in_dl || accept(&ctx, i, &m, prev_is_match, prev_big || list_big);
        let excluded = hints.exclude.iter().any(|&(a, b)| start < b && a < m.end);
        if keep && !excluded {
            last_match_end = toks[m.j].end;
            last_match_big = is_big(gaz, &m.ids)
                || m.ids
                    .iter()
                    .any(|&id| gaz.entries[id as usize].pop >= 100_000);
            let mut ids = m.ids;
            if !m.extra.is_empty() {
                ids.extend(m.extra);
                ids.sort_unstable();
                ids.dedup();
            }
            out.push(Mention {
                start,
                end: m.end,
                ids,
                demonym: m.demonym,
                in_dateline: in_dl,
                partial: false,
            });
        }
        i = m.j + 1;
    }
    out
}

/// "Plymouth Co.", "PLYMOUTH CO.": the county, when the gazetteer has "<name> County" (the
/// match then ends after "Co."; otherwise "Co." would read as "Company").
fn county_abbrev(gaz: &Gazetteer, text: &str, toks: &[Token], i: usize, m: Match) -> Match {
    let Some(co) = toks.get(m.j + 1) else {
        return m;
    };
    let w = &text[co.start..co.end];
    if !(w == "Co" || w == "CO")
        || &text[toks[m.j].end..co.start] != " "
        || !text[co.end..].starts_with('.')
    {
        return m;
    }
    let name = format!("{} County", &text[toks[i].start..toks[m.j].end]);
    match lookup_key(gaz, key_hash(&name), false) {
        // Like "Plymouth County", also the readings of "Plymouth" (see `longest`).
        Some(hit) if !hit.demonym => Match {
            j: m.j + 1,
            end: co.end + 1,
            ids: hit.ids,
            demonym: false,
            primary: true,
            abbrev: false,
            alias: false,
            extra: if m.demonym { Vec::new() } else { m.ids },
        },
        _ => m,
    }
}

/// A US state code ("KY") or a listed abbreviation written without its period ("Ky") at token
/// `i`, right after ", " (the caller checks that a place precedes).
fn state_after_comma(gaz: &Gazetteer, text: &str, toks: &[Token], i: usize) -> Option<Vec<u32>> {
    let t = &toks[i];
    let w = &text[t.start..t.end];
    if &text[toks[i - 1].end..t.start] != ", " || !w.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    if w.len() == 2 && t.all_caps {
        return gaz.us_state(w).map(|id| vec![id]);
    }
    if (2..=5).contains(&w.len()) && t.cap && !t.all_caps {
        let ab = gaz.lookup_abbrev(key_hash(w));
        if !ab.is_empty() {
            return Some(ids_of(ab));
        }
    }
    None
}

/// Keys of words seen inside capitalised sequences that are not place names ("Christopher
/// Steele", "Vladimir Putin"): a later lone "Steele" is a person, not a town.
fn name_parts(gaz: &Gazetteer, text: &str, toks: &[Token], title: &[bool]) -> NameParts {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let mut j = i + 1;
        while j < toks.len()
            && toks[j].cap
            && toks[j - 1].cap
            && &text[toks[j - 1].end..toks[j].start] == " "
            && !is_possessive(word(text, &toks[j - 1]))
        {
            j += 1;
        }
        // "A Danbury mason", "In Danbury, police": a function word starts no name (a title
        // such as "President" still does).
        if j - i >= 2
            && matches!(
                lower(text, &toks[i]).as_str(),
                "a" | "an"
                    | "the"
                    | "in"
                    | "at"
                    | "on"
                    | "of"
                    | "from"
                    | "to"
                    | "by"
                    | "for"
                    | "and"
                    | "but"
                    | "or"
                    | "as"
                    | "if"
                    | "when"
                    | "while"
                    | "after"
                    | "before"
            )
        {
            i += 1;
            continue;
        }
        if j - i >= 2 && !title[i] {
            let first = lower(text, &toks[i]);
            let place_prefix = (i + 2..=j).any(|e| {
                !gaz.lookup(key_hash(&text[toks[i].start..toks[e - 1].end]))
                    .is_empty()
            });
            if !place_prefix && !has(DIRECTION, first.as_str()) {
                for t in &toks[i + 1..j] {
                    out.push(key_hash(word(text, t)));
                }
                // "Enfield Council", "Toronto Saturday": a place's organisation, office or
                // date, not a person named Enfield.
                // (Cheapest tests first: this runs for every capitalised sequence.)
                let modified = || {
                    let second = bare(word(text, &toks[i + 1]));
                    !gaz.lookup(hash(&first)).is_empty()
                        && (has_ci(STOP, second)
                            || has_ci(MODIFIER_OK, second)
                            || has_ci(ORG_AFTER, second))
                };
                if !gaz.is_common(hash(&first)) && !modified() {
                    out.push(hash(&first));
                }
            }
        }
        i = j;
    }
    // "Nelson says", "Bassett told police": a single capitalised word that speaks is a person.
    for (k, t) in toks.iter().enumerate() {
        let Some(nx) = toks.get(k + 1) else { break };
        if t.cap
            && !t.all_caps
            && !title[k]
            && &text[t.end..nx.start] == " "
            && has(SPEECH, &text[nx.start..nx.end])
            && (k == 0 || !toks[k - 1].cap || !text[toks[k - 1].end..t.start].eq(" "))
            // "crew based at Heathrow said": the place ends a phrase the verb follows.
            && (k == 0 || !has_ci(LOCATIVE, word(text, &toks[k - 1])))
        {
            out.push(key_hash(word(text, t)));
        }
    }
    out.sort_unstable();
    out.dedup();
    NameParts(out)
}

/// True for a possessive word ("Pallister's", "Ottawa’s").
fn is_possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("’s")
}

/// A word without its possessive ending and any hyphenated tail ("Mayor's" → "Mayor",
/// "President-elect" → "President").
fn bare(w: &str) -> &str {
    let w = w
        .strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w);
    w.split('-').next().unwrap_or(w)
}

/// Sorted key hashes of name words (see [`name_parts`]).
struct NameParts(Vec<u64>);

impl NameParts {
    fn contains(&self, h: &u64) -> bool {
        self.0.binary_search(h).is_ok()
    }
}

/// Longest gazetteer match starting at token `i`.
fn longest(gaz: &Gazetteer, text: &str, toks: &[Token], i: usize) -> Option<Match> {
    let maxn = gaz.max_tokens.min(toks.len() - i);
    let mut n = 1;
    // Extend over joinable tokens first.
    while n < maxn {
        let (a, b) = (&toks[i + n - 1], &toks[i + n]);
        let gap = &text[a.end..b.start];
        let short_abbrev = a.end - a.start <= 3 && gap.trim() == "." && gap.len() <= 3;
        let spaces = gap.chars().all(|c| c == ' ') && gap.len() <= 2;
        if !spaces && !short_abbrev {
            break;
        }
        if !b.cap && !has_ci(CONNECTORS, word(text, b)) {
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
        for suffix in ["'s", "’s"] {
            if span.ends_with(suffix) {
                end -= suffix.len();
            }
        }
        let h = key_hash(&text[toks[i].start..end]);
        let period = text[end..].starts_with('.');
        if let Some(hit) = lookup_key(gaz, h, period) {
            // "Karak district": also the readings of "Karak" (added once the match is kept).
            let mut extra = Vec::new();
            if len > 1 && has_ci(GENERIC_HEAD, word(text, &toks[j])) {
                let head = &text[toks[i].start..toks[j - 1].end];
                if let Some(sub) = lookup_key(gaz, key_hash(head), false) {
                    if sub.demonym == hit.demonym {
                        extra = sub.ids;
                    }
                }
            }
            // Keep the final period of abbreviations ("U.S.", "D.C.", "Ky.").
            let end = if period && (span.contains('.') || hit.abbrev) {
                end + 1
            } else {
                end
            };
            return Some(Match {
                j,
                end,
                ids: hit.ids,
                demonym: hit.demonym,
                primary: hit.primary,
                abbrev: hit.abbrev,
                alias: hit.alias,
                extra,
            });
        }
    }
    None
}

/// The result of looking up one key.
pub(crate) struct Hit {
    pub ids: Vec<u32>,
    pub demonym: bool,
    pub primary: bool,
    pub abbrev: bool,
    /// Matched an alias of `data/geo/aliases.tsv` ("US", "DRC").
    pub alias: bool,
}

/// Looks a key hash up: abbreviations first when the text shows a period after the word
/// ("Mo.", "Alta."), then place names, except that a demonym beats small places of the same
/// name ("Canadian", a town in Australia).
pub(crate) fn lookup_key(gaz: &Gazetteer, h: u64, period: bool) -> Option<Hit> {
    if period {
        let ab = gaz.lookup_abbrev(h);
        if !ab.is_empty() {
            return Some(Hit {
                ids: ids_of(ab),
                demonym: false,
                primary: true,
                abbrev: true,
                alias: true,
            });
        }
    }
    let found = gaz.lookup(h);
    let dem = gaz.lookup_demonym(h);
    let ids = ids_of(found);
    let small = !is_big(gaz, &ids) && ids.iter().all(|&id| gaz.entries[id as usize].pop < 100_000);
    if !dem.is_empty() && (found.is_empty() || small) {
        return Some(Hit {
            ids: ids_of(dem),
            demonym: true,
            primary: true,
            abbrev: false,
            alias: false,
        });
    }
    if !found.is_empty() {
        return Some(Hit {
            ids,
            demonym: false,
            primary: any_primary(found),
            abbrev: false,
            alias: any_alias(found),
        });
    }
    None
}

pub(crate) fn is_big(gaz: &Gazetteer, ids: &[u32]) -> bool {
    ids.iter().any(|&id| {
        let e = &gaz.entries[id as usize];
        e.class == b'L' || e.class == b'H' || big_code(gaz.code(e))
    })
}

/// Countries, first-level regions, continents and capitals (compared as integers: this runs
/// for every candidate of every lookup).
fn big_code(code: &str) -> bool {
    const fn c4(s: &[u8; 4]) -> u32 {
        u32::from_le_bytes(*s)
    }
    match code.as_bytes() {
        b"PCL" => true,
        &[a, b, c, d] => matches!(
            u32::from_le_bytes([a, b, c, d]),
            x if x == c4(b"PCLI")
                || x == c4(b"PCLD")
                || x == c4(b"PCLS")
                || x == c4(b"PCLF")
                || x == c4(b"ADM1")
                || x == c4(b"CONT")
                || x == c4(b"PPLC")
        ),
        _ => false,
    }
}

struct Ctx<'a> {
    gaz: &'a Gazetteer,
    text: &'a str,
    toks: &'a [Token],
    title: &'a [bool],
    names: &'a NameParts,
}

fn accept(c: &Ctx, i: usize, m: &Match, prev_is_match: bool, prev_big: bool) -> bool {
    let (gaz, text, toks) = (c.gaz, c.text, c.toks);
    let first = &toks[i];
    let surface = &text[first.start..m.end];
    let k = key(surface);
    let h = hash(&k);
    let single = i == m.j;
    let big = is_big(gaz, &m.ids);
    let country_like = m.ids.iter().any(|&id| {
        let e = &gaz.entries[id as usize];
        gaz.code(e).starts_with("PCL")
            || gaz.code(e) == "CONT"
            || (e.class != b'P' && e.class != b'A')
    });
    let max_pop = m
        .ids
        .iter()
        .map(|&id| gaz.entries[id as usize].pop)
        .max()
        .unwrap_or(0);
    let headline = c.title[i];
    let prev = (i > 0).then(|| (&toks[i - 1], &text[toks[i - 1].end..first.start]));
    let next =
        (m.j + 1 < toks.len()).then(|| (&toks[m.j + 1], &text[toks[m.j].end..toks[m.j + 1].start]));
    let prev_word = prev.map_or("", |(p, _)| word(text, p));
    // "in Reading", and "Giza's Haram": a place's possessive is as good as a preposition,
    // but only for a place's primary name: "France's Orano" is a company, not the Italian
    // name of Oran.
    let owner = prev_big
        && ((prev_word.ends_with("'s") || prev_word.ends_with("’s")) && m.primary
            || prev_word == "and"
            || prev_word == "or");
    let locative =
        prev.is_some_and(|(_, gap)| gap == " ") && (owner || has_ci(LOCATIVE, prev_word));
    let abbrev_ok = m.abbrev && !first.sent_start;
    // Buildings that name institutions ("White House") are places only as their seat (an
    // alias in `aliases.tsv`), never as a town that shares the name, and only after a
    // preposition of place ("a ceremony at the White House"): "the Kremlin said" is an actor.
    if has(INSTITUTIONS, k.as_str()) {
        let before = text[..first.start].trim_end();
        let before = before
            .strip_suffix("the")
            .or_else(|| before.strip_suffix("The"))
            .map_or(before, str::trim_end);
        let prep = before
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        if !m.alias || !has_ci(LOCATIVE, prep) {
            return false;
        }
    }
    if single && !abbrev_ok && has(STOP, k.as_str()) {
        return false;
    }
    // Contractions ("I've") and short codes not written as codes ("Us", "Ba").
    if surface.contains(['\'', '’'])
        && surface
            .rsplit(['\'', '’'])
            .next()
            .is_some_and(|t| t.chars().all(|c| c.is_lowercase()))
        && !m.demonym
    {
        return false;
    }
    let uppers = surface.chars().filter(|c| c.is_uppercase()).count();
    if single && k.len() <= 2 && uppers < 2 && !surface.contains('.') {
        return false;
    }
    // Acronyms ("NATO", "U.N.", "BA") in mixed-case text only through aliases ("US", "DRC");
    // short all-caps names stay places in all-caps lines and datelines ("ROME").
    let caps_line = prev.is_some_and(|(p, _)| p.all_caps) || next.is_some_and(|(n, _)| n.all_caps);
    if single
        && (first.all_caps || surface.contains('.'))
        && k.len() <= 5
        && !m.alias
        && !headline
        && !caps_line
    {
        return false;
    }
    // Very short alternate names are mostly surnames and syllables ("Chen", "Ava").
    if single && !m.primary && k.len() <= 4 && !surface.contains('.') {
        return false;
    }
    // Other alternate names of single words unlike the primary name ("Hydro", "Orbis", "Axel":
    // names of companies, people and pets that GeoNames lists for a city) need a preposition
    // of place, unless they name a country, region or capital. Spellings that start like the
    // primary name ("Douma" for Dūmā, "Kiev") are transliterations, unless they only add
    // letters to it.
    if single && !m.primary && !big && !locative {
        let initial = k.bytes().next();
        // The primary name with letters added ("Orano" for Oran) is a foreign form or
        // another word (here a company), not a transliteration.
        let spelling = m.ids.iter().any(|&id| {
            let name = key(&gaz.entries[id as usize].name);
            name.bytes().next() == initial && !(k.len() > name.len() && k.starts_with(&name))
        });
        if !spelling {
            return false;
        }
    }
    if m.demonym {
        return true;
    }
    // Common words ("Reading", "Mobile") need a locative context unless they are big places.
    // "Slidell, La.": an abbreviation with its period right after a place is no word.
    if single && gaz.is_common(h) && !country_like && !(m.abbrev && prev_is_match) {
        let town_pop = m
            .ids
            .iter()
            .map(|&id| &gaz.entries[id as usize])
            .filter(|e| e.class == b'P')
            .map(|e| e.pop)
            .max()
            .unwrap_or(0);
        if first.sent_start || headline || ((town_pop < 100_000 || !m.primary) && !locative) {
            return false;
        }
    }
    // Words already seen in a person's or organisation's name ("Christopher Steele").
    // Only a preposition of place, and no possessive, rescues such a word: "between Bush and
    // Steele", "some of Steele's reports" name the person.
    let owned = text[m.end..].starts_with("'s") || text[m.end..].starts_with("’s");
    let strong_locative = locative && has_ci(STRONG_LOCATIVE, prev_word) && !owned;
    if single && !big && max_pop < 500_000 && c.names.contains(&h) && !strong_locative {
        return false;
    }
    // Preceded by a capitalised word inside a sentence: part of a longer name, unless a
    // country or first-level region follows an English word ("Environment Canada", "Team
    // Alberta": an organisation named for the place, which the text still names).
    let country_or_region = m.ids.iter().any(|&id| {
        let code = gaz.code(&gaz.entries[id as usize]);
        code.starts_with("PCL") || code == "ADM1"
    });
    if let Some((p, gap)) = prev {
        if !headline
            && !first.all_caps
            && !prev_is_match
            && p.cap
            && !first.sent_start
            && gap == " "
            && !p.all_caps
            && !has_ci(DIRECTION, prev_word)
            && !has_ci(STOP, prev_word)
            // "Pallister's Costa Rica travels", "Whittier's Penn Park": a possessive
            // ends a name.
            && !is_possessive(prev_word)
            && !(p.sent_start
                && gaz.is_common(key_hash(prev_word))
                && !c.names.contains(&key_hash(prev_word)))
            && !(country_or_region && gaz.is_common(key_hash(prev_word)))
        {
            return false;
        }
    }
    let possessive = text[m.end..].starts_with("'s") || text[m.end..].starts_with("’s");
    if let Some((nx, gap)) = next {
        let nw = lower(text, nx);
        // "Sheriff's" → "sheriff", "President-elect" → "president".
        let mut nw = nw.as_str();
        while let Some(x) = nw.strip_suffix("'s") {
            nw = x;
        }
        while let Some(x) = nw.strip_suffix("’s") {
            nw = x;
        }
        let nw = nw.split('-').next().unwrap_or(nw).to_string();
        let populated = m
            .ids
            .iter()
            .any(|&id| gaz.entries[id as usize].class == b'P');
        if nx.cap && (gap == " " || gap == ". ") && has(ORG_AFTER, nw.as_str()) {
            return false;
        }
        // A place followed by another capitalised word that is neither a place nor a modified
        // head is part of a name: any such word after a small place ("Vladimir Putin"), a word
        // that is no English word after a big one ("Paris Hilton", "Jordan Peterson").
        if nx.cap
            && gap == " "
            && !headline
            && !nx.all_caps
            && !first.all_caps
            && !possessive
            && ((!big && populated && max_pop < 500_000) || !gaz.is_common(key_hash(&nw)))
            && !has(MODIFIER_OK, nw.as_str())
            // "in New York Saturday": a weekday, month or function word is no name part.
            && !has(STOP, nw.as_str())
            && !is_big(gaz, &ids_of(gaz.lookup(hash(&nw))))
        {
            return false;
        }
    }
    if i >= 2 {
        let (p, pp) = (&toks[i - 1], &toks[i - 2]);
        if lower(text, p) == "of" && pp.cap && has(ORG_OF, lower(text, pp).as_str()) {
            return false;
        }
    }
    true
}
