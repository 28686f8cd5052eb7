//! What the app's two HTTP entry points share, the webhook ([`crate::webhook`]) and the REST
//! handler ([`crate::rest`]): the [`Response`] a Rust handler returns, in the one JSON shape the
//! bundle's Python modules read, and the rule that a handler's error or panic is a 500 response
//! whose message names what went wrong, with the secrets of the request written `***`.

use base64::Engine as _;
use indexmap::IndexMap;
use serde_json::{Value, json};

use crate::error::ActionError;

/// The body of a [`Response`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// Text, sent as it is.
    Text(String),
    /// Bytes, sent base64-encoded with `is_base64_encoded`, which the receiver decodes.
    Binary(Vec<u8>),
}

/// The answer of a webhook or REST handler.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// The HTTP status code.
    pub status_code: u16,
    /// The response headers, in order.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Body,
}

impl Response {
    /// A `text/plain` response, in UTF-8.
    pub fn text(status_code: u16, content: impl Into<String>) -> Self {
        Self::of(
            status_code,
            "text/plain; charset=utf-8",
            Body::Text(content.into()),
        )
    }

    /// An `application/json` response.
    pub fn json(status_code: u16, content: &Value) -> Self {
        Self::of(
            status_code,
            "application/json",
            Body::Text(content.to_string()),
        )
    }

    /// A `text/html` response, in UTF-8.
    pub fn html(status_code: u16, content: impl Into<String>) -> Self {
        Self::of(
            status_code,
            "text/html; charset=utf-8",
            Body::Text(content.into()),
        )
    }

    /// A response of bytes of type `content_type`.
    pub fn binary(status_code: u16, content_type: &str, content: Vec<u8>) -> Self {
        Self::of(status_code, content_type, Body::Binary(content))
    }

    /// A `302 Found` to `location`, as OAuth handlers send the browser to the provider's
    /// sign-in page.
    pub fn redirect(location: &str) -> Self {
        Self::text(302, "").with_header("Location", location)
    }

    /// The response with header `name` set to `value` (replacing a header of that name).
    pub fn with_header(mut self, name: &str, value: &str) -> Self {
        self.headers
            .retain(|(key, _)| !key.eq_ignore_ascii_case(name));
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    /// The 500 response that stands in for a handler that failed: `{"error": problem}`.
    pub fn failure(problem: &str) -> Self {
        Self::json(500, &json!({ "error": problem }))
    }

    /// The response as the bundle's modules take it (the official SDK's `WebhookResponse`
    /// dumped): `status_code`, `headers` as `[name, value]` pairs, `content` and
    /// `is_base64_encoded`.
    pub fn to_platform(&self) -> Value {
        let (content, encoded) = match &self.body {
            Body::Text(text) => (text.clone(), false),
            Body::Binary(bytes) => (
                base64::engine::general_purpose::STANDARD.encode(bytes),
                true,
            ),
        };
        json!({
            "status_code": self.status_code,
            "headers": self.headers.iter().map(|(name, value)| json!([name, value])).collect::<Vec<_>>(),
            "content": content,
            "is_base64_encoded": encoded,
        })
    }

    /// Why the response cannot be sent as HTTP, if it cannot: a status outside 100 to 599, a
    /// header name that is not an HTTP token, or a header value with a line break or NUL (which
    /// Django refuses, and which would otherwise split the response).
    pub fn problem(&self) -> Option<String> {
        if !(100..=599).contains(&self.status_code) {
            return Some(format!("status {} is not an HTTP status", self.status_code));
        }
        let token = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c);
        for (name, value) in &self.headers {
            if name.is_empty() || !name.chars().all(token) {
                return Some(format!("header name {name:?} is not an HTTP token"));
            }
            if value.contains(['\r', '\n', '\0']) {
                return Some(format!(
                    "the value of header {name} has a line break or NUL"
                ));
            }
        }
        None
    }

    fn of(status_code: u16, content_type: &str, body: Body) -> Self {
        Self {
            status_code,
            headers: vec![("Content-Type".to_owned(), content_type.to_owned())],
            body,
        }
    }
}

/// The response of `handler` to `request`, as JSON for the bundle's module. `what` names the
/// handler in the message of a failure ("the webhook handler"); the values `secrets` gives,
/// asked once the handler has failed (so that they may include what it read), are written
/// `***` in that message. Never panics: an error and a panic of the handler, and a response
/// that cannot be sent as HTTP ([`Response::problem`]), are 500 responses.
pub(crate) fn answer<R>(
    what: &str,
    handler: impl FnOnce(R) -> Result<Response, ActionError>,
    request: R,
    secrets: impl FnOnce() -> Vec<String>,
) -> String {
    let problem = match crate::caught::caught(|| handler(request)) {
        Ok(Ok(response)) => match response.problem() {
            None => return response.to_platform().to_string(),
            Some(problem) => format!("{what} answered what is not HTTP: {problem}"),
        },
        Ok(Err(error)) => format!("{what} failed: {}", error.message()),
        Err(panic) => format!("{what} panicked: {panic}"),
    };
    Response::failure(&redacted(problem, secrets()))
        .to_platform()
        .to_string()
}

/// `text` with each of `secrets` written `***`, the longest first, so that a secret inside
/// another does not leave the rest of the longer one.
fn redacted(text: String, mut secrets: Vec<String>) -> String {
    secrets.retain(|secret| !secret.is_empty());
    secrets.sort_by_key(|secret| std::cmp::Reverse(secret.len()));
    secrets
        .iter()
        .fold(text, |text, secret| text.replace(secret.as_str(), "***"))
}

/// The value of header `name` in `headers`, whatever its case.
pub(crate) fn header<'a>(headers: &'a IndexMap<String, String>, name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(key, _)| key.eq_ignore_ascii_case(name))
        .map(|(_, value)| value.as_str())
}

/// The first value of parameter `name` in `parameters`.
pub(crate) fn first_value<'a>(
    parameters: &'a IndexMap<String, Vec<String>>,
    name: &str,
) -> Option<&'a str> {
    parameters
        .get(name)
        .and_then(|values| values.first())
        .map(String::as_str)
}

/// Query or form parameters as the bundle's modules pass them: each name with a list of
/// values (SOAR 7's webhooks and Django's `QueryDict.lists()`), the single value of older
/// platforms, or `None` for a parameter without one.
pub(crate) fn parameters(given: serde_json::Map<String, Value>) -> IndexMap<String, Vec<String>> {
    given
        .into_iter()
        .map(|(name, value)| {
            let values = match value {
                Value::Array(items) => items.into_iter().map(plain_text).collect(),
                Value::Null => vec![String::new()],
                other => vec![plain_text(other)],
            };
            (name, values)
        })
        .collect()
}

/// Headers as the bundle's modules pass them, each value as text.
pub(crate) fn headers(given: serde_json::Map<String, Value>) -> IndexMap<String, String> {
    given
        .into_iter()
        .map(|(name, value)| (name, plain_text(value)))
        .collect()
}

/// A JSON value as the text it stands for (a string without its quotes).
fn plain_text(value: Value) -> String {
    match value {
        Value::String(text) => text,
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_go_base64_encoded_and_a_header_replaces_its_namesake() {
        let response = Response::binary(200, "application/zip", vec![0, 159, 146, 150])
            .with_header("content-type", "application/octet-stream");
        assert_eq!(
            response.to_platform(),
            json!({
                "status_code": 200,
                "headers": [["content-type", "application/octet-stream"]],
                "content": "AJ+Slg==",
                "is_base64_encoded": true,
            })
        );
    }

    #[test]
    fn a_redirect_is_a_302_with_its_location() {
        let response = Response::redirect("https://login.example/authorize?x=1");
        assert_eq!(response.status_code, 302);
        assert_eq!(
            response.headers,
            [
                (
                    "Content-Type".to_owned(),
                    "text/plain; charset=utf-8".to_owned()
                ),
                (
                    "Location".to_owned(),
                    "https://login.example/authorize?x=1".to_owned()
                )
            ]
        );
    }

    #[test]
    fn a_failure_names_the_handler_and_hides_the_secrets() {
        let failed: Value = serde_json::from_str(&answer(
            "the test handler",
            |secret: String| Err(ActionError::new(format!("{secret} refused"))),
            "k3y".to_owned(),
            || vec!["k3".to_owned(), "k3y".to_owned(), String::new()],
        ))
        .unwrap();
        assert_eq!(failed["status_code"], 500);
        assert_eq!(
            failed["content"],
            json!({"error": "the test handler failed: *** refused"}).to_string(),
            "the longer secret first: `k3` does not leave its `y`"
        );
        let panicked: Value = serde_json::from_str(&answer(
            "the test handler",
            |(): ()| -> Result<Response, ActionError> { panic!("boom") },
            (),
            Vec::new,
        ))
        .unwrap();
        assert_eq!(
            panicked["content"],
            json!({"error": "the test handler panicked: boom"}).to_string()
        );
    }

    #[test]
    fn a_response_that_is_not_http_is_a_500() {
        let answered = |response: Response| -> Value {
            serde_json::from_str(&answer("the test handler", |()| Ok(response), (), Vec::new))
                .unwrap()
        };
        for (response, problem) in [
            (Response::text(99, "x"), "status 99 is not an HTTP status"),
            (Response::text(600, "x"), "status 600 is not an HTTP status"),
            (
                Response::text(200, "x").with_header("X-Bad Name", "1"),
                "header name \"X-Bad Name\" is not an HTTP token",
            ),
            (
                Response::redirect("https://a.example/\r\nSet-Cookie: x=1"),
                "the value of header Location has a line break or NUL",
            ),
        ] {
            let failed = answered(response);
            assert_eq!(failed["status_code"], 500);
            assert_eq!(
                failed["content"],
                json!({"error": format!("the test handler answered what is not HTTP: {problem}")})
                    .to_string()
            );
        }
        assert_eq!(answered(Response::text(599, "x"))["status_code"], 599);
    }
}
