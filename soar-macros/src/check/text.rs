//! The text rules of the platform's CI schema: descriptions and `verbose` do not start with a
//! lowercase letter; action descriptions do not end with a period (one final period of a doc
//! comment is dropped, which is the only normalisation done).

use darling::Error;
use darling::error::Accumulator;

use super::error_at;
use crate::model::Text;

/// Whether the CI schema accepts the start of a text: empty, or not a lowercase ASCII letter.
pub fn starts_well(text: &str) -> bool {
    soar_vocab::text::description_problem(text).is_none()
}

/// Checks a description or `verbose` of `what` (e.g. "parameter `domain`").
pub fn description(what: &str, text: &Text, errors: &mut Accumulator) {
    if !starts_well(&text.value) {
        errors.push(error_at(
            text.span,
            format!(
                "the description of {what} starts with a lowercase letter, which the platform's CI refuses: \"{}\"; start it with a capital letter",
                text.value
            ),
        ));
    }
}

/// Checks an action's description: required, starts well, and does not end with a period
/// once the doc comment's final period is dropped.
pub fn action_description(what: &str, text: &Text, errors: &mut Accumulator) {
    if text.value.is_empty() {
        errors.push(error_at(
            text.span,
            format!("document {what}: the first paragraph of its doc comment is the action's description"),
        ));
        return;
    }
    description(what, text, errors);
    if soar_vocab::text::action_description_end_problem(&text.value).is_some() {
        errors.push(error_at(
            text.span,
            format!(
                "the description of {what} cannot be made acceptable to the platform's CI, which wants at least two characters and no final period: \"{}\"",
                text.value
            ),
        ));
    }
}

/// Checks that `text` is not empty.
pub fn required(what: &str, text: &Text) -> Option<Error> {
    text.value.trim().is_empty().then(|| {
        error_at(
            text.span,
            format!("document {what}: its doc comment is its description"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proc_macro2::Span;

    fn errors_of(check: impl FnOnce(&mut Accumulator)) -> usize {
        let mut errors = Error::accumulator();
        check(&mut errors);
        errors.into_inner().len()
    }

    #[test]
    fn descriptions() {
        let text = |value: &str| Text::new(value, Span::call_site());
        assert_eq!(errors_of(|e| description("x", &text("Fine"), e)), 0);
        assert_eq!(errors_of(|e| description("x", &text(""), e)), 0);
        assert_eq!(errors_of(|e| description("x", &text("1 thing"), e)), 0);
        assert_eq!(errors_of(|e| description("x", &text("lower"), e)), 1);
        assert_eq!(
            errors_of(|e| action_description("x", &text("Run it"), e)),
            0
        );
        assert_eq!(
            errors_of(|e| action_description("x", &text("Run it."), e)),
            1
        );
        assert_eq!(errors_of(|e| action_description("x", &text("X"), e)), 1);
        assert_eq!(errors_of(|e| action_description("x", &text(""), e)), 1);
        assert_eq!(
            errors_of(|e| action_description("x", &text("run it."), e)),
            2
        );
        assert!(required("x", &text(" ")).is_some());
        assert!(required("x", &text("Yes")).is_none());
    }
}
