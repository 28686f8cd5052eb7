//! The app JSON: the metadata file that describes a connector to the platform (contract
//! section 5).
//!
//! [`AppJson`] models the whole file with typed fields for every key that the contract, the
//! platform's CI schema or the official SDK knows. Reading accepts what real apps write:
//! unknown keys are kept in `extra` maps, sloppy values ([`Loose`], [`DefaultValue`],
//! [`DataType::Other`]) remember their spelling, so writing a real app back loses nothing.
//! Writing follows the key order of the SDK's manifests and is deterministic.
//!
//! [`validate()`] and [`validate_value`] check an app JSON strictly: errors for what the platform
//! or its CI schema refuses, warnings for the sloppiness real apps get away with.

mod action;
mod bundle;
mod configuration;
mod data_type;
mod dependencies;
mod loose;
mod model;
mod timestamp;
mod validate;
mod webhook;

pub use action::{Action, Lock, OutputEntry, Parameter, Render};
pub use bundle::{BUNDLE_MANIFEST_FORMAT, BundleManifest};
pub use configuration::ConfigField;
pub use data_type::DataType;
pub use dependencies::{Dependencies, PypiDependency, WheelDependency};
pub use loose::{ColumnOrder, DefaultValue, Loose, Order};
pub use model::{AppJson, Contributor, PythonVersion};
pub use timestamp::format_utc;
pub use validate::{Finding, Pointer, Rule, Severity, validate, validate_value};
pub use webhook::{Webhook, WebhookRoute};

/// The top-level keys the platform's CI schema requires, in the schema's order.
pub const REQUIRED_KEYS: [&str; 18] = [
    "actions",
    "app_version",
    "appid",
    "configuration",
    "description",
    "license",
    "logo",
    "logo_dark",
    "main_module",
    "min_phantom_version",
    "name",
    "package_name",
    "product_name",
    "product_vendor",
    "python_version",
    "product_version_regex",
    "publisher",
    "type",
];

/// What kind of JSON value `value` is, with an article ("a string", "an object"): how messages
/// of the validator and of the runtime's parameter parsing name a value of the wrong type.
pub fn json_kind(value: &serde_json::Value) -> &'static str {
    use serde_json::Value;
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}
