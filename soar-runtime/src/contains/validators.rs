//! The set of validators in force for one run, and the platform's rule for applying them.

use std::fmt;
use std::sync::Arc;

use soar_vocab::STOCK_CONTAINS;

use super::{ValidatorFn, stock_validator};

/// What `set_validator` said about one contains type.
#[derive(Clone)]
struct Override {
    /// The contains string.
    contains: Box<str>,
    /// The validator that replaces or adds to the stock set, or `None` when removed.
    validator: Option<ValidatorFn>,
}

/// The validators in force for one run: the stock ones, plus what
/// [`set_validator`](Self::set_validator) added, replaced or removed.
///
/// Only the changes are stored, behind an [`Arc`]: the stock set ([`Validators::stock`],
/// also the [`Default`]) allocates nothing, and cloning never copies the changes.
#[derive(Clone, Default)]
pub struct Validators {
    /// The changes to the stock set, oldest first; `None` when there are none.
    overrides: Option<Arc<[Override]>>,
}

/// A validator found for one contains type.
enum Found<'a> {
    /// A stock validator.
    Stock(fn(&str) -> bool),
    /// A validator given to `set_validator`.
    Custom(&'a ValidatorFn),
}

impl Validators {
    /// The platform's stock set: the 11 validators of [`STOCK_CONTAINS`].
    pub fn stock() -> Self {
        Self::default()
    }

    /// Add or replace (Some) or remove (None) the validator of one contains type, for this run.
    pub fn set_validator(&mut self, contains: &str, validator: Option<ValidatorFn>) {
        let mut overrides: Vec<Override> = self
            .overrides()
            .iter()
            .filter(|o| &*o.contains != contains)
            .cloned()
            .collect();
        overrides.push(Override {
            contains: contains.into(),
            validator,
        });
        self.overrides = Some(overrides.into());
    }

    /// The platform's rule: if any of `contains` has no validator (or its validator was removed), accept;
    /// otherwise accept iff at least one validator accepts. An empty `contains` list accepts.
    pub fn accepts<S: AsRef<str>>(&self, contains: &[S], value: &str) -> bool {
        contains.is_empty()
            || contains.iter().any(|c| match self.find(c.as_ref()) {
                None => true,
                Some(Found::Stock(validator)) => validator(value),
                Some(Found::Custom(validator)) => validator(value),
            })
    }

    /// The changes made with `set_validator`, oldest first.
    fn overrides(&self) -> &[Override] {
        self.overrides.as_deref().unwrap_or_default()
    }

    /// The validator in force for one contains type, if any.
    fn find(&self, contains: &str) -> Option<Found<'_>> {
        match self.overrides().iter().find(|o| &*o.contains == contains) {
            Some(o) => o.validator.as_ref().map(Found::Custom),
            None => stock_validator(contains).map(Found::Stock),
        }
    }
}

impl fmt::Debug for Validators {
    /// Lists the contains types by where their validator comes from: `stock`, `custom` (added
    /// or replaced) and `removed`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let overridden = |name: &str| self.overrides().iter().any(|o| &*o.contains == name);
        let stock = STOCK_CONTAINS
            .iter()
            .copied()
            .filter(|name| !overridden(name));
        let custom = self.overrides().iter().filter(|o| o.validator.is_some());
        let removed = self.overrides().iter().filter(|o| o.validator.is_none());
        f.debug_struct("Validators")
            .field("stock", &Names(stock))
            .field("custom", &Names(custom.map(|o| &*o.contains)))
            .field("removed", &Names(removed.map(|o| &*o.contains)))
            .finish()
    }
}

/// Debug-formats a list of names without collecting them.
struct Names<I>(I);

impl<'a, I: Iterator<Item = &'a str> + Clone> fmt::Debug for Names<I> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.0.clone()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contains::is_ip;

    fn ipv6_or_v4() -> ValidatorFn {
        Arc::new(|value: &str| value.parse::<std::net::IpAddr>().is_ok())
    }

    #[test]
    fn empty_contains_accepts_anything() {
        let none: [&str; 0] = [];
        assert!(Validators::stock().accepts(&none, "anything"));
        assert!(Validators::stock().accepts(&none, ""));
    }

    #[test]
    fn unvalidated_type_accepts_anything() {
        let v = Validators::stock();
        for value in ["", "anything", "1.2.3.4", "@@@"] {
            assert!(v.accepts(&["crowdstrike device id"], value));
            assert!(v.accepts(&["ipv6"], value));
        }
    }

    #[test]
    fn stock_types_are_validated() {
        let v = Validators::stock();
        assert!(v.accepts(&["ip"], "1.2.3.4"));
        assert!(!v.accepts(&["ip"], "::1"));
        assert!(!v.accepts(&["ip"], "example.com"));
        assert!(v.accepts(&["domain"], "example.com"));
        assert!(!v.accepts(&["domain"], "1.2.3.4"));
    }

    #[test]
    fn any_of_the_validators_may_accept() {
        let v = Validators::stock();
        let both = ["ip", "domain"];
        assert!(v.accepts(&both, "1.2.3.4"));
        assert!(v.accepts(&both, "example.com"));
        assert!(!v.accepts(&both, ""));
        assert!(!v.accepts(&["md5", "sha256"], &"a".repeat(40)));
        assert!(v.accepts(&["md5", "sha1"], &"a".repeat(40)));
    }

    #[test]
    fn one_unvalidated_type_makes_the_list_accept() {
        let v = Validators::stock();
        assert!(!v.accepts(&["ip"], "::1"));
        assert!(v.accepts(&["ip", "ipv6"], "::1"));
        assert!(v.accepts(&["ipv6", "ip"], "not an address"));
        let owned: Vec<String> = vec!["sha1".into(), "vault id".into()];
        assert!(v.accepts(&owned, "x"));
    }

    #[test]
    fn set_validator_adds_a_type() {
        let mut v = Validators::stock();
        v.set_validator("ipv6", Some(ipv6_or_v4()));
        assert!(v.accepts(&["ipv6"], "::1"));
        assert!(v.accepts(&["ipv6"], "1.2.3.4"));
        assert!(!v.accepts(&["ipv6"], "not an address"));
        assert!(!v.accepts(&["ip", "ipv6"], "not an address"));
        assert!(v.accepts(&["ip", "ipv6"], "::1"));
    }

    #[test]
    fn set_validator_replaces_a_stock_type() {
        let mut v = Validators::stock();
        v.set_validator("ip", Some(ipv6_or_v4()));
        assert!(v.accepts(&["ip"], "::1"));
        assert!(!v.accepts(&["ip"], "example.com"));
        v.set_validator("ip", Some(Arc::new(|value: &str| value == "only this")));
        assert!(v.accepts(&["ip"], "only this"));
        assert!(!v.accepts(&["ip"], "1.2.3.4"));
    }

    #[test]
    fn set_validator_removes_a_type() {
        let mut v = Validators::stock();
        v.set_validator("ip", None);
        assert!(v.accepts(&["ip"], "not an address"));
        assert!(v.accepts(&["ip", "domain"], "@"));
        assert!(
            !v.accepts(&["domain"], "@"),
            "other stock types keep their validator"
        );
    }

    #[test]
    fn removing_then_adding_again_restores_validation() {
        let mut v = Validators::stock();
        v.set_validator("ipv6", Some(ipv6_or_v4()));
        v.set_validator("ipv6", None);
        assert!(v.accepts(&["ipv6"], "not an address"));
        v.set_validator("ip", None);
        v.set_validator("ip", Some(Arc::new(is_ip)));
        assert!(!v.accepts(&["ip"], "not an address"));
    }

    #[test]
    fn clones_are_independent() {
        let mut v = Validators::stock();
        v.set_validator("ip", None);
        let before = v.clone();
        v.set_validator("ip", Some(Arc::new(is_ip)));
        assert!(before.accepts(&["ip"], "x"));
        assert!(!v.accepts(&["ip"], "x"));
    }

    #[test]
    fn debug_lists_the_contains_names() {
        let mut v = Validators::stock();
        assert_eq!(
            format!("{v:?}"),
            r#"Validators { stock: ["ip", "md5", "sha1", "sha256", "sha512", "hash", "url", "domain", "host name", "email", "mac address"], custom: [], removed: [] }"#
        );
        v.set_validator("ipv6", Some(ipv6_or_v4()));
        v.set_validator("ip", None);
        v.set_validator("md5", Some(Arc::new(|_: &str| true)));
        assert_eq!(
            format!("{v:?}"),
            r#"Validators { stock: ["sha1", "sha256", "sha512", "hash", "url", "domain", "host name", "email", "mac address"], custom: ["ipv6", "md5"], removed: ["ip"] }"#
        );
    }
}
