//! [`Url`]: an absolute URL with a host, parsed by the `url` crate (WHATWG URL Standard).

use std::fmt;
use std::str::FromStr;

use super::ParseError;
use super::param::string_value;

/// An absolute URL with a non-empty host, such as `https://example.com/a?b`, parsed and
/// normalized by the `url` crate: `HTTP://Example.COM` prints as `http://example.com/`.
///
/// A URL without a host (`mailto:x`, `file:///tmp/x`, `urn:isbn:0`) is not accepted: the
/// stock `url` validator wants `scheme://`, and connectors act on URLs that name a server. As
/// a parameter it advertises `contains` `url`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Url(::url::Url);

impl Url {
    /// The normalized text of the URL.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// The parsed URL, for its parts.
    pub fn as_url(&self) -> &::url::Url {
        &self.0
    }

    /// The host, which is never empty.
    pub fn host(&self) -> &str {
        self.0.host_str().unwrap_or_default()
    }
}

impl AsRef<str> for Url {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl From<Url> for ::url::Url {
    fn from(value: Url) -> Self {
        value.0
    }
}

impl FromStr for Url {
    type Err = ParseError;

    fn from_str(text: &str) -> Result<Self, ParseError> {
        use ::url::ParseError as Why;
        let url = ::url::Url::parse(text).map_err(|why| {
            ParseError::new(match why {
                Why::RelativeUrlWithoutBase => "not an absolute URL (no scheme)",
                Why::EmptyHost => "a URL has a host",
                Why::InvalidPort => "invalid port number",
                Why::InvalidIpv4Address | Why::InvalidIpv6Address => "invalid IP address as host",
                Why::InvalidDomainCharacter | Why::IdnaError => "invalid host name",
                _ => "not a URL",
            })
        })?;
        if url.host_str().is_none_or(str::is_empty) {
            return Err(ParseError::new("a URL has a host"));
        }
        Ok(Self(url))
    }
}

impl fmt::Display for Url {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

string_value!(Url, contains = &["url"]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::Param;
    use serde_json::json;

    fn url(text: &str) -> Result<String, &'static str> {
        text.parse::<Url>()
            .map(|url| url.to_string())
            .map_err(|e| e.reason())
    }

    #[test]
    fn parses_and_normalizes() {
        for (text, expected) in [
            ("https://example.com/a?b#c", "https://example.com/a?b#c"),
            ("HTTP://Example.COM", "http://example.com/"),
            ("http://bücher.de/", "http://xn--bcher-kva.de/"),
            ("http://1.2.3.4:8080/x", "http://1.2.3.4:8080/x"),
            ("http://[::1]/", "http://[::1]/"),
            ("ssh://user@host:22", "ssh://user@host:22"),
            ("hxxp://evil.example/path", "hxxp://evil.example/path"),
            ("https://example.com/a b", "https://example.com/a%20b"),
        ] {
            assert_eq!(url(text).as_deref(), Ok(expected), "{text:?}");
        }
        let parsed: Url = "https://example.com:8443/x".parse().expect("a URL");
        assert_eq!(parsed.host(), "example.com");
        assert_eq!(parsed.as_url().port(), Some(8443));
    }

    #[test]
    fn rejects_what_is_not_a_url_with_a_host() {
        for (text, reason) in [
            ("", "not an absolute URL (no scheme)"),
            ("example.com/path", "not an absolute URL (no scheme)"),
            ("mailto:user@example.com", "a URL has a host"),
            ("file:///tmp/x", "a URL has a host"),
            ("urn:isbn:0451450523", "a URL has a host"),
            ("http://", "a URL has a host"),
            ("http://example.com:99999/", "invalid port number"),
            ("http://[::1/", "invalid IP address as host"),
            ("http://exa mple.com/", "invalid host name"),
        ] {
            assert_eq!(url(text), Err(reason), "{text:?}");
        }
    }

    #[test]
    fn as_a_parameter() {
        assert_eq!(Url::CONTAINS, ["url"]);
        assert_eq!(
            Url::from_param(&json!("https://x.org")).map(|u| u.to_string()),
            Ok("https://x.org/".into())
        );
        let parsed: Url = "https://x.org".parse().expect("a URL");
        assert_eq!(
            serde_json::to_value(parsed).ok(),
            Some(json!("https://x.org/"))
        );
        let back = serde_json::from_value::<Url>(json!("https://x.org")).map(|u| u.to_string());
        assert_eq!(back.ok().as_deref(), Some("https://x.org/"));
    }
}
