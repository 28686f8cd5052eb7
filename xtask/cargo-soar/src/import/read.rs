//! The app to import: an app JSON file, an app directory (the directory that holds the app
//! JSON, as in a connector's repository) or an app tarball. From a directory or a tarball the
//! files the app JSON names come along: its logos and its wheels.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

use crate::tarball::{self, Kind};
use crate::{Failure, Outcome};

/// The first bytes of a gzip stream.
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// What an import reads: the app JSON and the files beside it that it names.
#[derive(Debug, Clone, Default)]
pub struct Source {
    /// The app JSON's bytes.
    pub app_json: Vec<u8>,
    /// The logos and wheels the app JSON names that the source holds, by their paths in the
    /// app directory (`logo.svg`, `wheels/py3/x-1.0-py3-none-any.whl`).
    pub files: BTreeMap<String, Vec<u8>>,
}

impl Source {
    /// A bare app JSON, with nothing beside it.
    pub fn json(app_json: &[u8]) -> Self {
        Self {
            app_json: app_json.to_vec(),
            files: BTreeMap::new(),
        }
    }
}

/// The app JSON and the files beside it that it names; fails (exit 2) when the source holds no
/// single app JSON.
pub fn read_source(path: &Path) -> Outcome<Source> {
    let unreadable = |error: std::io::Error| {
        Failure::unusable(format!("cannot read {}: {error}", path.display()))
    };
    let files: BTreeMap<String, Vec<u8>> = if path.is_dir() {
        let mut files = BTreeMap::new();
        for entry in std::fs::read_dir(path).map_err(unreadable)? {
            let entry = entry.map_err(unreadable)?;
            if entry.file_type().map_err(unreadable)?.is_file() {
                let name = entry.file_name().to_string_lossy().into_owned();
                files.insert(name, std::fs::read(entry.path()).map_err(unreadable)?);
            }
        }
        files
    } else {
        let bytes = std::fs::read(path).map_err(unreadable)?;
        if !bytes.starts_with(&GZIP_MAGIC) {
            return Ok(Source::json(&bytes));
        }
        app_directory_files(tarball::read(&bytes).map_err(|failure| {
            Failure::unusable(format!("{}: {}", path.display(), failure.message))
        })?)
    };
    let candidates: Vec<(&String, &Vec<u8>)> = files
        .iter()
        .filter(|(name, data)| !name.contains('/') && name.ends_with(".json") && is_app_json(data))
        .collect();
    let [(_, app_json)] = candidates.as_slice() else {
        return Err(Failure::unusable(format!(
            "{} holds {} app JSON files (JSON objects with an `appid`); it must hold exactly one",
            path.display(),
            candidates.len()
        )));
    };
    let app_json = (*app_json).clone();
    let mut beside = BTreeMap::new();
    for name in named_files(&app_json) {
        if let Some(data) = files.get(&name) {
            beside.insert(name, data.clone());
        } else if path.is_dir() && soar_vocab::wheel::is_wheel_path(&name) {
            match std::fs::read(path.join(&name)) {
                Ok(data) => {
                    beside.insert(name, data);
                }
                Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
                Err(error) => return Err(unreadable(error)),
            }
        }
    }
    Ok(Source {
        app_json,
        files: beside,
    })
}

/// The files an app JSON names in its directory: the logos (plain file names) and every wheel
/// of its `pip*_dependencies` (paths below `wheels/`).
fn named_files(app_json: &[u8]) -> Vec<String> {
    let Ok(Value::Object(document)) = serde_json::from_slice::<Value>(app_json) else {
        return Vec::new();
    };
    let logos = ["logo", "logo_dark"]
        .iter()
        .filter_map(|key| document.get(*key).and_then(Value::as_str))
        .filter(|name| !name.is_empty() && !name.contains(['/', '\\']));
    let wheels = document
        .iter()
        .filter(|(key, _)| key.starts_with("pip"))
        .filter_map(|(_, dependencies)| dependencies.get("wheel").and_then(Value::as_array))
        .flatten()
        .filter_map(|wheel| wheel.get("input_file").and_then(Value::as_str))
        .filter(|path| soar_vocab::wheel::is_wheel_path(path));
    logos.chain(wheels).map(str::to_owned).collect()
}

/// The files inside a tarball's top-level directory, by their paths below it.
fn app_directory_files(members: Vec<tarball::Member>) -> BTreeMap<String, Vec<u8>> {
    members
        .into_iter()
        .filter(|member| member.kind == Kind::File)
        .filter_map(|member| {
            let path = member.path.strip_prefix("./").unwrap_or(&member.path);
            let (_, below) = path.split_once('/')?;
            (!below.is_empty()).then(|| (below.to_owned(), member.data))
        })
        .collect()
}

/// Whether the bytes are a JSON object with an `appid`.
fn is_app_json(bytes: &[u8]) -> bool {
    serde_json::from_slice::<Value>(bytes).is_ok_and(|value| value.get("appid").is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    const APP: &str = r#"{"appid": "x", "logo": "logo_x.svg", "logo_dark": "logo_x_dark.svg",
        "pip39_dependencies": {"wheel": [
            {"module": "a", "input_file": "wheels/py3/a-1-py3-none-any.whl"},
            {"module": "b", "input_file": "wheels/py3/b-1-py3-none-any.whl"},
            {"module": "c", "input_file": "../c-1-py3-none-any.whl"}]}}"#;

    #[test]
    fn a_directory_gives_its_app_json_and_the_logos_and_wheels_it_names() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("x.json"), APP).unwrap();
        std::fs::write(dir.path().join("other.json"), "[1]").unwrap();
        std::fs::write(dir.path().join("logo_x.svg"), "<svg/>").unwrap();
        std::fs::write(dir.path().join("unnamed.svg"), "<svg/>").unwrap();
        std::fs::create_dir_all(dir.path().join("wheels/py3")).unwrap();
        std::fs::write(dir.path().join("wheels/py3/a-1-py3-none-any.whl"), "PK").unwrap();
        std::fs::write(dir.path().join("c-1-py3-none-any.whl"), "PK").unwrap();
        let source = read_source(dir.path()).unwrap();
        assert_eq!(source.app_json, APP.as_bytes());
        let names: Vec<&str> = source.files.keys().map(String::as_str).collect();
        assert_eq!(names, ["logo_x.svg", "wheels/py3/a-1-py3-none-any.whl"]);
        std::fs::write(dir.path().join("y.json"), APP).unwrap();
        let failure = read_source(dir.path()).unwrap_err();
        assert_eq!(failure.code, crate::EXIT_UNUSABLE);
        assert!(
            failure.message.contains("holds 2 app JSON files"),
            "{failure}"
        );
    }

    #[test]
    fn a_tarball_gives_its_top_level_app_json_and_the_files_it_names() {
        let files: BTreeMap<String, Vec<u8>> = [
            ("x/x.json", APP),
            ("x/logo_x_dark.svg", "<svg/>"),
            ("x/wheels/w.json", APP),
            ("x/wheels/py3/b-1-py3-none-any.whl", "PK"),
        ]
        .into_iter()
        .map(|(path, text)| (path.to_owned(), text.as_bytes().to_vec()))
        .collect();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.tgz");
        std::fs::write(&path, tarball::write(&files, 0).unwrap()).unwrap();
        let source = read_source(&path).unwrap();
        assert_eq!(source.app_json, APP.as_bytes());
        let names: Vec<&str> = source.files.keys().map(String::as_str).collect();
        assert_eq!(
            names,
            ["logo_x_dark.svg", "wheels/py3/b-1-py3-none-any.whl"]
        );
        let plain = dir.path().join("app.json");
        std::fs::write(&plain, "not json").unwrap();
        let plain = read_source(&plain).unwrap();
        assert_eq!(plain.app_json, b"not json");
        assert!(plain.files.is_empty());
    }
}
