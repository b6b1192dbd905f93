//! Word lists and small lexical tests the event layer shares: determiners, light verbs,
//! frame prepositions, quantity heads, reporters' idioms and the words that give an
//! event its context. Closed-class English, not lexicon data: each list is the set of
//! words one rule in the sibling modules looks for.

use super::Found;
use crate::text::Token;

pub(super) const DETS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "'s", "this", "that", "these", "those", "any",
    "no", "new", "further", "fresh", "first", "second", "latest", "recent", "previous",
];

/// Verbs whose object noun is an event of their subject ("held talks", "staged a protest").
pub(super) const LIGHT: &[&str] = &[
    "held",
    "hold",
    "holds",
    "holding",
    "launched",
    "launch",
    "launches",
    "staged",
    "stage",
    "stages",
    "conducted",
    "conduct",
    "began",
    "begin",
    "begins",
    "started",
    "start",
    "carried",
    "made",
    "make",
    "makes",
    "led",
    "lead",
    "organised",
    "organized",
    "attended",
    "attend",
    "joined",
    "join",
    "continued",
    "resumed",
    "resume",
    "opened",
    "completed",
    "concluded",
    "mounted",
    "waged",
    "wage",
    "imposed",
    "impose",
    "announced",
    "ordered",
    "approved",
    "offered",
    "signed",
    "reached",
    "sent",
    "provided",
    "provide",
    "provides",
    "providing",
    "delivered",
    "deliver",
    "pledged",
    "promised",
    "gave",
    "give",
    "granted",
    "extended",
    "returned",
    "had",
    "has",
    "have",
    "kicked",
    "wrapped",
    "ended",
    "end",
    "completed",
    "hosted",
    "host",
];

/// Reporters' formulas that look like events but are not: "declined to comment",
/// "did not respond to requests for comment", "spoke on condition of anonymity to discuss".
pub(super) fn newsroom_idiom(toks: &[Token], f: &Found, first: usize) -> bool {
    let end = *f.tokens.last().unwrap_or(&f.head) + 1;
    let next: Vec<&str> = toks[end..(end + 3).min(toks.len())]
        .iter()
        .map(|t| t.norm.as_str())
        .collect();
    let after = |w: &[&str]| next.len() >= w.len() && next[..w.len()] == *w;
    let start = f.tokens[0];
    let before = |w: &str| {
        start > first
            && toks[start - 1].norm == "to"
            && start > first + 1
            && toks[start - 2].norm == w
    };
    after(&["for", "comment"])
        || after(&["to", "comment"])
        || after(&["comment"])
        || after(&["to", "respond"])
        || after(&["to", "elaborate"])
        || after(&["to", "be", "identified"])
        || after(&["to", "be", "named"])
        || [
            "anonymity",
            "authorized",
            "authorised",
            "permitted",
            "allowed",
        ]
        .iter()
        .any(|w| before(w))
}

/// Sectors of society rather than of the state.
pub(super) fn non_state(s: &str) -> bool {
    matches!(
        s,
        "CVL"
            | "OPP"
            | "REB"
            | "CRM"
            | "MED"
            | "EDU"
            | "LAB"
            | "AGR"
            | "REF"
            | "REL"
            | "HLH"
            | "BUS"
            | "PTY"
            | "NGO"
            | "ETH"
    )
}

/// Words after which a verb's base form is still a verb: "to meet", "they meet", "and agree".
pub(super) const NOT_NOUN: &[&str] = &[
    "to",
    "and",
    "or",
    "not",
    "never",
    "also",
    "jointly",
    "they",
    "we",
    "i",
    "you",
    "who",
    "which",
    "that",
    "still",
    "further",
    "then",
    "both",
    "nations",
    "countries",
    "sides",
    "leaders",
    "ministers",
    "officials",
    "must",
    "should",
    "could",
    "would",
    "will",
    "can",
    "may",
    "might",
    "shall",
    "did",
    "do",
    "does",
    "n't",
    "cannot",
    "often",
    "now",
    "again",
    "first",
    "directly",
    "publicly",
    "immediately",
    "formally",
];

/// The light verb whose object the noun at `start` is: "announced $50 million in aid".
/// Looks back up to seven words, not across punctuation or a relative word.
pub(super) fn light_verb(toks: &[Token], first: usize, start: usize) -> Option<usize> {
    let from = start.saturating_sub(7).max(first);
    for i in (from..start).rev() {
        let t = &toks[i];
        if LIGHT.contains(&t.norm.as_str()) {
            return Some(i);
        }
        if t.punct && !matches!(t.norm.as_str(), "$" | "€" | "£" | "%" | "-")
            || matches!(t.norm.as_str(), "that" | "which" | "who" | "whom" | "to")
            || FRAME.contains(&t.norm.as_str()) && !matches!(t.norm.as_str(), "in" | "on")
        {
            return None;
        }
    }
    None
}

/// Prepositions that introduce a background frame, not an object: "during his meeting".
pub(super) const FRAME: &[&str] = &[
    "during",
    "at",
    "after",
    "before",
    "amid",
    "following",
    "ahead",
    "since",
    "until",
    "on",
    "in",
];

/// Context words that refine an AID, COOPERATE or AGREE event's context.
pub(super) fn context_from_words(tokens: &[Token], s: usize, e: usize) -> Option<&'static str> {
    for t in &tokens[s..e] {
        let w = t.norm.as_str();
        if matches!(
            w,
            "weapons"
                | "arms"
                | "missiles"
                | "munitions"
                | "military"
                | "troops"
                | "ammunition"
                | "tanks"
                | "drones"
                | "jets"
                | "defense"
                | "defence"
                | "warships"
                | "artillery"
        ) {
            return Some("military");
        }
        if matches!(
            w,
            "food"
                | "humanitarian"
                | "medicine"
                | "medical"
                | "relief"
                | "shelter"
                | "refugees"
                | "tents"
                | "vaccines"
        ) {
            return Some("humanitarian");
        }
        if matches!(
            w,
            "economic"
                | "trade"
                | "loan"
                | "loans"
                | "investment"
                | "financial"
                | "grant"
                | "credit"
                | "dollars"
                | "euros"
                | "budget"
                | "economy"
        ) {
            return Some("economic");
        }
    }
    None
}

/// Heads of "N of X" phrases that stand for X: "thousands of Nigerians", "members of the party".
pub(super) const QUANTITY: &[&str] = &[
    "thousands",
    "hundreds",
    "dozens",
    "tens",
    "millions",
    "scores",
    "some",
    "many",
    "most",
    "all",
    "member",
    "members",
    "group",
    "groups",
    "supporters",
    "part",
    "one",
    "two",
    "three",
    "several",
    "leader",
    "leaders",
    "head",
    "chief",
    "officials",
    "representatives",
    "delegation",
    "units",
    "elements",
];
