//! [`Ctx`]: what a connector's hooks and handlers get besides their parameters: progress and
//! logs, the run's validators, cancellation, the run's identity and the connector-level status.

use std::fmt;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::cancel::CancelToken;
use crate::contains::{ValidatorFn, Validators};
use crate::progress::ProgressSink;
use crate::result::Status;

/// The context of one connector run.
pub struct Ctx {
    identity: RunIdentity,
    sink: Box<dyn ProgressSink>,
    validators: Validators,
    cancel: CancelToken,
    environment: Vec<(String, String)>,
    status: Option<Status>,
    message: Option<String>,
    summary: Map<String, Value>,
    state: Map<String, Value>,
}

/// Who and what a run is for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunIdentity {
    /// The identifier of the action that runs.
    pub identifier: String,
    /// The asset the action runs on, if the platform said.
    pub asset_id: Option<String>,
    /// The container the action runs for, if the platform said.
    pub container_id: Option<i64>,
}

impl Ctx {
    /// A context for one run.
    pub fn new(identity: RunIdentity, sink: Box<dyn ProgressSink>, cancel: CancelToken) -> Self {
        Self {
            identity,
            sink,
            validators: Validators::stock(),
            cancel,
            environment: Vec::new(),
            status: None,
            message: None,
            summary: Map::new(),
            state: Map::new(),
        }
    }

    /// The identifier of the action that runs (the platform's `get_action_identifier`).
    pub fn identifier(&self) -> &str {
        &self.identity.identifier
    }

    /// The run's identity: action, asset and container.
    pub fn identity(&self) -> &RunIdentity {
        &self.identity
    }

    /// A persistent progress line (the platform's `save_progress`).
    pub fn save_progress(&mut self, message: impl fmt::Display) {
        self.sink.save_progress(&message.to_string());
    }

    /// A transient progress line (the platform's `send_progress`).
    pub fn send_progress(&mut self, message: impl fmt::Display) {
        self.sink.send_progress(&message.to_string());
    }

    /// A debug log entry (the platform's `debug_print`).
    pub fn debug_print(&mut self, tag: &str, detail: impl fmt::Display) {
        self.sink.debug_print(tag, &detail.to_string());
    }

    /// A debug log entry showing a value as pretty JSON, as the platform pretty-prints objects.
    /// Secrets cannot be passed: they do not implement `Serialize`.
    pub fn debug_json(&mut self, tag: &str, detail: &impl Serialize) {
        let rendered = serde_json::to_string_pretty(detail)
            .unwrap_or_else(|error| format!("<not serializable: {error}>"));
        self.sink.debug_print(tag, &rendered);
    }

    /// An error log entry (the platform's `error_print`).
    pub fn error_print(&mut self, tag: &str, detail: impl fmt::Display) {
        self.sink.error_print(tag, &detail.to_string());
    }

    /// Adds, replaces (`Some`) or removes (`None`) the validator of one contains type for the
    /// rest of this run (the platform's `set_validator`, usually called from `initialize`).
    pub fn set_validator(&mut self, contains: &str, validator: Option<ValidatorFn>) {
        self.validators.set_validator(contains, validator);
    }

    /// The validators in force for this run.
    pub fn validators(&self) -> &Validators {
        &self.validators
    }

    /// Whether the run has been asked to stop; long handlers should check it between steps.
    pub fn is_cancelled(&self) -> bool {
        self.cancel.is_cancelled()
    }

    /// The run's cancellation token, to hand to a worker.
    pub fn cancel_token(&self) -> &CancelToken {
        &self.cancel
    }

    /// The value of an environment variable as the platform passed it to this run (action
    /// JSON `environment_variables` and the config's reserved ones), else the process's.
    pub fn env(&self, name: &str) -> Option<String> {
        self.environment
            .iter()
            .rev()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.clone())
            .or_else(|| std::env::var(name).ok())
    }

    pub(crate) fn add_environment(&mut self, vars: Vec<(String, String)>) {
        self.environment.extend(vars);
    }

    /// Sets the connector-level status and message (the platform's `set_status`); returns the
    /// status. A failed connector-level status fails the run.
    pub fn set_status(&mut self, status: Status, message: Option<&str>) -> Status {
        self.status = Some(status);
        if let Some(message) = message {
            self.message = Some(message.to_owned());
        }
        status
    }

    /// Appends to the connector-level message, separated by a space.
    pub fn append_to_message(&mut self, text: &str) {
        crate::result::append_message(&mut self.message, text);
    }

    /// Merges keys into the run's `result_summary` and returns it for further changes (the
    /// platform's `update_summary`).
    pub fn update_summary(&mut self, values: Map<String, Value>) -> &mut Map<String, Value> {
        self.summary.extend(values);
        &mut self.summary
    }

    /// The connector-level status set so far.
    pub fn status(&self) -> Option<Status> {
        self.status
    }

    /// The connector-level message set so far.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The connector's state as loaded at the start of the run (the platform's `load_state`);
    /// the runtime saves it after `finalize`.
    pub fn state(&self) -> &Map<String, Value> {
        &self.state
    }

    /// The state, to change (the platform's `save_state` happens after `finalize`).
    pub fn state_mut(&mut self) -> &mut Map<String, Value> {
        &mut self.state
    }

    pub(crate) fn set_state(&mut self, state: Map<String, Value>) {
        self.state = state;
    }

    pub(crate) fn take_summary(&mut self) -> Map<String, Value> {
        std::mem::take(&mut self.summary)
    }
}

impl fmt::Debug for Ctx {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Ctx")
            .field("identity", &self.identity)
            .field("validators", &self.validators)
            .field("cancelled", &self.is_cancelled())
            .field("status", &self.status)
            .field("message", &self.message)
            .finish_non_exhaustive()
    }
}
