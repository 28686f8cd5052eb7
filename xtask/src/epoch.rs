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

/// `seconds` as the platform writes `utctime_updated`: `YYYY-MM-DDTHH:MM:SS.ffffffZ`.
pub fn utc_timestamp(seconds: u64) -> String {
    let days = seconds / 86_400;
    let rest = seconds % 86_400;
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.000000Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// The proleptic Gregorian date `days` after 1970-01-01 (H. Hinnant's `civil_from_days`).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let day_of_era = z % 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_in_the_platform_format() {
        assert_eq!(utc_timestamp(0), "1970-01-01T00:00:00.000000Z");
        assert_eq!(utc_timestamp(951_782_400), "2000-02-29T00:00:00.000000Z");
        assert_eq!(utc_timestamp(1_700_000_000), "2023-11-14T22:13:20.000000Z");
        assert_eq!(utc_timestamp(4_102_444_799), "2099-12-31T23:59:59.000000Z");
    }
}
