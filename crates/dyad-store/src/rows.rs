//! The answers: events and mentions as the store returns them, ready for serde.

use dyad_core::schema::{ActorRef, DateBasis, Location, TextSpan};
use serde::{Deserialize, Serialize};

/// An actor's codes as stored with an event (no offsets: an event has many mentions).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Party {
    /// ISO alpha-3 or PLOVER non-state code.
    pub country: Option<String>,
    /// PLOVER sector.
    pub sector: Option<String>,
    /// Person's or organisation's name.
    pub name: Option<String>,
    /// Office or title.
    pub role: Option<String>,
}

impl Party {
    /// True when nothing is known.
    pub fn is_empty(&self) -> bool {
        self.country.is_none()
            && self.sector.is_none()
            && self.name.is_none()
            && self.role.is_none()
    }
}

/// Where an event happened.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// Canonical gazetteer name.
    pub name: String,
    /// ISO alpha-3 of the country.
    pub country: Option<String>,
    /// First-level administrative division.
    pub admin1: Option<String>,
    /// Latitude, WGS84.
    pub lat: f64,
    /// Longitude, WGS84.
    pub lon: f64,
    /// GeoNames id.
    pub geonames_id: Option<u64>,
    /// GeoNames feature class.
    pub feature_class: Option<String>,
}

/// One event after merging, as `dyad query` and `GET /v1/events` return it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventRow {
    /// Store-assigned id (stable until a document of this event is replaced).
    pub id: i64,
    /// PLOVER event type.
    pub event_type: String,
    /// CAMEO code of the first report.
    pub cameo: String,
    /// CAMEO quad class, 1-4.
    pub quad_class: u8,
    /// Goldstein score of the first report.
    pub goldstein: f64,
    /// PLOVER mode, if any report gives one.
    pub mode: Option<String>,
    /// PLOVER contexts from all reports.
    pub context: Vec<String>,
    /// Who did it (for mutual events: the canonical first party).
    pub actor: Option<Party>,
    /// To whom.
    pub recipient: Option<Party>,
    /// Symmetric event (meet, agree): stored once, in either direction.
    pub mutual: bool,
    /// "did not ...".
    pub negated: bool,
    /// `asserted`, `future`, `proposed` or `hypothetical`.
    pub modality: String,
    /// The most precise date the reports give: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub date: String,
    /// Whether that date was read in the text or taken from publication.
    pub date_basis: DateBasis,
    /// First day the event may have happened, given all reports (a publication-dated report allows a few days before).
    pub date_start: String,
    /// Last day the event may have happened.
    pub date_end: String,
    /// Where, if any report says.
    pub location: Option<Place>,
    /// Reports of the event (records merged into it).
    pub num_mentions: u32,
    /// Distinct outlets (a document without a source counts as its own outlet).
    pub num_sources: u32,
    /// Distinct documents.
    pub num_articles: u32,
    /// The reports, when asked for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<MentionRow>,
}

/// One report of an event: where in which document it was read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MentionRow {
    /// The document's id.
    pub doc_id: String,
    /// The document's publication date, when known.
    pub doc_date: Option<String>,
    /// The document's outlet, when known.
    pub source: Option<String>,
    /// The document's URL, when known.
    pub url: Option<String>,
    /// The coded record's id (`doc:sentence:n`).
    pub record_id: String,
    /// Sentence index in the document.
    pub sentence: usize,
    /// The trigger, with offsets into the document text.
    pub trigger: TextSpan,
    /// The actor mention, with offsets.
    pub actor: Option<ActorRef>,
    /// The recipient mention, with offsets.
    pub recipient: Option<ActorRef>,
    /// The place mention, with offsets.
    pub location: Option<Location>,
    /// The date this report gives.
    pub date: String,
    /// Where that date came from.
    pub date_basis: DateBasis,
    /// The sentence.
    pub evidence: String,
}
