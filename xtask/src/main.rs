//! Project tasks: `cargo xtask test` provisions what the test suite needs beyond cargo and
//! runs it. Run `cargo xtask --help`.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(about = "Tasks of the SOAR connector framework workspace")]
struct Cli {
    #[command(subcommand)]
    task: Task,
}

#[derive(Debug, Subcommand)]
enum Task {
    /// Provision the test prerequisites, then run `cargo test --workspace`.
    Test {
        /// Extra arguments for `cargo test` (after `--`).
        #[arg(last = true)]
        cargo_args: Vec<String>,
    },
}

fn main() -> ExitCode {
    match Cli::parse().task {
        Task::Test { cargo_args } => test(&cargo_args),
    }
}

/// The workspace root (the parent of this crate's directory).
fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives inside the workspace")
        .to_path_buf()
}

/// `cargo xtask test`: checks that the shared corpus is beside the checkout, then runs the
/// whole test suite.
fn test(cargo_args: &[String]) -> ExitCode {
    let root = workspace_root();
    let corpus = root.join("../shared/corpus");
    if !corpus.is_dir() {
        eprintln!(
            "xtask test: the shared corpus is missing: expected it at {} (shared/ beside the checkout)",
            corpus.display()
        );
        return ExitCode::FAILURE;
    }
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    eprintln!(
        "xtask test: cargo test --workspace {}",
        cargo_args.join(" ")
    );
    let status = Command::new(cargo)
        .current_dir(&root)
        .args(["test", "--workspace"])
        .args(cargo_args)
        .status();
    match status {
        Ok(status) if status.success() => ExitCode::SUCCESS,
        Ok(_) => ExitCode::FAILURE,
        Err(error) => {
            eprintln!("xtask test: cannot run cargo: {error}");
            ExitCode::FAILURE
        }
    }
}
