//! The CI schema's text patterns, as predicates.
//!
//! The schema's patterns are ECMA-262 regular expressions (`\d` is an ASCII digit, `\s` the
//! ECMA-262 white space), matched anywhere unless anchored. Each predicate below states the
//! pattern it implements.

/// Whether `text` starts with a lowercase ASCII letter. Descriptions and `verbose` must not
/// (`^(|[^a-z][\s\S]*)$`).
fn starts_lowercase(text: &str) -> bool {
    text.chars().next().is_some_and(|c| c.is_ascii_lowercase())
}

/// What is wrong with an app, configuration or parameter description or a `verbose`, if
/// anything: it must not start with a lowercase ASCII letter (`^(|[^a-z][\s\S]*)$`).
pub(super) fn description_problem(text: &str) -> Option<&'static str> {
    starts_lowercase(text).then_some("starts with a lowercase letter")
}

/// What is wrong with an action description, if anything: it must be empty, or at least two
/// characters, not starting with a lowercase ASCII letter and not ending with a period
/// (`^(|[^a-z][\s\S]*[^\.])$`).
pub(super) fn action_description_problem(text: &str) -> Option<&'static str> {
    if text.is_empty() {
        None
    } else if starts_lowercase(text) {
        Some("starts with a lowercase letter")
    } else if text.ends_with('.') {
        Some("ends with a period")
    } else if text.chars().nth(1).is_none() {
        Some("is a single character")
    } else {
        None
    }
}

/// Whether a character belongs to the contract's action-name alphabet (`[a-z 0-9]`).
pub(super) fn is_action_name_char(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit() || c == ' '
}

/// The schema's unanchored `[a-z 0-9]+`: at least one character of the alphabet anywhere.
pub(super) fn matches_action_name_pattern(name: &str) -> bool {
    name.chars().any(is_action_name_char)
}

/// `app_version`: `^[0-9]+[.][0-9]+[.][0-9]+$`.
pub(super) fn is_app_version(version: &str) -> bool {
    dotted_numbers(version).is_some_and(|count| count == 3)
}

/// `min_phantom_version`: `^(\d+\.){2,3}\d+$`.
pub(super) fn is_min_phantom_version(version: &str) -> bool {
    dotted_numbers(version).is_some_and(|count| (3..=4).contains(&count))
}

/// How many dot-separated groups of ASCII digits `text` has, or `None` if it is not such a list.
fn dotted_numbers(text: &str) -> Option<usize> {
    let mut count = 0;
    for group in text.split('.') {
        if !is_digits(group) {
            return None;
        }
        count += 1;
    }
    Some(count)
}

/// One or more ASCII digits (`^[0-9]+$`).
pub(super) fn is_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

/// A `python_version` string: `^3(\.\d+)?(,\s*3(\.\d+)?)*$`.
pub(super) fn is_python_version_text(text: &str) -> bool {
    text.split(',').enumerate().all(|(index, item)| {
        is_python_version_item(if index == 0 {
            item
        } else {
            item.trim_start_matches(is_ecma_whitespace)
        })
    })
}

/// One `python_version` list item: `^3(\.\d+)?$`.
pub(super) fn is_python_version_item(item: &str) -> bool {
    item == "3" || item.strip_prefix("3.").is_some_and(is_digits)
}

/// ECMA-262 `\s`: the WhiteSpace (tab, vertical tab, form feed, space separators, byte order
/// mark) and LineTerminator (line feed, carriage return, line and paragraph separators)
/// characters.
fn is_ecma_whitespace(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202f}'
                | '\u{205f}'
                | '\u{3000}'
                | '\u{feff}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions() {
        for ok in [
            "",
            "Query WHOIS",
            "1 thing",
            " lower after a space",
            "\u{e9}t\u{e9}",
        ] {
            assert!(!starts_lowercase(ok), "{ok:?}");
        }
        assert!(starts_lowercase("query WHOIS"));
    }

    #[test]
    fn action_descriptions() {
        for ok in [
            "",
            "Query WHOIS",
            "Ok",
            "Ends with a question?",
            "Two.\nLines",
        ] {
            assert_eq!(action_description_problem(ok), None, "{ok:?}");
        }
        for bad in ["query WHOIS", "Query WHOIS.", "X", ".", "Q."] {
            assert!(action_description_problem(bad).is_some(), "{bad:?}");
        }
    }

    #[test]
    fn action_names() {
        assert!(matches_action_name_pattern("whois domain"));
        assert!(matches_action_name_pattern("WHOIS Domain"));
        assert!(matches_action_name_pattern("GET IP"));
        assert!(!matches_action_name_pattern("LOOKUP"));
        assert!(!matches_action_name_pattern(""));
    }

    #[test]
    fn versions() {
        assert!(is_app_version("2.10.0"));
        for bad in ["1.0", "1.0.0.0", "1..0", "v1.0.0", "1.0.0 ", "\u{661}.0.0"] {
            assert!(!is_app_version(bad), "{bad:?}");
        }
        assert!(is_min_phantom_version("6.3.0"));
        assert!(is_min_phantom_version("6.2.2.134"));
        for bad in ["6.3", "6.3.0.1.2", "6.3.x", ""] {
            assert!(!is_min_phantom_version(bad), "{bad:?}");
        }
    }

    #[test]
    fn python_versions() {
        for ok in ["3", "3.9", "3.9, 3.13", "3.13,3.14", "3,\u{a0}3.9", "3,\n3"] {
            assert!(is_python_version_text(ok), "{ok:?}");
        }
        for bad in [
            "",
            "3.",
            "3.9 ,3.13",
            "3.9, 3.13 ",
            "2.7",
            "3.9,",
            "3.x",
            "3,\u{85}3",
        ] {
            assert!(!is_python_version_text(bad), "{bad:?}");
        }
        assert!(is_python_version_item("3.13"));
        assert!(!is_python_version_item("3.13, 3.14"));
    }
}
