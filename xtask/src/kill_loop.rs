//! `cargo xtask killloop [--kills N] [--seed S]`: the crash-safety stress run (issue 12,
//! section 6). Builds the slow feed's binary and the loop's driver (`soar_tests::kill_loop`,
//! debug profile, shared with the tests' build), runs the driver, which prints the figures,
//! and fails when the contract was broken.

use cargo_soar::{Outcome, cmd};

use crate::{target_dir, workspace_root};

/// Builds the binaries and runs the loop.
pub fn run(kills: u32, seed: Option<u64>) -> Outcome<()> {
    cmd::tool(
        cmd::cargo().current_dir(workspace_root()).args([
            "build",
            "-p",
            "soar-tests",
            "--bin",
            "poll_fixture",
            "--bin",
            "kill_loop",
        ]),
        "cargo build of the kill loop",
    )?;
    let mut driver = std::process::Command::new(target_dir().join("debug/kill_loop"));
    driver.args(["--kills", &kills.to_string()]);
    if let Some(seed) = seed {
        driver.args(["--seed", &seed.to_string()]);
    }
    cmd::run(&mut driver, "the kill loop")
}
