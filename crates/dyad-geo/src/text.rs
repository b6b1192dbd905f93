//! Text primitives: a word tokenizer with byte offsets (keys and hashes live in `key.rs`).

pub use crate::key::{hash, key, key_hash};

/// One word of the text.
#[derive(Debug, Clone, Copy)]
pub struct Token {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// First character is uppercase.
    pub cap: bool,
    /// Every letter is uppercase (and there are at least two).
    pub all_caps: bool,
    /// The token begins a sentence, a line, or follows an opening quote at a sentence start.
    pub sent_start: bool,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_inner_punct(c: char) -> bool {
    matches!(c, '.' | '\'' | '’' | '-' | '&')
}

/// Abbreviations after which a period does not end a sentence.
const ABBREV: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gov", "sen", "rep", "gen", "lt", "col", "sgt", "capt", "prof",
    "jr", "sr", "inc", "co", "corp", "ft", "mt", "no", "vs", "rev", "maj", "adm", "cmdr", "u.s",
    "pres", "atty", "supt", "insp", "det", "cpl", "pvt", "hon",
];

/// "d'Ivoire", "l'Aquila": a lowercase elided article before a capital.
fn elided_cap(word: &str) -> bool {
    // The second character must be an apostrophe: ' or ’ (bytes E2 80 99).
    if !matches!(word.as_bytes().get(1), Some(b'\'' | 0xE2)) {
        return false;
    }
    let mut cs = word.chars();
    matches!((cs.next(), cs.next(), cs.next()), (Some(a), Some('\'' | '’'), Some(c)) if a.is_lowercase() && c.is_uppercase())
}

/// The character at byte `b` of `text` and its length in bytes (ASCII without decoding).
#[inline]
fn char_at(text: &str, b: usize) -> Option<(char, usize)> {
    let byte = *text.as_bytes().get(b)?;
    if byte < 0x80 {
        return Some((byte as char, 1));
    }
    let c = text.get(b..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// True when the previous word ends no sentence before `gap` (see [`tokenize`]).
fn ends_sentence(prev_word: &str, gap: &str) -> bool {
    let (mut period, mut colon) = (false, false);
    for &b in gap.as_bytes() {
        match b {
            b'\n' | b'!' | b'?' => return true,
            b'.' => period = true,
            b':' => colon = true,
            _ => {}
        }
    }
    if period
        && !ABBREV.iter().any(|a| a.eq_ignore_ascii_case(prev_word))
        && !(prev_word.len() == 1 && gap.trim() == ".")
    {
        return true;
    }
    colon && gap.contains(['"', '“'])
}

/// Splits `text` into word tokens. Inner periods, apostrophes, hyphens and ampersands join
/// ("U.S", "Guinea-Bissau", "Côte d’Ivoire" as two words, "A&M").
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut toks: Vec<Token> = Vec::with_capacity(text.len() / 5);
    let n = text.len();
    let mut i = 0;
    let mut last_end = 0;
    while i < n {
        let b = text.as_bytes()[i];
        if b < 0x80 && !b.is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let Some((c, cl)) = char_at(text, i) else {
            break;
        };
        if !is_word_char(c) {
            i += cl;
            continue;
        }
        let start = i;
        let mut j = i + cl;
        let (mut letters, mut up) = (0usize, 0usize);
        let count = |c: char, letters: &mut usize, up: &mut usize| {
            if c.is_alphabetic() {
                *letters += 1;
                if c.is_uppercase() {
                    *up += 1;
                }
            }
        };
        count(c, &mut letters, &mut up);
        let bytes = text.as_bytes();
        while j < n {
            // ASCII fast path: letters and digits, and inner punctuation before one.
            let b = bytes[j];
            if b.is_ascii_alphanumeric() {
                if b.is_ascii_alphabetic() {
                    letters += 1;
                    up += usize::from(b.is_ascii_uppercase());
                }
                j += 1;
                continue;
            }
            if b < 0x80 && !matches!(b, b'.' | b'\'' | b'-' | b'&') {
                break;
            }
            let Some((c, l)) = char_at(text, j) else {
                break;
            };
            if is_word_char(c) {
                count(c, &mut letters, &mut up);
                j += l;
            } else if is_inner_punct(c) {
                match char_at(text, j + l) {
                    Some((d, dl)) if is_word_char(d) => {
                        count(d, &mut letters, &mut up);
                        j += l + dl;
                    }
                    _ => break,
                }
            } else {
                break;
            }
        }
        let end = j;
        let word = &text[start..end];
        let sent_start = match toks.last() {
            None => true,
            Some(prev) => ends_sentence(&text[prev.start..prev.end], &text[last_end..start]),
        };
        toks.push(Token {
            start,
            end,
            cap: c.is_uppercase() || elided_cap(word),
            all_caps: letters >= 2 && up == letters,
            sent_start,
        });
        last_end = end;
        i = j;
    }
    toks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_case_accents_and_punctuation() {
        assert_eq!(key("São  Paulo"), "sao paulo");
        assert_eq!(key("U.S."), "us");
        assert_eq!(key("Côte d’Ivoire"), "cote divoire");
        assert_eq!(key("Guinea-Bissau"), "guinea bissau");
        assert_eq!(key("KYIV"), "kyiv");
    }

    #[test]
    fn tokens_mark_sentence_starts_and_caps() {
        let t = tokenize("Talks in U.S. cities. Paris said Mr. Smith left.");
        let words: Vec<&str> = t
            .iter()
            .map(|t| &"Talks in U.S. cities. Paris said Mr. Smith left."[t.start..t.end])
            .collect();
        assert_eq!(
            words,
            ["Talks", "in", "U.S", "cities", "Paris", "said", "Mr", "Smith", "left"]
        );
        assert!(t[0].sent_start && !t[1].sent_start && !t[3].sent_start && t[4].sent_start);
        assert!(!t[7].sent_start, "Smith after Mr. is not a sentence start");
    }
}
