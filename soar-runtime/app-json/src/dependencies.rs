//! The `pip*_dependencies` keys: the Python packages an app ships or installs.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One `pip*_dependencies` object (`pip_dependencies`, `pip39_dependencies`, ...).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Dependencies {
    /// Wheels shipped inside the app bundle.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wheel: Option<Vec<WheelDependency>>,
    /// Packages installed from PyPI.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pypi: Option<Vec<PypiDependency>>,
    /// Keys nobody knows, kept as written.
    #[serde(flatten)]
    pub extra: IndexMap<String, Value>,
}

/// A wheel shipped in the bundle.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct WheelDependency {
    /// The Python distribution name.
    pub module: String,
    /// Path of the wheel inside the bundle (the x86_64 build for native wheels).
    pub input_file: String,
    /// Path of the aarch64 build of the wheel, as the official SDK writes it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input_file_aarch64: Option<String>,
    /// Keys nobody knows, kept as written.
    #[serde(flatten)]
    pub extra: IndexMap<String, Value>,
}

/// A package installed from PyPI.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PypiDependency {
    /// The requirement, e.g. `requests==2.32.3`.
    pub module: String,
    /// Keys nobody knows, kept as written.
    #[serde(flatten)]
    pub extra: IndexMap<String, Value>,
}
