//! `cargo soar validate`: the corpus apps, a broken tarball, unreadable input, our own bundle
//! as a tarball and unpacked.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;
use soar_app_json::validate_value;

fn validate(path: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cargo-soar"))
        .args(["soar", "validate"])
        .arg(path)
        .output()
        .unwrap()
}

fn stdout_lines(output: &Output) -> Vec<String> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(ToOwned::to_owned)
        .collect()
}

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn every_corpus_app_gets_every_finding_of_the_validator() {
    let dir = workspace().join("tests/corpus/apps");
    let mut apps: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("the corpus is missing at {}: {error}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    apps.sort();
    assert_eq!(apps.len(), 67);
    for app in &apps {
        let output = validate(app);
        let document: Value = serde_json::from_slice(&std::fs::read(app).unwrap()).unwrap();
        let expected: Vec<String> = validate_value(&document)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(stdout_lines(&output), expected, "{}", app.display());
        let has_error = expected.iter().any(|line| line.starts_with("error "));
        assert_eq!(
            output.status.code(),
            Some(i32::from(has_error)),
            "{}",
            app.display()
        );
    }
}

/// A tarball that breaks the tarball rules: a member outside the app directory, a symlink, a
/// cache file, no `__init__.py`, no dark logo.
fn broken_tarball() -> Vec<u8> {
    let app_json = std::fs::read(workspace().join("tests/fixtures/fixture_app.json")).unwrap();
    let mut builder = tar::Builder::new(flate2::write::GzEncoder::new(
        Vec::new(),
        flate2::Compression::default(),
    ));
    let mut add = |path: &str, data: &[u8]| {
        let mut header = tar::Header::new_gnu();
        header.as_gnu_mut().unwrap().name[..path.len()].copy_from_slice(path.as_bytes());
        header.set_size(data.len() as u64);
        header.set_mode(0o644);
        header.set_cksum();
        builder.append(&header, data).unwrap();
    };
    add("fixture/fixture.json", &app_json);
    add("fixture/fixture_connector.py", b"");
    add("fixture/logo_fixture.svg", b"<svg/>");
    add(
        "fixture/wheels/py3/soar_fixture_extra-1.0.0-py3-none-any.whl",
        b"PK\x03\x04",
    );
    add("fixture/__pycache__/fixture_connector.cpython-311.pyc", b"");
    add("../evil.txt", b"x");
    let mut link = tar::Header::new_gnu();
    link.set_entry_type(tar::EntryType::Symlink);
    link.set_size(0);
    builder
        .append_link(&mut link, "fixture/link", "/etc/passwd")
        .unwrap();
    builder.into_inner().unwrap().finish().unwrap()
}

#[test]
fn a_broken_tarball_gets_each_finding_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.tgz");
    std::fs::write(&path, broken_tarball()).unwrap();
    let output = validate(&path);
    assert_eq!(
        stdout_lines(&output),
        [
            "warning  member \"fixture/__pycache__/fixture_connector.cpython-311.pyc\" is a test, cache or build output",
            "error  member \"../evil.txt\" leaves the app directory",
            "error  member \"fixture/link\" is a symlink, not a file or directory",
            "error  fixture/__init__.py is missing",
            "error /logo_dark names \"logo_fixture_dark.svg\", which the tarball does not hold",
        ]
    );
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn unreadable_input_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let not_json = dir.path().join("app.json");
    std::fs::write(&not_json, "{ not json").unwrap();
    assert_eq!(validate(&not_json).status.code(), Some(2));
    let truncated = dir.path().join("app.tgz");
    std::fs::write(&truncated, &broken_tarball()[..40]).unwrap();
    assert_eq!(validate(&truncated).status.code(), Some(2));
    assert_eq!(
        validate(&dir.path().join("missing.json")).status.code(),
        Some(2)
    );
}

#[test]
fn our_own_bundle_is_clean_as_a_tarball_and_unpacked() {
    let bundle = std::env::var("SOAR_TEST_BUNDLE")
        .expect("SOAR_TEST_BUNDLE is not set: run the tests with `cargo xtask test`");
    let output = validate(Path::new(&bundle));
    assert!(stdout_lines(&output).is_empty(), "{output:?}");
    assert_eq!(output.status.code(), Some(0));
    let unpacked = tempfile::tempdir().unwrap();
    tar::Archive::new(flate2::read::GzDecoder::new(
        std::fs::read(&bundle).unwrap().as_slice(),
    ))
    .unpack(unpacked.path())
    .unwrap();
    let top = std::fs::read_dir(unpacked.path())
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let output = validate(&top);
    assert!(stdout_lines(&output).is_empty(), "{output:?}");
    assert_eq!(output.status.code(), Some(0));
    std::fs::remove_file(top.join("__init__.py")).unwrap();
    let output = validate(&top);
    assert!(
        stdout_lines(&output)
            .iter()
            .any(|line| line.ends_with("/__init__.py is missing")),
        "{output:?}"
    );
    assert_eq!(output.status.code(), Some(1));
}
