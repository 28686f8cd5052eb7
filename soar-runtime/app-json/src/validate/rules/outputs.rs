//! Contract rules on the output of one action.

use std::collections::{BTreeSet, HashMap};

use super::sequence;
use crate::validate::finding::{Finding, Rule};
use crate::validate::pointer::Pointer;
use crate::{Action, OutputEntry};

/// The data-path prefix of the outputs that echo parameters.
const PARAMETER_PREFIX: &str = "action_result.parameter.";

/// Checks the output entries of `action` (at `at`).
pub(super) fn check(action: &Action, at: &Pointer, findings: &mut Vec<Finding>) {
    let at = at.child("output");
    entries(action, &at, findings);
    columns(action, &at, findings);
    if !action.is_test_connectivity() && !action.is_on_poll() {
        standard(action, &at, findings);
        parameter_outputs(action, &at, findings);
    }
}

/// Each entry alone: its data path, its type, and whether its path came before.
fn entries(action: &Action, at: &Pointer, findings: &mut Vec<Finding>) {
    let mut seen = HashMap::new();
    for (index, entry) in action.output.iter().enumerate() {
        let at = at.child(index);
        let path = entry.data_path.as_str();
        if !path.starts_with("action_result.") && !path.starts_with("summary.") {
            let message = format!(
                "the data path {path:?} starts neither with `action_result.` nor with `summary.`"
            );
            findings.push(Finding::new(
                Rule::DataPath,
                &at.child("data_path"),
                message,
            ));
        }
        if let Some(first) = seen.insert(path, index) {
            let message =
                format!("the data path {path:?} is listed again (first at index {first})");
            findings.push(Finding::new(Rule::DuplicateDataPath, &at, message));
        }
        let data_type = entry.data_type.as_str();
        // A parameter's entry has the parameter's data type, a placeholder's `ph` included.
        let parameter_type = path
            .strip_prefix("action_result.parameter.")
            .and_then(|name| action.parameters.get(name))
            .map(|parameter| parameter.data_type.as_str());
        if !soar_vocab::OUTPUT_DATA_TYPES.contains(&data_type) && parameter_type != Some(data_type)
        {
            let message = format!(
                "the output data type {data_type:?} is not one of string, numeric, boolean"
            );
            findings.push(Finding::new(
                Rule::UnusualDataType,
                &at.child("data_type"),
                message,
            ));
        }
    }
}

/// The table columns: `column_name` and `column_order` come together, orders run 0..n-1, and
/// are written as integers.
fn columns(action: &Action, at: &Pointer, findings: &mut Vec<Finding>) {
    let mut positions = Vec::new();
    let mut complete = true;
    for (index, entry) in action.output.iter().enumerate() {
        let at = at.child(index);
        match (&entry.column_name, &entry.column_order) {
            (Some(_), Some(order)) => positions.push(order.position()),
            (Some(_), None) => {
                complete = false;
                findings.push(Finding::new(
                    Rule::ColumnOrder,
                    &at,
                    "a `column_name` without `column_order`",
                ));
            }
            (None, Some(_)) => findings.push(Finding::new(
                Rule::ColumnOrder,
                &at,
                "a `column_order` without `column_name`",
            )),
            (None, None) => {}
        }
        if let Some(order) = &entry.column_order
            && order.typed().is_none()
            && order.position().is_some()
        {
            let message = format!(
                "`column_order` is not written as an integer: {}",
                serde_json::json!(order)
            );
            findings.push(Finding::new(
                Rule::ColumnOrderSpelling,
                &at.child("column_order"),
                message,
            ));
        }
    }
    if complete && !sequence::runs_from_zero(&positions) {
        let message = "the `column_order` of the entries with a `column_name` do not run 0..n-1";
        findings.push(Finding::new(Rule::ColumnOrder, at, message));
    }
}

/// The data paths every ordinary action lists.
fn standard(action: &Action, at: &Pointer, findings: &mut Vec<Finding>) {
    for path in soar_vocab::STANDARD_DATA_PATHS {
        if !action.output.iter().any(|entry| entry.data_path == path) {
            findings.push(Finding::new(
                Rule::StandardOutputs,
                at,
                format!("no output `{path}`"),
            ));
        }
    }
}

/// One `action_result.parameter.<name>` output per parameter, with the parameter's contains,
/// and none for parameters that do not exist.
fn parameter_outputs(action: &Action, at: &Pointer, findings: &mut Vec<Finding>) {
    for (name, parameter) in &action.parameters {
        let path = format!("{PARAMETER_PREFIX}{name}");
        match action
            .output
            .iter()
            .position(|entry| entry.data_path == path)
        {
            None => findings.push(Finding::new(
                Rule::ParameterOutput,
                at,
                format!("no output `{path}`"),
            )),
            Some(index)
                if contains_set(parameter.contains())
                    != contains_set(action.output[index].contains()) =>
            {
                let message = format!("the contains of `{path}` differ from the parameter's");
                findings.push(Finding::new(
                    Rule::ParameterOutput,
                    &at.child(index),
                    message,
                ));
            }
            Some(_) => {}
        }
    }
    for (index, entry) in action.output.iter().enumerate() {
        if let Some(name) = parameter_name(entry)
            && !action.parameters.contains_key(name)
        {
            let message =
                format!("an output for the parameter `{name}`, which the action does not have");
            findings.push(Finding::new(
                Rule::StrayParameterOutput,
                &at.child(index),
                message,
            ));
        }
    }
}

/// The parameter an entry echoes, if it is a parameter output.
fn parameter_name(entry: &OutputEntry) -> Option<&str> {
    entry.data_path.strip_prefix(PARAMETER_PREFIX)
}

/// `contains` strings as a set: their order carries no meaning.
fn contains_set(contains: &[String]) -> BTreeSet<&str> {
    contains.iter().map(String::as_str).collect()
}
