//! RFC 6901 JSON Pointers to the places findings are about.

use std::fmt;

/// A JSON Pointer, built one reference token at a time: how findings, the corpus measure and
/// the importer's notes name a place in an app JSON.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pointer(String);

impl Pointer {
    /// The whole document (the empty pointer).
    pub fn root() -> Self {
        Self::default()
    }

    /// The pointer to `token` (an object key or an array index) inside this location.
    pub fn child(&self, token: impl fmt::Display) -> Self {
        let token = token.to_string();
        let mut pointer = String::with_capacity(self.0.len() + token.len() + 1);
        pointer.push_str(&self.0);
        pointer.push('/');
        for c in token.chars() {
            match c {
                '~' => pointer.push_str("~0"),
                '/' => pointer.push_str("~1"),
                c => pointer.push(c),
            }
        }
        Self(pointer)
    }
}

impl Pointer {
    /// The pointer as text (`/actions/3/a~1b`).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_escaped() {
        let pointer = Pointer::root().child("actions").child(3).child("a/b~c");
        assert_eq!(pointer.to_string(), "/actions/3/a~1b~0c");
        assert_eq!(Pointer::root().to_string(), "");
    }
}
