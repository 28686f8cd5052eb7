//! Contract rules on the actions: identity, reserved actions, undo, lock and render.

use std::collections::HashMap;

use super::{outputs, parameters};
use crate::validate::finding::{Finding, Rule};
use crate::validate::pointer::Pointer;
use crate::{Action, AppJson};
use soar_vocab::text;

/// Checks every action of `app`, its parameters and its outputs.
pub(super) fn check(app: &AppJson, findings: &mut Vec<Finding>) {
    let at = Pointer::root().child("actions");
    duplicates(app, &at, findings);
    for (index, action) in app.actions.iter().enumerate() {
        let at = at.child(index);
        name(action, &at, findings);
        reserved(action, &at, findings);
        undo(app, action, &at, findings);
        lock(action, &at, findings);
        render(action, &at, findings);
        parameters::check(action, &at, findings);
        outputs::check(action, &at, findings);
    }
}

/// Identifiers (an error) and names (a warning) used by more than one action.
fn duplicates(app: &AppJson, at: &Pointer, findings: &mut Vec<Finding>) {
    let mut identifiers = HashMap::new();
    let mut names = HashMap::new();
    for (index, action) in app.actions.iter().enumerate() {
        if let Some(first) = identifiers.insert(action.identifier.as_str(), index) {
            let message = format!(
                "the identifier {:?} is also used by /actions/{first}",
                action.identifier
            );
            findings.push(Finding::new(
                Rule::DuplicateIdentifier,
                &at.child(index).child("identifier"),
                message,
            ));
        }
        if let Some(first) = names.insert(action.action.as_str(), index) {
            let message = format!(
                "the action name {:?} is also used by /actions/{first}",
                action.action
            );
            findings.push(Finding::new(
                Rule::DuplicateActionName,
                &at.child(index).child("action"),
                message,
            ));
        }
    }
}

/// An action name with characters outside lowercase letters, digits and spaces (a name the
/// schema already rejects is not reported again).
fn name(action: &Action, at: &Pointer, findings: &mut Vec<Finding>) {
    let name = &action.action;
    if text::matches_action_name_pattern(name) && !name.chars().all(text::is_action_name_char) {
        let message = format!(
            "the action name {name:?} has characters other than lowercase letters, digits and spaces"
        );
        findings.push(Finding::new(
            Rule::ActionNameCharset,
            &at.child("action"),
            message,
        ));
    }
}

/// The shapes of test connectivity and on poll, and the kinds reserved for them.
fn reserved(action: &Action, at: &Pointer, findings: &mut Vec<Finding>) {
    let mut report = |pointer: Pointer, message: String| {
        findings.push(Finding::new(Rule::ReservedAction, &pointer, message))
    };
    let (kind, name) = (action.kind.as_str(), action.action.as_str());
    if action.is_test_connectivity() {
        if kind != "test" {
            report(
                at.child("type"),
                format!("`{name}` has type {kind:?}, not \"test\""),
            );
        }
        if !action.parameters.is_empty() {
            report(at.child("parameters"), format!("`{name}` has parameters"));
        }
        if !soar_vocab::TEST_CONNECTIVITY_IDENTIFIERS.contains(&action.identifier.as_str()) {
            report(
                at.child("identifier"),
                format!("`{name}` has the identifier {:?}", action.identifier),
            );
        }
    } else if action.is_on_poll() {
        if kind != "ingest" {
            report(
                at.child("type"),
                format!("`{name}` has type {kind:?}, not \"ingest\""),
            );
        }
        if action.identifier != soar_vocab::ON_POLL_IDENTIFIER {
            report(
                at.child("identifier"),
                format!("`{name}` has the identifier {:?}", action.identifier),
            );
        }
        for parameter in soar_vocab::ON_POLL_PARAMETERS
            .iter()
            .filter(|p| !action.parameters.contains_key(**p))
        {
            report(
                at.child("parameters"),
                format!("`{name}` lacks the parameter `{parameter}`"),
            );
        }
    } else if matches!(kind, "test" | "ingest") {
        report(
            at.child("type"),
            format!("the type {kind:?} is reserved for test connectivity and on poll"),
        );
    }
}

/// `undo` names an action of the app.
fn undo(app: &AppJson, action: &Action, at: &Pointer, findings: &mut Vec<Finding>) {
    if let Some(undo) = &action.undo
        && !app.actions.iter().any(|other| other.action == *undo)
    {
        findings.push(Finding::new(
            Rule::Undo,
            &at.child("undo"),
            format!("`undo` names no action of the app: {undo:?}"),
        ));
    }
}

/// A lock's `data_path` is `parameters.<a parameter of the action>`.
fn lock(action: &Action, at: &Pointer, findings: &mut Vec<Finding>) {
    let Some(data_path) = action
        .lock
        .as_ref()
        .and_then(|lock| lock.data_path.as_ref())
    else {
        return;
    };
    let locks_a_parameter = data_path
        .strip_prefix("parameters.")
        .is_some_and(|parameter| action.parameters.contains_key(parameter));
    if !locks_a_parameter {
        let message = format!(
            "the lock's data path {data_path:?} is not `parameters.<a parameter of the action>`"
        );
        findings.push(Finding::new(
            Rule::Lock,
            &at.child("lock").child("data_path"),
            message,
        ));
    }
}

/// A render has a known type, and a custom render names its view function.
fn render(action: &Action, at: &Pointer, findings: &mut Vec<Finding>) {
    let Some(render) = &action.render else {
        return;
    };
    let at = at.child("render");
    match render.kind.as_deref() {
        None => findings.push(Finding::new(Rule::Render, &at, "`render` has no `type`")),
        Some(kind) if !soar_vocab::RENDER_TYPES.contains(&kind) => {
            findings.push(Finding::new(
                Rule::Render,
                &at.child("type"),
                format!("unknown render type {kind:?}"),
            ));
        }
        Some("custom") if !render.view.as_deref().is_some_and(is_function_path) => {
            let message = "a custom render without a `module.function` view";
            findings.push(Finding::new(Rule::Render, &at, message));
        }
        Some(_) => {}
    }
}

/// `module.function`: dot-separated, non-empty names.
fn is_function_path(view: &str) -> bool {
    view.contains('.') && view.split('.').all(|part| !part.is_empty())
}
