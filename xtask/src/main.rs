//! Project tasks. Run `cargo xtask --help`.
//!
//! - `cargo xtask test`: provisions what the tests need (a private Python environment under
//!   `target/`), bundles the default connector (the WHOIS example) once, then runs the Rust
//!   tests and the Python end-to-end tests.
//! - `cargo xtask bundle [-p <package>] [--out <dir>]`: the installable app tarball.
//! - `cargo xtask validate <app.json | app.tgz>`: every finding of the strict validator.

mod appdoc;
mod bundle;
mod cmd;
mod epoch;
mod glibc;
mod layout;
mod logos;
mod main_module;
mod package;
mod provision;
mod report;
mod tarball;
mod test;
mod validate;
mod wheel;
mod wrapper;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(about = "Tasks of the SOAR connector framework workspace")]
struct Cli {
    #[command(subcommand)]
    task: Task,
}

#[derive(Debug, Subcommand)]
enum Task {
    /// Provision the test prerequisites, bundle the WHOIS example, run every test.
    Test {
        /// Extra arguments for `cargo test` (after `--`).
        #[arg(last = true)]
        cargo_args: Vec<String>,
    },
    /// Build the installable app tarball of a connector package.
    Bundle {
        /// The connector package (default: the WHOIS example).
        #[arg(short, long)]
        package: Option<String>,
        /// Where to write the tarball and the app JSON (default: target/soar).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Report every finding of the strict validator for an app JSON or an app tarball.
    Validate {
        /// An app JSON file, or a `.tgz` / `.tar.gz` app tarball.
        path: PathBuf,
    },
}

/// Why a task stopped: what to tell, and the exit code.
#[derive(Debug)]
pub struct Failure {
    message: String,
    code: u8,
}

impl Failure {
    /// A failure with exit code 1.
    pub fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            code: 1,
        }
    }

    /// A failure with exit code 2: an input that cannot be read.
    pub fn unreadable(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            code: 2,
        }
    }
}

/// The result of a step of a task.
pub type Outcome<T> = Result<T, Failure>;

fn main() -> ExitCode {
    let result = match Cli::parse().task {
        Task::Test { cargo_args } => test::run(&cargo_args),
        Task::Bundle { package, out } => bundle::run(package.as_deref(), out).map(|_| ()),
        Task::Validate { path } => validate::run(&path),
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
