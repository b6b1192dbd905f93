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

use std::collections::HashSet;
use std::io::Read;

use crate::gazetteer::{Entry, Gazetteer};
use crate::Error;

static BUILTIN: &[u8] = include_bytes!("../../../data/geo/gazetteer.tsv.gz");
static REGIONS: &str = include_str!("../../../data/geo/regions.tsv");
static ALIASES: &str = include_str!("../../../data/geo/aliases.tsv");
static DEMONYMS: &str = include_str!("../../../data/geo/demonyms.tsv");
static COMMON: &str = include_str!("../../../data/geo/common_words.txt");

fn parse_cc(g: &Gazetteer, s: &str) -> [u8; 2] {
    g.alpha2_of(s).unwrap_or([0, 0])
}

impl Gazetteer {
    /// The embedded gazetteer: GeoNames countries, first-level regions and places of 5,000+
    /// people (with alternate names), plus the project's news regions, aliases and demonyms.
    pub fn builtin() -> Gazetteer {
        let mut g = Gazetteer::default();
        let mut raw = String::new();
        // The embedded file is checked by tests; a failure here would leave an empty gazetteer.
        if flate2::read::GzDecoder::new(BUILTIN)
            .read_to_string(&mut raw)
            .is_ok()
        {
            g.load_builtin(&raw);
        }
        let _ = g.add_tsv_noindex(REGIONS);
        g.apply_aliases(ALIASES, false);
        g.apply_aliases(DEMONYMS, true);
        for w in COMMON.lines().filter(|l| !l.starts_with('#')) {
            g.common.insert(crate::text::key_hash(w));
        }
        g.reindex();
        g
    }

    fn load_builtin(&mut self, raw: &str) {
        for line in raw.lines() {
            let f: Vec<&str> = line.split('\t').collect();
            if f.first() == Some(&"@") && f.len() >= 3 {
                let (a, b) = (f[1].as_bytes(), f[2].as_bytes());
                if a.len() == 2 && b.len() == 3 {
                    self.alpha3.insert([a[0], a[1]], [b[0], b[1], b[2]]);
                    self.alpha2.insert([b[0], b[1], b[2]], [a[0], a[1]]);
                }
                continue;
            }
            if f.len() < 11 {
                continue;
            }
            let code = self.intern_code(f[3]);
            let admin1 = self.intern_a1(f[5]);
            let cc = f[4].as_bytes();
            let id = self.push(Entry {
                name: f[1].into(),
                alts: f[9].into(),
                lat: f[6].parse().unwrap_or(0.0),
                lon: f[7].parse().unwrap_or(0.0),
                pop: f[8].parse().unwrap_or(0),
                gid: f[0].parse().unwrap_or(0),
                class: f[2].bytes().next().unwrap_or(b'P'),
                code,
                cc: if cc.len() == 2 {
                    [cc[0], cc[1]]
                } else {
                    [0, 0]
                },
                admin1,
            });
            for d in f[10].split('|').filter(|d| !d.is_empty()) {
                self.pending_demonyms.push((d.to_string(), id));
            }
        }
    }

    /// Resolves an alias target: `#GEONAMEID`, `CC.ADMIN1`, or a country code.
    fn target(&mut self, t: &str) -> Option<u32> {
        self.reindex_tables_if_needed();
        if let Some(id) = t.strip_prefix('#') {
            let gid: u64 = id.parse().ok()?;
            return self
                .entries
                .iter()
                .position(|e| e.gid == gid)
                .map(|i| i as u32);
        }
        if let Some(name) = t.strip_prefix('=') {
            return self
                .entries
                .iter()
                .position(|e| &*e.name == name)
                .map(|i| i as u32);
        }
        if let Some((cc, a1)) = t.split_once('.') {
            let cc = self.alpha2_of(cc)?;
            let a1 = *self.a1_ids.get(a1)?;
            return self.admin1s.get(&(cc, a1)).copied();
        }
        let cc = self.alpha2_of(t)?;
        self.countries.get(&cc).copied()
    }

    fn reindex_tables_if_needed(&mut self) {
        if self.countries.is_empty() && !self.entries.is_empty() {
            self.rebuild_tables();
        }
    }

    /// `alias<TAB>target` lines: adds alternate names (or demonyms) to existing entries.
    fn apply_aliases(&mut self, content: &str, demonym: bool) {
        for line in content.lines() {
            let line = line.trim_end_matches('\r');
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let Some((alias, target)) = line.split_once('\t') else {
                continue;
            };
            let Some(id) = self.target(target.trim()) else {
                continue;
            };
            let alias = alias.trim();
            if demonym {
                self.pending_demonyms.push((alias.to_string(), id));
            } else if alias.ends_with('.') && !alias[..alias.len() - 1].contains('.') {
                self.abbrevs.push((crate::text::key_hash(alias), id));
            } else if let Some(e) = self.entries.get_mut(id as usize) {
                let mut alts = e.alts.to_string();
                if !alts.is_empty() {
                    alts.push('|');
                }
                alts.push_str(alias);
                e.alts = alts.into();
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
                name: get(0).into(),
                alts: get(6).into(),
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
    /// columns). Places whose GeoNames id is already present are skipped. Returns how many
    /// were added.
    pub fn add_geonames(&mut self, content: &str) -> Result<usize, Error> {
        let have: HashSet<u64> = self.entries.iter().map(|e| e.gid).collect();
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
            if have.contains(&gid) {
                continue;
            }
            let lat: f32 = f[4].parse().map_err(|_| bad("bad latitude"))?;
            let lon: f32 = f[5].parse().map_err(|_| bad("bad longitude"))?;
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
                name: f[1].into(),
                alts: alts.into(),
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
