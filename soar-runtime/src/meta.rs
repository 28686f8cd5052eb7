//! The metadata of a connector as `#[connector]`, `#[action]` and `#[derive(ActionOutput)]`
//! write it: plain `'static` data, built at compile time, turned into the app JSON at run time
//! (see [`crate::__private::build`]). Hand-written connectors do not need it.

use serde_json::{Number, Value};

/// A literal written in an attribute: a `default`, an item of a `value_list`, an example value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Literal {
    /// `"text"`.
    Text(&'static str),
    /// `42`, `-1`.
    Integer(i64),
    /// `1.5`.
    Float(f64),
    /// `true`, `false`.
    Bool(bool),
}

impl Literal {
    /// The literal as a JSON value. A float that JSON cannot hold (never written by the macros,
    /// which reject non-finite literals) becomes `null`.
    pub fn to_value(self) -> Value {
        match self {
            Self::Text(text) => Value::String(text.to_owned()),
            Self::Integer(number) => Value::Number(number.into()),
            Self::Float(number) => Number::from_f64(number).map_or(Value::Null, Value::Number),
            Self::Bool(flag) => Value::Bool(flag),
        }
    }
}

/// The app-level metadata of a connector (`#[connector(...)]` and the struct's doc comment).
#[derive(Debug, Clone, Copy)]
pub struct ConnectorMeta {
    /// The app's UUID.
    pub appid: &'static str,
    /// Display name.
    pub name: &'static str,
    /// The first paragraph of the struct's doc comment.
    pub description: &'static str,
    /// Who publishes the app.
    pub publisher: &'static str,
    /// The app `type` (one of `soar_vocab::APP_TYPES`).
    pub app_type: &'static str,
    /// Vendor of the product the app talks to.
    pub product_vendor: &'static str,
    /// Product the app talks to.
    pub product_name: &'static str,
    /// Regular expression of the supported product versions.
    pub product_version_regex: &'static str,
    /// `x.y.z`, the crate's version unless given.
    pub app_version: &'static str,
    /// License statement.
    pub license: &'static str,
    /// Oldest platform version the app runs on.
    pub min_phantom_version: &'static str,
    /// Python versions of the bridge, as the app JSON writes them.
    pub python_version: &'static str,
    /// `phantom_<name>`.
    pub package_name: &'static str,
    /// `<name>_connector.py`: the bridge module the platform imports.
    pub main_module: &'static str,
    /// Logo for light backgrounds.
    pub logo: &'static str,
    /// Logo for dark backgrounds.
    pub logo_dark: &'static str,
    /// Contributors' names.
    pub contributors: &'static [&'static str],
    /// Whether the app runs on FIPS-compliant platforms.
    pub fips_compliant: bool,
    /// Product versions the app was tested with; written when not empty.
    pub latest_tested_versions: &'static [&'static str],
    /// Version of the app wizard that created the app.
    pub app_wizard_version: Option<&'static str>,
    /// How the platform renders the asset configuration form.
    pub app_config_render: Option<&'static str>,
    /// Whether the platform merges the app's result widgets.
    pub consolidate_widgets: Option<bool>,
    /// Whether the connector has a REST handler; the handler itself is
    /// [`crate::connector::Connector::rest_handler`].
    pub rest_handler: bool,
    /// The webhook's settings, when the connector has a webhook handler.
    pub webhook: Option<WebhookMeta>,
    /// The app's own wheels for Python 3.9: paths in the package and in the app directory,
    /// below `wheels/`; the bundler ships them beside the connector's wheel.
    pub pip39_wheels: &'static [&'static str],
    /// The app's own wheels for Python 3.13, likewise.
    pub pip313_wheels: &'static [&'static str],
    /// The asset configuration fields, in form order.
    pub configuration: &'static [ConfigFieldMeta],
}

/// The settings of a connector's webhook (`#[connector(webhook(...))]`); the handler itself is
/// [`crate::connector::Connector::webhook`].
#[derive(Debug, Clone, Copy)]
pub struct WebhookMeta {
    /// Whether callers must authenticate to the platform.
    pub requires_auth: bool,
    /// The request headers the platform passes on to the handler.
    pub allowed_headers: &'static [&'static str],
    /// The networks (CIDR) allowed to call the webhook.
    pub ip_allowlist: &'static [&'static str],
}

/// What answers a webhook request: the app JSON and the request as JSON in, the response as
/// JSON out (see [`crate::webhook::handle`]).
pub type WebhookFn = fn(&crate::app_json::AppJson, &str) -> String;

/// What answers a request to the app's REST handler: the app JSON and the request as JSON in,
/// the response as JSON out (see [`crate::rest::handle`]).
pub type RestHandlerFn = fn(&crate::app_json::AppJson, &str) -> String;

/// One asset configuration field (a field of the connector struct).
#[derive(Debug, Clone, Copy)]
pub struct ConfigFieldMeta {
    /// The field's name in the configuration.
    pub name: &'static str,
    /// From the field's doc comment.
    pub description: &'static str,
    /// From the field's type ([`crate::asset::AssetField`]).
    pub data_type: &'static str,
    /// Whether the field must be set (the type is not an `Option`).
    pub required: bool,
    /// The default, if any.
    pub default: Option<Literal>,
    /// The values to choose from; empty for a free value.
    pub value_list: &'static [Literal],
}

/// Where an action goes among the others: test connectivity first, on poll last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rank {
    /// The test connectivity action.
    TestConnectivity,
    /// Any other action.
    Action,
    /// The on poll action.
    OnPoll,
}

/// One action (`#[action(...)]` and the function's doc comment).
#[derive(Debug, Clone, Copy)]
pub struct ActionMeta {
    /// What kind of action this is.
    pub rank: Rank,
    /// The identifier the action JSON names.
    pub identifier: &'static str,
    /// The action's name (`whois domain`).
    pub name: &'static str,
    /// The first paragraph of the doc comment, final period dropped.
    pub description: &'static str,
    /// The rest of the doc comment.
    pub verbose: &'static str,
    /// The action `type`.
    pub kind: &'static str,
    /// Whether the action changes nothing.
    pub read_only: bool,
    /// Platform versions the action runs on.
    pub versions: &'static str,
    /// The parameters, in form order.
    pub parameters: &'static [ParamMeta],
    /// How the platform shows the result.
    pub render: Option<RenderMeta>,
    /// Name of the reversing action.
    pub undo: Option<&'static str>,
    /// Serialisation of concurrent runs.
    pub lock: Option<LockMeta>,
    /// Whole values listed as data paths of their own.
    pub whole: WholeMeta,
}

/// Which whole values an action lists as data paths themselves (`whole(data, summary)`), as
/// many real apps do so that a playbook can select them: the data list and the summary.
#[derive(Debug, Clone, Copy, Default)]
pub struct WholeMeta {
    /// `action_result.data`.
    pub data: bool,
    /// `action_result.summary`.
    pub summary: bool,
}

/// One action parameter (an argument of the action function).
#[derive(Debug, Clone, Copy)]
pub struct ParamMeta {
    /// The parameter's name in the parameter dict.
    pub name: &'static str,
    /// From the argument's doc comment or attribute.
    pub description: &'static str,
    /// From the argument's type ([`crate::params::ActionParam`]).
    pub data_type: &'static str,
    /// Whether the parameter must be given (the type is not an `Option`).
    pub required: bool,
    /// Whether the action acts primarily on this parameter.
    pub primary: bool,
    /// Whether the value is a comma-separated list (the type is a `Vec`).
    pub allow_list: bool,
    /// The `contains` the type brings.
    pub type_contains: &'static [&'static str],
    /// The `contains` the attribute adds.
    pub contains: &'static [&'static str],
    /// The default, if any.
    pub default: Option<Literal>,
    /// The values to choose from; empty for a free value.
    pub value_list: &'static [Literal],
    /// Example values of the parameter's output entry (`action_result.parameter.<name>`).
    pub examples: &'static [Literal],
    /// The parameter's column in the result table, if any.
    pub column: Option<Column>,
}

/// An action's `render`.
#[derive(Debug, Clone, Copy)]
pub struct RenderMeta {
    /// `table`, `json` or `custom`.
    pub kind: &'static str,
    /// For `custom`: the view, which renders the app runs of the action (JSON, see
    /// [`crate::view::read_runs`]) as the widget's HTML.
    pub view: Option<ViewFn>,
    /// Widget width.
    pub width: Option<u32>,
    /// Widget height.
    pub height: Option<u32>,
    /// Widget title.
    pub title: Option<&'static str>,
    /// The menu entry that opens a custom view.
    pub menu_name: Option<&'static str>,
}

/// What renders an action's view: the app runs as JSON in, the widget's HTML out.
pub type ViewFn = fn(&str) -> String;

/// An action's `lock`.
#[derive(Debug, Clone, Copy)]
pub struct LockMeta {
    /// Whether the lock is on.
    pub enabled: bool,
    /// The parameter whose value is locked; none for the whole action.
    pub parameter: Option<&'static str>,
    /// Whether runs on different values may run concurrently.
    pub concurrency: Option<bool>,
    /// How long a run waits for the lock, in seconds.
    pub timeout: Option<u32>,
}

/// What an attribute says about one field of an output: it applies to every data path under
/// the field.
#[derive(Debug, Clone, Copy, Default)]
pub struct FieldMeta {
    /// `contains` added to the type's own.
    pub contains: &'static [&'static str],
    /// Example values.
    pub examples: &'static [Literal],
    /// The field's column in the result table.
    pub column: Option<Column>,
}

/// A column of the `table` render: its heading, and its position when the author gives one
/// (otherwise the columns are numbered in the order of the output entries).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// The heading (`column_name`).
    pub name: &'static str,
    /// The position (`column_order`), when given.
    pub order: Option<u32>,
}

/// One output data path, as a type describes it ([`crate::output`]).
#[derive(Debug, Clone, PartialEq)]
pub struct OutputSpec {
    /// `action_result.data.*.registrar`.
    pub data_path: String,
    /// `string`, `numeric` or `boolean`.
    pub data_type: &'static str,
    /// What the value is.
    pub contains: Vec<&'static str>,
    /// Example values.
    pub examples: Vec<Literal>,
    /// The column, if the value is a column of the result table.
    pub column: Option<Column>,
}
