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

/// Seconds since the Unix epoch as the app JSON writes a time: `YYYY-MM-DDTHH:MM:SS.ffffffZ`.
/// `None` for a time outside the years -9999 to 9999.
pub fn format_utc(seconds: i64) -> Option<String> {
    let time = time::OffsetDateTime::from_unix_timestamp(seconds).ok()?;
    Some(format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.000000Z",
        time.year(),
        u8::from(time.month()),
        time.day(),
        time.hour(),
        time.minute(),
        time.second()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_epoch_seconds() {
        let format = |seconds| format_utc(seconds).unwrap();
        assert_eq!(format(0), "1970-01-01T00:00:00.000000Z");
        assert_eq!(format(951_782_400), "2000-02-29T00:00:00.000000Z");
        assert_eq!(format(1_754_080_861), "2025-08-01T20:41:01.000000Z");
        assert_eq!(format(-1), "1969-12-31T23:59:59.000000Z");
        assert_eq!(format(4_102_444_800), "2100-01-01T00:00:00.000000Z");
        assert_eq!(format_utc(i64::MAX), None);
    }
}
