//! Loading: the embedded gazetteer, the project's own region/alias/demonym tables, user TSV
//! files and GeoNames dumps.
//!
//! User TSV format (`Gazetteer::add_tsv`), one place per line, tab-separated, `#` comments:
//!
//! ```text
//! name  lat  lon  country  feature  population  alternate_names  [admin1]  [geonames_id]
//! Donbas  48.0  38.0  UKR  L.RGN  0  Donbass|Donets Basin
//! ```
//!
//! `country` is ISO alpha-2 or alpha-3 (or empty); `feature` is a GeoNames class letter,
//! optionally with a code (`P`, `P.PPL`, `A.ADM1`, `L.RGN`); `alternate_names` are `|`-separated.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::gazetteer::{Entry, Gazetteer};
use crate::Error;

static BUILTIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.bin"));
static WORDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/words.bin"));
static REGIONS: &str = include_str!("../../../data/geo/regions.tsv");
static ALIASES: &str = include_str!("../../../data/geo/aliases.tsv");
static DEMONYMS: &str = include_str!("../../../data/geo/demonyms.tsv");

/// FNV-1a hasher for the one-pass target maps (SipHash is needlessly slow at start-up).
#[derive(Default, Clone, Copy)]
pub(crate) struct Fnv;

impl std::hash::BuildHasher for Fnv {
    type Hasher = FnvHasher;
    fn build_hasher(&self) -> FnvHasher {
        FnvHasher(0xcbf2_9ce4_8422_2325)
    }
}

pub(crate) struct FnvHasher(u64);

impl std::hash::Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

fn parse_cc(g: &Gazetteer, s: &str) -> [u8; 2] {
    g.alpha2_of(s).unwrap_or([0, 0])
}

impl Gazetteer {
    /// The embedded gazetteer: GeoNames countries, first-level regions and places of 5,000+
    /// people (with alternate names), plus the project's news regions, aliases and demonyms.
    pub fn builtin() -> Gazetteer {
        let mut g = Gazetteer::default();
        // The tables are written by build.rs from committed files; tests check they decode.
        let _ = g.decode_builtin(BUILTIN);
        g.common = WORDS
            .chunks_exact(8)
            .map(|c| u64::from_le_bytes(c.try_into().unwrap_or([0; 8])))
            .collect();
        let base = g.entries.len();
        let _ = g.add_tsv_noindex(REGIONS);
        g.apply_aliases(ALIASES, DEMONYMS);
        g.extend_index(base);
        g
    }

    /// Decodes the tables build.rs wrote (layout in build.rs).
    fn decode_builtin(&mut self, blob: &'static [u8]) -> Option<()> {
        let u32_at = |o: usize| {
            blob.get(o..o + 4)
                .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        };
        if blob.get(..8) != Some(b"DYGZ0001".as_slice()) {
            return None;
        }
        let mut lens = [0usize; 8];
        for (i, l) in lens.iter_mut().enumerate() {
            *l = u32_at(8 + 4 * i)? as usize;
        }
        let [n, n_index, max_tokens, s_len, c_len, a_len, i_len, d_len] = lens;
        let mut pos = 40;
        let ent = blob.get(pos..pos + 40 * n)?;
        pos += 40 * n;
        let idx = blob.get(pos..pos + 12 * n_index)?;
        pos += 12 * n_index;
        let mut text = |len: usize| -> Option<&'static str> {
            let s = std::str::from_utf8(blob.get(pos..pos + len)?).ok()?;
            pos += len;
            Some(s)
        };
        let (strings, codes, a1s, iso, dem) = (
            text(s_len)?,
            text(c_len)?,
            text(a_len)?,
            text(i_len)?,
            text(d_len)?,
        );
        for c in codes.split('\n') {
            self.intern_code(c);
        }
        for a in a1s.split('\n') {
            self.intern_a1(a);
        }
        for l in iso.lines() {
            let (a, b) = l.split_once(' ')?;
            let (a, b) = (a.as_bytes(), b.as_bytes());
            if a.len() == 2 && b.len() == 3 {
                self.alpha3.insert([a[0], a[1]], [b[0], b[1], b[2]]);
                self.alpha2.insert([b[0], b[1], b[2]], [a[0], a[1]]);
            }
        }
        self.entries.reserve(n);
        for r in ent.chunks_exact(40) {
            let w = |i: usize| u32::from_le_bytes([r[i], r[i + 1], r[i + 2], r[i + 3]]);
            let str_at = |o: u32, l: u32| strings.get(o as usize..(o + l) as usize).unwrap_or("");
            self.entries.push(Entry {
                name: Cow::Borrowed(str_at(w(16), w(20))),
                alts: Cow::Borrowed(str_at(w(24), w(28))),
                lat: f32::from_bits(w(4)),
                lon: f32::from_bits(w(8)),
                pop: u64::from(w(12)),
                gid: u64::from(w(0)),
                class: r[32],
                code: u16::from(r[33]),
                cc: [r[34], r[35]],
                admin1: u16::from_le_bytes([r[36], r[37]]),
            });
        }
        self.index = idx
            .chunks_exact(12)
            .map(|c| {
                let h = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
                (h, u32::from_le_bytes([c[8], c[9], c[10], c[11]]))
            })
            .collect();
        self.max_tokens = max_tokens;
        for l in dem.lines() {
            let (d, id) = l.split_once('\t')?;
            self.pending_demonyms
                .push((d.to_string(), id.parse().ok()?));
        }
        Some(())
    }

    /// Resolves alias targets: `#GEONAMEID`, `=Exact Name` (the most populous such entry),
    /// `CC.ADMIN1`, or a country code. One pass over the entries for all of them.
    fn targets(&mut self, targets: &[&str]) -> Vec<Option<u32>> {
        if self.countries.is_empty() {
            self.rebuild_tables();
        }
        let mut by_gid: HashMap<u64, Option<u32>, Fnv> = HashMap::default();
        let mut by_name: HashMap<&str, Option<u32>, Fnv> = HashMap::default();
        for t in targets {
            if let Some(g) = t.strip_prefix('#').and_then(|g| g.parse().ok()) {
                by_gid.insert(g, None);
            } else if let Some(n) = t.strip_prefix('=') {
                by_name.insert(n, None);
            }
        }
        for (i, e) in self.entries.iter().enumerate() {
            if let Some(slot) = by_gid.get_mut(&e.gid) {
                slot.get_or_insert(i as u32);
            }
            if let Some(slot) = by_name.get_mut(&*e.name) {
                if slot.is_none_or(|o| self.entries[o as usize].pop < e.pop) {
                    *slot = Some(i as u32);
                }
            }
        }
        targets
            .iter()
            .map(|t| {
                if let Some(g) = t.strip_prefix('#') {
                    return g
                        .parse()
                        .ok()
                        .and_then(|g: u64| by_gid.get(&g).copied().flatten());
                }
                if let Some(n) = t.strip_prefix('=') {
                    return by_name.get(n).copied().flatten();
                }
                if let Some((cc, a1)) = t.split_once('.') {
                    let cc = self.alpha2_of(cc)?;
                    let a1 = *self.a1_ids.get(a1)?;
                    return self.admin1s.get(&(cc, a1)).copied();
                }
                let cc = self.alpha2_of(t)?;
                self.countries.get(&cc).copied()
            })
            .collect()
    }

    /// `alias<TAB>target` lines of the alias and demonym tables: aliases are indexed like
    /// primary names, abbreviations ending in a period go to their own index, demonyms to theirs.
    fn apply_aliases(&mut self, aliases: &str, demonyms: &str) {
        let mut rows: Vec<(&str, &str, bool)> = Vec::new();
        for (content, demonym) in [(aliases, false), (demonyms, true)] {
            for line in content.lines().map(|l| l.trim_end_matches('\r')) {
                if line.starts_with('#') || line.trim().is_empty() {
                    continue;
                }
                if let Some((alias, target)) = line.split_once('\t') {
                    rows.push((alias.trim(), target.trim(), demonym));
                }
            }
        }
        let ids = self.targets(&rows.iter().map(|r| r.1).collect::<Vec<_>>());
        for ((alias, _, demonym), id) in rows.into_iter().zip(ids) {
            let Some(id) = id else { continue };
            if demonym {
                self.pending_demonyms.push((alias.to_string(), id));
            } else if alias.ends_with('.') && !alias[..alias.len() - 1].contains('.') {
                self.abbrevs.push((crate::text::key_hash(alias), id));
            } else {
                self.aliases.push((alias.into(), id));
            }
        }
    }

    /// Adds user places from the TSV format in the module docs; returns how many were added.
    pub fn add_tsv(&mut self, content: &str) -> Result<usize, Error> {
        let n = self.add_tsv_noindex(content)?;
        self.reindex();
        Ok(n)
    }

    fn add_tsv_noindex(&mut self, content: &str) -> Result<usize, Error> {
        let mut n = 0;
        for (i, line) in content.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.starts_with('#') || line.trim().is_empty() || line.starts_with("name\t") {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            let bad = |msg: &str| Error::Parse {
                line: i + 1,
                msg: msg.to_string(),
            };
            if f.len() < 3 {
                return Err(bad("expected at least name, lat, lon"));
            }
            let lat: f32 = f[1].trim().parse().map_err(|_| bad("bad latitude"))?;
            let lon: f32 = f[2].trim().parse().map_err(|_| bad("bad longitude"))?;
            if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
                return Err(bad("coordinates out of range"));
            }
            let get = |k: usize| f.get(k).map_or("", |s| s.trim());
            let cc = parse_cc(self, get(3));
            let (class, code) = match get(4).split_once('.') {
                Some((c, code)) => (c, code),
                None => (get(4), ""),
            };
            let class = class.bytes().next().unwrap_or(b'L');
            let code = self.intern_code(code);
            let admin1 = self.intern_a1(get(7));
            self.push(Entry {
                name: Cow::Owned(get(0).to_string()),
                alts: Cow::Owned(get(6).to_string()),
                lat,
                lon,
                pop: get(5).parse().unwrap_or(0),
                gid: get(8).parse().unwrap_or(0),
                class,
                code,
                cc,
                admin1,
            });
            n += 1;
        }
        Ok(n)
    }

    /// Adds the places of a GeoNames dump (`allCountries.txt`, `citiesNNN.txt`: 19 tab-separated
    /// columns). Places whose GeoNames id is already present are not added again but take the
    /// dump's coordinates (GeoNames' own reference points for countries and regions). Returns
    /// how many were added.
    pub fn add_geonames(&mut self, content: &str) -> Result<usize, Error> {
        let have: HashMap<u64, usize> = self
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.gid != 0)
            .map(|(i, e)| (e.gid, i))
            .collect();
        let mut n = 0;
        for (i, line) in content.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.trim_end_matches('\r').split('\t').collect();
            let bad = |msg: &str| Error::Parse {
                line: i + 1,
                msg: msg.to_string(),
            };
            if f.len() < 15 {
                return Err(bad("expected 19 GeoNames columns"));
            }
            let gid: u64 = f[0].parse().map_err(|_| bad("bad geonameid"))?;
            let lat: f32 = f[4].parse().map_err(|_| bad("bad latitude"))?;
            let lon: f32 = f[5].parse().map_err(|_| bad("bad longitude"))?;
            if let Some(&i) = have.get(&gid) {
                // The dump is authoritative for places already present: take its point.
                let e = &mut self.entries[i];
                e.lat = lat;
                e.lon = lon;
                continue;
            }
            let alts: Vec<&str> = f[3]
                .split(',')
                .filter(|a| a.len() > 2 && a.bytes().any(|b| b.is_ascii_alphabetic()))
                .collect();
            let mut alts = alts.join("|");
            if f[2] != f[1] && !f[2].is_empty() {
                alts = if alts.is_empty() {
                    f[2].to_string()
                } else {
                    format!("{}|{alts}", f[2])
                };
            }
            let code = self.intern_code(f[7]);
            let admin1 = self.intern_a1(f[10]);
            let cc = f[8].as_bytes();
            self.push(Entry {
                name: Cow::Owned(f[1].to_string()),
                alts: Cow::Owned(alts),
                lat,
                lon,
                pop: f[14].parse().unwrap_or(0),
                gid,
                class: f[6].bytes().next().unwrap_or(b'P'),
                code,
                cc: if cc.len() == 2 {
                    [cc[0], cc[1]]
                } else {
                    [0, 0]
                },
                admin1,
            });
            n += 1;
        }
        self.reindex();
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_tables_decode_and_match_a_full_reindex() {
        let g = Gazetteer::builtin();
        assert!(g.len() > 150_000 && g.common.len() > 50_000 && g.countries.len() > 200);
        let mut h = g.clone();
        h.reindex();
        assert_eq!(
            g.index, h.index,
            "build.rs index differs from the runtime one"
        );
        assert_eq!(g.max_tokens, h.max_tokens);
    }
}
