//! Names: action identifiers and names, the app's package and module names, serde's renaming
//! rules, and the names of the marker macros that make duplicate identifiers collide.

use proc_macro2::{Ident, Span};
use quote::format_ident;

/// Whether an action identifier is well formed: lowercase ASCII letters, digits, `_` and `-`,
/// starting with a letter or `_`.
pub fn is_identifier(identifier: &str) -> bool {
    let mut chars = identifier.chars();
    chars
        .next()
        .is_some_and(|first| first.is_ascii_lowercase() || first == '_')
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

pub use soar_vocab::text::is_action_name;

/// The default action name of an identifier: `_` and `-` become spaces.
pub fn action_name(identifier: &str) -> String {
    identifier.replace(['_', '-'], " ").trim().to_owned()
}

/// A readable title of a snake_case name: `input_string` -> `Input String`.
pub fn title(name: &str) -> String {
    name.split('_')
        .filter(|word| !word.is_empty())
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect::<String>()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

pub use soar_vocab::app_slug as slug;

/// The name of the marker macro of an action identifier. Identifiers are lowercase, so mapping
/// `-` to `H` keeps distinct identifiers distinct.
pub fn identifier_marker(identifier: &str, span: Span) -> Ident {
    format_ident!(
        "__soar_action_identifier_{}",
        identifier.replace('-', "H"),
        span = span
    )
}

/// A field name as serde writes it under a container's `rename_all` rule, or `None` when the
/// rule is not one of serde's.
pub fn rename(field: &str, rule: &str) -> Option<String> {
    let words: Vec<&str> = field.split('_').filter(|word| !word.is_empty()).collect();
    let capitalized = |word: &&str| title(word);
    Some(match rule {
        "lowercase" => field.to_lowercase(),
        "UPPERCASE" => field.to_uppercase(),
        "PascalCase" => words.iter().map(capitalized).collect(),
        "camelCase" => {
            let mut name = words.first().map_or_else(String::new, |w| w.to_lowercase());
            name.extend(words.iter().skip(1).map(capitalized));
            name
        }
        "snake_case" => field.to_owned(),
        "SCREAMING_SNAKE_CASE" => field.to_uppercase(),
        "kebab-case" => field.replace('_', "-"),
        "SCREAMING-KEBAB-CASE" => field.replace('_', "-").to_uppercase(),
        _ => return None,
    })
}

/// serde's `rename_all` rules, for messages.
pub const RENAME_RULES: [&str; 8] = [
    "lowercase",
    "UPPERCASE",
    "PascalCase",
    "camelCase",
    "snake_case",
    "SCREAMING_SNAKE_CASE",
    "kebab-case",
    "SCREAMING-KEBAB-CASE",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers() {
        assert!(is_identifier("whois_domain"));
        assert!(is_identifier("list_add-entity"));
        assert!(is_identifier("_x1"));
        assert!(!is_identifier(""));
        assert!(!is_identifier("Whois"));
        assert!(!is_identifier("whois domain"));
        assert!(!is_identifier("1st"));
        assert_eq!(
            identifier_marker("list_add-entity", Span::call_site()).to_string(),
            "__soar_action_identifier_list_addHentity"
        );
    }

    #[test]
    fn action_names() {
        assert_eq!(action_name("whois_domain"), "whois domain");
        assert_eq!(action_name("list_add-entity"), "list add entity");
    }

    #[test]
    fn titles_and_slugs() {
        assert_eq!(title("input_string"), "Input String");
        assert_eq!(title("ip"), "Ip");
        assert_eq!(slug("WHOIS Sample App"), "whoissampleapp");
        assert_eq!(slug("a-b_c 9"), "abc9");
    }

    #[test]
    fn serde_rename_rules() {
        let cases = [
            ("lowercase", "registrar_name"),
            ("UPPERCASE", "REGISTRAR_NAME"),
            ("PascalCase", "RegistrarName"),
            ("camelCase", "registrarName"),
            ("snake_case", "registrar_name"),
            ("SCREAMING_SNAKE_CASE", "REGISTRAR_NAME"),
            ("kebab-case", "registrar-name"),
            ("SCREAMING-KEBAB-CASE", "REGISTRAR-NAME"),
        ];
        for (rule, expected) in cases {
            assert_eq!(
                rename("registrar_name", rule).as_deref(),
                Some(expected),
                "{rule}"
            );
        }
        assert_eq!(rename("x", "Title Case"), None);
        assert_eq!(RENAME_RULES.len(), cases.len());
    }
}
