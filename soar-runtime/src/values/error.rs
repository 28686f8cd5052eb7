//! The error of every typed value's parser.

use std::error::Error;
use std::fmt;

/// Why a string is not a valid typed value: a short reason, such as
/// "not an IPv4 or IPv6 address".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// The reason, without the value or a parameter name.
    reason: &'static str,
}

impl ParseError {
    /// An error with the given reason.
    pub(crate) const fn new(reason: &'static str) -> Self {
        Self { reason }
    }

    /// The reason, without the value or a parameter name.
    pub fn reason(&self) -> &'static str {
        self.reason
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.reason)
    }
}

impl Error for ParseError {}
