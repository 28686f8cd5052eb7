//! The connector's state through the platform's `BaseConnector.load_state` and `save_state`.

use pyo3::prelude::*;
use serde_json::{Map, Value};

use super::convert::{to_python, to_value};
use crate::platform::HostError;
use crate::state::StateStore;

/// A [`StateStore`] that calls the Python connector object's `load_state()` and
/// `save_state(state)`.
///
/// A host whose `load_state` is missing or raises (a stand-in without state, the official
/// SDK's shims before their own lifecycle set the state up) gives an empty state, and then
/// nothing is saved: a state that could not be read is never overwritten.
#[derive(Debug)]
pub struct PythonState {
    connector: Py<PyAny>,
    loaded: bool,
}

impl PythonState {
    /// The state of `connector` (a `BaseConnector`).
    pub fn new(connector: Py<PyAny>) -> Self {
        Self {
            connector,
            loaded: false,
        }
    }

    /// The host's state, if it has one it can read.
    fn read(&self, py: Python<'_>) -> Option<Value> {
        let state = self.connector.call_method0(py, "load_state").ok()?;
        to_value(state.bind(py)).ok()
    }
}

impl StateStore for PythonState {
    fn load(&mut self) -> Result<Map<String, Value>, HostError> {
        Python::attach(|py| match self.read(py) {
            Some(Value::Object(state)) => {
                self.loaded = true;
                Ok(state)
            }
            Some(Value::Null) => {
                self.loaded = true;
                Ok(Map::new())
            }
            Some(other) => Err(HostError::new(format!(
                "load_state returned {other}, not a dict"
            ))),
            None => Ok(Map::new()),
        })
    }

    fn save(&mut self, state: &Map<String, Value>) -> Result<(), HostError> {
        if !self.loaded {
            return Ok(());
        }
        Python::attach(|py| {
            let state = to_python(py, &Value::Object(state.clone()))?;
            self.connector
                .call_method1(py, "save_state", (state,))
                .map(drop)
        })
        .map_err(|error| HostError::caused_by("save_state failed", error))
    }
}
