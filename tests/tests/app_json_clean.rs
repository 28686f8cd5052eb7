//! A clean app JSON built with the typed model yields no finding at all, and the CI schema
//! accepts it.

use serde_json::Value;
use soar_runtime::app_json::{AppJson, validate, validate_value};
use soar_tests::app_json_corpus::read_json;
use soar_tests::clean_app::clean_app;
use soar_tests::corpus_dir;

#[test]
fn a_clean_app_has_no_finding() {
    let app = clean_app();
    let findings = validate(&app);
    assert!(
        findings.is_empty(),
        "{:#?}",
        findings.iter().map(ToString::to_string).collect::<Vec<_>>()
    );
}

#[test]
fn the_written_clean_app_has_no_finding_and_reads_back_equal() {
    let app = clean_app();
    let written = app.to_json_pretty();
    let document: Value = serde_json::from_str(&written).unwrap();
    assert!(validate_value(&document).is_empty());
    assert_eq!(AppJson::from_json_str(&written).unwrap(), app);
}

#[test]
fn the_ci_schema_accepts_the_clean_app() {
    let schema = read_json(&corpus_dir().join("schema/dev-cicd-tools-app_schema.json"));
    let schema = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    let document = serde_json::to_value(clean_app()).unwrap();
    let errors: Vec<String> = schema
        .iter_errors(&document)
        .map(|error| error.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn the_clean_app_is_written_in_the_sdks_key_order() {
    let written = clean_app().to_json_pretty();
    let document: Value = serde_json::from_str(&written).unwrap();
    let keys: Vec<&str> = document
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
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
            "utctime_updated",
            "fips_compliant",
            "contributors",
            "configuration",
            "actions",
            "pip313_dependencies",
        ]
    );
    let parameter = &document["actions"][1]["parameters"]["domain"];
    let keys: Vec<&str> = parameter
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "order",
            "name",
            "description",
            "data_type",
            "required",
            "primary",
            "allow_list",
            "contains"
        ]
    );
}
