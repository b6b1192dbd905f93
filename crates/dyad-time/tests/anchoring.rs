//! Data-driven checks of reference-time tracking and tense: expressions
//! dated from another date in the text rather than the DCT, and the tense
//! cues that pick a weekday's week. Each case is a text, a DCT and the
//! expected `span => TYPE value` lines.

use chrono::NaiveDate;
use dyad_time::Tagger;

mod common;
use common::{check, check_with};

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
        &["then current => DATE PAST_REF"],
    );
}

#[test]
fn reporting_periods() {
    // after "the nine months", "a year earlier" is the year before, not the quarter
    check(
        "Profit rose in the third quarter. For the nine months, it earned $2 billion, up from $1.7 billion a year earlier.",
        "1989-10-26",
        &[
            "the third quarter => DATE 1989-Q3",
            "the nine months => DURATION P9M",
            "a year earlier => DATE 1988",
        ],
    );
    check(
        "It lost $23 million in the latest quarter, compared with earnings of $33 million last year.",
        "1989-10-30",
        &["the latest quarter => DATE 1989-Q3", "last year => DATE 1988-Q3"],
    );
}

#[test]
fn titles_and_bare_plurals() {
    check(
        "Baker said on ABC's \"This Week\" that talks continue this week.",
        "1990-08-13",
        &["this week => DATE 1990-W33"],
    );
    check("The film \"High Noon\" was shown.", "1999-03-12", &[]);
    check(
        "He spoke on CBS's \"60 Minutes\" last night.",
        "2000-04-17",
        &["last night => TIME 2000-04-16TNI"],
    );
    check(
        "The deal follows months of twists and turns, and will not happen for a while.",
        "1989-10-27",
        &["months => DURATION PXM", "a while => DURATION PXX"],
    );
    check(
        "Over the years, and in the years that followed, prices rose.",
        "2000-04-01",
        &["the years => DURATION PXY", "the years => DURATION PXY"],
    );
}

#[test]
fn no_day_is_invented() {
    check(
        "The market crashed in October 1987. Traders lost heavily that day.",
        "1989-10-30",
        &[
            "October 1987 => DATE 1987-10",
            "that day => DATE 1987-10-XX",
        ],
    );
    check(
        "Flights will leave Bombay on Monday and Tuesday nights.",
        "1998-02-13",
        &[
            "Monday => SET XXXX-WXX-1TNI",
            "Tuesday nights => SET XXXX-WXX-2TNI",
        ],
    );
    check(
        "Its share of 7% before Friday's purchases is far below the limit.",
        "1989-10-30",
        &["Friday => DATE 1989-10-27"],
    );
    check(
        "Sales rose in the third quarter. The 1988 period included a gain.",
        "1989-10-26",
        &[
            "the third quarter => DATE 1989-Q3",
            "The 1988 period => DATE 1988-Q3",
        ],
    );
}

#[test]
fn odd_input_around_the_new_rules() {
    let t = Tagger::new();
    let dct = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
    let long = format!("at 10 a.m. {}", "()".repeat(100_000));
    for s in [
        "the day before",
        "the day after",
        ", the day before",
        "that same",
        "that same day",
        "the next morning",
        "Monday and",
        "Monday and Tuesday",
        "ended",
        "ended Jan. 31",
        "since",
        "the 1988 period",
        "year-end",
        "until Thursday had",
        "4 in the morning (",
        "4 in the morning ( 4 a.m. Thursday",
        "10 a.m. (",
        "\"This",
        "\"60 Minutes",
        "a week or so",
        "months of",
        "over the years",
        "for a while",
        "post-",
        "post-1959",
        "pre-",
        "a year or",
        "weeks or",
        "1994 or",
        "1994 or later",
        "no more than",
        "at most",
        "last Thanksgiving",
        "next",
        "the week",
        "meet Monday",
        long.as_str(),
    ] {
        let out = t.tag(s, dct);
        for w in out.windows(2) {
            assert!(w[0].end <= w[1].start, "{s}");
        }
        for x in &out {
            assert!(s.is_char_boundary(x.start) && s.is_char_boundary(x.end) && x.start < x.end);
        }
    }
}

/// Value rules of round 3, each named after the error class it fixes.
#[test]
fn round3_value_rules() {
    let t = Tagger::new();
    for (text, dct, expect) in [
        // a present form of a scheduling verb before a weekday points ahead
        (
            "Netanyahu and Arafat meet separately Monday with Albright.",
            "1998-05-01",
            &["Monday => DATE 1998-05-04"][..],
        ),
        (
            "The commission meets Wednesday to review the plan.",
            "2024-07-12",
            &["Wednesday => DATE 2024-07-17"][..],
        ),
        // ... but not as a noun or after an auxiliary
        (
            "The vote Tuesday went badly for the government.",
            "2024-07-12",
            &["Tuesday => DATE 2024-07-09"][..],
        ),
        (
            "The two leaders did not meet Monday.",
            "2024-07-12",
            &["Monday => DATE 2024-07-08"][..],
        ),
        // a day and month with no tense cue: nearest, up to six months ahead
        (
            "Two flights from March 30, with the third departing each Thursday from August 6.",
            "1998-02-13",
            &["March 30 => DATE 1998-03-30", "each Thursday => SET XXXX-WXX-4", "August 6 => DATE 1998-08-06"][..],
        ),
        (
            "Stocks are within points of the record high set on Aug. 6.",
            "1998-02-06",
            &["Aug. 6 => DATE 1997-08-06"][..],
        ),
        // a month opening a past sentence ("In January, X brought in") has begun
        (
            "The merger follows months of turns. In January, American Medical brought in a new chief.",
            "1989-10-27",
            &["months => DURATION PXM", "January => DATE 1989-01"][..],
        ),
        (
            "In January, the company will open a plant.",
            "1989-10-27",
            &["January => DATE 1990-01"][..],
        ),
        // "the week" alone is the week of the last day mentioned
        (
            "The index fell 1.2% on Friday. For the week, it dropped 3.8%.",
            "1989-10-30",
            &["Friday => DATE 1989-10-27", "the week => DATE 1989-W43"][..],
        ),
        (
            "Talks resume the week of June 3.",
            "2024-07-12",
            &["the week of June 3 => DATE 2024-W23"][..],
        ),
        // "last Thanksgiving" is the one before the DCT, "next Christmas" the one after
        (
            "He was found in the Atlantic last Thanksgiving.",
            "2000-02-10",
            &["last Thanksgiving => DATE 1999-11-25"][..],
        ),
        (
            "The troops will be home by next Christmas.",
            "2024-07-12",
            &["next Christmas => DATE 2024-12-25"][..],
        ),
        (
            "The shops were busy last Christmas.",
            "2024-07-12",
            &["last Christmas => DATE 2023-12-25"][..],
        ),
        // "the quarter a year ago" is last year's quarter
        (
            "It lost $226 million in the third quarter. For the quarter a year ago, it earned $16 million.",
            "1989-10-26",
            &["the third quarter => DATE 1989-Q3", "the quarter => DATE 1988-Q3", "a year ago => DATE 1988-Q3"][..],
        ),
        // "the 1988 period" after a nine-month figure is a comparison, not the period under report
        (
            "In the first nine months, net was $306 million, against a loss in the 1988 period. The year-ago results included a charge.",
            "1989-11-02",
            &["the first nine months => DURATION P9M", "the 1988 period => DATE 1988", "year-ago => DATE 1988"][..],
        ),
    ] {
        check_with(&t, text, dct, expect);
    }
}
