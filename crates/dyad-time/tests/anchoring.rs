//! Data-driven checks of reference-time tracking and tense: expressions
//! dated from another date in the text rather than the DCT, and the tense
//! cues that pick a weekday's week. Each case is a text, a DCT and the
//! expected `span => TYPE value` lines.

use chrono::NaiveDate;
use dyad_time::Tagger;

fn check(text: &str, dct: &str, expect: &[&str]) {
    let dct = NaiveDate::parse_from_str(dct, "%Y-%m-%d").unwrap();
    let got: Vec<String> = Tagger::new()
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

#[test]
fn day_before_or_after_a_dated_event() {
    // apposition: the day named is the date itself
    check(
        "Stocks fell sharply on Oct. 12, the day before the market plunge.",
        "1989-10-30",
        &[
            "Oct. 12 => DATE 1989-10-12",
            "the day before => DATE 1989-10-12",
        ],
    );
    // a date inside the anchor phrase
    check(
        "The day before last Tuesday's court hearing, he left.",
        "2000-02-24",
        &[
            "The day before => DATE 2000-02-21",
            "last Tuesday => DATE 2000-02-22",
        ],
    );
    // the last day of the narrative
    check(
        "Slepian was shot on Friday night. Two men came to his house the day after his death.",
        "1998-10-26",
        &[
            "Friday night => TIME 1998-10-23TNI",
            "the day after => DATE 1998-10-24",
        ],
    );
    check(
        "He was arrested on Feb. 22 and appeared in court the next morning.",
        "2000-02-24",
        &[
            "Feb. 22 => DATE 2000-02-22",
            "the next morning => DATE 2000-02-23",
        ],
    );
}

#[test]
fn the_period_under_report() {
    // a forecast year is not the year "the full year" or "a year earlier" is about
    check(
        "Sales rose in the third quarter. It sees growth through 1992 and an increase for the full year.",
        "1989-10-30",
        &[
            "the third quarter => DATE 1989-Q3",
            "1992 => DATE 1992",
            "the full year => DATE 1989",
        ],
    );
    check(
        "Profit fell in the third quarter. Losses will continue through the third quarter of 1990. In the year-ago period, it earned $1 million.",
        "1989-10-26",
        &[
            "the third quarter => DATE 1989-Q3",
            "the third quarter of 1990 => DATE 1990-Q3",
            "the year-ago period => DATE 1988-Q3",
        ],
    );
    check(
        "Revenue for the fiscal year ended Jan. 31 rose.",
        "1989-10-31",
        &[
            "the fiscal year => DURATION P1Y",
            "Jan. 31 => DATE 1989-01-31",
        ],
    );
    check(
        "The index is up 5% since year-end. The sale should close by year-end.",
        "1989-10-30",
        &["year-end => DATE 1988-12-31", "year-end => DATE 1989-12-31"],
    );
}

#[test]
fn tense_cues() {
    let dct = "1989-10-30"; // a Monday
    check(
        "The offer had been due to expire Friday evening.",
        dct,
        &["Friday evening => TIME 1989-10-27TEV"],
    );
    check(
        "Until Thursday, the police had not called him a suspect.",
        "1999-05-07",
        &["Thursday => DATE 1999-05-06"],
    );
    check(
        "The father would be traveling to the United States Thursday.",
        "2000-04-05",
        &["Thursday => DATE 2000-04-06"],
    );
    check(
        "He will leave at 4 in the morning (4 a.m. EDT Thursday).",
        "2000-04-05",
        &[
            "4 in the morning => TIME 2000-04-06T04:00",
            "4 a.m. EDT Thursday => TIME 2000-04-06T04:00",
        ],
    );
    check(
        "The blast occurred at 10:35 a.m. (0735 GMT) Friday.",
        "1998-08-08",
        &[
            "10:35 a.m. => TIME 1998-08-07T10:35",
            "0735 GMT => TIME 1998-08-08T07:35",
            "Friday => DATE 1998-08-07",
        ],
    );
    check(
        "On Friday, when she set aside vacation plans, officials met.",
        "1998-08-17",
        &["Friday => DATE 1998-08-14"],
    );
    check(
        "Gen. Schwarzkopf picked the date a week or so ago.",
        "1991-02-25",
        &["a week or so ago => DATE 1991-02-18"],
    );
}

#[test]
fn months_without_a_year() {
    // no tense cue: a month up to four months ahead is the coming one
    check(
        "The company must repay the bridge loan by February.",
        "1989-10-30",
        &["February => DATE 1990-02"],
    );
    // a past clause keeps it behind the DCT
    check(
        "Since KKR bought RJR in February, it has sold assets.",
        "1989-10-30",
        &["February => DATE 1989-02"],
    );
}

#[test]
fn timebank_conventions() {
    check(
        "Prices rose over the past year and in recent years.",
        "1998-03-03",
        &[
            "the past year => DATE 1997",
            "recent years => DATE PAST_REF",
        ],
    );
    check(
        "It bought shares at the then current price.",
        "1989-10-26",
        &["current => DATE PAST_REF"],
    );
}
