//! `cargo xtask test`: the whole suite, on a fresh machine with only cargo and python3 (and the
//! Python versions the platform runs, 3.9 and 3.13).
//!
//! 1. Provisions a private Python environment per platform Python version under
//!    `target/soar-venv-<version>/` with the pinned test tools (pytest, the official SDK's
//!    `phantom` shims, auditwheel, ruff, pylint); `cargo soar bundle` provisions its own tools
//!    (maturin, zig) into the per-user cache.
//! 2. Installs `cargo soar` from this checkout (`cargo install --path xtask/cargo-soar`) into
//!    `target/soar-tools/`, and drives it as a user would, outside this workspace: `cargo soar
//!    new` in a temporary directory, that project's `cargo test`, and `cargo soar bundle` from
//!    its root. User projects build into `target/soar-user-projects/` (`CARGO_TARGET_DIR`), so
//!    that later runs and the workspace tests reuse their builds.
//! 3. Bundles the WHOIS and AlertDesk examples and the fixture connector of `tests/` (whose
//!    actions take the paths WHOIS cannot: a slow action that checks for cancellation, a
//!    panic) once, builds the fake AlertDesk service.
//! 4. Provisions headless Chromium from the machine's Debian packages into `target/chromium/`
//!    (no root: `apt-get download` and `dpkg -x`, see [`crate::chromium`]) for the browser
//!    test of the views.
//! 5. Runs `cargo test --workspace`, the bridge tests (feature `python`), and the Python
//!    end-to-end tests in `tests/python` under each platform Python version.

use std::path::{Path, PathBuf};
use std::process::Command;

use cargo_soar::provision::Venv;
use cargo_soar::{Failure, Outcome, cmd};

use crate::{target_dir, workspace_root};

/// The REST example connector, which the poll tests bundle.
const ALERTDESK: &str = "alertdesk";
/// The package of the workspace-level tests, whose fixture connector the bridge tests bundle.
const FIXTURE: &str = "soar-tests";
/// The fake AlertDesk service's package and binary.
const ALERTDESK_FAKE: &str = "alertdesk-fake";
/// The name of the connector project the suite creates with `cargo soar new`.
const NEW_PROJECT: &str = "dnsapp";

/// The Python versions the platform runs apps on (SOAR 8.x: 3.9 and 3.13).
pub const PLATFORM_PYTHONS: &[&str] = &["3.9", "3.13"];

/// What the end-to-end tests need, pinned to versions that install on every platform Python.
pub const TEST_TOOLS: &[&str] = &[
    "pytest==8.4.2",
    "splunk-soar-sdk==2.3.7",
    "auditwheel==6.4.2",
    "ruff==0.11.7",
    "pylint==3.3.6",
];

/// pytest's exit code when it collected no test.
const PYTEST_NO_TESTS: i32 = 5;

/// Runs the whole suite; `cargo_args` go to `cargo test`.
pub fn run(cargo_args: &[String]) -> Outcome<()> {
    let root = workspace_root();
    let venvs: Vec<(&str, Venv)> = PLATFORM_PYTHONS
        .iter()
        .map(|version| Ok((*version, test_venv(version)?)))
        .collect::<Outcome<_>>()?;
    let tools = install_cargo_soar(&root)?;
    let scratch = tempfile::Builder::new()
        .prefix("soar-user-project-")
        .tempdir()
        .map_err(|error| Failure::new(format!("no temporary directory: {error}")))?;
    let new_bundle = user_project(&tools, scratch.path(), &root)?;
    let whois = crate::bundle_workspace(None, Some(target_dir().join("soar-test")))?;
    let alertdesk = crate::bundle_workspace(
        Some(ALERTDESK),
        Some(target_dir().join("soar-test-alertdesk")),
    )?;
    let fixture =
        crate::bundle_workspace(Some(FIXTURE), Some(target_dir().join("soar-test-fixture")))?;
    let alertdesk_fake = cmd::cargo_binary(&root, &target_dir(), ALERTDESK_FAKE, ALERTDESK_FAKE)?;
    let chromium = crate::chromium::provision()?;
    let venv_bins = std::env::join_paths(venvs.iter().map(|(_, venv)| venv.bin_dir()))
        .map_err(|error| Failure::new(format!("a venv path cannot be joined: {error}")))?;
    let with_bundles = |command: &mut Command| {
        command
            .current_dir(&root)
            .env("SOAR_TEST_BUNDLE", &whois.tarball)
            .env("SOAR_TEST_RUNNER", &whois.runner)
            .env("SOAR_TEST_PACKAGE", crate::DEFAULT_PACKAGE)
            .env("SOAR_TEST_PACKAGE_DIR", &whois.package_dir)
            .env("SOAR_TEST_VENV_BINS", &venv_bins)
            .env("SOAR_TEST_ALERTDESK_BUNDLE", &alertdesk.tarball)
            .env("SOAR_TEST_FIXTURE_BUNDLE", &fixture.tarball)
            .env("SOAR_TEST_ALERTDESK_FAKE", &alertdesk_fake)
            .env("SOAR_TEST_NEW_PROJECT", scratch.path().join(NEW_PROJECT))
            .env("SOAR_TEST_NEW_BUNDLE", &new_bundle)
            .env("SOAR_TEST_USER_TARGET", user_target())
            .env("SOAR_TEST_CHROMIUM", &chromium);
    };
    eprintln!(
        "xtask test: cargo test --workspace {}",
        cargo_args.join(" ")
    );
    let mut cargo_test = cmd::cargo();
    cargo_test.args(["test", "--workspace"]).args(cargo_args);
    with_bundles(&mut cargo_test);
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
    with_bundles(&mut bridge_test);
    cmd::run(&mut bridge_test, "cargo test of the platform bridge")?;
    for (version, venv) in &venvs {
        eprintln!("xtask test: pytest tests/python on Python {version}");
        let mut pytest = venv.command("python");
        pytest.args(["-m", "pytest", "-p", "no:cacheprovider", "tests/python"]);
        with_bundles(&mut pytest);
        let status = pytest
            .status()
            .map_err(|error| Failure::new(format!("cannot run pytest: {error}")))?;
        match status.code() {
            Some(0) => {}
            Some(PYTEST_NO_TESTS) => {
                return Err(Failure::new("pytest collected no tests in tests/python"));
            }
            _ => {
                return Err(Failure::new(format!(
                    "pytest failed on Python {version} ({status})"
                )));
            }
        }
    }
    Ok(())
}

/// The test environment of Python `version`, provisioned.
fn test_venv(version: &str) -> Outcome<Venv> {
    let python = find_python(version)?;
    Venv::ensure_with(
        &python,
        &target_dir().join(format!("soar-venv-{version}")),
        &[TEST_TOOLS],
    )
}

/// The interpreter of Python `version`: pyenv's newest `<version>.*` (`$PYENV_ROOT`, default
/// `~/.pyenv`), else `python<version>` on `PATH` (pyenv's shims left out: they answer only for
/// the versions a shell has selected).
pub fn find_python(version: &str) -> Outcome<PathBuf> {
    let name = format!("python{version}");
    let pyenv = std::env::var_os("PYENV_ROOT")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".pyenv")));
    let from_pyenv = pyenv
        .and_then(|root| std::fs::read_dir(root.join("versions")).ok())
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let release = entry.file_name().to_string_lossy().into_owned();
            let patch: u32 = release
                .strip_prefix(version)?
                .strip_prefix('.')?
                .parse()
                .ok()?;
            let python = entry.path().join("bin").join(&name);
            python.is_file().then_some((patch, python))
        })
        .max_by_key(|(patch, _)| *patch)
        .map(|(_, python)| python);
    let on_path = || {
        std::env::var_os("PATH").and_then(|path| {
            std::env::split_paths(&path)
                .filter(|dir| !dir.ends_with("shims"))
                .map(|dir| dir.join(&name))
                .find(|candidate| candidate.is_file())
        })
    };
    from_pyenv.or_else(on_path).ok_or_else(|| {
        Failure::new(format!(
            "Python {version} is needed for the end-to-end tests (the platform runs apps on {}): install it, e.g. `pyenv install {version}`, or put {name} on PATH",
            PLATFORM_PYTHONS.join(" and ")
        ))
    })
}

/// Installs `cargo soar` from this checkout as a user would (`cargo install --path`), into
/// `target/soar-tools/`, sharing the workspace's build; returns the directory of the binary.
fn install_cargo_soar(root: &Path) -> Outcome<PathBuf> {
    let tools = target_dir().join("soar-tools");
    eprintln!("xtask test: cargo install --path xtask/cargo-soar");
    cmd::tool(
        cmd::cargo()
            .current_dir(root)
            .args([
                "install", "--quiet", "--locked", "--debug", "--force", "--path",
            ])
            .arg(root.join("xtask/cargo-soar"))
            .arg("--root")
            .arg(&tools)
            .arg("--target-dir")
            .arg(target_dir()),
        "cargo install of cargo-soar",
    )?;
    Ok(tools.join("bin"))
}

/// Where user projects build (`CARGO_TARGET_DIR`).
fn user_target() -> PathBuf {
    target_dir().join("soar-user-projects")
}

/// A `cargo` command as a user runs it in `dir`, with the installed `cargo soar` on `PATH`.
pub fn user_cargo(tools: &Path, dir: &Path) -> Command {
    let mut paths = vec![tools.to_path_buf()];
    if let Some(path) = std::env::var_os("PATH") {
        paths.extend(std::env::split_paths(&path));
    }
    let mut command = cmd::cargo();
    command
        .current_dir(dir)
        .env("PATH", std::env::join_paths(paths).unwrap_or_default())
        .env("CARGO_TARGET_DIR", user_target())
        .env_remove("CARGO_MANIFEST_DIR")
        .env_remove("RUSTFLAGS");
    command
}

/// `cargo soar new` in `scratch` (outside this workspace, on this checkout's runtime), that
/// project's `cargo test`, then `cargo soar bundle` from its root; returns the tarball.
fn user_project(tools: &Path, scratch: &Path, root: &Path) -> Outcome<PathBuf> {
    eprintln!(
        "xtask test: cargo soar new {NEW_PROJECT} in {}",
        scratch.display()
    );
    cmd::tool(
        user_cargo(tools, scratch)
            .args(["soar", "new", NEW_PROJECT, "--runtime-path"])
            .arg(root),
        "cargo soar new",
    )?;
    let project = scratch.join(NEW_PROJECT);
    eprintln!("xtask test: cargo test in the new project");
    cmd::tool(
        user_cargo(tools, &project).args(["test", "--quiet"]),
        "the new project's cargo test",
    )?;
    eprintln!("xtask test: cargo soar bundle in the new project");
    cmd::tool(
        user_cargo(tools, &project).args(["soar", "bundle"]),
        "cargo soar bundle of the new project",
    )?;
    let bundle = user_target()
        .join("soar")
        .join(format!("{NEW_PROJECT}.tgz"));
    if !bundle.is_file() {
        return Err(Failure::new(format!(
            "cargo soar bundle wrote no {}",
            bundle.display()
        )));
    }
    Ok(bundle)
}
