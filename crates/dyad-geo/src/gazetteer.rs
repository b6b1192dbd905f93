//! The gazetteer: entries (one per place) and a hash index from name keys to entries.
//!
//! Entries live in one `Vec`; the name index is a sorted `Vec<(key hash, entry id)>` searched
//! by binary search, so loading costs one sort and no per-name allocation. Country codes,
//! feature codes and admin1 codes are interned. Demonyms ("Belarusian" → Belarus) have an
//! index of their own, so that recognition can tell them apart from place names.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::text::key_hash;

/// Flag on index ids: the name is an alternate name (not the primary name or an alias).
pub(crate) const ALT: u32 = 1 << 31;

/// Flag on index ids: the name is an alias from `data/geo/aliases.tsv`.
pub(crate) const ALIAS: u32 = 1 << 30;

/// Alternate names are indexed only for places of at least this population (and for all
/// countries, regions and other non-populated-place features).
const ALT_MIN_POP: u64 = 15_000;

/// Entry ids of index hits, without the flag, deduplicated.
pub(crate) fn ids_of(hits: &[(u64, u32)]) -> Vec<u32> {
    let mut v: Vec<u32> = hits.iter().map(|h| h.1 & !(ALT | ALIAS)).collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// True when some hit is an alias.
pub(crate) fn any_alias(hits: &[(u64, u32)]) -> bool {
    hits.iter().any(|h| h.1 & ALIAS != 0)
}

/// True when some hit is a primary name or alias.
pub(crate) fn any_primary(hits: &[(u64, u32)]) -> bool {
    hits.iter().any(|h| h.1 & ALT == 0)
}

/// Merges two sorted pair lists, dropping duplicates.
fn merge_sorted(a: Vec<(u64, u32)>, b: Vec<(u64, u32)>) -> Vec<(u64, u32)> {
    if b.is_empty() {
        return a;
    }
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        let take_a = j >= b.len() || (i < a.len() && a[i] <= b[j]);
        let x = if take_a { a[i] } else { b[j] };
        if take_a {
            i += 1;
        } else {
            j += 1;
        }
        if out.last() != Some(&x) {
            out.push(x);
        }
    }
    out
}

/// One place of the gazetteer.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub name: Cow<'static, str>,
    /// Alternate names, `|`-separated.
    pub alts: Cow<'static, str>,
    pub lat: f32,
    pub lon: f32,
    pub pop: u64,
    /// GeoNames id, 0 when unknown.
    pub gid: u64,
    /// GeoNames feature class letter (A, P, L, H, T, S, R, U, V).
    pub class: u8,
    /// Interned feature code ("PCLI", "ADM1", "PPLC", ...).
    pub code: u16,
    /// ISO alpha-2 country code, `[0, 0]` when none.
    pub cc: [u8; 2],
    /// Interned admin1 code ("" when none).
    pub admin1: u16,
}

/// An embedded or user-extended gazetteer. `Send + Sync`; build it once and share it.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    pub(crate) entries: Vec<Entry>,
    pub(crate) index: Vec<(u64, u32)>,
    pub(crate) demonyms: Vec<(u64, u32)>,
    pub(crate) pending_demonyms: Vec<(String, u32)>,
    pub(crate) codes: Vec<Box<str>>,
    pub(crate) code_ids: HashMap<Box<str>, u16>,
    pub(crate) a1_codes: Vec<Box<str>>,
    pub(crate) a1_ids: HashMap<Box<str>, u16>,
    pub(crate) alpha3: HashMap<[u8; 2], [u8; 3]>,
    pub(crate) alpha2: HashMap<[u8; 3], [u8; 2]>,
    pub(crate) countries: HashMap<[u8; 2], u32>,
    pub(crate) admin1s: HashMap<([u8; 2], u16), u32>,
    /// Sorted hashes of lowercase English words.
    pub(crate) common: Vec<u64>,
    /// Aliases from `data/geo/aliases.tsv`: indexed like primary names.
    pub(crate) aliases: Vec<(Box<str>, u32)>,
    /// Abbreviations that need their period in the text ("Ky." → Kentucky), sorted.
    pub(crate) abbrevs: Vec<(u64, u32)>,
    pub(crate) max_tokens: usize,
    /// One bit per hash bucket of the name index: most lookups miss, and a miss then costs
    /// one memory access instead of a binary search.
    pub(crate) filter: Vec<u64>,
}

const FILTER_BITS: u32 = 23;

fn filter_bit(h: u64) -> (usize, u64) {
    let b = (h >> (64 - FILTER_BITS)) as usize;
    (b / 64, 1u64 << (b % 64))
}

impl Gazetteer {
    /// Number of places.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the gazetteer holds no place.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub(crate) fn intern_code(&mut self, code: &str) -> u16 {
        if let Some(&i) = self.code_ids.get(code) {
            return i;
        }
        let i = self.codes.len() as u16;
        self.codes.push(code.into());
        self.code_ids.insert(code.into(), i);
        i
    }

    pub(crate) fn intern_a1(&mut self, a1: &str) -> u16 {
        if self.a1_codes.is_empty() {
            self.a1_codes.push("".into());
            self.a1_ids.insert("".into(), 0);
        }
        if let Some(&i) = self.a1_ids.get(a1) {
            return i;
        }
        let i = self.a1_codes.len().min(u16::MAX as usize) as u16;
        self.a1_codes.push(a1.into());
        self.a1_ids.insert(a1.into(), i);
        i
    }

    pub(crate) fn code(&self, e: &Entry) -> &str {
        self.codes.get(e.code as usize).map_or("", |s| s)
    }

    /// The US state with this postal code ("KY"): GeoNames' US admin1 codes are the postal
    /// codes.
    pub(crate) fn us_state(&self, code: &str) -> Option<u32> {
        let a1 = *self.a1_ids.get(code)?;
        self.admin1s.get(&(*b"US", a1)).copied()
    }

    pub(crate) fn admin1(&self, e: &Entry) -> &str {
        self.a1_codes.get(e.admin1 as usize).map_or("", |s| s)
    }

    /// ISO alpha-3 for an alpha-2 code (falls back to the alpha-2 letters when unknown).
    pub(crate) fn alpha3_of(&self, cc: [u8; 2]) -> Option<String> {
        if cc == [0, 0] {
            return None;
        }
        Some(match self.alpha3.get(&cc) {
            Some(a3) => String::from_utf8_lossy(a3).into_owned(),
            None => String::from_utf8_lossy(&cc).into_owned(),
        })
    }

    /// Alpha-2 code for a 2- or 3-letter country code.
    pub(crate) fn alpha2_of(&self, code: &str) -> Option<[u8; 2]> {
        let up = code.trim().to_ascii_uppercase();
        let b = up.as_bytes();
        match b.len() {
            2 => Some([b[0], b[1]]),
            3 => self.alpha2.get(&[b[0], b[1], b[2]]).copied(),
            _ => None,
        }
    }

    /// Adds an entry; the index is rebuilt by [`Gazetteer::reindex`].
    pub(crate) fn push(&mut self, e: Entry) -> u32 {
        let id = self.entries.len() as u32;
        self.entries.push(e);
        id
    }

    /// Rebuilds the name index, the country and admin1 tables and the demonym index.
    pub(crate) fn reindex(&mut self) {
        self.index.clear();
        self.max_tokens = 1;
        self.extend_index(0);
    }

    /// Adds the names of entries `from..` and all aliases to the index, then rebuilds the
    /// country, admin1 and demonym tables.
    pub(crate) fn extend_index(&mut self, from: usize) {
        let old = std::mem::take(&mut self.index);
        let mut index = Vec::new();
        let mut max_tokens = self.max_tokens;
        let mut add = |n: &str, id: u32, index: &mut Vec<(u64, u32)>| {
            let k = crate::text::key(n);
            if !k.is_empty() {
                max_tokens = max_tokens.max(k.split(' ').count());
                index.push((crate::text::hash(&k), id));
            }
        };
        for (id, e) in self.entries.iter().enumerate().skip(from) {
            let id = id as u32;
            add(&e.name, id, &mut index);
            // Alternate names of small places are mostly old names and surnames: left out.
            if e.pop >= ALT_MIN_POP || e.class != b'P' {
                for n in e.alts.split('|').filter(|n| !n.is_empty()) {
                    add(n, id | ALT, &mut index);
                }
            }
        }
        for (n, id) in &self.aliases {
            add(n, *id | ALIAS, &mut index);
        }
        index.sort_unstable();
        self.index = merge_sorted(old, index);
        let mut filter = vec![0u64; 1 << (FILTER_BITS - 6)];
        for &(h, _) in &self.index {
            let (w, bit) = filter_bit(h);
            filter[w] |= bit;
        }
        self.filter = filter;
        self.max_tokens = max_tokens.min(8);
        self.rebuild_tables();
        let mut dem: Vec<(u64, u32)> = self
            .pending_demonyms
            .iter()
            .map(|(n, id)| (key_hash(n), *id))
            .collect();
        dem.sort_unstable();
        dem.dedup();
        self.demonyms = dem;
        self.abbrevs.sort_unstable();
        self.abbrevs.dedup();
    }

    /// Rebuilds the country and admin1 tables.
    pub(crate) fn rebuild_tables(&mut self) {
        self.countries.clear();
        self.admin1s.clear();
        let country_codes: Vec<bool> = self
            .codes
            .iter()
            .map(|c| matches!(&**c, "PCLI" | "PCLD" | "PCLS" | "PCLF" | "PCL"))
            .collect();
        let adm1 = self.code_ids.get("ADM1").copied();
        for (id, e) in self.entries.iter().enumerate() {
            if e.class != b'A' {
                continue;
            }
            if country_codes.get(e.code as usize).copied().unwrap_or(false) {
                let better = match self.countries.get(&e.cc) {
                    Some(&o) => self.entries[o as usize].pop < e.pop,
                    None => true,
                };
                if better {
                    self.countries.insert(e.cc, id as u32);
                }
            } else if Some(e.code) == adm1 {
                self.admin1s.insert((e.cc, e.admin1), id as u32);
            }
        }
    }

    /// Entry ids whose name or alternate name has the key hash `h`.
    pub(crate) fn lookup(&self, h: u64) -> &[(u64, u32)] {
        let (w, bit) = filter_bit(h);
        if self.filter.get(w).is_some_and(|x| x & bit == 0) {
            return &[];
        }
        let lo = self.index.partition_point(|&(k, _)| k < h);
        let hi = lo + self.index[lo..].partition_point(|&(k, _)| k == h);
        &self.index[lo..hi]
    }

    /// Entry ids for an abbreviation key hash (the text must show the period).
    pub(crate) fn lookup_abbrev(&self, h: u64) -> &[(u64, u32)] {
        let lo = self.abbrevs.partition_point(|&(k, _)| k < h);
        let hi = lo + self.abbrevs[lo..].partition_point(|&(k, _)| k == h);
        &self.abbrevs[lo..hi]
    }

    /// Entry ids of countries for which `h` is a demonym.
    pub(crate) fn lookup_demonym(&self, h: u64) -> &[(u64, u32)] {
        let lo = self.demonyms.partition_point(|&(k, _)| k < h);
        let hi = lo + self.demonyms[lo..].partition_point(|&(k, _)| k == h);
        &self.demonyms[lo..hi]
    }

    /// True when the key hash names a common English word (e.g. "reading", "mobile").
    pub(crate) fn is_common(&self, h: u64) -> bool {
        self.common.binary_search(&h).is_ok()
    }
}
