//! The `utctime_updated` of the app JSON: never the wall clock, so that builds are
//! reproducible (the Decisions of `design.md`). It is the time `SOURCE_DATE_EPOCH` names when
//! that is set, else the last commit's time (the `app-json` command asks git).

use std::process::Command;

/// The environment variable of reproducible builds: seconds since the Unix epoch.
pub const SOURCE_DATE_EPOCH: &str = "SOURCE_DATE_EPOCH";

/// `utctime_updated` from `SOURCE_DATE_EPOCH`, if it is set to a number of seconds.
pub fn source_date() -> Option<String> {
    std::env::var(SOURCE_DATE_EPOCH)
        .ok()
        .and_then(|seconds| seconds.trim().parse().ok())
        .and_then(format_utc)
}

/// `utctime_updated` from the time of the last commit of the git checkout around the current
/// directory, if there is one and git is installed.
pub fn last_commit_date() -> Option<String> {
    let output = Command::new("git")
        .args(["log", "-1", "--format=%ct"])
        .output()
        .ok()
        .filter(|output| output.status.success())?;
    String::from_utf8(output.stdout)
        .ok()?
        .trim()
        .parse()
        .ok()
        .and_then(format_utc)
}

pub use crate::app_json::format_utc;
