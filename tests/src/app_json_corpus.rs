//! The corpus's app JSON files: the 67 real apps and the 4 manifests of the official SDK.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::corpus_dir;

/// Number of real apps in `apps/`.
pub const APP_COUNT: usize = 67;

/// Number of SDK manifests in `sdk-manifests/`.
pub const SDK_MANIFEST_COUNT: usize = 4;

/// The real apps' JSON files, sorted by name; fails unless all 67 are there.
pub fn app_files() -> Vec<PathBuf> {
    json_files("apps", APP_COUNT)
}

/// The SDK manifests, sorted by name; fails unless all 4 are there.
pub fn sdk_manifest_files() -> Vec<PathBuf> {
    json_files("sdk-manifests", SDK_MANIFEST_COUNT)
}

/// The real apps, then the SDK manifests.
pub fn all_files() -> Vec<PathBuf> {
    let mut files = app_files();
    files.extend(sdk_manifest_files());
    files
}

/// The text of a corpus file; fails with the path when it cannot be read.
pub fn read_text(path: &Path) -> String {
    fs::read_to_string(path)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()))
}

/// A corpus file as JSON; fails with the path when it is not JSON.
pub fn read_json(path: &Path) -> Value {
    serde_json::from_str(&read_text(path))
        .unwrap_or_else(|error| panic!("{} is not JSON: {error}", path.display()))
}

/// The real app `apps/<name>.json` as JSON.
pub fn app(name: &str) -> Value {
    read_json(&corpus_dir().join("apps").join(format!("{name}.json")))
}

/// The file name of a corpus file, for messages.
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}

/// The `*.json` files of a corpus folder, sorted; fails unless there are `count`.
fn json_files(folder: &str, count: usize) -> Vec<PathBuf> {
    let dir = corpus_dir().join(folder);
    let entries =
        fs::read_dir(&dir).unwrap_or_else(|error| panic!("cannot list {}: {error}", dir.display()));
    let mut files: Vec<PathBuf> = entries
        .map(|entry| {
            entry
                .unwrap_or_else(|error| panic!("cannot list {}: {error}", dir.display()))
                .path()
        })
        .filter(|path| {
            path.extension()
                .is_some_and(|extension| extension == "json")
        })
        .collect();
    files.sort();
    assert_eq!(
        files.len(),
        count,
        "expected {count} app JSON files in {}",
        dir.display()
    );
    files
}
