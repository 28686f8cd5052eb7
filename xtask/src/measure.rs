//! `cargo xtask measure-new`: what a new user waits for, measured (a benchmark, not a test).
//!
//! From cold (an empty per-user cache, so maturin and zig are provisioned, and a new target
//! directory): `cargo soar new` plus the first `cargo soar bundle`; then, after editing one
//! action, `cargo soar bundle` again, and `cargo check` (after a first check, as an editor
//! runs it). The goals of issue 9 are printed
//! beside the figures: 4 minutes, 30 seconds and 3 seconds.

use std::path::Path;
use std::time::{Duration, Instant};

use cargo_soar::{Failure, Outcome, cmd};

use crate::test::user_cargo;
use crate::{target_dir, workspace_root};

/// The line of the new project's action that each edit changes.
const EDITED_LINE: &str = "has {} labels";

/// Runs the measurement and prints the figures.
pub fn run() -> Outcome<()> {
    let root = workspace_root();
    let scratch = tempfile::Builder::new()
        .prefix("soar-measure-")
        .tempdir()
        .map_err(|error| Failure::new(format!("no temporary directory: {error}")))?;
    let tools = target_dir().join("soar-tools/bin");
    if !tools.join("cargo-soar").is_file() {
        return Err(Failure::new(
            "run `cargo xtask test` first: it installs cargo soar into target/soar-tools",
        ));
    }
    let cache = scratch.path().join("cache");
    let target = scratch.path().join("target");
    let project = scratch.path().join("measured");
    let user = |dir: &Path| {
        let mut command = user_cargo(&tools, dir);
        command
            .env("CARGO_TARGET_DIR", &target)
            .env(cargo_soar::provision::CACHE_DIR_VARIABLE, &cache);
        command
    };
    let cold = time(|| {
        cmd::tool(
            user(scratch.path())
                .args(["soar", "new", "measured", "--runtime-path"])
                .arg(&root),
            "cargo soar new",
        )?;
        cmd::tool(user(&project).args(["soar", "bundle"]), "cargo soar bundle")
    })?;
    edit(&project, "has {} labels now")?;
    let rebundle =
        time(|| cmd::tool(user(&project).args(["soar", "bundle"]), "cargo soar bundle"))?;
    // A developer's editor has checked the project before: the first check builds the
    // dependencies' metadata, which is not what an edit costs.
    cmd::tool(user(&project).arg("check"), "cargo check")?;
    edit(&project, "has {} labels again")?;
    let check = time(|| cmd::tool(user(&project).arg("check"), "cargo check"))?;
    println!(
        "cold cargo soar new + first cargo soar bundle (provisioning included): {} (goal 240 s)",
        seconds(cold)
    );
    println!(
        "cargo soar bundle after editing one action: {} (goal 30 s)",
        seconds(rebundle)
    );
    println!(
        "cargo check after editing one action: {} (goal 3 s)",
        seconds(check)
    );
    Ok(())
}

/// How long `step` took.
fn time(step: impl FnOnce() -> Outcome<()>) -> Outcome<Duration> {
    let start = Instant::now();
    step()?;
    Ok(start.elapsed())
}

/// Changes the message of the new project's action (the edit a developer makes).
fn edit(project: &Path, replacement: &str) -> Outcome<()> {
    let lib = project.join("src/lib.rs");
    let text = std::fs::read_to_string(&lib)
        .map_err(|error| Failure::new(format!("cannot read {}: {error}", lib.display())))?;
    let edited = text.replacen(EDITED_LINE, replacement, 1);
    if edited == text {
        return Err(Failure::new(format!(
            "{} no longer says {EDITED_LINE:?}: update the edit of measure-new",
            lib.display()
        )));
    }
    std::fs::write(&lib, edited)
        .map_err(|error| Failure::new(format!("cannot write {}: {error}", lib.display())))
}

fn seconds(duration: Duration) -> String {
    format!("{:.1} s", duration.as_secs_f64())
}
