//! The connector's own account of itself: its binary is built and asked for the bundle
//! manifest (`<connector> bundle-manifest`), which holds the app JSON and the Python files of
//! the exact `soar-runtime` it was built with.

use std::path::PathBuf;
use std::process::Command;

use soar_app_json::{BUNDLE_MANIFEST_FORMAT, BundleManifest};

use crate::project::{ConnectorPackage, Project};
use crate::{Failure, Outcome, cmd};

/// A built connector and what it says of itself.
#[derive(Debug)]
pub struct Built {
    /// The connector's local runner binary.
    pub runner: PathBuf,
    /// Its bundle manifest.
    pub manifest: BundleManifest,
}

/// Builds the connector's binary and reads its bundle manifest.
pub fn build(project: &Project, package: &ConnectorPackage) -> Outcome<Built> {
    let runner = cmd::cargo_binary(
        project.root(),
        project.target_dir(),
        &package.name,
        &package.bin,
    )?;
    let text = cmd::stdout(
        Command::new(&runner).arg("bundle-manifest"),
        &format!("`{} bundle-manifest`", package.bin),
    )?;
    let manifest = read(&text).map_err(|problem| {
        Failure::new(format!(
            "`{} bundle-manifest` {problem} (soar-runtime {} resolved for {})",
            package.bin, package.runtime.version, package.name
        ))
    })?;
    Ok(Built { runner, manifest })
}

/// Reads a bundle manifest, refusing a format this tool does not speak.
fn read(text: &str) -> Result<BundleManifest, String> {
    let document: serde_json::Value =
        serde_json::from_str(text).map_err(|error| format!("printed no JSON: {error}"))?;
    let format = document.get("format").and_then(serde_json::Value::as_u64);
    if format != Some(u64::from(BUNDLE_MANIFEST_FORMAT)) {
        return Err(format!(
            "wrote bundle manifest format {}, and this cargo-soar {} reads format {BUNDLE_MANIFEST_FORMAT}",
            format.map_or_else(|| "(none)".to_owned(), |f| f.to_string()),
            crate::VERSION
        ));
    }
    serde_json::from_value(document).map_err(|error| format!("printed a bad manifest: {error}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn another_format_is_refused_naming_both() {
        let problem = read(r#"{"format": 99}"#).unwrap_err();
        assert!(problem.contains("format 99"), "{problem}");
        assert!(problem.contains(&format!("reads format {BUNDLE_MANIFEST_FORMAT}")));
        assert!(read("not json").unwrap_err().starts_with("printed no JSON"));
        let bad = read(r#"{"format": 1, "files": 3}"#).unwrap_err();
        assert!(bad.starts_with("printed a bad manifest"), "{bad}");
    }
}
