//! The GDELT 2.0 event table: 61 tab-separated columns per event.
//!
//! Filled: GLOBALEVENTID (the store's event id), SQLDATE, MonthYear, Year,
//! FractionDate (from the first day of the event's `date`: a month-precise date files under its 1st), Actor1/2Code (country +
//! sector, CAMEO style, e.g. `PRKGOV`), Actor1/2Name (the name, upper-cased),
//! Actor1/2CountryCode, Actor1/2Type1Code (the sector), IsRootEvent (a mention
//! in the first sentence), EventCode/EventBaseCode/EventRootCode (from the
//! CAMEO code), QuadClass, GoldsteinScale, NumMentions, NumSources,
//! NumArticles, ActionGeo_Type/FullName/Lat/Long/FeatureID (FeatureID holds the
//! GeoNames id), DATEADDED (the first mention's publication date, at 00:00:00)
//! and SOURCEURL (the first mention's URL, else its document id).
//!
//! Empty, because dyad has no counterpart: Actor1/2KnownGroupCode,
//! EthnicCode, Religion1Code, Religion2Code, Type2Code, Type3Code; AvgTone
//! (dyad scores no tone); all sixteen Actor1Geo_* and Actor2Geo_* columns
//! (dyad places the event, not each actor); ActionGeo_CountryCode,
//! ActionGeo_ADM1Code and ActionGeo_ADM2Code (GDELT uses FIPS 10-4 codes; dyad
//! keeps ISO alpha-3, which is in the JSONL and Parquet exports).

use crate::rows::{EventRow, Party};

/// The 61 GDELT 2.0 event column names, in order.
pub const COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

fn actor(p: &Option<Party>) -> [String; 10] {
    let p = p.clone().unwrap_or_default();
    let country = p.country.clone().unwrap_or_default();
    let sector = p.sector.clone().unwrap_or_default();
    [
        clean(&format!("{country}{sector}")),
        clean(&p.name.unwrap_or_default().to_uppercase()),
        clean(&country),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        clean(&sector),
        String::new(),
        String::new(),
    ]
}

/// The 61 fields of one event.
pub fn row(e: &EventRow) -> Vec<String> {
    let mut out = Vec::with_capacity(61);
    let day = crate::dates::interval(&e.date).map(|d| d.0);
    let start = day.map(crate::dates::from_day);
    let ymd = day
        .map(crate::dates::day_label)
        .unwrap_or_default()
        .replace('-', "");
    out.push(e.id.to_string());
    out.push(ymd.clone());
    out.push(ymd.get(..6).unwrap_or("").to_string());
    out.push(ymd.get(..4).unwrap_or("").to_string());
    out.push(
        start
            .map(|d| {
                use chrono::Datelike;
                format!("{:.4}", d.year() as f64 + d.ordinal0() as f64 / 365.0)
            })
            .unwrap_or_default(),
    );
    out.extend(actor(&e.actor));
    out.extend(actor(&e.recipient));
    let root = e.mentions.iter().any(|m| m.sentence == 0);
    out.push((root as u8).to_string());
    let cameo = clean(&e.cameo);
    out.push(cameo.clone());
    out.push(cameo.get(..3).unwrap_or(&cameo).to_string());
    out.push(cameo.get(..2).unwrap_or(&cameo).to_string());
    out.push(e.quad_class.to_string());
    out.push(e.goldstein.to_string());
    out.push(e.num_mentions.to_string());
    out.push(e.num_sources.to_string());
    out.push(e.num_articles.to_string());
    out.push(String::new()); // AvgTone
    out.extend(std::iter::repeat_n(String::new(), 16)); // Actor1Geo_*, Actor2Geo_*
    match &e.location {
        None => out.extend(std::iter::repeat_n(String::new(), 8)),
        Some(l) => {
            let coarse = matches!(l.feature_class.as_deref(), Some("A") | Some("L"));
            let us = l.country.as_deref() == Some("USA");
            let kind = match (coarse, l.admin1.is_some(), us) {
                (true, false, _) => 1,
                (true, true, true) => 2,
                (false, _, true) => 3,
                (false, _, false) => 4,
                (true, true, false) => 5,
            };
            out.push(kind.to_string());
            out.push(clean(&l.name));
            out.push(String::new());
            out.push(String::new());
            out.push(String::new());
            out.push(l.lat.to_string());
            out.push(l.lon.to_string());
            out.push(l.geonames_id.map(|g| g.to_string()).unwrap_or_default());
        }
    }
    let first = e.mentions.first();
    out.push(
        first
            .and_then(|m| m.doc_date.as_ref())
            .map(|d| format!("{}000000", d.replace('-', "")))
            .unwrap_or_default(),
    );
    out.push(
        first
            .map(|m| clean(m.url.as_deref().unwrap_or(&m.doc_id)))
            .unwrap_or_default(),
    );
    out
}
