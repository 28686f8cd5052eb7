//! One connector run, step by step as the platform does it (contract section 1 and the
//! Decisions of `design.md`).

use std::io::{self, Write};
use std::ops::ControlFlow;

use serde_json::{Map, Value};

use crate::action_json::ActionJson;
use crate::app_json::{Action, AppJson};
use crate::cancel::CancelToken;
use crate::config::{self, Decryptor};
use crate::connector::Connector;
use crate::context::{Ctx, RunIdentity};
use crate::error::ActionError;
use crate::params;
use crate::platform::{MemoryPlatform, Platform};
use crate::progress::{NullSink, ProgressSink};
use crate::result::{ActionResult, ResultCollector, RunResult, RunTail, Status, succeeded_message};
use crate::result_stream::ResultWriter;
use crate::state::{MemoryState, StateStore};

/// The message of a run whose action JSON has no usable `identifier`.
pub const MISSING_IDENTIFIER: &str =
    "Failed to load the connector run JSON. Missing or invalid 'identifier'";
/// The message of a run whose action JSON has no `config` object.
pub const MISSING_CONFIG: &str = "No Config dictionary present in Action JSON";
/// The prefix of the message of a run in which a hook panicked.
pub const EXCEPTION_OCCURRED: &str = "Exception Occurred";
/// The prefix of the message of a cancelled run.
pub const ACTION_CANCELLED: &str = "Action cancelled";

/// How a run talks to the world: where progress goes, what cancels it, how password fields
/// are decrypted.
pub struct RunOptions {
    /// Where progress lines and log entries go.
    pub sink: Box<dyn ProgressSink>,
    /// Set it to stop the run before the next parameter dict.
    pub cancel: CancelToken,
    /// Decrypts password fields; `None` takes them as they are (local runs, and the platform
    /// bridge, where the platform has decrypted them already).
    pub decrypt: Option<Box<Decryptor>>,
    /// Where the connector's state is loaded from and saved to.
    pub state: Box<dyn StateStore>,
    /// The platform services: ingestion, the vault, the encryption of secrets in the state.
    pub platform: Box<dyn Platform>,
}

impl Default for RunOptions {
    fn default() -> Self {
        Self {
            sink: Box::new(NullSink),
            cancel: CancelToken::new(),
            decrypt: None,
            state: Box::new(MemoryState::new()),
            platform: Box::new(MemoryPlatform::new()),
        }
    }
}

impl std::fmt::Debug for RunOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RunOptions")
            .field("cancel", &self.cancel)
            .field("decrypt", &self.decrypt.is_some())
            .finish_non_exhaustive()
    }
}

/// Runs connector `C` for one action JSON and returns the connector run result.
pub fn run<C: Connector>(input: ActionJson, options: RunOptions) -> RunResult {
    run_with_app::<C>(&C::app_json(), input, options)
}

/// As [`run`], with the app JSON already built (callers that run many times build it once).
pub fn run_with_app<C: Connector>(
    app: &AppJson,
    input: ActionJson,
    options: RunOptions,
) -> RunResult {
    let identifier = input.identifier.clone();
    let mut results = Vec::new();
    let tail = execute::<C>(app, input, options, &mut results);
    RunResult::from_parts(identifier, results, tail)
}

/// Runs connector `C` and writes the connector run result to `out` as pretty JSON while the
/// dicts are handled, holding one action result at a time: the way to run many dicts. The
/// JSON is the same, byte for byte, as [`RunResult::to_json_pretty`] of [`run_with_app`].
/// Returns the run's status.
pub fn run_to_writer<C: Connector, W: Write>(
    app: &AppJson,
    input: ActionJson,
    options: RunOptions,
    out: W,
) -> io::Result<Status> {
    let mut writer = ResultWriter::new(out, input.identifier.as_deref())?;
    let tail = execute::<C>(app, input, options, &mut writer);
    writer.finish(&tail)?;
    Ok(tail.status)
}

/// The lifecycle, handing each finished action result to `results`.
fn execute<C: Connector>(
    app: &AppJson,
    mut input: ActionJson,
    options: RunOptions,
    results: &mut dyn ResultCollector,
) -> RunTail {
    let mut session = match Session::<C>::start(app, &mut input, options) {
        Ok(session) => session,
        Err(tail) => return tail,
    };
    let mut handled = 0;
    input.for_each_parameter_dict(|dict| {
        if !session.can_continue() {
            return ControlFlow::Break(());
        }
        handled += 1;
        results.collect(session.handle(dict));
        ControlFlow::Continue(())
    });
    if handled == 0 && session.can_continue() {
        // `parameters` missing or empty: the action runs once with an empty dict.
        results.collect(session.handle(Value::Object(Map::new())));
    }
    session.finish()
}

/// One run driven step by step, the way the platform's `BaseConnector` drives a connector:
/// [`Session::start`] (config, `from_config`, `initialize`), [`Session::handle`] for each
/// parameter dict, [`Session::finish`] (`finalize`, the run's tail). [`run`] is built on it, and
/// so is the platform bridge, where the platform calls the three steps.
pub struct Session<'a, C: Connector> {
    connector: Option<C>,
    action: &'a Action,
    ctx: Ctx,
    total: usize,
    successes: usize,
    exception: Option<String>,
    abort: Option<String>,
}

impl<'a, C: Connector> Session<'a, C> {
    /// Steps 1 to 4 of contract section 1: the identifier, the config and the action are
    /// checked (taken out of `input`), then that `parameters` is a list, the config prepared,
    /// the connector built and initialized. `Err` is the tail of a run that ended before any
    /// dict: a missing identifier or config, an unknown action, `parameters` that is not a
    /// list, a config that fails preparation. A connector
    /// that fails to build or to initialize gives a session that handles no dict.
    pub fn start(
        app: &'a AppJson,
        input: &mut ActionJson,
        options: RunOptions,
    ) -> Result<Self, RunTail> {
        let Some(identifier) = input.identifier.take() else {
            return Err(RunTail::aborted(MISSING_IDENTIFIER.to_owned()));
        };
        let Some(raw_config) = input.config.take() else {
            return Err(RunTail::aborted(MISSING_CONFIG.to_owned()));
        };
        let action = find_action(app, &identifier).map_err(RunTail::aborted)?;
        if let Some(error) = input.parameters_error() {
            return Err(RunTail::aborted(error));
        }
        let asset_id = input.asset_id.as_ref().map(ToString::to_string);
        let identity = RunIdentity {
            identifier,
            asset_id: asset_id.clone(),
            container_id: input.container_id.as_ref().and_then(|id| id.as_i64()),
        };
        let mut ctx = Ctx::new(identity, options.sink, options.cancel);
        ctx.attach(options.state, options.platform)
            .map_err(|error| {
                RunTail::aborted(format!(
                    "Unable to load the state: {}",
                    error.full_message()
                ))
            })?;
        ctx.add_environment(input.environment());
        let prepared = config::prepare(
            raw_config,
            app,
            options.decrypt.as_deref(),
            input.dec_key.as_ref(),
            asset_id.as_deref().unwrap_or_default(),
        )
        .map_err(RunTail::aborted)?;
        ctx.add_environment(prepared.environment);
        ctx.set_ingest_label(ingest_label(&prepared.config));
        let mut session = Session {
            connector: None,
            action,
            ctx,
            total: 0,
            successes: 0,
            exception: None,
            abort: None,
        };
        match guarded(|| C::from_config(&prepared.config, &mut session.ctx)) {
            Ok(Ok(connector)) => session.connector = Some(connector),
            Ok(Err(error)) => session.abort = Some(error.message().to_owned()),
            Err(panic) => session.exception = Some(panic),
        }
        session.initialize();
        Ok(session)
    }

    /// `initialize`; a failure (an error, a failed connector-level status, a panic) ends the
    /// run before any dict.
    fn initialize(&mut self) {
        let Some(connector) = self.connector.as_mut() else {
            return;
        };
        let ctx = &mut self.ctx;
        match guarded(|| connector.initialize(ctx)) {
            Ok(Ok(())) if ctx.status() == Some(Status::Failed) => {
                self.abort = Some(ctx.message().unwrap_or_default().to_owned());
            }
            Ok(Ok(())) => {}
            Ok(Err(error)) => self.abort = Some(error.message().to_owned()),
            Err(panic) => self.exception = Some(panic),
        }
    }

    /// Whether another parameter dict may be handled: the connector is initialized, no hook
    /// panicked and the run was not cancelled.
    pub fn can_continue(&self) -> bool {
        self.connector.is_some()
            && self.abort.is_none()
            && self.exception.is_none()
            && !self.ctx.is_cancelled()
    }

    /// Whether the session ended before handling any dict: the message to report, if so.
    pub fn start_failure(&self) -> Option<String> {
        if let Some(abort) = &self.abort {
            return Some(abort.clone());
        }
        self.exception
            .as_ref()
            .map(|panic| format!("{EXCEPTION_OCCURRED}: {panic}"))
    }

    /// Step 5 for one raw parameter dict: cleansing, the required check,
    /// `validate_parameters`, the handler. A dict that is not a JSON object, or a session that
    /// cannot continue, gives a failed result without calling the connector.
    pub fn handle(&mut self, dict: Value) -> ActionResult {
        let index = self.total;
        let result = match dict {
            _ if !self.can_continue() => {
                let mut result = ActionResult::new(Map::new());
                result.fail(
                    self.start_failure()
                        .unwrap_or_else(|| ACTION_CANCELLED.to_owned()),
                );
                result
            }
            Value::Object(raw) => {
                let (cleaned, context) = params::clean(raw);
                let mut result = ActionResult::new(cleaned);
                result.set_context(context);
                self.handle_one(&mut result);
                result
            }
            _ => {
                let mut result = ActionResult::new(Map::new());
                result.fail(format!("Parameter dict {index} is not a JSON object"));
                result
            }
        };
        self.total += 1;
        if result.final_status().is_success() {
            self.successes += 1;
        }
        result
    }

    /// One cleaned dict: required check, validation, handler; a panic is recorded.
    fn handle_one(&mut self, result: &mut ActionResult) {
        let Some(connector) = self.connector.as_mut() else {
            return;
        };
        if let Some(name) = params::first_missing_required(self.action, result.parameter()) {
            result.fail(ActionError::missing_parameter(name).message());
            return;
        }
        let (ctx, action) = (&mut self.ctx, self.action);
        let outcome = guarded(|| {
            connector.validate_parameters(ctx, action, result.parameter())?;
            connector.handle_action(ctx, result)
        });
        match outcome {
            Ok(Ok(())) => result.succeed_unless_set(),
            Ok(Err(error)) => result.fail(error.message()),
            Err(panic) => {
                result.fail(format!("{EXCEPTION_OCCURRED}: {panic}"));
                self.exception = Some(panic);
            }
        }
    }

    /// The message of the panic that ended the session, if a hook panicked.
    pub fn exception(&self) -> Option<&str> {
        self.exception.as_deref()
    }

    /// Steps 6 and 7: `handle_exception` after a panic, `handle_cancel` after a cancellation,
    /// `finalize`, and the part of the run result that follows the action results.
    pub fn finish(mut self) -> RunTail {
        let cancelled = self.final_hooks();
        self.tail(cancelled)
    }

    /// Step 6 only, for a host that composes the run's tail itself (the platform bridge): the
    /// final hooks run as in [`Session::finish`], and what the connector reported comes back.
    /// A panic in `finalize` fails the connector-level status with the exception message.
    pub fn finish_connector(mut self) -> ConnectorOutcome {
        let panicked_before = self.exception.is_some();
        self.final_hooks();
        if !panicked_before && let Some(panic) = &self.exception {
            let message = format!("{EXCEPTION_OCCURRED}: {panic}");
            self.ctx.set_status(Status::Failed, None);
            self.ctx.append_to_message(&message);
        }
        ConnectorOutcome {
            status: self.ctx.status(),
            message: self.ctx.message().map(ToOwned::to_owned),
            summary: self.ctx.take_summary(),
        }
    }

    /// `handle_exception`, `handle_cancel` and `finalize`; returns whether the run was cancelled.
    fn final_hooks(&mut self) -> bool {
        let cancelled = self.ctx.is_cancelled();
        if let Some(connector) = self.connector.as_mut() {
            let ctx = &mut self.ctx;
            if let Some(panic) = &self.exception
                && let Err(again) = guarded(|| connector.handle_exception(ctx, panic))
            {
                ctx.error_print("handle_exception panicked", &again);
            }
            if cancelled && let Err(panic) = guarded(|| connector.handle_cancel(ctx)) {
                ctx.error_print("handle_cancel panicked", &panic);
            }
            match guarded(|| connector.finalize(ctx)) {
                Ok(Ok(())) => {}
                Ok(Err(error)) => {
                    ctx.set_status(Status::Failed, None);
                    ctx.append_to_message(&format!("Finalize failed: {error}"));
                }
                Err(panic) => {
                    ctx.error_print("finalize panicked", &panic);
                    self.exception.get_or_insert(panic);
                }
            }
        }
        if let Err(error) = self.ctx.persist_state() {
            let error = error.full_message();
            self.ctx.error_print("save_state", &error);
            self.ctx.set_status(Status::Failed, None);
            self.ctx
                .append_to_message(&format!("Unable to save the state: {error}"));
        }
        cancelled
    }

    /// The part of the run result that follows the action results.
    fn tail(mut self, cancelled: bool) -> RunTail {
        let mut summary = totals(self.total, self.successes);
        for (key, value) in self.ctx.take_summary() {
            summary.entry(key).or_insert(value);
        }
        let (status, mut message) = if let Some(abort) = self.abort.take() {
            (Status::Failed, abort)
        } else if let Some(panic) = &self.exception {
            (Status::Failed, format!("{EXCEPTION_OCCURRED}: {panic}"))
        } else {
            let status = if self.successes > 0 && self.ctx.status() != Some(Status::Failed) {
                Status::Success
            } else {
                Status::Failed
            };
            let count = succeeded_message(self.successes);
            let message = if cancelled {
                format!("{ACTION_CANCELLED}. {count}")
            } else {
                count
            };
            (status, message)
        };
        if let Some(extra) = self.ctx.message().filter(|extra| !extra.is_empty())
            && !message.ends_with(extra)
        {
            message.push_str(". ");
            message.push_str(extra);
        }
        RunTail {
            result_summary: summary,
            status,
            message,
            exception_occured: self.exception.is_some(),
            action_cancelled: cancelled,
        }
    }
}

/// What the connector itself reported by the end of a session ([`Session::finish_connector`]):
/// its connector-level status, message and summary keys, before the runtime composes them
/// with the counts into the run's tail.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConnectorOutcome {
    /// The connector-level status, if the connector set one.
    pub status: Option<Status>,
    /// The connector-level message, if any.
    pub message: Option<String>,
    /// The keys the connector put through `update_summary`.
    pub summary: Map<String, Value>,
}

/// `total_objects` and `total_objects_successful`.
fn totals(total: usize, successes: usize) -> Map<String, Value> {
    let mut summary = Map::new();
    summary.insert("total_objects".into(), total.into());
    summary.insert("total_objects_successful".into(), successes.into());
    summary
}

impl RunTail {
    /// The tail of a run that failed before any parameter dict was handled.
    fn aborted(message: String) -> Self {
        RunTail {
            result_summary: totals(0, 0),
            status: Status::Failed,
            message,
            exception_occured: false,
            action_cancelled: false,
        }
    }
}

/// The container label of the asset's ingest settings (`config.ingest.container_label`), which
/// the platform injects.
fn ingest_label(config: &config::Config) -> Option<String> {
    config
        .get("ingest")?
        .get("container_label")?
        .as_str()
        .map(ToOwned::to_owned)
}

/// The one action of the app JSON with this identifier.
fn find_action<'a>(app: &'a AppJson, identifier: &str) -> Result<&'a Action, String> {
    let mut matching = app
        .actions
        .iter()
        .filter(|action| action.identifier == identifier);
    match (matching.next(), matching.next()) {
        (Some(action), None) => Ok(action),
        (None, _) => Err(format!(
            "Unknown action. Unable to find action info for '{identifier}' in App JSON"
        )),
        (Some(_), Some(_)) => Err(format!(
            "Found more than one action with identifier '{identifier}' in App JSON"
        )),
    }
}

/// Runs a hook, catching a panic; the panic's message is the error.
fn guarded<T>(hook: impl FnOnce() -> T) -> Result<T, String> {
    crate::caught::caught(hook)
}
