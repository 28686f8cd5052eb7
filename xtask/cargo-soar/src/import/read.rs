//! The app to import: an app JSON file, an app directory (the directory that holds the app
//! JSON, as in a connector's repository) or an app tarball. From a directory or a tarball the
//! logo files the app JSON names come along.

use std::path::Path;

use serde_json::Value;

use crate::tarball::{self, Kind};
use crate::{Failure, Outcome};

/// The first bytes of a gzip stream.
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// Logo files found beside the app JSON: file name and bytes.
#[derive(Debug, Clone, Default)]
pub struct Logos {
    /// The files, by the names the app JSON gives them.
    pub files: Vec<(String, Vec<u8>)>,
}

/// The app JSON's bytes and the logos beside it; fails (exit 2) when the source holds no single
/// app JSON.
pub fn read_source(path: &Path) -> Outcome<(Vec<u8>, Logos)> {
    let unreadable = |error: std::io::Error| {
        Failure::unusable(format!("cannot read {}: {error}", path.display()))
    };
    let files: Vec<(String, Vec<u8>)> = if path.is_dir() {
        let mut files = Vec::new();
        for entry in std::fs::read_dir(path).map_err(unreadable)? {
            let entry = entry.map_err(unreadable)?;
            if entry.file_type().map_err(unreadable)?.is_file() {
                let name = entry.file_name().to_string_lossy().into_owned();
                files.push((name, std::fs::read(entry.path()).map_err(unreadable)?));
            }
        }
        files.sort();
        files
    } else {
        let bytes = std::fs::read(path).map_err(unreadable)?;
        if !bytes.starts_with(&GZIP_MAGIC) {
            return Ok((bytes, Logos::default()));
        }
        top_level_files(tarball::read(&bytes).map_err(|failure| {
            Failure::unusable(format!("{}: {}", path.display(), failure.message))
        })?)
    };
    let candidates: Vec<&(String, Vec<u8>)> = files
        .iter()
        .filter(|(name, data)| name.ends_with(".json") && is_app_json(data))
        .collect();
    let [(_, app_json)] = candidates.as_slice() else {
        return Err(Failure::unusable(format!(
            "{} holds {} app JSON files (JSON objects with an `appid`); it must hold exactly one",
            path.display(),
            candidates.len()
        )));
    };
    let named: Vec<String> = serde_json::from_slice::<Value>(app_json)
        .ok()
        .map(|document| {
            ["logo", "logo_dark"]
                .iter()
                .filter_map(|key| document.get(key).and_then(Value::as_str).map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let logos = files
        .iter()
        .filter(|(name, _)| named.contains(name))
        .cloned()
        .collect();
    Ok((app_json.clone(), Logos { files: logos }))
}

/// The files directly inside a tarball's top-level directory, by name.
fn top_level_files(members: Vec<tarball::Member>) -> Vec<(String, Vec<u8>)> {
    members
        .into_iter()
        .filter(|member| member.kind == Kind::File)
        .filter_map(|member| {
            let path = member.path.strip_prefix("./").unwrap_or(&member.path);
            let (_, name) = path.split_once('/')?;
            (!name.contains('/') && !name.is_empty()).then(|| (name.to_owned(), member.data))
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
    use std::collections::BTreeMap;

    const APP: &str = r#"{"appid": "x", "logo": "logo_x.svg", "logo_dark": "logo_x_dark.svg"}"#;

    #[test]
    fn a_directory_gives_its_app_json_and_logos() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("x.json"), APP).unwrap();
        std::fs::write(dir.path().join("other.json"), "[1]").unwrap();
        std::fs::write(dir.path().join("logo_x.svg"), "<svg/>").unwrap();
        let (bytes, logos) = read_source(dir.path()).unwrap();
        assert_eq!(bytes, APP.as_bytes());
        assert_eq!(logos.files, [("logo_x.svg".to_owned(), b"<svg/>".to_vec())]);
        std::fs::write(dir.path().join("y.json"), APP).unwrap();
        let failure = read_source(dir.path()).unwrap_err();
        assert_eq!(failure.code, crate::EXIT_UNUSABLE);
        assert!(
            failure.message.contains("holds 2 app JSON files"),
            "{failure}"
        );
    }

    #[test]
    fn a_tarball_gives_its_top_level_app_json() {
        let files: BTreeMap<String, Vec<u8>> = [
            ("x/x.json", APP),
            ("x/logo_x_dark.svg", "<svg/>"),
            ("x/wheels/w.json", APP),
        ]
        .into_iter()
        .map(|(path, text)| (path.to_owned(), text.as_bytes().to_vec()))
        .collect();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.tgz");
        std::fs::write(&path, tarball::write(&files, 0).unwrap()).unwrap();
        let (bytes, logos) = read_source(&path).unwrap();
        assert_eq!(bytes, APP.as_bytes());
        assert_eq!(logos.files.len(), 1);
        let plain = dir.path().join("app.json");
        std::fs::write(&plain, "not json").unwrap();
        assert_eq!(read_source(&plain).unwrap().0, b"not json");
    }
}
