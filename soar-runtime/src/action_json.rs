//! The action JSON: what the platform hands a connector for one run (contract section 2).
//!
//! Only `identifier`, `config` and `parameters` matter to the lifecycle; everything else may
//! be absent, null or of an unexpected type, and unknown keys are ignored. Ids arrive as
//! numbers or as strings; both are accepted. A key whose value has the wrong type is read as
//! absent rather than failing the whole run; the lifecycle then reports what is missing.
//! `parameters` is the exception: one that is not a list fails the run saying so
//! ([`ActionJson::parameters_error`]), since reading it as absent would run the action with an
//! empty dict and blame a missing parameter.

use std::fmt;
use std::ops::ControlFlow;

use serde::de::{SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use crate::app_json::AppJson;
use crate::secret::Secret;

/// The start of the message of a run whose `parameters` is not a list.
pub const PARAMETERS_NOT_A_LIST: &str =
    "Invalid 'parameters' in the action JSON: it must be a list of objects, one per parameter dict";

/// The parsed action JSON of one run.
///
/// `Debug` shows neither the configuration nor the decryption key: both may hold secrets.
#[derive(Default, Deserialize)]
#[serde(default)]
pub struct ActionJson {
    /// The action's identifier (`whois_domain`); `None` when missing or not a string.
    #[serde(deserialize_with = "lenient")]
    pub identifier: Option<String>,
    /// The action's name (`whois domain`).
    #[serde(deserialize_with = "lenient")]
    pub action: Option<String>,
    /// The asset the action runs on.
    #[serde(deserialize_with = "lenient")]
    pub asset_id: Option<LooseId>,
    /// The container the action runs for.
    #[serde(deserialize_with = "lenient")]
    pub container_id: Option<LooseId>,
    /// The platform's id of this action run.
    #[serde(deserialize_with = "lenient")]
    pub action_run_id: Option<LooseId>,
    /// The platform's id of this connector run.
    #[serde(deserialize_with = "lenient")]
    pub connector_run_id: Option<LooseId>,
    /// The asset configuration as the platform sent it; `None` when missing or not an object.
    #[serde(deserialize_with = "lenient")]
    pub config: Option<Map<String, Value>>,
    /// The platform's debug level.
    #[serde(deserialize_with = "lenient")]
    pub debug_level: Option<LooseId>,
    /// The key the platform decrypts password fields with.
    #[serde(deserialize_with = "lenient")]
    pub dec_key: Option<Secret>,
    /// Environment variables for the run (proxies, among others).
    #[serde(deserialize_with = "lenient")]
    pub environment_variables: Option<Map<String, Value>>,
    /// The parameter dicts as raw JSON text, parsed one at a time when the run reaches them
    /// (see [`ActionJson::for_each_parameter_dict`]); `None` when missing or null. A value that
    /// is not a list is kept, so that the run can say what it is
    /// ([`ActionJson::parameters_error`]).
    #[serde(deserialize_with = "raw_unless_null")]
    pub parameters: Option<Box<RawValue>>,
}

impl ActionJson {
    /// Parses an action JSON document. Fails only when the text is not JSON or not an object.
    pub fn from_json_str(text: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(text)
    }

    /// Parses an action JSON document from bytes (see [`ActionJson::from_json_str`]).
    pub fn from_json_slice(bytes: &[u8]) -> Result<Self, serde_json::Error> {
        serde_json::from_slice(bytes)
    }

    /// The action JSON of a run started by hand rather than by the platform (the local
    /// runner's `action` and `poll` commands, [`crate::testing::ActionTest`]): `config`
    /// completed with the app JSON's defaults ([`crate::config::fill_defaults`], as the
    /// platform's asset form saves an asset), and the parameter dicts as given.
    pub fn for_local_run(
        app: &AppJson,
        identifier: &str,
        mut config: Map<String, Value>,
        asset_id: Option<&str>,
        dicts: Vec<Value>,
    ) -> Self {
        crate::config::fill_defaults(&mut config, app);
        let action = app
            .actions
            .iter()
            .find(|action| action.identifier == identifier)
            .map(|action| action.action.clone());
        Self {
            identifier: Some(identifier.to_owned()),
            action,
            asset_id: asset_id.map(|id| LooseId::Text(id.to_owned())),
            config: Some(config),
            parameters: Some(
                serde_json::value::to_raw_value(&dicts)
                    .expect("a list of JSON values always serializes"),
            ),
            ..Self::default()
        }
    }

    /// Why `parameters` holds no parameter dicts although it is there: the run's message for
    /// a value that is not a list (`{"domain": "x.com"}`, a string, a number). `None` when it
    /// is a list, missing or null.
    pub fn parameters_error(&self) -> Option<String> {
        let what = match self.parameters.as_deref()?.get().as_bytes().first()? {
            b'[' => return None,
            b'{' => "an object",
            b'"' => "a string",
            b't' | b'f' => "a boolean",
            _ => "a number",
        };
        Some(format!("{PARAMETERS_NOT_A_LIST}, not {what}"))
    }

    /// Calls `each` with the parameter dicts in order, parsing one at a time, so that a run of
    /// many dicts holds only the one it handles; stops early when `each` breaks. Calls nothing
    /// when `parameters` is missing, not a list or empty.
    pub fn for_each_parameter_dict(&self, each: impl FnMut(Value) -> ControlFlow<()>) {
        let Some(raw) = self.parameters.as_deref() else {
            return;
        };
        if !raw.get().starts_with('[') {
            return;
        }
        let mut deserializer = serde_json::Deserializer::from_str(raw.get());
        // The text was checked to be a JSON list when the action JSON was read, so the only
        // error here is the unread rest of the list after an early stop.
        let _ = deserializer.deserialize_seq(EachElement(each));
    }

    /// The environment variables of the run as name/value pairs: the platform writes each as
    /// `{"type": ..., "value": ...}`; a plain string value is accepted too.
    pub fn environment(&self) -> Vec<(String, String)> {
        self.environment_variables
            .as_ref()
            .map(environment_pairs)
            .unwrap_or_default()
    }
}

/// Environment variables as name/value pairs, from the platform's
/// `{"NAME": {"type": ..., "value": ...}}` shape (a plain string value is accepted too);
/// entries without a string value are skipped.
pub(crate) fn environment_pairs(vars: &Map<String, Value>) -> Vec<(String, String)> {
    vars.iter()
        .filter_map(|(name, entry)| {
            let value = match entry {
                Value::String(text) => text,
                Value::Object(fields) => fields.get("value")?.as_str()?,
                _ => return None,
            };
            Some((name.clone(), value.to_owned()))
        })
        .collect()
}

impl fmt::Debug for ActionJson {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ActionJson")
            .field("identifier", &self.identifier)
            .field("action", &self.action)
            .field("asset_id", &self.asset_id)
            .field("container_id", &self.container_id)
            .field("config_keys", &self.config.as_ref().map(Map::len))
            .field("has_parameters", &self.parameters.is_some())
            .finish_non_exhaustive()
    }
}

/// An id the platform sends as a number in one place and as a string in another.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum LooseId {
    /// Sent as a JSON integer.
    Number(i64),
    /// Sent as a JSON string.
    Text(String),
}

impl LooseId {
    /// The id as an integer, when it is one (also when sent as a string of digits).
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            LooseId::Number(n) => Some(*n),
            LooseId::Text(text) => text.trim().parse().ok(),
        }
    }
}

impl fmt::Display for LooseId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LooseId::Number(n) => write!(f, "{n}"),
            LooseId::Text(text) => f.write_str(text),
        }
    }
}

/// Hands each element of a JSON list to a closure as it is parsed.
struct EachElement<F>(F);

impl<'de, F: FnMut(Value) -> ControlFlow<()>> Visitor<'de> for EachElement<F> {
    type Value = ();

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a list of parameter dicts")
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<(), A::Error> {
        while let Some(element) = seq.next_element::<Value>()? {
            if (self.0)(element).is_break() {
                break;
            }
        }
        Ok(())
    }
}

/// Reads a value as raw text, or `None` when it is null.
fn raw_unless_null<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Box<RawValue>>, D::Error> {
    let raw = Box::<RawValue>::deserialize(deserializer)?;
    Ok((raw.get() != "null").then_some(raw))
}

/// Reads a value of type `T`, or `None` when the value is null or of another type.
fn lenient<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: serde::de::DeserializeOwned,
{
    let value = Value::deserialize(deserializer)?;
    Ok(serde_json::from_value(value).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_contract_example_and_ignores_unknown_keys() {
        let input = ActionJson::from_json_str(
            r#"{"action": "whois domain", "identifier": "whois_domain", "asset_id": "10",
                "container_id": 42, "action_run_id": 1234, "connector_run_id": 5678,
                "app_config": null, "config": {"whois_server": " x "}, "debug_level": 3,
                "dec_key": "10", "environment_variables": {"HTTPS_PROXY": {"type": "string", "value": "http://p:3128"}},
                "parameters": [{"domain": "amazon.com"}], "user_session_token": "", "unknown": [1]}"#,
        )
        .unwrap();
        assert_eq!(input.identifier.as_deref(), Some("whois_domain"));
        assert_eq!(input.asset_id, Some(LooseId::Text("10".into())));
        assert_eq!(
            input.container_id.as_ref().and_then(LooseId::as_i64),
            Some(42)
        );
        assert_eq!(
            dicts(&input),
            vec![serde_json::json!({"domain": "amazon.com"})]
        );
        assert_eq!(
            input.environment(),
            vec![("HTTPS_PROXY".to_owned(), "http://p:3128".to_owned())]
        );
    }

    fn dicts(input: &ActionJson) -> Vec<Value> {
        let mut seen = Vec::new();
        input.for_each_parameter_dict(|dict| {
            seen.push(dict);
            ControlFlow::Continue(())
        });
        seen
    }

    #[test]
    fn parameter_dicts_come_one_at_a_time_and_can_stop_early() {
        let input =
            ActionJson::from_json_str(r#"{"parameters": [{"a": 1}, 2, {"b": [3]}, {}]}"#).unwrap();
        assert_eq!(dicts(&input).len(), 4);
        let mut seen = Vec::new();
        input.for_each_parameter_dict(|dict| {
            seen.push(dict);
            if seen.len() == 2 {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        });
        assert_eq!(
            seen,
            vec![serde_json::json!({"a": 1}), serde_json::json!(2)]
        );
    }

    #[test]
    fn wrong_types_read_as_absent() {
        let input = ActionJson::from_json_str(
            r#"{"identifier": 7, "config": [], "parameters": null, "asset_id": true}"#,
        )
        .unwrap();
        assert_eq!(input.identifier, None);
        assert!(input.config.is_none());
        assert!(input.parameters.is_none());
        assert!(dicts(&input).is_empty());
        assert!(input.asset_id.is_none());
        assert_eq!(input.parameters_error(), None);
    }

    #[test]
    fn parameters_that_are_not_a_list_say_what_they_are() {
        for (parameters, what) in [
            (r#"{"domain": "x.com"}"#, "an object"),
            (r#""domain=x.com""#, "a string"),
            ("12", "a number"),
            ("-1.5", "a number"),
            ("true", "a boolean"),
        ] {
            let input =
                ActionJson::from_json_str(&format!(r#"{{"parameters": {parameters}}}"#)).unwrap();
            assert_eq!(
                input.parameters_error(),
                Some(format!("{PARAMETERS_NOT_A_LIST}, not {what}")),
                "{parameters}"
            );
            assert!(dicts(&input).is_empty(), "{parameters}");
        }
        let listed = ActionJson::from_json_str(r#"{"parameters": [{"domain": "x.com"}]}"#).unwrap();
        assert_eq!(listed.parameters_error(), None);
    }

    #[test]
    fn debug_hides_config_and_key() {
        let input = ActionJson::from_json_str(
            r#"{"identifier": "x", "config": {"password": "canary-123"}, "dec_key": "canary-456"}"#,
        )
        .unwrap();
        let shown = format!("{input:?}");
        assert!(!shown.contains("canary"), "{shown}");
    }

    #[test]
    fn not_json_is_an_error_with_position() {
        let error = ActionJson::from_json_str("{\n  \"identifier\": }").unwrap_err();
        assert_eq!(error.line(), 2);
    }
}
