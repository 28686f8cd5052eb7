//! Helpers shared by the workspace-level tests.

pub mod app_json_corpus;
pub mod clean_app;

use std::path::PathBuf;

/// The shared corpus directory (`../shared/corpus` beside the checkout).
///
/// Panics with a message naming the path when the corpus is missing, so a test never passes
/// silently without its data.
pub fn corpus_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    assert!(
        dir.is_dir(),
        "the shared corpus is missing: expected it at {} (CI lays shared/ beside the checkout)",
        dir.display()
    );
    dir
}

pub mod fixture;
pub mod poll_fixture;

/// The platform's CI schema (`corpus/schema/`), compiled with `format` asserted.
pub fn ci_schema() -> jsonschema::Validator {
    let path = corpus_dir().join("schema/dev-cicd-tools-app_schema.json");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&app_json_corpus::read_json(&path))
        .expect("the CI schema compiles")
}
