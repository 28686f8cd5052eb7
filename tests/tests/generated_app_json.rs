//! The app JSON the macros generate passes the platform's CI schema and the strict validator:
//! the WHOIS example's, as its `app-json` command prints it.

use serde_json::Value;
use soar_runtime::app_json::validate_value;
use whois::connector::Whois;

fn whois_app_json() -> Value {
    let app = soar_runtime::testing::pinned_app_json::<Whois>();
    serde_json::from_str(&app.to_json_pretty()).unwrap()
}

#[test]
fn the_ci_schema_accepts_the_whois_app_json() {
    let schema = soar_tests::ci_schema();
    let document = whois_app_json();
    let errors: Vec<String> = schema
        .iter_errors(&document)
        .map(|error| format!("{}: {error}", error.instance_path().as_str()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn the_strict_validator_finds_nothing_in_the_written_document() {
    let findings = validate_value(&whois_app_json());
    assert!(findings.is_empty(), "{findings:#?}");
}
