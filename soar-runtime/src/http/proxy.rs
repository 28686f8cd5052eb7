//! Which way a request goes: through the `HTTP_PROXY` or `HTTPS_PROXY` proxy by the URL's
//! scheme, or directly when there is none or `NO_PROXY` names the host.

use std::net::IpAddr;

use url::{Host, Url};

use super::env::Environment;
use super::error::HttpError;

/// One value per way a request can go (e.g. one `ureq::Agent` each), and the choice among them.
pub(crate) struct Routes<T> {
    direct: T,
    http: Option<T>,
    https: Option<T>,
    no_proxy: NoProxy,
}

impl<T> Routes<T> {
    /// The routes the environment asks for; `make` turns each one's proxy (`None`: direct)
    /// into the value kept for it. A proxy variable that is not a proxy URL is an error naming
    /// the variable (not its value, which may hold credentials).
    pub(crate) fn from_env(
        env: &Environment,
        mut make: impl FnMut(Option<ureq::Proxy>) -> T,
    ) -> Result<Self, HttpError> {
        let mut proxied = |name: &str, value: &Option<String>| -> Result<Option<T>, HttpError> {
            value
                .as_deref()
                .map(|value| {
                    ureq::Proxy::new(value.trim())
                        .map(|proxy| make(Some(proxy)))
                        .map_err(|_| HttpError::config(format!("{name} is not a valid proxy URL")))
                })
                .transpose()
        };
        let http = proxied("HTTP_PROXY", &env.http_proxy)?;
        let https = proxied("HTTPS_PROXY", &env.https_proxy)?;
        Ok(Self {
            direct: make(None),
            http,
            https,
            no_proxy: env
                .no_proxy
                .as_deref()
                .map(NoProxy::parse)
                .unwrap_or_default(),
        })
    }

    /// The value for the way a request to `url` goes.
    pub(crate) fn pick(&self, url: &Url) -> &T {
        if self.no_proxy.matches(url) {
            return &self.direct;
        }
        let proxied = match url.scheme() {
            "http" => self.http.as_ref(),
            "https" => self.https.as_ref(),
            _ => None,
        };
        proxied.unwrap_or(&self.direct)
    }
}

/// A `NO_PROXY` list: the hosts reached without the proxy.
///
/// Comma-separated entries, blanks ignored, case-insensitive:
/// - `*`: every host;
/// - a domain (`example.com`, `.example.com` or `*.example.com`): the domain and all its
///   subdomains, matched at a dot (`badexample.com` does not match);
/// - an IP address (`10.0.0.1`, `::1`, `[::1]`) or a network (`10.0.0.0/8`, `fd00::/8`);
/// - any host or address entry may end in `:port` to match that port only.
///
/// Names are not resolved: `localhost` does not match `127.0.0.1`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct NoProxy(Vec<Entry>);

#[derive(Debug, Clone, PartialEq, Eq)]
enum Entry {
    All,
    Domain { name: String, port: Option<u16> },
    Address { addr: IpAddr, port: Option<u16> },
    Network { addr: IpAddr, prefix: u8 },
}

impl NoProxy {
    /// Parses a list; entries that cannot match anything (e.g. a bad network) are dropped.
    pub(crate) fn parse(list: &str) -> Self {
        Self(list.split(',').filter_map(Entry::parse).collect())
    }

    /// Whether a request to `url` bypasses the proxy.
    pub(crate) fn matches(&self, url: &Url) -> bool {
        let (Some(host), Some(port)) = (url.host(), url.port_or_known_default()) else {
            return false;
        };
        self.0.iter().any(|entry| entry.matches(&host, port))
    }
}

impl Entry {
    fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        if text == "*" {
            return Some(Self::All);
        }
        if let Some((addr, prefix)) = text.split_once('/') {
            let addr: IpAddr = addr.trim_matches(['[', ']']).parse().ok()?;
            let prefix: u8 = prefix.parse().ok()?;
            let bits = if addr.is_ipv4() { 32 } else { 128 };
            return (prefix <= bits).then_some(Self::Network { addr, prefix });
        }
        if let Ok(addr) = text.parse() {
            return Some(Self::Address { addr, port: None });
        }
        let (host, port) = match text.rsplit_once(':') {
            Some((host, port)) if port.parse::<u16>().is_ok() => (host, port.parse().ok()),
            _ => (text, None),
        };
        let host = host.trim_start_matches('[').trim_end_matches(']');
        if let Ok(addr) = host.parse() {
            return Some(Self::Address { addr, port });
        }
        let name = host
            .trim_start_matches('*')
            .trim_start_matches('.')
            .trim_end_matches('.')
            .to_ascii_lowercase();
        (!name.is_empty()).then_some(Self::Domain { name, port })
    }

    fn matches(&self, host: &Host<&str>, port: u16) -> bool {
        let port_matches = |wanted: &Option<u16>| wanted.is_none_or(|wanted| wanted == port);
        match self {
            Self::All => true,
            Self::Domain { name, port: wanted } => {
                let Host::Domain(domain) = host else {
                    return false;
                };
                let domain = domain.trim_end_matches('.').to_ascii_lowercase();
                let subdomain = domain
                    .strip_suffix(name.as_str())
                    .is_some_and(|rest| rest.ends_with('.'));
                port_matches(wanted) && (domain == *name || subdomain)
            }
            Self::Address { addr, port: wanted } => {
                port_matches(wanted) && ip_of(host) == Some(*addr)
            }
            Self::Network { addr, prefix } => {
                ip_of(host).is_some_and(|ip| in_network(ip, *addr, *prefix))
            }
        }
    }
}

fn ip_of(host: &Host<&str>) -> Option<IpAddr> {
    match host {
        Host::Ipv4(addr) => Some(IpAddr::V4(*addr)),
        Host::Ipv6(addr) => Some(IpAddr::V6(*addr)),
        Host::Domain(_) => None,
    }
}

fn in_network(ip: IpAddr, network: IpAddr, prefix: u8) -> bool {
    match (ip, network) {
        (IpAddr::V4(ip), IpAddr::V4(network)) => {
            let mask = u32::MAX.checked_shl(32 - u32::from(prefix)).unwrap_or(0);
            u32::from(ip) & mask == u32::from(network) & mask
        }
        (IpAddr::V6(ip), IpAddr::V6(network)) => {
            let mask = u128::MAX.checked_shl(128 - u32::from(prefix)).unwrap_or(0);
            u128::from(ip) & mask == u128::from(network) & mask
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bypasses(list: &str, url: &str) -> bool {
        NoProxy::parse(list).matches(&Url::parse(url).unwrap())
    }

    #[test]
    fn domains_match_themselves_and_subdomains_at_a_dot() {
        for list in [
            "example.com",
            ".example.com",
            "*.example.com",
            "EXAMPLE.com.",
        ] {
            assert!(bypasses(list, "https://example.com/x"), "{list}");
            assert!(bypasses(list, "https://api.Example.com/x"), "{list}");
            assert!(bypasses(list, "http://a.b.example.com:8080/"), "{list}");
            assert!(!bypasses(list, "https://badexample.com/"), "{list}");
            assert!(!bypasses(list, "https://example.com.evil.net/"), "{list}");
        }
        assert!(bypasses("localhost", "http://localhost:1234/"));
        assert!(!bypasses("localhost", "http://127.0.0.1:1234/"));
    }

    #[test]
    fn star_matches_everything_and_blanks_are_ignored() {
        assert!(bypasses("*", "https://anything.example/"));
        assert!(bypasses(" other.org , * ", "http://10.1.2.3/"));
        assert!(!bypasses("", "https://example.com/"));
        assert!(!bypasses(" , ,", "https://example.com/"));
        assert!(bypasses(
            " other.org , example.com ",
            "https://example.com/"
        ));
    }

    #[test]
    fn addresses_and_networks() {
        assert!(bypasses("127.0.0.1", "http://127.0.0.1:8080/"));
        assert!(!bypasses("127.0.0.1", "http://127.0.0.2/"));
        assert!(bypasses("::1", "http://[::1]:8080/"));
        assert!(bypasses("[::1]", "http://[::1]/"));
        assert!(bypasses("10.0.0.0/8", "https://10.20.30.40/"));
        assert!(!bypasses("10.0.0.0/8", "https://11.0.0.1/"));
        assert!(bypasses("192.168.1.0/24", "https://192.168.1.200/"));
        assert!(bypasses("0.0.0.0/0", "https://8.8.8.8/"));
        assert!(bypasses("fd00::/8", "https://[fd12::1]/"));
        assert!(!bypasses("fd00::/8", "https://10.0.0.1/"));
        assert!(!bypasses("10.0.0.0/99", "https://10.0.0.1/"));
        assert!(!bypasses("10.0.0.0/8", "https://ten.example/"));
    }

    #[test]
    fn ports_narrow_an_entry() {
        assert!(bypasses(
            "example.com:8443",
            "https://api.example.com:8443/"
        ));
        assert!(!bypasses("example.com:8443", "https://api.example.com/"));
        assert!(bypasses("example.com:443", "https://example.com/"));
        assert!(bypasses("127.0.0.1:80", "http://127.0.0.1/"));
        assert!(!bypasses("127.0.0.1:80", "http://127.0.0.1:81/"));
        assert!(bypasses("[::1]:8080", "http://[::1]:8080/"));
        assert!(!bypasses("[::1]:8080", "http://[::1]:8081/"));
    }

    fn routes(vars: &[(&str, &str)]) -> Result<Routes<Option<String>>, HttpError> {
        let env = Environment::read(|name| {
            vars.iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (*value).to_owned())
        });
        Routes::from_env(&env, |proxy| proxy.map(|proxy| proxy.host().to_owned()))
    }

    #[test]
    fn routes_pick_the_proxy_by_scheme_unless_no_proxy_matches() {
        let both = routes(&[
            ("HTTP_PROXY", "http://plain-proxy:3128"),
            ("HTTPS_PROXY", "secure-proxy:3129"),
            ("NO_PROXY", "internal.example"),
        ])
        .unwrap();
        let pick = |url: &str| both.pick(&Url::parse(url).unwrap()).clone();
        assert_eq!(pick("http://example.com/").as_deref(), Some("plain-proxy"));
        assert_eq!(
            pick("https://example.com/").as_deref(),
            Some("secure-proxy")
        );
        assert_eq!(pick("https://api.internal.example/"), None);

        let only_https = routes(&[("https_proxy", "http://secure-proxy:1")]).unwrap();
        assert_eq!(
            only_https.pick(&Url::parse("http://example.com/").unwrap()),
            &None
        );
    }

    #[test]
    fn a_bad_proxy_url_names_the_variable_not_the_value() {
        let Err(error) = routes(&[("HTTPS_PROXY", "http://user:s3cret@[bad")]) else {
            panic!("a bad proxy URL was accepted");
        };
        assert_eq!(error.to_string(), "HTTPS_PROXY is not a valid proxy URL");
    }
}
