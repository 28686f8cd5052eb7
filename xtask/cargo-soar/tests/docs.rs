//! `cargo soar docs` lays a README out as Splunk's `build-docs` hook does. The expected file was
//! checked line by line against the hook's own output for the same app JSON (dev-cicd-tools at
//! cc620c69): they are equal up to the footer, where the hook writes a Splunk copyright.

use std::path::PathBuf;

use soar_app_json::AppJson;

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/docs")
        .join(name)
}

#[test]
fn the_readme_is_laid_out_as_build_docs_lays_it_out() {
    let app =
        AppJson::from_json_str(&std::fs::read_to_string(data("harbor.json")).unwrap()).unwrap();
    let manual = std::fs::read_to_string(data("manual_readme_content.md")).unwrap();
    let rendered = cargo_soar::docs::render(&app, Some(&manual));
    let expected = std::fs::read_to_string(data("expected_readme.md")).unwrap();
    if rendered != expected {
        let first = rendered
            .lines()
            .zip(expected.lines())
            .position(|(a, b)| a != b);
        panic!("the README differs (first at line {first:?}):\n{rendered}");
    }
}

#[test]
fn docs_writes_the_readme_beside_the_manual_part() {
    let dir = tempfile::tempdir().unwrap();
    let app =
        AppJson::from_json_str(&std::fs::read_to_string(data("harbor.json")).unwrap()).unwrap();
    let written = cargo_soar::docs::write(dir.path(), &app).unwrap();
    let without_manual = std::fs::read_to_string(&written).unwrap();
    assert!(!without_manual.contains("## Permissions"));
    std::fs::copy(
        data("manual_readme_content.md"),
        dir.path().join("manual_readme_content.md"),
    )
    .unwrap();
    cargo_soar::docs::write(dir.path(), &app).unwrap();
    assert_eq!(
        std::fs::read_to_string(&written).unwrap(),
        std::fs::read_to_string(data("expected_readme.md")).unwrap()
    );
}
