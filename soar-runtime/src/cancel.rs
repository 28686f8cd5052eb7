//! Cooperative cancellation: a [`CancelToken`] that SIGTERM sets and the runtime and handlers
//! check.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// A shared flag saying that the run should stop. Clones share the flag.
#[derive(Debug, Clone, Default)]
pub struct CancelToken(Arc<AtomicBool>);

impl CancelToken {
    /// A token that is not cancelled.
    pub fn new() -> Self {
        Self::default()
    }

    /// A token that SIGTERM cancels (the platform stops a run with SIGTERM).
    pub fn on_sigterm() -> std::io::Result<Self> {
        let token = Self::new();
        signal_hook::flag::register(signal_hook::consts::SIGTERM, Arc::clone(&token.0))?;
        Ok(token)
    }

    /// Asks the run to stop.
    pub fn cancel(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    /// Whether the run has been asked to stop.
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clones_share_the_flag() {
        let token = CancelToken::new();
        let clone = token.clone();
        assert!(!clone.is_cancelled());
        token.cancel();
        assert!(clone.is_cancelled());
    }
}
