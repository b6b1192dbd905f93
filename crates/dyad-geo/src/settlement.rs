//! Names the text itself calls a settlement: "the city of Turkey", "the town of Paris".
//!
//! After "city of", "town of" or "village of" a name is a populated place, whatever else it
//! may name: "Tickets are $15, according to the city of Turkey" is the Texas town, not the
//! country. The name keeps only its populated readings (when it has any), and so do its other
//! mentions in the story (the same name means the same place), so that the story's focus
//! votes then choose among towns.

use crate::gazetteer::Gazetteer;
use crate::recognize::Mention;

/// Heads that make the following name a populated place (lowercase; compared ignoring case).
const SETTLEMENT_OF: &[&str] = &[
    "city of",
    "town of",
    "village of",
    "hamlet of",
    "cities of",
    "towns of",
    "villages of",
];

/// True when the text right before `start` ends with a settlement head and one space.
fn after_head(text: &str, start: usize) -> bool {
    let Some(before) = text.get(..start).and_then(|b| b.strip_suffix(' ')) else {
        return false;
    };
    SETTLEMENT_OF.iter().any(|h| {
        before.len() >= h.len()
            && before.is_char_boundary(before.len() - h.len())
            && before[before.len() - h.len()..].eq_ignore_ascii_case(h)
            && before[..before.len() - h.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Restricts the candidates of names called settlements (see the module docs) to populated
/// places, in every mention of the same name.
pub(crate) fn restrict(gaz: &Gazetteer, text: &str, ms: &mut [Mention]) {
    let mut named: Vec<Vec<u32>> = Vec::new();
    for m in ms.iter() {
        if m.demonym || m.ids.is_empty() || !after_head(text, m.start) {
            continue;
        }
        let populated = |&id: &u32| gaz.entries[id as usize].class == b'P';
        if !m.ids.iter().all(populated) && !named.contains(&m.ids) {
            named.push(m.ids.clone());
        }
    }
    for ids in &named {
        for m in ms.iter_mut().filter(|m| &m.ids == ids) {
            m.ids.retain(|&id| gaz.entries[id as usize].class == b'P');
        }
    }
}
