//! Headless Chromium for the browser test of the views (`tests/python/test_view_browser.py`),
//! provisioned from the machine's Debian package lists without root.
//!
//! `apt-get download` fetches the `chromium` package and, following `Depends` and `PreDepends`
//! (the first choice of each alternative), every package it needs that is not installed;
//! `dpkg -x` unpacks them into `target/chromium/root/`. A launcher script,
//! `target/chromium/chromium`, runs the browser with the unpacked libraries first on
//! `LD_LIBRARY_PATH`, headless and without its sandbox (which needs privileges a test does not
//! have; the test only opens files it wrote). The launcher must answer `--version` before it
//! is used; a stamp file makes later runs reuse it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use cargo_soar::{Failure, Outcome, cmd};

use crate::target_dir;

/// The Debian package of the browser.
const PACKAGE: &str = "chromium";
/// The browser's executable inside the unpacked packages.
const EXECUTABLE: &str = "usr/lib/chromium/chromium";

/// The launcher of headless Chromium, provisioned if needed.
pub fn provision() -> Outcome<PathBuf> {
    let dir = target_dir().join("chromium");
    let launcher = dir.join("chromium");
    let stamp = dir.join("provisioned");
    if stamp.is_file() && launcher.is_file() {
        check(&launcher)?;
        return Ok(launcher);
    }
    eprintln!(
        "xtask test: provisioning headless Chromium from Debian packages into {}",
        dir.display()
    );
    if dir.exists() {
        std::fs::remove_dir_all(&dir).map_err(|error| io_failure(&dir, &error))?;
    }
    let debs = dir.join("debs");
    let root = dir.join("root");
    std::fs::create_dir_all(&debs).map_err(|error| io_failure(&debs, &error))?;
    let packages = packages_to_fetch()?;
    cmd::tool(
        Command::new("apt-get")
            .current_dir(&debs)
            .args(["download", "--quiet"])
            .args(&packages),
        "apt-get download of Chromium and the libraries it needs (are the apt package lists there? `apt-get update` fetches them)",
    )?;
    for entry in std::fs::read_dir(&debs).map_err(|error| io_failure(&debs, &error))? {
        let deb = entry.map_err(|error| io_failure(&debs, &error))?.path();
        cmd::tool(
            Command::new("dpkg").arg("-x").arg(&deb).arg(&root),
            &format!("dpkg -x of {}", deb.display()),
        )?;
    }
    write_launcher(&launcher, &root)?;
    check(&launcher)?;
    std::fs::write(&stamp, packages.join("\n")).map_err(|error| io_failure(&stamp, &error))?;
    Ok(launcher)
}

/// `chromium` and the packages it needs, transitively, that are not installed.
fn packages_to_fetch() -> Outcome<Vec<String>> {
    let mut wanted = vec![PACKAGE.to_owned()];
    let mut seen = BTreeSet::new();
    while let Some(package) = wanted.pop() {
        if !seen.insert(package.clone()) {
            continue;
        }
        let listing = cmd::stdout(
            Command::new("apt-cache").args([
                "depends",
                "--no-recommends",
                "--no-suggests",
                "--no-conflicts",
                "--no-breaks",
                "--no-replaces",
                "--no-enhances",
                &package,
            ]),
            &format!("apt-cache depends {package}"),
        )?;
        for dependency in first_choices(&listing) {
            if !seen.contains(&dependency) && !installed(&dependency) {
                wanted.push(dependency);
            }
        }
    }
    Ok(seen.into_iter().collect())
}

/// The first choice of each dependency in `apt-cache depends` output: a line `|Depends: a`
/// says that the next line is another choice for the same dependency. Virtual packages
/// (`<name>`) are left to the choices that follow them.
fn first_choices(listing: &str) -> Vec<String> {
    let mut chosen = Vec::new();
    let mut in_group = false;
    let mut group_done = false;
    for line in listing.lines() {
        let line = line.trim();
        let (alternative, rest) = match line.strip_prefix('|') {
            Some(rest) => (true, rest),
            None => (false, line),
        };
        let Some(name) = rest
            .strip_prefix("Depends:")
            .or_else(|| rest.strip_prefix("PreDepends:"))
            .map(str::trim)
        else {
            continue;
        };
        if !in_group {
            group_done = false;
        }
        if !group_done && !name.starts_with('<') {
            chosen.push(name.to_owned());
            group_done = true;
        }
        in_group = alternative;
    }
    chosen
}

/// Whether dpkg has `package` installed.
fn installed(package: &str) -> bool {
    Command::new("dpkg-query")
        .args(["--show", "--showformat=${Status}", package])
        .output()
        .is_ok_and(|output| String::from_utf8_lossy(&output.stdout).ends_with("installed"))
}

/// Writes the launcher: the unpacked libraries' directories first on `LD_LIBRARY_PATH`.
fn write_launcher(launcher: &Path, root: &Path) -> Outcome<()> {
    let mut library_dirs = BTreeSet::new();
    shared_object_dirs(root, &mut library_dirs)?;
    let library_path: Vec<String> = library_dirs
        .iter()
        .map(|dir| dir.display().to_string())
        .collect();
    let script = format!(
        "#!/bin/sh\n# Headless Chromium unpacked from Debian packages by `cargo xtask test`.\n\
         LD_LIBRARY_PATH='{}'${{LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}} exec '{}' --headless --no-sandbox --disable-gpu --no-first-run \"$@\"\n",
        library_path.join(":"),
        root.join(EXECUTABLE).display()
    );
    std::fs::write(launcher, script).map_err(|error| io_failure(launcher, &error))?;
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(launcher, std::fs::Permissions::from_mode(0o755))
        .map_err(|error| io_failure(launcher, &error))
}

/// The directories under `dir` that hold shared objects (`*.so`, `*.so.*`).
fn shared_object_dirs(dir: &Path, found: &mut BTreeSet<PathBuf>) -> Outcome<()> {
    for entry in std::fs::read_dir(dir).map_err(|error| io_failure(dir, &error))? {
        let entry = entry.map_err(|error| io_failure(dir, &error))?;
        let path = entry.path();
        let kind = entry
            .file_type()
            .map_err(|error| io_failure(&path, &error))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if kind.is_dir() {
            shared_object_dirs(&path, found)?;
        } else if name.ends_with(".so") || name.contains(".so.") {
            found.insert(dir.to_path_buf());
        }
    }
    Ok(())
}

/// Fails unless the launcher starts the browser (`--version`), showing what it said.
fn check(launcher: &Path) -> Outcome<()> {
    let output = Command::new(launcher)
        .arg("--version")
        .output()
        .map_err(|error| Failure::new(format!("cannot start {}: {error}", launcher.display())))?;
    if output.status.success() {
        return Ok(());
    }
    Err(Failure::new(format!(
        "headless Chromium ({}) does not start: {}{}; remove target/chromium to provision it again",
        launcher.display(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )))
}

fn io_failure(path: &Path, error: &std::io::Error) -> Failure {
    Failure::new(format!("{}: {error}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_choice_of_each_dependency_is_taken() {
        let listing = "chromium\n  Depends: libasound2\n |Depends: libgtk-3-0\n  Depends: libgtk-4-1\n  PreDepends: dpkg\n |Depends: <libjpeg-dev>\n  Depends: libjpeg62-turbo\n  Depends: xdg-utils\n";
        assert_eq!(
            first_choices(listing),
            [
                "libasound2",
                "libgtk-3-0",
                "dpkg",
                "libjpeg62-turbo",
                "xdg-utils"
            ]
        );
    }
}
