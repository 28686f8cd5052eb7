//! The bundle's `NOTICE`: the attributions of every library the wheel links statically, taken
//! from the bridge crate's resolved dependency graph for the wheel's platform (normal
//! dependencies only: build scripts, proc macros and dev-dependencies put none of their code
//! into the extension), each with its version, home page, licence and licence text, in the
//! layout of Splunk's own app NOTICE files.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::Path;

use cargo_metadata::{DependencyKind, Metadata, MetadataCommand, Package, PackageId, TargetKind};

use crate::bridge::Bridge;
use crate::{Failure, Outcome, licence};

/// The platform the wheel is built for.
const WHEEL_PLATFORM: &str = "x86_64-unknown-linux-gnu";

/// The line between two libraries.
const SEPARATOR: &str =
    "@@@@============================================================================";

/// The NOTICE of the app `app_name` licensed under `app_licence`, whose bridge crate is
/// `bridge` and whose own package (not a third party) is `connector`.
pub fn generate(
    bridge: &Bridge,
    app_name: &str,
    app_licence: &str,
    connector: &str,
) -> Outcome<String> {
    let metadata = MetadataCommand::new()
        .manifest_path(bridge.dir.join("Cargo.toml"))
        .other_options(vec![
            "--filter-platform".to_owned(),
            WHEEL_PLATFORM.to_owned(),
        ])
        .exec()
        .map_err(|error| {
            Failure::new(format!(
                "cannot read the bridge crate's dependencies for the NOTICE: {}",
                crate::project::one_line(&error.to_string())
            ))
        })?;
    let mut text =
        format!("Splunk SOAR App: {app_name}\n{app_licence}\nThird Party Software Attributions:\n");
    for package in linked(&metadata)? {
        if package.name.as_str() == connector {
            continue;
        }
        text.push_str(&attribution(package));
    }
    // As Splunk's generator writes it: no trailing white space, one final newline.
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    Ok(lines.join("\n").trim_end().to_owned() + "\n")
}

/// One library's entry.
fn attribution(package: &Package) -> String {
    let homepage = package
        .homepage
        .as_deref()
        .or(package.repository.as_deref())
        .unwrap_or("(none given)");
    let expression = package.license.as_deref().unwrap_or("(none given)");
    let dir = package
        .manifest_path
        .parent()
        .map_or_else(|| Path::new(""), |dir| dir.as_std_path());
    let text = licence::package_licence(dir, package.license.as_deref()).unwrap_or_else(|| {
        "(The package ships no licence text and names no SPDX licence.)".to_owned()
    });
    let notices: Vec<String> = licence::notice_files(dir)
        .iter()
        .filter_map(|path| std::fs::read_to_string(path).ok())
        .map(|notice| format!("\n\nNotice:\n\n{}", notice.trim_end()))
        .collect();
    format!(
        "\n{SEPARATOR}\n\nLibrary: {} - {}\nHomepage: {homepage}\nLicense: {expression}\nLicense Text:\n\n{}{}\n\n",
        package.name,
        package.version,
        text.trim_end(),
        notices.concat()
    )
}

/// The packages linked into the bridge crate's library, by name and version, without the
/// bridge itself.
fn linked(metadata: &Metadata) -> Outcome<Vec<&Package>> {
    let missing = || Failure::new("the bridge crate's dependency graph has no root");
    let resolve = metadata.resolve.as_ref().ok_or_else(missing)?;
    let root = resolve.root.as_ref().ok_or_else(missing)?;
    let packages: BTreeMap<&PackageId, &Package> =
        metadata.packages.iter().map(|p| (&p.id, p)).collect();
    let nodes: BTreeMap<&PackageId, _> = resolve.nodes.iter().map(|n| (&n.id, n)).collect();
    let mut seen: BTreeSet<&PackageId> = BTreeSet::new();
    let mut queue = VecDeque::from([root]);
    while let Some(id) = queue.pop_front() {
        let Some(node) = nodes.get(id) else { continue };
        for dep in &node.deps {
            let normal = dep
                .dep_kinds
                .iter()
                .any(|kind| kind.kind == DependencyKind::Normal);
            let is_proc_macro = packages.get(&dep.pkg).is_some_and(|package| {
                package
                    .targets
                    .iter()
                    .any(|target| target.kind.contains(&TargetKind::ProcMacro))
            });
            if normal && !is_proc_macro && seen.insert(&dep.pkg) {
                queue.push_back(&dep.pkg);
            }
        }
    }
    let mut linked: Vec<&Package> = seen
        .into_iter()
        .filter_map(|id| packages.get(id).copied())
        .collect();
    linked.sort_by(|a, b| (a.name.as_str(), &a.version).cmp(&(b.name.as_str(), &b.version)));
    Ok(linked)
}
