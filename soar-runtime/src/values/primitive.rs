//! [`Param`] for the plain types: `String`, `bool`, the integers and the floats.
//!
//! Parameter values arrive as JSON strings, numbers or booleans whatever the declared
//! `data_type` (contract section 2), so each type also takes the others' spelling of its
//! values: a number from `"10"`, a string from `10`, a boolean from `"True"`.

use serde_json::Value;

use super::Param;
use super::param::{json_kind, text_of};

impl Param for String {
    const DATA_TYPE: &'static str = "string";
    const CONTAINS: &'static [&'static str] = &[];

    /// A string as it is; a number or boolean as its JSON text.
    fn from_param(value: &Value) -> Result<Self, String> {
        text_of(value).map(Into::into)
    }
}

impl Param for bool {
    const DATA_TYPE: &'static str = "boolean";
    const CONTAINS: &'static [&'static str] = &[];

    /// A JSON boolean, or the string `true` or `false` in any case. Nothing else: not `1`,
    /// `"yes"` or `"on"`, which the platform's UI never sends.
    fn from_param(value: &Value) -> Result<Self, String> {
        match value {
            Value::Bool(flag) => Ok(*flag),
            Value::String(text) if text.eq_ignore_ascii_case("true") => Ok(true),
            Value::String(text) if text.eq_ignore_ascii_case("false") => Ok(false),
            Value::String(_) => Err("expected true or false".into()),
            other => Err(format!("expected true or false, not {}", json_kind(other))),
        }
    }
}

/// The integer a parameter value holds: a JSON number or a string holding one, with no
/// fractional part (`10`, `"10"`, `10.0`, `"1e3"`; not `10.5`).
///
/// The result is wide enough for every integer type; an integral float beyond it saturates,
/// so that the caller's range check reports it.
pub(crate) fn integer_of(value: &Value) -> Result<i128, String> {
    let float = match value {
        Value::Number(number) => match (number.as_i64(), number.as_u64()) {
            (Some(int), _) => return Ok(int.into()),
            (None, Some(int)) => return Ok(int.into()),
            (None, None) => number.as_f64(),
        },
        Value::String(text) => match text.parse::<i128>() {
            Ok(int) => return Ok(int),
            Err(_) => text.parse::<f64>().ok(),
        },
        other => return Err(format!("expected an integer, not {}", json_kind(other))),
    };
    match float {
        // A float with no fractional part is an integer; `as` saturates beyond i128.
        Some(float) if float.is_finite() && float.fract() == 0.0 => Ok(float as i128),
        _ => Err("not an integer".into()),
    }
}

/// Implements [`Param`] for integer types: data type "numeric", values by [`integer_of`],
/// out-of-range values rejected with the type's range.
macro_rules! integer_param {
    ($($int:ty),*) => {$(
        impl Param for $int {
            const DATA_TYPE: &'static str = "numeric";
            const CONTAINS: &'static [&'static str] = &[];

            fn from_param(value: &Value) -> Result<Self, String> {
                <$int>::try_from(integer_of(value)?)
                    .map_err(|_| format!("out of range ({} to {})", <$int>::MIN, <$int>::MAX))
            }
        }
    )*};
}
integer_param!(i8, i16, i32, i64, isize, u8, u16, u32, u64, usize);

/// The finite number a parameter value holds: a JSON number or a string holding one.
fn float_of(value: &Value) -> Result<f64, String> {
    let float = match value {
        Value::Number(number) => number.as_f64(),
        Value::String(text) => text.parse().ok(),
        other => return Err(format!("expected a number, not {}", json_kind(other))),
    };
    float
        .filter(|f: &f64| f.is_finite())
        .ok_or_else(|| "not a finite number".into())
}

impl Param for f64 {
    const DATA_TYPE: &'static str = "numeric";
    const CONTAINS: &'static [&'static str] = &[];

    /// A finite number: a JSON number or a string holding one (`"inf"` and `"NaN"` fail).
    fn from_param(value: &Value) -> Result<Self, String> {
        float_of(value)
    }
}

impl Param for f32 {
    const DATA_TYPE: &'static str = "numeric";
    const CONTAINS: &'static [&'static str] = &[];

    /// A finite number that fits an `f32` (rounded to the nearest `f32`).
    fn from_param(value: &Value) -> Result<Self, String> {
        let narrow = float_of(value)? as f32;
        if narrow.is_finite() {
            Ok(narrow)
        } else {
            Err("out of range for a 32-bit float".into())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn string_takes_strings_numbers_and_booleans() {
        assert_eq!(
            String::from_param(&json!("amazon.com")),
            Ok("amazon.com".into())
        );
        assert_eq!(String::from_param(&json!(10)), Ok("10".into()));
        assert_eq!(String::from_param(&json!(-1.5)), Ok("-1.5".into()));
        assert_eq!(String::from_param(&json!(true)), Ok("true".into()));
        assert_eq!(
            String::from_param(&json!(null)),
            Err("expected a string, not null".into())
        );
        assert_eq!(
            String::from_param(&json!([1])),
            Err("expected a string, not a list".into())
        );
        assert_eq!(
            String::from_param(&json!({})),
            Err("expected a string, not an object".into())
        );
    }

    #[test]
    fn bool_takes_booleans_and_their_names() {
        for (value, expected) in [
            (json!(true), true),
            (json!(false), false),
            (json!("true"), true),
            (json!("False"), false),
            (json!("TRUE"), true),
        ] {
            assert_eq!(bool::from_param(&value), Ok(expected), "{value}");
        }
        for value in [json!("yes"), json!("1"), json!(""), json!(" true")] {
            assert_eq!(
                bool::from_param(&value),
                Err("expected true or false".into()),
                "{value}"
            );
        }
        assert_eq!(
            bool::from_param(&json!(1)),
            Err("expected true or false, not a number".into())
        );
    }

    #[test]
    fn integers_take_numbers_and_strings() {
        assert_eq!(i32::from_param(&json!(10)), Ok(10));
        assert_eq!(i32::from_param(&json!("10")), Ok(10));
        assert_eq!(i32::from_param(&json!("-10")), Ok(-10));
        assert_eq!(i32::from_param(&json!("+7")), Ok(7));
        assert_eq!(i32::from_param(&json!(10.0)), Ok(10));
        assert_eq!(i32::from_param(&json!("10.0")), Ok(10));
        assert_eq!(u64::from_param(&json!(u64::MAX)), Ok(u64::MAX));
        assert_eq!(
            u64::from_param(&json!("18446744073709551615")),
            Ok(u64::MAX)
        );
        assert_eq!(i64::from_param(&json!(i64::MIN)), Ok(i64::MIN));
        assert_eq!(usize::from_param(&json!(4294967295u64)), Ok(4294967295));
        assert_eq!(u8::from_param(&json!(255)), Ok(255));
    }

    #[test]
    fn integers_reject_what_is_not_an_integer_of_their_range() {
        assert_eq!(
            u8::from_param(&json!(256)),
            Err("out of range (0 to 255)".into())
        );
        assert_eq!(
            i8::from_param(&json!("-129")),
            Err("out of range (-128 to 127)".into())
        );
        assert_eq!(
            u32::from_param(&json!(-1)),
            Err("out of range (0 to 4294967295)".into())
        );
        assert_eq!(
            u64::from_param(&json!("18446744073709551616")),
            Err("out of range (0 to 18446744073709551615)".into())
        );
        assert_eq!(
            i64::from_param(&json!(1e300)),
            Err("out of range (-9223372036854775808 to 9223372036854775807)".into())
        );
        assert_eq!(i32::from_param(&json!(10.5)), Err("not an integer".into()));
        assert_eq!(i32::from_param(&json!("ten")), Err("not an integer".into()));
        assert_eq!(i32::from_param(&json!("")), Err("not an integer".into()));
        assert_eq!(i32::from_param(&json!("inf")), Err("not an integer".into()));
        assert_eq!(
            i32::from_param(&json!(true)),
            Err("expected an integer, not a boolean".into())
        );
        assert_eq!(
            i32::from_param(&json!(null)),
            Err("expected an integer, not null".into())
        );
    }

    #[test]
    fn floats_take_finite_numbers() {
        assert_eq!(f64::from_param(&json!(1.5)), Ok(1.5));
        assert_eq!(f64::from_param(&json!("1.5")), Ok(1.5));
        assert_eq!(f64::from_param(&json!(-3)), Ok(-3.0));
        assert_eq!(f32::from_param(&json!("0.25")), Ok(0.25));
        assert_eq!(
            f64::from_param(&json!("NaN")),
            Err("not a finite number".into())
        );
        assert_eq!(
            f64::from_param(&json!("inf")),
            Err("not a finite number".into())
        );
        assert_eq!(
            f64::from_param(&json!("x")),
            Err("not a finite number".into())
        );
        assert_eq!(
            f32::from_param(&json!(1e300)),
            Err("out of range for a 32-bit float".into())
        );
        assert_eq!(
            f64::from_param(&json!(false)),
            Err("expected a number, not a boolean".into())
        );
    }

    #[test]
    fn data_types() {
        assert_eq!(<String as Param>::DATA_TYPE, "string");
        assert_eq!(<bool as Param>::DATA_TYPE, "boolean");
        assert_eq!(<u16 as Param>::DATA_TYPE, "numeric");
        assert_eq!(<f32 as Param>::DATA_TYPE, "numeric");
        assert!(<String as Param>::CONTAINS.is_empty());
        assert!(<i64 as Param>::CONTAINS.is_empty());
    }
}
