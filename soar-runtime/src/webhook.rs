//! Webhooks: HTTP requests that the platform forwards to the app, answered by a Rust function.
//!
//! A connector declares its handler in its attribute,
//! `#[connector(..., webhook(handler = alert_pushed, requires_auth = false))]`, and writes it as
//! `fn(WebhookRequest) -> Result<WebhookResponse, ActionError>`. The app JSON's `webhook.handler`
//! names `handle_webhook` of the bundle's `<main module stem>_webhook.py`, which the platform
//! calls for every request under the asset's webhook URL as
//! `handle_webhook(method, headers, path_parts, query, body, asset, soar_rest_client)` and
//! whose return value is the response, a dict of `status_code`, `headers` (name and value
//! pairs), `content` and `is_base64_encoded` (the shape of the official SDK's
//! `WebhookResponse`). That module hands the request to the native module as JSON ([`handle`]),
//! with the GIL released; the platform does the routing to the asset, the handler every path
//! below it ([`WebhookRequest::path_parts`]).
//!
//! A handler that returns an error or panics gives a 500 response whose message names what
//! went wrong, with the asset's password fields written `***`; the platform's webhook process
//! never sees an exception from it.

use indexmap::IndexMap;
use serde::Deserialize;
use serde_json::{Map, Value};

use crate::app_json::AppJson;
use crate::config::Config;
use crate::error::ActionError;
pub use crate::handler::{Body, Response};

/// One request to the app's webhook.
#[derive(Debug, Clone)]
pub struct WebhookRequest {
    /// The HTTP method, in capitals (`POST`).
    pub method: String,
    /// The path below the asset's webhook URL, split at `/`: `[]` for the URL itself,
    /// `["alerts", "42"]` for `.../alerts/42`.
    pub path_parts: Vec<String>,
    /// The query parameters, each with all its values in order (`?a=1&a=2` gives
    /// `a: ["1", "2"]`, `?a` gives `a: [""]`), as SOAR 7 passes them; the single values of
    /// older platforms become lists of one.
    pub query: IndexMap<String, Vec<String>>,
    /// The request headers the platform passes on (those of the webhook's `allowed_headers`).
    pub headers: IndexMap<String, String>,
    /// The body, if the request had one.
    pub body: Option<String>,
    /// The asset's configuration, prepared as for an action run (password fields are secrets).
    pub asset: Config,
}

impl WebhookRequest {
    /// The path below the asset's webhook URL, its parts joined by `/`.
    pub fn path(&self) -> String {
        self.path_parts.join("/")
    }

    /// The value of header `name`, whatever its case.
    pub fn header(&self, name: &str) -> Option<&str> {
        crate::handler::header(&self.headers, name)
    }

    /// The first value of query parameter `name`.
    pub fn query_value(&self, name: &str) -> Option<&str> {
        crate::handler::first_value(&self.query, name)
    }
}

/// The answer to a [`WebhookRequest`]: the [`Response`] the REST handler returns too.
pub type WebhookResponse = Response;

/// What the bundle's webhook module sends: the platform's arguments as JSON.
#[derive(Deserialize)]
struct Payload {
    method: String,
    #[serde(default)]
    headers: Map<String, Value>,
    #[serde(default)]
    path_parts: Vec<String>,
    #[serde(default)]
    query: Map<String, Value>,
    #[serde(default)]
    body: Option<String>,
    #[serde(default)]
    asset: Map<String, Value>,
}

/// Answers the request in `payload` (the JSON the bundle's webhook module writes of the
/// platform's arguments: `method`, `headers`, `path_parts`, `query`, `body`, `asset`) with
/// `handler`, for the app described by `app`. Returns the response as the platform takes it
/// ([`Response::to_platform`]), as JSON. Never panics: a payload that cannot be read,
/// an asset that cannot be prepared, a handler's error and a handler's panic give a 500
/// response, with every password field of the asset written `***`.
pub fn handle<F>(app: &AppJson, handler: F, payload: &str) -> String
where
    F: FnOnce(WebhookRequest) -> Result<WebhookResponse, ActionError>,
{
    match request(app, payload) {
        Err(problem) => WebhookResponse::failure(&problem).to_platform().to_string(),
        Ok(request) => {
            let secrets = secrets(&request.asset);
            crate::handler::answer("the webhook handler", handler, request, || secrets)
        }
    }
}

/// The request of `payload`, or why there is none.
fn request(app: &AppJson, payload: &str) -> Result<WebhookRequest, String> {
    let payload: Payload = serde_json::from_str(payload)
        .map_err(|error| format!("the webhook request cannot be read: {error}"))?;
    // The platform's asset form writes the defaults when an asset is saved; an asset saved
    // otherwise (through the REST API) may lack them. The platform has decrypted the password
    // fields (the official SDK and real connectors use them as they come), so there is nothing to decrypt.
    let mut raw = payload.asset;
    crate::config::fill_defaults(&mut raw, app);
    let asset = crate::config::prepare(raw, app, None, None, "")
        .map_err(|problem| format!("the asset configuration cannot be used: {problem}"))?
        .config;
    Ok(WebhookRequest {
        method: payload.method.to_ascii_uppercase(),
        path_parts: payload.path_parts,
        query: crate::handler::parameters(payload.query),
        headers: crate::handler::headers(payload.headers),
        body: payload.body,
        asset,
    })
}

/// The values of the password fields of `asset`, which a failure's message never shows.
fn secrets(asset: &Config) -> Vec<String> {
    asset
        .secret_names()
        .filter_map(|name| asset.secret(name))
        .map(|secret| secret.expose().to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app_json::{ConfigField, DataType};
    use serde_json::json;

    fn app() -> AppJson {
        let mut app = AppJson {
            main_module: "x_connector.py".into(),
            app_version: "1.0.0".into(),
            ..AppJson::default()
        };
        for (name, data_type, required) in [
            ("base_url", DataType::String, true),
            ("token", DataType::Password, false),
        ] {
            app.configuration.insert(
                name.to_owned(),
                ConfigField {
                    data_type,
                    required: Some(required),
                    ..ConfigField::default()
                },
            );
        }
        app
    }

    fn payload(extra: Value) -> String {
        let mut payload = json!({
            "method": "post",
            "headers": {"Content-Type": "application/json"},
            "path_parts": ["alerts", "42"],
            "query": {"a": ["1", "2"], "b": "x", "c": null},
            "body": "{\"id\": 1}",
            "asset": {"base_url": " https://desk.example ", "token": "s3cret-value"},
        });
        if let (Value::Object(payload), Value::Object(extra)) = (&mut payload, extra) {
            payload.extend(extra);
        }
        payload.to_string()
    }

    fn answered(
        handler: impl FnOnce(WebhookRequest) -> Result<WebhookResponse, ActionError>,
        payload: &str,
    ) -> Value {
        serde_json::from_str(&handle(&app(), handler, payload)).unwrap()
    }

    #[test]
    fn the_request_reaches_the_handler_typed() {
        let mut seen = None;
        let response = answered(
            |request| {
                seen = Some(request);
                Ok(WebhookResponse::text(202, "ok").with_header("X-Seen", "1"))
            },
            &payload(json!({})),
        );
        let request = seen.unwrap();
        assert_eq!(request.method, "POST");
        assert_eq!(request.path(), "alerts/42");
        assert_eq!(request.query["a"], ["1", "2"]);
        assert_eq!(request.query["b"], ["x"], "a single value is a list of one");
        assert_eq!(request.query["c"], [""], "no value is one empty value");
        assert_eq!(request.query_value("a"), Some("1"));
        assert_eq!(request.header("content-type"), Some("application/json"));
        assert_eq!(request.body.as_deref(), Some("{\"id\": 1}"));
        assert_eq!(
            request.asset.get_str("base_url"),
            Some("https://desk.example")
        );
        assert_eq!(
            request.asset.secret("token").unwrap().expose(),
            "s3cret-value"
        );
        assert!(request.asset.get("token").is_none());
        assert_eq!(
            response,
            json!({
                "status_code": 202,
                "headers": [["Content-Type", "text/plain; charset=utf-8"], ["X-Seen", "1"]],
                "content": "ok",
                "is_base64_encoded": false,
            })
        );
    }

    #[test]
    fn an_error_or_a_panic_is_a_500_without_the_secrets() {
        let failed = answered(
            |request| {
                let token = request.asset.secret("token").unwrap().expose().to_owned();
                Err(ActionError::new(format!("token {token} refused")))
            },
            &payload(json!({})),
        );
        assert_eq!(failed["status_code"], 500);
        assert_eq!(
            failed["content"],
            json!({"error": "the webhook handler failed: token *** refused"}).to_string()
        );
        let panicked = answered(
            |request| panic!("bad {}", request.asset.secret("token").unwrap().expose()),
            &payload(json!({})),
        );
        assert_eq!(panicked["status_code"], 500);
        assert_eq!(
            panicked["content"],
            json!({"error": "the webhook handler panicked: bad ***"}).to_string()
        );
        assert!(!panicked.to_string().contains("s3cret"));
    }

    #[test]
    fn a_request_that_cannot_be_read_is_a_500_and_the_handler_is_not_called() {
        let never = |_: WebhookRequest| -> Result<WebhookResponse, ActionError> {
            unreachable!("not called")
        };
        let unreadable = answered(never, "[1, 2]");
        assert_eq!(unreadable["status_code"], 500);
        assert!(
            unreadable["content"]
                .as_str()
                .unwrap()
                .contains("the webhook request cannot be read")
        );
        let no_base_url = answered(never, &payload(json!({"asset": {"token": "s3cret-value"}})));
        assert_eq!(no_base_url["status_code"], 500);
        assert_eq!(
            no_base_url["content"],
            json!({"error": "the asset configuration cannot be used: Required configuration field 'base_url' is missing"}).to_string()
        );
    }
}
