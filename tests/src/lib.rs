//! Helpers shared by the workspace-level tests.

pub mod app_json_corpus;
pub mod clean_app;
pub mod corpus_gaps;

use std::path::PathBuf;

/// The vendored corpus of real data (`tests/corpus/`, sources and licences in its README).
///
/// Panics with a message naming the path when the corpus is missing, so a test never passes
/// silently without its data.
pub fn corpus_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
    assert!(
        dir.is_dir(),
        "the corpus is missing: expected it at {} (it is part of the repository)",
        dir.display()
    );
    dir
}

pub mod fixture;
pub mod kill_loop;
pub mod poll_fixture;

/// The platform's CI schema (`corpus/schema/`), compiled with `format` asserted.
pub fn ci_schema() -> jsonschema::Validator {
    let path = corpus_dir().join("schema/dev-cicd-tools-app_schema.json");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&app_json_corpus::read_json(&path))
        .expect("the CI schema compiles")
}

/// Reads a child process's output until it has printed `needle`, and returns what it printed:
/// how a test waits for a connector to reach a point before it signals or kills it. Fails the
/// test, showing the output, when the stream ends first.
pub fn read_until(stream: &mut impl std::io::Read, needle: &str) -> String {
    let mut seen = Vec::new();
    let mut buffer = [0u8; 256];
    loop {
        let text = String::from_utf8_lossy(&seen);
        if text.contains(needle) {
            return text.into_owned();
        }
        let read = stream.read(&mut buffer).expect("the output can be read");
        assert!(
            read > 0,
            "the process ended before printing {needle:?}: {text}"
        );
        seen.extend_from_slice(&buffer[..read]);
    }
}
