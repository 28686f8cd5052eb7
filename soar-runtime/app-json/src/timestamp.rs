//! `utctime_updated`: how the app JSON writes a time.

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
