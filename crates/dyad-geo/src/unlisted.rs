//! Places the gazetteer lacks, named by the sentence's own words: "the town of Qatraneh",
//! "the villages of Foua and Kfraya", "Puge county", "Cairo's Abbasiya neighbourhood".
//!
//! Such a name is returned as a place without a gazetteer entry of its own; `api.rs` places it
//! at its local anchor ("in Idlib", "Cairo's", see `anchor.rs`), else at the story's focus.

use crate::recognize::Mention;
use crate::text::Token;
use crate::words::has_ci;

/// Plain heads before "of": "the town of X".
#[rustfmt::skip]
const HEAD_OF: &[&str] = &[
    "town", "towns", "village", "villages", "city", "district", "districts", "neighbourhood",
    "neighborhood", "region", "province", "county", "suburb", "hamlet", "settlement",
    "municipality", "governorate", "camp",
];

/// Plain heads after the name: "Puge county", "Abbasiya district".
#[rustfmt::skip]
pub(crate) const HEAD_AFTER: &[&str] = &[
    "county", "district", "neighbourhood", "neighborhood", "province", "governorate",
    "prefecture", "township", "village", "suburb",
];

/// A capitalised run of at most three words starting at `i` (not a sentence start, no
/// digits): its last token index.
fn cap_run(text: &str, toks: &[Token], i: usize) -> Option<usize> {
    let t = toks.get(i)?;
    if !t.cap || t.all_caps || text[t.start..t.end].contains(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let mut j = i;
    while j + 1 < toks.len()
        && j < i + 2
        && toks[j + 1].cap
        && &text[toks[j].end..toks[j + 1].start] == " "
    {
        j += 1;
    }
    Some(j)
}

/// Unlisted place mentions of `text` not overlapping `known` (sorted by start).
pub(crate) fn unlisted(text: &str, toks: &[Token], known: &[Mention]) -> Vec<Mention> {
    let free = |a: usize, b: usize| !known.iter().any(|m| m.start < b && a < m.end);
    let w = |k: usize| &text[toks[k].start..toks[k].end];
    let mut out: Vec<Mention> = Vec::new();
    let push = |a: usize, b: usize, out: &mut Vec<Mention>| {
        if free(a, b) && !out.iter().any(|m| m.start < b && a < m.end) {
            out.push(Mention {
                start: a,
                end: b,
                ids: Vec::new(),
                demonym: false,
                in_dateline: false,
                partial: false,
            });
        }
    };
    for k in 0..toks.len() {
        let t = &toks[k];
        // "the town of X", "the villages of X and Y".
        if t.cap {
            continue;
        }
        // Cheap tests first: this runs for every lowercase word.
        if toks.get(k + 1).is_some_and(|_| w(k + 1) == "of") && has_ci(HEAD_OF, w(k)) {
            if let Some(j) = cap_run(text, toks, k + 2) {
                push(toks[k + 2].start, toks[j].end, &mut out);
                if toks.get(j + 1).is_some_and(|_| w(j + 1) == "and") {
                    if let Some(j2) = cap_run(text, toks, j + 2) {
                        push(toks[j + 2].start, toks[j2].end, &mut out);
                    }
                }
            }
        }
        // "Puge county": a capitalised run right before a plain head.
        if k > 0
            && toks[k - 1].cap
            && &text[toks[k - 1].end..t.start] == " "
            && has_ci(HEAD_AFTER, w(k))
        {
            let mut i = k - 1;
            let possessive = |x: usize| w(x).ends_with("'s") || w(x).ends_with("’s");
            while i > 0
                && k - i < 3
                && toks[i - 1].cap
                && !possessive(i - 1)
                && &text[toks[i - 1].end..toks[i].start] == " "
            {
                i -= 1;
            }
            if toks[i].cap
                && !toks[i].sent_start
                && (i..k).all(|x| toks[x].cap && !toks[x].all_caps)
            {
                push(toks[i].start, toks[k - 1].end, &mut out);
            }
        }
    }
    out
}

/// GeoNames feature class of an unlisted place from its head word: "A" for divisions ("Puge
/// county", "the region of Kef"), "P" for towns, villages and neighbourhoods.
pub(crate) fn feature_class(text: &str, start: usize, end: usize) -> &'static str {
    const DIVISIONS: &[&str] = &[
        "county",
        "district",
        "districts",
        "province",
        "governorate",
        "prefecture",
        "township",
        "region",
        "municipality",
    ];
    let after = text
        .get(end..)
        .unwrap_or("")
        .split_whitespace()
        .next()
        .unwrap_or("");
    let before = text.get(..start).unwrap_or("");
    let head_of = before
        .trim_end()
        .strip_suffix("of")
        .and_then(|b| b.split_whitespace().next_back())
        .unwrap_or("");
    if has_ci(DIVISIONS, after.trim_end_matches([',', '.'])) || has_ci(DIVISIONS, head_of) {
        "A"
    } else {
        "P"
    }
}
