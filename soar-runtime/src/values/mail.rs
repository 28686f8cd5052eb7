//! [`Email`]: an email address whose domain is a real [`Domain`].

use std::fmt;
use std::str::FromStr;

use super::param::string_value;
use super::{Domain, ParseError};

/// The longest local part (RFC 5321 section 4.5.3.1.1).
const MAX_LOCAL_LEN: usize = 64;
/// The longest address (RFC 5321 forward-path limit less the angle brackets).
const MAX_ADDRESS_LEN: usize = 254;

/// An email address `local@domain`: the local part a dot-atom of RFC 5322 (ASCII letters,
/// digits and ``!#$%&'*+-/=?^_`{|}~``, dots only between them; at most 64 characters), the
/// domain a [`Domain`] (so at least two labels, normalized to lower-case ASCII), and the
/// whole at most 254 characters.
///
/// The address is split at its last `@`. Quoted local parts (`"a b"@example.com`), address
/// literals (`user@[1.2.3.4]`) and non-ASCII local parts are not accepted. The local part
/// keeps its case. As a parameter it advertises `contains` `email`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Email {
    /// The whole normalized address.
    address: String,
    /// The domain part, also the tail of `address`.
    domain: Domain,
}

impl Email {
    /// The whole normalized address.
    pub fn as_str(&self) -> &str {
        &self.address
    }

    /// The part before the `@`.
    pub fn local_part(&self) -> &str {
        let local_len = self.address.len() - self.domain.as_str().len() - 1;
        &self.address[..local_len]
    }

    /// The part after the `@`.
    pub fn domain(&self) -> &Domain {
        &self.domain
    }
}

impl AsRef<str> for Email {
    fn as_ref(&self) -> &str {
        &self.address
    }
}

impl From<Email> for String {
    fn from(value: Email) -> Self {
        value.address
    }
}

/// Checks a local part against the dot-atom rule.
fn check_local_part(local: &str) -> Result<(), ParseError> {
    let atext = |b: u8| b.is_ascii_alphanumeric() || b"!#$%&'*+-/=?^_`{|}~".contains(&b);
    if local.is_empty() {
        Err(ParseError::new("empty local part (before the @)"))
    } else if local.len() > MAX_LOCAL_LEN {
        Err(ParseError::new(
            "local part (before the @) longer than 64 characters",
        ))
    } else if !local
        .split('.')
        .all(|atom| !atom.is_empty() && atom.bytes().all(atext))
    {
        Err(ParseError::new(
            "local part (before the @) is not a plain dot-separated name",
        ))
    } else {
        Ok(())
    }
}

impl FromStr for Email {
    type Err = ParseError;

    fn from_str(text: &str) -> Result<Self, ParseError> {
        let (local, domain) = text
            .rsplit_once('@')
            .ok_or(ParseError::new("not an email address (no @)"))?;
        check_local_part(local)?;
        let domain: Domain = domain.parse()?;
        let address = format!("{local}@{domain}");
        if address.len() > MAX_ADDRESS_LEN {
            return Err(ParseError::new("email address longer than 254 characters"));
        }
        Ok(Self { address, domain })
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.address)
    }
}

string_value!(Email, contains = &["email"]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::Param;
    use serde_json::json;

    fn email(text: &str) -> Result<(String, String, String), &'static str> {
        let parsed: Email = text.parse().map_err(|e: ParseError| e.reason())?;
        Ok((
            parsed.to_string(),
            parsed.local_part().into(),
            parsed.domain().to_string(),
        ))
    }

    #[test]
    fn parses_and_normalizes_the_domain() {
        for (text, address, local, domain) in [
            (
                "user@example.com",
                "user@example.com",
                "user",
                "example.com",
            ),
            (
                "First.Last@Example.COM",
                "First.Last@example.com",
                "First.Last",
                "example.com",
            ),
            (
                "a+tag@sub.example.co.uk",
                "a+tag@sub.example.co.uk",
                "a+tag",
                "sub.example.co.uk",
            ),
            (
                "o'brien@bücher.de",
                "o'brien@xn--bcher-kva.de",
                "o'brien",
                "xn--bcher-kva.de",
            ),
            ("x@example.com.", "x@example.com", "x", "example.com"),
            (
                "#!$%&'*+-/=?^_`{}|~@example.org",
                "#!$%&'*+-/=?^_`{}|~@example.org",
                "#!$%&'*+-/=?^_`{}|~",
                "example.org",
            ),
        ] {
            assert_eq!(
                email(text),
                Ok((address.into(), local.into(), domain.into())),
                "{text:?}"
            );
        }
    }

    #[test]
    fn rejects_what_is_not_an_email_address() {
        let local_64 = "a".repeat(64);
        let domain_189 = format!("{}.{}.{}", "b".repeat(63), "c".repeat(63), "d".repeat(61));
        assert_eq!(
            email(&format!("{local_64}@{domain_189}")).map(|e| e.0.len()),
            Ok(254)
        );
        for (text, reason) in [
            ("plainaddress".to_string(), "not an email address (no @)"),
            ("@example.com".into(), "empty local part (before the @)"),
            (
                format!("{local_64}a@example.com"),
                "local part (before the @) longer than 64 characters",
            ),
            (
                format!("{local_64}@{domain_189}e"),
                "email address longer than 254 characters",
            ),
            (
                "a b@example.com".into(),
                "local part (before the @) is not a plain dot-separated name",
            ),
            (
                ".a@example.com".into(),
                "local part (before the @) is not a plain dot-separated name",
            ),
            (
                "a.@example.com".into(),
                "local part (before the @) is not a plain dot-separated name",
            ),
            (
                "a..b@example.com".into(),
                "local part (before the @) is not a plain dot-separated name",
            ),
            (
                "a@b@example.com".into(),
                "local part (before the @) is not a plain dot-separated name",
            ),
            (
                "\"a\"@example.com".into(),
                "local part (before the @) is not a plain dot-separated name",
            ),
            (
                "ü@example.com".into(),
                "local part (before the @) is not a plain dot-separated name",
            ),
            (
                "user@localhost".into(),
                "a domain name has at least two labels",
            ),
            ("user@".into(), "empty name"),
            (
                "user@[1.2.3.4]".into(),
                "a label holds a character other than a letter, digit or hyphen",
            ),
        ] {
            assert_eq!(email(&text), Err(reason), "{text:?}");
        }
    }

    #[test]
    fn as_a_parameter() {
        assert_eq!(Email::CONTAINS, ["email"]);
        assert_eq!(
            Email::from_param(&json!("a@B.com")).map(String::from),
            Ok("a@b.com".into())
        );
        let parsed: Email = "a@B.com".parse().expect("an email address");
        assert_eq!(serde_json::to_value(&parsed).ok(), Some(json!("a@b.com")));
        assert_eq!(
            serde_json::from_value::<Email>(json!("a@b.com")).ok(),
            Some(parsed)
        );
    }
}
