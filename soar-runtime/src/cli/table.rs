//! The results of a run as text for a terminal: a table whose columns are the action's output
//! entries with a `column_name` (in `column_order`), one row per data item, then each result's
//! status and message and the run's message. Without columns, the data is shown as JSON.
//! [`grid`] lays out any table (the `containers` and `artifacts` commands use it too).

use serde_json::Value;

use crate::app_json::Action;
use crate::result::{ActionResult, RunResult};

const DATA: &str = "action_result.data.*";
const PARAMETER: &str = "action_result.parameter.";
const SUMMARY: &str = "action_result.summary.";

/// A column: its heading and the data path of its values.
struct Column<'a> {
    heading: &'a str,
    path: &'a str,
}

/// The text of a run's results.
pub fn render(action: &Action, result: &RunResult) -> String {
    let mut columns: Vec<(u64, Column<'_>)> = action
        .output
        .iter()
        .filter_map(|entry| {
            let heading = entry.column_name.as_deref()?;
            let order = entry
                .column_order
                .as_ref()
                .and_then(|order| order.position());
            Some((
                order.unwrap_or(u64::MAX),
                Column {
                    heading,
                    path: &entry.data_path,
                },
            ))
        })
        .collect();
    columns.sort_by_key(|(order, _)| *order);
    let columns: Vec<Column<'_>> = columns.into_iter().map(|(_, column)| column).collect();
    let mut text = String::new();
    if columns.is_empty() {
        for item in result.result_data.iter().flat_map(ActionResult::data) {
            text.push_str(&serde_json::to_string_pretty(item).unwrap_or_default());
            text.push('\n');
        }
    } else {
        let rows: Vec<Vec<String>> = result
            .result_data
            .iter()
            .flat_map(|each| rows(&columns, each))
            .collect();
        let headings: Vec<&str> = columns.iter().map(|column| column.heading).collect();
        text.push_str(&grid(&headings, &rows));
    }
    if !text.is_empty() {
        text.push('\n');
    }
    text.push_str(&outcome(result));
    text
}

/// Each result's status and message, one a line, then the run's message.
pub fn outcome(result: &RunResult) -> String {
    let mut text = String::new();
    for each in &result.result_data {
        let status = serde_json::to_value(each.final_status()).unwrap_or_default();
        let status = status.as_str().unwrap_or_default();
        text.push_str(&format!("{status}: {}\n", each.message()));
    }
    text.push_str(&result.message);
    text.push('\n');
    text
}

/// The rows of one result: one per data item, or one in all when there is none.
fn rows(columns: &[Column<'_>], result: &ActionResult) -> Vec<Vec<String>> {
    let items: Vec<Option<&Value>> = if result.data().is_empty() {
        vec![None]
    } else {
        result.data().iter().map(Some).collect()
    };
    items
        .into_iter()
        .map(|item| {
            columns
                .iter()
                .map(|column| cell(column.path, result, item))
                .collect()
        })
        .collect()
}

/// The text of one cell.
fn cell(path: &str, result: &ActionResult, item: Option<&Value>) -> String {
    let values = if let Some(rest) = path.strip_prefix(PARAMETER) {
        result.parameter().get(rest).into_iter().collect()
    } else if let Some(rest) = path.strip_prefix(SUMMARY) {
        let mut segments = rest.split('.');
        let first = segments.next().unwrap_or_default();
        let rest: Vec<&str> = segments.collect();
        result
            .summary()
            .get(first)
            .map(|value| values_at(value, &rest))
            .unwrap_or_default()
    } else if let (Some(rest), Some(item)) = (path.strip_prefix(DATA), item) {
        let segments: Vec<&str> = rest.split('.').filter(|s| !s.is_empty()).collect();
        values_at(item, &segments)
    } else {
        Vec::new()
    };
    values
        .into_iter()
        .map(|value| match value {
            Value::String(text) => text.clone(),
            Value::Null => String::new(),
            other => other.to_string(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The values at a data path below `value`: a key per segment, `*` for every list item.
fn values_at<'v>(value: &'v Value, segments: &[&str]) -> Vec<&'v Value> {
    let Some((first, rest)) = segments.split_first() else {
        return match value {
            Value::Array(items) => items.iter().collect(),
            other => vec![other],
        };
    };
    match (value, *first) {
        (Value::Array(items), "*") => items
            .iter()
            .flat_map(|item| values_at(item, rest))
            .collect(),
        (Value::Object(fields), key) => fields
            .get(key)
            .map(|inner| values_at(inner, rest))
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// A table: the headings, a rule, the rows (one cell per heading); columns as wide as their
/// widest cell, two spaces apart, no trailing spaces.
pub fn grid(headings: &[&str], rows: &[Vec<String>]) -> String {
    let widths: Vec<usize> = headings
        .iter()
        .enumerate()
        .map(|(index, heading)| {
            rows.iter()
                .map(|row| row.get(index).map_or(0, |cell| cell.chars().count()))
                .chain([heading.chars().count()])
                .max()
                .unwrap_or_default()
        })
        .collect();
    let line = |cells: Vec<&str>| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(cell, width)| format!("{cell:<width$}"))
            .collect();
        padded.join("  ").trim_end().to_owned() + "\n"
    };
    let mut text = line(headings.to_vec());
    let rules: Vec<String> = widths.iter().map(|width| "-".repeat(*width)).collect();
    text.push_str(&line(rules.iter().map(String::as_str).collect()));
    for row in rows {
        text.push_str(&line(row.iter().map(String::as_str).collect()));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app_json::OutputEntry;
    use crate::result::{RunTail, Status};
    use serde_json::{Map, json};

    fn entry(path: &str, column: Option<(&str, u32)>) -> OutputEntry {
        OutputEntry {
            data_path: path.to_owned(),
            column_name: column.map(|(name, _)| name.to_owned()),
            column_order: column.map(|(_, order)| order.into()),
            ..OutputEntry::default()
        }
    }

    fn object(value: Value) -> Map<String, Value> {
        match value {
            Value::Object(map) => map,
            _ => Map::new(),
        }
    }

    fn run_result(results: Vec<ActionResult>) -> RunResult {
        RunResult::from_parts(
            Some("whois_domain".into()),
            results,
            RunTail {
                result_summary: Map::new(),
                status: Status::Success,
                message: "1 action succeeded".into(),
                exception_occured: false,
                action_cancelled: false,
            },
        )
    }

    #[test]
    fn a_table_of_the_columns_in_column_order() {
        let action = Action {
            output: vec![
                entry("action_result.status", None),
                entry("action_result.parameter.domain", Some(("Domain", 0))),
                entry("action_result.data.*.servers.*.name", Some(("Servers", 2))),
                entry("action_result.data.*.registrar", Some(("Registrar", 1))),
                entry("action_result.summary.total", Some(("Total", 3))),
            ],
            ..Action::default()
        };
        let mut result = ActionResult::new(object(json!({"domain": "amazon.com"})));
        result.add_data(json!({"registrar": "MarkMonitor, Inc.", "servers": [{"name": "ns1"}, {"name": "ns2"}]}));
        result.add_data(json!({"registrar": null, "servers": []}));
        result.update_summary(object(json!({"total": 2})));
        result.set_status(Status::Success, Some("Found it"));
        let text = render(&action, &run_result(vec![result]));
        assert_eq!(
            text,
            "Domain      Registrar          Servers   Total\n\
             ----------  -----------------  --------  -----\n\
             amazon.com  MarkMonitor, Inc.  ns1, ns2  2\n\
             amazon.com                               2\n\
             \n\
             success: Found it\n\
             1 action succeeded\n"
        );
    }

    #[test]
    fn without_columns_the_data_is_json_and_a_result_without_data_has_its_row() {
        let mut result = ActionResult::new(Map::new());
        result.add_data(json!({"a": 1}));
        let text = render(&Action::default(), &run_result(vec![result]));
        assert_eq!(text, "{\n  \"a\": 1\n}\n\nfailed: \n1 action succeeded\n");
        let action = Action {
            output: vec![entry("action_result.parameter.ip", Some(("IP", 0)))],
            ..Action::default()
        };
        let result = ActionResult::new(object(json!({"ip": "1.2.3.4"})));
        let text = render(&action, &run_result(vec![result]));
        assert!(text.starts_with("IP\n-------\n1.2.3.4\n"), "{text}");
    }
}
