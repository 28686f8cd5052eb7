//! The bundle manifest: what a connector binary tells the bundler about itself
//! (`<connector> bundle-manifest`), so that the Python files the platform loads come from the
//! exact `soar-runtime` the connector was built with, not from the bundling tool.
//!
//! The runtime writes it and `cargo soar bundle` reads it; [`BUNDLE_MANIFEST_FORMAT`] changes
//! whenever either side would misread the other, and the bundler refuses a format it does not
//! speak.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::AppJson;

/// The format of [`BundleManifest`] that this version writes and reads.
pub const BUNDLE_MANIFEST_FORMAT: u32 = 1;

/// What the bundler needs from a connector binary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundleManifest {
    /// [`BUNDLE_MANIFEST_FORMAT`] of the writer.
    pub format: u32,
    /// The version of `soar-runtime` the connector was built with.
    pub runtime_version: String,
    /// The connector's app JSON, before the bundler adds `utctime_updated` and the wheel.
    pub app_json: AppJson,
    /// The name of the native extension module the generated Python files import (the name of
    /// the bridge crate's library and of its wheel).
    pub native_module: String,
    /// The Python files of the app directory that the runtime owns (the `main_module`), by
    /// path relative to the app directory.
    pub files: BTreeMap<String, String>,
    /// The Python files of the native extension's package in its wheel, by path relative to
    /// the package's directory: an `__init__.py` that names the extension's members (linters
    /// cannot see into a native module), its type stubs and `py.typed`.
    pub native_files: BTreeMap<String, String>,
}
