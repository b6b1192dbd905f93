//! Disambiguation: choose one gazetteer entry per mention.
//!
//! Each candidate is scored by
//! - its prominence: log population, plus a bonus by feature (country, continent, first-level
//!   region, capital, named region);
//! - the document's country and region focus: votes cast by the *other* mentions (country
//!   names, first-level regions, demonyms, unambiguous cities), the dateline and the caller's
//!   hint countries;
//! - containment: "Paris, Texas" keeps only the Paris inside Texas;
//! - coherence: other names of the story with a reading within 150 km (`coherence.rs`);
//! - proximity to the places the other mentions resolved to (a second pass).

use std::collections::HashMap;

use crate::load::Fnv;

use crate::gazetteer::{Entry, Gazetteer};
use crate::recognize::Mention;
use crate::Hints;

type Cc = [u8; 2];

/// Great-circle distance in km.
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().min(1.0).asin()
}

fn dist(a: &Entry, b: &Entry) -> f64 {
    // A degree of latitude is at least 111 km of arc, so pairs more than two degrees apart
    // are more than 150 km apart (the only distance callers compare with): skip the
    // trigonometry and return that lower bound.
    let dlat = (a.lat - b.lat).abs();
    if dlat > 2.0 {
        return f64::from(dlat) * 111.0;
    }
    haversine_km(a.lat.into(), a.lon.into(), b.lat.into(), b.lon.into())
}

pub(crate) fn is_country(gaz: &Gazetteer, e: &Entry) -> bool {
    // Byte comparisons: this runs for every candidate several times per document.
    matches!(gaz.code(e).as_bytes(), [b'P', b'C', b'L', ..])
}

fn is_adm1(gaz: &Gazetteer, e: &Entry) -> bool {
    matches!(gaz.code(e).as_bytes(), [b'A', b'D', b'M', b'1'])
}

#[derive(Default)]
struct Votes {
    cc: HashMap<Cc, f32, Fnv>,
    a1: HashMap<(Cc, u16), f32, Fnv>,
}

impl Votes {
    fn add(&mut self, own: &mut Vec<(Cc, Option<u16>, f32)>, cc: Cc, a1: Option<u16>, w: f32) {
        if cc == [0, 0] {
            return;
        }
        *self.cc.entry(cc).or_default() += w;
        if let Some(a) = a1 {
            *self.a1.entry((cc, a)).or_default() += w;
        }
        own.push((cc, a1, w));
    }
}

/// "X, Y": keeps the candidates of X that lie inside a country or region candidate of Y.
fn containment(gaz: &Gazetteer, text: &str, ms: &mut [Mention]) {
    for m in 0..ms.len().saturating_sub(1) {
        let gap = text.get(ms[m].end..ms[m + 1].start).unwrap_or("");
        if gap.trim() != "," || ms[m].demonym || ms[m + 1].demonym {
            continue;
        }
        let outer: Vec<u32> = ms[m + 1]
            .ids
            .iter()
            .copied()
            .filter(|&c| {
                let e = &gaz.entries[c as usize];
                is_country(gaz, e) || is_adm1(gaz, e)
            })
            .collect();
        let inside = |id: u32, c: u32| {
            let (e, o) = (&gaz.entries[id as usize], &gaz.entries[c as usize]);
            id != c && e.cc == o.cc && (is_country(gaz, o) || e.admin1 == o.admin1)
        };
        let kept: Vec<u32> = ms[m]
            .ids
            .iter()
            .copied()
            .filter(|&id| outer.iter().any(|&c| inside(id, c)))
            .collect();
        // "in Russia, U.S. officials said": a country's own name before a country is a list,
        // not a town named after the country in it (a first-level region still contains:
        // "Turkey, Texas").
        let inner_key = crate::text::key_hash(text.get(ms[m].start..ms[m].end).unwrap_or(""));
        let names_country = ms[m].ids.iter().any(|&id| {
            let e = &gaz.entries[id as usize];
            is_country(gaz, e) && crate::text::key_hash(&e.name) == inner_key
        });
        if names_country
            && outer
                .iter()
                .all(|&c| is_country(gaz, &gaz.entries[c as usize]))
        {
            continue;
        }
        if !kept.is_empty() {
            let outer_kept: Vec<u32> = outer
                .into_iter()
                .filter(|&c| kept.iter().any(|&id| inside(id, c)))
                .collect();
            ms[m].ids = kept;
            ms[m + 1].ids = outer_kept;
        }
    }
}

fn feature_bonus(gaz: &Gazetteer, e: &Entry) -> f64 {
    match gaz.code(e) {
        c if c.starts_with("PCL") => 6.0,
        "CONT" => 6.0,
        "ADM1" => 1.5,
        "PPLC" => 4.5,
        _ if e.class == b'L' || e.class == b'H' || e.class == b'T' => 4.0,
        _ => 0.0,
    }
}

/// Chooses an entry for each mention (`None` when it has no candidate).
pub(crate) fn choose(
    gaz: &Gazetteer,
    text: &str,
    ms: &mut [Mention],
    hints: &Hints,
) -> Vec<Option<u32>> {
    containment(gaz, text, ms);
    let mut hint_cc: HashMap<Cc, f32, Fnv> = HashMap::default();
    for (i, c) in hints.countries.iter().enumerate() {
        if let Some(cc) = gaz.alpha2_of(c) {
            *hint_cc.entry(cc).or_default() += 2.0 / (i as f32 + 1.0) + 1.0;
        }
    }
    let mut chosen: Vec<Option<u32>> = vec![None; ms.len()];
    let surface_key: Vec<u64> = ms
        .iter()
        .map(|m| {
            let s = text.get(m.start..m.end).unwrap_or("");
            let s = s
                .strip_suffix("'s")
                .or_else(|| s.strip_suffix("’s"))
                .unwrap_or(s);
            crate::text::key_hash(
                s.strip_prefix("the ")
                    .or_else(|| s.strip_prefix("The "))
                    .unwrap_or(s),
            )
        })
        .collect();
    // Per mention and candidate: the surface is the candidate's primary name.
    let primary_name: Vec<Vec<bool>> = ms
        .iter()
        .zip(&surface_key)
        .map(|(men, &k)| {
            men.ids
                .iter()
                .map(|&id| crate::text::key_hash(&gaz.entries[id as usize].name) == k)
                .collect()
        })
        .collect();
    let support = crate::coherence::support(gaz, ms);
    for pass in 0..2 {
        let mut votes = Votes::default();
        let mut own: Vec<Vec<(Cc, Option<u16>, f32)>> = vec![Vec::new(); ms.len()];
        for (m, men) in ms.iter().enumerate() {
            cast(gaz, men, chosen[m], pass, &mut votes, &mut own[m]);
        }
        // Repeated mentions of one name do not confirm each other: a mention's own votes are
        // those of every mention with the same candidates.
        let own = group_votes(ms, own);
        let dl_point: Option<&Entry> = ms
            .iter()
            .zip(&chosen)
            .filter(|(m, _)| m.in_dateline)
            .filter_map(|(_, c)| c.map(|c| &gaz.entries[c as usize]))
            .find(|e| !is_country(gaz, e) && !is_adm1(gaz, e));
        // The previous pass's choices that may vote by proximity: (id or u32::MAX, excluded).
        let prev_pts: Vec<(u32, bool)> = chosen
            .iter()
            .zip(ms.iter())
            .map(|(c, men)| match c {
                Some(c) => (
                    *c,
                    men.demonym || is_country(gaz, &gaz.entries[*c as usize]),
                ),
                None => (u32::MAX, true),
            })
            .collect();
        let any_votes = votes.cc.values().any(|&v| v > 0.0);
        for (m, men) in ms.iter().enumerate() {
            let mut best: Option<(f64, u32)> = None;
            // A country's own name means the country, not a town named after it ("Russia",
            // not Russia, Ohio) nor a capital it is an alternate name of ("Mexico", not Mexico
            // City), unless the text says which town ("Russia, Ohio" keeps only the town; see
            // `containment`).
            let names_country =
                men.ids.iter().enumerate().any(|(ci, &id)| {
                    primary_name[m][ci] && is_country(gaz, &gaz.entries[id as usize])
                });
            for (ci, &id) in men.ids.iter().enumerate() {
                let e = &gaz.entries[id as usize];
                if names_country && e.class == b'P' {
                    continue;
                }
                let mut s = (e.pop as f64 + 1.0).ln() + feature_bonus(gaz, e);
                // The place the name is the primary name of beats places it is an alternate
                // name of ("Mexico" the country, not Mexico City).
                if primary_name[m][ci] {
                    s += 2.0;
                }
                // A city of a million people that names its region is the usual referent
                // ("New York").
                if e.class == b'P'
                    && e.pop >= 1_000_000
                    && men.ids.iter().any(|&o| {
                        let oe = &gaz.entries[o as usize];
                        is_adm1(gaz, oe) && oe.cc == e.cc
                    })
                {
                    s += 5.0;
                }
                let own_cc: f32 = own[m].iter().filter(|o| o.0 == e.cc).map(|o| o.2).sum();
                let v = votes.cc.get(&e.cc).copied().unwrap_or(0.0) - own_cc
                    + hint_cc.get(&e.cc).copied().unwrap_or(0.0);
                if v > 0.01 && e.cc != [0, 0] {
                    s += 4.0 + 2.0 * f64::from(v).ln_1p();
                } else if any_votes && e.class == b'P' {
                    s -= 1.0;
                }
                if !is_country(gaz, e) && e.admin1 != 0 {
                    let own_a1: f32 = own[m]
                        .iter()
                        .filter(|o| o.0 == e.cc && o.1 == Some(e.admin1))
                        .map(|o| o.2)
                        .sum();
                    let va = votes.a1.get(&(e.cc, e.admin1)).copied().unwrap_or(0.0) - own_a1;
                    if va > 0.01 {
                        s += 4.0 + 1.5 * f64::from(va).ln_1p();
                    }
                }
                // Other names of the story with a reading nearby (see `coherence`).
                s += f64::min(1.5 * f64::from(support[m][ci]), 4.5);
                if pass > 0 {
                    if let Some(d) = dl_point {
                        if !men.in_dateline && dist(d, e) < 150.0 {
                            s += 3.0;
                        }
                    }
                    let mut near = 0.0;
                    if e.class == b'P' {
                        for (o, &(c, far)) in prev_pts.iter().enumerate() {
                            if o == m || far || c == u32::MAX || c == id {
                                continue;
                            }
                            if dist(&gaz.entries[c as usize], e) < 150.0 {
                                near += 1.5;
                            }
                        }
                    }
                    s += f64::min(near, 4.5);
                }
                if best.is_none_or(|(bs, _)| s > bs) {
                    best = Some((s, id));
                }
            }
            chosen[m] = best.map(|b| b.1);
        }
    }
    chosen
}

type Own = Vec<(Cc, Option<u16>, f32)>;

/// Pools the own votes of mentions that share their candidate list.
fn group_votes(ms: &[Mention], own: Vec<Own>) -> Vec<Own> {
    // Group mentions by candidate list: sort their indices by it, then pool each run.
    let mut order: Vec<usize> = (0..ms.len()).collect();
    order.sort_by(|&a, &b| ms[a].ids.cmp(&ms[b].ids));
    let mut out: Vec<Own> = vec![Vec::new(); ms.len()];
    let mut s = 0;
    while s < order.len() {
        let mut e = s + 1;
        while e < order.len() && ms[order[e]].ids == ms[order[s]].ids {
            e += 1;
        }
        let pooled: Own = order[s..e]
            .iter()
            .flat_map(|&m| own[m].iter().copied())
            .collect();
        for &m in &order[s..e] {
            out[m] = pooled.clone();
        }
        s = e;
    }
    out
}

/// The focus votes one mention casts.
fn cast(
    gaz: &Gazetteer,
    m: &Mention,
    chosen: Option<u32>,
    pass: usize,
    v: &mut Votes,
    own: &mut Vec<(Cc, Option<u16>, f32)>,
) {
    let weight = if m.in_dateline { 2.0 } else { 1.0 };
    if pass > 0 {
        if let Some(c) = chosen {
            let e = &gaz.entries[c as usize];
            let w = if m.demonym {
                0.5
            } else if is_country(gaz, e) || is_adm1(gaz, e) {
                1.0
            } else {
                0.5
            };
            let a1 = (!is_country(gaz, e) && e.admin1 != 0).then_some(e.admin1);
            v.add(own, e.cc, a1, w * weight);
        }
        return;
    }
    let es: Vec<&Entry> = m.ids.iter().map(|&i| &gaz.entries[i as usize]).collect();
    let top =
        |f: &dyn Fn(&Entry) -> bool| es.iter().copied().filter(|e| f(e)).max_by_key(|e| e.pop);
    if let Some(c) = top(&|e| is_country(gaz, e)) {
        v.add(own, c.cc, None, if m.demonym { 0.5 } else { 1.0 } * weight);
    } else if let Some(a) = top(&|e| is_adm1(gaz, e)) {
        v.add(
            own,
            a.cc,
            Some(a.admin1),
            if m.demonym { 0.5 } else { 1.0 } * weight,
        );
    } else if es.len() == 1 {
        let e = es[0];
        v.add(own, e.cc, (e.admin1 != 0).then_some(e.admin1), 0.3 * weight);
    } else if m.in_dateline {
        if let Some(e) = top(&|_| true) {
            v.add(own, e.cc, (e.admin1 != 0).then_some(e.admin1), 0.5 * weight);
        }
    }
}
