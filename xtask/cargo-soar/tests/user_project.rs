//! `cargo soar` in projects outside this workspace, as a user runs it: the project `cargo xtask
//! test` made with `cargo soar new` (bundled again from a subdirectory), the project `cargo soar
//! import` makes of the WHOIS app's directory (bundled with the wheels it carried and validated
//! clean), a user workspace with two connector packages, and every kind of bad input, which
//! gets a one-line error, exit 2, and nothing written.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn env(name: &str) -> PathBuf {
    PathBuf::from(
        std::env::var_os(name)
            .unwrap_or_else(|| panic!("{name} is not set: run the tests with `cargo xtask test`")),
    )
}

/// This checkout, whose `soar-runtime` user projects depend on.
fn checkout() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// `cargo soar <args>` run in `dir`, building into the user projects' target directory.
fn cargo_soar(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cargo-soar"))
        .arg("soar")
        .args(args)
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", env("SOAR_TEST_USER_TARGET"))
        .env_remove("CARGO_MANIFEST_DIR")
        .output()
        .unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Asserts a refusal: exit 2 and one line on standard error that says `expected`.
fn assert_refused(output: &Output, expected: &str) {
    let text = stderr(output);
    assert_eq!(output.status.code(), Some(2), "{text}");
    assert_eq!(text.lines().count(), 1, "one line: {text}");
    assert!(text.starts_with("cargo soar: "), "{text}");
    assert!(text.contains(expected), "{expected:?} not in {text}");
}

/// A package at `dir` with `manifest` as its Cargo.toml and an empty library.
fn package(dir: &Path, manifest: &str) {
    std::fs::create_dir_all(dir.join("src")).unwrap();
    std::fs::write(dir.join("Cargo.toml"), manifest).unwrap();
    std::fs::write(dir.join("src/lib.rs"), "").unwrap();
}

#[test]
fn a_new_project_bundles_the_same_bytes_from_a_subdirectory_and_validates_clean() {
    let project = env("SOAR_TEST_NEW_PROJECT");
    let reference = env("SOAR_TEST_NEW_BUNDLE");
    let out = tempfile::tempdir().unwrap();
    let out_arg = out.path().to_str().unwrap();
    let output = cargo_soar(&project.join("src"), &["bundle", "--out", out_arg]);
    assert!(output.status.success(), "{}", stderr(&output));
    let again = out.path().join(reference.file_name().unwrap());
    assert!(
        std::fs::read(&again).unwrap() == std::fs::read(&reference).unwrap(),
        "the bundle made from src/ differs from the one made from the project's root"
    );
    let validated = cargo_soar(&project, &["validate", again.to_str().unwrap()]);
    assert_eq!(validated.status.code(), Some(0), "{}", stderr(&validated));
    assert!(validated.stdout.is_empty(), "{validated:?}");
    let printed = cargo_soar(&project.join("tests"), &["app-json"]);
    assert!(printed.status.success(), "{}", stderr(&printed));
    assert_eq!(
        printed.stdout,
        std::fs::read(reference.with_extension("json")).unwrap(),
        "app-json prints what bundle writes"
    );
}

#[test]
fn a_workspace_with_two_connectors_bundles_the_one_asked_for() {
    let workspace = tempfile::tempdir().unwrap();
    let root = workspace.path();
    std::fs::write(
        root.join("Cargo.toml"),
        "[workspace]\nresolver = \"3\"\nmembers = [\"alpha\", \"beta\"]\n",
    )
    .unwrap();
    for name in ["alpha", "beta"] {
        let runtime = checkout();
        let created = cargo_soar(
            root,
            &["new", name, "--runtime-path", runtime.to_str().unwrap()],
        );
        assert!(created.status.success(), "{}", stderr(&created));
    }
    let out = root.join("out");
    let ambiguous = cargo_soar(root, &["bundle", "--out", out.to_str().unwrap()]);
    assert_refused(&ambiguous, "2 connector packages in the workspace");
    assert!(
        stderr(&ambiguous).contains("alpha, beta"),
        "{}",
        stderr(&ambiguous)
    );
    assert!(stderr(&ambiguous).contains("-p <package>"));
    assert!(!out.exists());
    let bundled = cargo_soar(
        root,
        &["bundle", "-p", "beta", "--out", out.to_str().unwrap()],
    );
    assert!(bundled.status.success(), "{}", stderr(&bundled));
    let written: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        written.iter().collect::<std::collections::BTreeSet<_>>(),
        ["beta.json".to_owned(), "beta.tgz".to_owned()]
            .iter()
            .collect()
    );
    // From inside a package, that package is the one.
    let printed = cargo_soar(&root.join("alpha/src"), &["app-json"]);
    assert!(printed.status.success(), "{}", stderr(&printed));
    let app: serde_json::Value = serde_json::from_slice(&printed.stdout).unwrap();
    assert_eq!(app["name"], "Alpha");
}

#[test]
fn bad_input_is_refused_in_one_line_with_exit_2_and_nothing_written() {
    let scratch = tempfile::tempdir().unwrap();
    let out = scratch.path().join("out");
    let out_arg = out.to_str().unwrap().to_owned();
    let runtime = checkout().join("soar-runtime");
    let runtime = runtime.to_str().unwrap();

    let plain = scratch.path().join("plain");
    package(
        &plain,
        "[package]\nname = \"plain\"\nversion = \"0.1.0\"\nedition = \"2024\"\n",
    );
    assert_refused(
        &cargo_soar(&plain, &["bundle", "--out", &out_arg]),
        "no connector package in the workspace",
    );

    let unnamed = scratch.path().join("unnamed");
    package(
        &unnamed,
        &format!(
            "[package]\nname = \"unnamed\"\nversion = \"0.1.0\"\nedition = \"2024\"\n\n[dependencies]\nsoar-runtime = {{ path = {runtime:?} }}\n"
        ),
    );
    assert_refused(
        &cargo_soar(&unnamed, &["bundle", "--out", &out_arg]),
        "package unnamed has no `[package.metadata.soar] connector",
    );

    let future = scratch.path().join("future");
    package(
        &future.join("soar-runtime"),
        "[package]\nname = \"soar-runtime\"\nversion = \"0.9.0\"\nedition = \"2024\"\n",
    );
    package(
        &future,
        "[package]\nname = \"future\"\nversion = \"0.1.0\"\nedition = \"2024\"\n\n[dependencies]\nsoar-runtime = { path = \"soar-runtime\" }\n\n[package.metadata.soar]\nconnector = \"future::Future\"\n\n[workspace]\n",
    );
    assert_refused(
        &cargo_soar(&future, &["bundle", "--out", &out_arg]),
        "uses soar-runtime 0.9.0, newer than this cargo-soar",
    );

    let project = env("SOAR_TEST_NEW_PROJECT");
    let blocked = scratch.path().join("a-file");
    std::fs::write(&blocked, "").unwrap();
    assert_refused(
        &cargo_soar(
            &project,
            &["bundle", "--out", blocked.join("out").to_str().unwrap()],
        ),
        "(--out): ",
    );

    assert_refused(
        &cargo_soar(scratch.path(), &["new", "plain"]),
        "is not empty: `cargo soar` creates a project only in a new or empty directory",
    );
    assert!(!out.exists(), "nothing is written to --out");
    assert_eq!(
        std::fs::read_dir(plain.join("src")).unwrap().count(),
        1,
        "new wrote nothing into the existing project"
    );
}

/// Three of the wheels `whois.json` lists, which the app directory of the import holds.
const CARRIED_WHEELS: [&str; 3] = [
    "wheels/shared/argparse-1.4.0-py2.py3-none-any.whl",
    "wheels/py3/dnspython-2.7.0-py3-none-any.whl",
    "wheels/shared/tldextract-2.1.0-py2.py3-none-any.whl",
];

#[test]
fn the_project_imported_from_whois_bundles_and_validates_clean_with_the_wheels_it_carried() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("whois-import");
    // The app directory: whois.json and some of its wheels (any zip will do for the bundle;
    // the fixture's real wheel stands in for each).
    let source = dir.path().join("whois-app");
    let wheel = std::fs::read(
        checkout().join("tests/wheels/py3/soar_fixture_extra-1.0.0-py3-none-any.whl"),
    )
    .unwrap();
    for path in CARRIED_WHEELS {
        let file = source.join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(file, &wheel).unwrap();
    }
    std::fs::copy(
        checkout().join("tests/corpus/apps/whois.json"),
        source.join("whois.json"),
    )
    .unwrap();
    let checkout = checkout();
    let imported = cargo_soar(
        dir.path(),
        &[
            "import",
            source.to_str().unwrap(),
            "--out",
            project.to_str().unwrap(),
            "--runtime-path",
            checkout.to_str().unwrap(),
        ],
    );
    assert!(imported.status.success(), "{}", stderr(&imported));
    let told = stderr(&imported);
    assert!(told.contains("listed in IMPORT.md"));
    assert!(
        told.contains("dropped /pip39_dependencies/wheel/4: \"wheels/py3/pythonwhois_alt-2.4.6-py3-none-any.whl\" is not in the import's source"),
        "{told}"
    );
    for path in CARRIED_WHEELS {
        assert_eq!(std::fs::read(project.join(path)).unwrap(), wheel, "{path}");
    }
    let out = dir.path().join("out");
    let bundled = cargo_soar(&project, &["bundle", "--out", out.to_str().unwrap()]);
    assert!(bundled.status.success(), "{}", stderr(&bundled));
    let tarball = std::fs::read_dir(&out)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .find(|path| path.extension().is_some_and(|extension| extension == "tgz"))
        .expect("the bundle writes a tarball");
    let validated = cargo_soar(&project, &["validate", tarball.to_str().unwrap()]);
    assert_eq!(validated.status.code(), Some(0), "{}", stderr(&validated));
    assert!(
        validated.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&validated.stdout)
    );
    let app_json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(tarball.with_extension("json")).unwrap()).unwrap();
    for key in ["pip39_dependencies", "pip313_dependencies"] {
        let listed: Vec<&str> = app_json[key]["wheel"]
            .as_array()
            .unwrap()
            .iter()
            .map(|wheel| wheel["input_file"].as_str().unwrap())
            .collect();
        assert_eq!(listed[..3], CARRIED_WHEELS, "{key}");
        assert_eq!(
            listed.len(),
            4,
            "{key}: the app's three, then the connector's"
        );
        assert!(listed[3].ends_with("-cp39-abi3-manylinux_2_28_x86_64.whl"));
    }
    let members = std::process::Command::new("tar")
        .arg("tzf")
        .arg(&tarball)
        .output()
        .unwrap();
    let members = String::from_utf8_lossy(&members.stdout);
    for path in CARRIED_WHEELS {
        assert!(
            members.lines().any(|member| member.ends_with(path)),
            "{path} not in {members}"
        );
    }
    // A wheel the connector lists but the package lacks refuses the bundle, naming it.
    std::fs::remove_file(project.join(CARRIED_WHEELS[1])).unwrap();
    let refused = cargo_soar(&project, &["bundle", "--out", out.to_str().unwrap()]);
    assert_refused(
        &refused,
        &format!("the connector ships the wheel {}", CARRIED_WHEELS[1]),
    );
    assert!(
        stderr(&refused).contains("cannot be read"),
        "{}",
        stderr(&refused)
    );
    std::fs::write(project.join(CARRIED_WHEELS[1]), "not a zip").unwrap();
    let refused = cargo_soar(&project, &["bundle", "--out", out.to_str().unwrap()]);
    assert_refused(&refused, "is not a wheel (a zip archive)");
}
