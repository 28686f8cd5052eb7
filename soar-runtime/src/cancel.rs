//! Cooperative cancellation: a [`CancelToken`] that SIGTERM sets and the runtime and handlers
//! check.

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// What a host runs before a token is read, to deliver a cancellation it holds pending; `true`
/// cancels the token.
type PendingCheck = Arc<dyn Fn() -> bool + Send + Sync>;

/// A shared flag saying that the run should stop. Clones share the flag.
#[derive(Clone, Default)]
pub struct CancelToken {
    flag: Arc<AtomicBool>,
    pending: Option<PendingCheck>,
}

impl CancelToken {
    /// A token that is not cancelled.
    pub fn new() -> Self {
        Self::default()
    }

    /// A token that SIGTERM cancels (the platform stops a run with SIGTERM).
    pub fn on_sigterm() -> std::io::Result<Self> {
        let token = Self::new();
        signal_hook::flag::register(signal_hook::consts::SIGTERM, Arc::clone(&token.flag))?;
        Ok(token)
    }

    /// A token sharing this one's flag that runs `pending` each time it is read: how a host
    /// that receives cancellations on its own schedule hands them over while the run works. The
    /// platform bridge uses it to let Python run the platform's signal handler (which calls
    /// `handle_cancel`) while Rust holds the main thread. `pending` returning `true` cancels.
    pub fn with_pending_check(&self, pending: impl Fn() -> bool + Send + Sync + 'static) -> Self {
        Self {
            flag: Arc::clone(&self.flag),
            pending: Some(Arc::new(pending)),
        }
    }

    /// Asks the run to stop.
    pub fn cancel(&self) {
        self.flag.store(true, Ordering::SeqCst);
    }

    /// Whether the run has been asked to stop.
    pub fn is_cancelled(&self) -> bool {
        if let Some(pending) = &self.pending
            && pending()
        {
            self.cancel();
        }
        self.flag.load(Ordering::SeqCst)
    }
}

impl fmt::Debug for CancelToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CancelToken")
            .field("cancelled", &self.flag.load(Ordering::SeqCst))
            .field("pending_check", &self.pending.is_some())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    #[test]
    fn clones_share_the_flag() {
        let token = CancelToken::new();
        let clone = token.clone();
        assert!(!clone.is_cancelled());
        token.cancel();
        assert!(clone.is_cancelled());
    }

    #[test]
    fn a_pending_check_runs_on_every_read_and_can_cancel() {
        let token = CancelToken::new();
        let reads = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&reads);
        let checked = token.with_pending_check(move || counted.fetch_add(1, Ordering::SeqCst) == 1);
        assert!(!checked.is_cancelled(), "the first check holds nothing");
        assert!(!token.is_cancelled(), "the original does not run the check");
        assert!(
            checked.is_cancelled(),
            "the second check delivers a cancellation"
        );
        assert!(token.is_cancelled(), "the flag is shared");
        assert_eq!(reads.load(Ordering::SeqCst), 2);
    }
}
