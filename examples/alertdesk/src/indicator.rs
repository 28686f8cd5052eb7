//! [`Indicator`]: the parameter of `lookup indicator`, an IP address, a domain or a file hash,
//! told apart by parsing.

use std::fmt;
use std::str::FromStr;

use soar_runtime::values::{Domain, Hash, Ip, Param};

/// What AlertDesk keeps intelligence on: an IP address, a domain or a file hash.
///
/// As a parameter it advertises the contains of all three (`ip`, `ipv6`, `domain`, `hash`,
/// `md5`, `sha1`, `sha256`, `sha512`), so that any action output of those kinds feeds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Indicator {
    /// An IPv4 or IPv6 address.
    Ip(Ip),
    /// A file hash.
    Hash(Hash),
    /// A domain name.
    Domain(Domain),
}

impl Indicator {
    /// The kind, as AlertDesk names it: `ip`, `domain`, or the hash's algorithm.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Ip(_) => "ip",
            Self::Hash(hash) => hash.algorithm(),
            Self::Domain(_) => "domain",
        }
    }
}

impl fmt::Display for Indicator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Ip(ip) => ip.fmt(f),
            Self::Hash(hash) => hash.fmt(f),
            Self::Domain(domain) => domain.fmt(f),
        }
    }
}

/// Why a text is not an [`Indicator`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvalidIndicator;

impl fmt::Display for InvalidIndicator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not an IP address, a domain or an MD5, SHA-1, SHA-256 or SHA-512 hash")
    }
}

impl std::error::Error for InvalidIndicator {}

impl FromStr for Indicator {
    type Err = InvalidIndicator;

    /// An IP address first, then a hash (a hash is also a valid domain label), then a domain.
    fn from_str(text: &str) -> Result<Self, InvalidIndicator> {
        if let Ok(ip) = text.parse() {
            return Ok(Self::Ip(ip));
        }
        if let Ok(hash) = text.parse() {
            return Ok(Self::Hash(hash));
        }
        text.parse().map(Self::Domain).map_err(|_| InvalidIndicator)
    }
}

impl Param for Indicator {
    const DATA_TYPE: &'static str = "string";
    const CONTAINS: &'static [&'static str] = &[
        "ip", "ipv6", "domain", "hash", "md5", "sha1", "sha256", "sha512",
    ];

    fn from_param(value: &serde_json::Value) -> Result<Self, String> {
        match value {
            serde_json::Value::String(text) => text
                .parse()
                .map_err(|error: InvalidIndicator| error.to_string()),
            _ => Err("expected a string".to_owned()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_the_kinds_apart() {
        let kind = |text: &str| text.parse::<Indicator>().map(|i| (i.kind(), i.to_string()));
        assert_eq!(
            kind("203.0.113.7").unwrap(),
            ("ip", "203.0.113.7".to_owned())
        );
        assert_eq!(kind("2001:db8::1").unwrap().0, "ip");
        assert_eq!(
            kind("44D88612FEA8A8F36DE82E1278ABB02F").unwrap(),
            ("md5", "44d88612fea8a8f36de82e1278abb02f".to_owned())
        );
        assert_eq!(
            kind("Bad.Example.NET").unwrap(),
            ("domain", "bad.example.net".to_owned())
        );
        assert!(kind("not a thing!").is_err());
    }

    #[test]
    fn advertises_the_contains_of_its_kinds() {
        let mut all: Vec<&str> = [Ip::CONTAINS, Domain::CONTAINS, Hash::CONTAINS].concat();
        all.sort_unstable();
        let mut own = Indicator::CONTAINS.to_vec();
        own.sort_unstable();
        assert_eq!(own, all);
    }
}
