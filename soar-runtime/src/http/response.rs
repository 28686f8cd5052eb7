//! [`Response`]: a response read whole, within the client's size limit.

use std::borrow::Cow;
use std::fmt;

use serde::de::DeserializeOwned;
use ureq::http::HeaderMap;

use super::error::{HttpError, Target};

/// An HTTP response, its body read into memory (at most the client's
/// [`max_response_size`](super::HttpClientBuilder::max_response_size)).
///
/// `Debug` shows the request, the status and the body's length, not the headers (a
/// `Set-Cookie` may hold a session) nor the body.
pub struct Response {
    target: Target,
    status: u16,
    headers: HeaderMap,
    body: Vec<u8>,
}

impl Response {
    /// Reads `response` whole; a body longer than `limit` bytes is an error (found on reading
    /// byte `limit + 1`, whatever length the response declares: a `HEAD` response declares
    /// the length of a body it does not have).
    pub(crate) fn read(
        target: Target,
        response: ureq::http::Response<ureq::Body>,
        limit: u64,
    ) -> Result<Self, ureq::Error> {
        let (parts, body) = response.into_parts();
        let body = body.into_with_config().limit(limit).read_to_vec()?;
        Ok(Self {
            target,
            status: parts.status.as_u16(),
            headers: parts.headers,
            body,
        })
    }

    /// The status code.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// Whether the status is a success (2xx).
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// The standard reason phrase of the status (`"Not Found"`), if it has one.
    pub fn reason(&self) -> Option<&'static str> {
        ureq::http::StatusCode::from_u16(self.status)
            .ok()
            .and_then(|status| status.canonical_reason())
    }

    /// The value of a header (the name is case-insensitive); `None` when it is missing or not
    /// text. Of a repeated header, the first value.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name)?.to_str().ok()
    }

    /// The body.
    pub fn bytes(&self) -> &[u8] {
        &self.body
    }

    /// The body as text; invalid UTF-8 becomes U+FFFD.
    pub fn text(&self) -> Cow<'_, str> {
        String::from_utf8_lossy(&self.body)
    }

    /// The body parsed as JSON into `T`; an error names the request and what did not parse.
    pub fn json<T: DeserializeOwned>(&self) -> Result<T, HttpError> {
        serde_json::from_slice(&self.body).map_err(|error| {
            HttpError::invalid_body(
                self.target.clone(),
                "the response is not the JSON expected",
                error,
            )
        })
    }

    /// The request this responds to, as error messages name it.
    pub(crate) fn target(&self) -> &Target {
        &self.target
    }
}

impl fmt::Debug for Response {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Response")
            .field("request", &self.target.to_string())
            .field("status", &self.status)
            .field("body_len", &self.body.len())
            .finish_non_exhaustive()
    }
}
