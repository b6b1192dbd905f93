//! The output contract: every record dyad reads or writes as JSON.
//!
//! This module is the one home of the wire format. `docs/schema.md` mirrors it
//! field by field, and a test parses the examples given there. Tools outside the
//! project (the store, the server, analysts' scripts) depend on these shapes, so
//! a field is only ever added, never renamed.

use serde::{Deserialize, Serialize};

/// One article to code: a line of the JSONL input.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct InputDoc {
    /// Caller's identifier, unique per article.
    pub id: String,
    /// Publication date, `YYYY-MM-DD`.
    pub date: String,
    /// Full article text.
    pub text: String,
    /// Headline, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Outlet or feed name, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Where the article was read, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// An actor as it appears in an event record: where it is in the text and how it is coded.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq, Hash)]
pub struct ActorRef {
    /// The text of the mention (after coreference: the mention's own text, e.g. "his Belarusian counterpart").
    pub text: String,
    /// Byte offset of the mention's start in the document text.
    pub start: usize,
    /// Byte offset one past the mention's end.
    pub end: usize,
    /// ISO 3166 alpha-3 code, or a PLOVER non-state code (IGO, UNO, EUR, NGO, MNC, ISM, IMG).
    pub country: Option<String>,
    /// PLOVER sector (GOV, MIL, MED, CVL, ...), when known.
    pub sector: Option<String>,
    /// Person's or organisation's name, when the text or the lexicon gives one.
    pub name: Option<String>,
    /// Office or title ("Vice Foreign Minister"), when given.
    pub role: Option<String>,
}

/// A place an event happened, resolved in the gazetteer.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Location {
    /// The text of the mention.
    pub text: String,
    /// Byte offset of the mention's start in the document text.
    pub start: usize,
    /// Byte offset one past the mention's end.
    pub end: usize,
    /// Canonical gazetteer name.
    pub name: String,
    /// ISO alpha-3 of the country the place lies in.
    pub country: Option<String>,
    /// First-level administrative division, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin1: Option<String>,
    /// Latitude, WGS84 degrees.
    pub lat: f64,
    /// Longitude, WGS84 degrees.
    pub lon: f64,
    /// GeoNames identifier, when the place comes from GeoNames.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geonames_id: Option<u64>,
    /// GeoNames feature class (A country/region, P populated place, L area, T terrain, H water, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feature_class: Option<String>,
}

/// A piece of text: the trigger of an event.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct TextSpan {
    /// The text itself.
    pub text: String,
    /// Byte offset of the start in the document text.
    pub start: usize,
    /// Byte offset one past the end.
    pub end: usize,
}

/// Where an event's date came from.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum DateBasis {
    /// A time expression in the text, or an event it is anchored to.
    Text,
    /// No time expression: the article's publication date.
    Publication,
}

/// One coded event: the line `dyad code` prints.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct EventRecord {
    /// Stable identifier: `{doc_id}:{sentence}:{n}`.
    pub id: String,
    /// The article's id.
    pub doc_id: String,
    /// Index of the sentence (0-based) the event was found in.
    pub sentence: usize,
    /// PLOVER 2.0 event type (AGREE, CONSULT, ...).
    pub event_type: String,
    /// PLOVER mode, when the trigger implies one ("visit", "beat", ...).
    pub mode: Option<String>,
    /// PLOVER contexts ("military", "diplomatic", ...).
    pub context: Vec<String>,
    /// CAMEO code of the trigger, as a string ("036").
    pub cameo: String,
    /// CAMEO quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    /// Goldstein score, -10 to +10.
    pub goldstein: f64,
    /// Who did it.
    pub actor: Option<ActorRef>,
    /// To whom.
    pub recipient: Option<ActorRef>,
    /// A symmetric event (meet, agree): it is also emitted with the roles swapped.
    pub mutual: bool,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub date: String,
    /// Whether `date` comes from the text or from the publication date.
    pub date_basis: DateBasis,
    /// Where it happened, when the sentence or the dateline says so.
    pub location: Option<Location>,
    /// Who reported it ("North Korean state media reported"), if stated.
    pub reported_by: Option<ActorRef>,
    /// "did not agree".
    pub negated: bool,
    /// `asserted`, `future`, `proposed`, `hypothetical` or `past`.
    pub modality: String,
    /// The word or phrase that triggered the event.
    pub trigger: TextSpan,
    /// The lexicon entry that coded the trigger (`file:line`), for tracing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// The sentence the event was read from.
    pub evidence: String,
}

/// A time expression, as `dyad annotate` prints it.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct TimexRecord {
    /// The text of the expression.
    pub text: String,
    /// Byte offset of the start.
    pub start: usize,
    /// Byte offset one past the end.
    pub end: usize,
    /// TIMEX3 type: DATE, TIME, DURATION or SET.
    #[serde(rename = "type")]
    pub kind: String,
    /// TIMEX3 value ("2024-07-11", "P2D", "PAST_REF", ...).
    pub value: String,
    /// TIMEX3 `mod` (START, MID, END, APPROX, LESS_THAN, MORE_THAN,
    /// EQUAL_OR_LESS, EQUAL_OR_MORE, BEFORE, AFTER, ON_OR_BEFORE,
    /// ON_OR_AFTER): "early 1990" is `1990` with `mod` START.
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none", default)]
    pub modifier: Option<String>,
}

/// One document's annotation layers, as `dyad annotate` prints it.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct AnnotatedDoc {
    /// The article's id.
    pub id: String,
    /// Actor mentions, coded.
    pub entities: Vec<ActorRef>,
    /// Time expressions, normalised.
    pub timexes: Vec<TimexRecord>,
    /// Place mentions, resolved.
    pub places: Vec<Location>,
    /// The events, as `dyad code` prints them.
    pub events: Vec<EventRecord>,
}
