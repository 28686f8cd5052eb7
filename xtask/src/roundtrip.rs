//! `cargo xtask roundtrip [app.json ...]`: the metadata round trip of `cargo soar import` over
//! the corpus apps (all 67 unless some are named), in one generated workspace under
//! `target/roundtrip/`; prints how many come back equal, every remaining difference, and the
//! time it took. Exit 1 when an app does not come back equal.

use std::path::PathBuf;
use std::time::Instant;

use cargo_soar::import::roundtrip;
use cargo_soar::new::RuntimeDependency;
use cargo_soar::{Failure, Outcome};

use crate::{target_dir, workspace_root};

/// Runs the round trip over `apps` (default: every corpus app).
pub fn run(apps: &[PathBuf]) -> Outcome<()> {
    let started = Instant::now();
    let apps = if apps.is_empty() {
        corpus_apps()?
    } else {
        apps.to_vec()
    };
    let dir = target_dir().join("roundtrip");
    std::fs::create_dir_all(&dir)
        .map_err(|error| Failure::new(format!("cannot create {}: {error}", dir.display())))?;
    let outcomes = roundtrip::run(&apps, &dir, &RuntimeDependency::Path(workspace_root()))?;
    roundtrip::print(&outcomes);
    println!(
        "round trip of {} apps took {:.0?}",
        apps.len(),
        started.elapsed()
    );
    if outcomes
        .iter()
        .all(|outcome| outcome.differences.is_empty())
    {
        Ok(())
    } else {
        Err(Failure::new(""))
    }
}

/// The corpus's app JSON files, sorted.
fn corpus_apps() -> Outcome<Vec<PathBuf>> {
    let dir = workspace_root().join("tests/corpus/apps");
    let mut apps: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|error| Failure::new(format!("cannot list {}: {error}", dir.display())))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| {
            path.extension()
                .is_some_and(|extension| extension == "json")
        })
        .collect();
    apps.sort();
    Ok(apps)
}
