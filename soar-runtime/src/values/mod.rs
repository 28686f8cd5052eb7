//! Typed values for action parameters.
//!
//! Typed values parse, they do not validate: a [`Domain`] in hand is a domain. Each one is
//! built by [`FromStr`](std::str::FromStr) (or from a parameter value by [`Param`]), prints
//! its canonical form with [`Display`](std::fmt::Display), and (de)serializes as that form.
//! Failures are a [`ParseError`] holding a short reason.
//!
//! [`Param`] is the trait every action parameter type implements: the plain types `String`,
//! `bool`, the integers and floats, and the typed values here. Its `CONTAINS` strings are
//! what the generated app JSON advertises for the parameter; the stock `contains` rule of
//! [`crate::contains`] runs before the parsing.

mod error;
mod hash;
mod ip;
mod mac;
mod mail;
mod name;
mod param;
mod port;
mod primitive;
mod web;

pub use error::ParseError;
pub use hash::{Hash, Md5, Sha1, Sha256, Sha512};
pub use ip::{Ip, Ipv4, Ipv6};
pub use mac::MacAddress;
pub use mail::Email;
pub use name::{Domain, HostName};
pub use param::Param;
pub use port::Port;
pub use web::Url;

#[cfg(test)]
mod tests {
    use super::*;

    /// The type's name, `data_type` and `contains` as the importer's table has them.
    fn declared<T: Param>(
        name: &'static str,
    ) -> (&'static str, &'static str, &'static [&'static str]) {
        (name, T::DATA_TYPE, T::CONTAINS)
    }

    #[test]
    fn the_vocabularys_value_types_are_these_types() {
        let types = [
            declared::<Ip>("Ip"),
            declared::<Ipv4>("Ipv4"),
            declared::<Ipv6>("Ipv6"),
            declared::<Domain>("Domain"),
            declared::<HostName>("HostName"),
            declared::<Url>("Url"),
            declared::<Email>("Email"),
            declared::<MacAddress>("MacAddress"),
            declared::<Md5>("Md5"),
            declared::<Sha1>("Sha1"),
            declared::<Sha256>("Sha256"),
            declared::<Sha512>("Sha512"),
            declared::<Hash>("Hash"),
            declared::<Port>("Port"),
        ];
        assert_eq!(types, soar_vocab::VALUE_TYPES);
    }
}
