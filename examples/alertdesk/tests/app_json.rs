//! The AlertDesk app JSON: clean for the strict validator, and pinned by a snapshot.

use alertdesk::AlertDesk;

/// The app JSON with a fixed `utctime_updated`.
fn app_json() -> soar_runtime::app_json::AppJson {
    soar_runtime::testing::pinned_app_json::<AlertDesk>()
}

#[test]
fn the_app_json_is_clean_for_the_strict_validator() {
    let findings = soar_runtime::app_json::validate(&app_json());
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn the_app_json_snapshot() {
    insta::assert_snapshot!(app_json().to_json_pretty());
}
