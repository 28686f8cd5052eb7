//! `cargo soar bundle` is reproducible: bundling the same source again, after a source file of
//! the connector was touched, gives the same bytes as the bundle `cargo xtask test` made.

use std::path::PathBuf;
use std::process::Command;
use std::time::SystemTime;

fn env(name: &str) -> String {
    std::env::var(name)
        .unwrap_or_else(|_| panic!("{name} is not set: run the tests with `cargo xtask test`"))
}

#[test]
fn bundling_again_after_touching_a_source_file_gives_the_same_bytes() {
    let reference = PathBuf::from(env("SOAR_TEST_BUNDLE"));
    let source = PathBuf::from(env("SOAR_TEST_PACKAGE_DIR")).join("src/lib.rs");
    std::fs::File::options()
        .append(true)
        .open(&source)
        .and_then(|file| file.set_modified(SystemTime::now()))
        .unwrap_or_else(|error| panic!("cannot touch {}: {error}", source.display()));
    let out = tempfile::tempdir().unwrap();
    let workspace = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let output = Command::new(env!("CARGO_BIN_EXE_cargo-soar"))
        .args(["soar", "bundle", "--manifest-path"])
        .arg(workspace.join("Cargo.toml"))
        .args(["--package", &env("SOAR_TEST_PACKAGE"), "--out"])
        .arg(out.path())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let name = reference.file_name().unwrap();
    let again = std::fs::read(out.path().join(name)).unwrap();
    assert!(
        again == std::fs::read(&reference).unwrap(),
        "the tarballs differ"
    );
    let app_json = reference.with_extension("json");
    assert_eq!(
        std::fs::read(out.path().join(app_json.file_name().unwrap())).unwrap(),
        std::fs::read(&app_json).unwrap()
    );
    let printed = String::from_utf8_lossy(&output.stdout);
    let first = printed.lines().next().unwrap_or_default();
    assert_eq!(PathBuf::from(first), out.path().join(name), "{printed}");
    assert!(printed.contains("  sha256  "), "{printed}");
}
