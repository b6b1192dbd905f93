//! Spatial coherence of candidates: places named in one story tend to lie near each other.
//!
//! For each candidate of each mention, [`support`] counts the *other* names of the document
//! (mentions with a different candidate list) that have some local candidate (a populated
//! place, second-level division or spot, not a country or first-level region, which the
//! focus votes already cover) within [`NEAR_KM`]. "Edmonton" next to "Enfield" is then the
//! Edmonton in north London, not the Canadian city, before either is chosen: the chosen-point
//! proximity of the second pass cannot find that pair, since each name's most populous reading
//! lies on another continent.
//!
//! Candidates are swept in latitude order, so only pairs within 1.4 degrees of latitude are
//! measured.

use crate::disambiguate::{haversine_km, is_country};
use crate::gazetteer::{Entry, Gazetteer};
use crate::recognize::Mention;

/// Distance within which two candidates support each other.
pub(crate) const NEAR_KM: f64 = 150.0;

/// Names with more candidates than this lend no support: "Crescent" or "Springfield" has a
/// reading near almost anything.
const MAX_CANDIDATES: usize = 12;

/// A candidate gets support only if its population is at least this fraction of the name's
/// most populous reading.
const MAX_POP_RATIO: u64 = 30;

fn local(gaz: &Gazetteer, e: &Entry) -> bool {
    match e.class {
        b'P' | b'S' | b'R' | b'V' | b'U' => true,
        b'A' => !is_country(gaz, e) && gaz.code(e) != "ADM1",
        _ => false,
    }
}

/// Per mention and candidate (same order as `Mention::ids`): the number of other names of the
/// document with a local candidate within [`NEAR_KM`].
pub(crate) fn support(gaz: &Gazetteer, ms: &[Mention]) -> Vec<Vec<u16>> {
    // Name groups: mentions with identical candidate lists are one name.
    let mut order: Vec<usize> = (0..ms.len()).collect();
    order.sort_by(|&a, &b| ms[a].ids.cmp(&ms[b].ids));
    let mut group = vec![0usize; ms.len()];
    let mut g = 0;
    for (k, &m) in order.iter().enumerate() {
        if k > 0 && ms[m].ids != ms[order[k - 1]].ids {
            g += 1;
        }
        group[m] = g;
    }
    // Local candidates of the names that may lend support: (lat, lon, group).
    let mut pts: Vec<(f32, f32, usize)> = Vec::new();
    let mut seen_group = vec![false; g + 1];
    for (m, men) in ms.iter().enumerate() {
        if seen_group[group[m]] || men.demonym || men.ids.len() > MAX_CANDIDATES {
            continue;
        }
        seen_group[group[m]] = true;
        for &id in &men.ids {
            let e = &gaz.entries[id as usize];
            if local(gaz, e) {
                pts.push((e.lat, e.lon, group[m]));
            }
        }
    }
    pts.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut hits: Vec<usize> = Vec::new();
    ms.iter()
        .enumerate()
        .map(|(m, men)| {
            let max_pop = men
                .ids
                .iter()
                .map(|&id| gaz.entries[id as usize].pop)
                .max()
                .unwrap_or(0);
            men.ids
                .iter()
                .map(|&id| {
                    let e = &gaz.entries[id as usize];
                    // Support decides between readings of comparable size, never for a
                    // village against a capital of the same name.
                    let minor = e.pop.saturating_mul(MAX_POP_RATIO) < max_pop;
                    if men.demonym || minor || !local(gaz, e) || pts.is_empty() {
                        return 0;
                    }
                    hits.clear();
                    let lo = pts.partition_point(|p| p.0 < e.lat - 1.4);
                    for p in pts[lo..].iter().take_while(|p| p.0 <= e.lat + 1.4) {
                        if p.2 == group[m] || hits.contains(&p.2) {
                            continue;
                        }
                        let d = haversine_km(e.lat.into(), e.lon.into(), p.0.into(), p.1.into());
                        if d < NEAR_KM {
                            hits.push(p.2);
                        }
                    }
                    hits.len().min(usize::from(u16::MAX)) as u16
                })
                .collect()
        })
        .collect()
}
