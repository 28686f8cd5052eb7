//! Whole lookups: choosing the server, asking it, parsing its answer, and following one
//! referral, all within one time budget.

use std::collections::BTreeMap;
use std::net::IpAddr;
use std::time::{Duration, Instant};

use serde::Serialize;
use soar_runtime::error::error_chain;

use crate::addr::ServerAddr;
use crate::client::{DEFAULT_MAX_REPLY_BYTES, QueryOptions, query_before};
use crate::error::WhoisError;
use crate::parse::{parse_domain, parse_ip};
use crate::record::{DomainRecord, IpRecord, ParseOutcome};
use crate::servers::{self, ARIN_SERVER, IANA_SERVER};

/// How lookups behave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LookupConfig {
    /// Ask this server instead of choosing one (the asset's `whois_server`). Referrals
    /// it gives are still followed.
    pub server: Option<ServerAddr>,
    /// Budget of the whole lookup: IANA, the registry and the referral together.
    pub timeout: Duration,
    /// The server that names each top-level domain's WHOIS server.
    pub iana_server: ServerAddr,
    /// Largest reply accepted from any server.
    pub max_reply_bytes: usize,
    /// Whether to follow one referral (a thin registry's `Registrar WHOIS Server:`,
    /// ARIN's `ReferralServer:`).
    pub follow_referrals: bool,
    /// Host names (lower case) mapped to the address actually dialled, e.g.
    /// `whois.markmonitor.com` to `127.0.0.1:4343`. Meant for tests and for sites that
    /// must go through a relay; answers are still attributed to the original server.
    pub host_overrides: BTreeMap<String, ServerAddr>,
}

impl Default for LookupConfig {
    fn default() -> Self {
        Self {
            server: None,
            timeout: Duration::from_secs(30),
            iana_server: ServerAddr::well_known(IANA_SERVER),
            max_reply_bytes: DEFAULT_MAX_REPLY_BYTES,
            follow_referrals: true,
            host_overrides: BTreeMap::new(),
        }
    }
}

impl LookupConfig {
    fn dial(&self, server: &ServerAddr) -> ServerAddr {
        self.host_overrides
            .get(server.host())
            .cloned()
            .unwrap_or_else(|| server.clone())
    }

    fn options(&self) -> QueryOptions {
        QueryOptions {
            timeout: self.timeout,
            max_reply_bytes: self.max_reply_bytes,
        }
    }
}

/// A server's parsed answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Answer<T> {
    /// The server that answered.
    pub server: ServerAddr,
    /// Its answer.
    pub record: T,
}

/// The result of [`lookup_domain`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DomainLookup {
    /// The domain as queried (ASCII, lower case).
    pub query: String,
    /// The server asked first: the registry (or the configured server).
    pub server: ServerAddr,
    /// The registry's answer. Fields it lacks (contacts, for a thin registry) are filled
    /// from the registrar's answer; fields it has are kept.
    pub record: DomainRecord,
    /// The registrar's own answer, when a referral was followed.
    pub referral: Option<Answer<DomainRecord>>,
    /// What did not go as planned without failing the lookup, e.g. an unreachable
    /// referral.
    pub notes: Vec<String>,
}

/// The result of [`lookup_ip`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IpLookup {
    /// The address queried.
    pub query: IpAddr,
    /// The server asked first: ARIN (or the configured server).
    pub server: ServerAddr,
    /// That server's answer.
    pub record: IpRecord,
    /// The answer of the registry it referred to, which describes the network more
    /// precisely.
    pub referral: Option<Answer<IpRecord>>,
    /// What did not go as planned without failing the lookup.
    pub notes: Vec<String>,
}

impl IpLookup {
    /// The referred registry's answer if there is one, else the first server's.
    pub fn most_specific(&self) -> &IpRecord {
        self.referral
            .as_ref()
            .map_or(&self.record, |answer| &answer.record)
    }
}

/// Looks up a domain: the configured server, or the TLD's server (built-in table, else
/// IANA, cached per process); then the registrar the registry refers to, if any.
///
/// # Errors
/// An invalid domain, failures to reach the server that must answer (a failed referral
/// is only a note), and refusals: [`WhoisError::RateLimited`] and
/// [`WhoisError::ServerError`].
pub fn lookup_domain(domain: &str, config: &LookupConfig) -> Result<DomainLookup, WhoisError> {
    let deadline = Instant::now() + config.timeout;
    let query = ascii_domain(domain)?;
    let server = match &config.server {
        Some(server) => server.clone(),
        None => tld_server(tld_of(&query), config, deadline)?,
    };
    let record = ask(&server, &query, config, deadline, parse_domain)?;
    let mut lookup = DomainLookup {
        query,
        server,
        record,
        referral: None,
        notes: Vec::new(),
    };
    let referral = lookup.record.referral_server.clone();
    if let (true, true, Some(referral)) =
        (config.follow_referrals, lookup.record.registered, referral)
    {
        match follow(
            &lookup.server,
            &referral,
            &lookup.query,
            config,
            deadline,
            parse_domain,
        ) {
            Followed::Answer(answer) => {
                lookup.record.fill_missing_from(&answer.record);
                lookup.referral = Some(answer);
            }
            Followed::Failed(note) => lookup.notes.push(note),
            Followed::Skipped => {}
        }
    }
    Ok(lookup)
}

/// Looks up an IP address: the configured server or ARIN, then the registry ARIN refers
/// to, if any.
///
/// # Errors
/// Failures to reach the first server, its refusals, and [`WhoisError::NotFound`].
pub fn lookup_ip(address: IpAddr, config: &LookupConfig) -> Result<IpLookup, WhoisError> {
    let deadline = Instant::now() + config.timeout;
    let server = config
        .server
        .clone()
        .unwrap_or_else(|| ServerAddr::well_known(ARIN_SERVER));
    let query = address.to_string();
    let record = ask(&server, &query, config, deadline, parse_ip)?;
    let mut lookup = IpLookup {
        query: address,
        server,
        record,
        referral: None,
        notes: Vec::new(),
    };
    if let (true, Some(referral)) = (
        config.follow_referrals,
        lookup.record.referral_server.clone(),
    ) {
        match follow(
            &lookup.server,
            &referral,
            &query,
            config,
            deadline,
            parse_ip,
        ) {
            Followed::Answer(answer) => lookup.referral = Some(answer),
            Followed::Failed(note) => lookup.notes.push(note),
            Followed::Skipped => {}
        }
    }
    Ok(lookup)
}

/// The domain in ASCII (IDNA), lower case, without a trailing dot.
fn ascii_domain(domain: &str) -> Result<String, WhoisError> {
    let invalid = |reason: &str| WhoisError::InvalidQuery {
        query: domain.to_owned(),
        reason: reason.to_owned(),
    };
    let trimmed = domain.trim().trim_end_matches('.');
    if trimmed.is_empty() {
        return Err(invalid("it is empty"));
    }
    if trimmed.parse::<IpAddr>().is_ok() {
        return Err(invalid("it is an IP address, not a domain name"));
    }
    let ascii =
        idna::domain_to_ascii(trimmed).map_err(|_| invalid("it is not a valid domain name"))?;
    if !ascii.contains('.') || ascii.split('.').any(str::is_empty) {
        return Err(invalid("a domain name needs at least two non-empty labels"));
    }
    Ok(ascii.to_ascii_lowercase())
}

fn tld_of(domain: &str) -> &str {
    domain.rsplit('.').next().unwrap_or(domain)
}

/// The WHOIS server of a top-level domain: built-in, cached, or asked of IANA.
fn tld_server(
    tld: &str,
    config: &LookupConfig,
    deadline: Instant,
) -> Result<ServerAddr, WhoisError> {
    if let Some(host) = servers::builtin_server(tld) {
        return Ok(ServerAddr::well_known(host));
    }
    let iana = &config.iana_server;
    if let Some(server) = servers::cached(iana, tld) {
        return Ok(server);
    }
    let reply = query_before(iana, &config.dial(iana), tld, deadline, &config.options())?;
    let host = servers::iana_whois_server(&reply.text).ok_or_else(|| WhoisError::NoServer {
        tld: tld.to_owned(),
    })?;
    let server = ServerAddr::parse(host)?;
    servers::remember(iana, tld, &server);
    Ok(server)
}

/// Queries `server` and parses its reply; refusals become errors.
fn ask<T>(
    server: &ServerAddr,
    query: &str,
    config: &LookupConfig,
    deadline: Instant,
    parse: fn(&str) -> ParseOutcome<T>,
) -> Result<T, WhoisError> {
    let text = servers::query_text(server, query);
    let reply = query_before(
        server,
        &config.dial(server),
        &text,
        deadline,
        &config.options(),
    )?;
    let server = server.clone();
    match parse(&reply.text) {
        ParseOutcome::Parsed(record) => Ok(record),
        ParseOutcome::NotFound(message) => Err(WhoisError::NotFound { server, message }),
        ParseOutcome::RateLimited(message) => Err(WhoisError::RateLimited { server, message }),
        ParseOutcome::Error(message) => Err(WhoisError::ServerError { server, message }),
    }
}

/// What following a referral gave.
enum Followed<T> {
    Answer(Answer<T>),
    /// The referral points back at the server that gave it.
    Skipped,
    /// A note saying why the referral gave nothing.
    Failed(String),
}

/// Follows one referral (never further: referrals of the referred server are ignored).
fn follow<T>(
    from: &ServerAddr,
    referral: &str,
    query: &str,
    config: &LookupConfig,
    deadline: Instant,
    parse: fn(&str) -> ParseOutcome<T>,
) -> Followed<T> {
    let target = match ServerAddr::parse(referral) {
        Ok(target) => target,
        Err(error) => return Followed::Failed(format!("the referral was not followed: {error}")),
    };
    if target == *from {
        return Followed::Skipped;
    }
    match ask(&target, query, config, deadline, parse) {
        Ok(record) => Followed::Answer(Answer {
            server: target,
            record,
        }),
        Err(error) => Followed::Failed(format!(
            "the referral to {target} failed ({}); the answer of {from} is shown",
            error_chain(&error)
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains_are_sent_in_ascii() {
        assert_eq!(ascii_domain(" Example.COM. ").unwrap(), "example.com");
        assert_eq!(ascii_domain("bücher.de").unwrap(), "xn--bcher-kva.de");
        assert!(ascii_domain("com").is_err());
        assert!(ascii_domain("").is_err());
        assert!(ascii_domain("a..b").is_err());
        assert!(ascii_domain("192.0.2.1").is_err());
        assert_eq!(tld_of("google.co.uk"), "uk");
    }
}
