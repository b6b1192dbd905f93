//! Fuzz target: any bytes as a JSONL input line, and any UTF-8 as article text.
//! Neither `parse_line` nor the coder may panic, and event offsets must lie on
//! character boundaries inside the text.
#![no_main]

use std::sync::OnceLock;

use dyad_core::schema::InputDoc;
use dyad_core::Coder;
use libfuzzer_sys::fuzz_target;

fn coder() -> &'static Coder {
    static CODER: OnceLock<Coder> = OnceLock::new();
    CODER.get_or_init(Coder::builtin)
}

fuzz_target!(|data: &[u8]| {
    let _ = dyad_core::input::parse_line(data);
    if let Ok(text) = std::str::from_utf8(data) {
        let doc = InputDoc {
            id: "fuzz".into(),
            date: "2024-07-12".into(),
            text: text.to_string(),
            title: None,
            source: None,
            url: None,
        };
        if let Ok(events) = coder().code(&doc) {
            for e in events {
                assert!(text.get(e.trigger.start..e.trigger.end).is_some());
            }
        }
    }
});
