//! Values across the boundary: JSON text through Python's own `json` module.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use serde_json::Value;

/// A Python object as a JSON value (`json.dumps`, then parsed). An object that `json` cannot
/// write raises its `TypeError`; a non-finite float raises `ValueError`.
pub(super) fn to_value(object: &Bound<'_, PyAny>) -> PyResult<Value> {
    let json = object.py().import("json")?;
    let text: String = json.call_method1("dumps", (object,))?.extract()?;
    serde_json::from_str(&text).map_err(|error| PyValueError::new_err(error.to_string()))
}

/// A JSON value as Python objects (`json.loads`): dicts, lists, strings, numbers, booleans, `None`.
pub(super) fn to_python<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?
        .call_method1("loads", (value.to_string(),))
}
