//! Checks on the raw JSON document: the CI schema's rules, and the JSON types the model needs
//! where the schema leaves a key open.
//!
//! These run on a [`serde_json::Value`], so they see what the typed model cannot hold or
//! normalises away (a missing `parameters` key reads as no parameters).

mod actions;
mod configuration;
mod extras;
mod top;
mod walker;

use serde_json::Value;

use super::finding::Finding;
use super::pointer::Pointer;
use walker::{SCHEMA, Walker};

/// Adds the findings of the raw-document rules for `document` to `findings`.
pub(super) fn check(document: &Value, findings: &mut Vec<Finding>) {
    let mut walker = Walker::new(findings);
    let root = Pointer::root();
    if let Some(app) = walker.object(document, &root, SCHEMA) {
        top::check(&mut walker, app, &root);
    }
}
