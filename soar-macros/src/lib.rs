//! Procedural macros of the SOAR connector framework: `#[connector]`, `#[action]`,
//! `#[actions]`, `#[test_connectivity]`, `#[on_poll]` and `#[derive(ActionOutput)]`.
//!
//! Use them through `soar_runtime`, which re-exports them and documents them for connector
//! authors. Each entry point below is one line; the work is done in four stages, each
//! unit-tested on `proc_macro2` tokens: `parse` (attribute receivers, with darling),
//! `model` (what the user wrote, resolved), `check` (the platform's rules, every violation
//! an error with a span) and `expand` (the generated code), driven by `pipeline`.
//!
//! # Registration and duplicate identifiers
//!
//! An `#[action]` anywhere in the crate belongs to the connector named by its first argument:
//! each registers itself with `inventory` (a static collected at program start, no list to
//! maintain), and the generated `Connector` impl finds its actions by connector type. The app
//! JSON lists them in declaration order (file, then line, whatever the link order), test
//! connectivity first and on poll last.
//!
//! A duplicate identifier must still be a compile error reported by `cargo check`. `inventory`
//! alone finds duplicates only at run time, and one macro invocation cannot see the others.
//! So each action also defines a `#[macro_export]` `macro_rules!` macro whose name encodes its
//! identifier (`__soar_action_identifier_whois_domain`; the identifier is lowercase, so `-` is
//! written `H`). `#[macro_export]` puts every such macro at the crate root whatever module the
//! action is in, and rustc refuses two macros of one name there: error E0428 "the name
//! `__soar_action_identifier_whois_domain` is defined multiple times", at the second action's
//! attribute with a note at the first. It is a name-resolution error, so `cargo check`,
//! clippy and rust-analyzer report it; it needs no `unsafe` (unlike a duplicate
//! `#[export_name]`, which only the linker reports); and it works for actions in any file,
//! which a macro on an inline module could not. Test connectivity and on poll define one fixed
//! name each, so a second one is refused the same way. The cost: the markers are (hidden)
//! exported macros of the crate, and two connectors in one crate share one namespace of
//! identifiers. The trybuild cases `fail/duplicate_identifier` and
//! `fail/two_test_connectivity` pin the behaviour; `cargo xtask bundle` checks the app JSON
//! again.
//!
//! Rules that depend on types (a `primary` parameter whose type brings no contains, a default
//! that does not fit the type, a secret with a default) are `const` assertions on the types'
//! associated constants, evaluated by `cargo check` too, with their span on the offending token.

mod check;
mod docs;
mod expand;
mod model;
mod names;
mod parse;
mod pipeline;
mod suggest;

use proc_macro::TokenStream;

use parse::action::ActionAttr;

/// Declares the connector: see `soar_runtime::connector`.
#[proc_macro_attribute]
pub fn connector(args: TokenStream, item: TokenStream) -> TokenStream {
    pipeline::connector(args.into(), item.into()).into()
}

/// Declares an action: see `soar_runtime::action`.
#[proc_macro_attribute]
pub fn action(args: TokenStream, item: TokenStream) -> TokenStream {
    pipeline::action(ActionAttr::Action, args.into(), item.into()).into()
}

/// Declares the test connectivity action: see `soar_runtime::test_connectivity`.
#[proc_macro_attribute]
pub fn test_connectivity(args: TokenStream, item: TokenStream) -> TokenStream {
    pipeline::action(ActionAttr::TestConnectivity, args.into(), item.into()).into()
}

/// Declares the on poll action: see `soar_runtime::on_poll`.
#[proc_macro_attribute]
pub fn on_poll(args: TokenStream, item: TokenStream) -> TokenStream {
    pipeline::action(ActionAttr::OnPoll, args.into(), item.into()).into()
}

/// Registers the action methods of an impl block: see `soar_runtime::actions`.
#[proc_macro_attribute]
pub fn actions(args: TokenStream, item: TokenStream) -> TokenStream {
    pipeline::actions(args.into(), item.into()).into()
}

/// Describes a struct's fields as action output data paths: see
/// `soar_runtime::output::ActionOutput`.
#[proc_macro_derive(ActionOutput, attributes(output))]
pub fn action_output(input: TokenStream) -> TokenStream {
    pipeline::action_output(input.into()).into()
}
