//! The pieces every view shares: the widget's root with its small stylesheet, a result's
//! status line, the raw rendering of a result that no longer fits its types, the error card
//! that replaces a view that cannot render, and the default table.

use maud::{Markup, PreEscaped, html};
use serde::Serialize;
use serde_json::Value;

use super::runs::{AppRun, Unfit, ViewResult};
use crate::result::Status;

/// The widget's own styles, scoped to `.soar-view`: cards, key-value lists, tables, badges,
/// and long values wrapped rather than widening the widget.
const VIEW_STYLE: &str = include_str!("view.css");

/// The root of a view's HTML: its stylesheet, then `body` inside `div.soar-view`. Every view
/// that [`render`](super::render) calls is wrapped in it.
pub fn widget(body: Markup) -> Markup {
    html! {
        // A constant of this crate, not data: the only raw HTML a view's page holds.
        style { (PreEscaped(VIEW_STYLE)) }
        div.soar-view { (body) }
    }
}

/// A result's status and message: "success" or "failed" as a badge, then the message.
pub fn status_line(status: Status, message: &str) -> Markup {
    let (class, word) = match status {
        Status::Success => ("badge ok", "success"),
        Status::Failed => ("badge failed", "failed"),
    };
    html! {
        p.status { span class=(class) { (word) } " " (message) }
    }
}

/// A result that no longer fits the action's types (written by an older version of the app,
/// say): its status and message, why it does not fit, and its parts as stored, escaped.
pub fn unfit(result: &Unfit) -> Markup {
    html! {
        div.card.unfit {
            (status_line(result.status, &result.message))
            p.note { "This result has a shape this version of the app does not read (" (result.reason) "); it is shown as stored." }
            @for (label, value) in [("Parameter", &result.parameter), ("Data", &result.data), ("Summary", &result.summary)] {
                details {
                    summary { (label) }
                    pre { (pretty(value)) }
                }
            }
        }
    }
}

/// The card that stands in for a view that cannot render: what went wrong, escaped. The widget
/// shows it instead of failing.
pub fn error_card(action: &str, problem: &str) -> Markup {
    widget(html! {
        div.card.error {
            h3 { "The view of " (action) " cannot be shown" }
            p { (problem) }
        }
    })
}

/// A view for any action: each app run's results as a status line and a table of the data
/// items' values by data path (`registrar`, `contacts.admin.email`, `nameservers.0`); results
/// that do not fit are shown raw. It is the view a generated stub for an action calls.
pub fn default_table<D: Serialize, S>(runs: &[AppRun<D, S>]) -> Markup {
    html! {
        @for run in runs {
            @for result in &run.results {
                @match result {
                    ViewResult::Fit(fit) => {
                        div.card {
                            (status_line(fit.status, &fit.message))
                            (data_table(&fit.data))
                        }
                    }
                    ViewResult::Unfit(raw) => { (unfit(raw)) }
                }
            }
        }
        @if runs.iter().all(|run| run.results.is_empty()) {
            p.note { "No results." }
        }
    }
}

/// The data items as a table: one row per item, one column per data path in first-seen order.
fn data_table<D: Serialize>(items: &[D]) -> Markup {
    let rows: Vec<Vec<(String, String)>> = items
        .iter()
        .map(|item| {
            let mut cells = Vec::new();
            flatten(
                "",
                &serde_json::to_value(item).unwrap_or(Value::Null),
                &mut cells,
            );
            cells
        })
        .collect();
    let mut columns: Vec<&str> = Vec::new();
    for (path, _) in rows.iter().flatten() {
        if !columns.contains(&path.as_str()) {
            columns.push(path);
        }
    }
    html! {
        @if rows.is_empty() {
            p.note { "No data." }
        } @else {
            table {
                thead { tr { @for column in &columns { th { (column) } } } }
                tbody {
                    @for row in &rows {
                        tr {
                            @for column in &columns {
                                td { (row.iter().find(|(path, _)| path == column).map_or("", |(_, value)| value.as_str())) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The leaves of `value` as (dotted path, text), depth first.
fn flatten(path: &str, value: &Value, out: &mut Vec<(String, String)>) {
    let join = |key: &str| {
        if path.is_empty() {
            key.to_owned()
        } else {
            format!("{path}.{key}")
        }
    };
    match value {
        Value::Object(fields) => {
            for (key, field) in fields {
                flatten(&join(key), field, out);
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                flatten(&join(&index.to_string()), item, out);
            }
        }
        Value::Null => {}
        Value::String(text) => out.push((path.to_owned(), text.clone())),
        other => out.push((path.to_owned(), other.to_string())),
    }
}

/// JSON as indented text.
fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn flattening_names_every_leaf_by_its_path() {
        let mut cells = Vec::new();
        flatten(
            "",
            &json!({"a": 1, "b": {"c": "x", "d": null}, "e": ["p", true]}),
            &mut cells,
        );
        let cells: Vec<(&str, &str)> = cells
            .iter()
            .map(|(p, v)| (p.as_str(), v.as_str()))
            .collect();
        assert_eq!(
            cells,
            [("a", "1"), ("b.c", "x"), ("e.0", "p"), ("e.1", "true")]
        );
    }
}
