//! Procedural macros of the SOAR connector framework: `#[connector]`, `#[action]`,
//! `#[actions]`, `#[test_connectivity]`, `#[on_poll]` and `#[derive(ActionOutput)]`.
//!
//! Use them through `soar_runtime`, which re-exports them and documents them for connector
//! authors. Each entry point below is one line; the work is done in four stages, each
//! unit-tested on `proc_macro2` tokens: `parse` (attribute receivers, with darling),
//! `model` (what the user wrote, resolved), `check` (the platform's rules, every violation
//! an error with a span) and `expand` (the generated code), driven by `pipeline`.
//!
//! # Registration, and duplicate identifiers and names
//!
//! An `#[action]` anywhere in the crate belongs to the connector named by its first argument:
//! each registers itself with `inventory` (a static collected at program start, no list to
//! maintain), and the generated `Connector` impl finds its actions by connector type. The app
//! JSON lists them in declaration order (file, then line, whatever the link order), test
//! connectivity first and on poll last.
//!
//! Two actions with one identifier, or one name, must still be a compile error that `cargo
//! check` reports and that names the key and both actions. `inventory` finds duplicates only at
//! run time, and one macro invocation cannot see the others. So each action defines a
//! `#[macro_export]` marker macro per key (`__soar_action_identifier_<id>`, `-` written `H`;
//! `__soar_action_name_<name>`, spaces written `_`), which `#[macro_export]` puts at the crate
//! root whatever module the action is in, and invokes the crate root's marker of each key
//! through a glob import (`use crate::*`), passing its site (file, line, column, function)
//! and how to name it. A marker recognises its own action's site and expands to what follows;
//! the marker of another action with that key expands to a `compile_error!` that names the key
//! and both actions with their files and lines (`fail/duplicate_identifier`,
//! `fail/duplicate_name`, `fail/two_test_connectivity`). The name is checked inside the
//! identifier's check, so a pair with both keys equal is reported once. It is name resolution
//! and macro expansion, so `cargo check`, clippy and rust-analyzer report it; it needs no
//! `unsafe` (unlike a duplicate `#[export_name]`, which only the linker reports), no state in
//! the proc macro and no list, and it works for actions in any file, which a macro on an inline
//! module could not. Test connectivity and on poll check their fixed names only.
//!
//! rustc also reports the second definition of the marker (E0428, "the name
//! `__soar_action_identifier_lookup` is defined multiple times", at both actions): its text
//! cannot be chosen, and it cannot be avoided. Expansion is symmetric (neither action knows it
//! is the second), a macro can only look a name up where something defines it, and Rust has
//! no stable "define it unless it exists" (`#[cfg(accessible)]` is unstable); every place two
//! independent expansions can meet (the crate root's macros, items, trait impls) reports a
//! clash in rustc's words. The ways to choose the whole message were weighed and refused:
//! state kept across invocations in the proc macro (rustc documents no order or count of
//! invocations, and rust-analyzer's long-lived expansion server would report actions renamed
//! or deleted long ago), reading the crate's files from the macro (blind to `cfg`, `#[path]`
//! and generated actions), and a list of the actions in `#[connector]` (a list to maintain,
//! whose forgotten entry is a missing action). So the error a reader acts on is ours, next to
//! rustc's one line. The cost of markers: they are (hidden) exported macros of the crate, and
//! two connectors in one crate share one namespace of identifiers and names. `cargo soar
//! bundle` checks the app JSON again.
//!
//! # The context and the connector
//!
//! A macro sees tokens, not types, so the context is the argument whose type is a reference to
//! a path ending in `Ctx` (`&mut Ctx`, `&mut soar_runtime::context::Ctx`), wherever it is, and
//! every other argument after the connector is a parameter: the generated call passes the
//! runtime's context there with the span of the user's type, so a `Ctx` that is something else
//! is a type error at that argument. The context comes right after the connector: a context
//! first (the connector forgotten), later, twice or shared is an error at that argument saying
//! the order. The connector type must implement `Connector`, checked at the user's type.
//!
//! # Lifecycle hooks: a trait, not a check
//!
//! The hooks (`initialize`, `validate_parameters`, `finalize`, `handle_exception`,
//! `handle_cancel`) are the methods of `soar_runtime::connector::Hooks`, a supertrait of
//! `Connector`: `#[connector]` implements it with the platform's defaults unless the attribute
//! says `hooks`, and then the author writes `impl Hooks for MyConnector { ... }`. A misspelled
//! hook (`fn initalize`) in that impl is rustc's E0407 with a suggestion, so it cannot pass
//! unnoticed; a check could not do as much, since a macro does not see the inherent impls of
//! the struct, which may be in any module. What a trait alone would miss, an inherent method
//! with a hook's name (the hook written in the wrong place, which would never run), is refused
//! by a check on the names (see the runtime's `__private::hooks`).
//!
//! # Outputs follow serde
//!
//! `#[derive(ActionOutput)]` reads the `#[serde(...)]` attributes with serde's own model
//! (`serde_derive_internals`, the crate `serde_derive` is built from, on the same syn), so the
//! data paths are those serde writes: rename rules, `flatten`, `skip`, `transparent`, newtype
//! structs, `into`, a struct's `tag`, and enums externally, internally, adjacently and not
//! tagged. What data paths cannot describe (tuples, unit structs, `serialize_with`, `remote`)
//! is an error at the offending token. The derive also implements `OutputType`,
//! `IntoActionResult` and `Summary` for the type, so that the runtime needs no blanket impls
//! over `ActionOutput` and a `Vec<Row>` whose `Row` lacks it is an error naming `Row`.
//!
//! # Rules that depend on types
//!
//! A `primary` parameter whose type brings no contains is a trait bound that fails with its own
//! message (`HasContains<{ !<T as ActionParam>::CONTAINS.is_empty() }>: PrimaryContains<T>`);
//! a default that does not fit the type and a secret with a default are `const` assertions on
//! the types' associated constants. All are evaluated by `cargo check`, with their span on the
//! offending token.

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
    site_of(proc_macro::Span::call_site())
}

/// Where a token is written.
fn site_of(span: proc_macro::Span) -> Site {
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
///     fips_compliant, hooks, crate = "::soar_runtime",
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
/// hooks are the platform's defaults; with `hooks` in the attribute, the author implements
/// `soar_runtime::connector::Hooks` for the struct instead (an inherent method with a hook's
/// name is an error: it would never run). Declare the connector at module level (not inside a
/// function), one per crate.
#[proc_macro_attribute]
pub fn connector(args: TokenStream, item: TokenStream) -> TokenStream {
    pipeline::connector(args.into(), item.into()).into()
}

/// Declares an action: a function whose first argument is the connector (`&mut Whois` or
/// `&Whois`), optionally followed by the context (`&mut Ctx`, recognised by its type), then the
/// parameters.
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
    pipeline::actions(args.into(), item.into(), &|span| site_of(span.unwrap())).into()
}

/// Describes what serde writes for a struct or an enum as action output data paths (derive it
/// beside `serde::Serialize`, whose attributes it reads with serde's own model).
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
