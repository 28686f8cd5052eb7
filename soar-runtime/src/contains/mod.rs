//! The platform's `contains` validation (contract section 4).
//!
//! Only 11 `contains` strings have a stock validator ([`soar_vocab::STOCK_CONTAINS`]); every
//! other `contains` string is an unvalidated label. The validators are deliberately loose and
//! reproduced exactly as the platform applies them, on the whole value with no trimming:
//! [`stock`] holds them one function each, [`Validators`] holds the set in force for one run
//! (the stock set plus what the connector changed with
//! [`set_validator`](Validators::set_validator)) and applies the platform's rule.
//!
//! These are not parsers: a value that passes `domain` need not be a domain name. Typed values
//! that really parse are in [`crate::values`].

pub mod stock;
mod validators;

pub use stock::{
    is_domain, is_email, is_hash, is_host_name, is_ip, is_mac_address, is_md5, is_sha1, is_sha256,
    is_sha512, is_url,
};
pub use validators::Validators;

use soar_vocab::STOCK_CONTAINS;

/// A validator for one contains type: true when the value is acceptable.
pub type ValidatorFn = std::sync::Arc<dyn Fn(&str) -> bool + Send + Sync>;

/// The stock validators, in the order of [`STOCK_CONTAINS`] (the array length ties the two).
const STOCK_VALIDATORS: [fn(&str) -> bool; STOCK_CONTAINS.len()] = [
    is_ip,
    is_md5,
    is_sha1,
    is_sha256,
    is_sha512,
    is_hash,
    is_url,
    is_domain,
    is_host_name,
    is_email,
    is_mac_address,
];

/// The stock validator for a contains string, if the platform has one.
///
/// The match is exact and case-sensitive, as the platform's is: `"IP"` has no validator.
pub fn stock_validator(contains: &str) -> Option<fn(&str) -> bool> {
    STOCK_CONTAINS
        .iter()
        .position(|stock| *stock == contains)
        .map(|index| STOCK_VALIDATORS[index])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Values on which the 11 stock validators all disagree pairwise, so that a validator
    /// registered under the wrong name cannot go unnoticed.
    const SAMPLES: [&str; 12] = [
        "1.2.3.4",
        "d41d8cd98f00b204e9800998ecf8427e",
        "da39a3ee5e6b4b0d3255bfef95601890afd80709",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e",
        "https://example.com/",
        "example.com",
        "user@example.com",
        "user@localhost",
        "@example",
        "00:1a:2b:3c:4d:5e",
        "",
    ];

    /// A stock validator.
    type Validator = fn(&str) -> bool;

    fn verdicts(validator: Validator) -> Vec<bool> {
        SAMPLES.iter().map(|sample| validator(sample)).collect()
    }

    #[test]
    fn every_stock_contains_maps_to_its_own_validator() {
        let expected: [(&str, Validator); 11] = [
            ("ip", is_ip),
            ("md5", is_md5),
            ("sha1", is_sha1),
            ("sha256", is_sha256),
            ("sha512", is_sha512),
            ("hash", is_hash),
            ("url", is_url),
            ("domain", is_domain),
            ("host name", is_host_name),
            ("email", is_email),
            ("mac address", is_mac_address),
        ];
        for (name, direct) in expected {
            let found = stock_validator(name).unwrap_or_else(|| panic!("no validator for {name}"));
            assert_eq!(
                verdicts(found),
                verdicts(direct),
                "validator registered for {name}"
            );
        }
        let all: Vec<_> = expected
            .iter()
            .map(|(_, direct)| verdicts(*direct))
            .collect();
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                assert_ne!(a, b, "the samples must tell every validator apart");
            }
        }
    }

    #[test]
    fn other_contains_have_no_stock_validator() {
        for name in [
            "ipv6", "IP", "Domain", "port", "vault id", "hostname", "ip ", "",
        ] {
            assert!(
                stock_validator(name).is_none(),
                "{name:?} has no stock validator"
            );
        }
    }
}
