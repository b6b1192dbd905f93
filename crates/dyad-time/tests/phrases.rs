//! Data-driven checks: each case is a text, a DCT and the expected
//! expressions as `span => TYPE value` lines.

use chrono::NaiveDate;
use dyad_time::{Direction, Tagger, Unit};

mod common;
use common::check;

#[test]
fn reference_article() {
    let dct = "2024-07-12";
    check(
        "The two sides agreed Thursday to expand cooperation.",
        dct,
        &["Thursday => DATE 2024-07-11"],
    );
    check(
        "KCNA reported on Friday that the talks ended.",
        dct,
        &["Friday => DATE 2024-07-12"],
    );
    check(
        "He visited Pyongyang on Sept. 15 last year.",
        dct,
        &["Sept. 15 last year => DATE 2023-09-15"],
    );
    check(
        "The deal was signed in January.",
        dct,
        &["January => DATE 2024-01"],
    );
    check(
        "Talks resumed several months after the visit.",
        dct,
        &["several months => DURATION PXM"],
    );
}

#[test]
fn tense_picks_the_week() {
    let dct = "2024-07-12"; // a Friday
    check(
        "The ministers met on Thursday.",
        dct,
        &["Thursday => DATE 2024-07-11"],
    );
    check(
        "The ministers will meet on Thursday.",
        dct,
        &["Thursday => DATE 2024-07-18"],
    );
    check(
        "They are scheduled to meet Monday.",
        dct,
        &["Monday => DATE 2024-07-15"],
    );
    check(
        "Officials said Monday the talks failed.",
        dct,
        &["Monday => DATE 2024-07-08"],
    );
    check(
        "The vote was held last Friday.",
        dct,
        &["last Friday => DATE 2024-07-05"],
    );
    check(
        "The vote is due next Tuesday.",
        dct,
        &["next Tuesday => DATE 2024-07-16"],
    );
}

#[test]
fn calendar_dates() {
    let dct = "2024-07-12";
    check(
        "on 15 September 2023",
        dct,
        &["15 September 2023 => DATE 2023-09-15"],
    );
    check(
        "on 9/15/2023 and 2023-09-15",
        dct,
        &[
            "9/15/2023 => DATE 2023-09-15",
            "2023-09-15 => DATE 2023-09-15",
        ],
    );
    check(
        "from March 3-5",
        dct,
        &["March 3 => DATE 2024-03-03", "5 => DATE 2024-03-05"],
    );
    check(
        "Monday, Oct. 26, 1998",
        dct,
        &["Monday, Oct. 26, 1998 => DATE 1998-10-26"],
    );
    check("in July 1997", dct, &["July 1997 => DATE 1997-07"]);
    check("since 1990", dct, &["1990 => DATE 1990"]);
    check(
        "the 1990s and the '80s",
        dct,
        &["the 1990s => DATE 199", "the '80s => DATE 198"],
    );
    check("in the 20th century", dct, &["the 20th century => DATE 19"]);
    check("in fiscal 1989", dct, &["fiscal 1989 => DATE 1989"]);
    check(
        "in nineteen ninety-six",
        dct,
        &["nineteen ninety-six => DATE 1996"],
    );
    check(
        "on Christmas Day",
        dct,
        &["Christmas Day => DATE 2024-12-25"],
    );
}

#[test]
fn parts_and_contexts() {
    let dct = "1998-08-12"; // a Wednesday, ISO week 33
    check("this week", dct, &["this week => DATE 1998-W33"]);
    check("last month", dct, &["last month => DATE 1998-07"]);
    check(
        "earlier this year",
        dct,
        &["earlier this year => DATE 1998"],
    );
    check("late last year", dct, &["late last year => DATE 1997"]);
    check(
        "over the past three years",
        dct,
        &["the past three years => DURATION P3Y"],
    );
    check(
        "in the third quarter",
        dct,
        &["the third quarter => DATE 1998-Q3"],
    );
    check(
        "first-quarter profit",
        dct,
        &["first-quarter => DATE 1998-Q1"],
    );
    check(
        "the first half of 1997",
        dct,
        &["the first half of 1997 => DATE 1997-H1"],
    );
    check("last fall", dct, &["last fall => DATE 1997-FA"]);
    check("this summer", dct, &["this summer => DATE 1998-SU"]);
    check("in the early 1990s", dct, &["the early 1990s => DATE 199"]);
    check("a year earlier", dct, &["a year earlier => DATE 1997"]);
    check("the weekend", dct, &["the weekend => DATE 1998-W32-WE"]);
    check(
        "yesterday morning",
        dct,
        &["yesterday morning => TIME 1998-08-11TMO"],
    );
}

#[test]
fn times_of_day() {
    let dct = "1998-08-12";
    check(
        "at 10:35 a.m. (0735 GMT)",
        dct,
        &[
            "10:35 a.m. => TIME 1998-08-12T10:35",
            "0735 GMT => TIME 1998-08-12T07:35",
        ],
    );
    check(
        "at 5 p.m. EST Friday",
        dct,
        &["5 p.m. EST Friday => TIME 1998-08-07T17:00"],
    );
    check("at noon", dct, &["noon => TIME 1998-08-12T12:00"]);
}

#[test]
fn durations_and_sets() {
    let dct = "1998-08-12";
    check("for a decade", dct, &["a decade => DURATION P10Y"]);
    check("a two-year deal", dct, &["two-year => DURATION P2Y"]);
    check("within 48 hours", dct, &["48 hours => DURATION PT48H"]);
    check("2 1/2 years", dct, &["2 1/2 years => DURATION P2Y6M"]);
    check(
        "twenty-four hours",
        dct,
        &["twenty-four hours => DURATION PT24H"],
    );
    check("every Monday", dct, &["every Monday => SET XXXX-WXX-1"]);
    check("paid annually", dct, &["annually => SET P1Y"]);
    check(
        "three times a week",
        dct,
        &["three times a week => SET P1W"],
    );
    check("two weeks ago", dct, &["two weeks ago => DATE 1998-07-29"]);
    check("five years ago", dct, &["five years ago => DATE 1993"]);
}

#[test]
fn vague_references() {
    let dct = "1998-08-12";
    check("He recently said", dct, &["recently => DATE PAST_REF"]);
    check("It is now clear", dct, &["now => DATE PRESENT_REF"]);
    check(
        "in the coming months",
        dct,
        &["the coming months => DATE FUTURE_REF"],
    );
    check("in the future", dct, &["the future => DATE FUTURE_REF"]);
}

#[test]
fn no_false_alarms() {
    let dct = "1998-08-12";
    check("He paid $1990 for 2000 shares.", dct, &[]);
    check("Czech minister Jan Kavan may march.", dct, &[]);
    check("a 6-year-old boy", dct, &[]);
    check("a quarter of the vote", dct, &[]);
}

#[test]
fn event_anchors() {
    let t = Tagger::new();
    let dct = NaiveDate::from_ymd_opt(2024, 7, 12).unwrap();
    let text = "The meeting occurred just two days after Putin's summit.";
    let x = t.tag(text, dct);
    assert_eq!(x.len(), 1);
    assert_eq!(&text[x[0].start..x[0].end], "two days");
    let a = x[0].event_anchor.clone().unwrap();
    assert_eq!(
        (a.amount, a.unit, a.direction),
        (Some(2), Unit::Day, Direction::After)
    );
    assert_eq!(&text[a.anchor_start..], "Putin's summit.");
    let summit = NaiveDate::from_ymd_opt(2024, 6, 19).unwrap();
    assert_eq!(a.apply(summit), NaiveDate::from_ymd_opt(2024, 6, 21));

    let text = "A month earlier, the talks had failed.";
    let x = t.tag(text, dct);
    let a = x[0].event_anchor.clone().unwrap();
    assert_eq!(
        (a.amount, a.unit, a.direction, a.anchor_start),
        (Some(1), Unit::Month, Direction::Before, x[0].end)
    );

    let text = "They spoke the day before the summit.";
    let x = t.tag(text, dct);
    let a = x[0].event_anchor.clone().unwrap();
    assert_eq!((a.amount, a.direction), (Some(1), Direction::Before));
    assert_eq!(&text[a.anchor_start..], "the summit.");

    let text = "Talks resumed several months after the visit.";
    let a = t.tag(text, dct)[0].event_anchor.clone().unwrap();
    assert_eq!((a.amount, a.unit), (None, Unit::Month));
    assert_eq!(a.apply(dct), None);
}

#[test]
fn calendar_date_reduction() {
    let t = Tagger::new();
    let dct = NaiveDate::from_ymd_opt(2024, 7, 12).unwrap();
    let x = t.tag("at 10:00 a.m. Thursday, for three days, in 2023, now", dct);
    let cal: Vec<Option<String>> = x.iter().map(|t| t.calendar_date()).collect();
    assert_eq!(
        cal,
        [Some("2024-07-11".into()), None, Some("2023".into()), None]
    );
}

#[test]
fn weeks_reduce_to_their_month_or_year() {
    let t = Tagger::new();
    let dct = NaiveDate::from_ymd_opt(2024, 7, 12).unwrap();
    // Next week is 15-21 July; the week of 29 July runs into August.
    let x = t.tag("next week", dct);
    assert_eq!(x[0].value, "2024-W29");
    assert_eq!(x[0].calendar_date(), Some("2024-07".into()));
    let dct = NaiveDate::from_ymd_opt(2024, 7, 24).unwrap();
    let x = t.tag("next week", dct);
    assert_eq!(x[0].value, "2024-W31");
    assert_eq!(x[0].calendar_date(), Some("2024".into()));
    // Not a week: no reduction.
    let x = t.tag("every week", dct);
    assert!(x.iter().all(|t| t.calendar_date().is_none()), "{x:?}");
}

#[test]
fn never_panics_on_odd_input() {
    let t = Tagger::new();
    let dct = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
    for s in [
        "",
        "9999-99-99",
        "Feb. 31",
        "31/31/31",
        "the",
        "a a a a",
        "Q9 2023",
        "—–“”",
        "12:99 p.m.",
        "0000s",
        "March 31-45",
        "99999999999999999999 years",
        "ago ago",
        "éè 2024年",
    ] {
        let out = t.tag(s, dct);
        for w in out.windows(2) {
            assert!(w[0].end <= w[1].start);
        }
        for x in &out {
            assert!(s.is_char_boundary(x.start) && s.is_char_boundary(x.end) && x.start < x.end);
        }
    }
}

#[test]
fn hours_after_an_event_round_to_days() {
    let t = Tagger::new();
    let dct = NaiveDate::from_ymd_opt(2024, 7, 12).unwrap();
    let x = t.tag("Troops withdrew 48 hours after the ceasefire.", dct);
    let a = x[0].event_anchor.clone().unwrap();
    assert_eq!((a.amount, a.unit), (Some(2), Unit::Day));
}

#[test]
fn tagger_is_shareable() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Tagger>();
}
