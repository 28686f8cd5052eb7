//! `cargo xtask fuzz [target] [--runs N | --time S] [--merge]`: coverage-guided fuzzing with
//! libFuzzer on stable Rust (docs/fuzzing.md).
//!
//! The `soar-fuzz` binary is built with the instrumentation `cargo fuzz` would ask of a
//! nightly compiler, spelled with stable flags: `--cfg fuzzing` (which links libFuzzer) and
//! LLVM's SanitizerCoverage pass with 8-bit counters, the PC table and compare tracing. No
//! sanitizer runs (`-Zsanitizer` is nightly-only); the `fuzz` profile keeps debug assertions
//! and overflow checks so that they crash instead. It goes to its own target directory,
//! `target/fuzz`, since every crate is instrumented.
//!
//! Each target fuzzes a working corpus under `target/fuzz/corpus/<target>` (new inputs land
//! there) that starts from the committed one, `soar-fuzz/corpus/<target>`. `--merge` then
//! minimises both into a fresh directory and makes it the committed corpus: libFuzzer's
//! `-set_cover_merge=1` keeps a small set of inputs that covers every edge the inputs cover,
//! and `-use_counters=0` counts edges only, not how often each ran (with the counters, a
//! corpus keeps thousands of inputs that differ only in loop counts).

use std::path::{Path, PathBuf};
use std::process::Command;

use cargo_soar::{Failure, Outcome, cmd};

use crate::{target_dir, workspace_root};

/// The Rust target triple the fuzzing binary is built for. Naming it keeps `RUSTFLAGS` off
/// build scripts and proc macros, which must not be instrumented.
const TRIPLE: &str = "x86_64-unknown-linux-gnu";

/// The stable compiler flags of a libFuzzer build.
const RUSTFLAGS: &[&str] = &[
    "--cfg fuzzing",
    "-Cpasses=sancov-module",
    "-Cllvm-args=-sanitizer-coverage-level=4",
    "-Cllvm-args=-sanitizer-coverage-inline-8bit-counters",
    "-Cllvm-args=-sanitizer-coverage-pc-table",
    "-Cllvm-args=-sanitizer-coverage-trace-compares",
];

/// How long each target runs.
#[derive(Debug, Clone, Copy)]
pub enum Budget {
    /// This many inputs (libFuzzer's `-runs`).
    Runs(u64),
    /// This many seconds (libFuzzer's `-max_total_time`).
    Seconds(u64),
}

/// What `cargo xtask fuzz` was asked.
#[derive(Debug)]
pub struct Request {
    /// One target, or all of them in turn.
    pub target: Option<String>,
    /// How long each target runs.
    pub budget: Budget,
    /// Minimise the corpus into `soar-fuzz/corpus/<target>` afterwards.
    pub merge: bool,
}

/// A target as the fuzzing binary lists it.
struct Listed {
    name: String,
    max_len: String,
}

/// Builds the fuzzing binary and fuzzes the target asked (or each in turn).
pub fn run(request: &Request) -> Outcome<()> {
    let binary = build()?;
    let listed = list(&binary)?;
    let chosen: Vec<&Listed> = match &request.target {
        None => listed.iter().collect(),
        Some(name) => vec![listed.iter().find(|t| &t.name == name).ok_or_else(|| {
            let names: Vec<&str> = listed.iter().map(|t| t.name.as_str()).collect();
            Failure::new(format!(
                "no fuzz target {name:?} (targets: {})",
                names.join(", ")
            ))
        })?],
    };
    for target in chosen {
        fuzz(&binary, target, request)?;
    }
    Ok(())
}

/// Builds `soar-fuzz` instrumented, with the `fuzz` profile, into `target/fuzz`.
fn build() -> Outcome<PathBuf> {
    let dir = fuzz_dir();
    cmd::tool(
        cmd::cargo()
            .current_dir(workspace_root())
            .env("RUSTFLAGS", RUSTFLAGS.join(" "))
            .args(["build", "--profile", "fuzz", "-p", "soar-fuzz", "--bin"])
            .args(["soar-fuzz", "--target", TRIPLE, "--target-dir"])
            .arg(&dir),
        "cargo build of the fuzzing binary",
    )?;
    Ok(dir.join(TRIPLE).join("fuzz/soar-fuzz"))
}

/// The targets the binary knows, with their `max_len`.
fn list(binary: &Path) -> Outcome<Vec<Listed>> {
    let text = cmd::stdout(
        Command::new(binary).env("SOAR_FUZZ_TARGET", "--list"),
        "soar-fuzz --list",
    )?;
    Ok(text
        .lines()
        .filter_map(|line| line.split_once(' '))
        .map(|(name, max_len)| Listed {
            name: name.to_owned(),
            max_len: max_len.to_owned(),
        })
        .collect())
}

/// Fuzzes one target for the budget, then minimises its corpus when asked.
fn fuzz(binary: &Path, target: &Listed, request: &Request) -> Outcome<()> {
    let committed = workspace_root().join("soar-fuzz/corpus").join(&target.name);
    let working = fuzz_dir().join("corpus").join(&target.name);
    let artifacts = fuzz_dir().join("artifacts").join(&target.name);
    for dir in [&committed, &working, &artifacts] {
        create_dir(dir)?;
    }
    let budget = match request.budget {
        Budget::Runs(runs) => format!("-runs={runs}"),
        Budget::Seconds(seconds) => format!("-max_total_time={seconds}"),
    };
    eprintln!("xtask: fuzzing {} ({budget})", target.name);
    cmd::run(
        libfuzzer(binary, target)
            .arg(budget)
            .arg(format!("-artifact_prefix={}/", artifacts.display()))
            .arg("-print_final_stats=1")
            .arg(&working)
            .arg(&committed),
        &format!("fuzz target {}", target.name),
    )?;
    if request.merge {
        merge(binary, target, &committed, &working)?;
    }
    Ok(())
}

/// Minimises the committed and the working corpus into a fresh directory, which replaces the
/// committed one.
fn merge(binary: &Path, target: &Listed, committed: &Path, working: &Path) -> Outcome<()> {
    let fresh = fuzz_dir().join("merged").join(&target.name);
    if fresh.exists() {
        std::fs::remove_dir_all(&fresh).map_err(|error| io_failure(&fresh, error))?;
    }
    create_dir(&fresh)?;
    cmd::run(
        libfuzzer(binary, target)
            .args(["-set_cover_merge=1", "-use_counters=0"])
            .arg(&fresh)
            .arg(committed)
            .arg(working),
        &format!("merge of the {} corpus", target.name),
    )?;
    std::fs::remove_dir_all(committed).map_err(|error| io_failure(committed, error))?;
    std::fs::rename(&fresh, committed).map_err(|error| io_failure(committed, error))?;
    let kept = std::fs::read_dir(committed)
        .map_err(|error| io_failure(committed, error))?
        .count();
    eprintln!(
        "xtask: {} corpus minimised to {kept} files in {}",
        target.name,
        committed.display()
    );
    Ok(())
}

/// The fuzzing binary set up for `target`.
fn libfuzzer(binary: &Path, target: &Listed) -> Command {
    let mut command = Command::new(binary);
    command
        .env("SOAR_FUZZ_TARGET", &target.name)
        .arg(format!("-max_len={}", target.max_len));
    command
}

/// `target/fuzz`: the instrumented build, the working corpora and the crashes found.
fn fuzz_dir() -> PathBuf {
    target_dir().join("fuzz")
}

fn create_dir(dir: &Path) -> Outcome<()> {
    std::fs::create_dir_all(dir).map_err(|error| io_failure(dir, error))
}

fn io_failure(path: &Path, error: std::io::Error) -> Failure {
    Failure::new(format!("{}: {error}", path.display()))
}
