//! Numbers in running text: digits ("48", "1,000", "2.5", "2 1/2"), number
//! words ("twenty-four", "a hundred"), articles ("a year" is one year) and
//! vague quantities ("several", "a few", "many"), which parse to `None`.

use crate::grammar::Ctx;
use crate::token::Kind;

/// A parsed quantity.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Qty {
    /// Token index just past the number.
    pub end: usize,
    /// The value, `None` for vague quantities.
    pub val: Option<f64>,
    /// True for "a"/"an" (which are only numbers before a unit).
    pub article: bool,
}

#[rustfmt::skip]
const VAGUE: &[&str] = &[
    "several", "few", "many", "some", "numerous", "countless", "multiple", "various",
];

/// Parses a quantity starting at token `i`.
pub fn qty(c: &Ctx, i: usize) -> Option<Qty> {
    let w = c.w(i);
    if c.kind(i) == Some(Kind::Num) {
        return digits(c, i);
    }
    match w {
        "a" | "an" => {
            let n = c.w(i + 1);
            if n == "few"
                || n == "couple"
                || n == "dozen"
                || n == "hundred"
                || n == "half"
                || n == "number"
            {
                return match n {
                    "few" => Some(Qty {
                        end: i + 2,
                        val: None,
                        article: false,
                    }),
                    "couple" => Some(Qty {
                        end: i + 2 + usize::from(c.w(i + 2) == "of"),
                        val: Some(2.0),
                        article: false,
                    }),
                    "dozen" => Some(Qty {
                        end: i + 2,
                        val: Some(12.0),
                        article: false,
                    }),
                    "hundred" => Some(Qty {
                        end: i + 2,
                        val: Some(100.0),
                        article: false,
                    }),
                    "number" if c.w(i + 2) == "of" => Some(Qty {
                        end: i + 3,
                        val: None,
                        article: false,
                    }),
                    "half" => Some(Qty {
                        end: i + 2,
                        val: Some(0.5),
                        article: false,
                    }),
                    _ => None,
                };
            }
            Some(Qty {
                end: i + 1,
                val: Some(1.0),
                article: true,
            })
        }
        "couple" if c.w(i + 1) == "of" => Some(Qty {
            end: i + 2,
            val: Some(2.0),
            article: false,
        }),
        "half" if c.w(i + 1) == "a" || c.w(i + 1) == "an" => Some(Qty {
            end: i + 2,
            val: Some(0.5),
            article: false,
        }),
        "dozens" | "hundreds" | "thousands" if c.w(i + 1) == "of" => Some(Qty {
            end: i + 2,
            val: None,
            article: false,
        }),
        _ if VAGUE.contains(&w) => Some(Qty {
            end: i + 1,
            val: None,
            article: false,
        }),
        _ => words(c, i),
    }
}

fn digits(c: &Ctx, i: usize) -> Option<Qty> {
    if c.glued(i) && c.kind(i.wrapping_sub(1)) == Some(Kind::Word) {
        return None;
    }
    let mut v: f64 = c.w(i).parse().ok()?;
    let mut end = i + 1;
    // 1,000 and 2.5
    while c.w(end) == ","
        && c.glued(end)
        && c.glued(end + 1)
        && c.kind(end + 1) == Some(Kind::Num)
        && c.w(end + 1).len() == 3
    {
        v = v * 1000.0 + c.w(end + 1).parse::<f64>().ok()?;
        end += 2;
    }
    if c.w(end) == "." && c.glued(end) && c.glued(end + 1) && c.kind(end + 1) == Some(Kind::Num) {
        let frac = c.w(end + 1);
        v += frac.parse::<f64>().ok()? / 10f64.powi(frac.len() as i32);
        end += 2;
    }
    // 2 1/2
    if c.kind(end) == Some(Kind::Num)
        && !c.glued(end)
        && c.w(end + 1) == "/"
        && c.glued(end + 1)
        && c.glued(end + 2)
    {
        let a: f64 = c.w(end).parse().ok()?;
        let b: f64 = c.w(end + 2).parse().ok()?;
        if b > 0.0 && a < b {
            v += a / b;
            end += 3;
        }
    }
    Some(Qty {
        end,
        val: Some(v),
        article: false,
    })
}

fn words(c: &Ctx, i: usize) -> Option<Qty> {
    let first = c.e(i)?.card?;
    let mut v = first;
    let mut end = i + 1;
    if (20..100).contains(&v) {
        // twenty-four / twenty four
        let j = if c.w(end) == "-" && c.glued(end) {
            end + 1
        } else {
            end
        };
        if let Some(u) = c.e(j).and_then(|e| e.card) {
            if (1..10).contains(&u) {
                v += u;
                end = j + 1;
            }
        }
    }
    if c.w(end) == "hundred" && v < 100 {
        v *= 100;
        end += 1;
    }
    if c.w(end) == "thousand" && v < 1000 {
        v *= 1000;
        end += 1;
    }
    if c.w(end) == "and" && c.w(end + 1) == "a" && c.w(end + 2) == "half" {
        return Some(Qty {
            end,
            val: Some(v as f64),
            article: false,
        });
    }
    Some(Qty {
        end,
        val: Some(v as f64),
        article: false,
    })
}
