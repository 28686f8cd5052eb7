//! Dates in the many ways registries write them, reduced to the calendar date as
//! written (no time zone conversion).

use crate::record::Date;

/// How to read a date whose first two numbers could both be a day or a month
/// (`09/10/2019`). Unambiguous dates (`31/12/2019`, `2019-12-31`) ignore it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateOrder {
    /// `DD/MM/YYYY`: what ccTLD registries use (.fr, .es, .nl, .hk...).
    #[default]
    DayFirst,
    /// `MM/DD/YYYY`: US style; used when a reply announces it.
    MonthFirst,
}

impl DateOrder {
    /// The order a reply announces (`mm/dd/yyyy` anywhere in it), otherwise day first.
    pub fn of_reply(text: &str) -> Self {
        let lower = text.to_ascii_lowercase();
        if lower.contains("mm/dd/yyyy") || lower.contains("mm-dd-yyyy") {
            Self::MonthFirst
        } else {
            Self::DayFirst
        }
    }
}

/// One date component found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    /// A number and how many digits it was written with.
    Number(u32, usize),
    /// A month name.
    Month(u8),
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Time zone names that may stand between a date's parts (`Mon Apr 26 07:50:40 GMT 2010`).
const ZONES: &[&str] = &[
    "utc", "gmt", "z", "jst", "msk", "cet", "cest", "est", "edt", "cst", "cdt", "mst", "mdt",
    "pst", "pdt", "bst", "brt", "brst", "kst", "ist",
];

/// The date at the start of `text`, e.g. `2019-09-09T15:39:04Z`, `09-Sep-2019`,
/// `2019.09.09`, `2019. 09. 09.`, `09/09/2019`, `09/09/19`, `20190909`,
/// `Mon Sep 09 2019`, `Mon Sep 09 15:39:04 GMT 2019`, `Mon, 09 Sep 2019 15:39:04 UTC`,
/// `2019-Sep-09.`; trailing text (time, zone, remarks) is ignored.
///
/// Two-digit years are 1970-2069. `None` when `text` holds no complete, existing date.
pub fn parse_date(text: &str, order: DateOrder) -> Option<Date> {
    let parts = parts(text)?;
    assemble(&parts, order)
}

/// Up to three date parts, skipping times, weekdays and zone names.
fn parts(text: &str) -> Option<Vec<Part>> {
    let chars: Vec<char> = text.chars().collect();
    let mut parts = Vec::with_capacity(3);
    let mut i = 0;
    while i < chars.len() && parts.len() < 3 {
        let start = i;
        if chars[i].is_ascii_digit() {
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            if chars.get(i) == Some(&':') {
                // a time: skip hh:mm:ss.fff
                while i < chars.len()
                    && (chars[i].is_ascii_digit() || matches!(chars[i], ':' | '.'))
                {
                    i += 1;
                }
                continue;
            }
            let digits: String = chars[start..i].iter().collect();
            if parts.is_empty() && digits.len() == 8 {
                return compact(&digits);
            }
            if digits.len() > 4 {
                return None;
            }
            parts.push(Part::Number(digits.parse().ok()?, digits.len()));
        } else if chars[i].is_alphabetic() {
            while i < chars.len() && chars[i].is_alphabetic() {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect::<String>().to_lowercase();
            if let Some(month) = month(&word) {
                parts.push(Part::Month(month));
            } else if !(is_weekday(&word) || ZONES.contains(&word.as_str())) {
                return None;
            }
        } else {
            i += 1;
        }
    }
    Some(parts)
}

/// `YYYYMMDD`.
fn compact(digits: &str) -> Option<Vec<Part>> {
    let number = |range: std::ops::Range<usize>| digits.get(range)?.parse().ok();
    Some(vec![
        Part::Number(number(0..4)?, 4),
        Part::Number(number(4..6)?, 2),
        Part::Number(number(6..8)?, 2),
    ])
}

fn month(word: &str) -> Option<u8> {
    let abbreviation = word.len() == 3 || word == "sept";
    MONTHS
        .iter()
        .position(|name| *name == word || (abbreviation && name.starts_with(word)))
        .and_then(|index| u8::try_from(index + 1).ok())
}

fn is_weekday(word: &str) -> bool {
    WEEKDAYS
        .iter()
        .any(|name| *name == word || (word.len() == 3 && name.starts_with(word)))
}

fn assemble(parts: &[Part], order: DateOrder) -> Option<Date> {
    use Part::{Month, Number};
    let (year, month, day) = match *parts {
        [Number(y, 4), Number(m, _), Number(d, _)] => (y, m, d),
        [Number(y, 4), Month(m), Number(d, _)] => (y, u32::from(m), d),
        [Month(m), Number(d, dl), Number(y, yl)] if dl <= 2 => (year_of(y, yl)?, u32::from(m), d),
        [Number(d, dl), Month(m), Number(y, yl)] if dl <= 2 => (year_of(y, yl)?, u32::from(m), d),
        [Number(a, al), Number(b, bl), Number(y, yl)] if al <= 2 && bl <= 2 => {
            let (day, month) = match order {
                DateOrder::DayFirst if b > 12 && a <= 12 => (b, a),
                DateOrder::DayFirst => (a, b),
                DateOrder::MonthFirst if a > 12 && b <= 12 => (a, b),
                DateOrder::MonthFirst => (b, a),
            };
            (year_of(y, yl)?, month, day)
        }
        _ => return None,
    };
    Date::new(
        u16::try_from(year).ok()?,
        u8::try_from(month).ok()?,
        u8::try_from(day).ok()?,
    )
}

/// A written year: four digits as is, two digits in 1970-2069.
fn year_of(number: u32, digits: usize) -> Option<u32> {
    match digits {
        4 => Some(number),
        2 if number < 70 => Some(2000 + number),
        2 => Some(1900 + number),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day_first(text: &str) -> Option<String> {
        parse_date(text, DateOrder::DayFirst).map(|date| date.to_string())
    }

    #[test]
    fn registry_formats() {
        let cases = [
            ("2019-09-09T15:39:04Z", "2019-09-09"),
            ("2001-08-31T11:50:57.0Z", "2001-08-31"),
            ("2012-05-16 09:28:56 -0400", "2012-05-16"),
            ("2018-03-12T21:44:25+01:00", "2018-03-12"),
            ("2000-07-26T22:00:00Z", "2000-07-26"),
            ("09-Sep-2019", "2019-09-09"),
            ("05-may-2013", "2013-05-05"),
            ("21-March-2002", "2002-03-21"),
            ("13-Jun-2008 17:17:40 UTC", "2008-06-13"),
            ("24 Oct 1997 00:00:00", "1997-10-24"),
            ("2019.09.09 13:00:00", "2019-09-09"),
            ("2007. 03. 02.", "2007-03-02"),
            ("2000/10/03", "2000-10-03"),
            ("2013/07/08 16:50:07 (JST)", "2013-07-08"),
            ("27-05-1999", "1999-05-27"),
            ("30/12/2017", "2017-12-30"),
            ("16/09/03", "2003-09-16"),
            ("21.07.2000 15:21:00", "2000-07-21"),
            ("20190909", "2019-09-09"),
            ("19961206 #24302", "1996-12-06"),
            ("20110426 17:57:27", "2011-04-26"),
            ("Tue Dec 12 2000", "2000-12-12"),
            ("Mon Apr 26 07:50:40 GMT 2010", "2010-04-26"),
            ("Fri, 01 Nov 2013 14:17:32 UTC", "2013-11-01"),
            ("2001-Aug-23.", "2001-08-23"),
            ("2011-11-09 (YYYY-MM-DD)", "2011-11-09"),
            ("2002-12-04 00:00:00+02", "2002-12-04"),
        ];
        for (text, expected) in cases {
            assert_eq!(day_first(text).as_deref(), Some(expected), "{text}");
        }
    }

    #[test]
    fn ambiguous_dates_follow_the_order() {
        assert_eq!(day_first("09/10/2019").as_deref(), Some("2019-10-09"));
        let us = parse_date("09/10/2019", DateOrder::MonthFirst).map(|d| d.to_string());
        assert_eq!(us.as_deref(), Some("2019-09-10"));
        let unambiguous = parse_date("12/31/2019", DateOrder::DayFirst).map(|d| d.to_string());
        assert_eq!(unambiguous.as_deref(), Some("2019-12-31"));
        assert_eq!(
            DateOrder::of_reply("dates are MM/DD/YYYY"),
            DateOrder::MonthFirst
        );
    }

    #[test]
    fn non_dates_are_refused() {
        for text in [
            "",
            "Active",
            "1 year",
            "Visit whois.ausregistry.com.au",
            "2019-02-30",
            "Registered (2014/03/31)",
            "99999999999999999999",
            "13/13/2013",
        ] {
            assert_eq!(day_first(text), None, "{text}");
        }
    }
}
