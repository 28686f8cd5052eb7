//! Panics of the author's code (action hooks, views, webhook and REST handlers) caught where
//! the runtime turns them into a failed result, an error card or a 500 response.
//!
//! The standard panic hook prints a panic's message to stderr before the unwinding reaches
//! `catch_unwind`, and on the platform stderr goes to its logs: a `panic!("bad {token}")` or an
//! `unwrap()` of an error quoting a secret would be logged in clear. While [`caught`] runs a
//! closure, the hook this module installs (once, in front of whatever hook was there) prints
//! only where the panic happened; the message goes where the caller puts it, through its
//! redaction. Other panics still reach the previous hook.

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    /// How many [`caught`] calls are running on this thread.
    static CATCHING: Cell<u32> = const { Cell::new(0) };
}

/// Runs `f`; a panic in it is `Err` with the panic's message, and is not printed with it.
pub(crate) fn caught<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    install_hook();
    CATCHING.with(|depth| depth.set(depth.get() + 1));
    let outcome = panic::catch_unwind(AssertUnwindSafe(f));
    CATCHING.with(|depth| depth.set(depth.get() - 1));
    outcome.map_err(|payload| message(payload.as_ref()))
}

/// The hook that keeps the message of a caught panic out of stderr.
fn install_hook() {
    static INSTALLED: Once = Once::new();
    INSTALLED.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if CATCHING.with(Cell::get) == 0 {
                previous(info);
                return;
            }
            let place = info
                .location()
                .map(|location| format!(" at {}:{}", location.file(), location.line()))
                .unwrap_or_default();
            eprintln!("the connector's code panicked{place}; its message is in the answer");
        }));
    });
}

/// The message of a panic's payload.
fn message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|text| (*text).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_is_its_message_and_a_value_passes_through() {
        assert_eq!(caught(|| 7), Ok(7));
        assert_eq!(
            caught(|| -> u8 { panic!("bad {}", "s3cret") }),
            Err("bad s3cret".to_owned())
        );
        assert_eq!(
            caught(|| std::panic::panic_any(7_u8)),
            Err("a panic without a message".to_owned())
        );
        assert_eq!(
            caught(|| caught(|| -> () { panic!("inner") })),
            Ok(Err("inner".to_owned())),
            "nested calls unwind to the innermost"
        );
    }
}
