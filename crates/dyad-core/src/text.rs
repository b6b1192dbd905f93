//! The text layer: tokens with byte offsets, and sentences.
//!
//! The original text is never rewritten, so every offset stays valid. Each
//! [`Token`] carries a normalised form (`norm`: lowercase, straight quotes,
//! ASCII dashes) that later stages match lexicons against.
//!
//! Tokenisation keeps abbreviations ("Sept.", "U.S."), initials ("J."),
//! decimals ("3.5"), thousands ("1,000"), hyphenated words ("Chon-il") and
//! inner apostrophes ("d'Ivoire") whole, and splits a possessive "'s" off as its
//! own token. Sentences end at `.`, `!` or `?` followed by a capitalised word,
//! and at blank lines or line breaks, but not after titles, month
//! abbreviations or initials.

use crate::doc::Span;

/// One token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where it is in the text.
    pub span: Span,
    /// Normalised form: lowercase, straight quotes, ASCII dashes, trailing period kept.
    pub norm: String,
    /// First character is an uppercase letter.
    pub cap: bool,
    /// Not a word or number: punctuation or a symbol.
    pub punct: bool,
    /// Whitespace before this token contains a line break.
    pub newline_before: bool,
}

/// One sentence: a run of tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Where it is in the text.
    pub span: Span,
    /// Index of its first token.
    pub first: usize,
    /// One past the index of its last token.
    pub last: usize,
}

/// Abbreviations that keep their period and never end a sentence.
const ABBREV: &[&str] = &[
    "adm.", "apr.", "aug.", "brig.", "capt.", "cmdr.", "co.", "col.", "corp.", "cpl.", "dec.",
    "dept.", "dr.", "e.g.", "est.", "feb.", "fig.", "fr.", "ft.", "gen.", "gov.", "hon.", "i.e.",
    "inc.", "jan.", "jr.", "jul.", "jun.", "lt.", "ltd.", "maj.", "mar.", "messrs.", "mr.", "mrs.",
    "ms.", "mt.", "no.", "nov.", "oct.", "pres.", "prof.", "pvt.", "rep.", "rev.", "sec.", "sen.",
    "sep.", "sept.", "sgt.", "sr.", "st.", "vs.",
];

/// Abbreviations that may end a sentence when the next word starts one.
const FINAL_ABBREV: &[&str] = &["co.", "corp.", "inc.", "jr.", "ltd.", "sr."];

/// Words that very often start a sentence; after "U.S." they signal a boundary.
const STARTERS: &[&str] = &[
    "a",
    "an",
    "but",
    "he",
    "her",
    "his",
    "however",
    "i",
    "in",
    "it",
    "its",
    "meanwhile",
    "on",
    "she",
    "the",
    "their",
    "there",
    "these",
    "they",
    "this",
    "we",
];

/// Maps a character to its normalised form, or `None` to keep it.
fn norm_char(c: char) -> Option<char> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => '-',
        '\u{00A0}' | '\u{2007}' | '\u{202F}' => ' ',
        _ => return None,
    })
}

/// Normalises a piece of text the way token norms are: lowercase, straight quotes, ASCII dashes.
pub fn normalize(s: &str) -> String {
    if s.is_ascii() {
        let mut out = s.to_ascii_lowercase();
        if out.contains('`') {
            out = out.replace('`', "'");
        }
        return out;
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let c = norm_char(c).unwrap_or(c);
        if c.is_uppercase() {
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{00A0}' | '\u{200B}' | '\u{FEFF}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let at = |i: usize| chars.get(i).map(|p| p.1).unwrap_or(' ');
    let pos = |i: usize| chars.get(i).map(|p| p.0).unwrap_or(text.len());
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    let mut newline = false;
    while i < n {
        let c = at(i);
        if is_space(c) {
            if c == '\n' || c == '\r' {
                newline = true;
            }
            i += 1;
            continue;
        }
        let start = i;
        if c.is_alphanumeric() {
            i += 1;
            loop {
                let c = at(i);
                if c.is_alphanumeric() || c == '\u{0301}' || c == '\u{0308}' {
                    i += 1;
                } else if (is_hyphen(c) || c == '/') && at(i + 1).is_alphanumeric() {
                    i += 2;
                } else if is_apostrophe(c) && at(i + 1).is_alphabetic() {
                    // Possessive 's / s' splits off; d'Ivoire, O'Brien stay whole.
                    let next = at(i + 1);
                    let after = at(i + 2);
                    if (next == 's' || next == 'S') && !after.is_alphanumeric() {
                        break;
                    }
                    i += 2;
                } else if (c == '.' || c == ',')
                    && at(i - 1).is_ascii_digit()
                    && at(i + 1).is_ascii_digit()
                {
                    i += 2;
                } else if c == '.'
                    && at(i + 1).is_alphabetic()
                    && at(i + 2) == '.'
                    && i - start == 1
                {
                    // U.S., U.N., e.g.: letter . letter .
                    i += 2;
                } else if c == '.'
                    && i >= 2
                    && at(i - 2) == '.'
                    && at(i + 1).is_alphabetic()
                    && at(i + 2) == '.'
                {
                    i += 2;
                } else {
                    break;
                }
            }
            // A trailing period belongs to abbreviations, acronyms and initials.
            if at(i) == '.' {
                let word = &text[pos(start)..pos(i)];
                let initial = i - start == 1 && at(start).is_uppercase();
                let acronym = word.contains('.');
                let abbrev = word.len() < 8
                    && ABBREV.iter().any(|a| {
                        a.len() == word.len() + 1 && a[..word.len()].eq_ignore_ascii_case(word)
                    });
                if initial || acronym || abbrev {
                    i += 1;
                }
            }
        } else {
            i += 1;
        }
        let span = Span::new(pos(start), pos(i));
        let s = &text[span.start..span.end];
        let first = s.chars().next().unwrap_or(' ');
        tokens.push(Token {
            span,
            norm: normalize(s),
            cap: first.is_uppercase(),
            punct: !first.is_alphanumeric(),
            newline_before: std::mem::take(&mut newline),
        });
        // The possessive 's split off above.
        if is_apostrophe(at(i)) && matches!(at(i + 1), 's' | 'S') && !at(i + 2).is_alphanumeric() {
            let span = Span::new(pos(i), pos(i + 2));
            tokens.push(Token {
                span,
                norm: "'s".into(),
                cap: false,
                punct: false,
                newline_before: false,
            });
            i += 2;
        }
    }
    tokens
}

fn opens_sentence(t: &Token) -> bool {
    t.cap
        || t.norm.starts_with(|c: char| c.is_ascii_digit())
        || t.norm == "\""
        || t.norm == "'"
        || t.norm == "("
}

/// Splits tokens into sentences.
pub fn split_sentences(tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut first = 0;
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let mut end_here = false;
        if i + 1 < tokens.len() && tokens[i + 1].newline_before {
            end_here = true;
        } else if matches!(t.norm.as_str(), "." | "!" | "?") || t.norm.ends_with('.') && !t.punct {
            // Closing quotes and brackets stay with the sentence.
            let mut j = i + 1;
            while j < tokens.len()
                && matches!(tokens[j].norm.as_str(), "\"" | "'" | ")")
                && !tokens[j].newline_before
            {
                j += 1;
            }
            let next = tokens.get(j);
            let boundary = match next {
                None => true,
                Some(nt) if !opens_sentence(nt) => false,
                Some(nt) => {
                    if t.punct || FINAL_ABBREV.contains(&t.norm.as_str()) {
                        true
                    } else if t.norm.contains('.')
                        && t.norm.len() > 2
                        && !ABBREV.contains(&t.norm.as_str())
                    {
                        // U.S. / U.N.: a boundary only before a typical sentence starter.
                        STARTERS.contains(&nt.norm.as_str())
                    } else {
                        false
                    }
                }
            };
            if boundary {
                i = j - 1;
                end_here = true;
            }
        }
        if end_here || i + 1 == tokens.len() {
            out.push(Sentence {
                span: Span::new(tokens[first].span.start, tokens[i].span.end),
                first,
                last: i + 1,
            });
            first = i + 1;
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<String> {
        tokenize(s)
            .into_iter()
            .map(|t| s[t.span.start..t.span.end].to_string())
            .collect()
    }

    fn sents(s: &str) -> Vec<String> {
        let t = tokenize(s);
        split_sentences(&t)
            .into_iter()
            .map(|x| s[x.span.start..x.span.end].to_string())
            .collect()
    }

    #[test]
    fn keeps_abbreviations_names_and_numbers_whole() {
        assert_eq!(
            toks("U.S. envoy Im Chon-il met on Sept. 15."),
            ["U.S.", "envoy", "Im", "Chon-il", "met", "on", "Sept.", "15", "."]
        );
        assert_eq!(
            toks("North Korea’s 3.5% of 1,000"),
            ["North", "Korea", "’s", "3.5", "%", "of", "1,000"]
        );
        assert_eq!(
            toks("Côte d'Ivoire's J. Smith"),
            ["Côte", "d'Ivoire", "'s", "J.", "Smith"]
        );
        assert_eq!(tokenize("“Hi”")[0].norm, "\"");
    }

    #[test]
    fn splits_sentences_but_not_at_abbreviations() {
        assert_eq!(
            sents("He met Gen. Smith on Sept. 15. They agreed."),
            ["He met Gen. Smith on Sept. 15.", "They agreed."]
        );
        assert_eq!(
            sents("It was in the U.S. The talks ended."),
            ["It was in the U.S.", "The talks ended."]
        );
        assert_eq!(sents("The U.S. Army said."), ["The U.S. Army said."]);
        assert_eq!(
            sents("During the talks. both agreed.\nNext line"),
            ["During the talks. both agreed.", "Next line"]
        );
        assert_eq!(
            sents("\"We agree.\" He left."),
            ["\"We agree.\"", "He left."]
        );
        assert_eq!(
            sents("Prices rose 3.5 percent. J. R. Smith said."),
            ["Prices rose 3.5 percent.", "J. R. Smith said."]
        );
    }
}
