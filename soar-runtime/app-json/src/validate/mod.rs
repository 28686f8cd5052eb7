//! The strict validator of app JSON.
//!
//! Two layers of rules (see [`Rule`] for each rule and its severity):
//! - on the raw document: the platform's CI JSON schema, re-implemented (the schema file is not
//!   read at run time), and the JSON types the model needs where the schema leaves a key open;
//! - on the typed model: the rules of the platform contract.
//!
//! [`validate()`] checks a model (it writes the model to JSON for the first layer);
//! [`validate_value`] checks a raw document, and also sees what the model normalises away.
//! Neither panics, whatever the input.

mod document;
mod finding;
mod pointer;
mod rules;

use serde::Deserialize;
use serde_json::Value;

pub use finding::{Finding, Rule, Severity};
pub use pointer::Pointer;

use super::AppJson;

/// Validates an app JSON model; the findings of the raw-document rules come first.
pub fn validate(app: &AppJson) -> Vec<Finding> {
    let mut findings = Vec::new();
    match serde_json::to_value(app) {
        Ok(document) => document::check(&document, &mut findings),
        Err(error) => findings.push(Finding::new(
            Rule::ModelShape,
            &Pointer::root(),
            format!("cannot be written: {error}"),
        )),
    }
    rules::check(app, &mut findings);
    findings
}

/// Validates a raw app JSON document.
///
/// The contract's rules need the typed model: they run only when the document can be read
/// into [`AppJson`], which every document without an error of the raw-document rules can.
pub fn validate_value(document: &Value) -> Vec<Finding> {
    let mut findings = Vec::new();
    document::check(document, &mut findings);
    match AppJson::deserialize(document) {
        Ok(app) => rules::check(&app, &mut findings),
        Err(error) => {
            if !findings.iter().any(Finding::is_error) {
                let message = format!("cannot be read as an app JSON: {error}");
                findings.push(Finding::new(Rule::ModelShape, &Pointer::root(), message));
            }
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Keys that lead the validator deep into a document.
    const KEYS: [&str; 24] = [
        "actions",
        "configuration",
        "parameters",
        "output",
        "data_type",
        "data_path",
        "order",
        "default",
        "value_list",
        "column_name",
        "column_order",
        "contains",
        "render",
        "lock",
        "webhook",
        "routes",
        "contributors",
        "python_version",
        "pip314_dependencies",
        "wheel",
        "appid",
        "utctime_updated",
        "type",
        "action",
    ];

    /// Any JSON value, with objects keyed mostly by the app JSON's own keys.
    fn json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            (-1e6f64..1e6).prop_map(Value::from),
            "[a-z0-9 ._:T-]{0,12}".prop_map(Value::from),
        ];
        let key = prop_oneof![3 => prop::sample::select(KEYS.to_vec()).prop_map(String::from), 1 => "[a-z_,]{1,8}"];
        leaf.prop_recursive(5, 96, 6, move |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
                prop::collection::vec((key.clone(), inner), 0..6)
                    .prop_map(|entries| Value::Object(entries.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn any_document_is_validated_and_unreadable_only_with_an_error(document in json()) {
            let findings = validate_value(&document);
            let unreadable = findings.iter().any(|f| f.rule == Rule::ModelShape && f.pointer.is_empty());
            prop_assert!(!unreadable, "{findings:?}");
        }

        #[test]
        fn every_real_date_time_is_one(
            (year, month, day) in (0u32..10_000, 1u32..=12, 1u32..=28),
            (hour, minute, second) in (0u32..24, 0u32..60, 0u32..60),
            fraction in proptest::option::of("[0-9]{1,9}"),
            offset in prop_oneof![Just("Z".to_owned()), (0u32..24, 0u32..60, any::<bool>()).prop_map(|(h, m, east)| format!("{}{h:02}:{m:02}", if east { '+' } else { '-' }))],
        ) {
            let fraction = fraction.map(|digits| format!(".{digits}")).unwrap_or_default();
            let text = format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}{fraction}{offset}");
            prop_assert!(soar_vocab::text::is_date_time(&text), "{text}");
        }
    }
}
