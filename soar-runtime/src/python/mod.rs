//! The platform bridge (feature `python`): the connector as a native Python extension module
//! that the bundle's small Python `main_module` drives from the platform's `BaseConnector`.
//!
//! The platform imports Python, so the bundle ships the connector's Rust code compiled as an
//! abi3 extension module. [`python_extension!`](crate::python_extension) defines that module for
//! a connector type; a connector author writes no PyO3 code (`cargo soar bundle` generates the
//! one-line crate that calls the macro). The module holds one object, `connector`
//! ([`Bridge`]), whose `start(base_connector, action, cancellation)` returns a [`BridgeSession`]: a
//! [`crate::run::Session`] that the `main_module` steps through the platform's hooks:
//!
//! | platform hook | bridge call |
//! | --- | --- |
//! | `initialize` (or the first `handle_action` when the host never calls it) | `connector.start(self, action, cancellation)`, then `session.start_failure()` |
//! | `handle_action(param)` | `session.handle(param)` -> a plain dict to record through `ActionResult` |
//! | `finalize` | `session.finish()` -> the connector-level status, message and summary |
//! | `handle_cancel` | `cancellation.cancel()` ([`Cancellation`], made with the connector object and passed to `start`) |
//!
//! Each step releases the GIL while Rust works and takes it again only for the calls into the
//! platform (see [`BridgeSession`]); a cancellation reaches the session while it works (see
//! [`Cancellation`]).
//!
//! `action` is the action-JSON-like dict the `main_module` gathers from the `BaseConnector`
//! (`identifier`, the prepared `config`, `asset_id`, `container_id`); the platform has
//! decrypted password fields already, so the run has no decryptor. Progress and logs go back to
//! the `BaseConnector`'s `save_progress`, `send_progress`, `debug_print` and `error_print`
//! ([`PythonSink`]); the state to its `load_state` and `save_state` ([`PythonState`]); the
//! platform services (containers, artifacts, the vault, the encryption of secrets in the state)
//! to its `save_container` and `save_artifacts`, `phantom.vault`, `phantom.rules.vault_info`
//! and `encryption_helper` ([`PythonPlatform`]). Values cross the boundary as JSON through
//! Python's own `json` module, so what Rust sees is exactly what the platform would serialize.

mod cancel;
mod convert;
mod platform;
mod session;
mod sink;
mod state;

pub use cancel::{Cancellation, SIGNAL_CHECK_INTERVAL};
pub use platform::{PythonPlatform, PythonSealer};
pub use session::{Bridge, BridgeSession};
pub use sink::PythonSink;
pub use state::PythonState;

use pyo3::prelude::*;

use crate::app_json::AppJson;
use crate::connector::Connector;

/// Fills the extension module of connector `C`: the `Session` and `Cancellation` classes and the
/// `connector` object. Called by the module that [`python_extension!`](crate::python_extension)
/// defines. The connector is `Send` because it works with the GIL released.
pub fn init_module<C: Connector + Send + 'static>(module: &Bound<'_, PyModule>) -> PyResult<()> {
    // The module is initialised once per process and lives as long as the process: its app JSON
    // does too, so sessions can borrow it.
    let app: &'static AppJson = Box::leak(Box::new(C::app_json()));
    module.add_class::<BridgeSession>()?;
    module.add_class::<Cancellation>()?;
    module.add("connector", Bridge::new::<C>(app))?;
    Ok(())
}

/// Defines the Python extension module `$module` for connector type `$connector`:
/// `soar_runtime::python_extension!(whois_connector_native, whois::Whois);`.
///
/// The module's name must be the name of the library the extension is built as (the
/// generated wrapper crate's `[lib] name`).
#[macro_export]
macro_rules! python_extension {
    ($module:ident, $connector:ty) => {
        /// The connector's platform bridge.
        #[::soar_runtime::__private::pyo3::pymodule(crate = "::soar_runtime::__private::pyo3")]
        fn $module(
            module: &::soar_runtime::__private::pyo3::Bound<
                '_,
                ::soar_runtime::__private::pyo3::types::PyModule,
            >,
        ) -> ::soar_runtime::__private::pyo3::PyResult<()> {
            ::soar_runtime::python::init_module::<$connector>(module)
        }
    };
}
