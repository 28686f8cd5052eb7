//! `kill_loop [--kills N] [--seed S]`: the crash-safety stress run of
//! [`soar_tests::kill_loop`], against the `poll_fixture` binary next to this one. Prints the
//! figures; exits 1 when the contract was broken. `cargo xtask killloop` builds and runs it.

use std::path::PathBuf;
use std::process::ExitCode;

use soar_tests::kill_loop::{Plan, run};

fn main() -> ExitCode {
    let mut kills = 1000;
    let mut seed = None;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().and_then(|value| value.parse::<u64>().ok());
        match (flag.as_str(), value) {
            ("--kills", Some(n)) => kills = u32::try_from(n).unwrap_or(u32::MAX),
            ("--seed", Some(s)) => seed = Some(s),
            _ => {
                eprintln!("usage: kill_loop [--kills N] [--seed S]");
                return ExitCode::from(2);
            }
        }
    }
    let seed = seed.unwrap_or_else(|| fastrand::u64(..));
    let binary = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|dir| dir.join("poll_fixture")))
        .unwrap_or_else(|| PathBuf::from("poll_fixture"));
    let work = match tempfile::tempdir() {
        Ok(work) => work,
        Err(error) => {
            eprintln!("kill_loop: no temporary directory: {error}");
            return ExitCode::FAILURE;
        }
    };
    println!("kill loop: {kills} kills, seed {seed} (repeat with --seed {seed})");
    let figures = run(
        &Plan {
            binary,
            kills,
            seed,
        },
        work.path(),
    );
    println!("{figures}");
    if figures.violations.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
