//! Hyphenated words: "Turkish-Russian", "Washington-based", "mid-Ohio", "made-in-China".
//!
//! The tokenizer keeps hyphenated words whole, so that "Guinea-Bissau" and "Stratford-upon-Avon"
//! match as one name. A hyphenated word that no mention covers is split into its parts and
//! rescanned in a window of a few words around it (`recognize::mentions`); the parts found are
//! kept only under the rules of [`hyphen_parts`].

use crate::gazetteer::Gazetteer;
use crate::recognize::{is_big, Mention};
use crate::text::Token;
use crate::words::{has_ci, DIRECTION, HYPHEN_AFFIX, STOP};

/// The tokens with hyphenated words split into their parts (a part keeps the word's
/// sentence start if it is the first), and the index of each word's first part.
pub(crate) fn split_hyphens(text: &str, toks: &[Token]) -> (Vec<Token>, Vec<usize>) {
    let mut out = Vec::with_capacity(toks.len() + 8);
    let mut first = Vec::with_capacity(toks.len());
    for t in toks {
        first.push(out.len());
        let w = &text[t.start..t.end];
        if !w.contains('-') {
            out.push(*t);
            continue;
        }
        let mut pos = t.start;
        for (n, part) in w.split('-').enumerate() {
            let (a, b) = (pos, pos + part.len());
            pos = b + 1;
            if part.is_empty() {
                continue;
            }
            let letters = part.chars().filter(|c| c.is_alphabetic()).count();
            let ups = part.chars().filter(|c| c.is_uppercase()).count();
            out.push(Token {
                start: a,
                end: b,
                cap: part.chars().next().is_some_and(char::is_uppercase),
                all_caps: letters >= 2 && ups == letters,
                sent_start: n == 0 && t.sent_start,
            });
        }
    }
    (out, first)
}

/// Mentions inside hyphenated words that the whole word did not match ("Turkish-Russian",
/// "Washington-based", "mid-Ohio"): kept when every other part of the word is lowercase
/// ("-based", "trans-"; see `HYPHEN_AFFIX`) or is itself a place, so that "Marie-France",
/// "Coca-Cola" or "Obama-era" stay out.
pub(crate) fn hyphen_parts(
    gaz: &Gazetteer,
    text: &str,
    toks: &[Token],
    out: &[Mention],
    parts: &[Mention],
) -> Vec<Mention> {
    let overlaps = |m: &Mention, a: usize, b: usize| m.start < b && a < m.end;
    // A demonym, or a place of 100,000+ people, a region or a country.
    let notable = |m: &Mention| {
        m.demonym
            || is_big(gaz, &m.ids)
            || m.ids
                .iter()
                .any(|&id| gaz.entries[id as usize].pop >= 100_000)
    };
    let mut extra = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        let w = &text[t.start..t.end];
        if !w.contains('-') || out.iter().any(|m| overlaps(m, t.start, t.end)) {
            continue;
        }
        let inside: Vec<&Mention> = parts
            .iter()
            .filter(|m| overlaps(m, t.start, t.end))
            .collect();
        if inside.is_empty() {
            continue;
        }
        // "John Alexander-Sinclair": a capitalised word right before is a first name.
        let start = inside.iter().map(|m| m.start).min().unwrap_or(t.start);
        let before = toks[..k].iter().rposition(|p| p.end <= start);
        if let Some(p) = before.map(|b| &toks[b]) {
            let pw = &text[p.start..p.end];
            if p.cap
                && !p.sent_start
                && &text[p.end..start] == " "
                && !out.iter().any(|m| overlaps(m, p.start, p.end))
                && !has_ci(DIRECTION, pw)
                && !has_ci(STOP, pw)
                && !pw.ends_with("'s")
                && !pw.ends_with("’s")
            {
                continue;
            }
        }
        let mut pos = t.start;
        let mut affix = false;
        let ok = w.split('-').all(|part| {
            let (a, b) = (pos, pos + part.len());
            pos = b + 1;
            let is_affix = has_ci(HYPHEN_AFFIX, part);
            affix |= is_affix;
            inside.iter().any(|m| overlaps(m, a, b)) || is_affix
        });
        // Two small towns joined ("Phillips-Spencer") are a double surname.
        if ok && (affix || inside.iter().any(|m| notable(m))) {
            extra.extend(inside.into_iter().cloned());
        }
    }
    extra.dedup_by_key(|m| m.start);
    extra
}
