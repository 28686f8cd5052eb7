//! The RFC 3912 exchange: connect to port 43, send the query and CR LF, read until the
//! server closes the connection.

use std::io::{self, ErrorKind, Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::time::{Duration, Instant};

use crate::addr::ServerAddr;
use crate::error::WhoisError;

/// The default reply size limit: 1 MiB (real replies are a few kilobytes).
pub const DEFAULT_MAX_REPLY_BYTES: usize = 1 << 20;

/// How one query may behave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueryOptions {
    /// Budget of the whole exchange (connect, send, read to the end). Every blocking step
    /// waits at most for what is left of it, so a server that trickles bytes cannot
    /// stretch the exchange past it.
    pub timeout: Duration,
    /// A reply larger than this is an error ([`WhoisError::ReplyTooLarge`]), not truncated:
    /// a cut reply could be parsed into wrong facts.
    pub max_reply_bytes: usize,
}

impl Default for QueryOptions {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(30),
            max_reply_bytes: DEFAULT_MAX_REPLY_BYTES,
        }
    }
}

/// How the reply's bytes were turned into text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// The bytes were valid UTF-8.
    Utf8,
    /// The bytes were not UTF-8 and were read as ISO-8859-1 (every byte is a character,
    /// so nothing is lost or replaced).
    Latin1,
}

/// A server's reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawReply {
    /// The server that answered.
    pub server: ServerAddr,
    /// The reply as text.
    pub text: String,
    /// How the bytes were decoded.
    pub encoding: Encoding,
}

/// Sends `query` to `server` and returns its reply.
///
/// # Errors
/// An invalid query (empty, or holding CR or LF), resolution and connection failures,
/// the timeout, I/O errors and a reply larger than the limit.
pub fn query(
    server: &ServerAddr,
    query: &str,
    options: &QueryOptions,
) -> Result<RawReply, WhoisError> {
    query_before(
        server,
        server,
        query,
        Instant::now() + options.timeout,
        options,
    )
}

/// [`query`] with an absolute deadline, so that a lookup of several queries shares one
/// budget (`options.timeout` is only quoted in the timeout error), dialling `dial` for
/// `server` (see [`crate::LookupConfig::host_overrides`]); errors name `server`.
pub(crate) fn query_before(
    server: &ServerAddr,
    dial: &ServerAddr,
    query: &str,
    deadline: Instant,
    options: &QueryOptions,
) -> Result<RawReply, WhoisError> {
    check_query(query)?;
    let clock = Clock {
        server,
        deadline,
        timeout: options.timeout,
    };
    let mut stream = connect(&clock, dial)?;
    stream
        .set_write_timeout(Some(clock.remaining()?))
        .and_then(|()| stream.write_all(format!("{query}\r\n").as_bytes()))
        .map_err(|source| clock.io_error(source))?;
    let bytes = read_reply(&mut stream, &clock, options.max_reply_bytes)?;
    let (text, encoding) = decode(&bytes);
    Ok(RawReply {
        server: server.clone(),
        text,
        encoding,
    })
}

fn check_query(query: &str) -> Result<(), WhoisError> {
    let reason = if query.trim().is_empty() {
        "it is empty"
    } else if query.contains(['\r', '\n']) {
        "it contains a line break"
    } else {
        return Ok(());
    };
    Err(WhoisError::InvalidQuery {
        query: query.to_owned(),
        reason: reason.to_owned(),
    })
}

/// The deadline of one exchange and the errors that name its server.
struct Clock<'a> {
    server: &'a ServerAddr,
    deadline: Instant,
    timeout: Duration,
}

impl Clock<'_> {
    fn remaining(&self) -> Result<Duration, WhoisError> {
        let left = self.deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            Err(self.timed_out())
        } else {
            Ok(left)
        }
    }

    fn timed_out(&self) -> WhoisError {
        WhoisError::Timeout {
            server: self.server.clone(),
            timeout: self.timeout,
        }
    }

    fn io_error(&self, source: io::Error) -> WhoisError {
        if matches!(source.kind(), ErrorKind::TimedOut | ErrorKind::WouldBlock) {
            self.timed_out()
        } else {
            WhoisError::Io {
                server: self.server.clone(),
                source,
            }
        }
    }
}

fn connect(clock: &Clock<'_>, dial: &ServerAddr) -> Result<TcpStream, WhoisError> {
    let server = clock.server;
    let addresses = (dial.host(), dial.port())
        .to_socket_addrs()
        .map_err(|source| WhoisError::Resolve {
            server: server.clone(),
            source,
        })?;
    let mut last_error = io::Error::new(ErrorKind::NotFound, "the host has no address");
    for address in addresses {
        match TcpStream::connect_timeout(&address, clock.remaining()?) {
            Ok(stream) => return Ok(stream),
            Err(error) if error.kind() == ErrorKind::TimedOut => return Err(clock.timed_out()),
            Err(error) => last_error = error,
        }
    }
    Err(WhoisError::Connect {
        server: server.clone(),
        source: last_error,
    })
}

fn read_reply(
    stream: &mut TcpStream,
    clock: &Clock<'_>,
    limit: usize,
) -> Result<Vec<u8>, WhoisError> {
    let mut reply = Vec::new();
    let mut chunk = [0_u8; 8192];
    loop {
        stream
            .set_read_timeout(Some(clock.remaining()?))
            .map_err(|source| clock.io_error(source))?;
        match stream.read(&mut chunk) {
            Ok(0) => return Ok(reply),
            Ok(read) => {
                if reply.len() + read > limit {
                    return Err(WhoisError::ReplyTooLarge {
                        server: clock.server.clone(),
                        limit,
                    });
                }
                reply.extend_from_slice(&chunk[..read]);
            }
            Err(error) if error.kind() == ErrorKind::Interrupted => {}
            Err(error) => return Err(clock.io_error(error)),
        }
    }
}

/// Reply bytes as text: UTF-8 when they are valid UTF-8, otherwise ISO-8859-1.
pub fn decode(bytes: &[u8]) -> (String, Encoding) {
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_owned(), Encoding::Utf8),
        Err(_) => (
            bytes.iter().copied().map(char::from).collect(),
            Encoding::Latin1,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding_never_loses_bytes() {
        assert_eq!(
            decode("Grüße".as_bytes()),
            ("Grüße".to_owned(), Encoding::Utf8)
        );
        let (text, encoding) = decode(b"BER\xddL TEKNOLOJ\xdd");
        assert_eq!(encoding, Encoding::Latin1);
        assert_eq!(text, "BERÝL TEKNOLOJÝ");
    }

    #[test]
    fn queries_with_line_breaks_are_refused() {
        assert!(check_query("example.com").is_ok());
        assert!(check_query("example.com\r\nhelp").is_err());
        assert!(check_query("  ").is_err());
    }
}
