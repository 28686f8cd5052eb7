//! The top-level keys of the document.

use serde_json::{Map, Value};

use super::walker::{Kind, MODEL, SCHEMA, Walker};
use super::{actions, configuration, extras};
use crate::REQUIRED_KEYS;
use crate::validate::finding::Rule;
use crate::validate::pointer::Pointer;
use soar_vocab::text;

/// Keys the schema types as strings without further rules.
const STRINGS: [&str; 11] = [
    "name",
    "publisher",
    "package_name",
    "license",
    "product_vendor",
    "product_name",
    "product_version_regex",
    "logo",
    "logo_dark",
    "app_wizard_version",
    "rest_handler",
];

/// Checks the top level of the document `app` (at `at`, the root) and everything below it.
pub(super) fn check(walker: &mut Walker<'_>, app: &Map<String, Value>, at: &Pointer) {
    walker.require(app, at, &REQUIRED_KEYS, SCHEMA);
    fips_compliant(walker, app, at);
    for key in STRINGS {
        walker.text(app, at, key, SCHEMA);
    }
    patterns(walker, app, at);
    for key in ["fips_compliant", "consolidate_widgets"] {
        walker.field(app, at, key, Kind::Boolean, SCHEMA);
    }
    walker.field(app, at, "supports_es_polling", Kind::Boolean, MODEL);
    walker.text(app, at, "app_config_render", MODEL);
    walker.field(app, at, "qa_metadata", Kind::Object, SCHEMA);
    walker.strings(app, at, "latest_tested_versions", SCHEMA);
    python_version(walker, app, at);
    for (contributor, pointer) in walker.objects(app, at, "contributors", SCHEMA) {
        walker.require(contributor, &pointer, &["name"], MODEL);
        walker.text(contributor, &pointer, "name", MODEL);
    }
    if !app.contains_key("utctime_updated") {
        walker.report(Rule::MissingKey, at, "missing key `utctime_updated`");
    }
    configuration::check(walker, app, at);
    actions::check(walker, app, at);
    extras::check(walker, app, at);
}

/// The schema's `if publisher is "Splunk" then fips_compliant is required`; like the schema,
/// an absent publisher counts as `Splunk`.
fn fips_compliant(walker: &mut Walker<'_>, app: &Map<String, Value>, at: &Pointer) {
    let splunk = app
        .get("publisher")
        .is_none_or(|publisher| publisher == "Splunk");
    if splunk && !app.contains_key("fips_compliant") {
        walker.report(
            Rule::SchemaRequired,
            at,
            "missing key `fips_compliant`, required when the publisher is `Splunk`",
        );
    }
}

/// The top-level strings with a pattern, a format or an enumeration.
fn patterns(walker: &mut Walker<'_>, app: &Map<String, Value>, at: &Pointer) {
    type Check = (&'static str, Rule, fn(&str) -> Option<&'static str>);
    const CHECKS: [Check; 7] = [
        ("appid", Rule::AppId, |s| {
            (!text::is_uuid(s)).then_some("is not a hyphenated UUID")
        }),
        ("description", Rule::TextStart, text::description_problem),
        ("type", Rule::AppType, |s| {
            (!soar_vocab::APP_TYPES.contains(&s)).then_some("is not a known app type")
        }),
        ("main_module", Rule::MainModule, |s| {
            (!s.ends_with(".py")).then_some("does not end in `.py`")
        }),
        ("app_version", Rule::AppVersion, |s| {
            (!text::is_app_version(s)).then_some("is not `x.y.z`")
        }),
        ("utctime_updated", Rule::UpdatedTime, |s| {
            (!text::is_date_time(s)).then_some("is not an RFC 3339 date-time")
        }),
        ("min_phantom_version", Rule::MinPhantomVersion, |s| {
            (!text::is_min_phantom_version(s)).then_some("is not `x.y.z` or `x.y.z.w`")
        }),
    ];
    for (key, rule, problem) in CHECKS {
        walker.pattern(app, at, key, rule, problem);
    }
}

/// `python_version`: a string like `3.9, 3.13`, or a list of strings like `3.9`.
fn python_version(walker: &mut Walker<'_>, app: &Map<String, Value>, at: &Pointer) {
    let Some(version) = app.get("python_version") else {
        return;
    };
    let fits = match version {
        Value::String(version) => text::is_python_version_text(version),
        Value::Array(items) => items
            .iter()
            .all(|item| item.as_str().is_some_and(text::is_python_version_item)),
        _ => false,
    };
    if !fits {
        walker.report(
            Rule::PythonVersion,
            &at.child("python_version"),
            format!("`python_version` is neither a string like \"3.9, 3.13\" nor a list like [\"3.9\"]: {version}"),
        );
    }
}
