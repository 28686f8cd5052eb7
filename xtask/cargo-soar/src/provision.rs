//! Private Python environments for the tools a bundle needs (maturin builds the wheel, zig
//! links it against glibc 2.28), created with the machine's `python3` and filled from PyPI
//! with pinned versions, once.
//!
//! The bundle tools live in a per-user cache shared by every project:
//! `$SOAR_CACHE_DIR`, else `$XDG_CACHE_HOME/cargo-soar`, else `~/.cache/cargo-soar`; the
//! environment is `tools-<pins>/` there. A stamp file lists what is installed, so a provisioned
//! machine starts no Python to bundle; a lock file keeps two bundles from provisioning at once.

use std::collections::BTreeSet;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{Failure, Outcome, cmd};

/// What `cargo soar bundle` needs, pinned.
pub const BUNDLE_TOOLS: &[&str] = &["maturin==1.16.0", "ziglang==0.15.2"];

/// The environment variable that overrides the cache directory.
pub const CACHE_DIR_VARIABLE: &str = "SOAR_CACHE_DIR";

/// The file that lists the requirements installed so far, one a line.
const STAMP: &str = "soar-provisioned.txt";

/// The per-user cache directory of this tool.
pub fn cache_dir() -> Outcome<PathBuf> {
    let from = |name: &str| std::env::var_os(name).filter(|value| !value.is_empty());
    if let Some(dir) = from(CACHE_DIR_VARIABLE) {
        return Ok(PathBuf::from(dir));
    }
    if let Some(dir) = from("XDG_CACHE_HOME") {
        return Ok(PathBuf::from(dir).join("cargo-soar"));
    }
    from("HOME")
        .map(|home| PathBuf::from(home).join(".cache/cargo-soar"))
        .ok_or_else(|| {
            Failure::unusable(format!(
                "no cache directory for the bundle tools: set {CACHE_DIR_VARIABLE} (or XDG_CACHE_HOME or HOME)"
            ))
        })
}

/// The environment of the bundle tools in the per-user cache, provisioned.
pub fn bundle_tools() -> Outcome<Venv> {
    let dir = cache_dir()?.join(format!("tools-{}", BUNDLE_TOOLS.join("-")));
    Venv::ensure(&dir, &[BUNDLE_TOOLS])
}

/// A provisioned Python environment.
#[derive(Debug, Clone)]
pub struct Venv {
    dir: PathBuf,
}

impl Venv {
    /// The environment at `dir` with every requirement of each list installed; creates it
    /// with the machine's `python3` and fills it as needed, showing progress on standard error.
    pub fn ensure(dir: &Path, lists: &[&[&str]]) -> Outcome<Self> {
        Self::ensure_with(Path::new("python3"), dir, lists)
    }

    /// As [`Venv::ensure`], creating the environment with the interpreter `python`.
    pub fn ensure_with(python: &Path, dir: &Path, lists: &[&[&str]]) -> Outcome<Self> {
        let venv = Self {
            dir: dir.to_path_buf(),
        };
        let wanted: Vec<&str> = lists.iter().flat_map(|list| list.iter().copied()).collect();
        if venv.missing(&wanted).is_empty() {
            return Ok(venv);
        }
        let _lock = venv.lock()?;
        // Another process may have provisioned it while this one waited for the lock.
        let missing = venv.missing(&wanted);
        if missing.is_empty() {
            return Ok(venv);
        }
        if !venv.python().is_file() {
            eprintln!(
                "provision: creating a Python environment in {} (once)",
                venv.dir.display()
            );
            cmd::tool(
                Command::new(python).args(["-m", "venv"]).arg(&venv.dir),
                &format!(
                    "{} -m venv (Python 3.9 or later with the venv module is needed)",
                    python.display()
                ),
            )?;
        }
        eprintln!("provision: installing {} from PyPI", missing.join(" "));
        cmd::tool(
            Command::new(venv.python())
                .args(["-m", "pip", "install", "--disable-pip-version-check"])
                .args(&missing),
            "pip install",
        )?;
        let mut installed = venv.installed();
        installed.extend(missing.iter().map(|requirement| (*requirement).to_owned()));
        let stamp = installed.into_iter().collect::<Vec<_>>().join("\n") + "\n";
        std::fs::write(venv.dir.join(STAMP), stamp).map_err(|error| {
            Failure::new(format!("cannot write the provisioning stamp: {error}"))
        })?;
        Ok(venv)
    }

    /// The wanted requirements that the stamp does not list.
    fn missing<'a>(&self, wanted: &[&'a str]) -> Vec<&'a str> {
        let installed = self.installed();
        wanted
            .iter()
            .copied()
            .filter(|requirement| !installed.contains(*requirement))
            .collect()
    }

    /// An exclusive lock on the environment, held while it is provisioned.
    fn lock(&self) -> Outcome<File> {
        let path = self.dir.with_extension("lock");
        let failed = |error: std::io::Error| {
            Failure::new(format!("cannot lock {}: {error}", path.display()))
        };
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(failed)?;
        }
        let file = File::create(&path).map_err(failed)?;
        file.lock().map_err(failed)?;
        Ok(file)
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
