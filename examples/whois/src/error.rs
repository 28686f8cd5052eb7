//! Why a lookup failed.

use std::fmt;
use std::io;
use std::time::Duration;

use crate::addr::ServerAddr;

/// A failed query or lookup. Every message names the server or input concerned; an I/O
/// failure's cause is its `source()`, not part of the message (shown together by
/// `soar_runtime::error::error_chain`, and by `?` into an `ActionError`), so that it is
/// printed once.
#[derive(Debug)]
#[non_exhaustive]
pub enum WhoisError {
    /// A configured or referred server address cannot be used.
    InvalidServer {
        /// The text that was given.
        input: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The domain, IP address or query text cannot be sent.
    InvalidQuery {
        /// The query as given.
        query: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The server's host name did not resolve.
    Resolve {
        /// The server.
        server: ServerAddr,
        /// The resolver's error.
        source: io::Error,
    },
    /// No address of the server accepted the connection.
    Connect {
        /// The server.
        server: ServerAddr,
        /// The last connection error.
        source: io::Error,
    },
    /// The lookup's time budget ran out while talking to the server.
    Timeout {
        /// The server.
        server: ServerAddr,
        /// The configured budget of the whole lookup.
        timeout: Duration,
    },
    /// Sending the query or reading the reply failed.
    Io {
        /// The server.
        server: ServerAddr,
        /// The error.
        source: io::Error,
    },
    /// The reply is larger than the configured limit.
    ReplyTooLarge {
        /// The server.
        server: ServerAddr,
        /// The limit in bytes.
        limit: usize,
    },
    /// IANA does not name a WHOIS server for the top-level domain.
    NoServer {
        /// The top-level domain.
        tld: String,
    },
    /// The server refused the query because of its rate limits.
    RateLimited {
        /// The server.
        server: ServerAddr,
        /// The server's message.
        message: String,
    },
    /// The server answered with an error or outage message, or with text that is not a
    /// WHOIS answer.
    ServerError {
        /// The server.
        server: ServerAddr,
        /// What the server said.
        message: String,
    },
    /// The server holds no object for the query (IP lookups).
    NotFound {
        /// The server.
        server: ServerAddr,
        /// The server's message.
        message: String,
    },
}

impl fmt::Display for WhoisError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::InvalidServer { input, reason } => {
                write!(f, "invalid WHOIS server '{input}': {reason}")
            }
            Self::InvalidQuery { query, reason } => {
                write!(f, "invalid WHOIS query '{query}': {reason}")
            }
            Self::Resolve { server, .. } => write!(f, "cannot resolve WHOIS server {server}"),
            Self::Connect { server, .. } => write!(f, "cannot connect to WHOIS server {server}"),
            Self::Timeout { server, timeout } => write!(
                f,
                "WHOIS server {server} did not answer within the {}-second timeout",
                timeout.as_secs_f64()
            ),
            Self::Io { server, .. } => write!(f, "error talking to WHOIS server {server}"),
            Self::ReplyTooLarge { server, limit } => write!(
                f,
                "the reply of WHOIS server {server} exceeds the limit of {limit} bytes"
            ),
            Self::NoServer { tld } => {
                write!(
                    f,
                    "IANA names no WHOIS server for the top-level domain .{tld}"
                )
            }
            Self::RateLimited { server, message } => write!(
                f,
                "WHOIS server {server} refused the query (rate limited): {message}"
            ),
            Self::ServerError { server, message } => {
                write!(f, "WHOIS server {server} returned an error: {message}")
            }
            Self::NotFound { server, message } => {
                write!(f, "WHOIS server {server} has no entry: {message}")
            }
        }
    }
}

impl std::error::Error for WhoisError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Resolve { source, .. }
            | Self::Connect { source, .. }
            | Self::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
