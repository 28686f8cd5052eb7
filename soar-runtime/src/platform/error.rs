//! [`HostError`]: why a service of the host failed.

use std::error::Error;

/// The error of a host service: a [`Platform`](super::Platform) call, a
/// [`StateStore`](crate::state::StateStore), a [`Sealer`](crate::state::sealing::Sealer), and
/// the local store under them.
///
/// Its `Display` says what failed ("cannot open /home/me/soar/soar.db", "save_container
/// failed"); the error that made it fail, when there is one, is its [`source`](Error::source),
/// as it was raised (an `io::Error`, a `rusqlite::Error`, the platform's Python exception), so
/// a host can look at it. [`HostError::full_message`] is the text for a person: what failed,
/// then each cause. It converts into an [`ActionError`](crate::error::ActionError) with that
/// text. A `HostError` never holds a secret value: the sealers keep causes with the value
/// masked, or none.
#[derive(Debug, thiserror::Error)]
#[error("{what}")]
pub struct HostError {
    what: String,
    #[source]
    source: Option<Box<dyn Error + Send + Sync + 'static>>,
}

impl HostError {
    /// A failure without an underlying error: the host refused ("Container 99 not found") or
    /// answered something unusable.
    pub fn new(what: impl Into<String>) -> Self {
        Self {
            what: what.into(),
            source: None,
        }
    }

    /// `what` failed because of `source`.
    pub fn caused_by(what: impl Into<String>, source: impl Error + Send + Sync + 'static) -> Self {
        Self {
            what: what.into(),
            source: Some(Box::new(source)),
        }
    }

    /// This error as the cause of a failure of the larger step `what`
    /// ("Unable to save container 'a-1'" caused by "save_container failed").
    pub fn context(self, what: impl Into<String>) -> Self {
        Self::caused_by(what, self)
    }

    /// What failed and every cause after it, each after `": "`:
    /// `"cannot open /tmp/s/soar.db: unable to open database file"`.
    pub fn full_message(&self) -> String {
        crate::error::error_chain(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_says_what_failed_and_the_source_is_kept() {
        let io = std::io::Error::new(std::io::ErrorKind::PermissionDenied, "permission denied");
        let error = HostError::caused_by("cannot open /s/soar.db", io).context("Unable to poll");
        assert_eq!(error.to_string(), "Unable to poll");
        let opened = error.source().unwrap();
        assert_eq!(opened.to_string(), "cannot open /s/soar.db");
        let io = opened.source().unwrap();
        let kind = io.downcast_ref::<std::io::Error>().unwrap().kind();
        assert_eq!(kind, std::io::ErrorKind::PermissionDenied);
        assert_eq!(
            error.full_message(),
            "Unable to poll: cannot open /s/soar.db: permission denied"
        );
        let refused = HostError::new("Container 99 not found");
        assert!(refused.source().is_none());
        assert_eq!(refused.full_message(), "Container 99 not found");
    }

    #[test]
    fn an_action_error_gets_the_full_message() {
        let error =
            HostError::new("the platform is unavailable").context("Unable to save container 'a'");
        let action = crate::error::ActionError::from(error);
        assert_eq!(
            action.message(),
            "Unable to save container 'a': the platform is unavailable"
        );
    }
}
