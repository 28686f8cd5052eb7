//! The [`Param`] trait, and the plumbing shared by the typed values written as strings.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

use serde_json::Value;

/// A type that an action parameter can be parsed into.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be used as an action parameter",
    label = "not a parameter type",
    note = "parameter types implement `soar_runtime::values::Param`: String, integers, floats, bool, Secret, and the typed values of `soar_runtime::values`"
)]
pub trait Param: Sized {
    /// The platform `data_type` of the parameter: "string", "numeric" or "boolean".
    const DATA_TYPE: &'static str;
    /// The `contains` strings this type brings (empty for plain types).
    const CONTAINS: &'static [&'static str];
    /// Parse a cleaned parameter value (a JSON string, number or boolean; numbers may arrive as strings and vice versa).
    /// The error is a short reason without the parameter name, e.g. "not an IPv4 or IPv6 address".
    fn from_param(value: &serde_json::Value) -> Result<Self, String>;
}

pub(crate) use soar_app_json::json_kind;

/// The text of a parameter value: a string as it is, a number or boolean as its JSON text.
pub(crate) fn text_of(value: &Value) -> Result<Cow<'_, str>, String> {
    match value {
        Value::String(text) => Ok(Cow::Borrowed(text)),
        Value::Number(number) => Ok(Cow::Owned(number.to_string())),
        Value::Bool(flag) => Ok(Cow::Borrowed(if *flag { "true" } else { "false" })),
        other => Err(format!("expected a string, not {}", json_kind(other))),
    }
}

/// Deserializes a string through `FromStr`, reporting the parser's reason.
pub(crate) struct FromStrVisitor<T>(PhantomData<T>);

impl<T> FromStrVisitor<T> {
    /// The visitor for `T`.
    pub(crate) fn new() -> Self {
        Self(PhantomData)
    }
}

impl<T: FromStr<Err: fmt::Display>> serde::de::Visitor<'_> for FromStrVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<T, E> {
        text.parse().map_err(E::custom)
    }
}

/// Implements [`Param`] (data type "string", the given `contains`, an expression of type
/// `&'static [&'static str]`), `Serialize` (as the `Display` form) and `Deserialize`
/// (through `FromStr`) for a typed value written as a string. The type must implement
/// `FromStr<Err = ParseError>` and `Display`.
macro_rules! string_value {
    ($type:ty, contains = $contains:expr) => {
        impl $crate::values::Param for $type {
            const DATA_TYPE: &'static str = "string";
            const CONTAINS: &'static [&'static str] = $contains;

            fn from_param(value: &::serde_json::Value) -> ::core::result::Result<Self, String> {
                $crate::values::param::text_of(value)?
                    .parse()
                    .map_err(|error: $crate::values::ParseError| error.to_string())
            }
        }

        impl ::serde::Serialize for $type {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $type {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                deserializer.deserialize_str($crate::values::param::FromStrVisitor::new())
            }
        }
    };
}
pub(crate) use string_value;

/// Defines a typed value that holds its canonical text: the struct (with the given doc
/// comment), `as_str` (documented with `text`), `AsRef<str>`, `From<_> for String`, `Display`,
/// and the parameter and serde glue of [`string_value`]. The caller implements
/// `FromStr<Err = ParseError>`, the one thing that differs between such types.
macro_rules! text_value {
    ($(#[$doc:meta])* $name:ident, text = $text:literal, contains = $contains:expr) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(String);

        impl $name {
            #[doc = $text]
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> Self {
                value.0
            }
        }

        impl ::core::fmt::Display for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(&self.0)
            }
        }

        $crate::values::param::string_value!($name, contains = $contains);
    };
}
pub(crate) use text_value;
