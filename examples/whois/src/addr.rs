//! WHOIS server addresses: `host`, `host:port`, `[v6]:port`, and the `whois://` form
//! that referrals use.

use std::fmt;
use std::net::{IpAddr, Ipv6Addr, SocketAddr};
use std::str::FromStr;

use serde::{Serialize, Serializer};

use crate::error::WhoisError;

/// The port RFC 3912 assigns to WHOIS.
pub const WHOIS_PORT: u16 = 43;

/// Where a WHOIS server listens. The host is stored lower-cased, without brackets.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ServerAddr {
    host: String,
    port: u16,
}

impl ServerAddr {
    /// Parses a configured server: `host`, `host:port`, `[IPv6]`, `[IPv6]:port`, or a
    /// bare IPv6 address (which cannot carry a port). A `whois://` prefix and one trailing
    /// `/` are accepted, so referral values parse too. The default port is 43.
    ///
    /// # Errors
    /// [`WhoisError::InvalidServer`] saying what is wrong with `input`.
    pub fn parse(input: &str) -> Result<Self, WhoisError> {
        let invalid = |reason: String| WhoisError::InvalidServer {
            input: input.to_owned(),
            reason,
        };
        let mut rest = input.trim();
        if rest.is_empty() {
            return Err(invalid("it is empty".into()));
        }
        if let Some((scheme, after)) = rest.split_once("://") {
            if !scheme.eq_ignore_ascii_case("whois") {
                return Err(invalid(format!(
                    "the scheme '{scheme}://' is not supported (only whois://)"
                )));
            }
            rest = after;
        }
        rest = rest.strip_suffix('/').unwrap_or(rest);
        if rest.contains('/') {
            return Err(invalid("a server address cannot contain a path".into()));
        }
        let (host, port) = split_host_port(rest).map_err(invalid)?;
        let port = match port {
            None => WHOIS_PORT,
            Some(text) => parse_port(text).map_err(invalid)?,
        };
        Self::new(host, port).map_err(|error| match error {
            WhoisError::InvalidServer { reason, .. } => invalid(reason),
            other => other,
        })
    }

    /// A server from a host name or IP address (without brackets) and a port.
    ///
    /// # Errors
    /// [`WhoisError::InvalidServer`] when the host is not a valid host name or IP
    /// address, or the port is 0.
    pub fn new(host: &str, port: u16) -> Result<Self, WhoisError> {
        let invalid = |reason: String| WhoisError::InvalidServer {
            input: format!("{host}:{port}"),
            reason,
        };
        if port == 0 {
            return Err(invalid("port 0 cannot be dialled".into()));
        }
        let host = host.trim().trim_end_matches('.');
        if host.parse::<IpAddr>().is_err() {
            check_host_name(host).map_err(invalid)?;
        }
        Ok(Self {
            host: host.to_ascii_lowercase(),
            port,
        })
    }

    /// A server on port 43 whose host name is a constant known to be valid.
    pub(crate) fn well_known(host: &'static str) -> Self {
        Self {
            host: host.to_owned(),
            port: WHOIS_PORT,
        }
    }

    /// The host name or IP address (IPv6 without brackets).
    pub fn host(&self) -> &str {
        &self.host
    }

    /// The TCP port.
    pub fn port(&self) -> u16 {
        self.port
    }
}

fn split_host_port(text: &str) -> Result<(&str, Option<&str>), String> {
    if let Some(bracketed) = text.strip_prefix('[') {
        let Some((inside, after)) = bracketed.split_once(']') else {
            return Err("the '[' of an IPv6 address is not closed by ']'".into());
        };
        if inside.parse::<Ipv6Addr>().is_err() {
            return Err(format!("'{inside}' in brackets is not an IPv6 address"));
        }
        return match after {
            "" => Ok((inside, None)),
            _ => match after.strip_prefix(':') {
                Some(port) => Ok((inside, Some(port))),
                None => Err(format!("unexpected '{after}' after the IPv6 address")),
            },
        };
    }
    match text.matches(':').count() {
        0 => Ok((text, None)),
        1 => {
            let (host, port) = text.split_once(':').unwrap_or((text, ""));
            Ok((host, Some(port)))
        }
        _ if text.parse::<Ipv6Addr>().is_ok() => Ok((text, None)),
        _ => Err("an IPv6 address with a port must be written in brackets, as [::1]:4343".into()),
    }
}

fn parse_port(text: &str) -> Result<u16, String> {
    match text.parse::<u16>() {
        Ok(port) if port > 0 => Ok(port),
        _ => Err(format!("the port '{text}' is not a number from 1 to 65535")),
    }
}

fn check_host_name(host: &str) -> Result<(), String> {
    if host.is_empty() {
        return Err("the host is empty".into());
    }
    if host.len() > 253 {
        return Err("the host name is longer than 253 characters".into());
    }
    if let Some(bad) = host
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
    {
        return Err(format!("the host '{host}' contains the character {bad:?}"));
    }
    if host
        .split('.')
        .any(|label| label.is_empty() || label.len() > 63)
    {
        return Err(format!(
            "the host '{host}' has an empty label or a label longer than 63 characters"
        ));
    }
    Ok(())
}

impl FromStr for ServerAddr {
    type Err = WhoisError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Self::parse(text)
    }
}

impl From<SocketAddr> for ServerAddr {
    fn from(socket: SocketAddr) -> Self {
        Self {
            host: socket.ip().to_string(),
            port: socket.port(),
        }
    }
}

impl fmt::Display for ServerAddr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.host.contains(':') {
            write!(f, "[{}]:{}", self.host, self.port)
        } else {
            write!(f, "{}:{}", self.host, self.port)
        }
    }
}

impl Serialize for ServerAddr {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}
