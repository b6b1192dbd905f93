//! The public entry points: [`find_places`], [`find_places_with`] and [`resolve`].

use crate::disambiguate::{choose, is_country};
use crate::gazetteer::Gazetteer;
use crate::recognize::{lookup_key, mentions, Hit, Mention};
use crate::text::{hash, key, key_hash, tokenize};
use crate::words::{has_ci, GENERIC_HEAD};
use crate::{dateline, Hints, Place};

/// Options of [`find_places_with`].
#[derive(Debug, Clone, Copy, Default)]
pub struct FindOptions {
    /// Also return demonyms ("Syrian" → Syria), marked `demonym: true`.
    pub demonyms: bool,
}

fn place(gaz: &Gazetteer, m: &Mention, id: u32) -> Place {
    let e = &gaz.entries[id as usize];
    let admin1 = if e.admin1 != 0 && !is_country(gaz, e) {
        match gaz.admin1s.get(&(e.cc, e.admin1)) {
            Some(&a) => Some(gaz.entries[a as usize].name.to_string()),
            None => Some(gaz.admin1(e).to_string()),
        }
    } else {
        None
    };
    Place {
        start: m.start,
        end: m.end,
        name: e.name.to_string(),
        country: gaz.alpha3_of(e.cc),
        admin1,
        lat: f64::from(e.lat),
        lon: f64::from(e.lon),
        geonames_id: (e.gid != 0).then_some(e.gid),
        feature_class: (e.class as char).to_string(),
        feature_code: gaz.code(e).to_string(),
        population: e.pop,
        in_dateline: m.in_dateline,
        demonym: m.demonym,
    }
}

/// Finds and resolves the place names of `text`, sorted by start. Demonyms are left out.
pub fn find_places(gaz: &Gazetteer, text: &str, hints: &Hints) -> Vec<Place> {
    find_places_with(gaz, text, hints, &FindOptions::default())
}

/// [`find_places`] with options.
pub fn find_places_with(
    gaz: &Gazetteer,
    text: &str,
    hints: &Hints,
    opts: &FindOptions,
) -> Vec<Place> {
    let toks = tokenize(text);
    let dl = dateline(text);
    let mut ms = mentions(gaz, text, &toks, hints, dl);
    let mut unl = crate::unlisted::unlisted(text, &toks, &ms);
    unl.retain(|u| !hints.exclude.iter().any(|&(a, b)| u.start < b && a < u.end));
    if !unl.is_empty() {
        ms.append(&mut unl);
        ms.sort_by_key(|m| m.start);
    }
    let mut chosen = choose(gaz, text, &mut ms, hints);
    let focus = focus(gaz, &ms, &chosen);
    let idx: Vec<usize> = (0..ms.len()).collect();
    stray_villages(gaz, &ms, &mut chosen, &idx, focus);
    apply_anchors(gaz, text, &ms, &mut chosen, &idx, focus);
    ms.iter()
        .zip(chosen)
        .filter(|(m, _)| opts.demonyms || !m.demonym)
        .filter_map(|(m, c)| match (c, m.ids.is_empty()) {
            (Some(c), false) => Some(place(gaz, m, c)),
            // An unlisted place ("the town of Qatraneh"): its own name at its anchor's or
            // the focus's point, with no GeoNames id.
            (c, true) => c.or(focus).map(|c| Place {
                name: text[m.start..m.end].to_string(),
                geonames_id: None,
                feature_class: crate::unlisted::feature_class(text, m.start, m.end).to_string(),
                feature_code: String::new(),
                population: 0,
                ..place(gaz, m, c)
            }),
            (None, false) => None,
        })
        .collect()
}

/// Candidates for a given span: the whole span, then its longest sub-sequence of words that
/// names a place or a demonym ("northern Syria" → Syria, "Edmonton police" → Edmonton).
fn span_candidates(gaz: &Gazetteer, text: &str, a: usize, b: usize) -> (Vec<u32>, bool, bool) {
    let span = &text[a..b];
    let mut s = span.trim();
    for p in ["the ", "The "] {
        s = s.strip_prefix(p).unwrap_or(s);
    }
    for suf in ["'s", "’s", "'"] {
        s = s.strip_suffix(suf).unwrap_or(s);
    }
    let period = s.ends_with('.') || text[b..].starts_with('.');
    if let Some(mut hit) = lookup_key(gaz, key_hash(s), period) {
        // "Karak district": also the readings of "Karak".
        if let Some((head, last)) = s.rsplit_once(' ') {
            if has_ci(GENERIC_HEAD, last) {
                if let Some(sub) = lookup_key(gaz, key_hash(head), false) {
                    if sub.demonym == hit.demonym {
                        hit.ids.extend(sub.ids);
                        hit.ids.sort_unstable();
                        hit.ids.dedup();
                    }
                }
            }
        }
        return (hit.ids, hit.demonym, false);
    }
    // Sub-spans: skip function, direction and facility words; prefer the larger feature.
    // Hyphens split words here ("Montreal-Pierre Elliott Trudeau International Airport").
    let spaced = span.replace('-', " ");
    let span = spaced.as_str();
    let toks = tokenize(span);
    for len in (1..toks.len()).rev() {
        let mut best: Option<(u64, Hit)> = None;
        for i in 0..=toks.len() - len {
            let sub = &span[toks[i].start..toks[i + len - 1].end];
            if !sub.chars().next().is_some_and(char::is_uppercase) || !usable_subspan(gaz, sub) {
                continue;
            }
            if let Some(hit) = lookup_key(gaz, key_hash(sub), false) {
                let w = hit.ids.iter().map(|&x| weight(gaz, x)).max().unwrap_or(0);
                if best.as_ref().is_none_or(|b| w > b.0) {
                    best = Some((w, hit));
                }
            }
        }
        if let Some((_, hit)) = best {
            return (hit.ids, hit.demonym, true);
        }
    }
    (Vec::new(), false, false)
}

fn usable_subspan(gaz: &Gazetteer, sub: &str) -> bool {
    let k = key(sub);
    !crate::recognize::is_stop_or_direction(&k) && !gaz.is_common(hash(&k))
}

fn weight(gaz: &Gazetteer, id: u32) -> u64 {
    let e = &gaz.entries[id as usize];
    if is_country(gaz, e) || gaz.code(e) == "ADM1" {
        u64::MAX
    } else {
        e.pop
    }
}

/// Resolves given spans (e.g. gold toponyms) in `text`. The rest of the text is parsed for
/// context. A span with no gazetteer match falls back to the document's focus place (the
/// dateline place, else the most mentioned place), since an unknown place in a story is most
/// likely near the story's focus.
pub fn resolve(
    gaz: &Gazetteer,
    text: &str,
    spans: &[(usize, usize)],
    hints: &Hints,
) -> Vec<Option<Place>> {
    let toks = tokenize(text);
    let dl = dateline(text);
    let valid = |&(a, b): &(usize, usize)| {
        a < b && b <= text.len() && text.is_char_boundary(a) && text.is_char_boundary(b)
    };
    let mut ms: Vec<Mention> = mentions(gaz, text, &toks, hints, dl)
        .into_iter()
        .filter(|m| {
            !spans
                .iter()
                .filter(|s| valid(s))
                .any(|&(a, b)| m.start < b && a < m.end)
        })
        .collect();
    let n_ctx = ms.len();
    for &(a, b) in spans {
        let (ids, demonym, partial) = if valid(&(a, b)) {
            span_candidates(gaz, text, a, b)
        } else {
            (Vec::new(), false, false)
        };
        let in_dateline = dl.is_some_and(|(x, y)| a >= x && b <= y);
        ms.push(Mention {
            start: a,
            end: b,
            ids,
            demonym,
            in_dateline,
            partial,
        });
    }
    let mut order: Vec<usize> = (0..ms.len()).collect();
    order.sort_by_key(|&i| (ms[i].start, i));
    let mut sorted: Vec<Mention> = order.iter().map(|&i| ms[i].clone()).collect();
    let chosen_sorted = choose(gaz, text, &mut sorted, hints);
    let mut chosen = vec![None; ms.len()];
    for (k, &i) in order.iter().enumerate() {
        chosen[i] = chosen_sorted[k];
        ms[i].ids = sorted[k].ids.clone();
    }
    let focus = focus(gaz, &ms, &chosen);
    // A place found in part of a span ("Metcalfe" of "Metcalfe County") must lie in a region
    // the document names; otherwise the span is better placed at the document's focus.
    let regions: Vec<([u8; 2], u16)> = ms
        .iter()
        .zip(&chosen)
        .filter(|(m, _)| !m.partial && !m.demonym)
        .filter_map(|(_, c)| c.map(|c| &gaz.entries[c as usize]))
        .filter(|e| !is_country(gaz, e) && e.admin1 != 0)
        .map(|e| (e.cc, e.admin1))
        .collect();
    for k in 0..spans.len() {
        let i = n_ctx + k;
        if let (true, Some(c)) = (ms[i].partial, chosen[i]) {
            let e = &gaz.entries[c as usize];
            if e.class == b'P' && !regions.is_empty() && !regions.contains(&(e.cc, e.admin1)) {
                chosen[i] = None;
            }
        }
    }
    let idx: Vec<usize> = (0..spans.len())
        .filter(|&k| valid(&spans[k]))
        .map(|k| n_ctx + k)
        .collect();
    stray_villages(gaz, &ms, &mut chosen, &idx, focus);
    apply_anchors(gaz, text, &ms, &mut chosen, &idx, focus);
    (0..spans.len())
        .map(|k| {
            let i = n_ctx + k;
            match (chosen[i], focus) {
                (Some(c), _) => Some(place(gaz, &ms[i], c)),
                (None, Some(f)) if valid(&spans[k]) => Some(place(gaz, &ms[i], f)),
                _ => None,
            }
        })
        .collect()
}

/// Below this population, a place in a country that no other name of the story points to is
/// taken for an unlisted place near the story's focus.
const STRAY_POP: u64 = 20_000;

/// "Heathrow" in a story about London flights: the gazetteer's only Heathrow is a village in
/// Florida, but nothing else in the story is in the United States. A small populated place in
/// a country no other name of the story lies in is more likely an unlisted place (an
/// airport, a district) near the story's focus, when the focus lies in another country.
fn stray_villages(
    gaz: &Gazetteer,
    ms: &[Mention],
    chosen: &mut [Option<u32>],
    idx: &[usize],
    focus: Option<u32>,
) {
    let Some(f) = focus else { return };
    let fcc = gaz.entries[f as usize].cc;
    let before: Vec<Option<u32>> = chosen.to_vec();
    for &i in idx {
        let Some(c) = before[i] else { continue };
        let e = &gaz.entries[c as usize];
        if e.class != b'P' || e.pop >= STRAY_POP || e.cc == fcc || ms[i].demonym {
            continue;
        }
        let shared = (0..ms.len()).any(|j| {
            ms[j].ids != ms[i].ids && before[j].is_some_and(|o| gaz.entries[o as usize].cc == e.cc)
        });
        if !shared {
            chosen[i] = Some(f);
        }
    }
}

/// Applies local anchors to the mentions `idx` (see [`anchored`]); a name re-placed by its
/// anchor is re-placed the same way wherever else it occurs ("London's Heathrow" ...
/// "Heathrow").
fn apply_anchors(
    gaz: &Gazetteer,
    text: &str,
    ms: &[Mention],
    chosen: &mut [Option<u32>],
    idx: &[usize],
    focus: Option<u32>,
) {
    let before: Vec<Option<u32>> = chosen.to_vec();
    let mut moved: Vec<usize> = Vec::new();
    for &i in idx {
        chosen[i] = anchored(gaz, text, ms, &before, i, focus);
        if chosen[i] != before[i] && before[i].is_some() {
            moved.push(i);
        }
    }
    for &i in &moved {
        for j in 0..ms.len() {
            if j != i && before[j] == before[i] && ms[j].ids == ms[i].ids && chosen[j] == before[j]
            {
                chosen[j] = chosen[i];
            }
        }
    }
}

/// Applies the local anchor of mention `i` (see `anchor.rs`): a name with no reading takes
/// its anchor's place (a country anchor only when the focus lies outside that country); a
/// local name whose reading lies more than 150 km from a local anchor takes its reading
/// nearest the anchor, else the anchor's place.
fn anchored(
    gaz: &Gazetteer,
    text: &str,
    ms: &[Mention],
    chosen: &[Option<u32>],
    i: usize,
    focus: Option<u32>,
) -> Option<u32> {
    let unknown = chosen[i].is_none();
    let Some(j) = crate::anchor::anchor(text, ms[i].start, ms[i].end, ms, chosen, !unknown) else {
        return chosen[i];
    };
    let a = chosen[j]?;
    let ae = &gaz.entries[a as usize];
    let broad = is_country(gaz, ae) || gaz.code(ae) == "ADM1" || ae.cc == [0, 0];
    let Some(c) = chosen[i] else {
        let focus_inside = focus.is_some_and(|f| gaz.entries[f as usize].cc == ae.cc);
        return if is_country(gaz, ae) && focus_inside {
            focus
        } else {
            Some(a)
        };
    };
    let e = &gaz.entries[c as usize];
    let local = e.class != b'A' || gaz.code(e) == "ADM2";
    let d = |x: &crate::gazetteer::Entry| {
        crate::haversine_km(x.lat.into(), x.lon.into(), ae.lat.into(), ae.lon.into())
    };
    if broad || !local || ms[i].demonym || d(e) <= 150.0 {
        return Some(c);
    }
    let near = ms[i]
        .ids
        .iter()
        .copied()
        .map(|id| (d(&gaz.entries[id as usize]), id))
        .filter(|&(dist, _)| dist <= 150.0)
        .min_by(|x, y| x.0.total_cmp(&y.0));
    Some(near.map_or(a, |(_, id)| id))
}

/// The document's focus: the dateline place, else the most mentioned populated place, else
/// the most mentioned first-level region or country.
fn focus(gaz: &Gazetteer, ms: &[Mention], chosen: &[Option<u32>]) -> Option<u32> {
    if let Some(c) = ms
        .iter()
        .zip(chosen)
        .find(|(m, c)| m.in_dateline && c.is_some())
        .and_then(|(_, c)| *c)
    {
        return Some(c);
    }
    let mut counts: Vec<(u32, usize)> = Vec::new();
    for (m, c) in ms.iter().zip(chosen) {
        if let (Some(c), false) = (c, m.demonym) {
            match counts.iter_mut().find(|x| x.0 == *c) {
                Some(x) => x.1 += 1,
                None => counts.push((*c, 1)),
            }
        }
    }
    let rank = |c: u32| match gaz.entries[c as usize].class {
        b'P' => 2,
        b'A' if gaz.code(&gaz.entries[c as usize]) == "ADM1" => 1,
        _ => 0,
    };
    counts
        .iter()
        .max_by_key(|&&(c, n)| (rank(c), n))
        .map(|x| x.0)
}
