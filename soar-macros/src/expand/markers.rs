//! The marker macros that make two actions with one identifier, or one name, a compile error
//! that names both (see the crate documentation for why this mechanism).
//!
//! Every action defines a `#[macro_export]` marker per key (`__soar_action_identifier_<id>`,
//! `__soar_action_name_<name>`), and invokes the crate root's marker of that key through a glob
//! import, passing its own site and name. The marker of the action itself sees its own site and
//! expands to what follows (for the identifier: the name's marker and its check); the marker of
//! another action with the same key expands to a `compile_error!` naming the key and both
//! actions. The check comes before the definition in the output, so that the definition is not
//! in the check's textual scope (which would make the name ambiguous). rustc also reports the
//! second definition (`E0428`, "defined multiple times"), once per duplicate: the name is
//! checked only once the identifier's check has passed.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::LitStr;

use crate::model::action::{Action, Site};
use crate::names;
use crate::parse::action::ActionAttr;

/// One key that must be unique among the crate's actions.
struct Key {
    /// The marker macro's name.
    marker: syn::Ident,
    /// What the message says before the two actions, e.g. "two actions have the identifier
    /// `lookup`".
    what: String,
    /// How to fix it.
    fix: &'static str,
}

/// The markers of an action and their checks, to put at module level beside it.
pub fn markers(action: &Action) -> TokenStream {
    let name = name_key(action);
    let name_check = check(action, &name, TokenStream::new());
    let name_marker = definition(action, &name);
    if action.attr != ActionAttr::Action {
        return quote!(#name_check #name_marker);
    }
    let identifier = identifier_key(action);
    let identifier_check = check(action, &identifier, quote!(#name_check #name_marker));
    let identifier_marker = definition(action, &identifier);
    quote!(#identifier_check #identifier_marker)
}

fn identifier_key(action: &Action) -> Key {
    Key {
        marker: names::identifier_marker(&action.identifier, action.identifier.span()),
        what: format!("two actions have the identifier `{}`", *action.identifier),
        fix: "give each its own with #[action(identifier = \"...\")]",
    }
}

fn name_key(action: &Action) -> Key {
    let (what, fix) = match action.attr {
        ActionAttr::Action => (
            format!("two actions are named `{}`", *action.name),
            "give each its own with #[action(name = \"...\")]",
        ),
        ActionAttr::TestConnectivity => (
            "a crate has one test connectivity action".to_owned(),
            "remove one",
        ),
        ActionAttr::OnPoll => ("a crate has one on poll action".to_owned(), "remove one"),
    };
    Key {
        marker: names::name_marker(&action.name, action.name.span()),
        what,
        fix,
    }
}

/// How a message names an action: its function and where it is.
fn described(action: &Action) -> String {
    let Site { file, line, .. } = &action.site;
    format!("`{}` ({file}:{line})", action.display)
}

/// What tells this action apart from any other: its site and function.
fn token(action: &Action) -> LitStr {
    let Site { file, line, column } = &action.site;
    LitStr::new(
        &format!("{file}:{line}:{column} {}", action.display),
        Span::call_site(),
    )
}

/// The invocation of the crate root's marker of `key`, which expands to `then` when the marker
/// is this action's own.
fn check(action: &Action, key: &Key, then: TokenStream) -> TokenStream {
    let marker = &key.marker;
    let module = format_ident!("{}_check", marker);
    let token = token(action);
    let described = described(action);
    quote! {
        const _: () = {
            #[allow(unused_imports, non_snake_case)]
            mod #module {
                use crate::*;
                #marker! { #token #described { #then } }
            }
        };
    }
}

/// The marker of `key` for this action.
fn definition(action: &Action, key: &Key) -> TokenStream {
    let marker = &key.marker;
    let token = token(action);
    let before = format!("{}: {} and ", key.what, described(action));
    let after = format!("; {}", key.fix);
    quote! {
        #[doc(hidden)]
        #[macro_export]
        macro_rules! #marker {
            (#token $other:literal { $($then:tt)* }) => { $($then)* };
            ($site:literal $other:literal { $($then:tt)* }) => {
                ::core::compile_error!(::core::concat!(#before, $other, #after));
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{free_action, invocations, items, macro_definitions};
    use syn::parse_quote;

    fn action(attr: ActionAttr, args: TokenStream, item: syn::ItemFn) -> Action {
        free_action(attr, args, &item).unwrap()
    }

    /// The arms of a `macro_rules!` definition: the matcher's and the transcriber's tokens.
    fn arms(out: &[syn::Item], name: &str) -> Vec<(String, String)> {
        let mac = out
            .iter()
            .find_map(|item| match item {
                syn::Item::Macro(mac) if mac.ident.as_ref().is_some_and(|ident| ident == name) => {
                    Some(mac)
                }
                _ => None,
            })
            .unwrap_or_else(|| panic!("no marker {name}"));
        let tokens: Vec<proc_macro2::TokenTree> = mac.mac.tokens.clone().into_iter().collect();
        // Each arm: `(matcher)`, `=`, `>`, `{ transcriber }`, `;`.
        tokens
            .chunks(5)
            .map(|arm| (arm[0].to_string(), arm[3].to_string()))
            .collect()
    }

    #[test]
    fn an_action_checks_its_identifier_then_its_name() {
        let lookup = action(
            ActionAttr::Action,
            quote!(identifier = "look-up"),
            parse_quote!(
                #[doc = "Look up."]
                fn lookup_domain(c: &mut Whois) {}
            ),
        );
        let out = items(&markers(&lookup));
        // At module level: the identifier's marker, and its check.
        assert_eq!(
            macro_definitions(&out),
            [("__soar_action_identifier_lookHup".to_owned(), true)]
        );
        let checks = invocations(&out);
        assert_eq!(checks.len(), 1);
        assert_eq!(checks[0].0, "__soar_action_identifier_lookHup");
        let (token, described, then) = syn::parse::Parser::parse2(
            |input: syn::parse::ParseStream<'_>| {
                let token: LitStr = input.parse()?;
                let described: LitStr = input.parse()?;
                let then;
                syn::braced!(then in input);
                Ok((
                    token.value(),
                    described.value(),
                    then.parse::<TokenStream>()?,
                ))
            },
            checks[0].1.clone(),
        )
        .unwrap();
        assert_eq!(
            token, "src/domains.rs:12:5 lookup_domain",
            "what tells it apart"
        );
        assert_eq!(
            described, "`lookup_domain` (src/domains.rs:12)",
            "how others name it"
        );
        // What its own marker lets through: the name's marker and its check.
        let then = items(&then);
        assert_eq!(
            macro_definitions(&then),
            [("__soar_action_name_look_up".to_owned(), true)]
        );
        let name_checks: Vec<String> = invocations(&then)
            .into_iter()
            .map(|(name, _)| name)
            .collect();
        assert_eq!(name_checks, ["__soar_action_name_look_up"]);
        let token = "\"src/domains.rs:12:5 lookup_domain\"";
        let identifier = arms(&out, "__soar_action_identifier_lookHup");
        assert_eq!(identifier.len(), 2);
        assert!(
            identifier[0]
                .0
                .starts_with(&format!("({token} $ other : literal"))
        );
        assert_eq!(identifier[0].1, "{ $ ($ then) * }", "its own check goes on");
        assert!(identifier[1].1.contains("compile_error"));
        assert!(identifier[1].1.contains(
            "\"two actions have the identifier `look-up`: `lookup_domain` (src/domains.rs:12) and \""
        ), "{}", identifier[1].1);
        let name = arms(&then, "__soar_action_name_look_up");
        assert!(name[1].1.contains(
            "\"two actions are named `look up`: `lookup_domain` (src/domains.rs:12) and \""
        ));
    }

    #[test]
    fn test_connectivity_and_on_poll_have_one_name_each() {
        let check = action(
            ActionAttr::TestConnectivity,
            quote!(),
            parse_quote!(
                fn check(c: &mut Whois) {}
            ),
        );
        let out = items(&markers(&check));
        assert_eq!(
            macro_definitions(&out),
            [("__soar_action_name_test_connectivity".to_owned(), true)]
        );
        let arms = arms(&out, "__soar_action_name_test_connectivity");
        assert!(
            arms[1]
                .1
                .contains("a crate has one test connectivity action: `check`")
        );
        let poll = action(
            ActionAttr::OnPoll,
            quote!(),
            parse_quote!(
                fn poll(c: &mut Whois) {}
            ),
        );
        assert_eq!(
            macro_definitions(&items(&markers(&poll))),
            [("__soar_action_name_on_poll".to_owned(), true)]
        );
    }

    #[test]
    fn the_check_comes_before_the_definition() {
        // A definition before its check would be in the check's textual scope as well as the
        // glob import's: rustc would call the name ambiguous.
        let lookup = action(
            ActionAttr::Action,
            quote!(),
            parse_quote!(
                #[doc = "Look up."]
                fn lookup(c: &mut Whois) {}
            ),
        );
        let file: syn::File = syn::parse2(markers(&lookup)).unwrap();
        assert!(matches!(&file.items[0], syn::Item::Const(_)));
        assert!(matches!(&file.items[1], syn::Item::Macro(mac) if mac.ident.is_some()));
    }
}
