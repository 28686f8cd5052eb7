//! Actions and their parts: parameters, output entries, render options and lock.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::loose::present;
use super::{ColumnOrder, DataType, DefaultValue, Loose, Order};

/// One entry of `actions`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Action {
    /// The action's name, e.g. `whois domain`: lowercase letters, digits and spaces.
    pub action: String,
    /// What the action JSON names to run this action; unique in the app.
    pub identifier: String,
    /// What the action does; must not start with a lowercase letter nor end with a period.
    pub description: String,
    /// The action's kind, one of [`soar_vocab::ACTION_KINDS`] (`type` in JSON).
    #[serde(rename = "type")]
    pub kind: String,
    /// Whether the action changes nothing.
    pub read_only: bool,
    /// Platform versions the action runs on (`EQ(*)`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub versions: Option<String>,
    /// The long description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verbose: Option<String>,
    /// The parameters by name, in form order (a missing key reads as none).
    #[serde(default)]
    pub parameters: IndexMap<String, Parameter>,
    /// The data paths of the result (a missing key reads as none).
    #[serde(default)]
    pub output: Vec<OutputEntry>,
    /// How the platform shows the result.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub render: Option<Render>,
    /// Name of the action that reverses this one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub undo: Option<String>,
    /// Serialisation of concurrent runs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lock: Option<Lock>,
    /// Keys nobody knows, kept as written.
    #[serde(flatten)]
    pub extra: IndexMap<String, Value>,
}

impl Action {
    /// Whether this is the reserved test connectivity action (by name, as the platform's CI).
    pub fn is_test_connectivity(&self) -> bool {
        self.action == soar_vocab::TEST_CONNECTIVITY_ACTION
    }

    /// Whether this is the reserved on poll action (by name, as the platform's CI).
    pub fn is_on_poll(&self) -> bool {
        self.action == soar_vocab::ON_POLL_ACTION
    }
}

/// One action parameter (a value of an action's `parameters` map).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Parameter {
    /// Position in the form; the parameters' orders run 0..n-1.
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order: Option<Order>,
    /// The parameter's name, repeated (the official SDK writes it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Shown beside the parameter; must not start with a lowercase letter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The parameter's type.
    pub data_type: DataType,
    /// Whether a parameter dict without it fails; absent means `false`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
    /// Whether the action acts primarily on this parameter (contextual actions).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub primary: Option<bool>,
    /// Whether the value is a comma-separated list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allow_list: Option<bool>,
    /// What the value is (`contains` strings).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contains: Option<Vec<String>>,
    /// Value used when the user gives none.
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default: Option<DefaultValue>,
    /// The values the user chooses from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_list: Option<Vec<Value>>,
    /// Keys nobody knows, kept as written.
    #[serde(flatten)]
    pub extra: IndexMap<String, Value>,
}

impl Parameter {
    /// Whether the parameter must be given (`required: true`).
    pub fn is_required(&self) -> bool {
        self.required == Some(true)
    }

    /// Whether the value is a comma-separated list (`allow_list: true`).
    pub fn is_allow_list(&self) -> bool {
        self.allow_list == Some(true)
    }

    /// Whether the action acts primarily on this parameter (`primary: true`).
    pub fn is_primary(&self) -> bool {
        self.primary == Some(true)
    }

    /// The `contains` strings (none when the key is absent).
    pub fn contains(&self) -> &[String] {
        self.contains.as_deref().unwrap_or_default()
    }
}

/// One entry of an action's `output`: a data path of the result and what it holds.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OutputEntry {
    /// Where the value is, e.g. `action_result.data.*.registrar`.
    pub data_path: String,
    /// The value's type.
    pub data_type: DataType,
    /// What the value is (`contains` strings).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contains: Option<Vec<String>>,
    /// Example values.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub example_values: Option<Vec<Value>>,
    /// Heading of the value's column in the `table` render.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column_name: Option<String>,
    /// Position of that column; the orders run 0..n-1 over the entries with a `column_name`.
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column_order: Option<ColumnOrder>,
    /// Mapping hint for the platform's data model.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub map_info: Option<String>,
    /// Keys nobody knows, kept as written.
    #[serde(flatten)]
    pub extra: IndexMap<String, Value>,
}

impl OutputEntry {
    /// The `contains` strings (none when the key is absent).
    pub fn contains(&self) -> &[String] {
        self.contains.as_deref().unwrap_or_default()
    }
}

/// An action's `render`: how the platform shows the result.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Render {
    /// One of [`soar_vocab::RENDER_TYPES`] (`type` in JSON).
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// For `custom`: the view function, `module.function`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub view: Option<String>,
    /// Widget width in grid columns.
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub width: Option<Loose<u32>>,
    /// Widget height in grid rows.
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub height: Option<Loose<u32>>,
    /// Widget title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Menu entry that opens the view.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub menu_name: Option<String>,
    /// Keys nobody knows, kept as written.
    #[serde(flatten)]
    pub extra: IndexMap<String, Value>,
}

/// An action's `lock`: runs that share the locked value do not run concurrently.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Lock {
    /// Whether the lock is on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// What is locked: `parameters.<name>`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_path: Option<String>,
    /// Whether runs on different values may run concurrently.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub concurrency: Option<bool>,
    /// How long a run waits for the lock.
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeout: Option<Loose<u32>>,
    /// Keys nobody knows, kept as written.
    #[serde(flatten)]
    pub extra: IndexMap<String, Value>,
}
