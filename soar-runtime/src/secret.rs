//! [`Secret`]: a password or token that never shows itself by accident.

use std::fmt;

use secrecy::{ExposeSecret, SecretString};

/// What `Debug` and `Display` print instead of a secret's value.
pub const REDACTED: &str = "********";

/// A password, token or key from the asset configuration (a `password` field).
///
/// Its `Debug` and `Display` print [`REDACTED`], never the value. It serializes only into the
/// connector's typed state ([`crate::context::Ctx::set_typed_state`]), and there encrypted;
/// anywhere else serializing it is an error, so putting a secret into a result, a log line or
/// a file cannot happen by accident. Code that really needs the value (to authenticate, or the
/// platform bridge handing it over) calls [`Secret::expose`], which is easy to find in review.
/// The memory that held the value is zeroed when the secret is dropped.
#[derive(Clone)]
pub struct Secret(SecretString);

impl Secret {
    /// Wraps a value.
    pub fn new(value: impl Into<String>) -> Self {
        Self(SecretString::from(value.into()))
    }

    /// The value itself. Call this only where the value is used (a request header, a login).
    pub fn expose(&self) -> &str {
        self.0.expose_secret()
    }

    /// Whether the value is the empty string.
    pub fn is_empty(&self) -> bool {
        self.expose().is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret({REDACTED})")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

impl PartialEq for Secret {
    fn eq(&self, other: &Self) -> bool {
        self.expose() == other.expose()
    }
}

impl Eq for Secret {}

/// Inside the state's serialization the value is written encrypted; anywhere else it is an
/// error.
impl serde::Serialize for Secret {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::Error;
        match crate::state::sealing::seal(self.expose()) {
            Some(Ok(sealed)) => serializer.serialize_str(&sealed),
            Some(Err(error)) => Err(S::Error::custom(format!(
                "cannot encrypt a secret for the state: {}",
                error.full_message()
            ))),
            None => Err(S::Error::custom(
                "a Secret is serialized only into the connector state, where it is encrypted",
            )),
        }
    }
}

/// A plain string (configuration, parameters); inside the state's deserialization, the
/// encrypted value, decrypted.
impl<'de> serde::Deserialize<'de> for Secret {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let text = String::deserialize(deserializer)?;
        match crate::state::sealing::unseal(&text) {
            Some(Ok(plain)) => Ok(Secret::new(plain)),
            Some(Err(error)) => Err(D::Error::custom(format!(
                "cannot decrypt a secret of the state: {}",
                error.full_message()
            ))),
            None => Ok(Secret::new(text)),
        }
    }
}

/// A `password` parameter: the value as it came, never printed.
impl crate::values::Param for Secret {
    const DATA_TYPE: &'static str = "password";
    const CONTAINS: &'static [&'static str] = &[];

    fn from_param(value: &serde_json::Value) -> Result<Self, String> {
        match value {
            serde_json::Value::String(text) => Ok(Self::new(text.as_str())),
            _ => Err("expected a string".to_owned()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_and_display_hide_the_value() {
        let secret = Secret::new("hunter2-canary");
        assert_eq!(format!("{secret}"), REDACTED);
        assert_eq!(format!("{secret:?}"), "Secret(********)");
        assert_eq!(format!("{secret:#?}"), "Secret(********)");
        assert_eq!(secret.expose(), "hunter2-canary");
    }

    #[test]
    fn deserializes_from_a_json_string() {
        let secret: Secret = serde_json::from_str("\"tok\"").unwrap();
        assert_eq!(secret.expose(), "tok");
        assert!(serde_json::from_str::<Secret>("12").is_err());
    }

    #[test]
    fn serializes_only_sealed_into_the_state() {
        let secret = Secret::new("hunter2-canary");
        let error = serde_json::to_string(&secret).unwrap_err().to_string();
        assert!(error.contains("only into the connector state"), "{error}");
        let sealer: std::sync::Arc<dyn crate::state::sealing::Sealer> =
            std::sync::Arc::new(crate::platform::LocalCipher::generate().0);
        let sealed = crate::state::sealing::seal_scope(sealer.clone(), "asset", || {
            serde_json::to_string(&secret).unwrap()
        });
        assert!(!sealed.contains("hunter2"));
        let back: Secret = crate::state::sealing::seal_scope(sealer, "asset", || {
            serde_json::from_str(&sealed).unwrap()
        });
        assert_eq!(back, secret);
    }
}
