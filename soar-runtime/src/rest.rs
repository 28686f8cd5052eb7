//! The app's REST handler: requests to the platform's `/rest/handler/...` URL of the app,
//! answered by a Rust function, as OAuth apps receive their redirect callbacks.
//!
//! A connector declares its handler in its attribute,
//! `#[connector(..., rest_handler(handler = oauth_callback))]`, and writes it as
//! `fn(RestRequest) -> Result<RestResponse, ActionError>`. The app JSON's `rest_handler` names
//! `handle_request` of the bundle's `<main module stem>_rest.py`, which hands the request to the
//! native module as JSON ([`handle`]), with the GIL released, and turns the answer into the
//! Django response the platform sends back.
//!
//! # What the platform does
//!
//! Learnt from the published connectors that declare a `rest_handler` (Slack, GitHub,
//! Microsoft Graph for Office 365, EWS for Office 365, all under `splunk-soar-connectors` on
//! GitHub); no SDK documents it. A request to
//! `https://<platform>/rest/handler/<app directory>_<appid>/<asset name>/<more>...` is answered
//! in the platform's web (Django) process: it imports the module that `rest_handler`
//! (`module.function`) names from the app's directory and calls `function(request,
//! path_parts)`. `request` is Django's `HttpRequest` (`method`, `path`, the query in `GET`,
//! a form body in `POST`, both `QueryDict`s, the headers in `headers`/`META`, the raw `body`);
//! `path_parts` is the path below the app's part split at `/`, the asset's name first: the
//! Office 365 and GitHub apps route on `path_parts[1]` (`start_oauth`, `result`) of
//! `.../<asset name>/result`, and build that URL in their actions from the app's name (its
//! letters and digits, lowercased), its appid and the asset's name. The function returns a
//! Django `HttpResponse`: text with a status, or a `302` with a `Location` header to send the
//! browser to a sign-in page.
//!
//! The platform passes nothing of the asset: no configuration, no id. The apps carry the asset's
//! id in the URL they hand out (the OAuth `state` parameter, or `?asset_id=`), check that it is
//! alphanumeric before they build a path of it, and hand the OAuth code to the action that
//! waits for it through a state file `<asset_id>_state.json`. Slack's handler reads the state
//! the actions load and save, at `<APPS_STATE_PATH>/<appid>/<asset_id>_state.json`, with
//! `APPS_STATE_PATH` from the platform's `phantom.base_connector`; the Office 365 and GitHub
//! handlers write a file of the same name in the app's own directory, which their actions read
//! and copy into their state. This runtime does what Slack does: [`RestRequest::load_state`]
//! and [`RestRequest::save_state`] are the asset's state as the actions see it
//! ([`crate::context::Ctx::state`]), found from the `APPS_STATE_PATH` the bundle's module reads
//! from the platform, the app's appid and the asset id the handler names. Values an action
//! keeps sealed ([`crate::secret::Secret`] in a typed state) stay sealed: the platform's
//! encryption is not at hand in the web process. An action that is running while the handler
//! saves writes its own copy back after `finalize`, as on the platform.
//!
//! A handler that returns an error or panics gives a 500 response whose message names what
//! went wrong, with the values of the request's and the loaded state's secret-looking entries
//! written `***`; the platform's web process never sees an exception from it.

use std::fmt;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};

use indexmap::IndexMap;
use serde::Deserialize;
use serde_json::{Map, Value};

use crate::app_json::AppJson;
use crate::error::ActionError;
use crate::handler::Response;
use crate::state::{FileState, StateStore, Unusable, decode_file};

/// The answer to a [`RestRequest`]: the [`Response`] webhooks return too.
pub type RestResponse = Response;

/// One request to the app's REST handler. Its `Debug` writes the values under secret-looking
/// names (an OAuth `code`, a `Cookie` header) `***` and only the body's length.
#[derive(Clone)]
pub struct RestRequest {
    /// The HTTP method, in capitals (`GET`).
    pub method: String,
    /// The whole path of the request, `/rest/handler/<app directory>_<appid>/<asset>/...`.
    pub path: String,
    /// The path below the app's part, split at `/`: the asset's name (or id) first, then the
    /// rest (`["my asset", "result"]` for `.../my asset/result`).
    pub path_parts: Vec<String>,
    /// The query parameters, each with all its values in order.
    pub query: IndexMap<String, Vec<String>>,
    /// The parameters of a form body of a `POST` (`application/x-www-form-urlencoded` or
    /// multipart, without its files), each with all its values in order, as Django's
    /// `request.POST` has them; empty for other methods and bodies.
    pub form: IndexMap<String, Vec<String>>,
    /// The request headers.
    pub headers: IndexMap<String, String>,
    /// The raw body as text (bytes that are not UTF-8 replaced; empty for a request without
    /// one), or `None` when Django would not give it (a multipart body it had already read).
    pub body: Option<String>,
    states: States,
}

impl fmt::Debug for RestRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hidden = |name: &str, value: String| {
            if is_secret_name(name) {
                "***".to_owned()
            } else {
                value
            }
        };
        let parameters = |given: &IndexMap<String, Vec<String>>| -> Vec<(String, String)> {
            given
                .iter()
                .map(|(name, values)| (name.clone(), hidden(name, values.join(", "))))
                .collect()
        };
        let headers: Vec<(String, String)> = self
            .headers
            .iter()
            .map(|(name, value)| (name.clone(), hidden(name, value.clone())))
            .collect();
        f.debug_struct("RestRequest")
            .field("method", &self.method)
            .field("path", &self.path)
            .field("path_parts", &self.path_parts)
            .field("query", &parameters(&self.query))
            .field("form", &parameters(&self.form))
            .field("headers", &headers)
            .field(
                "body",
                &self
                    .body
                    .as_ref()
                    .map(|body| format!("<{} bytes>", body.len())),
            )
            .finish_non_exhaustive()
    }
}

impl RestRequest {
    /// The asset the request is for, as the platform's URL names it (`path_parts[0]`).
    pub fn asset(&self) -> Option<&str> {
        self.path_parts.first().map(String::as_str)
    }

    /// The path below the asset's part, its parts joined by `/` (`result`).
    pub fn route(&self) -> String {
        self.path_parts.get(1..).unwrap_or_default().join("/")
    }

    /// The value of header `name`, whatever its case.
    pub fn header(&self, name: &str) -> Option<&str> {
        crate::handler::header(&self.headers, name)
    }

    /// The first value of query parameter `name`.
    pub fn query_value(&self, name: &str) -> Option<&str> {
        crate::handler::first_value(&self.query, name)
    }

    /// The first value of form parameter `name`.
    pub fn form_value(&self, name: &str) -> Option<&str> {
        crate::handler::first_value(&self.form, name)
    }

    /// The saved state of asset `asset_id` (the actions' [`crate::context::Ctx::state`]); an
    /// empty object when nothing was saved. Fails when `asset_id` is not letters and digits
    /// (it becomes part of a path), when the platform's state directory is unknown, and when
    /// the file cannot be read or holds no JSON object. Unlike an action run, the handler
    /// leaves such a file where it is: it may be an action's state in the middle of a write.
    pub fn load_state(&self, asset_id: &str) -> Result<Map<String, Value>, ActionError> {
        let path = self.states.path(asset_id)?;
        let unreadable =
            |why: &str| ActionError::new(format!("the state of asset {asset_id} {why}"));
        let state = match std::fs::read(&path) {
            Ok(bytes) => decode_file(&bytes).map_err(|unusable| match unusable {
                Unusable::NotJson(_) => unreadable("is not JSON"),
                Unusable::NotAnObject => unreadable("does not hold a JSON object"),
            })?,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Map::new(),
            Err(error) => return Err(unreadable(&format!("cannot be read ({})", error.kind()))),
        };
        self.states.remember_secrets(&state);
        Ok(state)
    }

    /// Saves `state` as the state of asset `asset_id`, with the app's version, atomically; the
    /// next action run of the asset loads it.
    pub fn save_state(
        &self,
        asset_id: &str,
        state: &Map<String, Value>,
    ) -> Result<(), ActionError> {
        FileState::new(self.states.path(asset_id)?)
            .with_app_version(&self.states.app_version)
            .save(state)?;
        Ok(())
    }
}

/// Where the request finds the assets' states, and the secrets it has read from them.
#[derive(Clone)]
struct States {
    /// `<APPS_STATE_PATH>/<appid>`, when the platform says where its states are.
    directory: Option<PathBuf>,
    app_version: String,
    secrets: Arc<Mutex<Vec<String>>>,
}

impl States {
    /// The state file of asset `asset_id`, `<asset_id>_state.json` in the app's directory of
    /// states, for an id of letters and digits only (it cannot leave the directory).
    fn path(&self, asset_id: &str) -> Result<PathBuf, ActionError> {
        if asset_id.is_empty() || !asset_id.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(ActionError::new(format!(
                "{asset_id:?} is not an asset id (letters and digits)"
            )));
        }
        let directory = self.directory.as_ref().ok_or_else(|| {
            ActionError::new(
                "the platform's state directory is unknown (phantom.base_connector.APPS_STATE_PATH cannot be read)",
            )
        })?;
        Ok(directory.join(format!("{asset_id}_state.json")))
    }

    fn remember_secrets(&self, state: &Map<String, Value>) {
        let mut secrets = self.secrets.lock().unwrap_or_else(PoisonError::into_inner);
        secret_values(state, &mut secrets);
    }
}

/// The names whose values a failure's message and the request's `Debug` never show: what
/// holds a password, token, key, OAuth code, credentials, a session or authentication, in any
/// case, anywhere in the name.
const SECRET_NAMES: [&str; 11] = [
    "passw",
    "secret",
    "token",
    "key",
    "code",
    "auth",
    "credential",
    "cookie",
    "session",
    "jwt",
    "signature",
];

fn is_secret_name(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    SECRET_NAMES.iter().any(|secret| name.contains(secret))
}

/// The string values in `object` under secret names, at any depth (in objects and lists, and
/// everything below a secret name), added to `found`.
fn secret_values(object: &Map<String, Value>, found: &mut Vec<String>) {
    for (name, value) in object {
        if is_secret_name(name) {
            every_string(value, found);
        } else {
            secrets_within(value, found);
        }
    }
}

/// The secrets of the objects in `value` (an object, or a list holding objects).
fn secrets_within(value: &Value, found: &mut Vec<String>) {
    match value {
        Value::Object(inner) => secret_values(inner, found),
        Value::Array(items) => items.iter().for_each(|item| secrets_within(item, found)),
        _ => {}
    }
}

/// Every string in `value`, at any depth, added to `found`.
fn every_string(value: &Value, found: &mut Vec<String>) {
    match value {
        Value::String(text) => found.push(text.clone()),
        Value::Object(inner) => inner.values().for_each(|item| every_string(item, found)),
        Value::Array(items) => items.iter().for_each(|item| every_string(item, found)),
        _ => {}
    }
}

/// What the bundle's REST module sends: the Django request as JSON.
#[derive(Deserialize)]
struct Payload {
    method: String,
    #[serde(default)]
    path: String,
    #[serde(default)]
    path_parts: Vec<String>,
    #[serde(default)]
    query: Map<String, Value>,
    #[serde(default)]
    form: Map<String, Value>,
    #[serde(default)]
    headers: Map<String, Value>,
    #[serde(default)]
    body: Option<String>,
    #[serde(default)]
    apps_state_path: Option<PathBuf>,
}

/// Answers the request in `payload` (the JSON the bundle's REST module writes of Django's
/// request: `method`, `path`, `path_parts`, `query`, `form`, `headers`, `body`, and the
/// platform's `apps_state_path`) with `handler`, for the app described by `app`. Returns the
/// response in the shape [`Response::to_platform`] writes, as JSON. Never panics: a payload that
/// cannot be read, a handler's error and a handler's panic give a 500 response, with the
/// request's and the loaded states' secret-looking values written `***`.
pub fn handle<F>(app: &AppJson, handler: F, payload: &str) -> String
where
    F: FnOnce(RestRequest) -> Result<RestResponse, ActionError>,
{
    let payload: Payload = match serde_json::from_str(payload) {
        Ok(payload) => payload,
        Err(error) => {
            return Response::failure(&format!("the REST request cannot be read: {error}"))
                .to_platform()
                .to_string();
        }
    };
    let request = RestRequest {
        method: payload.method.to_ascii_uppercase(),
        path: payload.path,
        path_parts: payload.path_parts,
        query: crate::handler::parameters(payload.query),
        form: crate::handler::parameters(payload.form),
        headers: crate::handler::headers(payload.headers),
        body: payload.body,
        states: States {
            directory: payload.apps_state_path.map(|path| path.join(&app.appid)),
            app_version: app.app_version.clone(),
            secrets: Arc::default(),
        },
    };
    let mut secrets: Vec<String> = request
        .headers
        .iter()
        .filter(|(name, _)| is_secret_name(name))
        .map(|(_, value)| value.clone())
        .collect();
    for (name, values) in request.query.iter().chain(&request.form) {
        if is_secret_name(name) {
            secrets.extend(values.iter().cloned());
        }
    }
    let read = Arc::clone(&request.states.secrets);
    crate::handler::answer("the REST handler", handler, request, move || {
        secrets.extend(
            read.lock()
                .unwrap_or_else(PoisonError::into_inner)
                .drain(..),
        );
        secrets
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const APPID: &str = "1b4c2f39-0a55-4c1e-9d57-5f3f1a7c9e21";

    fn app() -> AppJson {
        AppJson {
            appid: APPID.into(),
            main_module: "x_connector.py".into(),
            app_version: "1.2.3".into(),
            ..AppJson::default()
        }
    }

    fn payload(states: &std::path::Path, extra: Value) -> String {
        let mut payload = json!({
            "method": "get",
            "path": format!("/rest/handler/x_{APPID}/my asset/result"),
            "path_parts": ["my asset", "result"],
            "query": {"state": ["7"], "code": ["c0de-4711"], "many": ["1", "2"], "bare": null},
            "form": {"field": "one"},
            "headers": {"Accept": "text/html", "Cookie": "sessionid=c00kie"},
            "body": "",
            "apps_state_path": states,
        });
        if let (Value::Object(payload), Value::Object(extra)) = (&mut payload, extra) {
            payload.extend(extra);
        }
        payload.to_string()
    }

    fn answered(
        handler: impl FnOnce(RestRequest) -> Result<RestResponse, ActionError>,
        payload: &str,
    ) -> Value {
        serde_json::from_str(&handle(&app(), handler, payload)).unwrap()
    }

    fn state_file(states: &std::path::Path, asset_id: &str) -> PathBuf {
        states.join(APPID).join(format!("{asset_id}_state.json"))
    }

    #[test]
    fn the_request_reaches_the_handler_typed() {
        let states = tempfile::tempdir().unwrap();
        let mut seen = None;
        let response = answered(
            |request| {
                seen = Some(request);
                Ok(RestResponse::redirect("https://login.example/authorize"))
            },
            &payload(states.path(), json!({})),
        );
        let request = seen.unwrap();
        assert_eq!(request.method, "GET");
        assert_eq!(
            request.path,
            format!("/rest/handler/x_{APPID}/my asset/result")
        );
        assert_eq!(request.asset(), Some("my asset"));
        assert_eq!(request.route(), "result");
        assert_eq!(request.query["many"], ["1", "2"]);
        assert_eq!(request.query["bare"], [""]);
        assert_eq!(request.query_value("state"), Some("7"));
        assert_eq!(request.form_value("field"), Some("one"));
        assert_eq!(request.header("accept"), Some("text/html"));
        assert_eq!(request.body.as_deref(), Some(""));
        assert_eq!(response["status_code"], 302);
        assert_eq!(
            response["headers"],
            json!([
                ["Content-Type", "text/plain; charset=utf-8"],
                ["Location", "https://login.example/authorize"]
            ])
        );
    }

    #[test]
    fn the_debug_output_shows_no_secret() {
        let states = tempfile::tempdir().unwrap();
        let mut shown = String::new();
        answered(
            |request| {
                shown = format!("{request:?}");
                Ok(RestResponse::text(200, "ok"))
            },
            &payload(states.path(), json!({"body": "code=c0de-4711"})),
        );
        assert!(
            !shown.contains("c0de-4711") && !shown.contains("c00kie"),
            "{shown}"
        );
        assert!(
            shown.contains(r#"("code", "***")"#)
                && shown.contains(r#"("state", "7")"#)
                && shown.contains(r#"("Cookie", "***")"#)
                && shown.contains("<14 bytes>"),
            "{shown}"
        );
    }

    #[test]
    fn the_handler_reads_and_changes_the_assets_state() {
        let states = tempfile::tempdir().unwrap();
        let file = state_file(states.path(), "7");
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, r#"{"flow": "pending", "app_version": "1.0.0"}"#).unwrap();
        let response = answered(
            |request| {
                let asset_id = request.query_value("state").unwrap_or_default().to_owned();
                let mut state = request.load_state(&asset_id)?;
                assert_eq!(state["flow"], "pending");
                let code = request.query_value("code").unwrap_or_default();
                state.insert("code".to_owned(), json!(code));
                request.save_state(&asset_id, &state)?;
                Ok(RestResponse::text(200, "Code received"))
            },
            &payload(states.path(), json!({})),
        );
        assert_eq!(response["status_code"], 200);
        let saved: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
        assert_eq!(
            saved,
            json!({"flow": "pending", "code": "c0de-4711", "app_version": "1.2.3"})
        );
    }

    #[test]
    fn an_asset_id_that_could_leave_the_state_directory_is_refused() {
        let states = tempfile::tempdir().unwrap();
        for asset_id in ["../7", "", "7/x"] {
            let response = answered(
                |request| {
                    request.load_state(asset_id)?;
                    Ok(RestResponse::text(200, "unreachable"))
                },
                &payload(states.path(), json!({})),
            );
            assert_eq!(response["status_code"], 500);
            assert_eq!(
                response["content"],
                json!({"error": format!("the REST handler failed: {asset_id:?} is not an asset id (letters and digits)")}).to_string()
            );
        }
        let unknown = answered(
            |request| {
                request.load_state("7")?;
                Ok(RestResponse::text(200, "unreachable"))
            },
            &payload(states.path(), json!({"apps_state_path": null})),
        );
        assert!(
            unknown["content"]
                .as_str()
                .unwrap()
                .contains("the platform's state directory is unknown"),
            "{unknown}"
        );
    }

    #[test]
    fn an_error_or_a_panic_is_a_500_without_the_secrets() {
        let states = tempfile::tempdir().unwrap();
        let file = state_file(states.path(), "7");
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, r#"{"oauth": {"refresh_token": "r3fresh"}}"#).unwrap();
        let failed = answered(
            |request| {
                let state = request.load_state("7")?;
                Err(ActionError::new(format!(
                    "{} with {} and {} refused ({})",
                    state["oauth"]["refresh_token"].as_str().unwrap_or_default(),
                    request.query_value("code").unwrap_or_default(),
                    request.header("cookie").unwrap_or_default(),
                    request.query_value("state").unwrap_or_default(),
                )))
            },
            &payload(states.path(), json!({})),
        );
        assert_eq!(failed["status_code"], 500);
        assert_eq!(
            failed["content"],
            json!({"error": "the REST handler failed: *** with *** and *** refused (7)"})
                .to_string()
        );
        let panicked = answered(
            |request| panic!("bad {}", request.query_value("code").unwrap_or_default()),
            &payload(states.path(), json!({})),
        );
        assert_eq!(
            panicked["content"],
            json!({"error": "the REST handler panicked: bad ***"}).to_string()
        );
    }

    #[test]
    fn a_state_that_cannot_be_read_is_a_500_and_stays_where_it_is() {
        let states = tempfile::tempdir().unwrap();
        let file = state_file(states.path(), "7");
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        for (content, why) in [
            ("{\"half", "is not JSON"),
            ("[1]", "does not hold a JSON object"),
        ] {
            std::fs::write(&file, content).unwrap();
            let response = answered(
                |request| {
                    request.load_state("7")?;
                    Ok(RestResponse::text(200, "unreachable"))
                },
                &payload(states.path(), json!({})),
            );
            assert_eq!(
                response["content"],
                json!({"error": format!("the REST handler failed: the state of asset 7 {why}")})
                    .to_string()
            );
            assert_eq!(std::fs::read_to_string(&file).unwrap(), content);
            assert_eq!(
                std::fs::read_dir(file.parent().unwrap()).unwrap().count(),
                1
            );
        }
    }

    #[test]
    fn secrets_in_lists_and_below_secret_names_are_hidden_too() {
        let states = tempfile::tempdir().unwrap();
        let file = state_file(states.path(), "7");
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(
            &file,
            r#"{"accounts": [{"api_key": "k3y-1"}], "oauth": {"value": "v4lue"}, "Credentials": ["cr3d"], "plain": "sh0wn"}"#,
        )
        .unwrap();
        let failed = answered(
            |request| {
                let state = request.load_state("7")?;
                Err(ActionError::new(format!("{state:?}")))
            },
            &payload(states.path(), json!({})),
        );
        let text = failed["content"].as_str().unwrap();
        for secret in ["k3y-1", "v4lue", "cr3d"] {
            assert!(!text.contains(secret), "{secret} in {text}");
        }
        assert!(text.contains("sh0wn"), "{text}");
    }

    #[test]
    fn a_request_that_cannot_be_read_is_a_500_and_the_handler_is_not_called() {
        let unreadable = answered(|_| unreachable!("not called"), r#"{"path_parts": []}"#);
        assert_eq!(unreadable["status_code"], 500);
        assert!(
            unreadable["content"].as_str().unwrap().starts_with(
                r#"{"error":"the REST request cannot be read: missing field `method`"#
            ),
            "{unreadable}"
        );
    }
}
