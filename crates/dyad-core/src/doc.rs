//! [`Doc`]: one article and its annotation layers.
//!
//! Like spaCy's `Doc`, it owns the text and every layer; a layer is a vector of
//! records that point back into the text by byte [`Span`]. Each pipeline stage
//! reads the layers before it and appends its own.

/// A half-open byte range `[start, end)` into [`Doc::text`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// Makes a span.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    /// Whether `other` lies within this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    /// Whether the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// One article with its annotation layers.
#[derive(Clone, Debug)]
pub struct Doc {
    /// Caller's identifier.
    pub id: String,
    /// The original text; every span points into it.
    pub text: String,
    /// Publication date.
    pub date: chrono::NaiveDate,
}
