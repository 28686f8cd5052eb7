//! `cargo soar docs`: the app's `README.md` from its app JSON, laid out as the connector docs
//! that Splunk's `build-docs` pre-commit hook (`phantomcyber/dev-cicd-tools`) writes for its own
//! apps, so that the hook, where a repository runs it, finds nothing to change but the footer:
//!
//! - the app's facts, its description, then the author's hand-written part, which lives in
//!   `manual_readme_content.md` beside the manifest (the hook's convention: the README itself
//!   is always regenerated, so nothing written into it by hand survives);
//! - the configuration table (no `ph` spacers, no fields hidden with an empty `visibility`),
//!   the list of actions with links, and per action its type, `verbose`, parameters and output
//!   data paths, in the app JSON's order;
//! - values escaped as the hook escapes them (`\` and `*`), table rows on one line with runs of
//!   white space collapsed (the hook's mdformat pass does that).
//!
//! Only the footer differs on purpose: the hook writes a Splunk copyright into every app's
//! README; this one gives the app's own `license` statement.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::Value;
use soar_app_json::{Action, AppJson, ConfigField};

use crate::{Failure, Outcome};

/// The file that holds the hand-written part of a connector's README.
pub const MANUAL_CONTENT: &str = "manual_readme_content.md";

/// Writes `README.md` in `dir` for `app`, with the hand-written part from
/// [`MANUAL_CONTENT`] in `dir` when there is one.
pub fn write(dir: &Path, app: &AppJson) -> Outcome<PathBuf> {
    let manual_path = dir.join(MANUAL_CONTENT);
    let manual = match std::fs::read_to_string(&manual_path) {
        Ok(text) => Some(text),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
        Err(error) => {
            return Err(Failure::new(format!(
                "cannot read {}: {error}",
                manual_path.display()
            )));
        }
    };
    let path = dir.join("README.md");
    std::fs::write(&path, render(app, manual.as_deref()))
        .map_err(|error| Failure::new(format!("cannot write {}: {error}", path.display())))?;
    Ok(path)
}

/// The README of `app`, with `manual` as its hand-written part.
pub fn render(app: &AppJson, manual: Option<&str>) -> String {
    let mut text = String::new();
    let _ = write!(
        text,
        "# {}\n\nPublisher: {} <br>\nConnector Version: {} <br>\nProduct Vendor: {} <br>\nProduct Name: {} <br>\nMinimum Product Version: {}\n\n{}\n\n",
        escape(&app.name),
        escape(&app.publisher),
        escape(&app.app_version),
        escape(&app.product_vendor),
        escape(&app.product_name),
        escape(&app.min_phantom_version),
        escape(&app.description)
    );
    if let Some(manual) = manual.map(str::trim).filter(|manual| !manual.is_empty()) {
        let _ = write!(text, "{manual}\n\n");
    }
    configuration(app, &mut text);
    let links: Vec<String> = app
        .actions
        .iter()
        .map(|action| {
            format!(
                "[{}](#{}) - {}",
                escape(&action.action),
                anchor(&format!("action: '{}'", action.action)),
                one_line(&escape(&action.description))
            )
        })
        .collect();
    let _ = write!(
        text,
        "### Supported Actions\n\n{}\n\n",
        links.join(" <br>\n")
    );
    for action in &app.actions {
        action_section(action, &mut text);
    }
    let _ = write!(
        text,
        "______________________________________________________________________\n\nAuto-generated Splunk SOAR Connector documentation.\n\n{}\n",
        escape(&app.license)
    );
    text
}

/// The configuration section, left out when no field is shown.
fn configuration(app: &AppJson, text: &mut String) {
    let shown: Vec<(&String, &ConfigField)> = app
        .configuration
        .iter()
        .filter(|(_, field)| field.data_type.as_str() != "ph" && visible(field))
        .collect();
    if shown.is_empty() {
        return;
    }
    let _ = write!(
        text,
        "### Configuration variables\n\nThis table lists the configuration variables required to operate {}. These variables are specified when configuring a {} asset in Splunk SOAR.\n\nVARIABLE | REQUIRED | TYPE | DESCRIPTION\n-------- | -------- | ---- | -----------\n",
        escape(&app.name),
        escape(&app.product_name)
    );
    for (name, field) in shown {
        row(
            text,
            &[
                format!("**{}**", escape(name)),
                required(field.is_required()).to_owned(),
                field.data_type.to_string(),
                escape(field.description.as_deref().unwrap_or_default()),
            ],
        );
    }
    text.push('\n');
}

/// Whether a configuration field is shown: its `visibility`, when given, is not empty.
fn visible(field: &ConfigField) -> bool {
    field
        .extra
        .get("visibility")
        .is_none_or(|visibility| visibility.as_array().is_none_or(|list| !list.is_empty()))
}

/// One action's section.
fn action_section(action: &Action, text: &mut String) {
    let _ = write!(
        text,
        "## action: '{}'\n\n{}\n\nType: **{}** <br>\nRead only: **{}**\n\n",
        escape(&action.action),
        escape(&action.description),
        escape(&action.kind),
        if action.read_only { "True" } else { "False" }
    );
    if let Some(verbose) = action
        .verbose
        .as_deref()
        .filter(|verbose| !verbose.is_empty())
    {
        let _ = write!(text, "{}\n\n", escape(verbose));
    }
    text.push_str("#### Action Parameters\n\n");
    let parameters: Vec<_> = action
        .parameters
        .iter()
        .filter(|(_, parameter)| parameter.data_type.as_str() != "ph")
        .collect();
    if parameters.is_empty() {
        text.push_str("No parameters are required for this action\n\n");
    } else {
        text.push_str("PARAMETER | REQUIRED | DESCRIPTION | TYPE | CONTAINS\n--------- | -------- | ----------- | ---- | --------\n");
        for (name, parameter) in parameters {
            row(
                text,
                &[
                    format!("**{}**", escape(name)),
                    required(parameter.is_required()).to_owned(),
                    escape(parameter.description.as_deref().unwrap_or_default()),
                    parameter.data_type.to_string(),
                    contains(parameter.contains()),
                ],
            );
        }
        text.push('\n');
    }
    text.push_str("#### Action Output\n\n");
    if action.output.is_empty() {
        text.push_str("No Output\n\n");
        return;
    }
    text.push_str("DATA PATH | TYPE | CONTAINS | EXAMPLE VALUES\n--------- | ---- | -------- | --------------\n");
    for entry in &action.output {
        let examples: Vec<String> = entry
            .example_values
            .as_deref()
            .unwrap_or_default()
            .iter()
            .map(|value| python_str(value).trim().to_owned())
            .collect();
        row(
            text,
            &[
                escape(&entry.data_path),
                entry.data_type.to_string(),
                contains(entry.contains()),
                escape(&examples.join(" ")),
            ],
        );
    }
    text.push('\n');
}

/// A table row: the cells, each on one line, then a final `|`.
fn row(text: &mut String, cells: &[String]) {
    let _ = writeln!(text, "{} |", one_line(&cells.join(" | ")));
}

fn required(required: bool) -> &'static str {
    if required { "required" } else { "optional" }
}

/// A list of contains as code spans.
fn contains(contains: &[String]) -> String {
    contains
        .iter()
        .map(|item| format!("`{}`", escape(item)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Markdown escaping as the hook does it: `\` and `*`.
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace('*', "\\*")
}

/// Text on one line, runs of white space collapsed to one space.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A value as Python's `str()` writes it (the hook is Python): `True`, `None`, `3`, text as is.
fn python_str(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Bool(true) => "True".to_owned(),
        Value::Bool(false) => "False".to_owned(),
        Value::Null => "None".to_owned(),
        other => other.to_string(),
    }
}

/// A heading's anchor as the hook links it: lowercase, characters other than ASCII letters,
/// digits, white space and `-` dropped, white space made `-`.
fn anchor(heading: &str) -> String {
    heading
        .to_lowercase()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || c.is_whitespace() || *c == '-')
        .map(|c| if c.is_whitespace() { '-' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_and_anchors_follow_the_hook() {
        assert_eq!(escape("action_result.data.*.x"), "action_result.data.\\*.x");
        assert_eq!(escape("a\\b"), "a\\\\b");
        assert_eq!(anchor("action: 'whois domain'"), "action-whois-domain");
        assert_eq!(anchor("action: 'get IP (v2)'"), "action-get-ip-v2");
        assert_eq!(python_str(&Value::Bool(true)), "True");
        assert_eq!(python_str(&serde_json::json!(3)), "3");
        assert_eq!(one_line("a\n  b"), "a b");
    }
}
