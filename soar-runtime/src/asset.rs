//! Typed asset configuration: the types that the fields of a `#[connector]` struct can have,
//! their platform `data_type`, and how each is read from the prepared [`Config`].

use std::fmt;

use serde_json::Value;

use crate::config::Config;
use crate::error::ActionError;
use crate::secret::Secret;
use crate::values::Param;

/// A type that an asset configuration value can be read into.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be used as an asset configuration field",
    label = "not a configuration type",
    note = "configuration fields are String, integers, floats, bool, Secret (a password), TimeZone, AssetFile, or an `Option` of one, or a Spacer"
)]
pub trait ConfigValue: Sized {
    /// The platform `data_type` of the field: `string`, `password`, `numeric`, `boolean`,
    /// `timezone` or `file`.
    const DATA_TYPE: &'static str;

    /// Reads the field; `Ok(None)` when the configuration lacks it. The error is a short reason
    /// without the field's name.
    fn read(config: &Config, name: &str) -> Result<Option<Self>, String>;
}

/// Implements [`ConfigValue`] through [`Param`] for types whose values arrive as plain JSON.
macro_rules! plain_config_values {
    ($($type:ty),+) => {$(
        impl ConfigValue for $type {
            const DATA_TYPE: &'static str = <$type as Param>::DATA_TYPE;

            fn read(config: &Config, name: &str) -> Result<Option<Self>, String> {
                config.get(name).map(<$type as Param>::from_param).transpose()
            }
        }
    )+};
}

plain_config_values!(
    String, bool, i8, i16, i32, i64, isize, u8, u16, u32, u64, usize, f32, f64
);

impl ConfigValue for Secret {
    const DATA_TYPE: &'static str = <Secret as Param>::DATA_TYPE;

    fn read(config: &Config, name: &str) -> Result<Option<Self>, String> {
        Ok(config.secret(name).cloned())
    }
}

/// A field whose value is text the platform sends as it is (a zone's name, a file's text):
/// anything but a string is `expected <what>`.
fn text(config: &Config, name: &str, what: &str) -> Result<Option<String>, String> {
    match config.get(name) {
        None => Ok(None),
        Some(Value::String(text)) => Ok(Some(text.clone())),
        Some(_) => Err(format!("expected {what}")),
    }
}

/// A time zone name chosen in the asset form (a `timezone` field), e.g. `Europe/Paris`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TimeZone(String);

impl TimeZone {
    /// The zone's name as the platform sent it.
    pub fn name(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for TimeZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl ConfigValue for TimeZone {
    const DATA_TYPE: &'static str = "timezone";

    fn read(config: &Config, name: &str) -> Result<Option<Self>, String> {
        Ok(text(config, name, "a time zone name")?.map(Self))
    }
}

/// A file chosen in the asset form (a `file` field), e.g. a script that preprocesses
/// containers. Its value arrives as text: the official SDK reads a file field as a string, and
/// the corpus connectors run a `preprocess_script` field's value as source code (inferred; the
/// platform documents no more).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AssetFile(String);

impl AssetFile {
    /// The file's text, as the platform sent it.
    pub fn text(&self) -> &str {
        &self.0
    }
}

impl ConfigValue for AssetFile {
    const DATA_TYPE: &'static str = "file";

    fn read(config: &Config, name: &str) -> Result<Option<Self>, String> {
        Ok(text(config, name, "the file's text")?.map(Self))
    }
}

/// A placeholder (a `ph` field): it only spaces the asset configuration form, or an action's
/// parameter form, and never has a value, so it is read as itself whatever the configuration
/// or the parameters hold, and is never required.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Spacer;

impl AssetField for Spacer {
    const REQUIRED: bool = false;
    const DATA_TYPE: &'static str = "ph";

    fn extract(_: &Config, _: &str) -> Result<Self, ActionError> {
        Ok(Self)
    }
}

/// The type of a field of a `#[connector]` struct: a [`ConfigValue`] (required) or an `Option`
/// of one (not required), or a [`Spacer`].
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be used as an asset configuration field",
    label = "not a configuration type",
    note = "configuration fields are String, integers, floats, bool, Secret (a password), TimeZone, AssetFile, or an `Option` of one, or a Spacer"
)]
pub trait AssetField: Sized {
    /// Whether the asset must set the field.
    const REQUIRED: bool;
    /// The platform `data_type` of the field.
    const DATA_TYPE: &'static str;

    /// Reads the field, naming it in the error.
    fn extract(config: &Config, name: &str) -> Result<Self, ActionError>;
}

/// "Configuration field '<name>' is invalid: <reason>".
fn invalid(name: &str, reason: impl fmt::Display) -> ActionError {
    ActionError::new(format!("Configuration field '{name}' is invalid: {reason}"))
}

impl<T: ConfigValue> AssetField for T {
    const REQUIRED: bool = true;
    const DATA_TYPE: &'static str = T::DATA_TYPE;

    fn extract(config: &Config, name: &str) -> Result<Self, ActionError> {
        T::read(config, name)
            .map_err(|reason| invalid(name, reason))?
            .ok_or_else(|| {
                ActionError::new(format!("Required configuration field '{name}' is missing"))
            })
    }
}

impl<T: ConfigValue> AssetField for Option<T> {
    const REQUIRED: bool = false;
    const DATA_TYPE: &'static str = T::DATA_TYPE;

    fn extract(config: &Config, name: &str) -> Result<Self, ActionError> {
        T::read(config, name).map_err(|reason| invalid(name, reason))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use indexmap::IndexMap;
    use serde_json::json;

    fn config() -> Config {
        let Value::Object(values) = json!({"server": "whois.example", "timeout": "x", "count": 3, "zone": "Europe/Paris", "script": "def f(c): return c\n"})
        else {
            unreachable!()
        };
        let mut secrets = IndexMap::new();
        secrets.insert("token".to_owned(), Secret::new("t0k"));
        Config::new(values, secrets)
    }

    #[test]
    fn reads_fields_by_type_and_names_the_field_in_errors() {
        let config = config();
        assert_eq!(String::extract(&config, "server").unwrap(), "whois.example");
        assert_eq!(<Option<String>>::extract(&config, "absent").unwrap(), None);
        assert_eq!(Secret::extract(&config, "token").unwrap().expose(), "t0k");
        assert_eq!(
            TimeZone::extract(&config, "zone").unwrap().name(),
            "Europe/Paris"
        );
        assert_eq!(
            AssetFile::extract(&config, "script").unwrap().text(),
            "def f(c): return c\n"
        );
        assert_eq!(
            AssetFile::extract(&config, "count").unwrap_err().message(),
            "Configuration field 'count' is invalid: expected the file's text"
        );
        // A spacer is read whatever the configuration holds, a value or none.
        assert_eq!(Spacer::extract(&config, "server").unwrap(), Spacer);
        assert_eq!(Spacer::extract(&config, "absent").unwrap(), Spacer);
        assert_eq!(
            String::extract(&config, "absent").unwrap_err().message(),
            "Required configuration field 'absent' is missing"
        );
        assert!(
            <Option<i64>>::extract(&config, "timeout")
                .unwrap_err()
                .message()
                .starts_with("Configuration field 'timeout' is invalid: ")
        );
    }

    #[test]
    fn data_types_come_from_the_type() {
        assert_eq!(<Option<Secret> as AssetField>::DATA_TYPE, "password");
        assert_eq!(<i64 as AssetField>::DATA_TYPE, "numeric");
        assert_eq!(<TimeZone as AssetField>::DATA_TYPE, "timezone");
        assert_eq!(<Option<AssetFile> as AssetField>::DATA_TYPE, "file");
        assert_eq!(<Spacer as AssetField>::DATA_TYPE, "ph");
        const { assert!(<String as AssetField>::REQUIRED && !<Option<String> as AssetField>::REQUIRED) };
        const { assert!(!<Spacer as AssetField>::REQUIRED) };
    }
}
