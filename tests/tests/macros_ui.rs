//! trybuild cases of the macros: `ui/pass` must compile; every `ui/fail` case must fail with
//! exactly its `.stderr`, which is pinned to the rustc the project builds with.

/// The rustc the `.stderr` files were written with.
const PINNED: &str = "1.95";

#[rustversion::stable(1.95)]
#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.pass("ui/pass/*.rs");
    cases.compile_fail("ui/fail/*.rs");
}

#[rustversion::not(stable(1.95))]
#[test]
fn ui() {
    panic!(
        "the ui/fail .stderr files are pinned to rustc {PINNED}: run the tests with it, or refresh them with TRYBUILD=overwrite and pin the new version"
    );
}

#[test]
fn the_pinned_version_is_the_workspace_rust_version() {
    let manifest = include_str!("../../Cargo.toml");
    assert!(manifest.contains(&format!("rust-version = \"{PINNED}\"")));
}
