//! [`ActionError`]: why a hook or a handler failed, as the message the platform shows.

use std::fmt;

/// The error of a connector hook or action handler. Its message becomes the message of the
/// failed result.
///
/// Any `std::error::Error` converts into it with `?`; the message is the error's own followed by
/// its sources (`"connect failed: connection refused"`). It deliberately does not implement
/// `std::error::Error` itself, which is what makes that blanket conversion possible.
#[derive(Clone, PartialEq, Eq)]
pub struct ActionError {
    message: String,
}

impl ActionError {
    /// An error with the given message.
    pub fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
        }
    }

    /// A required parameter is missing: `Required parameter '<name>' is missing`.
    pub fn missing_parameter(name: &str) -> Self {
        Self::new(format!("Required parameter '{name}' is missing"))
    }

    /// A parameter failed the contains rule: `Parameter '<name>' failed validation`.
    pub fn failed_validation(name: &str) -> Self {
        Self::new(format!("Parameter '{name}' failed validation"))
    }

    /// A parameter could not be parsed into its type:
    /// `Parameter '<name>' failed validation: <reason>`.
    pub fn invalid_parameter(name: &str, reason: impl fmt::Display) -> Self {
        Self::new(format!("Parameter '{name}' failed validation: {reason}"))
    }

    /// The message.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for ActionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Debug for ActionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ActionError({:?})", self.message)
    }
}

impl<E: std::error::Error> From<E> for ActionError {
    fn from(error: E) -> Self {
        Self::new(error_chain(&error))
    }
}

/// An error's message followed by the messages of its sources, each once, joined by `": "`
/// (`"cannot connect to WHOIS server x:43: Connection refused (os error 111)"`): how errors are
/// shown to users, in action results and on the command line.
///
/// A source whose message is part of the text already is left out: the convention is that an
/// error either shows its source in its message or returns it from `source()`, but many do both
/// (`ureq`'s `Io`, `thiserror`'s `#[error("io: {0}")]` on a `#[from]` field), which would
/// otherwise print the cause twice.
pub fn error_chain(error: &dyn std::error::Error) -> String {
    let mut message = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let shown = cause.to_string();
        if !message.contains(&shown) {
            message.push_str(": ");
            message.push_str(&shown);
        }
        source = cause.source();
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stock_messages() {
        assert_eq!(
            ActionError::missing_parameter("domain").message(),
            "Required parameter 'domain' is missing"
        );
        assert_eq!(
            ActionError::failed_validation("ip").message(),
            "Parameter 'ip' failed validation"
        );
        assert_eq!(
            ActionError::invalid_parameter("ip", "not an IP address").message(),
            "Parameter 'ip' failed validation: not an IP address"
        );
    }

    #[test]
    fn converts_errors_with_their_sources() {
        #[derive(Debug)]
        struct Outer(std::io::Error);
        impl fmt::Display for Outer {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("lookup failed")
            }
        }
        impl std::error::Error for Outer {
            fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
                Some(&self.0)
            }
        }
        let inner = std::io::Error::new(std::io::ErrorKind::TimedOut, "timed out");
        let error = ActionError::from(Outer(inner));
        assert_eq!(error.message(), "lookup failed: timed out");
    }

    /// An error that shows its source in its message and also returns it from `source()`.
    #[derive(Debug)]
    struct ShowsItsSource(std::io::Error);

    impl fmt::Display for ShowsItsSource {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "io: {}", self.0)
        }
    }

    impl std::error::Error for ShowsItsSource {
        fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
            Some(&self.0)
        }
    }

    #[test]
    fn a_cause_already_shown_is_not_repeated() {
        let refused = std::io::Error::from_raw_os_error(111);
        let error = ActionError::from(ShowsItsSource(refused));
        assert_eq!(error.message(), "io: Connection refused (os error 111)");
    }
}
