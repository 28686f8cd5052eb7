//! The `actions` list of the document: actions, parameters, outputs, render and lock.

use serde_json::{Map, Value};

use super::walker::{Kind, MODEL, SCHEMA, Walker};
use crate::validate::finding::Rule;
use crate::validate::pointer::Pointer;
use soar_vocab::text;

/// The keys of an action that the CI schema requires.
const REQUIRED: [&str; 5] = ["action", "description", "type", "identifier", "read_only"];

/// Keys of an action that the contract expects though the schema does not require them.
const EXPECTED: [&str; 3] = ["versions", "parameters", "output"];

/// Checks every action of `app` (at `at`).
pub(super) fn check(walker: &mut Walker<'_>, app: &Map<String, Value>, at: &Pointer) {
    for (action, pointer) in walker.objects(app, at, "actions", SCHEMA) {
        walker.require(action, &pointer, &REQUIRED, SCHEMA);
        for key in EXPECTED.iter().filter(|key| !action.contains_key(**key)) {
            walker.report(Rule::MissingKey, &pointer, format!("missing key `{key}`"));
        }
        texts(walker, action, &pointer);
        walker.text(action, &pointer, "identifier", SCHEMA);
        walker.text(action, &pointer, "versions", SCHEMA);
        walker.field(action, &pointer, "read_only", Kind::Boolean, SCHEMA);
        walker.text(action, &pointer, "undo", MODEL);
        for (fields, at) in walker.members(action, &pointer, "parameters", SCHEMA) {
            parameter(walker, fields, &at);
        }
        for (entry, at) in walker.objects(action, &pointer, "output", SCHEMA) {
            output(walker, entry, &at);
        }
        render(walker, action, &pointer);
        lock(walker, action, &pointer);
    }
}

/// The action's name, type, description and verbose.
fn texts(walker: &mut Walker<'_>, action: &Map<String, Value>, at: &Pointer) {
    walker.pattern(action, at, "action", Rule::ActionName, |name| {
        (!text::matches_action_name_pattern(name))
            .then_some("has no lowercase letter, digit or space")
    });
    walker.pattern(action, at, "type", Rule::ActionKind, |kind| {
        (!soar_vocab::ACTION_KINDS.contains(&kind)).then_some("is not a known action type")
    });
    walker.pattern(
        action,
        at,
        "description",
        Rule::ActionDescription,
        text::action_description_problem,
    );
    walker.pattern(
        action,
        at,
        "verbose",
        Rule::TextStart,
        text::description_problem,
    );
}

/// One parameter (at `at`).
fn parameter(walker: &mut Walker<'_>, parameter: &Map<String, Value>, at: &Pointer) {
    walker.require(parameter, at, &["data_type"], SCHEMA);
    walker.pattern(
        parameter,
        at,
        "description",
        Rule::TextStart,
        text::description_problem,
    );
    walker.text(parameter, at, "data_type", SCHEMA);
    for key in ["required", "primary", "allow_list"] {
        walker.field(parameter, at, key, Kind::Boolean, SCHEMA);
    }
    walker.field(parameter, at, "order", Kind::Integer, SCHEMA);
    walker.field(parameter, at, "value_list", Kind::Array, SCHEMA);
    walker.strings(parameter, at, "contains", SCHEMA);
    walker.text(parameter, at, "name", MODEL);
}

/// One output entry (at `at`).
fn output(walker: &mut Walker<'_>, entry: &Map<String, Value>, at: &Pointer) {
    walker.require(entry, at, &["data_path", "data_type"], SCHEMA);
    for key in ["data_path", "data_type", "column_name", "map_info"] {
        walker.text(entry, at, key, SCHEMA);
    }
    walker.field(entry, at, "example_values", Kind::Array, SCHEMA);
    walker.strings(entry, at, "contains", SCHEMA);
    if let Some(order) = entry.get("column_order") {
        let fits = Kind::Integer.matches(order) || order.as_str().is_some_and(text::is_digits);
        if !fits {
            let message =
                format!("`column_order` is neither an integer nor a string of digits: {order}");
            walker.report(Rule::SchemaType, &at.child("column_order"), message);
        }
    }
}

/// The action's `render` object.
fn render(walker: &mut Walker<'_>, action: &Map<String, Value>, at: &Pointer) {
    let Some((render, at)) = walker.nested(action, at, "render", SCHEMA) else {
        return;
    };
    for key in ["type", "title", "menu_name"] {
        walker.text(render, &at, key, SCHEMA);
    }
    for key in ["width", "height"] {
        walker.field(render, &at, key, Kind::Number, SCHEMA);
    }
    walker.text(render, &at, "view", MODEL);
}

/// The action's `lock` object.
fn lock(walker: &mut Walker<'_>, action: &Map<String, Value>, at: &Pointer) {
    let Some((lock, at)) = walker.nested(action, at, "lock", SCHEMA) else {
        return;
    };
    walker.field(lock, &at, "enabled", Kind::Boolean, SCHEMA);
    walker.text(lock, &at, "data_path", MODEL);
    walker.field(lock, &at, "concurrency", Kind::Boolean, MODEL);
}
