//! `cargo soar validate <app.json | app.tgz | dir>`: every finding, one a line, as
//! `<severity> <JSON Pointer> <message>`; exit 1 on any error, 2 on a file that cannot be read.
//!
//! A tarball and an app directory (an unpacked app: the directory that holds the app JSON) get
//! the tarball rules of contract section 7 as well as the validator's; a directory is checked
//! as the tarball that would hold it under its own name.

use std::path::Path;

use serde_json::Value;
use soar_app_json::validate_value;

use crate::report::{self, Line};
use crate::tarball::{Kind, Member};
use crate::{Failure, Outcome, layout, tarball};

/// The first bytes of a gzip stream.
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// Validates the file or directory at `path` and prints the findings.
pub fn run(path: &Path) -> Outcome<()> {
    let lines = if path.is_dir() {
        layout::check(&directory_members(path)?)
    } else {
        let bytes = std::fs::read(path).map_err(|error| {
            Failure::unusable(format!("cannot read {}: {error}", path.display()))
        })?;
        findings(&bytes).map_err(|failure| {
            Failure::unusable(format!("{}: {}", path.display(), failure.message))
        })?
    };
    if report::print(&lines) {
        Err(Failure::new(""))
    } else {
        Ok(())
    }
}

/// The findings for a file's bytes; fails when they are neither a tarball nor JSON.
pub fn findings(bytes: &[u8]) -> Outcome<Vec<Line>> {
    if bytes.starts_with(&GZIP_MAGIC) {
        return Ok(layout::check(&tarball::read(bytes)?));
    }
    let document: Value = serde_json::from_slice(bytes)
        .map_err(|error| Failure::unusable(format!("not JSON: {error}")))?;
    Ok(validate_value(&document)
        .into_iter()
        .map(Line::from)
        .collect())
}

/// The members of the tarball that would hold directory `dir` under its own name.
fn directory_members(dir: &Path) -> Outcome<Vec<Member>> {
    let top = dir
        .canonicalize()
        .ok()
        .and_then(|dir| {
            dir.file_name()
                .map(|name| name.to_string_lossy().into_owned())
        })
        .ok_or_else(|| Failure::unusable(format!("{} has no name", dir.display())))?;
    let mut members = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|error| {
            Failure::unusable(format!("cannot read {}: {error}", dir.display()))
        })?;
        let relative = entry
            .path()
            .strip_prefix(dir)
            .unwrap_or(entry.path())
            .to_string_lossy()
            .replace('\\', "/");
        let file_type = entry.file_type();
        let path = match (relative.is_empty(), file_type.is_dir()) {
            (true, _) => format!("{top}/"),
            (false, true) => format!("{top}/{relative}/"),
            (false, false) => format!("{top}/{relative}"),
        };
        let (kind, data) = if file_type.is_file() {
            let data = std::fs::read(entry.path()).map_err(|error| {
                Failure::unusable(format!("cannot read {}: {error}", entry.path().display()))
            })?;
            (Kind::File, data)
        } else if file_type.is_dir() {
            (Kind::Directory, Vec::new())
        } else {
            (Kind::Other("symbolic link".to_owned()), Vec::new())
        };
        members.push(Member { path, kind, data });
    }
    Ok(members)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_directory_is_seen_as_the_tarball_of_its_name() {
        let parent = tempfile::tempdir().unwrap();
        let app = parent.path().join("myapp");
        std::fs::create_dir_all(app.join("wheels")).unwrap();
        std::fs::write(app.join("myapp.json"), "{}").unwrap();
        std::fs::write(app.join("wheels/x.whl"), "w").unwrap();
        let members = directory_members(&app).unwrap();
        let paths: Vec<(&str, &Kind)> = members
            .iter()
            .map(|member| (member.path.as_str(), &member.kind))
            .collect();
        assert_eq!(
            paths,
            [
                ("myapp/", &Kind::Directory),
                ("myapp/myapp.json", &Kind::File),
                ("myapp/wheels/", &Kind::Directory),
                ("myapp/wheels/x.whl", &Kind::File),
            ]
        );
        let lines = layout::check(&members);
        assert!(
            lines
                .iter()
                .any(|line| line.message == "myapp/__init__.py is missing"),
            "{lines:?}"
        );
    }
}
