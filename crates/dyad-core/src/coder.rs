//! The [`Coder`]: compiled lexicons plus the pipeline that runs over a [`Doc`](crate::Doc).

use crate::schema::{AnnotatedDoc, EventRecord, InputDoc};

/// Errors from coding one document.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input record failed validation.
    #[error(transparent)]
    Input(#[from] crate::input::InputError),
}

/// Owns the lexicons and the gazetteer; cheap to share across threads by reference.
pub struct Coder {}

impl Coder {
    /// A coder with the lexicons compiled into the binary.
    pub fn builtin() -> Coder {
        Coder {}
    }

    /// Codes one article into event records.
    pub fn code(&self, doc: &InputDoc) -> Result<Vec<EventRecord>, Error> {
        Ok(self.annotate(doc)?.events)
    }

    /// Runs every layer and returns them all.
    pub fn annotate(&self, doc: &InputDoc) -> Result<AnnotatedDoc, Error> {
        crate::input::parse_date(&doc.date)?;
        Ok(AnnotatedDoc {
            id: doc.id.clone(),
            entities: vec![],
            timexes: vec![],
            places: vec![],
            events: vec![],
        })
    }
}
