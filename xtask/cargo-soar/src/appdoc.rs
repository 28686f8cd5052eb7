//! The app JSON as the bundle writes it: the connector's own, completed with what only the
//! bundler knows (the time, the wheel), and validated strictly.

use serde_json::Value;
use soar_app_json::{AppJson, Dependencies, WheelDependency, validate_value};

use crate::report::{self, Line};
use crate::{Failure, Outcome};

/// Sets what the bundler owns: `utctime_updated`, and the extension wheel as the last entry of
/// `pip39_dependencies` and `pip313_dependencies` (one abi3 wheel serves both), after the app's
/// own wheels.
pub fn complete(app: &mut AppJson, updated: String, wheel: WheelDependency) {
    app.utctime_updated = Some(updated);
    for dependencies in [&mut app.pip39_dependencies, &mut app.pip313_dependencies] {
        dependencies
            .get_or_insert_with(Dependencies::default)
            .wheel
            .get_or_insert_with(Vec::new)
            .push(wheel.clone());
    }
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
