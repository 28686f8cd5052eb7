//! The Python classes of the bridge: [`Bridge`] starts sessions, [`BridgeSession`] steps one.
//!
//! Each step runs its Rust work with the GIL released (`Python::detach`), so the host's Python
//! threads (the platform's own, a heartbeat, a server the action talks to) keep running while
//! the connector works. The GIL is taken again only for what crosses into Python: converting the
//! step's input and answer, and the platform calls of [`PythonSink`], [`PythonState`] and
//! [`PythonPlatform`], each of which attaches for its call. What the detached work holds must
//! therefore be `Send`: the session (so the connector type is `Send`), its context and the
//! handles to the connector object (`Py<PyAny>`, which need no GIL to be held, only to be used).

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use serde_json::{Map, Value, json};

use super::cancel::Cancellation;
use super::convert::{to_python, to_value};
use super::platform::PythonPlatform;
use super::sink::PythonSink;
use super::state::PythonState;
use crate::action_json::ActionJson;
use crate::app_json::AppJson;
use crate::connector::Connector;
use crate::handler::Response;
use crate::meta::{RestHandlerFn, ViewFn, WebhookFn};
use crate::result::{ActionResult, Status};
use crate::run::{ConnectorOutcome, RunOptions, Session};

/// Starts a session of one connector type: `Session::start` behind a plain function pointer,
/// so that the Python class need not be generic.
type StartFn = fn(&'static AppJson, ActionJson, RunOptions) -> Steps;

/// The extension module's `connector` object: starts one [`BridgeSession`] per run.
#[pyclass(frozen, name = "Connector")]
pub struct Bridge {
    app: &'static AppJson,
    start: StartFn,
    view_of: fn(&str) -> Option<ViewFn>,
    webhook: Option<WebhookFn>,
    rest_handler: Option<RestHandlerFn>,
}

impl Bridge {
    /// The bridge of connector `C`, described by `app`.
    pub(super) fn new<C: Connector + Send + 'static>(app: &'static AppJson) -> Self {
        Self {
            app,
            start: start_steps::<C>,
            view_of: C::view,
            webhook: C::webhook(),
            rest_handler: C::rest_handler(),
        }
    }
}

#[pymethods]
impl Bridge {
    /// `start(base_connector, action, cancellation)`: steps 1 to 4 of a run (config,
    /// `from_config`, `initialize`). `action` is a dict shaped like the action JSON
    /// (`identifier`, `config`, `asset_id`, `container_id`); progress, logs, state and the
    /// platform services go to `base_connector`'s methods and the platform's modules;
    /// `cancellation` is what the `main_module`'s `handle_cancel` cancels.
    fn start(
        &self,
        connector: Py<PyAny>,
        action: &Bound<'_, PyAny>,
        cancellation: Py<Cancellation>,
    ) -> PyResult<BridgeSession> {
        let py = action.py();
        let input = serde_json::from_value::<ActionJson>(to_value(action)?)
            .map_err(|error| PyValueError::new_err(format!("not an action JSON: {error}")))?;
        let options = RunOptions {
            sink: Box::new(PythonSink::new(connector.clone_ref(py))),
            cancel: cancellation.get().session_token(),
            decrypt: None,
            state: Box::new(PythonState::new(connector.clone_ref(py))),
            platform: Box::new(PythonPlatform::new(py, connector)),
        };
        let steps = py.detach(|| (self.start)(self.app, input, options));
        Ok(BridgeSession {
            steps,
            cancellation,
        })
    }

    /// `render_view(identifier, payload)`: the HTML of the view of action `identifier` for the
    /// app runs of `payload` (JSON, see [`crate::view::read_runs`]), rendered with the GIL
    /// released; an error card when the action has no view. Called by the bundle's view
    /// module in the platform's web process.
    fn render_view(&self, py: Python<'_>, identifier: &str, payload: &str) -> String {
        match (self.view_of)(identifier) {
            Some(view) => py.detach(|| view(payload)),
            None => self.view_error(identifier, "this version of the app has no view for it"),
        }
    }

    /// `view_error(identifier, problem)`: the error card that stands in for the view of
    /// action `identifier`.
    fn view_error(&self, identifier: &str, problem: &str) -> String {
        crate::view::parts::error_card(identifier, problem).into_string()
    }

    /// `handle_webhook(payload)`: the response (JSON, see [`crate::webhook::handle`]) to the
    /// webhook request of `payload`, answered with the GIL released; a 500 response when the
    /// app has no webhook. Called by the bundle's webhook module in the platform's webhook
    /// process.
    fn handle_webhook(&self, py: Python<'_>, payload: &str) -> String {
        match self.webhook {
            Some(webhook) => py.detach(|| webhook(self.app, payload)),
            None => self.webhook_error("this version of the app has no webhook"),
        }
    }

    /// `webhook_error(problem)`: the 500 response (JSON) that stands in for the webhook's.
    fn webhook_error(&self, problem: &str) -> String {
        Response::failure(problem).to_platform().to_string()
    }

    /// `handle_rest_request(payload)`: the response (JSON, see [`crate::rest::handle`]) to the
    /// REST request of `payload`, answered with the GIL released; a 500 response when the app
    /// has no REST handler. Called by the bundle's REST module in the platform's web process.
    fn handle_rest_request(&self, py: Python<'_>, payload: &str) -> String {
        match self.rest_handler {
            Some(handler) => py.detach(|| handler(self.app, payload)),
            None => self.rest_error("this version of the app has no REST handler"),
        }
    }

    /// `rest_error(problem)`: the 500 response (JSON) that stands in for the REST handler's.
    fn rest_error(&self, problem: &str) -> String {
        Response::failure(problem).to_platform().to_string()
    }
}

/// Where a session is.
enum Steps {
    /// Started: dicts can be handed to it (it fails them itself when it cannot continue).
    Running(Box<dyn SessionSteps + Send>),
    /// The run ended before the connector was built (missing identifier or config, unknown
    /// action, a config that fails preparation), with this message.
    Aborted(String),
    /// `finish` was called.
    Finished,
}

fn start_steps<C: Connector + Send + 'static>(
    app: &'static AppJson,
    mut input: ActionJson,
    options: RunOptions,
) -> Steps {
    match Session::<C>::start(app, &mut input, options) {
        Ok(session) => Steps::Running(Box::new(session)),
        Err(tail) => Steps::Aborted(tail.message),
    }
}

/// [`Session`] with its connector type erased.
trait SessionSteps {
    fn start_failure(&self) -> Option<String>;
    fn handle(&mut self, dict: Value) -> (ActionResult, Option<String>);
    fn finish(self: Box<Self>) -> ConnectorOutcome;
}

impl<C: Connector> SessionSteps for Session<'static, C> {
    fn start_failure(&self) -> Option<String> {
        Session::start_failure(self)
    }

    fn handle(&mut self, dict: Value) -> (ActionResult, Option<String>) {
        let panicked_before = self.exception().is_some();
        let result = Session::handle(self, dict);
        let panic = self
            .exception()
            .filter(|_| !panicked_before)
            .map(ToOwned::to_owned);
        (result, panic)
    }

    fn finish(self: Box<Self>) -> ConnectorOutcome {
        Session::finish_connector(*self)
    }
}

/// One run, stepped by the `main_module` through the platform's hooks (Python class `Session`).
///
/// An exception that a Python signal handler raised while Rust worked (a `KeyboardInterrupt`,
/// say) has cancelled the run; the next of `start_failure`, `handle` and `finish` raises it once
/// its own Rust work is over. The session is stepped from the thread that started it
/// (`unsendable`: it is `Send`, so its steps can release the GIL, but not `Sync`).
#[pyclass(unsendable, name = "Session")]
pub struct BridgeSession {
    steps: Steps,
    cancellation: Py<Cancellation>,
}

#[pymethods]
impl BridgeSession {
    /// The message of a run that cannot handle any dict (a failed `initialize`, among others),
    /// or `None`.
    fn start_failure(&self) -> PyResult<Option<String>> {
        self.raise_pending()?;
        Ok(match &self.steps {
            Steps::Running(session) => session.start_failure(),
            Steps::Aborted(message) => Some(message.clone()),
            Steps::Finished => None,
        })
    }

    /// `handle(param)`: step 5 for one parameter dict. Returns a plain dict: `status`
    /// (`"success"` or `"failed"`), `message`, `data`, `summary`, `parameter` (the cleaned dict,
    /// with the input's `context` when it had one, as the platform's `ActionResult(param)`
    /// takes it) and `exception` (the panic message when the handler panicked, else `None`).
    fn handle<'py>(
        &mut self,
        py: Python<'py>,
        param: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let dict = to_value(param)?;
        let (result, exception) = match &mut self.steps {
            Steps::Running(session) => py.detach(|| session.handle(dict)),
            Steps::Aborted(message) => {
                let mut result = ActionResult::new(Map::new());
                result.fail(message.clone());
                (result, None)
            }
            Steps::Finished => return Err(finished()),
        };
        let mut parameter = result.parameter().clone();
        if !result.context().is_empty() {
            parameter.insert("context".into(), Value::Object(result.context().clone()));
        }
        let plain = json!({
            "status": status_name(result.final_status()),
            "message": result.message(),
            "data": result.data(),
            "summary": result.summary(),
            "parameter": parameter,
            "exception": exception,
        });
        self.raise_pending()?;
        to_python(py, &plain)
    }

    /// `finish()`: step 6 (`handle_exception`, `handle_cancel`, `finalize`). Returns a plain
    /// dict of what the connector reported: `status` (`"success"`, `"failed"` or `None`),
    /// `message` (or `None`) and `summary` (the keys to merge into the run's summary).
    fn finish<'py>(&mut self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let outcome = match std::mem::replace(&mut self.steps, Steps::Finished) {
            Steps::Running(session) => py.detach(|| session.finish()),
            Steps::Aborted(_) => ConnectorOutcome::default(),
            Steps::Finished => return Err(finished()),
        };
        let plain = json!({
            "status": outcome.status.map(status_name),
            "message": outcome.message,
            "summary": outcome.summary,
        });
        self.raise_pending()?;
        to_python(py, &plain)
    }
}

impl BridgeSession {
    /// Raises the exception a Python signal handler raised while Rust worked, if one did.
    fn raise_pending(&self) -> PyResult<()> {
        self.cancellation.get().take_raised().map_or(Ok(()), Err)
    }
}

fn status_name(status: Status) -> &'static str {
    match status {
        Status::Success => "success",
        Status::Failed => "failed",
    }
}

fn finished() -> PyErr {
    PyRuntimeError::new_err("the session has finished")
}
