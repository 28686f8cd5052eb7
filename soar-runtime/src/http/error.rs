//! [`HttpError`]: why a request failed, as a message fit for an action result.

use std::fmt;
use std::time::Duration;

use url::Url;

use super::response::Response;

/// The longest part of an error response's body an error message quotes.
const EXCERPT_CHARS: usize = 200;

/// What kind of failure an [`HttpError`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum HttpErrorKind {
    /// The client could not be built: an unreadable CA bundle, a bad proxy URL.
    Config,
    /// The request could not be built: a bad URL, header name or value, or body.
    InvalidRequest,
    /// The server answered with an error status (400 and up), after any retries; the response
    /// is in [`HttpError::response`].
    Status,
    /// The server's TLS certificate could not be verified.
    Certificate,
    /// The request took longer than the client's timeouts allow.
    Timeout,
    /// No connection: refused, reset, host not found, or the proxy failed.
    Connection,
    /// The response body is larger than the client's limit.
    TooLarge,
    /// The response body is not what was asked for (e.g. not JSON).
    InvalidBody,
    /// Any other failure of the HTTP exchange.
    Transport,
}

/// Why a request (or building a client) failed.
///
/// The message names the method and the URL without its query string or user info (they may
/// hold credentials); header values never appear, neither here nor in `Debug`. For an error
/// status it quotes the start of the response body:
/// `GET https://api.example.com/v1/items: HTTP 404 Not Found: {"error":"no such item"}`.
///
/// It converts into [`ActionError`](crate::error::ActionError) with `?`, the message followed
/// by the underlying cause when there is one.
pub struct HttpError {
    kind: HttpErrorKind,
    request: Option<Target>,
    detail: String,
    response: Option<Box<Response>>,
    source: Option<Box<dyn std::error::Error + Send + Sync>>,
}

/// A request as error messages name it: method and URL without query string and user info.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Target(String);

impl Target {
    /// The name of a request for `url` with `method`.
    pub(crate) fn new(method: &str, url: &Url) -> Self {
        let mut shown = format!(
            "{method} {}://{}",
            url.scheme(),
            url.host_str().unwrap_or("")
        );
        if let Some(port) = url.port() {
            shown.push_str(&format!(":{port}"));
        }
        shown.push_str(url.path());
        Self(shown)
    }

    /// The name of a request whose URL did not parse: its text up to any query string, or
    /// nothing of it when it holds user info.
    pub(crate) fn unparsed(method: &str, url: &str) -> Self {
        let before_query = url.split(['?', '#']).next().unwrap_or_default();
        if before_query.contains('@') {
            Self(method.to_owned())
        } else {
            Self(format!("{method} {before_query}"))
        }
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl HttpError {
    fn new(kind: HttpErrorKind, request: Option<Target>, detail: impl Into<String>) -> Self {
        Self {
            kind,
            request,
            detail: detail.into(),
            response: None,
            source: None,
        }
    }

    fn with_source(mut self, source: impl std::error::Error + Send + Sync + 'static) -> Self {
        self.source = Some(Box::new(source));
        self
    }

    /// The client could not be built.
    pub(crate) fn config(detail: impl Into<String>) -> Self {
        Self::new(HttpErrorKind::Config, None, detail)
    }

    /// The request could not be built.
    pub(crate) fn invalid_request(request: Target, detail: impl Into<String>) -> Self {
        Self::new(HttpErrorKind::InvalidRequest, Some(request), detail)
    }

    /// The response body is not what was asked for.
    pub(crate) fn invalid_body(
        request: Target,
        detail: impl Into<String>,
        source: impl std::error::Error + Send + Sync + 'static,
    ) -> Self {
        Self::new(HttpErrorKind::InvalidBody, Some(request), detail).with_source(source)
    }

    /// The server answered with an error status after `attempts` attempts. `refused_wait` is
    /// the server's `Retry-After` and the client's maximum wait, when the first exceeded the
    /// second.
    pub(crate) fn status(
        response: Response,
        attempts: u32,
        refused_wait: Option<(Duration, Duration)>,
    ) -> Self {
        let mut detail = format!("HTTP {}", response.status());
        if let Some(reason) = response.reason() {
            detail.push(' ');
            detail.push_str(reason);
        }
        detail.push_str(&attempts_note(attempts));
        if let Some((asked, allowed)) = refused_wait {
            detail.push_str(&format!(
                " (the server asks to retry after {} s, longer than the maximum wait of {} s)",
                asked.as_secs(),
                allowed.as_secs()
            ));
        }
        let excerpt = excerpt(&response.text());
        if !excerpt.is_empty() {
            detail.push_str(": ");
            detail.push_str(&excerpt);
        }
        let mut error = Self::new(
            HttpErrorKind::Status,
            Some(response.target().clone()),
            detail,
        );
        error.response = Some(Box::new(response));
        error
    }

    /// The HTTP exchange failed after `attempts` attempts.
    pub(crate) fn transport(request: Target, error: ureq::Error, attempts: u32) -> Self {
        let kind = classify(&error);
        let what = match (kind, &error) {
            (HttpErrorKind::TooLarge, ureq::Error::BodyExceedsLimit(limit)) => {
                return Self::new(
                    kind,
                    Some(request),
                    format!("the response body is larger than the limit of {limit} bytes"),
                );
            }
            (HttpErrorKind::Certificate, _) => "the server's TLS certificate could not be verified",
            (HttpErrorKind::Timeout, ureq::Error::Timeout(ureq::Timeout::Connect)) => {
                "timed out connecting"
            }
            (HttpErrorKind::Timeout, _) => "timed out",
            (HttpErrorKind::Connection, _) => "could not connect",
            _ => "request failed",
        };
        let detail = format!("{what}{}", attempts_note(attempts));
        let failed = Self::new(kind, Some(request), detail);
        match error {
            // The I/O error itself is the cause: `ureq`'s wrapper only adds "io: " to it.
            ureq::Error::Io(io) => failed.with_source(io),
            other => failed.with_source(other),
        }
    }

    /// What kind of failure this is.
    pub fn kind(&self) -> HttpErrorKind {
        self.kind
    }

    /// The HTTP status, for an error status.
    pub fn status_code(&self) -> Option<u16> {
        self.response.as_ref().map(|response| response.status())
    }

    /// The response, for an error status: a handler can read a `404`'s body, for example.
    pub fn response(&self) -> Option<&Response> {
        self.response.as_deref()
    }
}

/// What kind of failure a `ureq` error is.
pub(crate) fn classify(error: &ureq::Error) -> HttpErrorKind {
    match error {
        ureq::Error::Timeout(_) => HttpErrorKind::Timeout,
        ureq::Error::BodyExceedsLimit(_) => HttpErrorKind::TooLarge,
        ureq::Error::Rustls(error) if is_certificate_error(error) => HttpErrorKind::Certificate,
        ureq::Error::Io(error)
            if error
                .get_ref()
                .and_then(|inner| inner.downcast_ref::<rustls::Error>())
                .is_some_and(is_certificate_error) =>
        {
            HttpErrorKind::Certificate
        }
        ureq::Error::Io(_)
        | ureq::Error::ConnectionFailed
        | ureq::Error::HostNotFound
        | ureq::Error::ConnectProxyFailed(_) => HttpErrorKind::Connection,
        _ => HttpErrorKind::Transport,
    }
}

/// Whether a TLS failure is about the server's certificate (untrusted, expired, wrong name).
fn is_certificate_error(error: &rustls::Error) -> bool {
    matches!(
        error,
        rustls::Error::InvalidCertificate(_) | rustls::Error::NoCertificatesPresented
    )
}

fn attempts_note(attempts: u32) -> String {
    if attempts > 1 {
        format!(" after {attempts} attempts")
    } else {
        String::new()
    }
}

/// The start of a body for a message: whitespace runs as one space, at most
/// [`EXCERPT_CHARS`] characters, an ellipsis when cut.
fn excerpt(body: &str) -> String {
    let words: Vec<&str> = body.split_whitespace().collect();
    let joined = words.join(" ");
    match joined.char_indices().nth(EXCERPT_CHARS) {
        Some((cut, _)) => format!("{}…", &joined[..cut]),
        None => joined,
    }
}

impl fmt::Display for HttpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.request {
            Some(request) => write!(f, "{request}: {}", self.detail),
            None => f.write_str(&self.detail),
        }
    }
}

impl fmt::Debug for HttpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpError")
            .field("kind", &self.kind)
            .field("message", &self.to_string())
            .field("source", &self.source.as_ref().map(ToString::to_string))
            .finish()
    }
}

impl std::error::Error for HttpError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|source| source as &(dyn std::error::Error + 'static))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_leave_out_query_and_user_info() {
        let url =
            Url::parse("https://user:pw@api.example.com:8443/v1/items?apikey=s3cret#x").unwrap();
        assert_eq!(
            Target::new("GET", &url).to_string(),
            "GET https://api.example.com:8443/v1/items"
        );
        let url = Url::parse("http://[::1]/").unwrap();
        assert_eq!(Target::new("POST", &url).to_string(), "POST http://[::1]/");
        assert_eq!(
            Target::unparsed("GET", "api/items?key=s3cret").to_string(),
            "GET api/items"
        );
        assert_eq!(
            Target::unparsed("GET", "http://u:s3cret@[x/").to_string(),
            "GET"
        );
    }

    #[test]
    fn excerpts_are_short_and_on_one_line() {
        assert_eq!(
            excerpt("  {\n  \"error\":  \"nope\"\n}\n"),
            "{ \"error\": \"nope\" }"
        );
        let long = "é".repeat(500);
        let cut = excerpt(&long);
        assert_eq!(cut.chars().count(), EXCERPT_CHARS + 1);
        assert!(cut.ends_with('…'));
    }

    #[test]
    fn converts_into_an_action_error_with_its_cause() {
        let source = std::io::Error::new(std::io::ErrorKind::InvalidData, "expected value");
        let error = HttpError::invalid_body(
            Target("GET https://example.com/x".to_owned()),
            "the response is not valid JSON",
            source,
        );
        let action_error = crate::error::ActionError::from(error);
        assert_eq!(
            action_error.message(),
            "GET https://example.com/x: the response is not valid JSON: expected value"
        );
    }
}
