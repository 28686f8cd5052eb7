//! IP addresses: [`Ip`] (either version), [`Ipv4`] and [`Ipv6`], parsed by `std::net`.
//!
//! Parsing is std's: IPv4 is a dotted quad without leading zeros (as the stock `ip`
//! validator wants), IPv6 is RFC 4291 text without a zone (`fe80::1%eth0` fails) or
//! brackets. Display is the canonical form (RFC 5952 for IPv6), so `2001:DB8:0::1` prints
//! as `2001:db8::1`.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::str::FromStr;

use super::ParseError;
use super::param::string_value;

/// Defines one IP address type wrapping a `std::net` address.
macro_rules! ip_value {
    ($(#[$doc:meta])* $name:ident($inner:ty), reason = $reason:literal, contains = $contains:expr) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name($inner);

        impl $name {
            /// The address.
            pub const fn addr(self) -> $inner {
                self.0
            }
        }

        impl From<$inner> for $name {
            fn from(addr: $inner) -> Self {
                Self(addr)
            }
        }

        impl From<$name> for $inner {
            fn from(value: $name) -> Self {
                value.0
            }
        }

        impl FromStr for $name {
            type Err = ParseError;

            fn from_str(text: &str) -> Result<Self, ParseError> {
                text.parse().map(Self).map_err(|_| ParseError::new($reason))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.0, f)
            }
        }

        string_value!($name, contains = $contains);
    };
}

ip_value! {
    /// An IPv4 or IPv6 address. As a parameter it advertises `contains` `ip` and `ipv6`
    /// (the stock `ip` validator rejects IPv6, and `ipv6` has none, so both versions pass
    /// the stock rule).
    Ip(IpAddr), reason = "not an IPv4 or IPv6 address", contains = &["ip", "ipv6"]
}

ip_value! {
    /// An IPv4 address. As a parameter it advertises `contains` `ip`.
    Ipv4(Ipv4Addr), reason = "not an IPv4 address", contains = &["ip"]
}

ip_value! {
    /// An IPv6 address (IPv4-mapped forms such as `::ffff:1.2.3.4` included). As a parameter
    /// it advertises `contains` `ipv6`.
    Ipv6(Ipv6Addr), reason = "not an IPv6 address", contains = &["ipv6"]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::Param;
    use serde_json::json;

    #[test]
    fn parses_and_prints_canonically() {
        assert_eq!(
            "1.2.3.4".parse::<Ipv4>().map(|ip| ip.to_string()),
            Ok("1.2.3.4".into())
        );
        assert_eq!(
            "2001:DB8:0::1".parse::<Ipv6>().map(|ip| ip.to_string()),
            Ok("2001:db8::1".into())
        );
        assert_eq!(
            "::1".parse::<Ip>().map(|ip| ip.addr()),
            Ok(IpAddr::V6(Ipv6Addr::LOCALHOST))
        );
        assert_eq!(
            "0.0.0.0".parse::<Ip>().map(|ip| ip.addr()),
            Ok(IpAddr::V4(Ipv4Addr::UNSPECIFIED))
        );
    }

    #[test]
    fn rejects_what_is_not_an_address() {
        for text in [
            "",
            "01.2.3.4",
            "256.0.0.1",
            "1.2.3",
            " 1.2.3.4",
            "fe80::1%eth0",
            "[::1]",
            "example.com",
        ] {
            assert_eq!(
                text.parse::<Ip>(),
                Err(ParseError::new("not an IPv4 or IPv6 address")),
                "{text:?}"
            );
        }
        assert_eq!(
            "::1".parse::<Ipv4>(),
            Err(ParseError::new("not an IPv4 address"))
        );
        assert_eq!(
            "1.2.3.4".parse::<Ipv6>(),
            Err(ParseError::new("not an IPv6 address"))
        );
    }

    #[test]
    fn as_a_parameter() {
        assert_eq!(Ip::CONTAINS, ["ip", "ipv6"]);
        assert_eq!(Ipv4::CONTAINS, ["ip"]);
        assert_eq!(Ipv6::CONTAINS, ["ipv6"]);
        assert_eq!(Ip::DATA_TYPE, "string");
        assert_eq!(
            Ipv4::from_param(&json!("10.0.0.1")).map(Ipv4Addr::from),
            Ok(Ipv4Addr::new(10, 0, 0, 1))
        );
        assert_eq!(
            Ipv4::from_param(&json!("::1")),
            Err("not an IPv4 address".into())
        );
        assert_eq!(
            Ip::from_param(&json!(42)),
            Err("not an IPv4 or IPv6 address".into())
        );
    }

    #[test]
    fn serde_uses_the_text_form() {
        let ip: Ip = "::ffff:1.2.3.4".parse().expect("an IPv6 address");
        assert_eq!(serde_json::to_value(ip).ok(), Some(json!("::ffff:1.2.3.4")));
        assert_eq!(
            serde_json::from_value::<Ip>(json!("::ffff:1.2.3.4")).ok(),
            Some(ip)
        );
        let error = serde_json::from_value::<Ipv4>(json!("::1")).map_err(|e| e.to_string());
        assert_eq!(error, Err("not an IPv4 address".into()));
        assert!(serde_json::from_value::<Ipv4>(json!(1)).is_err());
    }
}
