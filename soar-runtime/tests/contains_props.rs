//! Property tests of the stock `contains` validators and of `Validators`.

use std::net::{Ipv4Addr, Ipv6Addr};

use proptest::prelude::*;
use soar_runtime::contains::{
    Validators, is_domain, is_email, is_hash, is_host_name, is_ip, is_mac_address, is_md5, is_sha1,
    is_sha256, is_sha512, is_url, stock_validator,
};
use soar_vocab::STOCK_CONTAINS;

/// Strings made mostly of the characters the validators care about.
fn tricky() -> impl Strategy<Value = String> {
    "[0-9a-fA-F.:@/+ \t-]{0,20}|[0-9.]{0,16}|\\PC{0,40}"
}

/// Six hex pairs with a random case and separators.
fn mac_text() -> impl Strategy<Value = String> {
    (
        any::<[u8; 6]>(),
        prop::collection::vec(prop::sample::select(vec![':', '-']), 5),
        any::<bool>(),
    )
        .prop_map(|(octets, separators, upper)| {
            let mut text = String::new();
            for (i, octet) in octets.iter().enumerate() {
                if i > 0 {
                    text.push(separators[i - 1]);
                }
                text.push_str(&if upper {
                    format!("{octet:02X}")
                } else {
                    format!("{octet:02x}")
                });
            }
            text
        })
}

proptest! {
    #[test]
    fn every_dotted_quad_is_an_ip(a: u8, b: u8, c: u8, d: u8) {
        let text = format!("{a}.{b}.{c}.{d}");
        prop_assert!(is_ip(&text), "{text:?}");
    }

    #[test]
    fn ip_agrees_with_std_ipv4_parsing(text in tricky()) {
        prop_assert_eq!(is_ip(&text), text.parse::<Ipv4Addr>().is_ok());
    }

    #[test]
    fn a_leading_zero_fails_ip(a: u8, b: u8, c: u8, d in 0u8..100) {
        let text = format!("{a}.{b}.{c}.0{d}");
        prop_assert!(!is_ip(&text), "{text:?}");
        let text = format!("0{d}.{a}.{b}.{c}");
        prop_assert!(!is_ip(&text), "{text:?}");
    }

    #[test]
    fn no_ipv6_address_is_an_ip(address: Ipv6Addr) {
        prop_assert!(!is_ip(&address.to_string()));
    }

    #[test]
    fn hex_digests_are_recognized_by_length(digits in "[0-9a-fA-F]{0,130}") {
        let len = digits.len();
        prop_assert_eq!(is_md5(&digits), len == 32);
        prop_assert_eq!(is_sha1(&digits), len == 40);
        prop_assert_eq!(is_sha256(&digits), len == 64);
        prop_assert_eq!(is_sha512(&digits), len == 128);
        prop_assert_eq!(is_hash(&digits), matches!(len, 32 | 40 | 64 | 128));
    }

    #[test]
    fn one_non_hex_character_fails_every_hash(
        digits in "[0-9a-f]{64}",
        at in 0usize..64,
        bad in "[g-zG-Z .:@_]",
    ) {
        let mut text = digits;
        text.replace_range(at..=at, &bad);
        prop_assert_eq!(text.len(), 64);
        prop_assert!(!is_sha256(&text));
        prop_assert!(!is_hash(&text));
    }

    #[test]
    fn hash_is_any_of_the_four(text in tricky()) {
        prop_assert_eq!(is_hash(&text), is_md5(&text) || is_sha1(&text) || is_sha256(&text) || is_sha512(&text));
    }

    #[test]
    fn domain_is_anything_without_at_that_is_not_an_ip(text in tricky()) {
        let expected = !text.is_empty() && text.chars().count() <= 255 && !is_ip(&text) && !text.contains('@');
        prop_assert_eq!(is_domain(&text), expected);
    }

    #[test]
    fn an_at_in_any_label_fails_domain(
        labels in prop::collection::vec("[a-z0-9@]{0,8}", 1..6),
        at in any::<prop::sample::Index>(),
        trailing_dot: bool,
    ) {
        let mut labels = labels;
        let label = at.index(labels.len());
        labels[label].push('@');
        let text = format!("{}{}", labels.join("."), if trailing_dot { "." } else { "" });
        prop_assert!(!is_domain(&text));
    }

    #[test]
    fn host_name_fails_only_on_a_label_starting_with_at(
        labels in prop::collection::vec("[a-z@]{1,8}", 1..6),
        trailing_dot: bool,
    ) {
        let text = format!("{}{}", labels.join("."), if trailing_dot { "." } else { "" });
        let expected = !labels.iter().any(|label| label.starts_with('@'));
        prop_assert_eq!(is_host_name(&text), expected);
    }

    #[test]
    fn domain_implies_host_name(text in tricky()) {
        prop_assert!(!is_domain(&text) || is_host_name(&text));
    }

    #[test]
    fn names_longer_than_255_characters_fail(label in "[a-zü]{256,300}") {
        prop_assert!(!is_domain(&label));
        prop_assert!(!is_host_name(&label));
        let text = format!("{label}@example.com");
        prop_assert!(!is_email(&text), "{text:?}");
    }

    #[test]
    fn run_at_run_dot_run_is_an_email(local in "\\S{1,20}", host in "\\S{1,20}", tld in "\\S{1,10}") {
        let text = format!("{local}@{host}.{tld}");
        prop_assert!(is_email(&text), "{text:?}");
    }

    #[test]
    fn whitespace_fails_email(text in "[a-z@.]{0,10}", space in "\\s", tail in "[a-z@.]{0,10}") {
        let text = format!("{text}{space}{tail}");
        prop_assert!(!is_email(&text), "{text:?}");
    }

    #[test]
    fn email_needs_an_at_and_a_dot_after_it(text in "[^@]{0,30}") {
        prop_assert!(!is_email(&text));
    }

    #[test]
    fn scheme_colon_slash_slash_anything_is_a_url(scheme in "[a-zA-Z][a-zA-Z0-9+.-]{0,10}", rest in "\\PC{0,30}") {
        let text = format!("{scheme}://{rest}");
        prop_assert!(is_url(&text), "{text:?}");
        let text = format!("{}://{rest}", scheme.to_uppercase());
        prop_assert!(is_url(&text), "{text:?}");
    }

    #[test]
    fn a_scheme_starting_with_a_non_letter_fails_url(first in "[0-9+.-]", scheme in "[a-z]{0,5}", rest in "\\PC{0,10}") {
        let text = format!("{first}{scheme}://{rest}");
        prop_assert!(!is_url(&text), "{text:?}");
    }

    #[test]
    fn six_hex_pairs_are_a_mac_address(text in mac_text()) {
        prop_assert!(is_mac_address(&text));
    }

    #[test]
    fn mac_address_with_a_character_removed_fails(text in mac_text(), at in 0usize..17) {
        let mut text = text;
        text.remove(at);
        prop_assert!(!is_mac_address(&text));
    }

    #[test]
    fn validators_never_panic(text in any::<String>()) {
        for contains in STOCK_CONTAINS {
            let validator = stock_validator(contains);
            prop_assert!(validator.is_some());
            if let Some(validator) = validator {
                let _ = validator(&text);
            }
        }
    }

    #[test]
    fn stock_set_applies_each_validator_and_any_of_semantics(
        contains in prop::collection::vec(prop::sample::select(vec!["ip", "domain", "md5", "url", "email", "ipv6", "vault id"]), 0..4),
        value in tricky(),
    ) {
        let validators = Validators::stock();
        let alone = |c: &&str| validators.accepts(&[*c], &value);
        for c in &contains {
            prop_assert_eq!(alone(c), stock_validator(c).is_none_or(|validator| validator(&value)));
        }
        prop_assert_eq!(validators.accepts(&contains, &value), contains.is_empty() || contains.iter().any(alone));
    }
}
