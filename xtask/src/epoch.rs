//! The bundle's timestamp: `SOURCE_DATE_EPOCH` when set, else the time of the last commit;
//! never the wall clock, so that bundling the same source twice gives the same bytes.

use std::process::Command;

use crate::{Failure, Outcome, cmd};

/// The bundle's time in seconds since the Unix epoch.
pub fn source_date_epoch() -> Outcome<u64> {
    if let Some(value) = std::env::var_os("SOURCE_DATE_EPOCH") {
        let text = value.to_string_lossy();
        return text.trim().parse().map_err(|_| {
            Failure::new(format!(
                "SOURCE_DATE_EPOCH is not a number of seconds: {text:?}"
            ))
        });
    }
    let printed = cmd::stdout(
        Command::new("git")
            .current_dir(crate::workspace_root())
            .args(["log", "-1", "--format=%ct"]),
        "git log (set SOURCE_DATE_EPOCH outside a git checkout)",
    )?;
    printed
        .trim()
        .parse()
        .map_err(|_| Failure::new(format!("git printed no commit time: {printed:?}")))
}

/// `seconds` as the platform writes `utctime_updated` (the runtime's formatting).
pub fn utc_timestamp(seconds: u64) -> Outcome<String> {
    i64::try_from(seconds)
        .ok()
        .and_then(soar_runtime::time::format_utc)
        .ok_or_else(|| Failure::new(format!("SOURCE_DATE_EPOCH {seconds} is not a usable time")))
}
