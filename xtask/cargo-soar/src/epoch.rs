//! The bundle's timestamp, never the wall clock, so that bundling the same source twice gives
//! the same bytes:
//!
//! 1. `SOURCE_DATE_EPOCH`, when set (reproducible-builds.org);
//! 2. else the time of the last commit of the git repository that holds the project;
//! 3. else (no git, not a repository, no commit yet) the newest modification time among the
//!    connector package's own files, leaving out `target/` and hidden directories: the time
//!    its source last changed, which stays the same while nothing is edited.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::UNIX_EPOCH;

use crate::{Failure, Outcome};

/// The environment variable of reproducible builds: seconds since the Unix epoch.
pub const SOURCE_DATE_EPOCH: &str = "SOURCE_DATE_EPOCH";

/// The bundle's time in seconds since the Unix epoch, for the project at `root` whose connector
/// package is at `package_dir`.
pub fn source_date_epoch(root: &Path, package_dir: &Path) -> Outcome<u64> {
    if let Some(value) = std::env::var_os(SOURCE_DATE_EPOCH) {
        let text = value.to_string_lossy();
        return text.trim().parse().map_err(|_| {
            Failure::unusable(format!(
                "{SOURCE_DATE_EPOCH} is not a number of seconds: {text:?}"
            ))
        });
    }
    if let Some(seconds) = last_commit_time(root) {
        return Ok(seconds);
    }
    newest_modification(package_dir).ok_or_else(|| {
        Failure::new(format!(
            "no time for the bundle: {} is not in a git repository with a commit and has no readable files; set {SOURCE_DATE_EPOCH}",
            package_dir.display()
        ))
    })
}

/// The commit time of `HEAD` of the repository around `dir`, if there is one.
fn last_commit_time(dir: &Path) -> Option<u64> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["log", "-1", "--format=%ct"])
        .stderr(Stdio::null())
        .output()
        .ok()
        .filter(|output| output.status.success())?;
    String::from_utf8(output.stdout).ok()?.trim().parse().ok()
}

/// The newest modification time, in whole seconds, of the files under `dir` outside `target/`
/// and hidden directories.
fn newest_modification(dir: &Path) -> Option<u64> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_entry(|entry| {
            entry.depth() == 0 || {
                let name = entry.file_name().to_string_lossy();
                !name.starts_with('.') && name != "target"
            }
        })
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file())
        .filter_map(|entry| entry.metadata().ok()?.modified().ok())
        .filter_map(|time| time.duration_since(UNIX_EPOCH).ok())
        .map(|age| age.as_secs())
        .max()
}

/// `seconds` as the platform writes `utctime_updated`.
pub fn utc_timestamp(seconds: u64) -> Outcome<String> {
    i64::try_from(seconds)
        .ok()
        .and_then(soar_app_json::format_utc)
        .ok_or_else(|| Failure::unusable(format!("{seconds} is not a usable bundle time")))
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, SystemTime};

    use super::*;

    fn touch(path: &Path, seconds: u64) {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, "x").unwrap();
        std::fs::File::options()
            .append(true)
            .open(path)
            .unwrap()
            .set_modified(SystemTime::UNIX_EPOCH + Duration::from_secs(seconds))
            .unwrap();
    }

    #[test]
    fn outside_git_the_newest_source_file_gives_the_time() {
        let dir = tempfile::tempdir().unwrap();
        touch(&dir.path().join("Cargo.toml"), 1_700_000_000);
        touch(&dir.path().join("src/lib.rs"), 1_700_000_500);
        touch(&dir.path().join("target/debug/app"), 1_800_000_000);
        touch(&dir.path().join(".git/index"), 1_800_000_000);
        assert_eq!(newest_modification(dir.path()), Some(1_700_000_500));
        assert_eq!(last_commit_time(dir.path()), None);
    }

    #[test]
    fn timestamps_are_the_platforms() {
        assert_eq!(
            utc_timestamp(1_754_080_861).unwrap(),
            "2025-08-01T20:41:01.000000Z"
        );
        assert!(utc_timestamp(u64::MAX).is_err());
    }
}
