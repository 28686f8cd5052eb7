//! Reading and writing every corpus app JSON loses nothing.

use serde_json::Value;
use soar_runtime::app_json::AppJson;
use soar_tests::app_json_corpus::{all_files, file_name, read_text, sdk_manifest_files};

#[test]
fn every_corpus_file_reads_and_writes_back_unchanged() {
    for path in all_files() {
        let name = file_name(&path);
        let text = read_text(&path);
        let original: Value = serde_json::from_str(&text).unwrap();
        let app = AppJson::from_json_str(&text)
            .unwrap_or_else(|error| panic!("{name} cannot be read: {error}"));
        let written = app.to_json_pretty();
        let reread: Value = serde_json::from_str(&written).unwrap();
        assert!(reread == original, "{name} changed on a round trip");
        assert_eq!(
            AppJson::from_json_str(&written).unwrap(),
            app,
            "{name}: the written JSON reads back differently"
        );
    }
}

#[test]
fn writing_is_deterministic_and_idempotent() {
    for path in all_files() {
        let app = AppJson::from_json_str(&read_text(&path)).unwrap();
        let first = app.to_json_pretty();
        assert_eq!(first, app.to_json_pretty(), "{}", file_name(&path));
        assert_eq!(
            AppJson::from_json_str(&first).unwrap().to_json_pretty(),
            first,
            "{}",
            file_name(&path)
        );
    }
}

/// The model's field order is the SDK's key order: its manifests come back byte for byte.
#[test]
fn sdk_manifests_are_written_in_the_sdks_key_order() {
    for path in sdk_manifest_files() {
        let text = read_text(&path);
        let written = AppJson::from_json_str(&text).unwrap().to_json_pretty();
        assert_eq!(written, text.trim_end(), "{}", file_name(&path));
    }
}
