//! The third stage: the rules of the platform and of its CI schema, checked on the models. Each
//! violation is an error with a span on the offending token; all are accumulated.

pub mod action;
pub mod connector;
pub mod contains;
pub mod output;
pub mod text;

use darling::Error;
use proc_macro2::Span;

/// An error at `span`.
pub fn error_at(span: Span, message: impl std::fmt::Display) -> Error {
    Error::custom(message).with_span(&span)
}

/// A value that must be one of `known`: an error naming the closest one, or listing them all.
pub fn one_of(what: &str, value: &str, known: &[&str], span: Span) -> Option<Error> {
    if known.contains(&value) {
        return None;
    }
    let message = match crate::suggest::closest(value, known.iter().copied()) {
        Some(close) => format!("unknown {what} `{value}`; did you mean `{close}`?"),
        None => format!(
            "unknown {what} `{value}`; expected one of {}",
            crate::suggest::listing(known.iter().copied())
        ),
    };
    Some(error_at(span, message))
}

/// A `column_order` without the `column` whose position it is.
pub fn column_order_alone(
    column: Option<&str>,
    order: Option<&darling::util::SpannedValue<u32>>,
) -> Option<Error> {
    let order = order?;
    column.is_none().then(|| {
        error_at(
            order.span(),
            "`column_order` is the position of a column: give its heading with `column = \"...\"`",
        )
    })
}

/// A `default` that is not one of its `value_list`.
pub fn default_in_value_list(
    default: Option<&crate::parse::literal::Literal>,
    value_list: &[crate::parse::literal::Literal],
) -> Option<Error> {
    let default = default?;
    if value_list.is_empty() || value_list.iter().any(|item| item.same_value(default)) {
        return None;
    }
    Some(error_at(
        default.span,
        "the default is not one of the `value_list` values",
    ))
}
