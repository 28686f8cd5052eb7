//! Rust names for what an app JSON names: configuration keys, parameters, output keys and
//! actions become identifiers (keywords, leading digits, spaces and punctuation handled), and
//! the original is kept by the rename attribute the generated code writes beside them.

use std::collections::HashSet;

/// Rust's keywords, strict and reserved, of edition 2024: an identifier that is one of these
/// is written raw (`r#type`), except those that cannot be raw, which get a trailing `_`.
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
    "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "try", "typeof", "unsized", "virtual", "yield",
];

/// Keywords that cannot be raw identifiers.
const NOT_RAW: &[&str] = &["crate", "self", "Self", "super"];

/// The words of a name: runs of ASCII letters and digits, lower-cased; everything else
/// separates words. `camelCase` splits at the upper-case letter.
fn words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut previous_lower = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            if c.is_ascii_uppercase() && previous_lower && !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            previous_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
            word.push(c.to_ascii_lowercase());
        } else {
            previous_lower = false;
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// A `snake_case` identifier for `name` (`Max Results` -> `max_results`, `2fa` -> `_2fa`,
/// `type` -> `r#type`); `fallback` when the name has no letter or digit.
pub fn snake(name: &str, fallback: &str) -> String {
    let mut ident = words(name).join("_");
    if ident.is_empty() {
        ident = fallback.to_owned();
    }
    if ident.starts_with(|c: char| c.is_ascii_digit()) {
        ident.insert(0, '_');
    }
    keyword_safe(ident)
}

/// A `CamelCase` type name for `name` (`whois domain` -> `WhoisDomain`).
pub fn camel(name: &str, fallback: &str) -> String {
    let mut ident: String = soar_vocab::capitalised_words(&words(name).join("_")).collect();
    if ident.is_empty() {
        ident = fallback.to_owned();
    }
    if ident.starts_with(|c: char| c.is_ascii_digit()) {
        ident.insert(0, 'N');
    }
    keyword_safe(ident)
}

fn keyword_safe(ident: String) -> String {
    if NOT_RAW.contains(&ident.as_str()) {
        format!("{ident}_")
    } else if KEYWORDS.contains(&ident.as_str()) {
        format!("r#{ident}")
    } else {
        ident
    }
}

/// The identifier without its `r#` prefix: what the macros take as the default name.
pub fn plain(ident: &str) -> &str {
    ident.strip_prefix("r#").unwrap_or(ident)
}

/// Hands out identifiers unique within one scope: a second `max_results` becomes
/// `max_results_2`, a second type `Record` becomes `Record2`.
#[derive(Debug)]
pub struct Scope {
    taken: HashSet<String>,
    /// Between a name and its number: `_` for snake case, nothing for types.
    separator: &'static str,
}

impl Default for Scope {
    fn default() -> Self {
        Self::with(&[])
    }
}

impl Scope {
    /// A scope where `reserved` are already taken.
    pub fn with(reserved: &[&str]) -> Self {
        Self {
            taken: reserved.iter().map(|name| (*name).to_owned()).collect(),
            separator: "_",
        }
    }

    /// A scope of type names where `reserved` are already taken.
    pub fn of_types(reserved: &[&str]) -> Self {
        Self {
            separator: "",
            ..Self::with(reserved)
        }
    }

    /// `ident`, or the first of `ident_2`, `ident_3`, ... that is free; taken from now on.
    pub fn unique(&mut self, ident: String) -> String {
        let mut candidate = ident.clone();
        let mut count = 1;
        while self.taken.contains(plain(&candidate)) {
            count += 1;
            candidate = format!("{}{}{count}", plain(&ident), self.separator);
        }
        self.taken.insert(plain(&candidate).to_owned());
        candidate
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_identifiers() {
        for (name, ident) in [
            ("max_results", "max_results"),
            ("Max Results", "max_results"),
            ("maxResults", "max_results"),
            ("ph_0", "ph_0"),
            ("2fa", "_2fa"),
            ("type", "r#type"),
            ("self", "self_"),
            ("  ", "field"),
            ("name,", "name"),
            ("@odata.type", "odata_type"),
        ] {
            assert_eq!(snake(name, "field"), ident, "{name:?}");
        }
        assert_eq!(camel("whois domain", "Action"), "WhoisDomain");
        assert_eq!(camel("3d view", "Action"), "N3dView");
        assert_eq!(camel("", "Action"), "Action");
    }

    #[test]
    fn a_scope_hands_out_each_identifier_once() {
        let mut scope = Scope::with(&["connector", "ctx"]);
        assert_eq!(scope.unique("ctx".into()), "ctx_2");
        assert_eq!(scope.unique("a".into()), "a");
        assert_eq!(scope.unique("a".into()), "a_2");
        assert_eq!(scope.unique("r#type".into()), "r#type");
        assert_eq!(scope.unique("r#type".into()), "type_2");
        let mut types = Scope::of_types(&["Output"]);
        assert_eq!(types.unique("Output".into()), "Output2");
    }
}
