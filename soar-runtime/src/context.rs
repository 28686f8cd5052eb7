//! [`Ctx`]: what a connector's hooks and handlers get besides their parameters: progress and
//! logs, the run's validators, cancellation, the run's identity, the connector-level status,
//! the state (raw and typed), checkpoints, ingestion and the vault.

use std::fmt;
use std::io::Read;
use std::path::Path;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::cancel::CancelToken;
use crate::contains::{ValidatorFn, Validators};
use crate::error::ActionError;
use crate::ingest::{Container, IngestCounters};
use crate::platform::{HostError, MemoryPlatform, Platform, SavedContainer};
use crate::progress::ProgressSink;
use crate::result::Status;
use crate::state::sealing::seal_scope;
use crate::state::{MemoryState, StateStore};
use crate::vault::VaultEntry;

/// The state key the platform (and the local store) write the app's version under.
pub const STATE_APP_VERSION: &str = "app_version";
/// The state key under which [`Ctx::commit_checkpoint`] keeps the checkpoints, by name.
pub const STATE_CHECKPOINTS: &str = "soar_checkpoints";

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
    state_store: Box<dyn StateStore>,
    platform: Box<dyn Platform>,
    ingest_label: Option<String>,
    counters: IngestCounters,
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
            state_store: Box::new(MemoryState::new()),
            platform: Box::new(MemoryPlatform::new()),
            ingest_label: None,
            counters: IngestCounters::default(),
        }
    }

    /// Connects the context to where the state is kept and to the platform services, and
    /// loads the state.
    pub(crate) fn attach(
        &mut self,
        mut state_store: Box<dyn StateStore>,
        platform: Box<dyn Platform>,
    ) -> Result<(), HostError> {
        self.state = state_store.load()?;
        self.state_store = state_store;
        self.platform = platform;
        Ok(())
    }

    /// Sets the label of ingested containers that name none (the asset's ingest settings).
    pub(crate) fn set_ingest_label(&mut self, label: Option<String>) {
        self.ingest_label = label;
    }

    /// Saves the state where it is kept (after `finalize`, and at each checkpoint).
    pub(crate) fn persist_state(&mut self) -> Result<(), HostError> {
        self.state_store.save(&self.state)
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

    /// The version of the app that last saved the state (its `app_version` key), if any: what
    /// a connector checks before reading a state an older version wrote.
    pub fn state_app_version(&self) -> Option<&str> {
        self.state.get(STATE_APP_VERSION).and_then(Value::as_str)
    }

    /// The state as a typed value (any serde type; the default when nothing was saved).
    /// [`Secret`](crate::secret::Secret) fields are decrypted; the keys the runtime keeps
    /// (`app_version`, the checkpoints) are not part of it.
    pub fn typed_state<T: DeserializeOwned + Default>(&self) -> Result<T, ActionError> {
        let mut own = self.state.clone();
        own.remove(STATE_APP_VERSION);
        own.remove(STATE_CHECKPOINTS);
        if own.is_empty() {
            return Ok(T::default());
        }
        self.sealed(|| serde_json::from_value(Value::Object(own)))
            .map_err(|error| ActionError::new(format!("Unable to read the state: {error}")))
    }

    /// Replaces the state with a typed value (an object when serialized), kept with the keys
    /// the runtime keeps. [`Secret`](crate::secret::Secret) fields are encrypted (on the
    /// platform by its encryption helper, salted with the asset id), never stored in plain text.
    /// The runtime saves the state after `finalize`.
    pub fn set_typed_state<T: Serialize>(&mut self, value: &T) -> Result<(), ActionError> {
        let written = self
            .sealed(|| serde_json::to_value(value))
            .map_err(|error| ActionError::new(format!("Unable to write the state: {error}")))?;
        let Value::Object(mut own) = written else {
            return Err(ActionError::new(
                "Unable to write the state: it must serialize as an object",
            ));
        };
        for key in [STATE_APP_VERSION, STATE_CHECKPOINTS] {
            match self.state.remove(key) {
                Some(kept) => own.insert(key.to_owned(), kept),
                None => own.remove(key),
            };
        }
        self.state = own;
        Ok(())
    }

    /// Runs a (de)serialization of the state with secrets sealed by the platform's sealer.
    fn sealed<T>(&self, body: impl FnOnce() -> T) -> T {
        let salt = self.identity.asset_id.as_deref().unwrap_or_default();
        seal_scope(self.platform.sealer(), salt, body)
    }

    /// The checkpoint `name` as last committed ([`Ctx::commit_checkpoint`]), if any.
    pub fn checkpoint<T: DeserializeOwned>(&self, name: &str) -> Result<Option<T>, ActionError> {
        let Some(value) = self
            .state
            .get(STATE_CHECKPOINTS)
            .and_then(|checkpoints| checkpoints.get(name))
        else {
            return Ok(None);
        };
        T::deserialize(value).map(Some).map_err(|error| {
            ActionError::new(format!("Unable to read the checkpoint '{name}': {error}"))
        })
    }

    /// Commits the checkpoint `name`: the point up to which everything was saved. It is
    /// written into the state and the state is saved at once, so a poll that stops later
    /// (error, panic, cancellation, a killed process) resumes from here. Commit only after
    /// [`Ctx::save_container`] returned `Ok` for everything up to the checkpoint.
    pub fn commit_checkpoint<T: Serialize>(
        &mut self,
        name: &str,
        value: &T,
    ) -> Result<(), ActionError> {
        let value = serde_json::to_value(value).map_err(|error| {
            ActionError::new(format!("Unable to write the checkpoint '{name}': {error}"))
        })?;
        let checkpoints = self
            .state
            .entry(STATE_CHECKPOINTS)
            .or_insert_with(|| Value::Object(Map::new()));
        if !checkpoints.is_object() {
            *checkpoints = Value::Object(Map::new());
        }
        if let Value::Object(checkpoints) = checkpoints {
            checkpoints.insert(name.to_owned(), value);
        }
        self.persist_state().map_err(|error| {
            error
                .context(format!("Unable to save the checkpoint '{name}'"))
                .into()
        })
    }

    /// Saves a container and its artifacts (the platform's `save_container` and
    /// `save_artifacts`): a container whose `source_data_identifier` exists already resolves to
    /// the existing one; artifacts go in batches, and only the container's last artifact runs
    /// automation unless the connector said otherwise. Counted into the run's summary.
    pub fn save_container(&mut self, container: Container) -> Result<SavedContainer, ActionError> {
        crate::ingest::save(
            self.platform.as_mut(),
            container,
            self.ingest_label.as_deref(),
            &mut self.counters,
        )
        .map_err(ActionError::from)
    }

    /// What this run has ingested so far.
    pub fn ingest_counters(&self) -> IngestCounters {
        self.counters
    }

    /// The label ingested containers get when they name none (`config.ingest.container_label`).
    pub fn ingest_label(&self) -> Option<&str> {
        self.ingest_label.as_deref()
    }

    /// Adds bytes to a container's vault as the file `name`; returns the entry (its vault id
    /// is the SHA-1 of the bytes).
    pub fn vault_add_bytes(
        &mut self,
        container_id: i64,
        name: &str,
        bytes: &[u8],
    ) -> Result<VaultEntry, ActionError> {
        self.vault_add_reader(container_id, name, &mut &bytes[..], &[])
    }

    /// Adds the file at `path` to a container's vault under `name`, streaming it.
    pub fn vault_add_file(
        &mut self,
        container_id: i64,
        path: &Path,
        name: &str,
    ) -> Result<VaultEntry, ActionError> {
        let mut file = crate::vault::open(path).map_err(ActionError::new)?;
        self.vault_add_reader(container_id, name, &mut file, &[])
    }

    /// Adds what `content` reads to a container's vault under `name` with these contains
    /// types (besides `vault id`), streaming it in chunks: a download of any size can go to the
    /// vault without being held in memory.
    pub fn vault_add_reader(
        &mut self,
        container_id: i64,
        name: &str,
        content: &mut dyn Read,
        contains: &[&str],
    ) -> Result<VaultEntry, ActionError> {
        let failed = || format!("Unable to add '{name}' to the vault");
        let dir = self
            .platform
            .vault_tmp_dir()
            .map_err(|error| error.context(failed()))?;
        let staged = crate::vault::stage(&dir, container_id, name, content, contains)
            .map_err(|error| HostError::caused_by(failed(), error))?;
        let staged_path = staged.path.clone();
        let added = self.platform.vault_add(staged);
        if added.is_err() {
            let _ = std::fs::remove_file(&staged_path);
        }
        added.map_err(|error| error.context(failed()).into())
    }

    /// The vault entries with this vault id (the platform's `vault_info`).
    pub fn vault_info(&mut self, vault_id: &str) -> Result<Vec<VaultEntry>, ActionError> {
        self.platform.vault_info(vault_id).map_err(|error| {
            error
                .context(format!("Unable to look up vault id {vault_id}"))
                .into()
        })
    }

    pub(crate) fn take_summary(&mut self) -> Map<String, Value> {
        let mut summary = std::mem::take(&mut self.summary);
        if !self.counters.is_empty() {
            for (key, value) in self.counters.to_summary() {
                summary.entry(key).or_insert(value);
            }
        }
        summary
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
