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
mod formats;
mod pointer;
mod rules;
mod text;

use serde::Deserialize;
use serde_json::Value;

pub use finding::{Finding, Rule, Severity};
use pointer::Pointer;

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

    /// The CI schema's patterns (and the shape of an RFC 3339 date-time), compiled by the
    /// `regex` crate: an implementation of the same text rules that shares no code with the
    /// validator's. `\d` is an ASCII digit and `\s` the ECMA-262 white space, as in the schema.
    struct SchemaPatterns {
        app_version: regex::Regex,
        min_phantom_version: regex::Regex,
        python_version: regex::Regex,
        action_description: regex::Regex,
        uuid: regex::Regex,
        date_time_shape: regex::Regex,
    }

    static SCHEMA_PATTERNS: std::sync::LazyLock<SchemaPatterns> = std::sync::LazyLock::new(|| {
        const ECMA_SPACE: &str = "[\\t\\n\\x0B\\x0C\\r \\u{A0}\\u{1680}\\u{2000}-\\u{200A}\\u{2028}\\u{2029}\\u{202F}\\u{205F}\\u{3000}\\u{FEFF}]";
        let compile = |pattern: &str| regex::Regex::new(pattern).unwrap();
        SchemaPatterns {
            app_version: compile("^[0-9]+[.][0-9]+[.][0-9]+$"),
            min_phantom_version: compile("^([0-9]+\\.){2,3}[0-9]+$"),
            python_version: compile(&format!("^3(\\.[0-9]+)?(,{ECMA_SPACE}*3(\\.[0-9]+)?)*$")),
            action_description: compile("^(|[^a-z](?s:.)*[^.])$"),
            uuid: compile(
                "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
            ),
            date_time_shape: compile(
                "^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$",
            ),
        }
    });

    /// Strings for the text rules: any string, and strings built from the rules' own pieces
    /// (groups of digits, Python versions with separators, hex runs with hyphens, short
    /// descriptions, date-times), so that both answers occur often.
    fn text_rule_input() -> impl Strategy<Value = String> {
        let group = prop_oneof![6 => "[0-9]{1,3}", 1 => "|x| 1"];
        let dotted = prop::collection::vec(group, 1..6).prop_map(|groups| groups.join("."));
        let separator = prop::sample::select(vec![
            ",",
            ", ",
            ",\t",
            " ,",
            ",\u{85}",
            ",\u{feff}",
            ",\u{a0}",
            ";",
        ]);
        let version = prop_oneof![4 => "3(\\.[0-9]{1,2})?", 1 => "2\\.7|3\\.|3\\.x|"];
        let python = prop::collection::vec((version, separator), 1..4).prop_map(|items| {
            let mut text = String::new();
            for (index, (version, separator)) in items.iter().enumerate() {
                if index > 0 {
                    text.push_str(separator);
                }
                text.push_str(version);
            }
            text
        });
        let uuid =
            prop::collection::vec("[0-9a-fA-Fg]{1,12}", 5).prop_map(|groups| groups.join("-"));
        prop_oneof![
            1 => any::<String>(),
            3 => dotted,
            6 => python,
            3 => uuid,
            1 => "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-fA-F]{12}",
            3 => "[a-zA-Z.\n ]{0,4}",
            2 => "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{0,3})?([Zz]|[+-][0-9]{2}:[0-9]{2})?",
        ]
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
            prop_assert!(formats::is_date_time(&text), "{text}");
        }
    }

    proptest! {
        // The rules' strings are cheap: enough cases that every branch of the input occurs.
        #![proptest_config(ProptestConfig::with_cases(2048))]

        #[test]
        fn text_rules_answer_as_the_schemas_patterns_do(text in text_rule_input()) {
            let patterns = &*SCHEMA_PATTERNS;
            prop_assert_eq!(text::is_app_version(&text), patterns.app_version.is_match(&text));
            prop_assert_eq!(
                text::is_min_phantom_version(&text),
                patterns.min_phantom_version.is_match(&text)
            );
            prop_assert_eq!(
                text::is_python_version_text(&text),
                patterns.python_version.is_match(&text)
            );
            prop_assert_eq!(
                text::action_description_problem(&text).is_none(),
                patterns.action_description.is_match(&text)
            );
            prop_assert_eq!(formats::is_uuid(&text), patterns.uuid.is_match(&text));
            // The calendar (days of each month, leap seconds) is beyond a pattern: only the
            // shape must hold.
            if formats::is_date_time(&text) {
                prop_assert!(patterns.date_time_shape.is_match(&text), "{text:?}");
            }
        }
    }
}
