//! TEMPORARY shim until the app JSON model lands from its branch.
#![allow(missing_docs)]
use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use serde_json::Value;
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct AppJson {
    pub appid: String,
    pub name: String,
    pub main_module: String,
    pub app_version: String,
    #[serde(default)]
    pub configuration: IndexMap<String, ConfigField>,
    #[serde(default)]
    pub actions: Vec<Action>,
}
impl AppJson {
    pub fn from_json_str(s: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(s)
    }
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DataType {
    #[default]
    String,
    Password,
    Numeric,
    Boolean,
}
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ConfigField {
    pub data_type: DataType,
    pub required: Option<bool>,
    pub description: Option<String>,
    pub default: Option<Value>,
}
impl ConfigField {
    pub fn is_password(&self) -> bool {
        self.data_type == DataType::Password
    }
    pub fn is_required(&self) -> bool {
        self.required == Some(true)
    }
}
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Action {
    pub action: String,
    pub identifier: String,
    #[serde(default)]
    pub parameters: IndexMap<String, Parameter>,
}
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Parameter {
    pub data_type: DataType,
    pub required: Option<bool>,
    pub contains: Option<Vec<String>>,
    pub allow_list: Option<bool>,
}
impl Parameter {
    pub fn is_required(&self) -> bool {
        self.required == Some(true)
    }
    pub fn is_allow_list(&self) -> bool {
        self.allow_list == Some(true)
    }
    pub fn contains(&self) -> &[String] {
        self.contains.as_deref().unwrap_or(&[])
    }
}
