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
#[cfg(test)]
mod test_support;

use proc_macro::TokenStream;

use model::action::Site;
use parse::action::ActionAttr;

/// Where the attribute being expanded is written.
fn site() -> Site {
    let span = proc_macro::Span::call_site();
    Site {
        file: span.file(),
        line: span.line(),
        column: span.column(),
    }
}

/// Declares the connector on its struct: the app-level metadata and the asset configuration.
///
/// ```text
/// /// Query WHOIS servers.              <- first paragraph: the app's description
/// #[connector(
///     appid = "776ab991-313e-48e7-bccd-e8c9650c239a",   // a lowercase UUID
///     name = "WHOIS Sample App",        // package_name `phantom_whoissampleapp`,
///                                       // main_module `whoissampleapp_connector.py`
///     publisher = "Example Corp",
///     app_type = "information",         // one of the CI schema's app types
///     product_vendor = "Generic",
///     product_name = "Whois Server",
///     license = "Copyright (c) Example Corp",
///     // optional:
///     product_version_regex = ".*", app_version = "1.2.3" (the crate's version otherwise),
///     min_platform_version = "6.3.0", python_version = "3.9, 3.13",
///     logo = "logo.svg", logo_dark = "logo_dark.svg", contributors = ["Ada"],
///     fips_compliant, crate = "::soar_runtime",
/// )]
/// pub struct Whois {
///     /// Whois server to use           <- the field's description
///     whois_server: Option<String>,     // Option: not required
///     #[config(default = 30)]
///     timeout: u32,                     // numeric, required
///     api_key: Secret,                  // password
///     zone: TimeZone,                   // timezone
///     #[config(name = "mode", default = "fast", value_list = ["fast", "full"], description = "Mode")]
///     lookup_mode: String,
///     #[config(skip)]
///     cache: Vec<String>,               // not configuration: built with Default
/// }
/// ```
///
/// The struct's fields are the asset configuration in form order; the type decides
/// `data_type` (`soar_runtime::asset::AssetField`), and the runtime builds the struct from
/// the prepared configuration, naming a missing or mistyped field in its error. The lifecycle
/// hooks are plain methods of the struct (`initialize`, `validate_parameters`, `finalize`,
/// `handle_exception`, `handle_cancel`, with the signatures of `soar_runtime::connector::Connector`),
/// visible from the struct's module; the defaults apply otherwise. Declare the connector at
/// module level (not inside a function), one per crate.
#[proc_macro_attribute]
pub fn connector(args: TokenStream, item: TokenStream) -> TokenStream {
    pipeline::connector(args.into(), item.into()).into()
}

/// Declares an action: a function whose first argument is the connector (`&mut Whois` or
/// `&Whois`), optionally followed by the context (`&mut Ctx`), then the parameters.
///
/// ```text
/// /// Run whois lookup on the given domain.      <- description (a final period is dropped)
/// ///
/// /// Longer explanation.                        <- verbose
/// #[action(
///     identifier = "whois_domain",   // the function's name otherwise
///     name = "whois domain",         // the identifier with `_` as spaces otherwise
///     kind = "investigate",          // generic, investigate, contain, correct, ingest
///     read_only,
///     render = "table",              // or render(kind = "custom", view = "m.f", width, height, title)
///     lock(parameter = "domain", concurrency = false, timeout = 60),  // or lock = "domain"
///     undo = "unblock domain", versions = "EQ(*)", crate = "::soar_runtime",
/// )]
/// fn whois_domain(
///     conn: &mut Whois,
///     ctx: &mut Ctx,
///     /// Domain to query                          <- the parameter's description
///     #[param(primary)]
///     domain: Domain,                            // a typed value: its contains, parsed first
///     #[param(contains = ["host name", custom("vendor id")], default = "a", value_list = ["a", "b"])]
///     server: Option<String>,                    // Option: not required
///     ips: Vec<Ip>,                              // Vec: an allow_list, split on commas
///     #[param(name = "type", column = "Type", description = "Record type")]
///     record_type: Option<String>,
/// ) -> Result<WhoisRecord, ActionError>
/// ```
///
/// Parameters are typed through `soar_runtime::params::ActionParam`; the return type through
/// `soar_runtime::output::IntoActionResult` decides the `output` data paths. A `contains` that
/// is neither stock nor well known must be written `custom("...")`. In an impl block of the
/// connector, mark the block `#[actions]` and the methods `#[action]`.
#[proc_macro_attribute]
pub fn action(args: TokenStream, item: TokenStream) -> TokenStream {
    pipeline::action(ActionAttr::Action, args.into(), item.into(), site()).into()
}

/// Declares the test connectivity action: `fn(conn: &mut C, ctx: &mut Ctx) -> ...`, no
/// parameters. Its identifier is `test_asset_connectivity`, or
/// `#[test_connectivity(identifier = "test_connectivity")]`; one per crate.
#[proc_macro_attribute]
pub fn test_connectivity(args: TokenStream, item: TokenStream) -> TokenStream {
    pipeline::action(
        ActionAttr::TestConnectivity,
        args.into(),
        item.into(),
        site(),
    )
    .into()
}

/// Declares the on poll action: `fn(conn: &mut C, ctx: &mut Ctx, params: PollParams) -> ...`.
/// Its identifier is `on_poll`; its parameters are the platform's five; one per crate.
#[proc_macro_attribute]
pub fn on_poll(args: TokenStream, item: TokenStream) -> TokenStream {
    pipeline::action(ActionAttr::OnPoll, args.into(), item.into(), site()).into()
}

/// Registers the methods of an inherent impl block of the connector that are marked
/// `#[action]`, `#[test_connectivity]` or `#[on_poll]` (their receiver is the connector).
#[proc_macro_attribute]
pub fn actions(args: TokenStream, item: TokenStream) -> TokenStream {
    pipeline::actions(args.into(), item.into(), &site()).into()
}

/// Describes a struct's fields as action output data paths (derive it beside
/// `serde::Serialize`, whose `rename`, `rename_all`, `skip` and `flatten` it follows).
///
/// ```text
/// #[derive(Serialize, ActionOutput)]
/// struct WhoisRecord {
///     #[output(column = "Registrar", example = "MarkMonitor, Inc.")]
///     registrar: Option<String>,           // action_result.data.*.registrar
///     #[output(contains = ["host name"], examples = ["ns1.example.com"])]
///     nameservers: Vec<String>,            // action_result.data.*.nameservers.*
///     contact: Contact,                    // a nested ActionOutput: .contact.<field>
/// }
/// ```
#[proc_macro_derive(ActionOutput, attributes(output))]
pub fn action_output(input: TokenStream) -> TokenStream {
    pipeline::action_output(input.into()).into()
}
