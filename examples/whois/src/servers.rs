//! Which server to ask: the built-in fast path, IANA's answer (cached per process), and
//! the query syntax some servers expect.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Mutex, OnceLock, PoisonError};

use crate::addr::ServerAddr;

/// IANA's WHOIS server, which names the WHOIS server of every top-level domain.
pub const IANA_SERVER: &str = "whois.iana.org";

/// ARIN's WHOIS server: the first stop for IP addresses. ARIN refers addresses of the
/// other registries to them (`ReferralServer:`).
pub const ARIN_SERVER: &str = "whois.arin.net";

/// Top-level domains whose WHOIS server is known without asking IANA.
///
/// This is only a fast path that saves one query for the most common TLDs; these
/// assignments have not changed in decades. Every other TLD is resolved through IANA
/// (see [`iana_whois_server`]), and a configured server always wins over both.
pub const BUILTIN_SERVERS: &[(&str, &str)] = &[
    ("com", "whois.verisign-grs.com"),
    ("net", "whois.verisign-grs.com"),
    ("org", "whois.pir.org"),
    ("edu", "whois.educause.edu"),
];

/// The built-in server of a top-level domain (lower case, without dot), if any.
pub fn builtin_server(tld: &str) -> Option<&'static str> {
    BUILTIN_SERVERS
        .iter()
        .find(|(known, _)| *known == tld)
        .map(|(_, server)| *server)
}

/// The server named by IANA's answer about a top-level domain: its `whois:` line, or
/// failing that its `refer:` line. `None` when the TLD has no WHOIS service.
pub fn iana_whois_server(reply: &str) -> Option<&str> {
    let field = |wanted: &str| {
        reply.lines().find_map(|line| {
            let (key, value) = line.split_once(':')?;
            let value = value.trim();
            (key.trim().eq_ignore_ascii_case(wanted) && !value.is_empty()).then_some(value)
        })
    };
    field("whois").or_else(|| field("refer"))
}

/// The text to send to `server` for `query`: JPRS is asked for its English output
/// (`example.jp/e`) and ARIN for an address's network with details (`n + 192.0.2.1`);
/// everything else is sent as is.
pub fn query_text(server: &ServerAddr, query: &str) -> String {
    let is_address = query.parse::<IpAddr>().is_ok();
    match server.host() {
        "whois.jprs.jp" if !is_address => format!("{query}/e"),
        ARIN_SERVER if is_address => format!("n + {query}"),
        _ => query.to_owned(),
    }
}

type Cache = Mutex<HashMap<(ServerAddr, String), ServerAddr>>;

fn cache() -> &'static Cache {
    static CACHE: OnceLock<Cache> = OnceLock::new();
    CACHE.get_or_init(Cache::default)
}

/// The server that `iana` named for `tld` earlier in this process.
pub(crate) fn cached(iana: &ServerAddr, tld: &str) -> Option<ServerAddr> {
    let cache = cache().lock().unwrap_or_else(PoisonError::into_inner);
    cache.get(&(iana.clone(), tld.to_owned())).cloned()
}

/// Remembers the server that `iana` named for `tld`.
pub(crate) fn remember(iana: &ServerAddr, tld: &str, server: &ServerAddr) {
    let mut cache = cache().lock().unwrap_or_else(PoisonError::into_inner);
    cache.insert((iana.clone(), tld.to_owned()), server.clone());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iana_answer_names_the_whois_line() {
        let reply = "% IANA WHOIS server\n\ndomain:       IO\n\nwhois:        whois.nic.io\n\nstatus:       ACTIVE\n";
        assert_eq!(iana_whois_server(reply), Some("whois.nic.io"));
        assert_eq!(
            iana_whois_server("refer:  whois.ripe.net\n"),
            Some("whois.ripe.net")
        );
        assert_eq!(iana_whois_server("domain: XX\nwhois:\n"), None);
    }

    #[test]
    fn some_servers_want_their_own_syntax() {
        let jprs = ServerAddr::parse("whois.jprs.jp").unwrap();
        let arin = ServerAddr::parse("whois.arin.net").unwrap();
        let other = ServerAddr::parse("whois.nic.fr").unwrap();
        assert_eq!(query_text(&jprs, "google.jp"), "google.jp/e");
        assert_eq!(query_text(&arin, "8.8.8.8"), "n + 8.8.8.8");
        assert_eq!(query_text(&arin, "2001:db8::1"), "n + 2001:db8::1");
        assert_eq!(query_text(&arin, "example.com"), "example.com");
        assert_eq!(query_text(&other, "google.fr"), "google.fr");
    }
}
