//! The private Python environment under `target/soar-venv/`: created with the machine's
//! `python3`, filled from PyPI with pinned build and test tools, and remembered by a stamp file
//! so that a provisioned checkout starts no Python at all.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{Failure, Outcome, cmd};

/// What `cargo xtask bundle` needs: maturin builds the wheel, zig links it against glibc 2.28.
pub const BUNDLE_TOOLS: &[&str] = &["maturin==1.16.0", "ziglang==0.15.2"];

/// What the end-to-end tests need besides the bundle tools.
pub const TEST_TOOLS: &[&str] = &[
    "auditwheel==6.8.2",
    "pytest==9.2.0",
    "splunk-soar-sdk==2.3.7",
];

/// The file that lists the requirements installed so far, one a line.
const STAMP: &str = "soar-provisioned.txt";

/// A provisioned Python environment.
#[derive(Debug, Clone)]
pub struct Venv {
    dir: PathBuf,
}

impl Venv {
    /// The environment with every requirement of each list installed; creates and fills it
    /// as needed, showing progress.
    pub fn ensure(lists: &[&[&str]]) -> Outcome<Self> {
        let venv = Self {
            dir: crate::target_dir().join("soar-venv"),
        };
        if !venv.python().is_file() {
            eprintln!(
                "provision: creating a Python environment in {}",
                venv.dir.display()
            );
            cmd::tool(
                Command::new("python3").args(["-m", "venv"]).arg(&venv.dir),
                "python3 -m venv (Python 3.9 or later with the venv module is needed)",
            )?;
        }
        let mut installed = venv.installed();
        let missing: Vec<&str> = lists
            .iter()
            .flat_map(|list| list.iter().copied())
            .filter(|requirement| !installed.contains(*requirement))
            .collect();
        if missing.is_empty() {
            return Ok(venv);
        }
        eprintln!("provision: installing {} from PyPI", missing.join(" "));
        cmd::tool(
            Command::new(venv.python())
                .args(["-m", "pip", "install", "--disable-pip-version-check"])
                .args(&missing),
            "pip install",
        )?;
        installed.extend(missing.iter().map(|requirement| (*requirement).to_owned()));
        let stamp = installed.into_iter().collect::<Vec<_>>().join("\n") + "\n";
        std::fs::write(venv.dir.join(STAMP), stamp).map_err(|error| {
            Failure::new(format!("cannot write the provisioning stamp: {error}"))
        })?;
        Ok(venv)
    }

    /// The requirements the stamp lists.
    fn installed(&self) -> BTreeSet<String> {
        std::fs::read_to_string(self.dir.join(STAMP))
            .unwrap_or_default()
            .lines()
            .filter(|line| !line.is_empty())
            .map(ToOwned::to_owned)
            .collect()
    }

    /// The environment's `bin/` directory.
    pub fn bin_dir(&self) -> PathBuf {
        self.dir.join("bin")
    }

    /// The environment's Python interpreter.
    pub fn python(&self) -> PathBuf {
        self.bin_dir().join("python")
    }

    /// A command running a tool installed in the environment, with the environment's `bin/`
    /// first on `PATH` (maturin finds zig there).
    pub fn command(&self, tool: &str) -> Command {
        let mut command = Command::new(self.bin_dir().join(tool));
        command.env("PATH", path_with(&self.bin_dir()));
        command.env("VIRTUAL_ENV", &self.dir);
        command
    }
}

/// `PATH` with `dir` first.
fn path_with(dir: &Path) -> std::ffi::OsString {
    let mut paths = vec![dir.to_path_buf()];
    if let Some(path) = std::env::var_os("PATH") {
        paths.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(paths).unwrap_or_else(|_| dir.as_os_str().to_owned())
}
