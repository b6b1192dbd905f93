//! [`PhraseTable`]: multi-token phrases looked up by normalised tokens.

use rustc_hash::FxHashMap as HashMap;

use super::actors::Atom;
use crate::text::{normalize, tokenize, Token};

/// Phrases keyed by their first normalised token; each holds the rest of its tokens.
#[derive(Clone, Debug, Default)]
pub struct PhraseTable {
    by_first: HashMap<String, Vec<Entry>>,
}

#[derive(Clone, Debug)]
struct Entry {
    rest: Vec<String>,
    case: Case,
    atom: Atom,
}

/// How a phrase's case must match the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Case {
    /// Any case ("troops").
    Any,
    /// First letter uppercase ("Belarus").
    Cap,
    /// Every letter uppercase ("US", "UN").
    Upper,
}

fn case_of(surface: &str) -> Case {
    let letters: Vec<char> = surface.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) && !surface.contains(' ') {
        Case::Upper
    } else if letters.first().is_some_and(|c| c.is_uppercase()) {
        Case::Cap
    } else {
        Case::Any
    }
}

/// The case rule that admits what either `a` or `b` admits.
fn permissive(a: Case, b: Case) -> Case {
    match (a, b) {
        (Case::Any, _) | (_, Case::Any) => Case::Any,
        (Case::Cap, _) | (_, Case::Cap) => Case::Cap,
        _ => Case::Upper,
    }
}

/// Normalised token sequence of a lexicon phrase.
pub(crate) fn phrase_tokens(surface: &str) -> Vec<String> {
    tokenize(surface).into_iter().map(|t| t.norm).collect()
}

impl PhraseTable {
    /// Adds a phrase. With `replace`, earlier entries of the same phrase and kind are dropped first.
    pub fn insert(&mut self, surface: &str, atom: Atom, replace: bool) {
        let toks = phrase_tokens(surface);
        let Some((first, rest)) = toks.split_first() else {
            return;
        };
        let list = self.by_first.entry(first.clone()).or_default();
        // Case variants of one entry ("al-Qaeda", "Al-Qaeda" on one line) are one phrase
        // that matches in the most permissive of their cases.
        let case = case_of(surface);
        if let Some(e) = list
            .iter_mut()
            .find(|e| e.rest == rest && e.atom.source == atom.source && e.atom.kind == atom.kind)
        {
            e.case = permissive(e.case, case);
            return;
        }
        if replace {
            list.retain(|e| {
                e.rest != rest
                    || std::mem::discriminant(&e.atom.kind) != std::mem::discriminant(&atom.kind)
            });
        }
        list.push(Entry {
            rest: rest.to_vec(),
            case,
            atom,
        });
    }

    /// Removes every entry of a phrase (a user file's `-` marker).
    pub fn remove(&mut self, surface: &str) {
        let toks = phrase_tokens(surface);
        let Some((first, rest)) = toks.split_first() else {
            return;
        };
        if let Some(list) = self.by_first.get_mut(first) {
            list.retain(|e| e.rest != rest);
        }
    }

    /// Number of phrases.
    pub fn len(&self) -> usize {
        self.by_first.values().map(Vec::len).sum()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }

    /// Every atom whose phrase starts at `tokens[i]`, with the number of tokens it covers,
    /// longest first.
    pub fn matches_at<'a>(
        &'a self,
        text: &str,
        tokens: &[Token],
        i: usize,
    ) -> Vec<(usize, &'a Atom)> {
        let mut out = Vec::new();
        let Some(list) = self.by_first.get(&tokens[i].norm) else {
            return out;
        };
        for e in list {
            let n = 1 + e.rest.len();
            if i + n > tokens.len() {
                continue;
            }
            if !e
                .rest
                .iter()
                .zip(&tokens[i + 1..i + n])
                .all(|(w, t)| *w == t.norm)
            {
                continue;
            }
            let surface = &text[tokens[i].span.start..tokens[i].span.end];
            let ok = match e.case {
                Case::Any => true,
                Case::Cap => tokens[i].cap,
                Case::Upper => surface
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(|c| c.is_uppercase()),
            };
            if ok {
                out.push((n, &e.atom));
            }
        }
        out.sort_by_key(|a| std::cmp::Reverse(a.0));
        out
    }

    /// Looks a whole phrase up (for `dyad actor` and tests).
    pub fn lookup(&self, phrase: &str) -> Vec<&Atom> {
        let toks = phrase_tokens(&normalize(phrase));
        let Some((first, rest)) = toks.split_first() else {
            return vec![];
        };
        self.by_first
            .get(first)
            .map(|l| {
                l.iter()
                    .filter(|e| e.rest == rest)
                    .map(|e| &e.atom)
                    .collect()
            })
            .unwrap_or_default()
    }
}
