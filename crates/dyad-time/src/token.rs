//! Tokeniser: ASCII words, digit runs and single punctuation characters, with
//! byte offsets. Letters and digits form separate tokens ("1990s" is "1990"
//! then "s"), and `Tok::glued` says whether a token touches its predecessor,
//! so the grammar can tell "two-year" and "1990s" from "two year" and "1990 s".
//! Non-ASCII characters become one punctuation token each (an en dash can
//! still mark a range); whitespace is skipped.

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// ASCII letters (and nothing else).
    Word,
    /// ASCII digits.
    Num,
    /// One punctuation or non-ASCII character.
    Punct,
}

/// One token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset past the last byte.
    pub end: usize,
    /// Token class.
    pub kind: Kind,
    /// True when no whitespace separates this token from the previous one.
    pub glued: bool,
    /// True when the token starts with an uppercase ASCII letter.
    pub cap: bool,
    /// True when a newline precedes this token (paragraph or line break).
    pub newline: bool,
}

/// The tokens of a text and its ASCII-lowercased copy (same byte offsets).
#[derive(Debug, Clone)]
pub struct Tokens {
    /// `text.to_ascii_lowercase()`.
    pub lower: String,
    /// The tokens in order.
    pub toks: Vec<Tok>,
}

impl Tokens {
    /// Lowercased text of token `i` ("" when out of range).
    pub fn s(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) => &self.lower[t.start..t.end],
            None => "",
        }
    }
    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }
    /// True when there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Tokens {
    let b = text.as_bytes();
    let mut toks = Vec::with_capacity(b.len() / 4);
    let mut i = 0;
    let mut glued = false;
    let mut newline = false;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            newline |= c == b'\n';
            glued = false;
            i += 1;
            continue;
        }
        let start = i;
        let kind = if c.is_ascii_alphabetic() {
            while i < b.len() && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            Kind::Word
        } else if c.is_ascii_digit() {
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            Kind::Num
        } else {
            i += utf8_len(c);
            i = i.min(b.len());
            while i < b.len() && !text.is_char_boundary(i) {
                i += 1;
            }
            Kind::Punct
        };
        toks.push(Tok {
            start,
            end: i,
            kind,
            glued,
            cap: c.is_ascii_uppercase(),
            newline,
        });
        glued = true;
        newline = false;
    }
    Tokens {
        lower: text.to_ascii_lowercase(),
        toks,
    }
}

fn utf8_len(c: u8) -> usize {
    match c {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_numbers_punct() {
        let t = tokenize("Sept. 15, 1990s–two-year\n x");
        let parts: Vec<&str> = (0..t.len()).map(|i| t.s(i)).collect();
        assert_eq!(
            parts,
            ["sept", ".", "15", ",", "1990", "s", "–", "two", "-", "year", "x"]
        );
        assert!(t.toks[5].glued && !t.toks[2].glued && t.toks[10].newline);
    }
}
