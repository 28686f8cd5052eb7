//! The tarball rules of contract section 7, for any app tarball: one top-level directory,
//! exactly one top-level app JSON (validated strictly), the files it names (`main_module`,
//! logos, wheels) and `__init__.py` present, no member that leaves the directory, nothing of
//! tests, caches or build output.

use std::collections::BTreeSet;

use serde_json::Value;
use soar_app_json::validate_value;

use crate::report::Line;
use crate::tarball::{Kind, Member};

/// Path components and file names that are tests, caches or build output.
const JUNK_NAMES: &[&str] = &[
    "__pycache__",
    ".git",
    ".pytest_cache",
    ".mypy_cache",
    ".ruff_cache",
    ".tox",
    ".venv",
    "venv",
    "node_modules",
    "target",
    "tests",
    ".DS_Store",
];

/// Every finding of the tarball rules and of the app JSON validator.
pub fn check(members: &[Member]) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut files = BTreeSet::new();
    let mut tops = BTreeSet::new();
    for member in members {
        let path = member.path.strip_prefix("./").unwrap_or(&member.path);
        if path.starts_with('/') || path.split('/').any(|part| part == "..") {
            lines.push(Line::error(
                "",
                format!("member {path:?} leaves the app directory"),
            ));
            continue;
        }
        if let Kind::Other(kind) = &member.kind {
            lines.push(Line::error(
                "",
                format!("member {path:?} is a {kind}, not a file or directory"),
            ));
            continue;
        }
        let Some(top) = path.split('/').next().filter(|top| !top.is_empty()) else {
            continue;
        };
        if member.kind == Kind::File && !path.contains('/') {
            lines.push(Line::error(
                "",
                format!("member {path:?} is outside the top-level directory"),
            ));
            continue;
        }
        tops.insert(top.to_owned());
        if member.kind == Kind::File {
            files.insert(path.to_owned());
            if is_junk(path) {
                lines.push(Line::warning(
                    "",
                    format!("member {path:?} is a test, cache or build output"),
                ));
            }
        }
    }
    let top = match tops.len() {
        1 => tops.pop_first().unwrap_or_default(),
        count => {
            let names: Vec<&str> = tops.iter().map(String::as_str).collect();
            lines.push(Line::error(
                "",
                format!(
                    "the tarball has {count} top-level directories ({}); it must have exactly one",
                    names.join(", ")
                ),
            ));
            return lines;
        }
    };
    let prefix = format!("{top}/");
    let app_jsons: Vec<&Member> = members
        .iter()
        .filter(|member| member.kind == Kind::File)
        .filter(|member| {
            let path = member.path.strip_prefix("./").unwrap_or(&member.path);
            path.strip_prefix(&prefix)
                .is_some_and(|name| !name.contains('/') && name.ends_with(".json"))
        })
        .collect();
    let [app_json] = app_jsons.as_slice() else {
        lines.push(Line::error(
            "",
            format!(
                "{top}/ holds {} top-level JSON files; it must hold exactly one app JSON",
                app_jsons.len()
            ),
        ));
        return lines;
    };
    let document: Value = match serde_json::from_slice(&app_json.data) {
        Ok(document) => document,
        Err(error) => {
            lines.push(Line::error(
                "",
                format!("{} is not JSON: {error}", app_json.path),
            ));
            return lines;
        }
    };
    lines.extend(validate_value(&document).into_iter().map(Line::from));
    let holds = |name: &str| files.contains(&format!("{prefix}{name}"));
    if !holds("__init__.py") {
        lines.push(Line::error("", format!("{top}/__init__.py is missing")));
    }
    for (pointer, name) in named_files(&document) {
        if !holds(&name) {
            lines.push(Line::error(
                &pointer,
                format!("names {name:?}, which the tarball does not hold"),
            ));
        }
    }
    lines
}

/// The files the app JSON names, with their pointers: `main_module`, the logos and every
/// wheel path of the `pip*_dependencies`.
fn named_files(document: &Value) -> Vec<(String, String)> {
    let mut named = Vec::new();
    for key in ["main_module", "logo", "logo_dark"] {
        if let Some(name) = document[key].as_str() {
            named.push((format!("/{key}"), name.to_owned()));
        }
    }
    let Some(top) = document.as_object() else {
        return named;
    };
    for (key, dependencies) in top.iter().filter(|(key, _)| key.starts_with("pip")) {
        let wheels = dependencies["wheel"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_default();
        for (index, wheel) in wheels.iter().enumerate() {
            for field in ["input_file", "input_file_aarch64"] {
                if let Some(name) = wheel[field].as_str() {
                    named.push((format!("/{key}/wheel/{index}/{field}"), name.to_owned()));
                }
            }
        }
    }
    named
}

/// Whether a member path is a test, a cache or build output.
fn is_junk(path: &str) -> bool {
    path.split('/').any(|part| JUNK_NAMES.contains(&part))
        || path.ends_with(".pyc")
        || path.ends_with(".pyo")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn junk() {
        assert!(is_junk("app/__pycache__/x.cpython-311.pyc"));
        assert!(is_junk("app/tests/test_x.py"));
        assert!(is_junk("app/helper.pyc"));
        assert!(!is_junk("app/app_connector.py"));
        assert!(!is_junk("app/wheels/shared/x.whl"));
    }
}
