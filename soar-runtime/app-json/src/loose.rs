//! Values that real apps spell sloppily, read into types that remember what was written.
//!
//! Real app JSON writes a `column_order` as `"0"`, a numeric default as `""`, an `order` as
//! `1.0`. The model must read all of it and write it back unchanged, yet offer the proper type to
//! code that builds app JSON. [`Loose`] holds either the proper type or the verbatim value;
//! [`DefaultValue`] holds a default of whatever JSON type it was written with.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Number, Value};

/// A value that should have type `T`, or whatever the app wrote in its place.
///
/// Reading never fails: a value that does not deserialize as `T` is kept verbatim in
/// [`Loose::Other`], so that writing reproduces it. The validator reports such values.
#[derive(Clone, Debug, PartialEq)]
pub enum Loose<T> {
    /// The value has the expected type.
    Typed(T),
    /// Something else was written; kept as it was.
    Other(Value),
}

impl<T> Loose<T> {
    /// The value if it has the expected type.
    pub fn typed(&self) -> Option<&T> {
        match self {
            Self::Typed(value) => Some(value),
            Self::Other(_) => None,
        }
    }
}

impl<T> From<T> for Loose<T> {
    fn from(value: T) -> Self {
        Self::Typed(value)
    }
}

impl<T: Serialize> Serialize for Loose<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Typed(value) => value.serialize(serializer),
            Self::Other(value) => value.serialize(serializer),
        }
    }
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for Loose<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        Ok(match T::deserialize(&value) {
            Ok(typed) => Self::Typed(typed),
            Err(_) => Self::Other(value),
        })
    }
}

/// A position (`order`, `column_order`): a `u32` when written properly.
///
/// Real apps also write `"0"` for a `column_order`; that spelling is kept in [`Loose::Other`].
pub type Order = Loose<u32>;

/// The `column_order` of an output entry (see [`Order`]).
pub type ColumnOrder = Loose<u32>;

impl Loose<u32> {
    /// Where this order puts its entry, whatever the spelling: a non-negative integer written as
    /// a number (`3`, `3.0`) or as a string of digits (`"3"`).
    pub fn position(&self) -> Option<u64> {
        match self {
            Self::Typed(position) => Some(u64::from(*position)),
            Self::Other(Value::Number(number)) => number.as_u64().or_else(|| {
                number
                    .as_f64()
                    .filter(|float| {
                        float.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(float)
                    })
                    .map(|float| float as u64)
            }),
            Self::Other(Value::String(text))
                if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) =>
            {
                text.parse().ok()
            }
            Self::Other(_) => None,
        }
    }
}

/// The `default` of a configuration field or parameter, with the JSON type it was written with.
///
/// The right type depends on the field's `data_type`; real apps write `""` for numeric and
/// boolean fields, `"False"` for a boolean and `"636"` for a number. The validator compares.
#[derive(Clone, Debug, PartialEq)]
pub enum DefaultValue {
    /// `true` or `false`.
    Bool(bool),
    /// A JSON number, kept with its spelling (integer or float).
    Number(Number),
    /// A string.
    Text(String),
    /// Anything else (`null`, a list, an object), kept as written.
    Other(Value),
}

impl DefaultValue {
    /// The default as a JSON value.
    pub fn to_value(&self) -> Value {
        match self {
            Self::Bool(flag) => Value::Bool(*flag),
            Self::Number(number) => Value::Number(number.clone()),
            Self::Text(text) => Value::String(text.clone()),
            Self::Other(value) => value.clone(),
        }
    }
}

impl From<Value> for DefaultValue {
    fn from(value: Value) -> Self {
        match value {
            Value::Bool(flag) => Self::Bool(flag),
            Value::Number(number) => Self::Number(number),
            Value::String(text) => Self::Text(text),
            other => Self::Other(other),
        }
    }
}

impl From<bool> for DefaultValue {
    fn from(flag: bool) -> Self {
        Self::Bool(flag)
    }
}

impl From<i64> for DefaultValue {
    fn from(number: i64) -> Self {
        Self::Number(number.into())
    }
}

impl From<&str> for DefaultValue {
    fn from(text: &str) -> Self {
        Self::Text(text.to_owned())
    }
}

impl From<String> for DefaultValue {
    fn from(text: String) -> Self {
        Self::Text(text)
    }
}

impl Serialize for DefaultValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Bool(flag) => serializer.serialize_bool(*flag),
            Self::Number(number) => number.serialize(serializer),
            Self::Text(text) => serializer.serialize_str(text),
            Self::Other(value) => value.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for DefaultValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Value::deserialize(deserializer).map(Self::from)
    }
}

/// Reads a key that is present into `Some`, even when its value is `null`, so that the key
/// survives a round trip. Use with `#[serde(default, deserialize_with = "...")]`.
pub(crate) fn present<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(deserializer).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn loose_keeps_the_spelling_it_cannot_type() {
        let typed: Order = serde_json::from_value(json!(3)).unwrap();
        assert_eq!(typed, Loose::Typed(3));
        for sloppy in [json!("3"), json!(3.0), json!(-1), json!(null), json!([1])] {
            let order: Order = serde_json::from_value(sloppy.clone()).unwrap();
            assert_eq!(order, Loose::Other(sloppy.clone()));
            assert_eq!(serde_json::to_value(&order).unwrap(), sloppy);
        }
    }

    #[test]
    fn position_reads_every_spelling_of_a_non_negative_integer() {
        let cases = [
            (json!(2), Some(2)),
            (json!("2"), Some(2)),
            (json!(2.0), Some(2)),
            (json!("+2"), None),
            (json!(""), None),
            (json!(-1), None),
            (json!(2.5), None),
            (json!(true), None),
        ];
        for (written, expected) in cases {
            let order: Order = serde_json::from_value(written.clone()).unwrap();
            assert_eq!(order.position(), expected, "{written}");
        }
    }

    #[test]
    fn default_value_round_trips_every_json_type() {
        for written in [
            json!(""),
            json!("False"),
            json!(10),
            json!(1.5),
            json!(false),
            json!(null),
            json!({}),
        ] {
            let default: DefaultValue = serde_json::from_value(written.clone()).unwrap();
            assert_eq!(serde_json::to_value(&default).unwrap(), written);
            assert_eq!(default.to_value(), written);
        }
    }
}
