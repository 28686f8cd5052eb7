//! TEMPORARY shim until the contains module lands from its branch.
#![allow(missing_docs)]
use std::sync::Arc;
pub type ValidatorFn = Arc<dyn Fn(&str) -> bool + Send + Sync>;
#[derive(Clone, Default)]
pub struct Validators {
    overrides: Vec<(String, Option<ValidatorFn>)>,
}
impl std::fmt::Debug for Validators {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Validators")
    }
}
pub fn is_ip(v: &str) -> bool {
    v.parse::<std::net::Ipv4Addr>().is_ok()
}
pub fn stock_validator(contains: &str) -> Option<fn(&str) -> bool> {
    (contains == "ip").then_some(is_ip as fn(&str) -> bool)
}
impl Validators {
    pub fn stock() -> Self {
        Self::default()
    }
    pub fn set_validator(&mut self, contains: &str, validator: Option<ValidatorFn>) {
        self.overrides.retain(|(c, _)| c != contains);
        self.overrides.push((contains.to_owned(), validator));
    }
    pub fn accepts<S: AsRef<str>>(&self, contains: &[S], value: &str) -> bool {
        let mut any = false;
        for c in contains {
            let c = c.as_ref();
            let found = self.overrides.iter().find(|(k, _)| k == c);
            let ok = match found {
                Some((_, Some(f))) => f(value),
                Some((_, None)) => return true,
                None => match stock_validator(c) {
                    Some(f) => f(value),
                    None => return true,
                },
            };
            any |= ok;
        }
        any || contains.is_empty()
    }
}
