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
        .map(format_utc)
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
        .map(format_utc)
}

/// Seconds since the Unix epoch as the app JSON writes a time: `YYYY-MM-DDTHH:MM:SS.ffffffZ`.
pub fn format_utc(seconds: i64) -> String {
    let days = seconds.div_euclid(86_400);
    let second_of_day = seconds.rem_euclid(86_400);
    let (year, month, day) = civil_date(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.000000Z",
        second_of_day / 3600,
        second_of_day % 3600 / 60,
        second_of_day % 60
    )
}

/// The proleptic Gregorian date of a day number counted from 1970-01-01 (the well-known
/// era-based conversion: 400-year eras of 146097 days, years starting in March).
fn civil_date(days: i64) -> (i64, i64, i64) {
    let shifted = days + 719_468;
    let era = shifted.div_euclid(146_097);
    let day_of_era = shifted.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_epoch_seconds() {
        assert_eq!(format_utc(0), "1970-01-01T00:00:00.000000Z");
        assert_eq!(format_utc(951_782_400), "2000-02-29T00:00:00.000000Z");
        assert_eq!(format_utc(1_754_080_861), "2025-08-01T20:41:01.000000Z");
        assert_eq!(format_utc(-1), "1969-12-31T23:59:59.000000Z");
        assert_eq!(format_utc(4_102_444_800), "2100-01-01T00:00:00.000000Z");
    }
}
