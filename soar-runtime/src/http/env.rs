//! The environment variables the client reads, from the run's environment or the process's.

use std::fmt;
use std::path::PathBuf;

/// The variables that configure the client, read once when it is built. `Debug` shows
/// whether a proxy is set, not its URL (it may hold credentials).
#[derive(Clone, Default, PartialEq, Eq)]
pub(crate) struct Environment {
    /// `REQUESTS_CA_BUNDLE`: a PEM file that is the whole trust store.
    pub(crate) ca_bundle: Option<PathBuf>,
    /// `http_proxy` / `HTTP_PROXY`: the proxy for `http://` URLs.
    pub(crate) http_proxy: Option<String>,
    /// `https_proxy` / `HTTPS_PROXY`: the proxy for `https://` URLs.
    pub(crate) https_proxy: Option<String>,
    /// `no_proxy` / `NO_PROXY`: the hosts that are reached directly.
    pub(crate) no_proxy: Option<String>,
}

impl Environment {
    /// Reads the variables through `lookup` (a name to its value). An empty value counts as
    /// unset. Of a proxy variable's two spellings the lowercase one wins, as in Python's
    /// `urllib` (which `requests` uses).
    pub(crate) fn read(lookup: impl Fn(&str) -> Option<String>) -> Self {
        let get = |name: &str| lookup(name).filter(|value| !value.trim().is_empty());
        let either = |lower: &str| get(lower).or_else(|| get(&lower.to_ascii_uppercase()));
        Self {
            ca_bundle: get("REQUESTS_CA_BUNDLE").map(PathBuf::from),
            http_proxy: either("http_proxy"),
            https_proxy: either("https_proxy"),
            no_proxy: either("no_proxy"),
        }
    }

    /// Reads the process environment.
    pub(crate) fn process() -> Self {
        Self::read(|name| std::env::var(name).ok())
    }
}

impl fmt::Debug for Environment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let set = |value: &Option<String>| if value.is_some() { "set" } else { "unset" };
        f.debug_struct("Environment")
            .field("ca_bundle", &self.ca_bundle)
            .field("http_proxy", &set(&self.http_proxy))
            .field("https_proxy", &set(&self.https_proxy))
            .field("no_proxy", &self.no_proxy)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn from(vars: &[(&str, &str)]) -> Environment {
        Environment::read(|name| {
            vars.iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (*value).to_owned())
        })
    }

    #[test]
    fn reads_both_spellings_and_prefers_lowercase() {
        let env = from(&[
            ("HTTP_PROXY", "http://upper:1"),
            ("http_proxy", "http://lower:1"),
            ("HTTPS_PROXY", "http://upper:2"),
            ("NO_PROXY", "example.com"),
            ("REQUESTS_CA_BUNDLE", "/etc/ca.pem"),
        ]);
        assert_eq!(env.http_proxy.as_deref(), Some("http://lower:1"));
        assert_eq!(env.https_proxy.as_deref(), Some("http://upper:2"));
        assert_eq!(env.no_proxy.as_deref(), Some("example.com"));
        assert_eq!(env.ca_bundle, Some(PathBuf::from("/etc/ca.pem")));
    }

    #[test]
    fn empty_values_are_unset() {
        let env = from(&[
            ("http_proxy", " "),
            ("HTTP_PROXY", "http://upper:1"),
            ("REQUESTS_CA_BUNDLE", ""),
        ]);
        assert_eq!(env.http_proxy.as_deref(), Some("http://upper:1"));
        assert_eq!(env.ca_bundle, None);
        assert_eq!(from(&[]), Environment::default());
    }
}
