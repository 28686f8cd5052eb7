//! One connector run, step by step as the platform does it (contract section 1 and the
//! Decisions of `design.md`).

use std::io::{self, Write};
use std::ops::ControlFlow;
use std::panic::{AssertUnwindSafe, catch_unwind};

use serde_json::{Map, Value};

use crate::action_json::ActionJson;
use crate::app_json::{Action, AppJson};
use crate::cancel::CancelToken;
use crate::config::{self, Decryptor};
use crate::connector::Connector;
use crate::context::{Ctx, RunIdentity};
use crate::error::ActionError;
use crate::params;
use crate::progress::{NullSink, ProgressSink};
use crate::result::{ActionResult, ResultCollector, RunResult, RunTail, Status, succeeded_message};
use crate::result_stream::ResultWriter;

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
}

impl Default for RunOptions {
    fn default() -> Self {
        Self {
            sink: Box::new(NullSink),
            cancel: CancelToken::new(),
            decrypt: None,
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
    let Some(identifier) = input.identifier.take() else {
        return RunTail::aborted(MISSING_IDENTIFIER.to_owned());
    };
    let Some(raw_config) = input.config.take() else {
        return RunTail::aborted(MISSING_CONFIG.to_owned());
    };
    let action = match find_action(app, &identifier) {
        Ok(action) => action,
        Err(message) => return RunTail::aborted(message),
    };
    let asset_id = input.asset_id.as_ref().map(ToString::to_string);
    let identity = RunIdentity {
        identifier,
        asset_id: asset_id.clone(),
        container_id: input.container_id.as_ref().and_then(|id| id.as_i64()),
    };
    let mut ctx = Ctx::new(identity, options.sink, options.cancel);
    ctx.add_environment(input.environment());
    let prepared = match config::prepare(
        raw_config,
        app,
        options.decrypt.as_deref(),
        input.dec_key.as_ref(),
        asset_id.as_deref().unwrap_or_default(),
    ) {
        Ok(prepared) => prepared,
        Err(message) => return RunTail::aborted(message),
    };
    ctx.add_environment(prepared.environment);

    let mut run = Run {
        ctx,
        results,
        total: 0,
        successes: 0,
        exception: None,
        cancelled: false,
        abort: None,
    };
    let connector = match guarded(|| C::from_config(&prepared.config, &mut run.ctx)) {
        Ok(Ok(connector)) => connector,
        Ok(Err(error)) => {
            run.abort = Some(error.message().to_owned());
            return run.finish();
        }
        Err(panic) => {
            run.exception = Some(panic);
            return run.finish();
        }
    };
    drop(prepared.config);
    run.drive(connector, action, &input);
    run.finish()
}

/// The state of a run between its steps.
struct Run<'r> {
    ctx: Ctx,
    results: &'r mut dyn ResultCollector,
    total: usize,
    successes: usize,
    exception: Option<String>,
    cancelled: bool,
    abort: Option<String>,
}

impl Run<'_> {
    /// `initialize`, every parameter dict, `finalize`; the connector's exception and cancel
    /// hooks where they apply.
    fn drive<C: Connector>(&mut self, mut connector: C, action: &Action, input: &ActionJson) {
        match guarded(|| connector.initialize(&mut self.ctx)) {
            Ok(Ok(())) if self.ctx.status() == Some(Status::Failed) => {
                self.abort = Some(self.ctx.message().unwrap_or_default().to_owned());
            }
            Ok(Ok(())) => self.handle_all(&mut connector, action, input),
            Ok(Err(error)) => self.abort = Some(error.message().to_owned()),
            Err(panic) => self.exception = Some(panic),
        }
        if let Some(panic) = &self.exception {
            let message = panic.clone();
            if let Err(again) = guarded(|| connector.handle_exception(&mut self.ctx, &message)) {
                self.ctx.error_print("handle_exception panicked", &again);
            }
        }
        if self.ctx.is_cancelled() {
            self.cancelled = true;
            if let Err(panic) = guarded(|| connector.handle_cancel(&mut self.ctx)) {
                self.ctx.error_print("handle_cancel panicked", &panic);
            }
        }
        match guarded(|| connector.finalize(&mut self.ctx)) {
            Ok(Ok(())) => {}
            Ok(Err(error)) => {
                self.ctx.set_status(Status::Failed, None);
                self.ctx
                    .append_to_message(&format!("Finalize failed: {error}"));
            }
            Err(panic) => {
                self.ctx.error_print("finalize panicked", &panic);
                self.exception.get_or_insert(panic);
            }
        }
    }

    /// Handles the parameter dicts in order until the last, a panic or a cancellation.
    fn handle_all<C: Connector>(&mut self, connector: &mut C, action: &Action, input: &ActionJson) {
        let mut index = 0;
        input.for_each_parameter_dict(|dict| {
            let flow = self.handle_dict(connector, action, index, dict);
            index += 1;
            flow
        });
        if index == 0 {
            // `parameters` missing or empty: the action runs once with an empty dict.
            let _ = self.handle_dict(connector, action, 0, Value::Object(Map::new()));
        }
    }

    /// One raw parameter dict: cleaned, then handled. Breaks on a cancellation or a panic.
    fn handle_dict<C: Connector>(
        &mut self,
        connector: &mut C,
        action: &Action,
        index: usize,
        dict: Value,
    ) -> ControlFlow<()> {
        if self.ctx.is_cancelled() {
            return ControlFlow::Break(());
        }
        let Value::Object(raw) = dict else {
            let mut result = ActionResult::new(Map::new());
            result.fail(format!("Parameter dict {index} is not a JSON object"));
            self.record(result);
            return ControlFlow::Continue(());
        };
        let (cleaned, context) = params::clean(raw);
        let mut result = ActionResult::new(cleaned);
        result.set_context(context);
        let panicked = self.handle_one(connector, action, &mut result);
        self.record(result);
        if panicked {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    }

    /// Counts a finished result and hands it on.
    fn record(&mut self, result: ActionResult) {
        self.total += 1;
        if result.final_status().is_success() {
            self.successes += 1;
        }
        self.results.collect(result);
    }

    /// One parameter dict: required check, validation, handler. Returns whether a hook panicked.
    fn handle_one<C: Connector>(
        &mut self,
        connector: &mut C,
        action: &Action,
        result: &mut ActionResult,
    ) -> bool {
        if let Some(name) = params::first_missing_required(action, result.parameter()) {
            result.fail(ActionError::missing_parameter(name).message());
            return false;
        }
        let ctx = &mut self.ctx;
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
                return true;
            }
        }
        false
    }

    /// The part of the run result that follows the action results.
    fn finish(mut self) -> RunTail {
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
            let message = if self.cancelled {
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
            action_cancelled: self.cancelled,
        }
    }
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
    catch_unwind(AssertUnwindSafe(hook)).map_err(|payload| {
        if let Some(text) = payload.downcast_ref::<&str>() {
            (*text).to_owned()
        } else if let Some(text) = payload.downcast_ref::<String>() {
            text.clone()
        } else {
            "a panic without a message".to_owned()
        }
    })
}
