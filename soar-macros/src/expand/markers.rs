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
