//! What real apps declare that the macros cannot express yet: the measure of issue 10.
//!
//! [`EXPRESSIBLE`] lists, per level of the app JSON, the keys that `#[connector]`, `#[action]`,
//! `#[param]`, `#[config]` and `#[derive(ActionOutput)]` can write (or that `cargo soar bundle`
//! fills in). [`gaps`] walks an app JSON and names every key outside that list and every value
//! the macros cannot reproduce (a `data_type` they never write, a `package_name` that is not the
//! one derived from the app's name, orders that are not positions, ...), each with its JSON
//! Pointer. The test `corpus_gaps` prints the tally over the corpus, and checks that the app
//! JSON the macros write has no gap, which keeps this list honest: when the macros learn a key,
//! the list grows and the tally shrinks.

use std::collections::BTreeMap;

use serde_json::{Map, Value};
use soar_runtime::app_json::Pointer;

/// A level of the app JSON: where a set of keys lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// The top-level object.
    App,
    /// A value of `configuration`.
    ConfigField,
    /// An entry of `actions`.
    Action,
    /// A value of an action's `parameters`.
    Parameter,
    /// An entry of an action's `output`.
    Output,
    /// An action's `render`.
    Render,
    /// An action's `lock`.
    Lock,
    /// The app's `webhook`.
    Webhook,
}

impl Level {
    /// How the tally names the level.
    pub fn label(self) -> &'static str {
        match self {
            Self::App => "app",
            Self::ConfigField => "configuration field",
            Self::Action => "action",
            Self::Parameter => "parameter",
            Self::Output => "output entry",
            Self::Render => "render",
            Self::Lock => "lock",
            Self::Webhook => "webhook",
        }
    }
}

/// The keys the macros (or the bundler) write, per level.
pub const EXPRESSIBLE: [(Level, &[&str]); 8] = [
    (
        Level::App,
        &[
            "name",
            "description",
            "appid",
            "type",
            "product_vendor",
            "app_version",
            "license",
            "min_phantom_version",
            "package_name",
            "main_module",
            "logo",
            "logo_dark",
            "product_name",
            "python_version",
            "product_version_regex",
            "publisher",
            // Filled in by `cargo soar bundle`.
            "utctime_updated",
            "fips_compliant",
            "latest_tested_versions",
            "app_wizard_version",
            "app_config_render",
            "consolidate_widgets",
            "rest_handler",
            "webhook",
            "contributors",
            "configuration",
            "actions",
            // The app's own wheels (`pip39_wheels`, `pip313_wheels`) beside the bundler's;
            // other packages are a gap, found by `dependency_gaps`.
            "pip39_dependencies",
            "pip313_dependencies",
        ],
    ),
    (
        Level::ConfigField,
        &[
            "data_type",
            "required",
            "description",
            "order",
            "default",
            "value_list",
        ],
    ),
    (
        Level::Action,
        &[
            "action",
            "identifier",
            "description",
            "type",
            "read_only",
            "versions",
            "verbose",
            "parameters",
            "output",
            "render",
            "undo",
            "lock",
        ],
    ),
    (
        Level::Parameter,
        &[
            "order",
            "description",
            "data_type",
            "required",
            "primary",
            "allow_list",
            "contains",
            "default",
            "value_list",
        ],
    ),
    (
        Level::Output,
        &[
            "data_path",
            "data_type",
            "contains",
            "example_values",
            "column_name",
            "column_order",
        ],
    ),
    (
        Level::Render,
        &["type", "view", "width", "height", "title", "menu_name"],
    ),
    (
        Level::Lock,
        &["enabled", "data_path", "concurrency", "timeout"],
    ),
    (
        // No `routes`: the platform calls the one handler for every path.
        Level::Webhook,
        &[
            "handler",
            "requires_auth",
            "allowed_headers",
            "ip_allowlist",
        ],
    ),
];

/// The configuration `data_type`s the macros write (from the field's Rust type).
pub const CONFIG_DATA_TYPES: [&str; 7] = [
    "string", "password", "numeric", "boolean", "timezone", "file", "ph",
];

/// One thing an app declares that the macros cannot express.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Gap {
    /// What cannot be expressed, e.g. "action key `foo`" or "configuration `data_type` `ph`".
    pub feature: String,
    /// Where, as a JSON Pointer into the app JSON.
    pub pointer: String,
}

/// Every gap of one app JSON, in document order.
pub fn gaps(app: &Value) -> Vec<Gap> {
    let mut found = Vec::new();
    let Some(top) = app.as_object() else {
        found.push(gap("an app JSON that is not an object", &Pointer::root()));
        return found;
    };
    let root = Pointer::root();
    unknown_keys(Level::App, top, &root, &mut found);
    dependency_gaps(top, &mut found);
    if let Some(webhook) = top.get("webhook").and_then(Value::as_object) {
        unknown_keys(Level::Webhook, webhook, &root.child("webhook"), &mut found);
    }
    if let Some(configuration) = top.get("configuration").and_then(Value::as_object) {
        for (position, (name, field)) in configuration.iter().enumerate() {
            let pointer = root.child("configuration").child(name);
            let Some(field) = field.as_object() else {
                continue;
            };
            unknown_keys(Level::ConfigField, field, &pointer, &mut found);
            if let Some(data_type) = field.get("data_type").and_then(Value::as_str)
                && !CONFIG_DATA_TYPES.contains(&data_type)
            {
                found.push(gap(
                    &format!("configuration `data_type` `{data_type}`"),
                    &pointer.child("data_type"),
                ));
            }
            not_a_position(
                Level::ConfigField,
                field,
                "order",
                position,
                &pointer,
                &mut found,
            );
        }
    }
    let actions = top.get("actions").and_then(Value::as_array);
    for (index, action) in actions.into_iter().flatten().enumerate() {
        if let Some(action) = action.as_object() {
            action_gaps(action, &root.child("actions").child(index), &mut found);
        }
    }
    found
}

fn action_gaps(action: &Map<String, Value>, pointer: &Pointer, found: &mut Vec<Gap>) {
    unknown_keys(Level::Action, action, pointer, found);
    if let Some(parameters) = action.get("parameters").and_then(Value::as_object) {
        for (position, (name, parameter)) in parameters.iter().enumerate() {
            let pointer = pointer.child("parameters").child(name);
            if let Some(parameter) = parameter.as_object() {
                unknown_keys(Level::Parameter, parameter, &pointer, found);
                not_a_position(
                    Level::Parameter,
                    parameter,
                    "order",
                    position,
                    &pointer,
                    found,
                );
            }
        }
    }
    let output = action.get("output").and_then(Value::as_array);
    for (index, entry) in output.into_iter().flatten().enumerate() {
        let pointer = pointer.child("output").child(index);
        if let Some(entry) = entry.as_object() {
            unknown_keys(Level::Output, entry, &pointer, found);
            if entry.contains_key("column_order") && !entry.contains_key("column_name") {
                found.push(gap(
                    "output entry `column_order` without `column_name`",
                    &pointer.child("column_order"),
                ));
            }
        }
    }
    if let Some(render) = action.get("render").and_then(Value::as_object) {
        let pointer = pointer.child("render");
        unknown_keys(Level::Render, render, &pointer, found);
        if let Some(kind) = render.get("type").and_then(Value::as_str)
            && !soar_vocab::RENDER_TYPES.contains(&kind)
        {
            found.push(gap(
                &format!("render `type` `{kind}`"),
                &pointer.child("type"),
            ));
        }
    }
    if let Some(lock) = action.get("lock").and_then(Value::as_object) {
        let pointer = pointer.child("lock");
        unknown_keys(Level::Lock, lock, &pointer, found);
        if let Some(path) = lock.get("data_path")
            && !path
                .as_str()
                .is_some_and(|path| path.starts_with("parameters."))
        {
            found.push(gap(
                "lock `data_path` that is not a parameter",
                &pointer.child("data_path"),
            ));
        }
    }
}

/// The keys of `object` that the macros do not write at `level`.
fn unknown_keys(level: Level, object: &Map<String, Value>, at: &Pointer, found: &mut Vec<Gap>) {
    let known = expressible(level);
    for key in object.keys() {
        if !known.contains(&key.as_str()) {
            found.push(gap(
                &format!("{} key `{key}`", level.label()),
                &at.child(key),
            ));
        }
    }
}

/// The dependency keys whose wheels the connector attribute lists (`pip39_wheels`,
/// `pip313_wheels`).
const WHEEL_LISTS: [&str; 2] = ["pip39_dependencies", "pip313_dependencies"];

/// The app's own packages the macros cannot list: PyPI packages, and wheels of keys other than
/// [`WHEEL_LISTS`] (the bundler adds the bridge's wheel to those).
fn dependency_gaps(top: &Map<String, Value>, found: &mut Vec<Gap>) {
    for (key, value) in top {
        if !key.starts_with("pip") || !key.ends_with("_dependencies") {
            continue;
        }
        let Some(sets) = value.as_object() else {
            continue;
        };
        for (kind, list) in sets {
            let expressible = kind == "wheel" && WHEEL_LISTS.contains(&key.as_str());
            if !expressible && list.as_array().is_some_and(|list| !list.is_empty()) {
                found.push(gap(
                    &format!("the app's own `{kind}` dependencies of `{key}`"),
                    &Pointer::root().child(key).child(kind),
                ));
            }
        }
    }
}

/// An `order` that is not the entry's position (the macros write positions).
fn not_a_position(
    level: Level,
    object: &Map<String, Value>,
    key: &str,
    position: usize,
    at: &Pointer,
    found: &mut Vec<Gap>,
) {
    let written = object.get(key);
    if written.and_then(Value::as_u64) != u64::try_from(position).ok() {
        found.push(gap(
            &format!("{} `{key}` that is not its position", level.label()),
            &at.child(key),
        ));
    }
}

fn expressible(level: Level) -> &'static [&'static str] {
    EXPRESSIBLE
        .iter()
        .find(|(at, _)| *at == level)
        .map_or(&[], |(_, keys)| keys)
}

fn gap(feature: &str, at: &Pointer) -> Gap {
    Gap {
        feature: feature.to_owned(),
        pointer: at.to_string(),
    }
}

/// The tally of one feature over a set of apps.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// How many times it occurs.
    pub occurrences: usize,
    /// The apps it occurs in, sorted.
    pub apps: Vec<String>,
    /// Where it first occurs: app and pointer.
    pub first: (String, String),
}

/// Tallies the gaps of named apps by feature.
pub fn tally<'a>(apps: impl IntoIterator<Item = (&'a str, &'a Value)>) -> BTreeMap<String, Tally> {
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    for (name, app) in apps {
        for found in gaps(app) {
            let tally = tallies.entry(found.feature).or_insert_with(|| Tally {
                first: (name.to_owned(), found.pointer.clone()),
                ..Tally::default()
            });
            tally.occurrences += 1;
            if tally.apps.last().is_none_or(|last| last != name) {
                tally.apps.push(name.to_owned());
            }
        }
    }
    tallies
}
