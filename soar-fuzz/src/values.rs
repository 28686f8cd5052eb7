//! The typed value parsers (`soar_runtime::values`) and the stock `contains` validators
//! (`soar_runtime::contains`).

use std::fmt::{Debug, Display};
use std::str::FromStr;

use serde_json::Value;
use soar_runtime::contains::{Validators, stock_validator};
use soar_runtime::values::{
    Domain, Email, Hash, HostName, Ip, Ipv4, Ipv6, MacAddress, Md5, Param, Port, Sha1, Sha256,
    Sha512, Url,
};
use soar_vocab::STOCK_CONTAINS;

/// The input as text through every parser and validator, and as a JSON parameter value
/// through every [`Param`] type.
pub(crate) fn run(bytes: &[u8]) {
    if let Ok(text) = std::str::from_utf8(bytes) {
        text_through_every_parser(text);
        let validators = Validators::stock();
        for contains in STOCK_CONTAINS {
            let by_name = validators.accepts(&[contains], text);
            let validator = stock_validator(contains)
                .unwrap_or_else(|| panic!("no stock validator for {contains}"));
            assert_eq!(by_name, validator(text), "{contains} on {text:?}");
        }
        params_from(&Value::String(text.to_owned()));
    }
    if let Ok(value) = serde_json::from_slice::<Value>(bytes) {
        params_from(&value);
    }
}

/// Parses `text` as each typed value; what parses must print a canonical form that parses
/// back to the same value and prints the same.
fn text_through_every_parser(text: &str) {
    round_trip::<Domain>(text);
    round_trip::<HostName>(text);
    round_trip::<Ip>(text);
    round_trip::<Ipv4>(text);
    round_trip::<Ipv6>(text);
    round_trip::<MacAddress>(text);
    round_trip::<Email>(text);
    round_trip::<Url>(text);
    round_trip::<Port>(text);
    round_trip::<Hash>(text);
    round_trip::<Md5>(text);
    round_trip::<Sha1>(text);
    round_trip::<Sha256>(text);
    round_trip::<Sha512>(text);
}

fn round_trip<T>(text: &str)
where
    T: FromStr<Err: Display> + Display + PartialEq + Debug,
{
    let Ok(value) = text.parse::<T>() else {
        return;
    };
    let printed = value.to_string();
    let again = printed.parse::<T>().unwrap_or_else(|error| {
        panic!("{text:?} parsed as {value:?}, whose form {printed:?} does not parse: {error}")
    });
    assert_eq!(again, value, "{text:?} -> {printed:?}");
    assert_eq!(again.to_string(), printed, "{text:?}");
}

/// Every parameter type from one parameter value: an error or a value, never a panic.
fn params_from(value: &Value) {
    macro_rules! each {
        ($($type:ty),*) => {$(
            let _ = <$type as Param>::from_param(value);
        )*};
    }
    each!(
        String, bool, i8, i16, i32, i64, isize, u8, u16, u32, u64, usize, f32, f64, Domain,
        HostName, Ip, Ipv4, Ipv6, MacAddress, Email, Url, Port, Hash, Md5, Sha1, Sha256, Sha512
    );
}
