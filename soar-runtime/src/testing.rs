//! A test harness for connector authors: run one action in-process with a given configuration,
//! parameters and state, record progress and logs, and assert on the results.
//!
//! ```
//! use soar_runtime::prelude::*;
//! use soar_runtime::testing::ActionTest;
//!
//! /// Greets people.
//! #[connector(
//!     appid = "1b4c2f39-0a55-4c1e-9d57-5f3f1a7c9e21", name = "Greeter", publisher = "Example Corp",
//!     app_type = "information", product_vendor = "Generic", product_name = "Greeter",
//!     license = "Apache-2.0",
//! )]
//! pub struct Greeter {
//!     /// Greeting to use
//!     greeting: String,
//! }
//!
//! /// Greet someone.
//! #[action]
//! fn greet(connector: &mut Greeter, ctx: &mut Ctx, name: String) {
//!     ctx.save_progress(format!("{}, {name}!", connector.greeting));
//!     let count = ctx.state().get("count").and_then(|c| c.as_u64()).unwrap_or(0);
//!     ctx.state_mut().insert("count".into(), (count + 1).into());
//! }
//!
//! fn main() {
//!     let outcome = ActionTest::<Greeter>::new("greet")
//!         .config("greeting", "Hello")
//!         .param("name", "Ada")
//!         .state(serde_json::json!({"count": 41}))
//!         .run();
//!     assert!(outcome.is_success());
//!     assert_eq!(outcome.progress(), ["Hello, Ada!"]);
//!     assert_eq!(outcome.state()["count"], 42);
//! }
//! ```

use std::fmt;
use std::marker::PhantomData;
use std::ops::{Deref, Index};

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::action_json::ActionJson;
use crate::app_json::AppJson;
use crate::cancel::CancelToken;
use crate::connector::Connector;
use crate::error::ActionError;
use crate::platform::MemoryPlatform;
use crate::progress::{Recorded, RecordingSink};
use crate::result::{ActionResult, RunResult};
use crate::run::{RunOptions, run_with_app};
use crate::state::MemoryState;

/// The time snapshot tests pin `utctime_updated` to (2026-01-01T00:00:00Z), so that a snapshot
/// does not change with every commit.
pub const PINNED_TIME: i64 = 1_767_225_600;

/// The app JSON of connector `C` with `utctime_updated` pinned to [`PINNED_TIME`]: what
/// snapshot and schema tests compare.
pub fn pinned_app_json<C: Connector>() -> AppJson {
    let mut app = C::app_json();
    app.utctime_updated = crate::time::format_utc(PINNED_TIME);
    app
}

/// One run of one action of connector `C`, built step by step.
#[derive(Debug)]
pub struct ActionTest<C> {
    identifier: String,
    config: Map<String, Value>,
    dicts: Vec<Value>,
    state: Map<String, Value>,
    platform: MemoryPlatform,
    asset_id: Option<String>,
    cancel: CancelToken,
    connector: PhantomData<fn() -> C>,
}

impl<C: Connector> ActionTest<C> {
    /// A run of the action with this identifier, with an empty configuration and no
    /// parameters (the action then runs once with an empty dict). Configuration fields that
    /// are not set get their app JSON default, as in the local runner's `action` command
    /// ([`ActionJson::for_local_run`]: the same code).
    pub fn new(identifier: &str) -> Self {
        Self {
            identifier: identifier.to_owned(),
            config: Map::new(),
            dicts: Vec::new(),
            state: Map::new(),
            platform: MemoryPlatform::new(),
            asset_id: None,
            cancel: CancelToken::new(),
            connector: PhantomData,
        }
    }

    /// Sets one configuration value.
    pub fn config(mut self, name: &str, value: impl Into<Value>) -> Self {
        self.config.insert(name.to_owned(), value.into());
        self
    }

    /// Sets one parameter of the last parameter dict (a new one, if there is none yet or the
    /// last is not an object).
    pub fn param(mut self, name: &str, value: impl Into<Value>) -> Self {
        if !matches!(self.dicts.last(), Some(Value::Object(_))) {
            self.dicts.push(Value::Object(Map::new()));
        }
        if let Some(Value::Object(dict)) = self.dicts.last_mut() {
            dict.insert(name.to_owned(), value.into());
        }
        self
    }

    /// Adds a parameter dict, sent as it is (a JSON object, or anything else to see what the
    /// platform does with it).
    pub fn dict(mut self, dict: Value) -> Self {
        self.dicts.push(dict);
        self
    }

    /// The connector's state before the run (a JSON object; anything else is an empty state).
    pub fn state(mut self, state: Value) -> Self {
        self.state = match state {
            Value::Object(state) => state,
            _ => Map::new(),
        };
        self
    }

    /// Cancels the run before it starts: no dict is handled, `finalize` runs.
    pub fn cancelled(self) -> Self {
        self.cancel.cancel();
        self
    }

    /// The platform services of the run (ingestion, vault, encryption): a clone of `platform`
    /// to inspect afterwards, or one prepared to fail ([`MemoryPlatform::fail_after`]).
    pub fn platform(mut self, platform: &MemoryPlatform) -> Self {
        self.platform = platform.clone();
        self
    }

    /// The asset the run is for (its id salts the secrets of the state).
    pub fn asset_id(mut self, asset_id: &str) -> Self {
        self.asset_id = Some(asset_id.to_owned());
        self
    }

    /// Runs the action in-process, as the platform would.
    pub fn run(self) -> Outcome {
        let sink = RecordingSink::new();
        let state = MemoryState::with(self.state);
        let app = C::app_json();
        let input = ActionJson::for_local_run(
            &app,
            &self.identifier,
            self.config,
            self.asset_id.as_deref(),
            self.dicts,
        );
        let options = RunOptions {
            sink: Box::new(sink.clone()),
            cancel: self.cancel,
            state: Box::new(state.clone()),
            platform: Box::new(self.platform),
            ..RunOptions::default()
        };
        let result = run_with_app::<C>(&app, input, options);
        Outcome {
            result,
            log: sink.entries(),
            state: state.snapshot(),
        }
    }
}

/// What a test run produced.
#[derive(Debug)]
pub struct Outcome {
    /// The connector run result.
    pub result: RunResult,
    log: Vec<Recorded>,
    state: Map<String, Value>,
}

impl Outcome {
    /// Whether the run succeeded.
    pub fn is_success(&self) -> bool {
        self.result.status.is_success()
    }

    /// The run's message ("1 action succeeded").
    pub fn message(&self) -> &str {
        &self.result.message
    }

    /// The action results, one per parameter dict. `results()[i]` of a result the run does not
    /// have fails the test with the run's message (a run that failed before any dict has none).
    pub fn results(&self) -> PerResult<'_, &ActionResult> {
        self.per_result(self.result.result_data.iter().collect())
    }

    /// The messages of the action results, indexed as [`Outcome::results`].
    pub fn messages(&self) -> PerResult<'_, String> {
        self.per_result(
            self.result
                .result_data
                .iter()
                .map(ActionResult::message)
                .collect(),
        )
    }

    fn per_result<T>(&self, items: Vec<T>) -> PerResult<'_, T> {
        PerResult {
            items,
            run: &self.result,
        }
    }

    /// The data items of every result, in order, read as `T` (typically the action's output
    /// type, which then also needs `Deserialize`).
    pub fn data<T: DeserializeOwned>(&self) -> Result<Vec<T>, ActionError> {
        self.result
            .result_data
            .iter()
            .flat_map(ActionResult::data)
            .map(|item| {
                T::deserialize(item)
                    .map_err(|error| ActionError::new(format!("unexpected data item: {error}")))
            })
            .collect()
    }

    /// The persistent progress lines (`save_progress`), in order.
    pub fn progress(&self) -> Vec<&str> {
        self.log
            .iter()
            .filter_map(|entry| match entry {
                Recorded::Saved(text) => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }

    /// Everything the run logged: progress lines, debug and error entries.
    pub fn log(&self) -> &[Recorded] {
        &self.log
    }

    /// The connector's state as saved at the end of the run.
    pub fn state(&self) -> &Map<String, Value> {
        &self.state
    }
}

/// One item per action result of a test run ([`Outcome::results`], [`Outcome::messages`]): a
/// slice (`len`, `iter`, comparison with an array or a `Vec`) whose indexing, past the last
/// result, fails the test saying what the run reported instead of "index out of bounds".
pub struct PerResult<'a, T> {
    items: Vec<T>,
    run: &'a RunResult,
}

impl<T> Deref for PerResult<'_, T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        &self.items
    }
}

impl<T> Index<usize> for PerResult<'_, T> {
    type Output = T;

    #[track_caller]
    fn index(&self, index: usize) -> &T {
        match self.items.get(index) {
            Some(item) => item,
            None => panic!(
                "the run has no action result {index}: it has {}; the run's message is {:?}",
                self.items.len(),
                self.run.message
            ),
        }
    }
}

impl<T: fmt::Debug> fmt::Debug for PerResult<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(&self.items).finish()
    }
}

impl<T: PartialEq<U>, U, const N: usize> PartialEq<[U; N]> for PerResult<'_, T> {
    fn eq(&self, other: &[U; N]) -> bool {
        self.items[..] == other[..]
    }
}

impl<T: PartialEq<U>, U> PartialEq<Vec<U>> for PerResult<'_, T> {
    fn eq(&self, other: &Vec<U>) -> bool {
        self.items[..] == other[..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app_json::ConfigField;
    use crate::context::Ctx;
    use crate::result::Status;

    /// A connector with one configuration field that has a default, and one action.
    struct Defaulted {
        timeout: Value,
    }

    impl crate::connector::Hooks for Defaulted {}

    impl Connector for Defaulted {
        fn app_json() -> AppJson {
            let mut app = AppJson::default();
            let field: ConfigField = serde_json::from_value(serde_json::json!(
                {"data_type": "numeric", "required": true, "default": 30, "order": 0}
            ))
            .unwrap();
            app.configuration.insert("timeout".to_owned(), field);
            app.actions.push(
                serde_json::from_value(serde_json::json!({
                    "action": "wait", "identifier": "wait", "description": "Wait",
                    "type": "generic", "read_only": true, "parameters": {}, "output": [],
                    "versions": "EQ(*)"
                }))
                .unwrap(),
            );
            app
        }

        fn from_config(config: &crate::config::Config, _: &mut Ctx) -> Result<Self, ActionError> {
            Ok(Self {
                timeout: config.get("timeout").cloned().unwrap_or_default(),
            })
        }

        fn handle_action(
            &mut self,
            _: &mut Ctx,
            result: &mut ActionResult,
        ) -> Result<(), ActionError> {
            result.set_status(Status::Success, Some(&format!("timeout {}", self.timeout)));
            Ok(())
        }
    }

    #[test]
    fn unset_configuration_fields_get_their_default() {
        let outcome = ActionTest::<Defaulted>::new("wait").run();
        assert_eq!(outcome.messages(), ["timeout 30"]);
        let given = ActionTest::<Defaulted>::new("wait")
            .config("timeout", 5)
            .run();
        assert_eq!(given.messages(), ["timeout 5"]);
    }

    #[test]
    fn indexing_past_the_results_says_what_the_run_reported() {
        let outcome = ActionTest::<Defaulted>::new("nope").run();
        let panic = std::panic::catch_unwind(|| outcome.messages()[0].clone()).unwrap_err();
        let text = panic.downcast_ref::<String>().unwrap();
        assert_eq!(
            text,
            "the run has no action result 0: it has 0; the run's message is \"Unknown action. \
             Unable to find action info for 'nope' in App JSON\""
        );
        let panic = std::panic::catch_unwind(|| outcome.results()[0].message()).unwrap_err();
        assert!(
            panic
                .downcast_ref::<String>()
                .unwrap()
                .starts_with("the run has no action result 0")
        );
    }
}
