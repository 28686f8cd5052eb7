//! [`MacAddress`]: a 48-bit hardware address.

use std::fmt;
use std::str::FromStr;

use super::ParseError;
use super::param::string_value;

/// A MAC address: six bytes, written as six pairs of hexadecimal digits (either case)
/// separated by `:` or `-`, the forms the stock `mac address` validator accepts (each
/// separator may be either character; see [`crate::contains::is_mac_address`]).
///
/// Only the bytes are kept: `00-1A-2B-3C-4D-5E` equals and prints as `00:1a:2b:3c:4d:5e`.
/// As a parameter it advertises `contains` `mac address`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MacAddress([u8; 6]);

impl MacAddress {
    /// The six bytes.
    pub const fn octets(self) -> [u8; 6] {
        self.0
    }
}

impl From<[u8; 6]> for MacAddress {
    fn from(octets: [u8; 6]) -> Self {
        Self(octets)
    }
}

impl From<MacAddress> for [u8; 6] {
    fn from(value: MacAddress) -> Self {
        value.0
    }
}

/// The value of one hexadecimal digit.
fn hex_digit(byte: u8) -> Option<u8> {
    char::from(byte)
        .to_digit(16)
        .and_then(|digit| u8::try_from(digit).ok())
}

impl FromStr for MacAddress {
    type Err = ParseError;

    fn from_str(text: &str) -> Result<Self, ParseError> {
        let invalid = || ParseError::new("not a MAC address (six hex pairs separated by : or -)");
        let bytes = text.as_bytes();
        if bytes.len() != 17 {
            return Err(invalid());
        }
        let mut octets = [0; 6];
        for (i, octet) in octets.iter_mut().enumerate() {
            let at = 3 * i;
            let separated = i == 5 || matches!(bytes[at + 2], b':' | b'-');
            match (hex_digit(bytes[at]), hex_digit(bytes[at + 1])) {
                (Some(high), Some(low)) if separated => *octet = high << 4 | low,
                _ => return Err(invalid()),
            }
        }
        Ok(Self(octets))
    }
}

impl fmt::Display for MacAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [a, b, c, d, e, g] = self.0;
        write!(f, "{a:02x}:{b:02x}:{c:02x}:{d:02x}:{e:02x}:{g:02x}")
    }
}

string_value!(MacAddress, contains = &["mac address"]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::Param;
    use serde_json::json;

    #[test]
    fn parses_every_separator_and_case() {
        let expected = MacAddress([0x00, 0x1a, 0x2b, 0x3c, 0x4d, 0x5e]);
        for text in [
            "00:1a:2b:3c:4d:5e",
            "00-1A-2B-3C-4D-5E",
            "00:1A-2b:3C-4d:5E",
        ] {
            assert_eq!(text.parse(), Ok(expected), "{text:?}");
        }
        assert_eq!(expected.to_string(), "00:1a:2b:3c:4d:5e");
        assert_eq!(MacAddress::from([255; 6]).to_string(), "ff:ff:ff:ff:ff:ff");
    }

    #[test]
    fn rejects_other_forms() {
        for text in [
            "",
            "001a.2b3c.4d5e",
            "001a2b3c4d5e",
            "00:1a:2b:3c:4d",
            "00:1a:2b:3c:4d:5e:",
            "00 1a 2b 3c 4d 5e",
            "0g:1a:2b:3c:4d:5e",
            "00:1a:2b:3c:4d:5ü",
        ] {
            assert!(text.parse::<MacAddress>().is_err(), "{text:?}");
        }
    }

    #[test]
    fn as_a_parameter() {
        assert_eq!(MacAddress::CONTAINS, ["mac address"]);
        assert_eq!(
            MacAddress::from_param(&json!("AA-BB-CC-DD-EE-FF")).map(MacAddress::octets),
            Ok([0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff])
        );
        assert_eq!(
            serde_json::to_value(MacAddress([1, 2, 3, 4, 5, 6])).ok(),
            Some(json!("01:02:03:04:05:06"))
        );
        assert_eq!(
            serde_json::from_value::<MacAddress>(json!("01-02-03-04-05-06")).ok(),
            Some(MacAddress([1, 2, 3, 4, 5, 6]))
        );
    }
}
