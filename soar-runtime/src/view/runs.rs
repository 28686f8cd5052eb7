//! What a view receives: the app runs the widget shows, each with its action results read as
//! the action's own types where they still fit ([`Fit`]) and kept as raw JSON where they no
//! longer do ([`Unfit`]: a result written by an older version of the app, say).
//!
//! The runs arrive as the JSON *payload* that the bundle's view module (or the local `view`
//! command) builds from the platform's `all_app_runs`: a list of
//! `{"summary": {...}, "results": [{"parameter", "data", "summary", "status", "message"}]}`.

use serde::de::{DeserializeOwned, IgnoredAny};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::result::Status;

/// The parameter dict of a result, for a view that does not read it as a type of its own.
pub type Parameters = Map<String, Value>;

/// The data or summary type of an action that writes none: it reads from whatever a result
/// holds there.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Nothing;

/// Written as `null`, so that a view of any data, such as [`super::parts::default_table`], also
/// shows the results of an action that writes none (their status and message).
impl Serialize for Nothing {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_unit()
    }
}

impl<'de> Deserialize<'de> for Nothing {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        IgnoredAny::deserialize(deserializer).map(|_| Self)
    }
}

/// One app run that the widget shows: one run of the action, with its results.
#[derive(Debug, Clone, PartialEq)]
pub struct AppRun<D, S = Nothing, P = Parameters> {
    /// The run's status, when the platform's summary of the run says it.
    pub status: Option<Status>,
    /// The run's message, when the platform's summary of the run says it.
    pub message: Option<String>,
    /// The platform's summary of the run (`total_objects`, `total_objects_successful`, and what
    /// the connector added), as given.
    pub summary: Map<String, Value>,
    /// One entry per parameter dict the run handled, in order.
    pub results: Vec<ViewResult<D, S, P>>,
}

/// One action result of a run: read as the action's types, or raw.
#[derive(Debug, Clone, PartialEq)]
pub enum ViewResult<D, S = Nothing, P = Parameters> {
    /// The result fits the action's types.
    Fit(Fit<D, S, P>),
    /// The result does not fit them (an older app version wrote it, say): shown raw.
    Unfit(Box<Unfit>),
}

/// An action result read as the action's types.
#[derive(Debug, Clone, PartialEq)]
pub struct Fit<D, S = Nothing, P = Parameters> {
    /// The parameter dict the result acted on.
    pub parameter: P,
    /// The data items (empty for a failed result, usually).
    pub data: Vec<D>,
    /// The result's summary.
    pub summary: S,
    /// Whether the result succeeded.
    pub status: Status,
    /// The result's message.
    pub message: String,
}

/// An action result whose parameter, data or summary no longer fits the action's types.
#[derive(Debug, Clone, PartialEq)]
pub struct Unfit {
    /// The parameter dict, as stored.
    pub parameter: Value,
    /// The data items, as stored.
    pub data: Value,
    /// The summary, as stored.
    pub summary: Value,
    /// Whether the result succeeded.
    pub status: Status,
    /// The result's message.
    pub message: String,
    /// Why it does not fit ("data item 1: missing field `registrar`").
    pub reason: String,
}

impl<D, S, P> AppRun<D, S, P> {
    /// The results that fit, in order.
    pub fn fits(&self) -> impl Iterator<Item = &Fit<D, S, P>> {
        self.results.iter().filter_map(|result| match result {
            ViewResult::Fit(fit) => Some(fit),
            ViewResult::Unfit(_) => None,
        })
    }
}

/// The payload's form of one run, before typing.
#[derive(Debug, Deserialize)]
struct RawRun {
    #[serde(default)]
    summary: Map<String, Value>,
    #[serde(default)]
    results: Vec<RawResult>,
}

/// The payload's form of one result, before typing.
#[derive(Debug, Deserialize)]
struct RawResult {
    #[serde(default)]
    parameter: Value,
    #[serde(default)]
    data: Value,
    #[serde(default)]
    summary: Value,
    #[serde(default)]
    status: Value,
    #[serde(default)]
    message: Value,
}

/// Reads the payload as typed runs. Only a payload that is not a list of runs is an error; a
/// result that does not fit the types becomes [`ViewResult::Unfit`].
pub fn read_runs<D, S, P>(payload: &str) -> Result<Vec<AppRun<D, S, P>>, String>
where
    D: DeserializeOwned,
    S: DeserializeOwned,
    P: DeserializeOwned,
{
    let raw: Vec<RawRun> = serde_json::from_str(payload)
        .map_err(|error| format!("the app runs are not a list of runs: {error}"))?;
    Ok(raw.into_iter().map(typed_run).collect())
}

fn typed_run<D, S, P>(raw: RawRun) -> AppRun<D, S, P>
where
    D: DeserializeOwned,
    S: DeserializeOwned,
    P: DeserializeOwned,
{
    AppRun {
        status: raw.summary.get("status").and_then(status_of),
        message: raw
            .summary
            .get("message")
            .and_then(Value::as_str)
            .map(str::to_owned),
        results: raw.results.into_iter().map(typed_result).collect(),
        summary: raw.summary,
    }
}

fn typed_result<D, S, P>(raw: RawResult) -> ViewResult<D, S, P>
where
    D: DeserializeOwned,
    S: DeserializeOwned,
    P: DeserializeOwned,
{
    let status = status_of(&raw.status).unwrap_or(Status::Failed);
    let message = match &raw.message {
        Value::String(text) => text.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    };
    match fit(&raw) {
        Ok((parameter, data, summary)) => ViewResult::Fit(Fit {
            parameter,
            data,
            summary,
            status,
            message,
        }),
        Err(reason) => ViewResult::Unfit(Box::new(Unfit {
            parameter: raw.parameter,
            data: raw.data,
            summary: raw.summary,
            status,
            message,
            reason,
        })),
    }
}

/// The result's parts as the types, or why they do not fit.
fn fit<D, S, P>(raw: &RawResult) -> Result<(P, Vec<D>, S), String>
where
    D: DeserializeOwned,
    S: DeserializeOwned,
    P: DeserializeOwned,
{
    let parameter = P::deserialize(object_or_empty(&raw.parameter))
        .map_err(|error| format!("parameter: {error}"))?;
    let items = match &raw.data {
        Value::Null => &[][..],
        Value::Array(items) => items.as_slice(),
        _ => return Err("data: not a list".to_owned()),
    };
    let data = items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            D::deserialize(item).map_err(|error| format!("data item {}: {error}", index + 1))
        })
        .collect::<Result<Vec<D>, String>>()?;
    let summary = S::deserialize(object_or_empty(&raw.summary))
        .map_err(|error| format!("summary: {error}"))?;
    Ok((parameter, data, summary))
}

/// A missing dict (`null`) reads as an empty one.
fn object_or_empty(value: &Value) -> Value {
    match value {
        Value::Null => Value::Object(Map::new()),
        other => other.clone(),
    }
}

/// A status as the platform stores it: `"success"` or `"failed"` (`"failure"`, `"error"`), or
/// `True` and `False` as `ActionResult.get_status()` returns them.
fn status_of(value: &Value) -> Option<Status> {
    match value {
        Value::Bool(true) => Some(Status::Success),
        Value::Bool(false) => Some(Status::Failed),
        Value::String(text) => match text.to_ascii_lowercase().as_str() {
            "success" | "succeeded" => Some(Status::Success),
            "failed" | "failure" | "error" => Some(Status::Failed),
            _ => None,
        },
        _ => None,
    }
}

/// The payload of connector run results (what `<connector> run` prints), one app run each:
/// the run's `result_summary` with its `status` and `message` as the run's summary, its
/// `result_data` as the results.
pub fn payload_of_run_results(runs: &[Value]) -> String {
    let runs: Vec<Value> = runs
        .iter()
        .map(|run| {
            let mut summary = run
                .get("result_summary")
                .and_then(Value::as_object)
                .cloned()
                .unwrap_or_default();
            for key in ["status", "message"] {
                if let Some(value) = run.get(key) {
                    summary.insert(key.to_owned(), value.clone());
                }
            }
            let results = run
                .get("result_data")
                .cloned()
                .unwrap_or(Value::Array(Vec::new()));
            serde_json::json!({"summary": summary, "results": results})
        })
        .collect();
    Value::Array(runs).to_string()
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;
    use serde_json::json;

    use super::*;

    #[derive(Debug, PartialEq, Deserialize)]
    struct Item {
        name: String,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    struct Totals {
        count: u32,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    struct Param {
        domain: String,
    }

    fn runs(payload: Value) -> Vec<AppRun<Item, Totals, Param>> {
        read_runs(&payload.to_string()).unwrap()
    }

    #[test]
    fn results_that_fit_are_typed() {
        let runs = runs(json!([{
            "summary": {"total_objects": 1, "total_objects_successful": 1, "status": "success"},
            "results": [{
                "parameter": {"domain": "example.com", "context": {"artifact_id": 1}},
                "data": [{"name": "a"}], "summary": {"count": 1},
                "status": "success", "message": "Count: 1",
            }],
        }]));
        assert_eq!(runs[0].status, Some(Status::Success));
        assert_eq!(runs[0].message, None);
        let fit = runs[0].fits().next().unwrap();
        assert_eq!(fit.parameter.domain, "example.com");
        assert_eq!(fit.data, [Item { name: "a".into() }]);
        assert_eq!(fit.summary, Totals { count: 1 });
        assert_eq!(
            (fit.status, fit.message.as_str()),
            (Status::Success, "Count: 1")
        );
    }

    #[test]
    fn a_result_of_another_shape_is_unfit_and_says_why() {
        let runs = runs(json!([{
            "results": [{
                "parameter": {"domain": "example.com"},
                "data": [{"name": "a"}, {"title": "old"}], "summary": {"count": 2},
                "status": true, "message": "",
            }],
        }]));
        let ViewResult::Unfit(unfit) = &runs[0].results[0] else {
            panic!("fits: {:?}", runs[0].results[0]);
        };
        assert!(
            unfit
                .reason
                .starts_with("data item 2: missing field `name`"),
            "{}",
            unfit.reason
        );
        assert_eq!(unfit.data, json!([{"name": "a"}, {"title": "old"}]));
        assert_eq!(unfit.status, Status::Success);
    }

    #[test]
    fn failed_and_empty_results_fit_when_their_parts_do() {
        let runs: Vec<AppRun<Item>> = read_runs(
            &json!([{"results": [
                {"parameter": {}, "data": [], "summary": {}, "status": false, "message": "No such domain"},
                {"parameter": null, "data": null, "summary": null, "status": "failed", "message": null},
            ]}])
            .to_string(),
        )
        .unwrap();
        let fits: Vec<_> = runs[0].fits().collect();
        assert_eq!(fits.len(), 2);
        assert_eq!(fits[0].status, Status::Failed);
        assert_eq!(fits[0].message, "No such domain");
        assert!(fits[1].data.is_empty());
        assert_eq!(fits[1].message, "");
    }

    #[test]
    fn run_results_become_app_runs() {
        let payload = payload_of_run_results(&[json!({
            "identifier": "lookup",
            "result_data": [{"data": [{"name": "a"}], "extra_data": [], "summary": {"count": 1},
                "status": "success", "message": "Count: 1", "parameter": {"domain": "a.example"},
                "context": {}}],
            "result_summary": {"total_objects": 1, "total_objects_successful": 1},
            "status": "failed", "message": "1 action failed", "exception_occured": false,
        })]);
        let runs: Vec<AppRun<Item, Totals, Param>> = read_runs(&payload).unwrap();
        assert_eq!(runs[0].status, Some(Status::Failed));
        assert_eq!(runs[0].message.as_deref(), Some("1 action failed"));
        assert_eq!(runs[0].summary["total_objects"], 1);
        assert_eq!(runs[0].fits().next().unwrap().parameter.domain, "a.example");
    }

    #[test]
    fn a_payload_that_is_no_list_of_runs_is_an_error() {
        let error = read_runs::<Item, Nothing, Parameters>("{}").unwrap_err();
        assert!(
            error.starts_with("the app runs are not a list of runs"),
            "{error}"
        );
        assert!(
            read_runs::<Item, Nothing, Parameters>("[]")
                .unwrap()
                .is_empty()
        );
    }
}
