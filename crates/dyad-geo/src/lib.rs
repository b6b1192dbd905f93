//! dyad-geo: an embedded gazetteer and a geoparser for news text.
//!
//! [`Gazetteer::builtin`] loads a compact GeoNames extract compiled into the binary (countries,
//! first-level and second-level divisions, populated places of 500+ people, alternate names
//! for places of 15,000+, continents)
//! plus the project's own tables in `data/geo/` (news regions such as "the Sahel" or "Donbas",
//! abbreviations such as "Ky." or "B.C.", demonyms). Users can add places from a simple TSV
//! ([`Gazetteer::add_tsv`]) or from a GeoNames dump ([`Gazetteer::add_geonames`]).
//!
//! [`find_places`] finds place mentions in a text and resolves each to one gazetteer entry;
//! [`resolve`] resolves given spans (the gold-span measure); [`dateline`] finds the place part
//! of a wire dateline. Recognition tells place names apart from demonyms, person and
//! organisation names and sentence-initial common words, splits hyphenated words
//! ("Turkish-Russian", "Washington-based") and finds places the gazetteer lacks when the
//! sentence names them as such ("the town of Qatraneh", "Puge county"); disambiguation weighs
//! the other places and countries of the document (their focus votes, and readings near each
//! other), the dateline, the caller's country focus, population and feature class, and a
//! name's local anchor ("London's Heathrow", "Foua in Idlib"). [`eval`] scores the parser on
//! the GeoWebNews and TR-News gold corpora.
//!
//! ```
//! use dyad_geo::{find_places, Gazetteer, Hints};
//! let gaz = Gazetteer::builtin();
//! let text = "The leaders met for talks in Pyongyang on Tuesday.";
//! let places = find_places(&gaz, text, &Hints::default());
//! assert_eq!(places[0].name, "Pyongyang");
//! assert_eq!(places[0].country.as_deref(), Some("PRK"));
//! ```
#![warn(missing_docs)]

mod anchor;
mod api;
mod coherence;
mod dateline;
mod disambiguate;
pub mod eval;
mod gazetteer;
mod hyphen;
mod key;
mod load;
mod recognize;
mod text;
mod unlisted;
mod words;

pub use api::{find_places, find_places_with, resolve, FindOptions};
pub use dateline::dateline;
pub use disambiguate::haversine_km;
pub use gazetteer::Gazetteer;

/// Errors of the library: malformed user gazetteer files and gold files.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A line of a user TSV or GeoNames file could not be read.
    #[error("line {line}: {msg}")]
    Parse {
        /// 1-based line number.
        line: usize,
        /// What was wrong.
        msg: String,
    },
    /// A gold XML file could not be read.
    #[error("gold file: {0}")]
    Gold(String),
}

/// What the caller already knows about the article.
#[derive(Debug, Clone, Copy, Default)]
pub struct Hints<'a> {
    /// ISO alpha-3 codes of the countries the article is about (actors etc.), most salient first.
    pub countries: &'a [&'a str],
    /// Byte spans already taken as person/organisation names or demonyms: never places.
    pub exclude: &'a [(usize, usize)],
}

/// A place mention resolved to a gazetteer entry.
///
/// A place the gazetteer lacks but the sentence names as one ("the town of Qatraneh in the
/// Karak district") carries its own surface as `name`, no `geonames_id`, an empty
/// `feature_code`, and the point, country and region of its local anchor or of the
/// document's focus. A name placed by its anchor ("London's Heathrow") carries the anchor's
/// entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// Byte offset of the mention's start in the text.
    pub start: usize,
    /// Byte offset just past the mention.
    pub end: usize,
    /// The gazetteer entry's name ("Kyiv"), not the surface form (for an unlisted place, the
    /// surface form).
    pub name: String,
    /// ISO 3166 alpha-3 country code, when the place lies in one country.
    pub country: Option<String>,
    /// Name of the first-level region (state, province) the place lies in.
    pub admin1: Option<String>,
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
    /// GeoNames id, for GeoNames entries.
    pub geonames_id: Option<u64>,
    /// GeoNames feature class: `A` country/region, `P` populated place, `L` area, `H` water, `T` terrain.
    pub feature_class: String,
    /// GeoNames feature code (`PCLI`, `ADM1`, `PPLC`, `PPL`, `RGN`, `CONT`, ...); may be empty.
    pub feature_code: String,
    /// Population (0 when unknown).
    pub population: u64,
    /// The mention is in the article's dateline.
    pub in_dateline: bool,
    /// The mention is a demonym ("Syrian" → Syria); only returned when asked for.
    pub demonym: bool,
}
