//! Progress and logs into the platform's `BaseConnector` methods.

use pyo3::prelude::*;

use crate::progress::ProgressSink;

/// A [`ProgressSink`] that calls the Python connector object's `save_progress`,
/// `send_progress`, `debug_print` and `error_print`.
///
/// A call that raises does not fail the run: the exception goes to Python's
/// `sys.unraisablehook`, which reports it.
#[derive(Debug)]
pub struct PythonSink {
    connector: Py<PyAny>,
}

impl PythonSink {
    /// A sink that calls the methods of `connector` (a `BaseConnector`).
    pub fn new(connector: Py<PyAny>) -> Self {
        Self { connector }
    }

    fn call(&self, method: &str, args: impl for<'py> pyo3::call::PyCallArgs<'py>) {
        Python::attach(|py| {
            if let Err(error) = self.connector.call_method1(py, method, args) {
                error.write_unraisable(py, Some(self.connector.bind(py)));
            }
        });
    }
}

impl ProgressSink for PythonSink {
    fn save_progress(&mut self, message: &str) {
        self.call("save_progress", (message,));
    }

    fn send_progress(&mut self, message: &str) {
        self.call("send_progress", (message,));
    }

    fn debug_print(&mut self, tag: &str, detail: &str) {
        self.call("debug_print", (tag, detail));
    }

    fn error_print(&mut self, tag: &str, detail: &str) {
        self.call("error_print", (tag, detail));
    }
}
