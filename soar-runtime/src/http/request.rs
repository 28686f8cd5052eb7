//! [`Request`]: one request being built, and sending it with retries.

use std::fmt;

use base64::Engine as _;
use serde::Serialize;
use ureq::Agent;
use ureq::http::{HeaderMap, HeaderName, HeaderValue, Method, header};
use url::Url;

use super::client::HttpClient;
use super::error::{HttpError, HttpErrorKind, Target, classify};
use super::response::Response;
use super::retry::Decision;
use crate::secret::Secret;

/// A request being built; [`call`](Self::call) sends it.
///
/// A mistake while building (a URL that does not parse, an invalid header) is reported by
/// `call`, so the calls chain. `Debug` shows the request line and the header names, never
/// header values or the query string.
#[must_use = "a request is sent by `call`"]
pub struct Request<'c> {
    client: &'c HttpClient,
    method: Method,
    url: Result<Url, String>,
    target: Target,
    headers: HeaderMap,
    body: Option<Vec<u8>>,
    problem: Option<String>,
}

/// How the last attempt failed.
enum Failure {
    Status(Response),
    Transport(ureq::Error),
}

impl<'c> Request<'c> {
    pub(crate) fn new(client: &'c HttpClient, method: Method, url: &str) -> Self {
        let parsed = Url::parse(url).map_err(|error| format!("invalid URL: {error}"));
        let target = match &parsed {
            Ok(parsed) => Target::new(method.as_str(), parsed),
            Err(_) => Target::unparsed(method.as_str(), url),
        };
        Self {
            client,
            method,
            url: parsed,
            target,
            headers: HeaderMap::new(),
            body: None,
            problem: None,
        }
    }

    /// Appends a query parameter (percent-encoded). Query strings never appear in errors.
    pub fn query(mut self, key: &str, value: &str) -> Self {
        if let Ok(url) = &mut self.url {
            url.query_pairs_mut().append_pair(key, value);
        }
        self
    }

    /// Sets a header, replacing an earlier value of the same name.
    pub fn header(self, name: &str, value: &str) -> Self {
        self.set_header(name, value, false)
    }

    /// Sets a header whose value is a secret (an API key header such as `X-Api-Key`); the
    /// value is exposed only here, to be sent.
    pub fn secret_header(self, name: &str, value: &Secret) -> Self {
        self.set_header(name, value.expose(), true)
    }

    /// Sets `Authorization: Bearer <token>`.
    pub fn bearer_auth(self, token: &Secret) -> Self {
        let value = format!("Bearer {}", token.expose());
        self.set_header(header::AUTHORIZATION.as_str(), &value, true)
    }

    /// Sets `Authorization: Basic ...` for a user name and password.
    pub fn basic_auth(self, user: &str, password: &Secret) -> Self {
        let credentials = format!("{user}:{}", password.expose());
        let value = format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode(credentials)
        );
        self.set_header(header::AUTHORIZATION.as_str(), &value, true)
    }

    /// Sends `body` as JSON (`Content-Type: application/json`).
    pub fn json(mut self, body: &impl Serialize) -> Self {
        match serde_json::to_vec(body) {
            Ok(bytes) => self.body("application/json", bytes),
            Err(error) => {
                self.note_problem(format!("the JSON body cannot be serialized: {error}"));
                self
            }
        }
    }

    /// Sends `pairs` as a form (`Content-Type: application/x-www-form-urlencoded`), as an
    /// OAuth token request does.
    pub fn form(self, pairs: &[(&str, &str)]) -> Self {
        let encoded = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs)
            .finish();
        self.body("application/x-www-form-urlencoded", encoded.into_bytes())
    }

    /// Sends `bytes` as the body with the given `Content-Type`.
    pub fn body(self, content_type: &str, bytes: impl Into<Vec<u8>>) -> Self {
        let mut request = self.header(header::CONTENT_TYPE.as_str(), content_type);
        request.body = Some(bytes.into());
        request
    }

    /// Sends the request, retrying as the client says, and reads the response.
    ///
    /// A status of 400 and up is an error ([`HttpErrorKind::Status`]) holding the response.
    pub fn call(self) -> Result<Response, HttpError> {
        let url = match (&self.url, &self.problem) {
            (Err(problem), _) | (Ok(_), Some(problem)) => {
                return Err(HttpError::invalid_request(self.target, problem.as_str()));
            }
            (Ok(url), None) => url,
        };
        let agent = self.client.routes().pick(url);
        let policy = self.client.retry_policy();
        let idempotent = !matches!(self.method, Method::POST | Method::PATCH);
        let mut retries = 0;
        loop {
            let (decision, failure) = match self.send(agent, url) {
                Ok(response) if response.status() < 400 => return Ok(response),
                Ok(response) => {
                    let retry_after = response.header(header::RETRY_AFTER.as_str());
                    let decision =
                        policy.after_status(retries, response.status(), retry_after, idempotent);
                    (decision, Failure::Status(response))
                }
                Err(error) => {
                    let decision = match classify(&error) {
                        HttpErrorKind::Connection => {
                            policy.after_connection_error(retries, idempotent)
                        }
                        _ => Decision::GiveUp,
                    };
                    (decision, Failure::Transport(error))
                }
            };
            let refused_wait = match decision {
                Decision::Retry(wait) => {
                    std::thread::sleep(wait);
                    retries += 1;
                    continue;
                }
                Decision::GiveUp => None,
                Decision::WaitTooLong(wait) => Some((wait, policy.max_wait)),
            };
            let attempts = retries + 1;
            return Err(match failure {
                Failure::Status(response) => HttpError::status(response, attempts, refused_wait),
                Failure::Transport(error) => HttpError::transport(self.target, error, attempts),
            });
        }
    }

    /// One attempt.
    fn send(&self, agent: &Agent, url: &Url) -> Result<Response, ureq::Error> {
        let mut builder = ureq::http::Request::builder()
            .method(self.method.clone())
            .uri(url.as_str());
        for (name, value) in &self.headers {
            builder = builder.header(name, value);
        }
        let response = match &self.body {
            Some(body) => agent.run(builder.body(body.as_slice())?),
            None => agent.run(builder.body(())?),
        }?;
        Response::read(
            self.target.clone(),
            response,
            self.client.max_response_size(),
        )
    }

    fn set_header(mut self, name: &str, value: &str, sensitive: bool) -> Self {
        let Ok(name) = HeaderName::try_from(name) else {
            self.note_problem(format!("invalid header name {name:?}"));
            return self;
        };
        let Ok(mut value) = HeaderValue::try_from(value) else {
            self.note_problem(format!("invalid value for the header {name}"));
            return self;
        };
        value.set_sensitive(sensitive);
        self.headers.insert(name, value);
        self
    }

    /// Keeps the first problem found while building, for `call` to report.
    fn note_problem(&mut self, problem: String) {
        self.problem.get_or_insert(problem);
    }
}

impl fmt::Debug for Request<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.headers.keys().map(HeaderName::as_str).collect();
        f.debug_struct("Request")
            .field("request", &self.target.to_string())
            .field("headers", &names)
            .field("body_len", &self.body.as_ref().map(Vec::len))
            .finish_non_exhaustive()
    }
}
