//! Cancellation on the platform: the platform's `handle_cancel` reaches the Rust session
//! through a [`Cancellation`], also while Rust works.
//!
//! The platform cancels a run by sending SIGTERM to the action's process; its Python handler
//! calls the connector's `handle_cancel` (contract section 1). CPython runs a Python signal
//! handler only on the main thread, between two bytecodes or when that thread calls
//! `PyErr_CheckSignals`: while the main thread runs a Rust hook (with the GIL released), the
//! handler waits. So the session's token asks Python to run pending handlers each time the run
//! reads it ([`CancelToken::with_pending_check`]), at most every [`SIGNAL_CHECK_INTERVAL`] and
//! only from the thread that steps the session: a handler that checks
//! [`Ctx::is_cancelled`](crate::context::Ctx::is_cancelled) between steps sees the
//! cancellation within that interval of its next check.

use std::sync::{Arc, Mutex, PoisonError};
use std::thread::ThreadId;
use std::time::{Duration, Instant};

use pyo3::prelude::*;

use crate::cancel::CancelToken;

/// How often, at most, a read of the token lets Python run its pending signal handlers: each
/// time takes the GIL for a moment.
pub const SIGNAL_CHECK_INTERVAL: Duration = Duration::from_millis(20);

/// What the `main_module` cancels a run with (Python class `Cancellation`): it makes one with
/// the connector object, hands it to `connector.start`, and its `handle_cancel` calls
/// `cancel()`. Made before the session, so a cancellation that comes while the session starts
/// (or before) is not lost.
#[pyclass(frozen, name = "Cancellation")]
#[derive(Debug, Default)]
pub struct Cancellation {
    token: CancelToken,
    /// An exception a Python signal handler raised while Rust worked, to raise once the Rust
    /// step is over.
    raised: Arc<Mutex<Option<PyErr>>>,
}

#[pymethods]
impl Cancellation {
    /// A cancellation that has not happened.
    #[new]
    fn py_new() -> Self {
        Self::default()
    }

    /// `cancel()`: asks the run to stop (the platform's `handle_cancel`).
    fn cancel(&self) {
        self.token.cancel();
    }
}

impl Cancellation {
    /// The token of a session stepped from the current thread: reading it runs the Python
    /// signal handlers that are pending (at most every [`SIGNAL_CHECK_INTERVAL`], only on this
    /// thread). An exception one of them raises cancels the run and is kept for
    /// [`Cancellation::take_raised`].
    pub(super) fn session_token(&self) -> CancelToken {
        let stepping: ThreadId = std::thread::current().id();
        let raised = Arc::clone(&self.raised);
        let last_check: Mutex<Option<Instant>> = Mutex::new(None);
        self.token.with_pending_check(move || {
            if std::thread::current().id() != stepping {
                return false;
            }
            let Ok(mut last) = last_check.try_lock() else {
                return false;
            };
            let now = Instant::now();
            if (*last).is_some_and(|at| now.duration_since(at) < SIGNAL_CHECK_INTERVAL) {
                return false;
            }
            *last = Some(now);
            match Python::attach(|py| py.check_signals()) {
                Ok(()) => false,
                Err(error) => {
                    raised
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .get_or_insert(error);
                    true
                }
            }
        })
    }

    /// The exception a Python signal handler raised while Rust worked, once.
    pub(super) fn take_raised(&self) -> Option<PyErr> {
        self.raised
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
    }
}
