//! Results: one [`ActionResult`] per parameter dict, and the [`RunResult`] of the whole run
//! (contract section 3), serialized with the platform's key order.

use serde::Serialize;
use serde_json::{Map, Value};

/// The outcome of one action result or of the whole run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// `"success"`.
    Success,
    /// `"failed"`.
    Failed,
}

impl Status {
    /// Whether this is [`Status::Success`].
    pub fn is_success(self) -> bool {
        self == Status::Success
    }
}

/// The result of handling one parameter dict: the platform's `ActionResult`.
///
/// The runtime creates it with the cleaned parameter dict; the handler adds data, a summary and
/// a status. A handler that returns `Ok` without setting a status succeeds.
#[derive(Debug, Clone, Default)]
pub struct ActionResult {
    data: Vec<Value>,
    extra_data: Vec<Value>,
    summary: Map<String, Value>,
    status: Option<Status>,
    message: Option<String>,
    parameter: Map<String, Value>,
    context: Map<String, Value>,
    debug_data: Vec<Value>,
}

impl ActionResult {
    /// A result for the given parameter dict (the platform's `ActionResult(param)`).
    pub fn new(parameter: Map<String, Value>) -> Self {
        Self {
            parameter,
            ..Self::default()
        }
    }

    /// Sets the status and, when given, the message (the platform's `set_status`).
    /// Returns the status, as the platform does.
    pub fn set_status(&mut self, status: Status, message: Option<&str>) -> Status {
        self.status = Some(status);
        if let Some(message) = message {
            self.message = Some(message.to_owned());
        }
        status
    }

    /// The status set so far, if any.
    pub fn status(&self) -> Option<Status> {
        self.status
    }

    /// Sets the message without touching the status.
    pub fn set_message(&mut self, message: impl Into<String>) {
        self.message = Some(message.into());
    }

    /// Appends to the message (the platform's `append_to_message`), separated by a space.
    pub fn append_to_message(&mut self, text: &str) {
        append_message(&mut self.message, text);
    }

    /// The message as it will be written: the one set, else a rendering of the summary.
    pub fn message(&self) -> String {
        match &self.message {
            Some(message) => message.clone(),
            None => render_summary(&self.summary),
        }
    }

    /// The parameter dict this result acted on.
    pub fn parameter(&self) -> &Map<String, Value> {
        &self.parameter
    }

    /// One parameter's value.
    pub fn param(&self, name: &str) -> Option<&Value> {
        self.parameter.get(name)
    }

    /// Replaces the parameter dict (the platform's `set_param`).
    pub fn set_parameter(&mut self, parameter: Map<String, Value>) {
        self.parameter = parameter;
    }

    /// Adds or replaces keys of the parameter dict (the platform's `update_param`).
    pub fn update_parameter(&mut self, values: Map<String, Value>) {
        self.parameter.extend(values);
    }

    /// Adds one data item (the platform's `add_data`).
    pub fn add_data(&mut self, item: impl Into<Value>) {
        self.data.push(item.into());
    }

    /// Adds several data items (the platform's `update_data`).
    pub fn extend_data(&mut self, items: impl IntoIterator<Item = Value>) {
        self.data.extend(items);
    }

    /// The data items so far.
    pub fn data(&self) -> &[Value] {
        &self.data
    }

    /// The summary, to read or to change in place (the platform's `update_summary` returns the
    /// dict itself, so the caller can keep adding to it).
    pub fn summary_mut(&mut self) -> &mut Map<String, Value> {
        &mut self.summary
    }

    /// Merges keys into the summary and returns it for further changes.
    pub fn update_summary(&mut self, values: Map<String, Value>) -> &mut Map<String, Value> {
        self.summary.extend(values);
        &mut self.summary
    }

    /// Replaces the summary (the platform's `set_summary`).
    pub fn set_summary(&mut self, summary: Map<String, Value>) {
        self.summary = summary;
    }

    /// The summary so far.
    pub fn summary(&self) -> &Map<String, Value> {
        &self.summary
    }

    /// Adds one extra data item (the platform's `add_extra_data`).
    pub fn add_extra_data(&mut self, item: impl Into<Value>) {
        self.extra_data.push(item.into());
    }

    /// The extra data so far.
    pub fn extra_data(&self) -> &[Value] {
        &self.extra_data
    }

    /// Adds one debug data item (the platform's `add_debug_data`); written only when present.
    pub fn add_debug_data(&mut self, item: impl Into<Value>) {
        self.debug_data.push(item.into());
    }

    /// The debug data so far.
    pub fn debug_data(&self) -> &[Value] {
        &self.debug_data
    }

    /// The input's `context` of this parameter dict, or `{}`.
    pub fn context(&self) -> &Map<String, Value> {
        &self.context
    }

    pub(crate) fn set_context(&mut self, context: Map<String, Value>) {
        self.context = context;
    }

    /// Marks the result successful unless the handler already chose a status.
    pub(crate) fn succeed_unless_set(&mut self) {
        self.status.get_or_insert(Status::Success);
    }

    /// Fails the result with a message, replacing what was there.
    pub(crate) fn fail(&mut self, message: impl Into<String>) {
        self.status = Some(Status::Failed);
        self.message = Some(message.into());
    }

    /// The status as written: a result that never got one has failed, as on the platform.
    pub fn final_status(&self) -> Status {
        self.status.unwrap_or(Status::Failed)
    }
}

/// Appends `text` to a message, separated by a space; sets it when there is none (the
/// platform's `append_to_message`, for action results and for the connector).
pub(crate) fn append_message(message: &mut Option<String>, text: &str) {
    match message {
        Some(message) if !message.is_empty() => {
            message.push(' ');
            message.push_str(text);
        }
        _ => *message = Some(text.to_owned()),
    }
}

/// Renders a summary as a message: `"Organization: Amazon, Total domains: 3"`.
///
/// Each key has its underscores turned into spaces and its first letter capitalised; string
/// values are written as they are, other values as JSON; null values (a field the action could
/// not fill) are left out. An empty summary renders as `""`.
pub fn render_summary(summary: &Map<String, Value>) -> String {
    let mut rendered = String::new();
    for (key, value) in summary.iter().filter(|(_, value)| !value.is_null()) {
        if !rendered.is_empty() {
            rendered.push_str(", ");
        }
        let mut chars = key.chars();
        if let Some(first) = chars.next() {
            rendered.extend(first.to_uppercase());
            rendered.extend(chars.map(|c| if c == '_' { ' ' } else { c }));
        }
        rendered.push_str(": ");
        match value {
            Value::String(text) => rendered.push_str(text),
            other => rendered.push_str(&other.to_string()),
        }
    }
    rendered
}

impl ActionResult {
    /// Calls `write` with each field as the platform writes it, in the platform's key order:
    /// `data`, `extra_data`, `summary`, `status`, `message`, `parameter`, `context`, and
    /// `debug_data` when there is some. The one place that defines the written form.
    pub(crate) fn for_each_field<E>(
        &self,
        mut write: impl FnMut(&'static str, Field<'_>) -> Result<(), E>,
    ) -> Result<(), E> {
        write("data", Field::List(&self.data))?;
        write("extra_data", Field::List(&self.extra_data))?;
        write("summary", Field::Map(&self.summary))?;
        write("status", Field::Status(self.final_status()))?;
        match &self.message {
            Some(message) => write("message", Field::Text(message))?,
            None => write("message", Field::Text(&render_summary(&self.summary)))?,
        }
        write("parameter", Field::Map(&self.parameter))?;
        write("context", Field::Map(&self.context))?;
        if !self.debug_data.is_empty() {
            write("debug_data", Field::List(&self.debug_data))?;
        }
        Ok(())
    }
}

/// One field of an [`ActionResult`] as it is written.
#[derive(Debug)]
pub(crate) enum Field<'a> {
    /// `data`, `extra_data`, `debug_data`.
    List(&'a [Value]),
    /// `summary`, `parameter`, `context`.
    Map(&'a Map<String, Value>),
    /// `status`.
    Status(Status),
    /// `message`.
    Text(&'a str),
}

impl Serialize for Field<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Field::List(items) => items.serialize(serializer),
            Field::Map(map) => map.serialize(serializer),
            Field::Status(status) => status.serialize(serializer),
            Field::Text(text) => text.serialize(serializer),
        }
    }
}

impl Serialize for ActionResult {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        self.for_each_field(|key, value| map.serialize_entry(key, &value))?;
        map.end()
    }
}

/// Where a run hands its finished action results, in order: a `Vec` that collects them, or a
/// [`crate::result_stream::ResultWriter`] that writes each and lets it go.
pub trait ResultCollector {
    /// Takes one finished result.
    fn collect(&mut self, result: ActionResult);
}

impl ResultCollector for Vec<ActionResult> {
    fn collect(&mut self, result: ActionResult) {
        self.push(result);
    }
}

/// The part of the connector run result that follows `result_data`, known when the run ends.
#[derive(Debug, Clone, Serialize)]
pub struct RunTail {
    /// `total_objects`, `total_objects_successful` and what the connector added.
    pub result_summary: Map<String, Value>,
    /// `success` when at least one result succeeded (and nothing aborted the run).
    pub status: Status,
    /// The run's message ("1 action succeeded").
    pub message: String,
    /// Whether a hook panicked (the platform's spelling).
    pub exception_occured: bool,
    /// Whether the run was cancelled.
    pub action_cancelled: bool,
}

/// The connector run result: what `_handle_action` returns and `<connector> run` prints.
#[derive(Debug, Clone, Serialize)]
pub struct RunResult {
    /// The identifier of the action that ran, as the action JSON gave it.
    pub identifier: Option<String>,
    /// One result per handled parameter dict, in order.
    pub result_data: Vec<ActionResult>,
    /// `total_objects`, `total_objects_successful` and what the connector added.
    pub result_summary: Map<String, Value>,
    /// `success` when at least one result succeeded (and nothing aborted the run).
    pub status: Status,
    /// The run's message ("1 action succeeded").
    pub message: String,
    /// Whether a handler panicked (the platform's spelling).
    pub exception_occured: bool,
    /// Whether the run was cancelled.
    pub action_cancelled: bool,
}

impl RunResult {
    /// Puts a run result together from its identifier, its action results and its tail.
    pub fn from_parts(
        identifier: Option<String>,
        result_data: Vec<ActionResult>,
        tail: RunTail,
    ) -> Self {
        Self {
            identifier,
            result_data,
            result_summary: tail.result_summary,
            status: tail.status,
            message: tail.message,
            exception_occured: tail.exception_occured,
            action_cancelled: tail.action_cancelled,
        }
    }

    /// Pretty JSON, as the local runner prints it.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).expect("a run result always serializes")
    }
}

/// The run message for a number of successful results: "1 action succeeded", "N actions succeeded".
pub fn succeeded_message(successes: usize) -> String {
    if successes == 1 {
        "1 action succeeded".to_owned()
    } else {
        format!("{successes} actions succeeded")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn object(value: Value) -> Map<String, Value> {
        match value {
            Value::Object(map) => map,
            _ => panic!("not an object"),
        }
    }

    #[test]
    fn writes_the_platform_key_order() {
        let mut result = ActionResult::new(object(json!({"domain": "amazon.com"})));
        result.add_data(json!({"registrar": "MarkMonitor, Inc."}));
        result.update_summary(object(json!({"organization": "Amazon Technologies, Inc."})));
        result.succeed_unless_set();
        let text = serde_json::to_string(&result).unwrap();
        assert_eq!(
            text,
            r#"{"data":[{"registrar":"MarkMonitor, Inc."}],"extra_data":[],"summary":{"organization":"Amazon Technologies, Inc."},"status":"success","message":"Organization: Amazon Technologies, Inc.","parameter":{"domain":"amazon.com"},"context":{}}"#
        );
    }

    #[test]
    fn summary_rendering() {
        assert_eq!(render_summary(&Map::new()), "");
        assert_eq!(
            render_summary(&object(
                json!({"total_domains": 3, "state": "ok", "tags": ["a"]})
            )),
            r#"Total domains: 3, State: ok, Tags: ["a"]"#
        );
    }

    #[test]
    fn an_explicit_message_wins_and_append_extends_it() {
        let mut result = ActionResult::new(Map::new());
        result.update_summary(object(json!({"a": 1})));
        result.set_status(Status::Failed, Some("Lookup failed"));
        result.append_to_message("(timeout)");
        assert_eq!(result.message(), "Lookup failed (timeout)");
        assert_eq!(result.final_status(), Status::Failed);
    }

    #[test]
    fn update_summary_returns_the_live_summary() {
        let mut result = ActionResult::new(Map::new());
        result
            .update_summary(Map::new())
            .insert("count".into(), json!(1));
        result.summary_mut().insert("more".into(), json!(2));
        assert_eq!(
            Value::Object(result.summary().clone()),
            json!({"count": 1, "more": 2})
        );
    }

    #[test]
    fn parameter_get_set_update() {
        let mut result = ActionResult::new(object(json!({"a": "1"})));
        result.update_parameter(object(json!({"b": 2})));
        assert_eq!(result.param("b"), Some(&json!(2)));
        result.set_parameter(object(json!({"c": true})));
        assert_eq!(
            Value::Object(result.parameter().clone()),
            json!({"c": true})
        );
    }

    #[test]
    fn debug_data_is_written_only_when_present() {
        let mut result = ActionResult::new(Map::new());
        assert!(
            !serde_json::to_string(&result)
                .unwrap()
                .contains("debug_data")
        );
        result.add_debug_data(json!("x"));
        result.add_extra_data(json!({"k": 1}));
        result.extend_data([json!(1), json!(2)]);
        let written: Value = serde_json::to_value(&result).unwrap();
        assert_eq!(written["debug_data"], json!(["x"]));
        assert_eq!(written["extra_data"], json!([{"k": 1}]));
        assert_eq!(written["data"], json!([1, 2]));
        assert_eq!(written["status"], json!("failed"));
    }

    #[test]
    fn succeeded_messages() {
        assert_eq!(succeeded_message(0), "0 actions succeeded");
        assert_eq!(succeeded_message(1), "1 action succeeded");
        assert_eq!(succeeded_message(2), "2 actions succeeded");
    }
}
