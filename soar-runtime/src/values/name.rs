//! DNS names: [`Domain`] and [`HostName`].
//!
//! Both parse the same way: an internationalized name is mapped to ASCII by UTS #46 (`idna`:
//! lower-cased, Punycode `xn--` labels for non-ASCII), one trailing `.` is dropped, and then
//! the result must be a host name in the preferred syntax of RFC 1035 as relaxed by RFC 1123:
//! labels of 1 to 63 letters, digits and hyphens, not starting or ending with a hyphen, at
//! most 253 characters in all, and a last label that is not all digits (so that an IPv4
//! address is never a name). Underscores (`_dmarc.example.com`) are not host names and fail.
//!
//! They differ in one rule: a [`Domain`] has at least two labels (`example.com`), a
//! [`HostName`] may be a single label (`localhost`, `server01`).
//!
//! Display is the ASCII form, so `Bücher.DE.` prints as `xn--bcher-kva.de`.

use std::str::FromStr;

use idna::AsciiDenyList;

use super::ParseError;
use super::param::text_value;

/// The longest name, without a trailing dot.
const MAX_NAME_LEN: usize = 253;
/// The longest label.
const MAX_LABEL_LEN: usize = 63;

/// Parses a name with at least `min_labels` labels into its ASCII form.
fn parse_name(text: &str, min_labels: usize) -> Result<String, ParseError> {
    let ascii = idna::domain_to_ascii_cow(text.as_bytes(), AsciiDenyList::EMPTY)
        .map_err(|_| ParseError::new("not a valid internationalized domain name"))?;
    let name = ascii.strip_suffix('.').unwrap_or(&ascii);
    if name.is_empty() {
        return Err(ParseError::new("empty name"));
    }
    if name.len() > MAX_NAME_LEN {
        return Err(ParseError::new("name longer than 253 characters"));
    }
    let mut labels = 0;
    let mut last = "";
    for label in name.split('.') {
        check_label(label)?;
        labels += 1;
        last = label;
    }
    if last.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ParseError::new("the last label is all digits"));
    }
    if labels < min_labels {
        return Err(ParseError::new("a domain name has at least two labels"));
    }
    Ok(name.to_owned())
}

/// Checks one label of an ASCII name.
fn check_label(label: &str) -> Result<(), ParseError> {
    if label.is_empty() {
        Err(ParseError::new("empty label"))
    } else if label.len() > MAX_LABEL_LEN {
        Err(ParseError::new("label longer than 63 characters"))
    } else if !label
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-')
    {
        Err(ParseError::new(
            "a label holds a character other than a letter, digit or hyphen",
        ))
    } else if label.starts_with('-') || label.ends_with('-') {
        Err(ParseError::new("a label starts or ends with a hyphen"))
    } else {
        Ok(())
    }
}

/// Defines one name type holding its ASCII form.
macro_rules! name_value {
    ($(#[$doc:meta])* $name:ident, min_labels = $min:literal, contains = $contains:expr) => {
        text_value! {
            $(#[$doc])*
            $name,
            text = "The ASCII form: lower case, Punycode for non-ASCII labels, no trailing dot.",
            contains = $contains
        }

        impl FromStr for $name {
            type Err = ParseError;

            fn from_str(text: &str) -> Result<Self, ParseError> {
                parse_name(text, $min).map(Self)
            }
        }
    };
}

name_value! {
    /// A domain name of at least two labels, such as `example.com` (see the module docs for
    /// the rules). As a parameter it advertises `contains` `domain`.
    Domain, min_labels = 2, contains = &["domain"]
}

name_value! {
    /// A host name of one or more labels, such as `localhost` or `www.example.com` (see the
    /// module docs for the rules). As a parameter it advertises `contains` `host name`.
    HostName, min_labels = 1, contains = &["host name"]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::Param;
    use serde_json::json;

    fn domain(text: &str) -> Result<String, &'static str> {
        text.parse::<Domain>()
            .map(String::from)
            .map_err(|e| e.reason())
    }

    fn host_name(text: &str) -> Result<String, &'static str> {
        text.parse::<HostName>()
            .map(String::from)
            .map_err(|e| e.reason())
    }

    #[test]
    fn domains_are_normalized_to_ascii() {
        for (text, expected) in [
            ("example.com", "example.com"),
            ("WWW.Example.COM", "www.example.com"),
            ("example.com.", "example.com"),
            ("bücher.de", "xn--bcher-kva.de"),
            ("Bücher.DE.", "xn--bcher-kva.de"),
            ("xn--bcher-kva.de", "xn--bcher-kva.de"),
            ("例え.テスト", "xn--r8jz45g.xn--zckzah"),
            ("example。com", "example.com"),
            ("1.2.3.com", "1.2.3.com"),
            ("3com.com", "3com.com"),
            ("a-b.c-d", "a-b.c-d"),
            ("xn--ls8h.la", "xn--ls8h.la"),
        ] {
            assert_eq!(domain(text).as_deref(), Ok(expected), "{text:?}");
        }
    }

    #[test]
    fn length_limits() {
        let label = "a".repeat(63);
        let longest = format!("{label}.{label}.{label}.{}", "b".repeat(61));
        assert_eq!(longest.len(), 253);
        assert_eq!(domain(&longest).as_deref(), Ok(&*longest));
        assert_eq!(domain(&format!("{longest}.")).as_deref(), Ok(&*longest));
        assert_eq!(
            domain(&format!("{longest}b")),
            Err("name longer than 253 characters")
        );
        assert_eq!(
            domain(&format!("{label}a.com")),
            Err("label longer than 63 characters")
        );
    }

    #[test]
    fn domains_reject_what_is_not_a_domain_name() {
        for (text, reason) in [
            ("", "empty name"),
            (".", "empty name"),
            ("example.com..", "empty label"),
            ("a..b", "empty label"),
            (".example.com", "empty label"),
            ("localhost", "a domain name has at least two labels"),
            ("1.2.3.4", "the last label is all digits"),
            ("example.123", "the last label is all digits"),
            (
                "a@b.c",
                "a label holds a character other than a letter, digit or hyphen",
            ),
            (
                "_dmarc.example.com",
                "a label holds a character other than a letter, digit or hyphen",
            ),
            (
                "exa mple.com",
                "a label holds a character other than a letter, digit or hyphen",
            ),
            (
                "*.example.com",
                "a label holds a character other than a letter, digit or hyphen",
            ),
            (
                "http://example.com",
                "a label holds a character other than a letter, digit or hyphen",
            ),
            ("-example.com", "a label starts or ends with a hyphen"),
            ("example-.com", "a label starts or ends with a hyphen"),
            ("xn--a.com", "not a valid internationalized domain name"),
        ] {
            assert_eq!(domain(text), Err(reason), "{text:?}");
        }
    }

    #[test]
    fn host_names_may_have_one_label() {
        assert_eq!(host_name("localhost").as_deref(), Ok("localhost"));
        assert_eq!(host_name("Server01.").as_deref(), Ok("server01"));
        assert_eq!(
            host_name("www.example.com").as_deref(),
            Ok("www.example.com")
        );
        assert_eq!(host_name("12345"), Err("the last label is all digits"));
        assert_eq!(host_name("10.0.0.1"), Err("the last label is all digits"));
        assert_eq!(
            host_name("foo@bar.com"),
            Err("a label holds a character other than a letter, digit or hyphen")
        );
    }

    #[test]
    fn as_a_parameter() {
        assert_eq!(Domain::CONTAINS, ["domain"]);
        assert_eq!(HostName::CONTAINS, ["host name"]);
        assert_eq!(
            Domain::from_param(&json!("Amazon.com")).map(String::from),
            Ok("amazon.com".into())
        );
        assert_eq!(
            Domain::from_param(&json!(true)),
            Err("a domain name has at least two labels".into())
        );
        let localhost: HostName = "LocalHost".parse().expect("a host name");
        assert_eq!(
            serde_json::to_value(localhost).ok(),
            Some(json!("localhost"))
        );
        assert_eq!(
            serde_json::from_value::<Domain>(json!("Example.com."))
                .map(String::from)
                .ok(),
            Some("example.com".into())
        );
    }
}
