//! Defaults of configuration fields and parameters: do they fit the type and the value list?

use serde_json::Value;

use crate::validate::finding::{Finding, Rule};
use crate::validate::pointer::Pointer;
use crate::{DataType, DefaultValue};

/// Checks the `default` of a field (at `at`) of `data_type` against that type and against the
/// field's `value_list` (rules [`Rule::DefaultType`], [`Rule::DefaultNotInValueList`]).
pub(super) fn check(
    data_type: &DataType,
    default: Option<&DefaultValue>,
    value_list: Option<&[Value]>,
    at: &Pointer,
    findings: &mut Vec<Finding>,
) {
    let Some(default) = default else {
        return;
    };
    let at_default = at.child("default");
    if let Some(problem) = misfit(data_type, default) {
        findings.push(Finding::new(Rule::DefaultType, &at_default, problem));
    }
    if let Some(values) = value_list
        && !values.is_empty()
        && !values.contains(&default.to_value())
    {
        let message = format!(
            "the default {} is not in the value list",
            default.to_value()
        );
        findings.push(Finding::new(
            Rule::DefaultNotInValueList,
            &at_default,
            message,
        ));
    }
}

/// Why `default` does not fit `data_type`, if it does not.
fn misfit(data_type: &DataType, default: &DefaultValue) -> Option<String> {
    let problem = match (data_type, default) {
        (_, DefaultValue::Other(value)) => {
            format!("the default is {value}, not a string, number or boolean")
        }
        (DataType::Numeric | DataType::Boolean, DefaultValue::Text(text)) if text.is_empty() => {
            format!("an empty default for a {data_type} field")
        }
        (DataType::Numeric, DefaultValue::Text(text)) if text.trim().parse::<f64>().is_ok() => {
            format!("a numeric default written as text: {text:?}")
        }
        (DataType::Boolean, DefaultValue::Text(text))
            if text.eq_ignore_ascii_case("true") || text.eq_ignore_ascii_case("false") =>
        {
            format!("a boolean default written as text: {text:?}")
        }
        (DataType::Numeric, DefaultValue::Number(_))
        | (DataType::Boolean, DefaultValue::Bool(_))
        | (
            DataType::String | DataType::Password | DataType::Timezone | DataType::File,
            DefaultValue::Text(_),
        )
        | (DataType::Ph | DataType::Other(_), _) => return None,
        (_, other) => format!("a {data_type} field with the default {}", other.to_value()),
    };
    Some(problem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fitting_defaults() {
        let fits = [
            (DataType::Numeric, DefaultValue::from(10)),
            (DataType::Boolean, DefaultValue::from(false)),
            (DataType::String, DefaultValue::from("x")),
            (DataType::Password, DefaultValue::from("")),
            (DataType::Timezone, DefaultValue::from("UTC")),
        ];
        for (data_type, default) in fits {
            assert_eq!(
                misfit(&data_type, &default),
                None,
                "{data_type} {default:?}"
            );
        }
    }

    #[test]
    fn sloppy_defaults() {
        let misfits = [
            (DataType::Numeric, DefaultValue::from("")),
            (DataType::Numeric, DefaultValue::from("636")),
            (DataType::Numeric, DefaultValue::from("ten")),
            (DataType::Boolean, DefaultValue::from("False")),
            (DataType::Boolean, DefaultValue::from("")),
            (DataType::String, DefaultValue::from(true)),
            (DataType::String, DefaultValue::Other(Value::Null)),
        ];
        for (data_type, default) in misfits {
            assert!(
                misfit(&data_type, &default).is_some(),
                "{data_type} {default:?}"
            );
        }
    }
}
