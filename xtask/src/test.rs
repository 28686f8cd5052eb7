//! `cargo xtask test`: provisions what the tests need, bundles the default connector (the WHOIS
//! example) once into `target/soar-test/`, the REST example (AlertDesk) once into
//! `target/soar-test-alertdesk/` and the fixture connector of `tests/` (whose actions take the
//! paths WHOIS cannot: a slow action that checks for cancellation, a panic) once into
//! `target/soar-test-fixture/`, builds the fake AlertDesk service, then runs the Rust tests and
//! the Python end-to-end tests against those bundles (each extension is built once per run, not
//! once per test).

use std::process::Command;

use crate::provision::{self, Venv};
use crate::{Failure, Outcome, bundle, cmd};

/// The REST example connector, which the poll tests bundle.
const ALERTDESK: &str = "alertdesk";
/// The package of the workspace-level tests, whose fixture connector the bridge tests bundle.
const FIXTURE: &str = "soar-tests";
/// The fake AlertDesk service's package and binary.
const ALERTDESK_FAKE: &str = "alertdesk-fake";

/// pytest's exit code when it collected no test.
const PYTEST_NO_TESTS: i32 = 5;

/// Runs the whole suite; `cargo_args` go to `cargo test`.
pub fn run(cargo_args: &[String]) -> Outcome<()> {
    let root = crate::workspace_root();
    let venv = Venv::ensure(&[provision::BUNDLE_TOOLS, provision::TEST_TOOLS])?;
    let bundled = bundle::run(None, Some(crate::target_dir().join("soar-test")))?;
    let alertdesk = bundle::run(
        Some(ALERTDESK),
        Some(crate::target_dir().join("soar-test-alertdesk")),
    )?;
    let fixture = bundle::run(
        Some(FIXTURE),
        Some(crate::target_dir().join("soar-test-fixture")),
    )?;
    let alertdesk_fake = cmd::cargo_binary(ALERTDESK_FAKE, ALERTDESK_FAKE)?;
    let with_bundle = |command: &mut Command| {
        command
            .current_dir(&root)
            .env("SOAR_TEST_BUNDLE", &bundled.tarball)
            .env("SOAR_TEST_RUNNER", &bundled.runner)
            .env("SOAR_TEST_PACKAGE", bundle::DEFAULT_PACKAGE)
            .env("SOAR_TEST_PACKAGE_DIR", &bundled.package_dir)
            .env("SOAR_TEST_VENV_BIN", venv.bin_dir())
            .env("SOAR_TEST_ALERTDESK_BUNDLE", &alertdesk.tarball)
            .env("SOAR_TEST_FIXTURE_BUNDLE", &fixture.tarball)
            .env("SOAR_TEST_ALERTDESK_FAKE", &alertdesk_fake);
    };
    eprintln!(
        "xtask test: cargo test --workspace {}",
        cargo_args.join(" ")
    );
    let mut cargo_test = cmd::cargo();
    cargo_test.args(["test", "--workspace"]).args(cargo_args);
    with_bundle(&mut cargo_test);
    cmd::run(&mut cargo_test, "cargo test")?;
    // The bridge's own tests embed Python, so they run with the `python` feature, which the
    // workspace run leaves off (connector crates never link Python).
    eprintln!("xtask test: cargo test -p soar-runtime --features python --lib python::");
    let mut bridge_test = cmd::cargo();
    bridge_test.args([
        "test",
        "-p",
        "soar-runtime",
        "--features",
        "python",
        "--lib",
        "python::",
    ]);
    with_bundle(&mut bridge_test);
    cmd::run(&mut bridge_test, "cargo test of the platform bridge")?;
    eprintln!("xtask test: pytest tests/python");
    let mut pytest = venv.command("python");
    pytest.args(["-m", "pytest", "-p", "no:cacheprovider", "tests/python"]);
    with_bundle(&mut pytest);
    let status = pytest
        .status()
        .map_err(|error| Failure::new(format!("cannot run pytest: {error}")))?;
    match status.code() {
        Some(0) => Ok(()),
        Some(PYTEST_NO_TESTS) => Err(Failure::new("pytest collected no tests in tests/python")),
        _ => Err(Failure::new(format!("pytest failed ({status})"))),
    }
}

/// The tarball `cargo xtask test` bundled for this run (`SOAR_TEST_BUNDLE`); panics with a
/// message saying how to get one when it is missing, so that no test passes without it.
#[cfg(test)]
pub fn bundled_tarball() -> Vec<u8> {
    let path = std::env::var_os("SOAR_TEST_BUNDLE")
        .expect("SOAR_TEST_BUNDLE is not set: run the tests with `cargo xtask test`");
    std::fs::read(&path).unwrap_or_else(|error| panic!("cannot read {path:?}: {error}"))
}
