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
    let mut cs = word.chars();
    matches!((cs.next(), cs.next(), cs.next()), (Some(a), Some('\'' | '’'), Some(c)) if a.is_lowercase() && c.is_uppercase())
}

/// Splits `text` into word tokens. Inner periods, apostrophes, hyphens and ampersands join
/// ("U.S", "Guinea-Bissau", "Côte d’Ivoire" as two words, "A&M").
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut toks: Vec<Token> = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    let mut last_end = 0;
    while i < chars.len() {
        let (b, c) = chars[i];
        if !is_word_char(c) {
            i += 1;
            continue;
        }
        let start = b;
        let mut j = i + 1;
        while j < chars.len() {
            let c = chars[j].1;
            if is_word_char(c) {
                j += 1;
            } else if is_inner_punct(c) && j + 1 < chars.len() && is_word_char(chars[j + 1].1) {
                j += 2;
            } else {
                break;
            }
        }
        let end = if j < chars.len() {
            chars[j].0
        } else {
            text.len()
        };
        let word = &text[start..end];
        let gap = &text[last_end..start];
        let sent_start = match toks.last() {
            None => true,
            Some(prev) => {
                let pw = text[prev.start..prev.end].to_ascii_lowercase();
                gap.contains('\n')
                    || gap.contains('!')
                    || gap.contains('?')
                    || (gap.contains('.')
                        && !ABBREV.contains(&pw.as_str())
                        && !(pw.len() == 1 && gap.trim() == "."))
                    || gap.contains(':') && gap.contains(['"', '“'])
            }
        };
        let letters = word.chars().filter(|c| c.is_alphabetic());
        let (mut n, mut up) = (0, 0);
        for ch in letters {
            n += 1;
            if ch.is_uppercase() {
                up += 1;
            }
        }
        toks.push(Token {
            start,
            end,
            cap: word.chars().next().is_some_and(|c| c.is_uppercase()) || elided_cap(word),
            all_caps: n >= 2 && up == n,
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
