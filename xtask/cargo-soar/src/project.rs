//! The user's project as `cargo metadata` describes it, and the connector package to work on.
//!
//! A connector package depends on `soar-runtime` and names its connector type in its manifest,
//! for the generated bridge crate:
//!
//! ```toml
//! [package.metadata.soar]
//! connector = "whois::Whois"   # the type that implements `Connector`
//! bin = "whois"                # the binary with the connector's command line (default: the only one)
//! ```
//!
//! Which package: the one `-p` names; else the package whose directory holds the current
//! directory; else the workspace's only connector package. Anything else is an error that
//! lists the candidates. A package whose `soar-runtime` this tool does not bundle is refused
//! before anything else is read of it.

use std::path::{Path, PathBuf};

use cargo_metadata::{DependencyKind, Metadata, MetadataCommand, Package, TargetKind};

use crate::{Failure, Outcome};

/// The name of the runtime crate every connector depends on.
pub const RUNTIME_CRATE: &str = "soar-runtime";

/// The workspace of the user's project.
#[derive(Debug)]
pub struct Project {
    metadata: Metadata,
}

/// Where the `soar-runtime` a connector resolves to comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuntimeSource {
    /// A directory (a path dependency or a `[patch]` to one).
    Path(PathBuf),
    /// crates.io, at an exact version.
    CratesIo,
    /// A git repository at an exact commit.
    Git {
        /// The repository's URL, without the query and fragment cargo adds.
        url: String,
        /// The commit.
        rev: String,
    },
}

/// The `soar-runtime` package a connector resolves to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Runtime {
    /// Its version.
    pub version: cargo_metadata::semver::Version,
    /// Where it comes from.
    pub source: RuntimeSource,
}

/// What the bundler needs to know about a connector package.
#[derive(Debug, Clone)]
pub struct ConnectorPackage {
    /// The package's name.
    pub name: String,
    /// The directory of its `Cargo.toml`.
    pub dir: PathBuf,
    /// The name of its library target (how Rust code names the crate).
    pub lib_name: String,
    /// The binary target that has the connector's command line.
    pub bin: String,
    /// The Rust path of the connector type, e.g. `whois::Whois`.
    pub connector: String,
    /// Its `license` field (an SPDX expression), if any.
    pub license: Option<String>,
    /// Its `license-file`, if any.
    pub license_file: Option<PathBuf>,
    /// The `soar-runtime` it resolves to.
    pub runtime: Runtime,
}

impl Project {
    /// Reads the project around `manifest_path` (a `Cargo.toml`), or around the current
    /// directory.
    pub fn load(manifest_path: Option<&Path>) -> Outcome<Self> {
        let mut command = MetadataCommand::new();
        if let Some(path) = manifest_path {
            if !path.is_file() {
                return Err(Failure::unusable(format!(
                    "no manifest at {}: --manifest-path names a project's Cargo.toml",
                    path.display()
                )));
            }
            command.manifest_path(path);
        }
        let metadata = command.exec().map_err(|error| {
            Failure::unusable(format!(
                "cannot read the Cargo project{}: {}",
                manifest_path.map_or_else(String::new, |p| format!(" at {}", p.display())),
                one_line(&error.to_string())
            ))
        })?;
        Ok(Self { metadata })
    }

    /// The workspace's root directory.
    pub fn root(&self) -> &Path {
        self.metadata.workspace_root.as_std_path()
    }

    /// The workspace's target directory.
    pub fn target_dir(&self) -> &Path {
        self.metadata.target_directory.as_std_path()
    }

    /// The workspace's lock file.
    pub fn lock_file(&self) -> PathBuf {
        self.root().join("Cargo.lock")
    }

    /// The connector package to work on: `requested` (`-p`), else the one around `cwd`, else the
    /// workspace's only one.
    pub fn connector(&self, requested: Option<&str>, cwd: &Path) -> Outcome<ConnectorPackage> {
        let members = self.metadata.workspace_packages();
        let candidates: Vec<&Package> = members
            .iter()
            .copied()
            .filter(|package| is_candidate(package))
            .collect();
        let names = || {
            candidates
                .iter()
                .map(|package| package.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let package = match requested {
            Some(name) => *members
                .iter()
                .find(|package| package.name.as_str() == name)
                .ok_or_else(|| {
                    Failure::unusable(format!(
                        "no package named {name:?} in the workspace at {}; its connector packages: {}",
                        self.root().display(),
                        if candidates.is_empty() { "none".to_owned() } else { names() }
                    ))
                })?,
            None => match around(&members, cwd) {
                Some(package) if is_candidate(package) => package,
                _ => match candidates.as_slice() {
                    [only] => *only,
                    [] => {
                        return Err(Failure::unusable(format!(
                            "no connector package in the workspace at {}: no package depends on {RUNTIME_CRATE} or has [package.metadata.soar]; start one with `cargo soar new <path>`",
                            self.root().display()
                        )));
                    }
                    _ => {
                        return Err(Failure::unusable(format!(
                            "{} connector packages in the workspace at {}: {}; choose one with -p <package>",
                            candidates.len(),
                            self.root().display(),
                            names()
                        )));
                    }
                },
            },
        };
        self.read(package)
    }

    /// Reads one package as a connector package. Its `soar-runtime` is checked first: a
    /// runtime this tool does not bundle may lay a connector out in ways this tool cannot read.
    fn read(&self, package: &Package) -> Outcome<ConnectorPackage> {
        let name = package.name.to_string();
        let runtime = self.runtime_of(package)?;
        crate::compat::check(crate::VERSION, &runtime.version, &name)?;
        let manifest = package.manifest_path.as_std_path();
        let soar = package.metadata.get("soar");
        let connector = soar
            .and_then(|soar| soar.get("connector"))
            .and_then(|connector| connector.as_str())
            .ok_or_else(|| {
                Failure::unusable(format!(
                    "package {name} has no `[package.metadata.soar] connector = \"<crate>::<Type>\"` naming its connector type: add it to {}",
                    manifest.display()
                ))
            })?
            .to_owned();
        let of_kind = |kind: TargetKind| -> Vec<String> {
            package
                .targets
                .iter()
                .filter(|target| target.kind.contains(&kind))
                .map(|target| target.name.clone())
                .collect()
        };
        let lib_name = of_kind(TargetKind::Lib)
            .into_iter()
            .next()
            .ok_or_else(|| {
                Failure::unusable(format!(
                    "package {name} has no library target: the connector type must be in src/lib.rs for the bridge to use it"
                ))
            })?;
        let bins = of_kind(TargetKind::Bin);
        let bin = match soar
            .and_then(|soar| soar.get("bin"))
            .and_then(|bin| bin.as_str())
        {
            Some(bin) if bins.iter().any(|b| b == bin) => bin.to_owned(),
            Some(bin) => {
                return Err(Failure::unusable(format!(
                    "package {name} has no binary {bin:?} (`[package.metadata.soar] bin` in {})",
                    manifest.display()
                )));
            }
            None => match bins.as_slice() {
                [only] => only.clone(),
                _ => {
                    return Err(Failure::unusable(format!(
                        "package {name} has {} binaries: name the one that calls soar_runtime::cli::main in `[package.metadata.soar] bin`",
                        bins.len()
                    )));
                }
            },
        };
        Ok(ConnectorPackage {
            dir: manifest.parent().map(PathBuf::from).unwrap_or_default(),
            lib_name: lib_name.replace('-', "_"),
            bin,
            connector,
            license: package.license.clone(),
            license_file: package.license_file().map(PathBuf::from),
            runtime,
            name,
        })
    }

    /// The `soar-runtime` that `package`'s normal dependencies resolve to.
    fn runtime_of(&self, package: &Package) -> Outcome<Runtime> {
        let missing = || {
            Failure::unusable(format!(
                "package {} does not depend on {RUNTIME_CRATE}: add `{RUNTIME_CRATE}` to its [dependencies]",
                package.name
            ))
        };
        let resolve = self.metadata.resolve.as_ref().ok_or_else(missing)?;
        let node = resolve
            .nodes
            .iter()
            .find(|node| node.id == package.id)
            .ok_or_else(missing)?;
        let runtime = node
            .deps
            .iter()
            .filter(|dep| {
                dep.dep_kinds
                    .iter()
                    .any(|kind| kind.kind == DependencyKind::Normal)
            })
            .filter_map(|dep| self.metadata.packages.iter().find(|p| p.id == dep.pkg))
            .find(|dependency| dependency.name.as_str() == RUNTIME_CRATE)
            .ok_or_else(missing)?;
        let source = match &runtime.source {
            None => RuntimeSource::Path(
                runtime
                    .manifest_path
                    .parent()
                    .map(|dir| dir.as_std_path().to_path_buf())
                    .unwrap_or_default(),
            ),
            Some(source) if source.is_crates_io() => RuntimeSource::CratesIo,
            Some(source) => git_source(&source.repr).ok_or_else(|| {
                Failure::unusable(format!(
                    "{RUNTIME_CRATE} comes from {source}, which the bundler cannot build the bridge from: use crates.io, a git repository or a path"
                ))
            })?,
        };
        Ok(Runtime {
            version: runtime.version.clone(),
            source,
        })
    }
}

/// A workspace member that looks like a connector: it has `[package.metadata.soar]` or depends
/// on `soar-runtime`.
fn is_candidate(package: &Package) -> bool {
    package.metadata.get("soar").is_some()
        || package
            .dependencies
            .iter()
            .any(|dependency| dependency.name == RUNTIME_CRATE)
}

/// The member whose directory is the deepest one holding `cwd`.
fn around<'a>(members: &[&'a Package], cwd: &Path) -> Option<&'a Package> {
    members
        .iter()
        .copied()
        .filter_map(|package| {
            let dir = package.manifest_path.parent()?.as_std_path();
            cwd.starts_with(dir)
                .then_some((dir.components().count(), package))
        })
        .max_by_key(|(depth, _)| *depth)
        .map(|(_, package)| package)
}

/// A `git+<url>?<query>#<commit>` source as a repository and commit.
fn git_source(repr: &str) -> Option<RuntimeSource> {
    let rest = repr.strip_prefix("git+")?;
    let (location, rev) = rest.split_once('#')?;
    let url = location.split_once('?').map_or(location, |(url, _)| url);
    Some(RuntimeSource::Git {
        url: url.to_owned(),
        rev: rev.to_owned(),
    })
}

/// A multi-line cargo error (the error, then "Caused by:" and its causes) on one line.
pub fn one_line(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && *line != "Caused by:")
        .collect::<Vec<_>>()
        .join(": ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn git_sources_keep_the_repository_and_the_exact_commit() {
        assert_eq!(
            git_source("git+https://example.com/soar-rs.git?rev=abc#0123456789abcdef"),
            Some(RuntimeSource::Git {
                url: "https://example.com/soar-rs.git".to_owned(),
                rev: "0123456789abcdef".to_owned()
            })
        );
        assert_eq!(
            git_source("git+file:///srv/soar-rs#feed"),
            Some(RuntimeSource::Git {
                url: "file:///srv/soar-rs".to_owned(),
                rev: "feed".to_owned()
            })
        );
        assert_eq!(git_source("registry+https://example.com/index"), None);
        assert_eq!(git_source("git+https://example.com/no-commit"), None);
    }

    #[test]
    fn cargo_errors_become_one_line() {
        assert_eq!(
            one_line("error: failed\n\nCaused by:\n  no file\n"),
            "error: failed: no file"
        );
    }
}
