//! The optional top-level objects of the document: `pip*_dependencies` and `webhook`.

use serde_json::{Map, Value};

use super::walker::{Authority, Kind, MODEL, SCHEMA, Walker};
use crate::validate::pointer::Pointer;

/// Checks the dependencies and the webhook of `app` (at `at`).
pub(super) fn check(walker: &mut Walker<'_>, app: &Map<String, Value>, at: &Pointer) {
    for key in [
        "pip_dependencies",
        "pip3_dependencies",
        "pip39_dependencies",
        "pip313_dependencies",
    ] {
        dependencies(walker, app, at, key, SCHEMA);
    }
    // The SDK writes `pip314_dependencies`, which the schema does not know yet.
    dependencies(walker, app, at, "pip314_dependencies", MODEL);
    webhook(walker, app, at);
}

/// One `pip*_dependencies` object: lists of wheels and of PyPI packages.
fn dependencies(
    walker: &mut Walker<'_>,
    app: &Map<String, Value>,
    at: &Pointer,
    key: &str,
    by: Authority,
) {
    let Some((dependencies, pointer)) = walker.nested(app, at, key, by) else {
        return;
    };
    for (wheel, at) in walker.objects(dependencies, &pointer, "wheel", by) {
        walker.require(wheel, &at, &["module", "input_file"], by);
        walker.text(wheel, &at, "module", by);
        walker.text(wheel, &at, "input_file", by);
        walker.text(wheel, &at, "input_file_aarch64", MODEL);
    }
    for (package, at) in walker.objects(dependencies, &pointer, "pypi", by) {
        walker.require(package, &at, &["module"], by);
        walker.text(package, &at, "module", by);
    }
}

/// The `webhook` object, as the official SDK writes it.
fn webhook(walker: &mut Walker<'_>, app: &Map<String, Value>, at: &Pointer) {
    let Some((webhook, pointer)) = walker.nested(app, at, "webhook", MODEL) else {
        return;
    };
    walker.text(webhook, &pointer, "handler", MODEL);
    walker.field(webhook, &pointer, "requires_auth", Kind::Boolean, MODEL);
    walker.strings(webhook, &pointer, "allowed_headers", MODEL);
    walker.strings(webhook, &pointer, "ip_allowlist", MODEL);
    for (route, at) in walker.objects(webhook, &pointer, "routes", MODEL) {
        walker.text(route, &at, "url_pattern", MODEL);
        walker.strings(route, &at, "allowed_methods", MODEL);
        walker.text(route, &at, "declaration_path", MODEL);
        walker.field(route, &at, "declaration_lineno", Kind::Unsigned, MODEL);
    }
}
