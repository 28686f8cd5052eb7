//! [`Port`]: a TCP or UDP port number.

use std::fmt;
use std::num::NonZeroU16;
use std::str::FromStr;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use super::primitive::integer_of;
use super::{Param, ParseError};

/// Why a value is not a port.
const NOT_A_PORT: ParseError = ParseError::new("not a port number (1 to 65535)");

/// A port number, 1 to 65535. Port 0 is rejected: it is not a port a connector can reach.
///
/// As a parameter its data type is "numeric" and it advertises `contains` `port`; it takes
/// a number or a string holding one. It serializes as a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Port(NonZeroU16);

impl Port {
    /// The port with this number, unless it is 0.
    pub const fn new(number: u16) -> Option<Self> {
        match NonZeroU16::new(number) {
            Some(number) => Some(Self(number)),
            None => None,
        }
    }

    /// The port number.
    pub const fn get(self) -> u16 {
        self.0.get()
    }
}

impl From<Port> for u16 {
    fn from(port: Port) -> Self {
        port.get()
    }
}

impl FromStr for Port {
    type Err = ParseError;

    /// Decimal digits (an optional `+` sign allowed), 1 to 65535.
    fn from_str(text: &str) -> Result<Self, ParseError> {
        text.parse().ok().and_then(Self::new).ok_or(NOT_A_PORT)
    }
}

impl fmt::Display for Port {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl Param for Port {
    const DATA_TYPE: &'static str = "numeric";
    const CONTAINS: &'static [&'static str] = &["port"];

    /// A number or a string holding one, as the integer types take it, from 1 to 65535.
    fn from_param(value: &Value) -> Result<Self, String> {
        let number = integer_of(value)?;
        u16::try_from(number)
            .ok()
            .and_then(Self::new)
            .ok_or_else(|| NOT_A_PORT.to_string())
    }
}

impl Serialize for Port {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u16(self.get())
    }
}

impl<'de> Deserialize<'de> for Port {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Self::new(u16::deserialize(deserializer)?).ok_or_else(|| D::Error::custom(NOT_A_PORT))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn parses_1_to_65535() {
        assert_eq!("1".parse::<Port>().map(Port::get), Ok(1));
        assert_eq!("443".parse::<Port>().map(u16::from), Ok(443));
        assert_eq!(
            "65535".parse::<Port>().map(|p| p.to_string()),
            Ok("65535".into())
        );
        for text in ["0", "65536", "-1", "", "http", "80.5", " 80"] {
            assert_eq!(text.parse::<Port>(), Err(NOT_A_PORT), "{text:?}");
        }
    }

    #[test]
    fn as_a_parameter() {
        assert_eq!(
            (Port::DATA_TYPE, Port::CONTAINS),
            ("numeric", &["port"][..])
        );
        assert_eq!(Port::from_param(&json!(22)).map(Port::get), Ok(22));
        assert_eq!(Port::from_param(&json!("8080")).map(Port::get), Ok(8080));
        let reason = Err("not a port number (1 to 65535)".to_string());
        assert_eq!(Port::from_param(&json!(0)), reason);
        assert_eq!(Port::from_param(&json!(70000)), reason);
        assert_eq!(Port::from_param(&json!(-22)), reason);
        assert_eq!(
            Port::from_param(&json!(true)),
            Err("expected an integer, not a boolean".into())
        );
    }

    #[test]
    fn serializes_as_a_number() {
        assert_eq!(serde_json::to_value(Port::new(53)).ok(), Some(json!(53)));
        assert_eq!(
            serde_json::from_value::<Port>(json!(53)).ok(),
            Port::new(53)
        );
        let error = serde_json::from_value::<Port>(json!(0)).map_err(|e| e.to_string());
        assert_eq!(error, Err("not a port number (1 to 65535)".into()));
    }
}
