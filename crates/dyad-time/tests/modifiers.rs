//! The TIMEX3 `mod` attribute, data-driven: each case is a text (DCT
//! 2024-07-12, a Friday) and the expected expressions as
//! `span => TYPE value MOD` lines (no MOD when the attribute is absent).

use dyad_time::Tagger;

mod common;
use common::check_mods;

const DCT: &str = "2024-07-12";

const CASES: &[(&str, &[&str])] = &[
    // the part of a period: START, MID, END
    (
        "Troops will leave by the end of the month.",
        &["the end of the month => DATE 2024-07 END"],
    ),
    (
        "Prices rose early this year.",
        &["early this year => DATE 2024 START"],
    ),
    (
        "Elections are due in mid-2025.",
        &["mid-2025 => DATE 2025 MID"],
    ),
    (
        "The talks resumed in late November.",
        &["late November => DATE 2023-11 END"],
    ),
    (
        "He returned in the middle of October.",
        &["the middle of October => DATE 2023-10 MID"],
    ),
    (
        "The reform began in the early 1990s.",
        &["the early 1990s => DATE 199 START"],
    ),
    (
        "Earlier this month, the company said it would cut jobs.",
        &["Earlier this month => DATE 2024-07 START"],
    ),
    (
        "The deal should close by year-end.",
        &["year-end => DATE 2024-12-31 END"],
    ),
    (
        "The vote was held at the beginning of May.",
        &["the beginning of May => DATE 2024-05 START"],
    ),
    // quantities: APPROX, MORE_THAN, LESS_THAN, EQUAL_OR_*
    (
        "The war ended nearly two weeks ago.",
        &["nearly two weeks ago => DATE 2024-06-28 APPROX"],
    ),
    (
        "He has lived there for more than two weeks.",
        &["more than two weeks => DURATION P2W MORE_THAN"],
    ),
    (
        "The country joined less than a year later.",
        &["less than a year later => DATE 2025 LESS_THAN"],
    ),
    (
        "The ban lasts at least 30 days.",
        &["at least 30 days => DURATION P30D EQUAL_OR_MORE"],
    ),
    (
        "Inspectors may stay at most 60 days.",
        &["at most 60 days => DURATION P60D EQUAL_OR_LESS"],
    ),
    (
        "Inspectors may stay no more than sixty days.",
        &["no more than sixty days => DURATION P60D EQUAL_OR_LESS"],
    ),
    (
        "The cease-fire could last up to 180 days.",
        &["up to 180 days => DURATION P180D EQUAL_OR_LESS"],
    ),
    (
        "Talks stalled for roughly three years.",
        &["roughly three years => DURATION P3Y APPROX"],
    ),
    // bounds and approximations after the expression
    (
        "The plant will run for the next two years or so.",
        &["the next two years or so => DURATION P2Y APPROX"],
    ),
    (
        "Output will grow in 1994 or later.",
        &["1994 or later => DATE 1994 ON_OR_AFTER"],
    ),
    (
        "The plan covers 2030 and beyond.",
        &["2030 and beyond => DATE 2030 ON_OR_AFTER"],
    ),
    (
        "The sentence is five years or more.",
        &["five years or more => DURATION P5Y EQUAL_OR_MORE"],
    ),
    (
        "The rebels attacked a week or so ago.",
        &["a week or so ago => DATE 2024-07-05 APPROX"],
    ),
    (
        "The post-1959 politics split the city.",
        &["post-1959 => DATE 1959 AFTER"],
    ),
    (
        "Prices returned to pre-1990 levels.",
        &["pre-1990 => DATE 1990 BEFORE"],
    ),
    (
        "He probably died within weeks or months of his capture.",
        &["weeks or months => DURATION PXW APPROX"],
    ),
    // no modifier
    (
        "You may, in a year or two, save lives.",
        &["a year or two => DURATION P1Y"],
    ),
    (
        "Funds in recent weeks and months have sold bonds.",
        &["recent weeks and months => DURATION PXW"],
    ),
    ("The pre-war economy was weak.", &[]),
    (
        "The ministers met on Thursday.",
        &["Thursday => DATE 2024-07-11"],
    ),
    (
        "Growth slowed in the first half of 2023.",
        &["the first half of 2023 => DATE 2023-H1"],
    ),
    (
        "Earlier Friday, lawyers filed a motion.",
        &["Friday => DATE 2024-07-12"],
    ),
    (
        "Officials met the week of June 3.",
        &["the week of June 3 => DATE 2024-W23"],
    ),
];

#[test]
fn modifiers() {
    let tagger = Tagger::new();
    for (text, expect) in CASES {
        check_mods(&tagger, text, DCT, expect);
    }
}

#[test]
fn mod_is_serialised_only_when_present() {
    let dct = chrono::NaiveDate::from_ymd_opt(2024, 7, 12).unwrap();
    let found = Tagger::new().tag("in early 1990 and on Thursday", dct);
    let json: Vec<String> = found
        .iter()
        .map(|t| serde_json::to_string(t).unwrap())
        .collect();
    assert!(json[0].contains(r#""mod":"START""#), "{}", json[0]);
    assert!(!json[1].contains("mod"), "{}", json[1]);
}
