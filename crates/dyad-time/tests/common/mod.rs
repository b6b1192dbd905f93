//! The shared check of the data-driven temporal tests: tag `text` against the DCT and
//! compare the expressions, as `span => TYPE value` lines, with the expected ones.

use chrono::NaiveDate;
use dyad_time::Tagger;

/// Tags `text` with `dct` (YYYY-MM-DD) as the document date and asserts the result.
#[allow(dead_code)] // not every test file uses every helper
pub fn check(text: &str, dct: &str, expect: &[&str]) {
    check_with(&Tagger::new(), text, dct, expect);
}

/// As [`check`], with a tagger built once by the caller.
pub fn check_with(tagger: &Tagger, text: &str, dct: &str, expect: &[&str]) {
    let dct = NaiveDate::parse_from_str(dct, "%Y-%m-%d").unwrap();
    let got: Vec<String> = tagger
        .tag(text, dct)
        .iter()
        .map(|t| {
            format!(
                "{} => {} {}",
                &text[t.start..t.end],
                t.kind.as_str(),
                t.value
            )
        })
        .collect();
    assert_eq!(got, expect, "\ntext: {text}");
}

/// As [`check`], with the `mod` attribute after the value when there is one
/// (`"early 1990 => DATE 1990 START"`).
#[allow(dead_code)] // not every test file uses every helper
pub fn check_mods(tagger: &Tagger, text: &str, dct: &str, expect: &[&str]) {
    let dct = NaiveDate::parse_from_str(dct, "%Y-%m-%d").unwrap();
    let got: Vec<String> = tagger
        .tag(text, dct)
        .iter()
        .map(|t| {
            let m = t.modifier.map(|m| format!(" {m}")).unwrap_or_default();
            format!(
                "{} => {} {}{m}",
                &text[t.start..t.end],
                t.kind.as_str(),
                t.value
            )
        })
        .collect();
    assert_eq!(got, expect, "\ntext: {text}");
}
