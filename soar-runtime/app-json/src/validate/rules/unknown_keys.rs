//! Keys nobody knows, wherever the model keeps them.

use indexmap::IndexMap;
use serde_json::Value;

use crate::validate::finding::{Finding, Rule};
use crate::validate::pointer::Pointer;
use crate::{Action, AppJson};

/// Reports every key of every `extra` map of `app` (rule [`Rule::UnknownKey`]).
pub(super) fn check(app: &AppJson, findings: &mut Vec<Finding>) {
    let root = Pointer::root();
    report(&app.extra, &root, findings);
    for (index, contributor) in app.contributors.iter().flatten().enumerate() {
        report(
            &contributor.extra,
            &root.child("contributors").child(index),
            findings,
        );
    }
    for (name, field) in &app.configuration {
        report(
            &field.extra,
            &root.child("configuration").child(name),
            findings,
        );
    }
    for (index, action) in app.actions.iter().enumerate() {
        action_keys(action, &root.child("actions").child(index), findings);
    }
    for (key, dependencies) in app.dependency_sets() {
        let at = root.child(key);
        report(&dependencies.extra, &at, findings);
        for (index, wheel) in dependencies.wheel.iter().flatten().enumerate() {
            report(&wheel.extra, &at.child("wheel").child(index), findings);
        }
        for (index, package) in dependencies.pypi.iter().flatten().enumerate() {
            report(&package.extra, &at.child("pypi").child(index), findings);
        }
    }
    if let Some(webhook) = &app.webhook {
        let at = root.child("webhook");
        report(&webhook.extra, &at, findings);
        for (index, route) in webhook.routes.iter().flatten().enumerate() {
            report(&route.extra, &at.child("routes").child(index), findings);
        }
    }
}

/// The unknown keys of one action (at `at`) and of its parts.
fn action_keys(action: &Action, at: &Pointer, findings: &mut Vec<Finding>) {
    report(&action.extra, at, findings);
    for (name, parameter) in &action.parameters {
        report(
            &parameter.extra,
            &at.child("parameters").child(name),
            findings,
        );
    }
    for (index, entry) in action.output.iter().enumerate() {
        report(&entry.extra, &at.child("output").child(index), findings);
    }
    if let Some(render) = &action.render {
        report(&render.extra, &at.child("render"), findings);
    }
    if let Some(lock) = &action.lock {
        report(&lock.extra, &at.child("lock"), findings);
    }
}

/// Reports each key of `extra`, an object at `at`.
fn report(extra: &IndexMap<String, Value>, at: &Pointer, findings: &mut Vec<Finding>) {
    for key in extra.keys() {
        findings.push(Finding::new(
            Rule::UnknownKey,
            &at.child(key),
            format!("unknown key `{key}`"),
        ));
    }
}
