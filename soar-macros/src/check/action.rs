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
        if let Some(error) =
            super::column_order_alone(param.column.as_deref(), param.column_order.as_ref())
        {
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
                "a `custom` render names its view function (`view = my_view`, a function of the app runs), and only a custom render has one",
            ));
        }
    }
    if let Some(parameter) = action
        .lock
        .as_ref()
        .and_then(|lock| lock.parameter.as_ref())
        && !action
            .params
            .iter()
            .any(|param| param.name.as_str() == parameter.as_str())
    {
        errors.push(error_at(
            parameter.span(),
            format!(
                "the lock names `{}`, which is not a parameter of this action",
                **parameter
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

#[cfg(test)]
mod tests {
    use super::*;
    use proc_macro2::TokenStream;
    use quote::quote;

    fn violations(attr: ActionAttr, args: TokenStream, item: TokenStream) -> Vec<String> {
        let item: syn::ItemFn = syn::parse2(item).unwrap();
        let action = crate::test_support::free_action(attr, args, &item).unwrap();
        match check(&action) {
            Ok(()) => Vec::new(),
            Err(errors) => errors.into_iter().map(|error| error.to_string()).collect(),
        }
    }

    fn action(args: TokenStream, item: TokenStream) -> Vec<String> {
        violations(ActionAttr::Action, args, item)
    }

    #[test]
    fn a_well_formed_action_passes() {
        let found = action(
            quote!(
                kind = "investigate",
                render = "table",
                lock = "domain",
                undo = "unblock domain"
            ),
            quote! {
                /// Look a domain up.
                ///
                /// Queries the registry.
                fn lookup_domain(c: &mut Whois, #[param(contains = ["domain"], default = "a.com", value_list = ["a.com"])] domain: String) {}
            },
        );
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn identifiers_names_and_kinds() {
        let found = action(
            quote!(
                identifier = "Lookup",
                name = "Look Up",
                kind = "investigation"
            ),
            quote!(
                #[doc = "Look up."]
                fn f(c: &mut Whois) {}
            ),
        );
        assert_eq!(found.len(), 3, "{found:#?}");
        assert!(found[0].starts_with("`Lookup` is not a valid action identifier"));
        assert!(found[1].starts_with("`Look Up` is not a valid action name"));
        assert!(found[2].starts_with("unknown action kind `investigation`"));
        let reserved = action(
            quote!(identifier = "on_poll"),
            quote!(
                #[doc = "Poll."]
                fn f(c: &mut Whois) {}
            ),
        );
        assert_eq!(reserved.len(), 1);
        assert!(reserved[0].starts_with("test connectivity and on poll are declared with"));
        let test_kind = action(
            quote!(kind = "test"),
            quote!(
                #[doc = "Check."]
                fn f(c: &mut Whois) {}
            ),
        );
        assert_eq!(
            test_kind,
            [
                "the kind `test` is the test connectivity action's: declare it with #[test_connectivity]"
            ]
        );
        let wrong = violations(
            ActionAttr::TestConnectivity,
            quote!(identifier = "check"),
            quote!(
                fn f(c: &mut Whois) {}
            ),
        );
        assert!(wrong[0].starts_with("the test connectivity action's identifier is one of"));
    }

    #[test]
    fn texts() {
        let undocumented = action(
            quote!(),
            quote!(
                fn f(c: &mut Whois) {}
            ),
        );
        assert_eq!(undocumented.len(), 1);
        assert!(undocumented[0].starts_with("document action `f`"));
        let lowercase = action(
            quote!(),
            quote! {
                /// look up.
                ///
                /// more.
                fn f(c: &mut Whois, /// the domain
                    domain: String) {}
            },
        );
        assert_eq!(lowercase.len(), 3, "{lowercase:#?}");
        assert!(
            lowercase[0]
                .starts_with("the description of action `f` starts with a lowercase letter")
        );
        assert!(lowercase[1].starts_with("the long description of action `f`"));
        assert!(lowercase[2].starts_with("the description of parameter `domain`"));
    }

    #[test]
    fn parameters_and_extras() {
        let found = action(
            quote!(render(kind = "custom"), lock = "missing", undo = "Unblock"),
            quote! {
                /// Look up.
                fn f(
                    c: &mut Whois,
                    a: String,
                    #[param(name = "a", default = "x", value_list = ["y"], contains = ["domian"])] b: String,
                ) {}
            },
        );
        assert_eq!(found.len(), 6, "{found:#?}");
        assert_eq!(found[0], "two parameters are named `a`");
        assert_eq!(
            found[1],
            "the default is not one of the `value_list` values"
        );
        assert!(found[2].contains("did you mean `domain`?"));
        assert!(found[3].starts_with("a `custom` render names its view function"));
        assert_eq!(
            found[4],
            "the lock names `missing`, which is not a parameter of this action"
        );
        assert!(found[5].starts_with("`undo` names the reversing action by its name"));
    }

    #[test]
    fn what_the_reserved_actions_take() {
        let check = violations(
            ActionAttr::TestConnectivity,
            quote!(),
            quote!(
                fn f(c: &mut Whois, domain: String) {}
            ),
        );
        assert_eq!(
            check,
            ["test connectivity takes no parameters: only the connector and the context"]
        );
        let poll = violations(
            ActionAttr::OnPoll,
            quote!(),
            quote!(
                fn f(c: &mut Whois, params: PollParams, more: PollParams) {}
            ),
        );
        assert_eq!(
            poll,
            ["on poll takes the platform's parameters as one `PollParams` argument"]
        );
    }
}
