//! Local anchors: the place a sentence itself puts a name in.
//!
//! "Cairo's Abbasiya district", "London's Heathrow", "the villages of Foua and Kfraya in
//! Idlib", "Thomas Memorial Hospital in South Charleston", "Puge county of Sichuan province":
//! a name that the gazetteer lacks (a village, a district, a building), or whose readings all
//! lie far from the place the sentence names, is best placed at that place. The anchor is
//! - the possessive owner right before the name ("Cairo's", "Paris'"), else
//! - for a name the gazetteer lacks, the first resolved place after it in the same sentence,
//!   within [`MAX_GAP`] bytes, when the words between contain "in", "of" or "near" ("X and Y
//!   in Z"), else the list item right before it ("the towns of Bocaranga and Bazoum").

use crate::recognize::Mention;
use crate::unlisted::HEAD_AFTER;
use crate::words::{has_ci, GENERIC_HEAD};

/// Bytes between a name and the place after it that can anchor it.
const MAX_GAP: usize = 48;

/// The mention anchoring the span `[a, b)`: an index into `ms` (context mentions and the
/// other spans, sorted or not) whose choice is known. With `owner_only`, only a possessive
/// owner counts (a container after a known name is too often the next item of a list).
pub(crate) fn anchor(
    text: &str,
    a: usize,
    b: usize,
    ms: &[Mention],
    chosen: &[Option<u32>],
    owner_only: bool,
) -> Option<usize> {
    let usable = |i: usize| chosen[i].is_some() && !ms[i].demonym;
    // Possessive owner: "Cairo's Abbasiya", "Paris' Champs-Elysees".
    let before = text.get(..a).unwrap_or("");
    for suffix in ["'s ", "’s ", "' ", "’ "] {
        if let Some(owner_end) = before.strip_suffix(suffix).map(str::len) {
            if let Some(i) = (0..ms.len()).find(|&i| ms[i].end == owner_end && usable(i)) {
                return Some(i);
            }
        }
    }
    if owner_only {
        return None;
    }
    // A container after the name: "in Idlib", "of Sichuan province".
    let mut best: Option<usize> = None;
    for i in 0..ms.len() {
        let m = &ms[i];
        if m.start < b || m.start - b > MAX_GAP || !usable(i) {
            continue;
        }
        if best.is_some_and(|j| ms[j].start <= m.start) {
            continue;
        }
        let Some(gap) = text.get(b..m.start) else {
            continue;
        };
        if gap.contains(['.', ';', '(', ')', '"', '“', '”']) || gap.contains("\n\n") {
            continue;
        }
        // Only list words, articles and division heads may stand between ("Foua and Kfraya
        // in Idlib", "Puge county of Sichuan"), not a clause ("... district hit the church
        // of St. Peter").
        let mut prep = false;
        let plain = gap
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .all(|w| {
                let lw = w.to_lowercase();
                prep |= matches!(lw.as_str(), "in" | "of" | "near");
                w.chars().next().is_some_and(char::is_uppercase)
                    || matches!(lw.as_str(), "in" | "of" | "near" | "the" | "and" | "or")
                    || has_ci(GENERIC_HEAD, &lw)
                    || has_ci(HEAD_AFTER, &lw)
            });
        if prep && plain {
            best = Some(i);
        }
    }
    best.or_else(|| sibling(text, a, ms, chosen))
}

/// The list item right before the name: "the towns of Bocaranga and Bazoum", "Foua, Kfraya".
fn sibling(text: &str, a: usize, ms: &[Mention], chosen: &[Option<u32>]) -> Option<usize> {
    let before = text.get(..a)?;
    let item_end = before
        .strip_suffix(" and ")
        .or_else(|| before.strip_suffix(" or "))
        .or_else(|| before.strip_suffix(", "))?
        .len();
    (0..ms.len()).find(|&i| ms[i].end == item_end && chosen[i].is_some() && !ms[i].demonym)
}
