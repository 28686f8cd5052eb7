//! Asset configuration fields: the `configuration` map of the app JSON.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::loose::present;
use super::{DataType, DefaultValue, Order};

/// One asset configuration field (a value of the `configuration` map).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ConfigField {
    /// The field's type.
    pub data_type: DataType,
    /// Whether a run fails before `initialize` when the field is missing; absent means `false`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
    /// Shown beside the field; must not start with a lowercase letter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Position in the form; the fields' orders run 0..n-1.
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order: Option<Order>,
    /// Section of the form the field belongs to (the SDK writes `connectivity` or `action`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Value used when the user gives none; never set for a password.
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default: Option<DefaultValue>,
    /// The values the user chooses from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_list: Option<Vec<Value>>,
    /// What the value is (`contains` strings).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contains: Option<Vec<String>>,
    /// Keys nobody knows, kept as written.
    #[serde(flatten)]
    pub extra: IndexMap<String, Value>,
}

impl ConfigField {
    /// Whether the field holds a secret (`data_type` `password`).
    pub fn is_password(&self) -> bool {
        self.data_type == DataType::Password
    }

    /// Whether the field must be set (`required: true`).
    pub fn is_required(&self) -> bool {
        self.required == Some(true)
    }
}
