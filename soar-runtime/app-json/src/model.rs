//! The top level of the app JSON.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{Action, ConfigField, Dependencies, Webhook, WheelDependency};

/// The app JSON: everything the platform knows about a connector (contract section 5).
///
/// Fields are written in declaration order, which is the order of the official SDK's manifests;
/// `None` fields are not written. Keys that neither the contract, the CI schema nor the SDK
/// know are kept in [`AppJson::extra`], so that reading and writing a real app loses nothing.
/// The fields that are not `Option` are the keys the CI schema requires.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AppJson {
    /// Display name of the app.
    pub name: String,
    /// What the app does; must not start with a lowercase letter.
    pub description: String,
    /// The app's UUID (hyphenated, lowercase).
    pub appid: String,
    /// The app's category, one of [`soar_vocab::APP_TYPES`] (`type` in JSON).
    #[serde(rename = "type")]
    pub app_type: String,
    /// Vendor of the product the app talks to.
    pub product_vendor: String,
    /// Version of the app, `x.y.z`.
    pub app_version: String,
    /// License statement.
    pub license: String,
    /// Oldest platform version the app runs on, `x.y.z` or `x.y.z.w`.
    pub min_phantom_version: String,
    /// Python package name of the installed app, `phantom_<name>`.
    pub package_name: String,
    /// The Python module the platform imports; ends in `.py`.
    pub main_module: String,
    /// Logo file for light backgrounds.
    pub logo: String,
    /// Logo file for dark backgrounds.
    pub logo_dark: String,
    /// Product the app talks to.
    pub product_name: String,
    /// Python versions the app supports.
    pub python_version: PythonVersion,
    /// Regular expression for the product versions the app supports (usually `.*`).
    pub product_version_regex: String,
    /// Who publishes the app.
    pub publisher: String,
    /// When the app JSON was last generated, `YYYY-MM-DDTHH:MM:SS.ffffffZ`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub utctime_updated: Option<String>,
    /// Whether the app runs on FIPS-compliant platforms; required when the publisher is `Splunk`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fips_compliant: Option<bool>,
    /// Product versions the app was tested with.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latest_tested_versions: Option<Vec<String>>,
    /// Version of the app wizard that created the app.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app_wizard_version: Option<String>,
    /// People who contributed to the app.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contributors: Option<Vec<Contributor>>,
    /// The asset configuration fields, in form order.
    pub configuration: IndexMap<String, ConfigField>,
    /// The actions, in the order the platform lists them.
    pub actions: Vec<Action>,
    /// Python dependencies (any Python version).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pip_dependencies: Option<Dependencies>,
    /// Python 3 dependencies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pip3_dependencies: Option<Dependencies>,
    /// Python 3.9 dependencies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pip39_dependencies: Option<Dependencies>,
    /// Python 3.13 dependencies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pip313_dependencies: Option<Dependencies>,
    /// Python 3.14 dependencies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pip314_dependencies: Option<Dependencies>,
    /// `module.function` that handles REST requests sent to the app.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rest_handler: Option<String>,
    /// The app's webhook.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub webhook: Option<Webhook>,
    /// Whether the platform merges the app's result widgets.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consolidate_widgets: Option<bool>,
    /// How the platform renders the asset configuration form (real apps write `default`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app_config_render: Option<String>,
    /// Metadata of the platform's QA.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qa_metadata: Option<IndexMap<String, Value>>,
    /// Whether the app supports Enterprise Security polling (written by the SDK).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub supports_es_polling: Option<bool>,
    /// Keys nobody knows, kept as written.
    #[serde(flatten)]
    pub extra: IndexMap<String, Value>,
}

impl AppJson {
    /// Reads an app JSON document.
    ///
    /// Accepts what real apps write (see the module docs); fails only on malformed JSON, a
    /// missing key that the CI schema requires, or a value of a type the model cannot hold.
    pub fn from_json_str(s: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(s)
    }

    /// Writes the app JSON, indented by four spaces like the SDK's manifests, keys in declaration
    /// order. The same model always gives the same bytes.
    pub fn to_json_pretty(&self) -> String {
        let mut bytes = Vec::new();
        let formatter = serde_json::ser::PrettyFormatter::with_indent(b"    ");
        let mut serializer = serde_json::Serializer::with_formatter(&mut bytes, formatter);
        self.serialize(&mut serializer)
            .expect("writing to a Vec cannot fail and every map key is a string");
        String::from_utf8(bytes).expect("serde_json writes UTF-8")
    }

    /// The `pip*_dependencies` objects that are present, with their keys, in writing order.
    pub fn dependency_sets(&self) -> impl Iterator<Item = (&'static str, &Dependencies)> {
        [
            ("pip_dependencies", &self.pip_dependencies),
            ("pip3_dependencies", &self.pip3_dependencies),
            ("pip39_dependencies", &self.pip39_dependencies),
            ("pip313_dependencies", &self.pip313_dependencies),
            ("pip314_dependencies", &self.pip314_dependencies),
        ]
        .into_iter()
        .filter_map(|(key, set)| set.as_ref().map(|set| (key, set)))
    }

    /// Every wheel of every `pip*_dependencies` object, in writing order (a wheel two lists name
    /// comes twice).
    pub fn wheels(&self) -> impl Iterator<Item = &WheelDependency> {
        self.dependency_sets()
            .flat_map(|(_, dependencies)| dependencies.wheel.iter().flatten())
    }

    /// The action with this `identifier`, if there is one (the first, if there are several).
    pub fn action(&self, identifier: &str) -> Option<&Action> {
        self.actions
            .iter()
            .find(|action| action.identifier == identifier)
    }
}

/// The `python_version` key: a comma-separated string (`"3.9, 3.13"`) or a list (`["3.9"]`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum PythonVersion {
    /// A string such as `"3"` or `"3.9, 3.13"`.
    Text(String),
    /// A list such as `["3.9", "3.13"]`.
    List(Vec<String>),
}

impl Default for PythonVersion {
    fn default() -> Self {
        Self::Text(String::new())
    }
}

/// One entry of `contributors`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Contributor {
    /// The contributor's name.
    pub name: String,
    /// Keys nobody knows (real apps add `email`), kept as written.
    #[serde(flatten)]
    pub extra: IndexMap<String, Value>,
}
