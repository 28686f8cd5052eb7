//! The app JSON reader and its strict validator (`soar_app_json`).

use serde_json::Value;
use soar_app_json::{AppJson, validate, validate_value};

/// The input as an app JSON: the strict validator on the JSON value, the typed reader, the
/// validator on what it read, and the writer, whose output must read back to the same bytes.
pub(crate) fn run(bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    if let Ok(document) = serde_json::from_str::<Value>(text) {
        let _ = validate_value(&document);
    }
    let Ok(app) = AppJson::from_json_str(text) else {
        return;
    };
    let _ = validate(&app);
    let written = app.to_json_pretty();
    let again = AppJson::from_json_str(&written).unwrap_or_else(|error| {
        panic!("the written app JSON does not read back: {error}\n{written}")
    });
    assert_eq!(
        again.to_json_pretty(),
        written,
        "writing is not byte-stable"
    );
}
