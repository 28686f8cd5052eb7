//! The platform's text rules, as predicates: the CI schema's patterns and formats and the
//! contract's spelling rules for app metadata. The macros (at compile time, on attribute
//! values and doc comments), the code they generate (in `const` assertions) and the app JSON
//! validator all call these, so there is one copy of each rule.
//!
//! The schema's patterns are ECMA-262 regular expressions (`\d` is an ASCII digit, `\s` the
//! ECMA-262 white space), matched anywhere unless anchored. Each predicate below states the
//! pattern or format it implements.

/// Whether `text` starts with a lowercase ASCII letter. Descriptions and `verbose` must not
/// (`^(|[^a-z][\s\S]*)$`).
fn starts_lowercase(text: &str) -> bool {
    text.chars().next().is_some_and(|c| c.is_ascii_lowercase())
}

/// What is wrong with an app, configuration or parameter description or a `verbose`, if
/// anything: it must not start with a lowercase ASCII letter (`^(|[^a-z][\s\S]*)$`).
pub fn description_problem(text: &str) -> Option<&'static str> {
    starts_lowercase(text).then_some("starts with a lowercase letter")
}

/// What is wrong with an action description, if anything: it must be empty, or at least two
/// characters, not starting with a lowercase ASCII letter and not ending with a period
/// (`^(|[^a-z][\s\S]*[^\.])$`).
pub fn action_description_problem(text: &str) -> Option<&'static str> {
    description_problem(text).or_else(|| action_description_end_problem(text))
}

/// What is wrong with an action description apart from its start, if anything: a non-empty
/// one must not end with a period and must have at least two characters.
pub fn action_description_end_problem(text: &str) -> Option<&'static str> {
    if text.is_empty() {
        None
    } else if text.ends_with('.') {
        Some("ends with a period")
    } else if text.chars().nth(1).is_none() {
        Some("is a single character")
    } else {
        None
    }
}

/// Whether an action identifier is well formed as the framework writes it: lowercase ASCII
/// letters, digits, `_` and `-`, starting with a letter or `_` (the macros refuse others, and
/// `cargo soar import` refuses an app that has one).
pub fn is_action_identifier(identifier: &str) -> bool {
    let mut chars = identifier.chars();
    chars
        .next()
        .is_some_and(|first| first.is_ascii_lowercase() || first == '_')
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

/// Whether a character belongs to the contract's action-name alphabet (`[a-z 0-9]`).
pub fn is_action_name_char(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit() || c == ' '
}

/// An action name as the framework writes it and the contract wants it: not blank, and only
/// characters of the action-name alphabet (`[a-z 0-9]`).
pub fn is_action_name(name: &str) -> bool {
    !name.trim().is_empty() && name.chars().all(is_action_name_char)
}

/// The schema's unanchored `[a-z 0-9]+`: at least one character of the alphabet anywhere.
pub fn matches_action_name_pattern(name: &str) -> bool {
    name.chars().any(is_action_name_char)
}

/// `app_version`: `^[0-9]+[.][0-9]+[.][0-9]+$`. A `const fn`: the code `#[connector]` generates
/// checks the crate's own version with it at compile time.
pub const fn is_app_version(version: &str) -> bool {
    let bytes = version.as_bytes();
    let (mut dots, mut digits, mut index) = (0, 0, 0);
    while index < bytes.len() {
        match bytes[index] {
            b'0'..=b'9' => digits += 1,
            b'.' if digits > 0 => {
                dots += 1;
                digits = 0;
            }
            _ => return false,
        }
        index += 1;
    }
    dots == 2 && digits > 0
}

/// `min_phantom_version`: `^(\d+\.){2,3}\d+$`.
pub fn is_min_phantom_version(version: &str) -> bool {
    dotted_numbers(version).is_some_and(|count| (3..=4).contains(&count))
}

/// How many dot-separated groups of ASCII digits `text` has, or `None` if it is not such a list.
fn dotted_numbers(text: &str) -> Option<usize> {
    let mut count = 0;
    for group in text.split('.') {
        if !is_digits(group) {
            return None;
        }
        count += 1;
    }
    Some(count)
}

/// One or more ASCII digits (`^[0-9]+$`).
pub fn is_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

/// A `python_version` string: `^3(\.\d+)?(,\s*3(\.\d+)?)*$`.
pub fn is_python_version_text(text: &str) -> bool {
    text.split(',').enumerate().all(|(index, item)| {
        is_python_version_item(if index == 0 {
            item
        } else {
            item.trim_start_matches(is_ecma_whitespace)
        })
    })
}

/// One `python_version` list item: `^3(\.\d+)?$`.
pub fn is_python_version_item(item: &str) -> bool {
    item == "3" || item.strip_prefix("3.").is_some_and(is_digits)
}

/// ECMA-262 `\s`: the WhiteSpace (tab, vertical tab, form feed, space separators, byte order
/// mark) and LineTerminator (line feed, carriage return, line and paragraph separators)
/// characters.
fn is_ecma_whitespace(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202f}'
                | '\u{205f}'
                | '\u{3000}'
                | '\u{feff}'
    )
}

/// A Python identifier as the bridge needs one: an ASCII letter or `_`, then ASCII letters,
/// digits and `_`. (Python allows more; the names the bridge writes stay ASCII.)
pub fn is_python_identifier(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// A `main_module` that the bundler can write: `<python identifier>.py` (the CI schema asks
/// for `\.py$`; the bridge imports the stem, so it must be an identifier).
pub fn is_main_module(text: &str) -> bool {
    text.strip_suffix(".py").is_some_and(is_python_identifier)
}

/// A network as the official SDK's webhook `ip_allowlist` takes it (Python's strict
/// `ip_network`): an IPv4 or IPv6 address, or one with a `/prefix` no longer than the address,
/// whose bits after the prefix are zero (`10.0.0.0/8`, not `10.0.0.1/8`).
pub fn is_cidr(text: &str) -> bool {
    let (address, prefix) = match text.split_once('/') {
        Some((address, prefix)) => (address, Some(prefix)),
        None => (text, None),
    };
    let Ok(address) = address.parse::<std::net::IpAddr>() else {
        return false;
    };
    let (bits, width) = match address {
        std::net::IpAddr::V4(v4) => (u128::from(u32::from(v4)), 32),
        std::net::IpAddr::V6(v6) => (u128::from(v6), 128),
    };
    let Some(prefix) = prefix else {
        return true;
    };
    if prefix.is_empty() || !prefix.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    match prefix.parse::<u32>() {
        Ok(length) if length <= width => {
            // The address with its host bits cleared (all of them for a prefix of 0).
            let host_bits = width - length;
            let network = bits
                .checked_shr(host_bits)
                .and_then(|high| high.checked_shl(host_bits))
                .unwrap_or(0);
            network == bits
        }
        _ => false,
    }
}

/// A hyphenated UUID, the CI schema's `format: uuid`: 36 characters, hyphens at 8, 13, 18 and
/// 23, hex digits (either case) elsewhere.
pub fn is_uuid(text: &str) -> bool {
    text.len() == 36
        && text.bytes().enumerate().all(|(index, b)| match index {
            8 | 13 | 18 | 23 => b == b'-',
            _ => b.is_ascii_hexdigit(),
        })
}

/// An `appid` as the framework writes it: a hyphenated UUID ([`is_uuid`]) without uppercase hex
/// digits. The platform accepts either case; the validator warns about uppercase (real apps
/// have it), and the macros refuse it, since what the framework writes has no finding.
pub fn is_lowercase_uuid(text: &str) -> bool {
    is_uuid(text) && !text.bytes().any(|b| b.is_ascii_uppercase())
}

/// An RFC 3339 date-time: `full-date "T" full-time`, `T` and `Z` in either case, optional
/// fractional seconds, a `Z` or `+hh:mm`/`-hh:mm` offset. A leap second (`:60`) is valid only
/// at 23:59 UTC.
pub fn is_date_time(text: &str) -> bool {
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
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn python_names() {
        for ok in ["whois_connector.py", "_x.py", "A1.py"] {
            assert!(is_main_module(ok), "{ok:?}");
        }
        for bad in [
            "my-app.py",
            "whois_connector",
            "1x.py",
            ".py",
            "caf\u{e9}.py",
        ] {
            assert!(!is_main_module(bad), "{bad:?}");
        }
    }

    #[test]
    fn networks_as_the_sdks_webhook_takes_them() {
        for ok in [
            "0.0.0.0/0",
            "::/0",
            "10.0.0.0/8",
            "192.168.1.7",
            "192.168.1.7/32",
            "2001:db8::/32",
            "::1/128",
        ] {
            assert!(is_cidr(ok), "{ok:?}");
        }
        for bad in [
            "",
            "10.0.0.1/8",
            "10.0.0.0/33",
            "10.0.0.0/",
            "10.0.0.0/+8",
            "::1/129",
            "2001:db8::1/32",
            "localhost",
            "10.0.0/8",
        ] {
            assert!(!is_cidr(bad), "{bad:?}");
        }
    }

    #[test]
    fn descriptions() {
        for ok in [
            "",
            "Query WHOIS",
            "1 thing",
            " lower after a space",
            "\u{e9}t\u{e9}",
        ] {
            assert!(!starts_lowercase(ok), "{ok:?}");
        }
        assert!(starts_lowercase("query WHOIS"));
    }

    #[test]
    fn action_descriptions() {
        for ok in [
            "",
            "Query WHOIS",
            "Ok",
            "Ends with a question?",
            "Two.\nLines",
        ] {
            assert_eq!(action_description_problem(ok), None, "{ok:?}");
        }
        for bad in ["query WHOIS", "Query WHOIS.", "X", ".", "Q."] {
            assert!(action_description_problem(bad).is_some(), "{bad:?}");
        }
    }

    #[test]
    fn action_names() {
        assert!(matches_action_name_pattern("whois domain"));
        assert!(matches_action_name_pattern("WHOIS Domain"));
        assert!(matches_action_name_pattern("GET IP"));
        assert!(!matches_action_name_pattern("LOOKUP"));
        assert!(!matches_action_name_pattern(""));
    }

    #[test]
    fn versions() {
        assert!(is_app_version("2.10.0"));
        for bad in ["1.0", "1.0.0.0", "1..0", "v1.0.0", "1.0.0 ", "\u{661}.0.0"] {
            assert!(!is_app_version(bad), "{bad:?}");
        }
        assert!(is_min_phantom_version("6.3.0"));
        assert!(is_min_phantom_version("6.2.2.134"));
        for bad in ["6.3", "6.3.0.1.2", "6.3.x", ""] {
            assert!(!is_min_phantom_version(bad), "{bad:?}");
        }
    }

    #[test]
    fn python_versions() {
        for ok in ["3", "3.9", "3.9, 3.13", "3.13,3.14", "3,\u{a0}3.9", "3,\n3"] {
            assert!(is_python_version_text(ok), "{ok:?}");
        }
        for bad in [
            "",
            "3.",
            "3.9 ,3.13",
            "3.9, 3.13 ",
            "2.7",
            "3.9,",
            "3.x",
            "3,\u{85}3",
        ] {
            assert!(!is_python_version_text(bad), "{bad:?}");
        }
        assert!(is_python_version_item("3.13"));
        assert!(!is_python_version_item("3.13, 3.14"));
    }

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

    #[test]
    fn whole_action_names() {
        assert!(is_action_name("whois domain 2"));
        for bad in ["Whois domain", "whois_domain", " ", ""] {
            assert!(!is_action_name(bad), "{bad:?}");
        }
    }

    #[test]
    fn lowercase_uuids() {
        assert!(is_lowercase_uuid("776ab991-313e-48e7-bccd-e8c9650c239a"));
        assert!(!is_lowercase_uuid("97C8DF6F-C870-4482-B6CA-B6C31745FBAB"));
        assert!(!is_lowercase_uuid("776ab991313e48e7bccde8c9650c239a"));
    }

    proptest! {
        #[test]
        fn text_rules_hold_for_any_string(text in any::<String>()) {
            if is_lowercase_uuid(&text) {
                prop_assert!(is_uuid(&text));
            }
            if is_uuid(&text) {
                prop_assert_eq!(text.len(), 36);
            }
            let lowercase_start = text.starts_with(|c: char| c.is_ascii_lowercase());
            prop_assert_eq!(description_problem(&text).is_some(), lowercase_start);
            if action_description_problem(&text).is_none() && !text.is_empty() {
                prop_assert!(!lowercase_start && !text.ends_with('.'));
                prop_assert!(text.chars().count() >= 2);
            }
        }
    }

    /// The CI schema's patterns (and the shape of an RFC 3339 date-time), compiled by the
    /// `regex` crate: an implementation of the same text rules that shares no code with the
    /// validator's. `\d` is an ASCII digit and `\s` the ECMA-262 white space, as in the schema.
    struct SchemaPatterns {
        app_version: regex::Regex,
        min_phantom_version: regex::Regex,
        python_version: regex::Regex,
        action_description: regex::Regex,
        uuid: regex::Regex,
        date_time_shape: regex::Regex,
    }

    static SCHEMA_PATTERNS: std::sync::LazyLock<SchemaPatterns> = std::sync::LazyLock::new(|| {
        const ECMA_SPACE: &str = "[\\t\\n\\x0B\\x0C\\r \\u{A0}\\u{1680}\\u{2000}-\\u{200A}\\u{2028}\\u{2029}\\u{202F}\\u{205F}\\u{3000}\\u{FEFF}]";
        let compile = |pattern: &str| regex::Regex::new(pattern).unwrap();
        SchemaPatterns {
            app_version: compile("^[0-9]+[.][0-9]+[.][0-9]+$"),
            min_phantom_version: compile("^([0-9]+\\.){2,3}[0-9]+$"),
            python_version: compile(&format!("^3(\\.[0-9]+)?(,{ECMA_SPACE}*3(\\.[0-9]+)?)*$")),
            action_description: compile("^(|[^a-z](?s:.)*[^.])$"),
            uuid: compile(
                "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
            ),
            date_time_shape: compile(
                "^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$",
            ),
        }
    });

    /// Strings for the text rules: any string, and strings built from the rules' own pieces
    /// (groups of digits, Python versions with separators, hex runs with hyphens, short
    /// descriptions, date-times), so that both answers occur often.
    fn text_rule_input() -> impl Strategy<Value = String> {
        let group = prop_oneof![6 => "[0-9]{1,3}", 1 => "|x| 1"];
        let dotted = prop::collection::vec(group, 1..6).prop_map(|groups| groups.join("."));
        let separator = prop::sample::select(vec![
            ",",
            ", ",
            ",\t",
            " ,",
            ",\u{85}",
            ",\u{feff}",
            ",\u{a0}",
            ";",
        ]);
        let version = prop_oneof![4 => "3(\\.[0-9]{1,2})?", 1 => "2\\.7|3\\.|3\\.x|"];
        let python = prop::collection::vec((version, separator), 1..4).prop_map(|items| {
            let mut text = String::new();
            for (index, (version, separator)) in items.iter().enumerate() {
                if index > 0 {
                    text.push_str(separator);
                }
                text.push_str(version);
            }
            text
        });
        let uuid =
            prop::collection::vec("[0-9a-fA-Fg]{1,12}", 5).prop_map(|groups| groups.join("-"));
        prop_oneof![
            1 => any::<String>(),
            3 => dotted,
            6 => python,
            3 => uuid,
            1 => "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-fA-F]{12}",
            3 => "[a-zA-Z.\n ]{0,4}",
            2 => "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{0,3})?([Zz]|[+-][0-9]{2}:[0-9]{2})?",
        ]
    }

    proptest! {
        // The rules' strings are cheap: enough cases that every branch of the input occurs.
        #![proptest_config(ProptestConfig::with_cases(2048))]

        #[test]
        fn text_rules_answer_as_the_schemas_patterns_do(text in text_rule_input()) {
            let patterns = &*SCHEMA_PATTERNS;
            prop_assert_eq!(is_app_version(&text), patterns.app_version.is_match(&text));
            prop_assert_eq!(
                is_min_phantom_version(&text),
                patterns.min_phantom_version.is_match(&text)
            );
            prop_assert_eq!(
                is_python_version_text(&text),
                patterns.python_version.is_match(&text)
            );
            prop_assert_eq!(
                action_description_problem(&text).is_none(),
                patterns.action_description.is_match(&text)
            );
            prop_assert_eq!(is_uuid(&text), patterns.uuid.is_match(&text));
            // The calendar (days of each month, leap seconds) is beyond a pattern: only the
            // shape must hold.
            if is_date_time(&text) {
                prop_assert!(patterns.date_time_shape.is_match(&text), "{text:?}");
            }
        }
    }
}
