//! `contains` strings: a known one (stock or widely used) as written, an app-specific one
//! marked `custom("...")`; a near miss of a known one gets a suggestion.

use darling::Error;

use super::error_at;
use crate::parse::literal::ContainsItem;
use crate::suggest;

/// Checks each `contains` string.
pub fn check(items: &[ContainsItem]) -> Vec<Error> {
    items.iter().filter_map(check_one).collect()
}

fn check_one(item: &ContainsItem) -> Option<Error> {
    if item.value.trim().is_empty() {
        return Some(error_at(item.span, "a contains string cannot be empty"));
    }
    if item.custom || soar_vocab::is_known_contains(&item.value) {
        return None;
    }
    let known = soar_vocab::STOCK_CONTAINS
        .iter()
        .chain(&soar_vocab::WELL_KNOWN_CONTAINS)
        .copied();
    let message = match suggest::closest(&item.value, known) {
        Some(close) => format!(
            "unknown contains `{}`; did you mean `{close}`? (for an app-specific contains, write custom(\"{}\"))",
            item.value, item.value
        ),
        None => format!(
            "`{}` is not a known contains; for an app-specific contains, write custom(\"{}\")",
            item.value, item.value
        ),
    };
    Some(error_at(item.span, message))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proc_macro2::Span;

    fn item(value: &str, custom: bool) -> ContainsItem {
        ContainsItem {
            value: value.to_owned(),
            custom,
            span: Span::call_site(),
        }
    }

    #[test]
    fn known_custom_and_misspelled() {
        assert!(check(&[item("domain", false), item("vault id", false)]).is_empty());
        assert!(check(&[item("crowdstrike device id", true)]).is_empty());
        let errors = check(&[
            item("domian", false),
            item("vendor id", false),
            item(" ", true),
        ]);
        assert_eq!(errors.len(), 3);
        assert!(errors[0].to_string().contains("did you mean `domain`?"));
        assert!(errors[1].to_string().contains("custom(\"vendor id\")"));
    }
}
