//! The `configuration` map of the document.

use serde_json::{Map, Value};

use super::walker::{Kind, MODEL, SCHEMA, Walker};
use crate::validate::finding::Rule;
use crate::validate::pointer::Pointer;
use soar_vocab::text;

/// Checks every field of the `configuration` of `app` (at `at`).
pub(super) fn check(walker: &mut Walker<'_>, app: &Map<String, Value>, at: &Pointer) {
    for (field, pointer) in walker.members(app, at, "configuration", SCHEMA) {
        walker.require(field, &pointer, &["data_type"], SCHEMA);
        walker.pattern(
            field,
            &pointer,
            "description",
            Rule::TextStart,
            text::description_problem,
        );
        walker.pattern(
            field,
            &pointer,
            "data_type",
            Rule::ConfigDataType,
            |data_type| {
                (!soar_vocab::CONFIG_DATA_TYPES.contains(&data_type))
                    .then_some("is not a known configuration data type")
            },
        );
        walker.field(field, &pointer, "required", Kind::Boolean, SCHEMA);
        walker.field(field, &pointer, "order", Kind::Integer, SCHEMA);
        walker.field(field, &pointer, "value_list", Kind::Array, SCHEMA);
        walker.strings(field, &pointer, "contains", SCHEMA);
        walker.text(field, &pointer, "category", MODEL);
        password(walker, field, &pointer);
    }
}

/// The schema's `if data_type is "password" then default is "" and value_list is empty`; like
/// the schema, an absent `data_type` counts as `password`.
fn password(walker: &mut Walker<'_>, field: &Map<String, Value>, at: &Pointer) {
    if field
        .get("data_type")
        .is_some_and(|data_type| data_type != "password")
    {
        return;
    }
    if let Some(default) = field.get("default")
        && default != ""
    {
        walker.report(
            Rule::PasswordDefault,
            &at.child("default"),
            "a password field has a default",
        );
    }
    if let Some(Value::Array(values)) = field.get("value_list")
        && !values.is_empty()
    {
        walker.report(
            Rule::PasswordDefault,
            &at.child("value_list"),
            "a password field has a value list",
        );
    }
}
