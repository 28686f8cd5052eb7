//! Names: action identifiers and names, the app's package and module names, the names of the
//! marker macros that make duplicate identifiers and names errors, and types as text.

use proc_macro2::{Ident, Span};
use quote::format_ident;

pub use soar_vocab::text::{is_action_identifier as is_identifier, is_action_name};

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

/// The name of the marker macro of an action name: names are lowercase letters, digits and
/// spaces, and spaces become `_`.
pub fn name_marker(name: &str, span: Span) -> Ident {
    format_ident!("__soar_action_name_{}", name.replace(' ', "_"), span = span)
}

/// The tokens of a type, for messages: `Option<Vec<Ip>>`.
pub fn type_text(ty: &syn::Type) -> String {
    quote::quote!(#ty)
        .to_string()
        .replace(" < ", "<")
        .replace(" >", ">")
        .replace("< ", "<")
        .replace(" :: ", "::")
}

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
    fn name_markers_and_types_as_text() {
        assert_eq!(
            name_marker("whois domain 2", Span::call_site()).to_string(),
            "__soar_action_name_whois_domain_2"
        );
        let ty: syn::Type = syn::parse_quote!(std::option::Option<Vec<Ip>>);
        assert_eq!(type_text(&ty), "std::option::Option<Vec<Ip>>");
    }
}
