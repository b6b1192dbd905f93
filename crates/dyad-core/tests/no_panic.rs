//! No input makes dyad-core panic: arbitrary bytes through `input::parse_line`,
//! arbitrary text through `Coder::annotate`.
//!
//! Case counts are moderate so that the suite runs in seconds; the generators
//! lean towards news-like text (words, titles, punctuation, quotes, Unicode
//! dashes and spaces, digits and dates) so that the pipeline's deeper stages
//! are reached, not only the tokenizer. `PROPTEST_CASES=20000 cargo test
//! --release -p dyad-core --test no_panic` hunts longer.

use dyad_core::input::parse_line;
use dyad_core::schema::InputDoc;
use dyad_core::Coder;
use proptest::prelude::*;
use std::sync::OnceLock;

fn coder() -> &'static Coder {
    static CODER: OnceLock<Coder> = OnceLock::new();
    CODER.get_or_init(Coder::builtin)
}

/// `n` cases, or `$PROPTEST_CASES` for a longer hunt.
fn cases(n: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(n)
}

fn doc(text: String) -> InputDoc {
    InputDoc {
        id: "p".into(),
        date: "2024-07-12".into(),
        text,
        title: None,
        source: None,
        url: None,
    }
}

/// Pieces of news text, including the awkward ones.
const PIECES: &[&str] = &[
    "Russian",
    "President",
    "Vladimir Putin",
    "met",
    "his",
    "Belarusian counterpart",
    "in",
    "Minsk",
    "on",
    "Thursday",
    "said",
    ".",
    ",",
    "\"",
    "\u{201c}",
    "\u{201d}",
    "\u{2019}s",
    "'s",
    " - ",
    "\u{2014}",
    "\u{a0}",
    "U.S.",
    "Sept. 15",
    "Gen.",
    "Jr.",
    "3.5",
    "2024",
    "last year",
    "two days after",
    "the talks",
    "the two sides",
    "they",
    "he",
    "their",
    "agreed",
    "did not agree",
    "will visit",
    "was attacked by",
    "Israeli warplanes",
    "state media reported",
    "sanctions",
    "protesters",
    "police",
    "aid",
    "North Korean Vice Foreign Minister Im Chon-il",
    "NATO",
    "the UN",
    "\n",
    "\n\n",
    "(",
    ")",
    "?",
    "!",
    ";",
    ":",
    "e\u{301}",
    "\u{200b}",
    "\u{feff}",
    "\u{1F600}",
    "\t",
    "  ",
    "A",
    "I.",
];

fn news_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(PIECES).prop_map(str::to_string),
            1 => "[a-zA-Z]{1,12}",
            1 => any::<String>().prop_map(|s| s.chars().take(8).collect()),
        ],
        0..120,
    )
    .prop_map(|parts| parts.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(256), ..ProptestConfig::default() })]

    #[test]
    fn parse_line_never_panics_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = parse_line(&bytes);
    }

    #[test]
    fn parse_line_never_panics_on_json_like_lines(
        id in any::<String>(),
        date in prop_oneof!["[0-9]{4}-[0-9]{2}-[0-9]{2}", any::<String>()],
        text in any::<String>(),
        extra in "[{}\\[\\]\",:a-z0-9 ]{0,20}",
    ) {
        let line = format!(r#"{{"id":{},"date":{},"text":{}{extra}"#,
            serde_json::to_string(&id).unwrap(), serde_json::to_string(&date).unwrap(),
            serde_json::to_string(&text).unwrap());
        let _ = parse_line(line.as_bytes());
        let _ = parse_line(format!("{line}}}").as_bytes());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(96), ..ProptestConfig::default() })]

    #[test]
    fn annotate_never_panics_on_news_like_text(text in news_text()) {
        let _ = coder().annotate(&doc(text));
    }

    #[test]
    fn annotate_never_panics_on_arbitrary_text(text in any::<String>()) {
        let _ = coder().annotate(&doc(text));
    }

    #[test]
    fn code_offsets_stay_inside_the_text(text in news_text()) {
        if let Ok(events) = coder().code(&doc(text.clone())) {
            for e in events {
                prop_assert!(text.get(e.trigger.start..e.trigger.end).is_some());
                for a in [&e.actor, &e.recipient, &e.reported_by].into_iter().flatten() {
                    prop_assert!(text.get(a.start..a.end).is_some(), "actor span {}..{} in {:?}", a.start, a.end, text);
                }
            }
        }
    }
}
