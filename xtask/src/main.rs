//! Project tasks of this repository. Run `cargo xtask --help`.
//!
//! - `cargo xtask test`: provisions what the tests need, installs `cargo soar` and drives it as
//!   a user would (a new connector project outside the workspace, tested and bundled), bundles
//!   the examples, then runs the Rust tests and the Python end-to-end tests on Python 3.9 and
//!   3.13.
//! - `cargo xtask bundle [-p <package>] [--out <dir>]` and `cargo xtask validate <path>`: the
//!   `cargo soar` commands of the same names (the `cargo_soar` library), for this workspace,
//!   bundling the WHOIS example by default.
//! - `cargo xtask measure-new`: times a cold `cargo soar new` and first bundle, a bundle and a
//!   `cargo check` after editing one action.

mod chromium;
mod measure;
mod test;

use std::path::PathBuf;
use std::process::ExitCode;

use cargo_soar::{Failure, bundle};
use clap::{Parser, Subcommand};

/// The package bundled when none is named: the WHOIS example connector.
pub const DEFAULT_PACKAGE: &str = "whois";

#[derive(Debug, Parser)]
#[command(about = "Tasks of the SOAR connector framework workspace")]
struct Cli {
    #[command(subcommand)]
    task: Task,
}

#[derive(Debug, Subcommand)]
enum Task {
    /// Provision the test prerequisites, bundle the examples, run every test.
    Test {
        /// Extra arguments for `cargo test` (after `--`).
        #[arg(last = true)]
        cargo_args: Vec<String>,
    },
    /// Build the installable app tarball of a connector package of this workspace.
    Bundle {
        /// The connector package (default: the WHOIS example).
        #[arg(short, long)]
        package: Option<String>,
        /// Where to write the tarball and the app JSON (default: target/soar).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Report every finding of the strict validator for an app JSON, an app tarball or an app
    /// directory.
    Validate {
        /// An app JSON file, a `.tgz` app tarball or an unpacked app directory.
        path: PathBuf,
    },
    /// Time `cargo soar new` and the first bundle from cold, then a bundle and a `cargo check`
    /// after editing one action; prints the figures.
    MeasureNew,
}

fn main() -> ExitCode {
    let result = match Cli::parse().task {
        Task::Test { cargo_args } => test::run(&cargo_args),
        Task::Bundle { package, out } => bundle_workspace(package.as_deref(), out).map(|_| ()),
        Task::Validate { path } => cargo_soar::validate::run(&path),
        Task::MeasureNew => measure::run(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            if !failure.message.is_empty() {
                eprintln!("xtask: {}", failure.message);
            }
            ExitCode::from(failure.code)
        }
    }
}

/// Bundles `package` (default [`DEFAULT_PACKAGE`]) of this workspace into `out` (default
/// `target/soar`).
pub fn bundle_workspace(
    package: Option<&str>,
    out: Option<PathBuf>,
) -> Result<bundle::Bundle, Failure> {
    bundle::run(&bundle::Request {
        manifest_path: Some(workspace_root().join("Cargo.toml")),
        package: Some(package.unwrap_or(DEFAULT_PACKAGE).to_owned()),
        out: Some(out.unwrap_or_else(|| target_dir().join("soar"))),
    })
}

/// The workspace root (the parent of this crate's directory).
pub fn workspace_root() -> PathBuf {
    let manifest_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest_dir
        .parent()
        .map_or_else(|| manifest_dir.clone(), PathBuf::from)
}

/// The workspace's `target/` directory.
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| workspace_root().join("target"), PathBuf::from)
}
