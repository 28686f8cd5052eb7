//! Running the tools a command needs, with errors that say which tool and why.

use std::os::fd::AsFd;
use std::process::{Command, Stdio};

use crate::{Failure, Outcome};

/// Runs `command` with its output shown; fails unless it exits 0.
pub fn run(command: &mut Command, what: &str) -> Outcome<()> {
    let status = command
        .status()
        .map_err(|error| Failure::new(format!("cannot run {what}: {error}")))?;
    if status.success() {
        Ok(())
    } else {
        Err(Failure::new(format!("{what} failed ({status})")))
    }
}

/// As [`run`], for a build tool: its standard output goes to standard error too, which keeps
/// standard output for the command's own result.
pub fn tool(command: &mut Command, what: &str) -> Outcome<()> {
    if let Ok(stderr) = std::io::stderr().as_fd().try_clone_to_owned() {
        command.stdout(Stdio::from(stderr));
    }
    run(command, what)
}

/// Runs `command` and returns its standard output (standard error shown); fails unless it
/// exits 0.
pub fn stdout(command: &mut Command, what: &str) -> Outcome<String> {
    let output = command
        .stderr(Stdio::inherit())
        .output()
        .map_err(|error| Failure::new(format!("cannot run {what}: {error}")))?;
    if !output.status.success() {
        return Err(Failure::new(format!("{what} failed ({})", output.status)));
    }
    String::from_utf8(output.stdout)
        .map_err(|_| Failure::new(format!("{what} printed text that is not UTF-8")))
}

/// Builds the binary `bin` of package `package` in the workspace at `root` (debug profile,
/// into `target_dir`) and returns its path.
pub fn cargo_binary(
    root: &std::path::Path,
    target_dir: &std::path::Path,
    package: &str,
    bin: &str,
) -> Outcome<std::path::PathBuf> {
    tool(
        cargo()
            .current_dir(root)
            .args(["build", "--quiet", "--package", package, "--bin", bin]),
        &format!("cargo build of {package}"),
    )?;
    Ok(target_dir
        .join("debug")
        .join(format!("{bin}{}", std::env::consts::EXE_SUFFIX)))
}

/// The `cargo` that runs this tool (`$CARGO` when cargo started it).
pub fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}
