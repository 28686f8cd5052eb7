//! Licence texts: the `LICENSE` a bundle carries (Splunkbase refuses an app without one), and
//! the texts the `NOTICE` quotes for each library the wheel links.
//!
//! A licence comes from the files its authors ship (`license-file`, `LICENSE*`, `LICENCE*`,
//! `COPYING*`, `UNLICENSE`), which hold the copyright lines; where there are none, from the
//! SPDX texts of the ids in the package's `license` expression (the `license` crate embeds the
//! SPDX list).

use std::path::{Path, PathBuf};

use license::License;

use crate::project::ConnectorPackage;
use crate::{Failure, Outcome};

/// The file name prefixes of licence files, in upper case.
const LICENCE_FILE_PREFIXES: &[&str] = &["LICENSE", "LICENCE", "COPYING", "UNLICENSE"];

/// The SPDX text of the licence `id`.
pub fn spdx_text(id: &str) -> Outcome<String> {
    id.parse::<&dyn License>()
        .map(|licence| licence.text().to_owned())
        .map_err(|_| Failure::unusable(format!("{id:?} is not an SPDX licence id")))
}

/// The licence ids of an SPDX expression (`MIT OR Apache-2.0`, `Apache-2.0 WITH
/// LLVM-exception`, the legacy `MIT/Apache-2.0`), in order, without repeats; exceptions are
/// left out.
pub fn expression_ids(expression: &str) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    let mut after_with = false;
    for token in expression
        .split(|c: char| c.is_whitespace() || c == '(' || c == ')' || c == '/')
        .filter(|token| !token.is_empty())
    {
        match token {
            "OR" | "AND" => after_with = false,
            "WITH" => after_with = true,
            id if !after_with => {
                let id = id.trim_end_matches('+');
                if !ids.iter().any(|known| known == id) {
                    ids.push(id.to_owned());
                }
            }
            _ => after_with = false,
        }
    }
    ids
}

/// The licence files in `dir`, sorted by name.
pub fn licence_files(dir: &Path) -> Vec<PathBuf> {
    files_named(dir, LICENCE_FILE_PREFIXES)
}

/// The `NOTICE` files in `dir` (Apache-2.0 section 4(d) asks to pass them on), sorted by name.
pub fn notice_files(dir: &Path) -> Vec<PathBuf> {
    files_named(dir, &["NOTICE"])
}

/// The files in `dir` whose names start with one of `prefixes` (in upper case), sorted.
fn files_named(dir: &Path, prefixes: &[&str]) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_ok_and(|kind| kind.is_file()))
        .filter(|entry| {
            let name = entry.file_name().to_string_lossy().to_ascii_uppercase();
            prefixes.iter().any(|prefix| name.starts_with(prefix))
        })
        .map(|entry| entry.path())
        .collect();
    files.sort();
    files
}

/// The text of a package's licence: its licence files, else the SPDX texts of its licence
/// expression. `None` when it has neither.
pub fn package_licence(dir: &Path, expression: Option<&str>) -> Option<String> {
    let files: Vec<String> = licence_files(dir)
        .iter()
        .filter_map(|path| std::fs::read_to_string(path).ok())
        .collect();
    if !files.is_empty() {
        return Some(files.join("\n\n"));
    }
    let texts: Vec<String> = expression_ids(expression?)
        .iter()
        .filter_map(|id| spdx_text(id).ok())
        .collect();
    (!texts.is_empty()).then(|| texts.join("\n\n"))
}

/// The `LICENSE` of the bundle of `package` in the workspace at `root`: its `license-file`,
/// else the licence files of its directory, else those of the workspace root, else the SPDX
/// texts of its `license`.
pub fn bundle_licence(package: &ConnectorPackage, root: &Path) -> Outcome<String> {
    if let Some(file) = &package.license_file {
        return std::fs::read_to_string(file).map_err(|error| {
            Failure::unusable(format!(
                "cannot read the license-file {} of package {}: {error}",
                file.display(),
                package.name
            ))
        });
    }
    let from_files = |dir: &Path| {
        let files = licence_files(dir);
        (!files.is_empty())
            .then(|| package_licence(dir, None))
            .flatten()
    };
    from_files(&package.dir)
        .or_else(|| from_files(root))
        .or_else(|| package_licence(Path::new(""), package.license.as_deref()))
        .ok_or_else(|| {
            Failure::unusable(format!(
                "package {} has no licence for the bundle's LICENSE (Splunkbase wants one): set `license` to an SPDX expression in its Cargo.toml, or add a LICENSE file to {}",
                package.name,
                package.dir.display()
            ))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expressions_give_their_licence_ids() {
        assert_eq!(expression_ids("MIT OR Apache-2.0"), ["MIT", "Apache-2.0"]);
        assert_eq!(expression_ids("MIT/Apache-2.0"), ["MIT", "Apache-2.0"]);
        assert_eq!(
            expression_ids("(MIT OR Apache-2.0) AND Unicode-3.0"),
            ["MIT", "Apache-2.0", "Unicode-3.0"]
        );
        assert_eq!(
            expression_ids("Apache-2.0 WITH LLVM-exception OR MIT"),
            ["Apache-2.0", "MIT"]
        );
        assert_eq!(expression_ids("GPL-2.0+ OR MIT OR MIT"), ["GPL-2.0", "MIT"]);
    }

    #[test]
    fn spdx_texts_are_the_licences() {
        assert!(spdx_text("Apache-2.0").unwrap().contains("Apache License"));
        assert!(
            spdx_text("MIT")
                .unwrap()
                .contains("Permission is hereby granted")
        );
        assert_eq!(
            spdx_text("Not-A-Licence").unwrap_err().code,
            crate::EXIT_UNUSABLE
        );
    }

    #[test]
    fn licence_files_come_before_the_spdx_text() {
        let dir = tempfile::tempdir().unwrap();
        assert!(
            package_licence(dir.path(), Some("MIT"))
                .unwrap()
                .contains("Permission is hereby granted")
        );
        assert_eq!(package_licence(dir.path(), None), None);
        std::fs::write(dir.path().join("LICENSE-MIT"), "Copyright (c) Someone").unwrap();
        std::fs::write(dir.path().join("Cargo.toml"), "").unwrap();
        assert_eq!(
            package_licence(dir.path(), Some("MIT")).as_deref(),
            Some("Copyright (c) Someone")
        );
    }
}
