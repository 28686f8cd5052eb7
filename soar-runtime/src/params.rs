//! Parameter dicts: cleansing, the required check, the stock contains rule, `allow_list`
//! splitting and typed extraction (contract sections 1 and 4, the Decisions of `design.md`).

use serde_json::{Map, Value};

use crate::app_json::Action;
use crate::contains::Validators;
use crate::error::ActionError;
use crate::values::Param;

/// The key of a parameter dict that carries the platform's context rather than a parameter.
pub const CONTEXT_KEY: &str = "context";

/// Splits an `allow_list` value on commas: items trimmed, empty items dropped.
pub fn split_list(value: &str) -> impl Iterator<Item = &str> {
    value
        .split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
}

/// Looks a parameter up. Parameter dicts are small, and a scan of a few keys is several times
/// cheaper than hashing the name; larger dicts use the map's index.
fn lookup<'a>(params: &'a Map<String, Value>, name: &str) -> Option<&'a Value> {
    const SCAN_BELOW: usize = 8;
    if params.len() < SCAN_BELOW {
        params
            .iter()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| value)
    } else {
        params.get(name)
    }
}

/// Separates the `context` of a raw parameter dict and cleans the rest: strings stripped, empty
/// values dropped. Returns the cleaned parameters and the context (`{}` when absent).
pub(crate) fn clean(mut raw: Map<String, Value>) -> (Map<String, Value>, Map<String, Value>) {
    let context = if lookup(&raw, CONTEXT_KEY).is_some() {
        match raw.shift_remove(CONTEXT_KEY) {
            Some(Value::Object(context)) => context,
            _ => Map::new(),
        }
    } else {
        Map::new()
    };
    crate::config::strip_and_drop_empty(&mut raw);
    (raw, context)
}

/// The first required parameter of `action` that `params` lacks. An `allow_list` parameter
/// whose value holds no item (`" , "`) counts as missing.
pub(crate) fn first_missing_required<'a>(
    action: &'a Action,
    params: &Map<String, Value>,
) -> Option<&'a str> {
    action
        .parameters
        .iter()
        .filter(|(_, spec)| spec.is_required())
        .find(|(name, spec)| match lookup(params, name) {
            None => true,
            Some(Value::String(text)) if spec.is_allow_list() => split_list(text).next().is_none(),
            Some(_) => false,
        })
        .map(|(name, _)| name.as_str())
}

/// The platform's stock contains rule (contract section 4) for every parameter of `action` that
/// declares a `contains`: the whole value, or each item of an `allow_list` value, must be
/// accepted by `validators`. Fails with `Parameter '<name>' failed validation`.
pub fn validate_contains(
    validators: &Validators,
    action: &Action,
    params: &Map<String, Value>,
) -> Result<(), ActionError> {
    for (name, spec) in &action.parameters {
        let contains = spec.contains();
        if contains.is_empty() {
            continue;
        }
        let Some(value) = lookup(params, name) else {
            continue;
        };
        let accepted = match value {
            Value::String(text) if spec.is_allow_list() => {
                split_list(text).all(|item| validators.accepts(contains, item))
            }
            Value::String(text) => validators.accepts(contains, text),
            other => validators.accepts(contains, &other.to_string()),
        };
        if !accepted {
            return Err(ActionError::failed_validation(name));
        }
    }
    Ok(())
}

/// A required parameter parsed into its type.
pub fn required<T: Param>(params: &Map<String, Value>, name: &str) -> Result<T, ActionError> {
    optional(params, name)?.ok_or_else(|| ActionError::missing_parameter(name))
}

/// An optional parameter parsed into its type; `None` when absent.
pub fn optional<T: Param>(
    params: &Map<String, Value>,
    name: &str,
) -> Result<Option<T>, ActionError> {
    lookup(params, name)
        .map(|value| {
            T::from_param(value).map_err(|reason| ActionError::invalid_parameter(name, reason))
        })
        .transpose()
}

/// An `allow_list` parameter: split on commas and each item parsed; empty when absent.
pub fn list<T: Param>(params: &Map<String, Value>, name: &str) -> Result<Vec<T>, ActionError> {
    let parse = |item: &Value| {
        T::from_param(item).map_err(|reason| ActionError::invalid_parameter(name, reason))
    };
    match lookup(params, name) {
        None => Ok(Vec::new()),
        Some(Value::String(text)) => split_list(text)
            .map(|item| parse(&Value::String(item.to_owned())))
            .collect(),
        Some(Value::Array(items)) => items.iter().map(parse).collect(),
        Some(other) => parse(other).map(|item| vec![item]),
    }
}

/// The type of an action parameter argument: a [`Param`] type (required), an `Option` of one
/// (not required), a `Vec` of one (an `allow_list` value: split on commas, each item parsed), or
/// an `Option` of such a `Vec`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be used as an action parameter",
    label = "not a parameter type",
    note = "a parameter is a `Param` type (String, integers, floats, bool, Secret, the typed values of `soar_runtime::values`), an `Option` of one, a `Vec` of one for a comma-separated list, or a `Spacer`"
)]
pub trait ActionParam: Sized {
    /// Whether a parameter dict must hold the parameter.
    const REQUIRED: bool;
    /// Whether the value is a comma-separated list.
    const ALLOW_LIST: bool;
    /// The platform `data_type` of the parameter.
    const DATA_TYPE: &'static str;
    /// The `contains` the type brings.
    const CONTAINS: &'static [&'static str];

    /// Takes the parameter out of a cleaned and validated parameter dict.
    fn extract(params: &Map<String, Value>, name: &str) -> Result<Self, ActionError>;
}

impl<T: Param> ActionParam for T {
    const REQUIRED: bool = true;
    const ALLOW_LIST: bool = false;
    const DATA_TYPE: &'static str = T::DATA_TYPE;
    const CONTAINS: &'static [&'static str] = T::CONTAINS;

    fn extract(params: &Map<String, Value>, name: &str) -> Result<Self, ActionError> {
        required(params, name)
    }
}

impl<T: Param> ActionParam for Option<T> {
    const REQUIRED: bool = false;
    const ALLOW_LIST: bool = false;
    const DATA_TYPE: &'static str = T::DATA_TYPE;
    const CONTAINS: &'static [&'static str] = T::CONTAINS;

    fn extract(params: &Map<String, Value>, name: &str) -> Result<Self, ActionError> {
        optional(params, name)
    }
}

impl<T: Param> ActionParam for Vec<T> {
    const REQUIRED: bool = true;
    const ALLOW_LIST: bool = true;
    const DATA_TYPE: &'static str = T::DATA_TYPE;
    const CONTAINS: &'static [&'static str] = T::CONTAINS;

    fn extract(params: &Map<String, Value>, name: &str) -> Result<Self, ActionError> {
        let items = list(params, name)?;
        if items.is_empty() {
            return Err(ActionError::missing_parameter(name));
        }
        Ok(items)
    }
}

impl<T: Param> ActionParam for Option<Vec<T>> {
    const REQUIRED: bool = false;
    const ALLOW_LIST: bool = true;
    const DATA_TYPE: &'static str = T::DATA_TYPE;
    const CONTAINS: &'static [&'static str] = T::CONTAINS;

    fn extract(params: &Map<String, Value>, name: &str) -> Result<Self, ActionError> {
        let items = list(params, name)?;
        Ok((!items.is_empty()).then_some(items))
    }
}

/// A placeholder in the action's form (a `ph` parameter, as in the asset form): never required,
/// never a value.
impl ActionParam for crate::asset::Spacer {
    const REQUIRED: bool = false;
    const ALLOW_LIST: bool = false;
    const DATA_TYPE: &'static str = "ph";
    const CONTAINS: &'static [&'static str] = &[];

    fn extract(_: &Map<String, Value>, _: &str) -> Result<Self, ActionError> {
        Ok(Self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn action() -> Action {
        serde_json::from_value(json!({
            "action": "block ip", "identifier": "block_ip", "description": "Block an IP",
            "type": "contain", "read_only": false, "parameters": {
                "ip": {"data_type": "string", "required": true, "contains": ["ip"], "allow_list": true},
                "note": {"data_type": "string", "contains": ["vendor ticket id"]},
                "count": {"data_type": "numeric"}}}))
        .unwrap()
    }

    fn map(value: Value) -> Map<String, Value> {
        value.as_object().unwrap().clone()
    }

    #[test]
    fn split_list_trims_and_drops_empty_items() {
        assert_eq!(
            split_list(" 1.2.3.4 ,, 5.6.7.8,").collect::<Vec<_>>(),
            ["1.2.3.4", "5.6.7.8"]
        );
        assert_eq!(split_list(" , ").count(), 0);
    }

    #[test]
    fn clean_separates_context_and_drops_empties() {
        let (params, context) = clean(map(
            json!({"ip": " 1.2.3.4 ", "note": "", "context": {"guid": "g"}}),
        ));
        assert_eq!(Value::Object(params), json!({"ip": "1.2.3.4"}));
        assert_eq!(Value::Object(context), json!({"guid": "g"}));
    }

    #[test]
    fn required_check_treats_an_empty_list_as_missing() {
        let action = action();
        assert_eq!(first_missing_required(&action, &map(json!({}))), Some("ip"));
        assert_eq!(
            first_missing_required(&action, &map(json!({"ip": ", ,"}))),
            Some("ip")
        );
        assert_eq!(
            first_missing_required(&action, &map(json!({"ip": "1.2.3.4"}))),
            None
        );
    }

    #[test]
    fn contains_rule_checks_each_list_item_and_accepts_unvalidated_types() {
        let action = action();
        let validators = Validators::stock();
        let check = |params: Value| validate_contains(&validators, &action, &map(params));
        assert!(check(json!({"ip": "1.2.3.4, 5.6.7.8"})).is_ok());
        assert_eq!(
            check(json!({"ip": "1.2.3.4, 5.6.7"}))
                .unwrap_err()
                .message(),
            "Parameter 'ip' failed validation"
        );
        assert!(check(json!({"ip": "1.2.3.4", "note": "anything at all"})).is_ok());
    }

    #[test]
    fn typed_extraction_names_the_parameter() {
        let params = map(json!({"count": "12", "bad": "x", "ids": "1, 2,3"}));
        assert_eq!(required::<i64>(&params, "count").unwrap(), 12);
        assert_eq!(optional::<i64>(&params, "absent").unwrap(), None);
        assert_eq!(
            required::<i64>(&params, "absent").unwrap_err().message(),
            "Required parameter 'absent' is missing"
        );
        assert!(
            required::<i64>(&params, "bad")
                .unwrap_err()
                .message()
                .starts_with("Parameter 'bad' failed validation: ")
        );
        assert_eq!(list::<i64>(&params, "ids").unwrap(), vec![1, 2, 3]);
        assert_eq!(list::<i64>(&params, "absent").unwrap(), Vec::<i64>::new());
    }
}
