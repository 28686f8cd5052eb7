//! The `data_type` of configuration fields, parameters and outputs.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A `data_type` as the platform spells it; unknown spellings are kept in [`DataType::Other`].
///
/// Which types fit where (configuration, parameter, output) is the validator's business: real
/// apps use `ph` and `password` for outputs, the CI schema allows `object` and `array` for
/// configuration fields.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum DataType {
    /// `string`.
    #[default]
    String,
    /// `password`: a secret, shown masked and stored encrypted.
    Password,
    /// `numeric`.
    Numeric,
    /// `boolean`.
    Boolean,
    /// `ph`: a placeholder that only spaces the asset configuration form.
    Ph,
    /// `timezone`: a time zone name chosen from a list.
    Timezone,
    /// `file`: a file uploaded with the asset configuration.
    File,
    /// Any other spelling, kept as written.
    Other(String),
}

impl DataType {
    /// The platform's spelling.
    pub fn as_str(&self) -> &str {
        match self {
            Self::String => "string",
            Self::Password => "password",
            Self::Numeric => "numeric",
            Self::Boolean => "boolean",
            Self::Ph => "ph",
            Self::Timezone => "timezone",
            Self::File => "file",
            Self::Other(other) => other,
        }
    }
}

impl From<&str> for DataType {
    fn from(spelling: &str) -> Self {
        match spelling {
            "string" => Self::String,
            "password" => Self::Password,
            "numeric" => Self::Numeric,
            "boolean" => Self::Boolean,
            "ph" => Self::Ph,
            "timezone" => Self::Timezone,
            "file" => Self::File,
            other => Self::Other(other.to_owned()),
        }
    }
}

impl fmt::Display for DataType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for DataType {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for DataType {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spelling = String::deserialize(deserializer)?;
        Ok(Self::from(spelling.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_known_spelling_reads_back_as_itself() {
        for spelling in soar_vocab::CONFIG_DATA_TYPES {
            let data_type = DataType::from(spelling);
            assert_eq!(data_type.as_str(), spelling);
            let known = !matches!(data_type, DataType::Other(_));
            assert_eq!(known, !matches!(spelling, "object" | "array"), "{spelling}");
        }
        assert_eq!(DataType::from("String"), DataType::Other("String".into()));
    }
}
