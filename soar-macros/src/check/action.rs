//! The rules of an action: identifier, name, kind, texts, parameters, render and lock, and
//! what test connectivity and on poll may take.

use std::collections::HashSet;

use darling::Error;

use super::{contains, default_in_value_list, error_at, one_of, text};
use crate::model::action::Action;
use crate::names;
use crate::parse::action::ActionAttr;

/// Checks an action; returns every violation.
pub fn check(action: &Action) -> darling::Result<()> {
    let mut errors = Error::accumulator();
    identity(action, &mut errors);
    let what = format!("action `{}`", *action.identifier);
    if action.attr == ActionAttr::Action {
        text::action_description(&what, &action.description, &mut errors);
    } else {
        text::description(&what, &action.description, &mut errors);
    }
    if !text::starts_well(&action.verbose.value) {
        errors.push(error_at(
            action.verbose.span,
            format!(
                "the long description of {what} (after its first paragraph) starts with a lowercase letter, which the platform's CI refuses"
            ),
        ));
    }
    parameters(action, &mut errors);
    extras(action, &mut errors);
    errors.finish()
}

/// Identifier, name and kind.
fn identity(action: &Action, errors: &mut darling::error::Accumulator) {
    let identifier = &action.identifier;
    match action.attr {
        ActionAttr::TestConnectivity => {
            if !soar_vocab::TEST_CONNECTIVITY_IDENTIFIERS.contains(&identifier.as_str()) {
                errors.push(error_at(
                    identifier.span(),
                    format!(
                        "the test connectivity action's identifier is one of {}",
                        crate::suggest::listing(soar_vocab::TEST_CONNECTIVITY_IDENTIFIERS)
                    ),
                ));
            }
            return;
        }
        ActionAttr::OnPoll => return,
        ActionAttr::Action => {}
    }
    if !names::is_identifier(identifier) {
        errors.push(error_at(
            identifier.span(),
            format!(
                "`{}` is not a valid action identifier: use lowercase letters, digits, `_` and `-`, starting with a letter or `_`",
                **identifier
            ),
        ));
    }
    let reserved_identifier = soar_vocab::TEST_CONNECTIVITY_IDENTIFIERS
        .contains(&identifier.as_str())
        || identifier.as_str() == soar_vocab::ON_POLL_IDENTIFIER;
    let name = &action.name;
    let reserved_name = [
        soar_vocab::TEST_CONNECTIVITY_ACTION,
        soar_vocab::ON_POLL_ACTION,
    ]
    .contains(&name.as_str());
    if reserved_identifier || reserved_name {
        let span = if reserved_identifier {
            identifier.span()
        } else {
            name.span()
        };
        errors.push(error_at(
            span,
            "test connectivity and on poll are declared with #[test_connectivity] and #[on_poll], not #[action]",
        ));
    }
    if !names::is_action_name(name) {
        errors.push(error_at(
            name.span(),
            format!(
                "`{}` is not a valid action name: the platform's CI wants lowercase letters, digits and spaces, such as \"whois domain\"",
                **name
            ),
        ));
    }
    let kinds: Vec<&str> = soar_vocab::ACTION_KINDS
        .iter()
        .copied()
        .filter(|kind| *kind != "test")
        .collect();
    if action.kind.as_str() == "test" {
        errors.push(error_at(
            action.kind.span(),
            "the kind `test` is the test connectivity action's: declare it with #[test_connectivity]",
        ));
    } else if let Some(error) = one_of("action kind", &action.kind, &kinds, action.kind.span()) {
        errors.push(error);
    }
}

/// Parameter names, texts, defaults and contains; what the reserved actions take.
fn parameters(action: &Action, errors: &mut darling::error::Accumulator) {
    if action.attr == ActionAttr::TestConnectivity
        && let Some(first) = action.params.first()
    {
        errors.push(error_at(
            first.name.span(),
            "test connectivity takes no parameters: only the connector and the context",
        ));
    }
    if let Some(extra) = action.poll_args.get(1) {
        errors.push(error_at(
            syn::spanned::Spanned::span(extra),
            "on poll takes the platform's parameters as one `PollParams` argument",
        ));
    }
    let mut seen = HashSet::new();
    for param in &action.params {
        if !seen.insert(param.name.as_str()) {
            errors.push(error_at(
                param.name.span(),
                format!("two parameters are named `{}`", *param.name),
            ));
        }
        text::description(
            &format!("parameter `{}`", *param.name),
            &param.description,
            errors,
        );
        if let Some(error) = default_in_value_list(param.default.as_ref(), &param.value_list) {
            errors.push(error);
        }
        for error in contains::check(&param.contains) {
            errors.push(error);
        }
    }
}

/// Render, lock and undo.
fn extras(action: &Action, errors: &mut darling::error::Accumulator) {
    if let Some(render) = &action.render {
        if let Some(error) = one_of(
            "render type",
            &render.kind,
            &soar_vocab::RENDER_TYPES,
            render.kind.span(),
        ) {
            errors.push(error);
        }
        let custom = render.kind.as_str() == "custom";
        if custom != render.view.is_some() {
            errors.push(error_at(
                render.kind.span(),
                "a `custom` render names its view function (`view = \"module.function\"`), and only a custom render has one",
            ));
        }
    }
    if let Some(lock) = &action.lock
        && !action
            .params
            .iter()
            .any(|param| param.name.as_str() == lock.parameter.as_str())
    {
        errors.push(error_at(
            lock.parameter.span(),
            format!(
                "the lock names `{}`, which is not a parameter of this action",
                *lock.parameter
            ),
        ));
    }
    if let Some(undo) = &action.undo
        && !names::is_action_name(undo)
    {
        errors.push(error_at(
            undo.span(),
            "`undo` names the reversing action by its name, such as \"unblock ip\"",
        ));
    }
}
