//! Project tasks of this repository. Run `cargo xtask --help`.
//!
//! - `cargo xtask test`: provisions what the tests need, installs `cargo soar` and drives it as
//!   a user would (a new connector project outside the workspace, tested and bundled), bundles
//!   the examples, then runs the Rust tests and the Python end-to-end tests on Python 3.9 and
//!   3.13.
//! - `cargo xtask bundle [-p <package>] [--out <dir>]` and `cargo xtask validate <path>`: the
//!   `cargo soar` commands of the same names (the `cargo_soar` library), for this workspace,
//!   bundling the WHOIS example by default.
//! - `cargo xtask roundtrip [app.json ...]`: imports the corpus apps (or the ones named) with
//!   `cargo soar import`, builds them in one workspace and compares each connector's app JSON
//!   with its original (the rules are in `docs/import-round-trip.md`).
//! - `cargo xtask fuzz [target] [--runs N | --time S] [--merge]`: coverage-guided fuzzing with
//!   libFuzzer on stable Rust (docs/fuzzing.md).
//! - `cargo xtask killloop [--kills N] [--seed S]`: SIGKILLs polls and vault writes of a
//!   connector binary at random moments and checks the local store after each; prints the
//!   figures.
//! - `cargo xtask measure-new`: times a cold `cargo soar new` and first bundle, a bundle and a
//!   `cargo check` after editing one action.

mod chromium;
mod fuzz;
mod kill_loop;
mod measure;
mod roundtrip;
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
    /// Import the corpus apps (or the named ones), build them and compare their app JSON with
    /// the originals; prints the differences and the time.
    Roundtrip {
        /// App JSON files (default: every app of tests/corpus/apps).
        apps: Vec<PathBuf>,
    },
    /// Fuzz one target (or each in turn) with libFuzzer on stable Rust; see docs/fuzzing.md.
    Fuzz {
        /// The target: pipeline, app_json, values, whois or state_file (default: each).
        target: Option<String>,
        /// Run this many inputs per target.
        #[arg(long, conflicts_with = "time")]
        runs: Option<u64>,
        /// Run this many seconds per target (default: 60).
        #[arg(long)]
        time: Option<u64>,
        /// Minimise the corpus into `soar-fuzz/corpus/<target>` afterwards.
        #[arg(long)]
        merge: bool,
    },
    /// SIGKILL polls and vault writes of a connector binary at random moments and check the
    /// local store after each (crash safety); prints the figures.
    Killloop {
        /// How many runs are killed.
        #[arg(long, default_value_t = 1000)]
        kills: u32,
        /// The seed of the kill moments (default: random, printed).
        #[arg(long)]
        seed: Option<u64>,
    },
}

fn main() -> ExitCode {
    let result = match Cli::parse().task {
        Task::Test { cargo_args } => test::run(&cargo_args),
        Task::Bundle { package, out } => bundle_workspace(package.as_deref(), out).map(|_| ()),
        Task::Validate { path } => cargo_soar::validate::run(&path),
        Task::MeasureNew => measure::run(),
        Task::Roundtrip { apps } => roundtrip::run(&apps),
        Task::Fuzz {
            target,
            runs,
            time,
            merge,
        } => fuzz::run(&fuzz::Request {
            target,
            budget: runs.map_or(
                fuzz::Budget::Seconds(time.unwrap_or(60)),
                fuzz::Budget::Runs,
            ),
            merge,
        }),
        Task::Killloop { kills, seed } => kill_loop::run(kills, seed),
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
