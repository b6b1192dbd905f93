//! Trigger matching: every lexicon pattern that matches in the sentence, filtered by
//! part of speech (a verb pattern after a determiner is a noun, a verb form inside a name
//! or a noun compound is no verb, "trade war" is no fighting), then the longest
//! non-overlapping matches, in text order.

use super::words::{DETS, NOT_NOUN};
use super::Found;
use crate::clause::{self, PREPS};
use crate::lexicon::Lexicons;
use crate::mentions::{Mention, MentionKind};
use crate::text::Token;

/// Finds the triggers of a sentence, longest match first, without overlaps.
pub fn triggers<'l>(
    lex: &'l Lexicons,
    tokens: &[Token],
    first: usize,
    last: usize,
    mentions: &[Mention],
) -> Vec<Found<'l>> {
    let mut cands: Vec<Found> = Vec::new();
    for i in first..last {
        for (t, covered) in lex.triggers.matches_at(tokens, i, last) {
            let head = if t.kind == 'N' {
                *covered.last().unwrap_or(&i)
            } else {
                i
            };
            cands.push(Found {
                trigger: t,
                tokens: covered,
                head,
            });
        }
    }
    // Noun or verb? After a determiner, a verb pattern's first word is a noun ("the meeting").
    cands.retain(|f| {
        let i = f.tokens[0];
        let prev = if i > first {
            tokens[i - 1].norm.as_str()
        } else {
            ""
        };
        // "the Israeli strikes": a demonym only modifies nouns.
        let after_adj = mentions
            .iter()
            .any(|m| m.kind == MentionKind::Adjective && m.last == i);
        // "an internal armed conflict": "armed" with no subject before it and no object
        // after it is an adjective.
        let armed_adj = f.trigger.kind == 'V'
            && tokens[i].norm == "armed"
            && !clause::AUX.contains(&prev)
            && !matches!(prev, "who" | "which" | "that" | "and")
            && !mentions.iter().any(|m| m.last == i)
            && tokens.get(i + 1).is_some_and(|n| {
                !n.cap
                    && !n.punct
                    && !DETS.contains(&n.norm.as_str())
                    && !matches!(n.norm.as_str(), "them" | "him" | "themselves" | "itself")
            });
        // "more artillery shells", "two tank shells": an inflected verb form right after an
        // unnamed agent noun that a determiner or a count opens is that noun phrase's head.
        let counted_compound = f.trigger.kind == 'V'
            && tokens[i].norm.ends_with('s')
            && mentions.iter().any(|m| {
                m.kind == MentionKind::Direct
                    && m.last == i
                    && m.name.is_none()
                    && m.first > first
                    && opens_noun_phrase(tokens[m.first - 1].norm.as_str())
            });
        // "after meeting his Omani counterpart": a gerund after a temporal conjunction is
        // the verb of a reduced clause, not a noun.
        let temporal_gerund = f.trigger.kind == 'V'
            && tokens[i].norm.ends_with("ing")
            && matches!(prev, "after" | "before" | "while" | "since");
        let after_det = DETS.contains(&prev)
            || (prev != "to" && PREPS.contains(&prev) && !temporal_gerund)
            || after_adj
            || armed_adj
            || counted_compound;
        let inside_name = mentions.iter().any(|m| {
            m.kind == MentionKind::Direct
                && m.first <= f.head
                && f.head < m.last
                // "Armed men", "striking workers": a verb form that modifies the head noun.
                && (m.name.is_some() || f.trigger.kind == 'V' && f.head + 1 < m.last)
        });
        let copula_ok = !f.trigger.copula
            || (i > first
                && matches!(
                    prev,
                    "is" | "was"
                        | "were"
                        | "are"
                        | "be"
                        | "been"
                        | "remain"
                        | "remains"
                        | "remained"
                        | "'s"
                ));
        // "via satellite phone", "a government supply boat": a verb's base form right
        // after a plain lower-case word is the head of a noun compound.
        let lemma = f.trigger.pattern.split_whitespace().next().unwrap_or("");
        let compound = f.trigger.kind == 'V' && tokens[i].norm == lemma && i > first && {
            let p = &tokens[i - 1];
            !p.punct
                && !p.cap
                && !p.norm.ends_with("ly")
                && !clause::AUX.contains(&prev)
                && !NOT_NOUN.contains(&prev)
                && !mentions.iter().any(|m| m.last == i)
        };
        // "trade war", "tariff-trade wars", "price war": no fighting.
        let figurative = matches!(
            tokens[f.head].norm.as_str(),
            "war" | "wars" | "battle" | "battles" | "offensive"
        ) && f.head > first
            && {
                let p = tokens[f.head - 1].norm.as_str();
                [
                    "trade",
                    "tariff",
                    "price",
                    "currency",
                    "culture",
                    "tech",
                    "chip",
                    "word",
                    "legal",
                    "propaganda",
                    "information",
                    "charm",
                    "bidding",
                    "court",
                    "ratings",
                ]
                .iter()
                .any(|w| p == *w || p.split('-').any(|x| x == *w))
            };
        // "sending them back", "bring him back": a particle after an object pronoun.
        let particle = f.trigger.kind == 'V'
            && f.tokens.len() == 1
            && (matches!(prev, "them" | "him" | "her" | "us" | "me")
                // "ordered him back to prison", "went back home": an adverb.
                || tokens[f.head].norm == "back"
                    && tokens.get(f.head + 1).is_some_and(|t| {
                        matches!(t.norm.as_str(), "to" | "home" | "into" | "from" | "in" | "at")
                    }));
        // ", killing three crew members", "convicted of killing a man": a gerund right after a
        // comma or "and", or before its own object, is a participle, not the event noun
        // ("the killing of").
        let gerund = f.trigger.kind == 'N'
            && f.tokens.len() == 1
            && tokens[i].norm.ends_with("ing")
            && (matches!(prev, "," | "and")
                || tokens.get(f.head + 1).is_some_and(|n| {
                    DETS.contains(&n.norm.as_str())
                        || n.norm == "at"
                        || n.norm.starts_with(|c: char| c.is_ascii_digit())
                }));
        copula_ok
            && !gerund
            && !inside_name
            && !compound
            && !particle
            && !figurative
            && (f.trigger.kind != 'V' || !after_det)
    });
    // A word that is both a verb and a noun pattern ("talks", "attack") is a verb
    // only after a subject or an auxiliary: "Israel attacked", "will talk".
    let nouns: Vec<(usize, usize)> = cands
        .iter()
        .filter(|f| f.trigger.kind == 'N')
        .map(|f| (f.tokens[0], f.head))
        .collect();
    cands.retain(|f| {
        if f.trigger.kind != 'V'
            || f.tokens.len() > 1
            || !nouns.iter().any(|&(s, h)| s <= f.head && f.head <= h)
        {
            return true;
        }
        let i = f.tokens[0];
        i > first && {
            let p = tokens[i - 1].norm.as_str();
            clause::AUX.contains(&p)
                || matches!(
                    p,
                    "he" | "she" | "they" | "it" | "we" | "who" | "which" | "and"
                )
                // "hit with U.S. sanctions": a name after a preposition only modifies the noun.
                || mentions.iter().any(|m| {
                    m.last == i
                        && m.kind != MentionKind::Adjective
                        && !super::bounds::prep_before(tokens, first, m)
                            .is_some_and(|p| matches!(p, "with" | "of" | "under" | "by"))
                })
        }
    });
    cands.sort_by_key(|f| {
        (
            std::cmp::Reverse(f.tokens.last().unwrap() - f.tokens[0]),
            std::cmp::Reverse(f.tokens.len()),
            f.tokens[0],
        )
    });
    let mut taken = vec![false; last - first];
    let mut out = Vec::new();
    for f in cands {
        let (s, e) = (f.tokens[0], *f.tokens.last().unwrap());
        if (s..=e).any(|k| taken[k - first]) {
            continue;
        }
        for k in s..=e {
            taken[k - first] = true;
        }
        out.push(f);
    }
    out.sort_by_key(|f| f.tokens[0]);
    out
}

/// A word that opens a noun phrase: a determiner, a quantifier or a count.
fn opens_noun_phrase(w: &str) -> bool {
    DETS.contains(&w)
        || matches!(
            w,
            "more"
                | "some"
                | "several"
                | "many"
                | "few"
                | "dozens"
                | "hundreds"
                | "thousands"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
        )
        || !w.is_empty() && w.chars().all(|c| c.is_ascii_digit() || c == ',')
}
