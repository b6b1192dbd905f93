//! Evaluation on geoparsing gold corpora (GeoWebNews, TR-News). Pure: takes the XML text.
//!
//! Gold toponyms are those the corpus gives coordinates for. Three measures:
//! - **recall**: share of gold toponyms overlapped by a found mention;
//! - **end-to-end accuracy**: share of gold toponyms overlapped by a found mention placed
//!   within 161 km (100 miles) of the gold point;
//! - **gold-span accuracy**: share of gold toponyms that [`crate::resolve`] places within
//!   161 km when given the gold spans (the measure published geoparsers report).
//!
//! Both corpora annotate adjectival country references ("Turkish forces") as toponyms, so
//! the end-to-end run asks for demonyms too (`FindOptions { demonyms: true }`); the report
//! also gives recall without them.

mod gold;

pub use gold::{parse, GoldDoc, GoldToponym};

use crate::disambiguate::haversine_km;
use crate::{find_places_with, resolve, FindOptions, Gazetteer, Hints, Place};

/// The 161 km (100 mile) threshold of the literature.
pub const KM: f64 = 161.0;

/// Scores of one corpus.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// Articles read.
    pub docs: usize,
    /// Gold toponyms with coordinates.
    pub gold: usize,
    /// Gold toponyms overlapped by a found mention (demonyms included).
    pub found: usize,
    /// Gold toponyms overlapped by a found place name (demonyms left out).
    pub found_names: usize,
    /// Found and placed within 161 km.
    pub correct_end_to_end: usize,
    /// Placed within 161 km given the gold span.
    pub correct_gold_spans: usize,
    /// Mentions found.
    pub predicted: usize,
    /// Mentions found that overlap some gold toponym (with or without coordinates).
    pub predicted_matching: usize,
    /// Misses of the gold-span run: (doc id, surface, gold point, predicted point or none).
    pub misses: Vec<Miss>,
}

/// A gold toponym resolved more than 161 km away (or not at all).
#[derive(Debug, Clone, PartialEq)]
pub struct Miss {
    /// Article id.
    pub doc: String,
    /// Surface text of the toponym.
    pub name: String,
    /// Gold point.
    pub gold: (f64, f64),
    /// What was chosen: entry name, country, point.
    pub got: Option<(String, Option<String>, f64, f64)>,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

impl Report {
    /// Recall of gold toponyms.
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.gold)
    }
    /// Recall without demonyms.
    pub fn recall_names(&self) -> f64 {
        ratio(self.found_names, self.gold)
    }
    /// End-to-end accuracy within 161 km.
    pub fn acc_end_to_end(&self) -> f64 {
        ratio(self.correct_end_to_end, self.gold)
    }
    /// Accuracy within 161 km given the gold spans.
    pub fn acc_gold_spans(&self) -> f64 {
        ratio(self.correct_gold_spans, self.gold)
    }
    /// Share of found mentions that are gold toponyms.
    pub fn precision(&self) -> f64 {
        ratio(self.predicted_matching, self.predicted)
    }
}

fn within(p: &Place, (lat, lon): (f64, f64)) -> bool {
    haversine_km(p.lat, p.lon, lat, lon) <= KM
}

fn best_overlap(places: &[Place], a: usize, b: usize) -> Option<&Place> {
    places
        .iter()
        .filter(|p| p.start < b && a < p.end)
        .max_by_key(|p| p.end.min(b) - p.start.max(a))
}

/// Scores the parser on parsed gold documents.
pub fn evaluate(gaz: &Gazetteer, docs: &[GoldDoc]) -> Report {
    let mut r = Report {
        docs: docs.len(),
        ..Report::default()
    };
    let hints = Hints::default();
    for d in docs {
        let all = find_places_with(gaz, &d.text, &hints, &FindOptions { demonyms: true });
        let names: Vec<Place> = all.iter().filter(|p| !p.demonym).cloned().collect();
        r.predicted += all.len();
        r.predicted_matching += all
            .iter()
            .filter(|p| {
                d.toponyms
                    .iter()
                    .any(|t| p.start < t.end && t.start < p.end)
            })
            .count();
        let gold: Vec<&GoldToponym> = d.toponyms.iter().filter(|t| t.point.is_some()).collect();
        let spans: Vec<(usize, usize)> = gold.iter().map(|t| (t.start, t.end)).collect();
        let resolved = resolve(gaz, &d.text, &spans, &hints);
        for (t, res) in gold.iter().zip(&resolved) {
            let Some(pt) = t.point else { continue };
            r.gold += 1;
            if let Some(p) = best_overlap(&all, t.start, t.end) {
                r.found += 1;
                if within(p, pt) {
                    r.correct_end_to_end += 1;
                }
            }
            if best_overlap(&names, t.start, t.end).is_some() {
                r.found_names += 1;
            }
            match res {
                Some(p) if within(p, pt) => r.correct_gold_spans += 1,
                _ => r.misses.push(Miss {
                    doc: d.id.clone(),
                    name: t.name.clone(),
                    gold: pt,
                    got: res
                        .as_ref()
                        .map(|p| (p.name.clone(), p.country.clone(), p.lat, p.lon)),
                }),
            }
        }
    }
    r
}
