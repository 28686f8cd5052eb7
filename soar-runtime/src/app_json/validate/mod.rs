//! The strict validator of app JSON.
//!
//! Two layers of rules (see [`Rule`] for each rule and its severity):
//! - on the raw document: the platform's CI JSON schema, re-implemented (the schema file is not
//!   read at run time), and the JSON types the model needs where the schema leaves a key open;
//! - on the typed model: the rules of the platform contract.
//!
//! [`validate`] checks a model (it writes the model to JSON for the first layer);
//! [`validate_value`] checks a raw document, and also sees what the model normalises away.
//! Neither panics, whatever the input.

mod document;
mod finding;
mod formats;
mod pointer;
mod rules;
mod text;

use serde::Deserialize;
use serde_json::Value;

pub use finding::{Finding, Rule, Severity};
use pointer::Pointer;

use super::AppJson;

/// Validates an app JSON model; the findings of the raw-document rules come first.
pub fn validate(app: &AppJson) -> Vec<Finding> {
    let mut findings = Vec::new();
    match serde_json::to_value(app) {
        Ok(document) => document::check(&document, &mut findings),
        Err(error) => findings.push(Finding::new(
            Rule::ModelShape,
            &Pointer::root(),
            format!("cannot be written: {error}"),
        )),
    }
    rules::check(app, &mut findings);
    findings
}

/// Validates a raw app JSON document.
///
/// The contract's rules need the typed model: they run only when the document can be read
/// into [`AppJson`], which every document without an error of the raw-document rules can.
pub fn validate_value(document: &Value) -> Vec<Finding> {
    let mut findings = Vec::new();
    document::check(document, &mut findings);
    match AppJson::deserialize(document) {
        Ok(app) => rules::check(&app, &mut findings),
        Err(error) => {
            if !findings.iter().any(Finding::is_error) {
                let message = format!("cannot be read as an app JSON: {error}");
                findings.push(Finding::new(Rule::ModelShape, &Pointer::root(), message));
            }
        }
    }
    findings
}
