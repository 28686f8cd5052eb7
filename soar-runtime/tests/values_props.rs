//! Property tests of the typed values: roundtrips, no panics, and agreement with the stock
//! `contains` validators.

use std::fmt::Display;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::str::FromStr;

use proptest::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use soar_runtime::contains::{
    is_domain, is_email, is_hash, is_host_name, is_ip, is_mac_address, is_md5, is_sha1, is_sha256,
    is_sha512, is_url,
};
use soar_runtime::values::{
    Domain, Email, Hash, HostName, Ip, Ipv4, Ipv6, MacAddress, Md5, Param, Port, Sha1, Sha256,
    Sha512, Url,
};

/// `parse(display(value)) == value`, and the same through serde.
fn roundtrips<T>(value: &T) -> Result<(), TestCaseError>
where
    T: FromStr + Display + Serialize + DeserializeOwned + PartialEq + std::fmt::Debug,
    T::Err: std::fmt::Debug,
{
    let text = value.to_string();
    let parsed = text.parse::<T>().ok();
    prop_assert_eq!(parsed.as_ref(), Some(value), "{:?}", text);
    let json = serde_json::to_value(value).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let back = serde_json::from_value::<T>(json).ok();
    prop_assert_eq!(back.as_ref(), Some(value));
    Ok(())
}

/// Whatever parses prints a form that parses back to the same value, and that the stock
/// validator accepts.
fn canonical<T>(text: &str, stock: fn(&str) -> bool) -> Result<(), TestCaseError>
where
    T: FromStr + Display + Serialize + DeserializeOwned + PartialEq + std::fmt::Debug,
    T::Err: std::fmt::Debug,
{
    if let Ok(value) = text.parse::<T>() {
        roundtrips(&value)?;
        let shown = value.to_string();
        prop_assert!(
            stock(&shown),
            "{:?} parsed, but its display {:?} fails the stock validator",
            text,
            shown
        );
    }
    Ok(())
}

/// A DNS label of letters, digits and inner hyphens; not a reserved label with hyphens in the
/// third and fourth places (`xn--...` is an A-label and must hold valid Punycode).
fn label() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9]([a-zA-Z0-9-]{0,20}[a-zA-Z0-9])?"
        .prop_filter("reserved label", |label| label.get(2..4) != Some("--"))
}

/// A name of `labels` labels whose last label is not all digits.
fn name(labels: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    (
        prop::collection::vec(label(), labels),
        "[a-zA-Z][a-zA-Z0-9]{0,9}",
    )
        .prop_map(|(mut labels, top)| {
            labels.push(top);
            labels.join(".")
        })
}

/// Strings that look a bit like the values, in and beyond ASCII.
fn almost() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9.:@/_-]{0,30}|[a-zäöüß0-9.@-]{0,30}|[а-яё.]{0,20}|\\PC{0,40}"
}

/// Every parser, run on `text`.
fn parse_everything(text: &str) {
    let _ = text.parse::<Ip>();
    let _ = text.parse::<Ipv4>();
    let _ = text.parse::<Ipv6>();
    let _ = text.parse::<Domain>();
    let _ = text.parse::<HostName>();
    let _ = text.parse::<Url>();
    let _ = text.parse::<Email>();
    let _ = text.parse::<MacAddress>();
    let _ = text.parse::<Hash>();
    let _ = text.parse::<Port>();
    let value = Value::String(text.into());
    let _ = bool::from_param(&value);
    let _ = i64::from_param(&value);
    let _ = f32::from_param(&value);
}

proptest! {
    #[test]
    fn ip_addresses_roundtrip(v4: Ipv4Addr, v6: Ipv6Addr, any_ip: IpAddr) {
        roundtrips(&Ipv4::from(v4))?;
        roundtrips(&Ipv6::from(v6))?;
        roundtrips(&Ip::from(any_ip))?;
        prop_assert!(is_ip(&Ipv4::from(v4).to_string()));
        prop_assert_eq!(is_ip(&Ip::from(any_ip).to_string()), any_ip.is_ipv4());
    }

    #[test]
    fn ipv4_parses_exactly_what_the_ip_validator_accepts(text in "[0-9.]{0,16}|\\PC{0,20}") {
        prop_assert_eq!(text.parse::<Ipv4>().is_ok(), is_ip(&text));
    }

    #[test]
    fn generated_domains_parse_to_their_lower_case(text in name(1..5)) {
        let domain: Domain = text.parse().map_err(|e| TestCaseError::fail(format!("{text:?}: {e}")))?;
        prop_assert_eq!(domain.as_str(), text.to_ascii_lowercase());
        prop_assert!(is_domain(domain.as_str()));
        roundtrips(&domain)?;
        let dotted: Domain = format!("{text}.").parse().map_err(|e| TestCaseError::fail(format!("{e}")))?;
        prop_assert_eq!(dotted, domain);
    }

    #[test]
    fn single_labels_are_host_names_but_not_domains(text in name(0..1)) {
        let host: HostName = text.parse().map_err(|e| TestCaseError::fail(format!("{text:?}: {e}")))?;
        prop_assert!(is_host_name(host.as_str()));
        prop_assert!(text.parse::<Domain>().is_err());
    }

    #[test]
    fn names_print_what_the_stock_validators_accept(text in almost()) {
        canonical::<Domain>(&text, is_domain)?;
        canonical::<HostName>(&text, is_host_name)?;
        // A domain is a host name.
        if let Ok(domain) = text.parse::<Domain>() {
            prop_assert_eq!(text.parse::<HostName>().map(String::from).ok(), Some(String::from(domain)));
        }
    }

    #[test]
    fn generated_urls_parse(scheme in "[a-zA-Z][a-zA-Z0-9+.-]{0,6}", host in name(1..3), path in "(/[a-zA-Z0-9._~%!$&'()*+,;=:@-]{0,8}){0,3}", query in "(\\?[a-z0-9=&]{0,10})?") {
        let text = format!("{scheme}://{host}{path}{query}");
        let url: Url = text.parse().map_err(|e| TestCaseError::fail(format!("{text:?}: {e}")))?;
        prop_assert!(is_url(url.as_str()));
        roundtrips(&url)?;
    }

    #[test]
    fn urls_print_what_the_url_validator_accepts(text in "[a-z]{1,5}://\\PC{0,30}|[a-z]{1,5}:\\PC{0,20}|\\PC{0,30}") {
        canonical::<Url>(&text, is_url)?;
    }

    #[test]
    fn generated_emails_parse(local in "[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]{1,10}(\\.[a-zA-Z0-9_+-]{1,5}){0,2}", domain in name(1..3)) {
        let text = format!("{local}@{domain}");
        let email: Email = text.parse().map_err(|e| TestCaseError::fail(format!("{text:?}: {e}")))?;
        prop_assert_eq!(email.local_part(), local.as_str());
        prop_assert_eq!(email.domain().as_str(), domain.to_ascii_lowercase());
        prop_assert!(is_email(email.as_str()));
        roundtrips(&email)?;
    }

    #[test]
    fn emails_print_what_the_email_validator_accepts(text in "[a-z.+]{0,8}@(\\PC{0,20}|[a-zü.-]{0,20})|\\PC{0,30}") {
        canonical::<Email>(&text, is_email)?;
    }

    #[test]
    fn mac_addresses_roundtrip(octets: [u8; 6]) {
        let mac = MacAddress::from(octets);
        prop_assert_eq!(mac.octets(), octets);
        prop_assert!(is_mac_address(&mac.to_string()));
        roundtrips(&mac)?;
    }

    #[test]
    fn mac_address_parses_exactly_what_the_validator_accepts(text in "[0-9a-fA-F:.-]{15,19}|\\PC{0,20}") {
        prop_assert_eq!(text.parse::<MacAddress>().is_ok(), is_mac_address(&text));
    }

    #[test]
    fn digests_roundtrip_and_agree_with_the_validators(bytes in prop::collection::vec(any::<u8>(), 0..70), upper: bool) {
        let hex: String = bytes.iter().map(|b| if upper { format!("{b:02X}") } else { format!("{b:02x}") }).collect();
        let checks: [(Option<String>, bool); 5] = [
            (hex.parse::<Md5>().ok().map(String::from), is_md5(&hex)),
            (hex.parse::<Sha1>().ok().map(String::from), is_sha1(&hex)),
            (hex.parse::<Sha256>().ok().map(String::from), is_sha256(&hex)),
            (hex.parse::<Sha512>().ok().map(String::from), is_sha512(&hex)),
            (hex.parse::<Hash>().ok().map(|h| h.to_string()), is_hash(&hex)),
        ];
        for (parsed, valid) in checks {
            prop_assert_eq!(parsed.is_some(), valid);
            if let Some(text) = parsed {
                prop_assert_eq!(text, hex.to_ascii_lowercase());
            }
        }
        if let Ok(hash) = hex.parse::<Hash>() {
            roundtrips(&hash)?;
            prop_assert_eq!(hash.algorithm(), ["md5", "sha1", "sha256", "sha512"][[32, 40, 64, 128].iter().position(|&n| n == hex.len()).unwrap_or(0)]);
        }
    }

    #[test]
    fn sha256_roundtrips(text in "[0-9a-fA-F]{64}") {
        let digest: Sha256 = text.parse().map_err(|e| TestCaseError::fail(format!("{e}")))?;
        prop_assert!(is_sha256(digest.as_str()) && is_hash(digest.as_str()));
        roundtrips(&digest)?;
    }

    #[test]
    fn ports_roundtrip(number: u16) {
        prop_assert_eq!(Port::new(number).is_some(), number != 0);
        prop_assert_eq!(Port::from_param(&json!(number)).is_ok(), number != 0);
        prop_assert_eq!(Port::from_param(&json!(number.to_string())).ok(), Port::new(number));
        if let Some(port) = Port::new(number) {
            prop_assert_eq!(port.get(), number);
            roundtrips(&port)?;
        }
    }

    #[test]
    fn integers_come_from_numbers_and_strings(number: i64) {
        prop_assert_eq!(i64::from_param(&json!(number)), Ok(number));
        prop_assert_eq!(i64::from_param(&json!(number.to_string())), Ok(number));
        prop_assert_eq!(i8::from_param(&json!(number)).is_ok(), i8::try_from(number).is_ok());
        prop_assert_eq!(u32::from_param(&json!(number)).is_ok(), u32::try_from(number).is_ok());
        prop_assert_eq!(String::from_param(&json!(number)), Ok(number.to_string()));
    }

    #[test]
    fn floats_come_from_numbers_and_strings(number in -1e300f64..1e300) {
        prop_assert_eq!(f64::from_param(&json!(number)), Ok(number));
        prop_assert_eq!(f64::from_param(&json!(number.to_string())), Ok(number));
    }

    #[test]
    fn booleans_come_in_any_case(flag: bool, case in prop::collection::vec(any::<bool>(), 5)) {
        let text: String = flag.to_string().chars().zip(case).map(|(c, up)| if up { c.to_ascii_uppercase() } else { c }).collect();
        prop_assert_eq!(bool::from_param(&json!(text)), Ok(flag));
        prop_assert_eq!(bool::from_param(&json!(flag)), Ok(flag));
    }

    #[test]
    fn parsers_never_panic(text in any::<String>()) {
        parse_everything(&text);
    }

    #[test]
    fn parsers_never_panic_on_huge_input(text in "\\PC{2000,6000}|[a-z.]{2000,6000}|[0-9]{300,400}") {
        parse_everything(&text);
    }
}
