//! `const fn`s for the compile-time checks that depend on types: the macros emit
//! `const _: () = assert!(...)` with them, so that `cargo check` reports a violation.

/// Whether two strings are equal (`==` is not `const` on `str`).
pub const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut index = 0;
    while index < a.len() {
        if a[index] != b[index] {
            return false;
        }
        index += 1;
    }
    true
}

pub use soar_vocab::text::is_app_version;

/// What kind of literal a `default` or `value_list` item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LiteralKind {
    /// A string literal.
    Text,
    /// An integer or float literal.
    Number,
    /// `true` or `false`.
    Bool,
}

/// Whether a literal of this kind fits a field or parameter of this `data_type`. Any literal
/// "fits" a password: [`is_password`] is the check that refuses it, with its own message.
pub const fn literal_fits(data_type: &str, kind: LiteralKind) -> bool {
    if is_password(data_type) {
        return true;
    }
    match kind {
        LiteralKind::Text => same(data_type, "string") || same(data_type, "timezone"),
        LiteralKind::Number => same(data_type, "numeric"),
        LiteralKind::Bool => same(data_type, "boolean"),
    }
}

/// Whether this `data_type` holds a secret.
pub const fn is_password(data_type: &str) -> bool {
    same(data_type, "password")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literal_kinds_fit_their_data_types() {
        assert!(literal_fits("string", LiteralKind::Text));
        assert!(literal_fits("timezone", LiteralKind::Text));
        assert!(literal_fits("numeric", LiteralKind::Number));
        assert!(literal_fits("boolean", LiteralKind::Bool));
        assert!(!literal_fits("numeric", LiteralKind::Text));
        assert!(literal_fits("password", LiteralKind::Bool));
        assert!(!literal_fits("string", LiteralKind::Bool));
        assert!(is_password("password") && !is_password("passwords"));
        assert!(same("", "") && !same("a", "b"));
    }
}
