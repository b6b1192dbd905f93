//! One table per rule class added in the value-F1 pass (see docs/time.md,
//! "Anchoring and tense rules" and "TIMEX3 conventions"): each row is a
//! text, its DCT and the expected `span => TYPE value` lines, in order.

use dyad_time::Tagger;

type Case = (&'static str, &'static str, &'static [&'static str]);

mod common;

fn check_all(cases: &[Case]) {
    let tagger = Tagger::new();
    for (text, dct, expect) in cases {
        common::check_with(&tagger, text, dct, expect);
    }
}

#[test]
fn tense_cues_that_are_not_tense() {
    check_all(&[
        // "next to" is a place, not the next week
        (
            "A bomb ripped through a building next to the embassy Friday morning.",
            "1998-08-08",
            &["Friday morning => TIME 1998-08-07TMO"],
        ),
        // a participle after "will be" is future, not a past "-ed" form
        (
            "Collins will be named commander of the shuttle for a mission in December.",
            "1998-03-04",
            &["December => DATE 1998-12"],
        ),
        (
            "The talks are to be held in Geneva on Thursday.",
            "2024-07-12",
            &["Thursday => DATE 2024-07-18"],
        ),
        (
            "The leaders are expected to be named Thursday.",
            "2024-07-12",
            &["Thursday => DATE 2024-07-18"],
        ),
        // "had to be" is over
        (
            "Hundreds had to be evacuated Thursday.",
            "2024-07-12",
            &["Thursday => DATE 2024-07-11"],
        ),
        // the object of a plan lies ahead, like "planned to leave"
        (
            "Protesters planned a large demonstration in Little Havana on Saturday.",
            "2000-01-07",
            &["Saturday => DATE 2000-01-08"],
        ),
        // past participles elsewhere stay past
        (
            "The talks were held in Geneva on Thursday.",
            "2024-07-12",
            &["Thursday => DATE 2024-07-11"],
        ),
    ]);
}

#[test]
fn future_clauses_do_not_reach_back_to_a_month_that_is_over() {
    check_all(&[
        (
            "She will fly a mission in December.",
            "1998-03-04",
            &["December => DATE 1998-12"],
        ),
        // the current month is still open
        (
            "She will fly a mission in March.",
            "1998-03-04",
            &["March => DATE 1998-03"],
        ),
        // past and unmarked clauses keep the nearest reading
        (
            "She flew a mission in December.",
            "1998-03-04",
            &["December => DATE 1997-12"],
        ),
    ]);
}

#[test]
fn discourse_now() {
    check_all(&[
        ("Now, he says, it looks like war.", "1991-02-25", &[]),
        ("\"Now, we see that edge eroded.\"", "1991-02-25", &[]),
        (
            "Now the alliance's mission is more.",
            "1999-03-12",
            &["Now => DATE PRESENT_REF"],
        ),
        (
            "The fund now holds cash.",
            "1989-10-27",
            &["now => DATE PRESENT_REF"],
        ),
        (
            "For now, the plan stands.",
            "1989-10-27",
            &["now => DATE PRESENT_REF"],
        ),
    ]);
}

#[test]
fn parts_of_the_day_under_discussion() {
    check_all(&[
        (
            "In London at mid-afternoon yesterday, shares were up.",
            "1989-11-02",
            &["mid-afternoon yesterday => TIME 1989-11-01TAF"],
        ),
        (
            "By mid afternoon, sources were saying the offensive was over.",
            "1998-03-06",
            &["mid afternoon => TIME 1998-03-06TAF"],
        ),
        (
            "Stocks fell on Friday. Dealers placed orders in the morning.",
            "1989-10-30",
            &[
                "Friday => DATE 1989-10-27",
                "the morning => TIME 1989-10-27TMO",
            ],
        ),
        // not a part of a day without the preposition
        ("The morning was quiet.", "1989-10-30", &[]),
    ]);
}

#[test]
fn the_latest_ended_quarter_is_the_one_under_report() {
    check_all(&[(
        "Kimberly-Clark posted a 20% gain in third-quarter net income. After a flat second \
         quarter, earnings were enhanced by charges taken in the year-earlier period.",
        "1989-11-01",
        &[
            "third-quarter => DATE 1989-Q3",
            "second quarter => DATE 1989-Q2",
            "the year-earlier period => DATE 1988-Q3",
        ],
    )]);
}

#[test]
fn periods_named_with_the() {
    check_all(&[
        (
            "Demand for its computers will stay weak well into the summer.",
            "1989-10-26",
            &["the summer => DATE 1990-SU"],
        ),
        (
            "The problems delayed shipments well into the summer.",
            "1989-10-26",
            &["the summer => DATE 1989-SU"],
        ),
        (
            "They plan to have 40,000 troops in the region by the end of the month.",
            "1990-08-13",
            &["the end of the month => DATE 1990-08"],
        ),
        (
            "He will decide by the end of the week.",
            "1990-08-13",
            &["the end of the week => DATE 1990-W33"],
        ),
        // "the month" alone is not dated
        ("The month was hard.", "1990-08-13", &[]),
    ]);
}

#[test]
fn later_in_the_day() {
    check_all(&[
        (
            "Clinton visited Buffalo on Tuesday and arrived in Philadelphia later in the day.",
            "1998-02-13",
            &[
                "Tuesday => DATE 1998-02-10",
                "later in the day => DATE 1998-02-10",
            ],
        ),
        // "before" after it belongs to the verb phrase: no anchor, no XXXX
        (
            "She toured the site and spoke later in the day before returning home.",
            "1998-08-17",
            &["later in the day => DATE 1998-08-17"],
        ),
    ]);
}

#[test]
fn undated_clock_times_in_a_past_narrative() {
    check_all(&[
        (
            "Slepian was killed on Oct. 23. He was shot at 10 p.m. in his kitchen.",
            "1999-04-19",
            &[
                "Oct. 23 => DATE 1998-10-23",
                "10 p.m. => TIME 1998-10-23T22:00",
            ],
        ),
        // a future clause, or no day mentioned: the DCT
        (
            "Slepian was killed on Oct. 23. The vigil will start at 10 p.m.",
            "1999-04-19",
            &[
                "Oct. 23 => DATE 1998-10-23",
                "10 p.m. => TIME 1999-04-19T22:00",
            ],
        ),
        (
            "He was shot at 10 p.m. in his kitchen.",
            "1999-04-19",
            &["10 p.m. => TIME 1999-04-19T22:00"],
        ),
    ]);
}

#[test]
fn earlier_and_later_stay_outside_a_weekday() {
    check_all(&[
        (
            "Earlier Friday, lawyers filed a petition.",
            "2000-01-07",
            &["Friday => DATE 2000-01-07"],
        ),
        (
            "Later Thursday, two cousins met him.",
            "2000-02-10",
            &["Thursday => DATE 2000-02-10"],
        ),
        // "early" and "late" modify the day and stay inside
        (
            "The vote ended late Monday.",
            "2000-04-05",
            &["late Monday => DATE 2000-04-03"],
        ),
    ]);
}
