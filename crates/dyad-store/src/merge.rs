//! The merge rule: when two reports describe one event.
//!
//! Every coded record becomes an `EventState`. A new record joins a stored
//! event when `compatible` says so; `absorb` then folds it in. The rule,
//! also written out in `docs/store.md`:
//!
//! 1. **Same kind of event**: equal PLOVER `event_type`, equal negation, and
//!    equal modality (`past` counts as `asserted`; a planned meeting is not the meeting).
//! 2. **Same actor and recipient**: the countries are equal (unknown only
//!    matches unknown); sectors are equal where both are known; names are equal
//!    where both are known, comparing lower-cased word sets, one of which may
//!    contain the other ("Putin" ~ "Vladimir Putin"). Symmetric (`mutual`)
//!    events also match with the roles swapped, and are stored in a canonical
//!    orientation (the smaller country first) so both directions land in one event.
//! 3. **Compatible dates**: each date is an interval of days (`2024-07-11` is one
//!    day, `2024-07` a month, `2024` a year; a date taken from the publication
//!    date covers that day and the [`PUBLICATION_LOOKBACK_DAYS`] before it).
//!    Two intervals are compatible when they overlap or lie within
//!    [`DATE_SLACK_DAYS`] of each other (time zones). Two meetings a week apart do not.
//! 4. **Compatible places**: when both reports give a place, their countries
//!    agree, and either one is a country or region (GeoNames class A or L), or
//!    they are the same GeoNames place, or they lie within [`PLACE_RADIUS_KM`].
//!
//! Of several compatible events the one with the nearest date wins (then the oldest).
//! Folding keeps the first report's type codes and score, fills in unknown
//! sectors, names, roles, mode and place, prefers dates read from the text over
//! publication dates and precise dates over vague ones, and narrows the event's
//! interval to what all its reports allow. Folding the mentions in insertion
//! order rebuilds an event exactly, which is how events are repaired when a
//! document is replaced.

use dyad_core::schema::{ActorRef, DateBasis, EventRecord, Location};

use crate::rows::{Party, Place};

/// Days before the publication date that a publication-dated event may have happened.
pub const PUBLICATION_LOOKBACK_DAYS: i32 = 3;
/// Gap in days still counted as the same date (time zones, "overnight").
pub const DATE_SLACK_DAYS: i32 = 1;
/// Largest distance between two places counted as the same place.
pub const PLACE_RADIUS_KM: f64 = 50.0;

impl Party {
    fn from_ref(a: Option<&ActorRef>) -> Party {
        let clean = |s: &Option<String>| {
            s.as_ref()
                .map(|x| x.trim().to_string())
                .filter(|x| !x.is_empty())
        };
        match a {
            None => Party::default(),
            Some(a) => Party {
                country: clean(&a.country).map(|c| c.to_ascii_uppercase()),
                sector: clean(&a.sector).map(|c| c.to_ascii_uppercase()),
                name: clean(&a.name),
                role: clean(&a.role),
            },
        }
    }

    fn sort_key(&self) -> (&str, &str, &str) {
        fn s(o: &Option<String>) -> &str {
            o.as_deref().unwrap_or("")
        }
        (s(&self.country), s(&self.sector), s(&self.name))
    }

    fn fill_from(&mut self, o: &Party) {
        for (mine, theirs) in [
            (&mut self.sector, &o.sector),
            (&mut self.name, &o.name),
            (&mut self.role, &o.role),
        ] {
            if mine.is_none() {
                mine.clone_from(theirs);
            }
        }
    }
}

impl Place {
    fn from_location(l: &Location) -> Place {
        Place {
            name: l.name.clone(),
            country: l.country.clone(),
            admin1: l.admin1.clone(),
            lat: l.lat,
            lon: l.lon,
            geonames_id: l.geonames_id,
            feature_class: l.feature_class.clone(),
        }
    }

    /// A country or region rather than a point.
    pub(crate) fn is_coarse(&self) -> bool {
        matches!(self.feature_class.as_deref(), Some("A") | Some("L"))
    }
}

/// One event's codes: what a record says, or what all of an event's reports say together.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct EventState {
    pub event_type: String,
    pub cameo: String,
    pub quad_class: u8,
    pub goldstein: f64,
    pub mode: Option<String>,
    pub context: Vec<String>,
    pub negated: bool,
    pub modality: String,
    pub mutual: bool,
    pub actor: Party,
    pub recipient: Party,
    pub date: String,
    pub lo: i32,
    pub hi: i32,
    pub basis: DateBasis,
    pub location: Option<Place>,
}

impl EventState {
    /// Validates a record and reads its codes; the error names what is wrong.
    pub fn from_record(r: &EventRecord) -> Result<EventState, String> {
        if r.event_type.trim().is_empty() {
            return Err("empty event_type".into());
        }
        if !(1..=4).contains(&r.quad_class) {
            return Err(format!("quad_class {} is not 1-4", r.quad_class));
        }
        if !r.goldstein.is_finite() || r.goldstein.abs() > 10.0 {
            return Err(format!("goldstein {} is not in -10..10", r.goldstein));
        }
        let (mut lo, hi) = crate::dates::interval(&r.date).ok_or_else(|| {
            format!(
                "bad date {:?}: expected YYYY-MM-DD, YYYY-MM or YYYY",
                r.date
            )
        })?;
        if r.date_basis == DateBasis::Publication && lo == hi {
            lo -= PUBLICATION_LOOKBACK_DAYS;
        }
        if let Some(l) = &r.location {
            if !(l.lat.is_finite()
                && l.lon.is_finite()
                && l.lat.abs() <= 90.0
                && l.lon.abs() <= 180.0)
            {
                return Err(format!("location {:?} has bad coordinates", l.name));
            }
        }
        let modality = match r.modality.trim() {
            "" | "past" => "asserted".to_string(),
            m => m.to_ascii_lowercase(),
        };
        let mut s = EventState {
            event_type: r.event_type.trim().to_ascii_uppercase(),
            cameo: r.cameo.trim().to_string(),
            quad_class: r.quad_class,
            goldstein: r.goldstein,
            mode: r.mode.clone().filter(|m| !m.is_empty()),
            context: r.context.clone(),
            negated: r.negated,
            modality,
            mutual: r.mutual,
            actor: Party::from_ref(r.actor.as_ref()),
            recipient: Party::from_ref(r.recipient.as_ref()),
            date: r.date.clone(),
            lo,
            hi,
            basis: r.date_basis,
            location: r.location.as_ref().map(Place::from_location),
        };
        if s.mutual && s.actor.sort_key() > s.recipient.sort_key() {
            std::mem::swap(&mut s.actor, &mut s.recipient);
        }
        Ok(s)
    }

    /// The first day of `date`: the day the event is filed under (filters, buckets, partitions).
    pub fn day(&self) -> i32 {
        crate::dates::interval(&self.date).map_or(self.lo, |d| d.0)
    }

    /// Distance in days between the middles of two date intervals (for choosing among candidates).
    pub fn date_distance(&self, o: &EventState) -> i64 {
        ((self.lo as i64 + self.hi as i64) - (o.lo as i64 + o.hi as i64)).abs()
    }
}

/// Whether `rec` reports the same event as `ev`: `Some(swapped)` when it does
/// (`swapped` when the roles match the other way round), `None` when not.
pub(crate) fn compatible(ev: &EventState, rec: &EventState) -> Option<bool> {
    if ev.event_type != rec.event_type || ev.negated != rec.negated || ev.modality != rec.modality {
        return None;
    }
    if rec.lo > ev.hi + DATE_SLACK_DAYS || ev.lo > rec.hi + DATE_SLACK_DAYS {
        return None;
    }
    if !places_ok(ev.location.as_ref(), rec.location.as_ref()) {
        return None;
    }
    if party_ok(&ev.actor, &rec.actor) && party_ok(&ev.recipient, &rec.recipient) {
        return Some(false);
    }
    if (ev.mutual || rec.mutual)
        && party_ok(&ev.actor, &rec.recipient)
        && party_ok(&ev.recipient, &rec.actor)
    {
        return Some(true);
    }
    None
}

/// Folds a compatible record into an event.
pub(crate) fn absorb(ev: &mut EventState, rec: &EventState, swapped: bool) {
    let (ra, rr) = if swapped {
        (&rec.recipient, &rec.actor)
    } else {
        (&rec.actor, &rec.recipient)
    };
    ev.actor.fill_from(ra);
    ev.recipient.fill_from(rr);
    if ev.mode.is_none() {
        ev.mode.clone_from(&rec.mode);
    }
    for c in &rec.context {
        if !ev.context.contains(c) {
            ev.context.push(c.clone());
        }
    }
    ev.mutual |= rec.mutual;
    let rank = |s: &EventState| (s.basis == DateBasis::Text, -(s.hi - s.lo));
    let (lo, hi) = (ev.lo.max(rec.lo), ev.hi.min(rec.hi));
    if rank(rec) > rank(ev) {
        ev.date.clone_from(&rec.date);
        ev.basis = rec.basis;
        (ev.lo, ev.hi) = (rec.lo, rec.hi);
    }
    if lo <= hi {
        (ev.lo, ev.hi) = (lo, hi);
    }
    match (&ev.location, &rec.location) {
        (None, Some(l)) => ev.location = Some(l.clone()),
        (Some(a), Some(b)) if a.is_coarse() && !b.is_coarse() => ev.location = Some(b.clone()),
        _ => {}
    }
}

fn party_ok(a: &Party, b: &Party) -> bool {
    if a.country != b.country {
        return false;
    }
    if let (Some(x), Some(y)) = (&a.sector, &b.sector) {
        if x != y {
            return false;
        }
    }
    match (&a.name, &b.name) {
        (Some(x), Some(y)) => names_ok(x, y),
        _ => true,
    }
}

fn name_words(s: &str) -> Vec<String> {
    let mut w: Vec<String> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(|t| t.to_lowercase())
        .collect();
    w.sort();
    w.dedup();
    w
}

/// Equal word sets, or one contained in the other.
pub(crate) fn names_ok(a: &str, b: &str) -> bool {
    let (wa, wb) = (name_words(a), name_words(b));
    if wa.is_empty() || wb.is_empty() {
        return wa == wb;
    }
    let (small, big) = if wa.len() <= wb.len() {
        (&wa, &wb)
    } else {
        (&wb, &wa)
    };
    small.iter().all(|w| big.binary_search(w).is_ok())
}

fn places_ok(a: Option<&Place>, b: Option<&Place>) -> bool {
    let (Some(a), Some(b)) = (a, b) else {
        return true;
    };
    if let (Some(x), Some(y)) = (&a.country, &b.country) {
        if x != y {
            return false;
        }
    }
    if a.is_coarse() || b.is_coarse() {
        return true;
    }
    if a.geonames_id.is_some() && a.geonames_id == b.geonames_id {
        return true;
    }
    haversine_km(a.lat, a.lon, b.lat, b.lon) <= PLACE_RADIUS_KM
}

fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

#[cfg(test)]
#[path = "merge_tests.rs"]
mod tests;
