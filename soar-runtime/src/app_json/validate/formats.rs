//! The CI schema's `format` keywords used by the app JSON: `uuid` and `date-time`.

/// A hyphenated UUID: 36 characters, hyphens at 8, 13, 18 and 23, hex digits (either case)
/// elsewhere.
pub(super) fn is_uuid(text: &str) -> bool {
    text.len() == 36
        && text.bytes().enumerate().all(|(index, b)| match index {
            8 | 13 | 18 | 23 => b == b'-',
            _ => b.is_ascii_hexdigit(),
        })
}

/// An RFC 3339 date-time: `full-date "T" full-time`, `T` and `Z` in either case, optional
/// fractional seconds, a `Z` or `+hh:mm`/`-hh:mm` offset. A leap second (`:60`) is valid only
/// at 23:59 UTC.
pub(super) fn is_date_time(text: &str) -> bool {
    let Some(separator) = text.find(['T', 't']) else {
        return false;
    };
    is_full_date(&text[..separator]) && is_full_time(&text[separator + 1..])
}

/// `YYYY-MM-DD`, with a day that exists in that month.
fn is_full_date(date: &str) -> bool {
    let bytes = date.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return false;
    }
    let (Some(year), Some(month), Some(day)) = (
        number(&bytes[0..4]),
        number(&bytes[5..7]),
        number(&bytes[8..10]),
    ) else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// `HH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)`.
fn is_full_time(time: &str) -> bool {
    let bytes = time.as_bytes();
    if bytes.len() < 9 || bytes[2] != b':' || bytes[5] != b':' {
        return false;
    }
    let (Some(hour), Some(minute), Some(second)) = (
        number(&bytes[0..2]),
        number(&bytes[3..5]),
        number(&bytes[6..8]),
    ) else {
        return false;
    };
    if hour > 23 || minute > 59 || second > 60 {
        return false;
    }
    let mut rest = &bytes[8..];
    if let Some(fraction) = rest.strip_prefix(b".") {
        let digits = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 {
            return false;
        }
        rest = &fraction[digits..];
    }
    // Minutes east of UTC.
    let offset = match rest {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let (Some(hours), Some(minutes)) = (number(&[*h1, *h2]), number(&[*m1, *m2])) else {
                return false;
            };
            if hours > 23 || minutes > 59 {
                return false;
            }
            let offset = i64::from(hours * 60 + minutes);
            if *sign == b'+' { offset } else { -offset }
        }
        _ => return false,
    };
    let utc_minute = (i64::from(hour * 60 + minute) - offset).rem_euclid(24 * 60);
    second < 60 || utc_minute == 23 * 60 + 59
}

/// The value of a run of ASCII digits.
fn number(digits: &[u8]) -> Option<u32> {
    digits.iter().try_fold(0u32, |value, b| {
        b.is_ascii_digit().then(|| value * 10 + u32::from(b - b'0'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids() {
        assert!(is_uuid("776ab991-313e-48e7-bccd-e8c9650c239a"));
        assert!(is_uuid("97C8DF6F-C870-4482-B6CA-B6C31745FBAB"));
        for bad in [
            "776ab991313e48e7bccde8c9650c239a",
            "776ab991-313e-48e7-bccd-e8c9650c239",
            "776ab991-313e-48e7-bccd-e8c9650c239g",
            "{776ab991-313e-48e7-bccd-e8c9650c239}",
        ] {
            assert!(!is_uuid(bad), "{bad}");
        }
    }

    #[test]
    fn date_times() {
        for ok in [
            "2025-08-01T20:41:01.275386Z",
            "2024-02-29t00:00:00z",
            "2025-08-01T20:41:01+02:00",
            "2016-12-31T23:59:60Z",
            "2016-12-31T15:59:60-08:00",
        ] {
            assert!(is_date_time(ok), "{ok}");
        }
        for bad in [
            "2025-08-01 20:41:01Z",
            "2025-08-01T20:41:01",
            "2025-02-29T00:00:00Z",
            "2025-13-01T00:00:00Z",
            "2025-08-01T24:00:00Z",
            "2025-08-01T20:41:01.Z",
            "2025-08-01T20:41:01+0200",
            "2025-08-01T23:58:60Z",
            "2025-08-01",
            "2025-8-01T20:41:01Z",
        ] {
            assert!(!is_date_time(bad), "{bad}");
        }
    }
}
