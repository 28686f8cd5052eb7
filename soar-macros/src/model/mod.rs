//! The second stage: what the user wrote, resolved into the connector, actions and outputs the
//! app JSON describes (names derived, doc comments split, types classified). Rules are checked
//! on these models by [`crate::check`].

pub mod action;
pub mod connector;
pub mod output;

use proc_macro2::Span;

use crate::docs::Docs;

/// A text with where it came from (a doc comment, an attribute, or the item it was derived
/// from), for errors about it.
#[derive(Debug, Clone)]
pub struct Text {
    /// The text.
    pub value: String,
    /// Where it came from.
    pub span: Span,
}

impl Text {
    /// A text written at `span`.
    pub fn new(value: impl Into<String>, span: Span) -> Self {
        Self {
            value: value.into(),
            span,
        }
    }

    /// An attribute's text if given, else the doc comment's first paragraph, else `fallback`
    /// (all at `span` when nothing was written).
    pub fn described(
        attribute: Option<&darling::util::SpannedValue<String>>,
        docs: &Docs,
        fallback: impl FnOnce() -> String,
        span: Span,
    ) -> Self {
        if let Some(text) = attribute {
            return Self::new(text.as_str(), text.span());
        }
        let paragraph = docs.first_paragraph();
        if paragraph.is_empty() {
            Self::new(fallback(), span)
        } else {
            Self::new(paragraph, docs.span().unwrap_or(span))
        }
    }
}
