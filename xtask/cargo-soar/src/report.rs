//! Validation report lines: `<severity> <JSON Pointer> <message>`, as the Decisions fix them.

use std::fmt;

use soar_app_json::{Finding, Severity};

/// One finding, of the app JSON validator or of the tarball rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Error or warning.
    pub severity: Severity,
    /// An RFC 6901 pointer into the app JSON; empty for the whole document or the tarball.
    pub pointer: String,
    /// What is wrong.
    pub message: String,
}

impl Line {
    /// An error at `pointer`.
    pub fn error(pointer: &str, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            pointer: pointer.to_owned(),
            message: message.into(),
        }
    }

    /// A warning at `pointer`.
    pub fn warning(pointer: &str, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            pointer: pointer.to_owned(),
            message: message.into(),
        }
    }
}

impl From<Finding> for Line {
    fn from(finding: Finding) -> Self {
        Self {
            severity: finding.severity,
            pointer: finding.pointer,
            message: finding.message,
        }
    }
}

impl fmt::Display for Line {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {}", self.severity, self.pointer, self.message)
    }
}

/// Prints the lines on standard output and a count on standard error; returns whether any is
/// an error.
pub fn print(lines: &[Line]) -> bool {
    for line in lines {
        println!("{line}");
    }
    let errors = lines
        .iter()
        .filter(|line| line.severity == Severity::Error)
        .count();
    eprintln!("{errors} errors, {} warnings", lines.len() - errors);
    errors > 0
}
