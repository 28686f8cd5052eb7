//! The connector package to bundle, found through `cargo metadata`.
//!
//! A connector package names its connector type in its manifest, for the generated bridge
//! crate to use:
//!
//! ```toml
//! [package.metadata.soar]
//! connector = "whois::Whois"   # the type that implements `Connector`
//! bin = "whois"                # the binary with the `app-json` command (default: the only one)
//! ```

use std::path::PathBuf;

use serde_json::Value;

use crate::{Failure, Outcome, cmd};

/// What the bundler needs to know about a connector package.
#[derive(Debug, Clone)]
pub struct ConnectorPackage {
    /// The package's name.
    pub name: String,
    /// The directory of its `Cargo.toml`.
    pub dir: PathBuf,
    /// The name of its library target (how Rust code names the crate).
    pub lib_name: String,
    /// The binary target that has the `app-json` command.
    pub bin: String,
    /// The Rust path of the connector type, e.g. `whois::Whois`.
    pub connector: String,
}

/// The workspace package `name`, as a connector package.
pub fn find(name: &str) -> Outcome<ConnectorPackage> {
    let text = cmd::stdout(
        cmd::cargo().current_dir(crate::workspace_root()).args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ]),
        "cargo metadata",
    )?;
    let metadata: Value = serde_json::from_str(&text)
        .map_err(|error| Failure::new(format!("cargo metadata printed no JSON: {error}")))?;
    let packages = metadata["packages"].as_array().cloned().unwrap_or_default();
    let package = packages
        .iter()
        .find(|package| package["name"] == name)
        .ok_or_else(|| Failure::new(format!("no package named {name:?} in the workspace")))?;
    read(package)
}

/// Reads one package entry of `cargo metadata`.
fn read(package: &Value) -> Outcome<ConnectorPackage> {
    let name = package["name"].as_str().unwrap_or_default().to_owned();
    let manifest = PathBuf::from(package["manifest_path"].as_str().unwrap_or_default());
    let dir = manifest.parent().map(PathBuf::from).unwrap_or_default();
    let soar = &package["metadata"]["soar"];
    let connector = soar["connector"].as_str().map(ToOwned::to_owned).ok_or_else(|| {
        Failure::new(format!(
            "package {name} does not name its connector type: add `[package.metadata.soar] connector = \"<crate>::<Type>\"` to {}",
            manifest.display()
        ))
    })?;
    let targets = package["targets"].as_array().cloned().unwrap_or_default();
    let of_kind = |kind: &str| -> Vec<String> {
        targets
            .iter()
            .filter(|target| {
                target["kind"]
                    .as_array()
                    .is_some_and(|kinds| kinds.iter().any(|k| k == kind))
            })
            .filter_map(|target| target["name"].as_str().map(ToOwned::to_owned))
            .collect()
    };
    let lib_name = of_kind("lib")
        .into_iter()
        .next()
        .ok_or_else(|| Failure::new(format!("package {name} has no library target")))?;
    let bins = of_kind("bin");
    let bin = match soar["bin"].as_str() {
        Some(bin) if bins.iter().any(|b| b == bin) => bin.to_owned(),
        Some(bin) => {
            return Err(Failure::new(format!(
                "package {name} has no binary {bin:?} (metadata.soar.bin)"
            )));
        }
        None if bins.len() == 1 => bins[0].clone(),
        None => {
            return Err(Failure::new(format!(
                "package {name} has {} binaries: name the one with the app-json command in `[package.metadata.soar] bin`",
                bins.len()
            )));
        }
    };
    Ok(ConnectorPackage {
        name,
        dir,
        lib_name: lib_name.replace('-', "_"),
        bin,
        connector,
    })
}
