//! The app JSON of a bundle: printed by the connector's own `app-json` command, completed with
//! what only the bundler knows (the time, the wheel), and validated strictly.

use std::process::Command;

use serde_json::Value;
use soar_runtime::app_json::{AppJson, Dependencies, WheelDependency, validate_value};

use crate::package::ConnectorPackage;
use crate::report::{self, Line};
use crate::{Failure, Outcome, cmd};

/// Builds the connector's binary and reads the app JSON its `app-json` command prints. Returns
/// the path of the binary too (the local runner).
pub fn generate(package: &ConnectorPackage) -> Outcome<(AppJson, std::path::PathBuf)> {
    let binary = cmd::cargo_binary(&package.name, &package.bin)?;
    let text = cmd::stdout(
        Command::new(&binary).arg("app-json"),
        &format!("{} app-json", package.bin),
    )?;
    let app = AppJson::from_json_str(&text).map_err(|error| {
        Failure::new(format!(
            "`{} app-json` printed no app JSON: {error}",
            package.bin
        ))
    })?;
    Ok((app, binary))
}

/// Sets what the bundler owns: `utctime_updated`, and the extension wheel as the only entry of
/// `pip39_dependencies` and `pip313_dependencies` (one abi3 wheel serves both).
pub fn complete(app: &mut AppJson, updated: String, wheel: WheelDependency) {
    app.utctime_updated = Some(updated);
    let dependencies = Dependencies {
        wheel: Some(vec![wheel]),
        ..Dependencies::default()
    };
    app.pip39_dependencies = Some(dependencies.clone());
    app.pip313_dependencies = Some(dependencies);
}

/// Validates the app JSON as it will be written; any finding refuses the bundle.
pub fn check(text: &str) -> Outcome<()> {
    let document: Value = serde_json::from_str(text)
        .map_err(|error| Failure::new(format!("the app JSON does not read back: {error}")))?;
    let lines: Vec<Line> = validate_value(&document)
        .into_iter()
        .map(Line::from)
        .collect();
    if lines.is_empty() {
        return Ok(());
    }
    report::print(&lines);
    Err(Failure::new(format!(
        "the app JSON is not clean ({} findings above); nothing was bundled",
        lines.len()
    )))
}
