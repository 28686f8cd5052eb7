//! The registration of an action: its handler (typed parameters extracted, the function called,
//! the return value written into the result), its metadata, the compile-time checks that
//! depend on types, and the markers that make a duplicate identifier or name a compile error.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use super::{column, literal_checks, literals, optional, optional_literal, optional_text, texts};
use crate::model::action::{Action, Param, Target};
use crate::names::type_text;
use crate::parse::action::ActionAttr;

/// The items that register the action, to put at module level after the function (or after
/// the impl block that holds it).
pub fn expand(action: &Action) -> TokenStream {
    let runtime = &action.runtime;
    let connector = &action.connector;
    let output = &action.output;
    let markers = super::markers::markers(action);
    let handler = handler(action);
    let meta = meta(action);
    let checks = checks(action);
    let view = view(action);
    let outputs = quote_spanned! {output.span()=>
        <#output as #runtime::output::IntoActionResult>::describe
    };
    quote! {
        #markers

        const _: () = {
            #checks

            #handler

            #view

            fn __soar_outputs(out: &mut ::std::vec::Vec<#runtime::meta::OutputSpec>) {
                #outputs(out)
            }

            #runtime::__private::inventory::submit! {
                #runtime::__private::registry::ActionRegistration {
                    connector: ::core::any::TypeId::of::<#connector>,
                    file: ::core::file!(),
                    line: ::core::line!(),
                    column: ::core::column!(),
                    meta: #meta,
                    outputs: __soar_outputs,
                    handler: __soar_handle,
                }
            }
        };
    }
}

/// The handler: the connector downcast, the parameters extracted, the function called and its
/// value written.
fn handler(action: &Action) -> TokenStream {
    let runtime = &action.runtime;
    let connector = &action.connector;
    let function = &action.function;
    let call = match &action.target {
        Target::Free => quote!(#function),
        Target::Method(self_type) => quote!(<#self_type>::#function),
    };
    let mut arguments = vec![quote!(__soar_connector)];
    if let Some(span) = action.context {
        // At the user's type: a `Ctx` that is not the runtime's is a mismatch there.
        arguments.push(quote_spanned!(span=> __soar_ctx));
    }
    let mut bindings = Vec::new();
    for (index, param) in action.params.iter().enumerate() {
        let binding = format_ident!("__soar_param_{index}");
        let ty = &param.ty;
        let name = param.name.as_str();
        let extract = quote_spanned! {ty.span()=>
            <#ty as #runtime::params::ActionParam>::extract
        };
        bindings.push(quote!(let #binding = #extract(__soar_params, #name)?;));
        arguments.push(quote!(#binding));
    }
    for ty in action.poll_args.iter().take(1) {
        bindings.push(quote_spanned! {ty.span()=>
            let __soar_poll: #ty = #runtime::poll::PollParams::from_run(__soar_params, __soar_ctx)?;
        });
        arguments.push(quote!(__soar_poll));
    }
    let output = &action.output;
    let write = quote_spanned! {output.span()=>
        <#output as #runtime::output::IntoActionResult>::write
    };
    let params =
        (!bindings.is_empty()).then(|| quote!(let __soar_params = __soar_result.parameter();));
    let unused_context = action
        .context
        .is_none()
        .then(|| quote!(let _ = __soar_ctx;));
    quote! {
        fn __soar_handle(
            __soar_connector: &mut dyn ::core::any::Any,
            __soar_ctx: &mut #runtime::context::Ctx,
            __soar_result: &mut #runtime::result::ActionResult,
        ) -> ::core::result::Result<(), #runtime::error::ActionError> {
            let __soar_connector = #runtime::__private::registry::connector::<#connector>(__soar_connector)?;
            #params
            #(#bindings)*
            #unused_context
            let __soar_output = #call(#(#arguments),*);
            #write(__soar_output, __soar_result)
        }
    }
}

/// The renderer of the action's view, when it has one: the view function called on the app
/// runs read as the action's own data and summary types (a mismatch is a type error at the
/// view's path).
fn view(action: &Action) -> Option<TokenStream> {
    let runtime = &action.runtime;
    let path = action.render.as_ref()?.view.as_ref()?;
    let output = &action.output;
    let identifier = action.identifier.as_str();
    let render = quote_spanned! {path.span()=>
        #runtime::__private::view::render::<#output, _, _>(#identifier, #path, payload)
    };
    Some(quote! {
        fn __soar_view(payload: &str) -> ::std::string::String {
            #render
        }
    })
}

/// The `ActionMeta` of the action.
fn meta(action: &Action) -> TokenStream {
    let runtime = &action.runtime;
    let rank = match action.attr {
        ActionAttr::Action => quote!(Action),
        ActionAttr::TestConnectivity => quote!(TestConnectivity),
        ActionAttr::OnPoll => quote!(OnPoll),
    };
    let identifier = action.identifier.as_str();
    let name = action.name.as_str();
    let description = &action.description.value;
    let verbose = &action.verbose.value;
    let kind = action.kind.as_str();
    let read_only = action.read_only;
    let versions = &action.versions;
    let parameters = if action.attr == ActionAttr::OnPoll {
        quote!(&#runtime::poll::PARAMETERS)
    } else {
        let params = action.params.iter().map(|param| param_meta(runtime, param));
        quote!(&[#(#params),*])
    };
    let render = match &action.render {
        Some(render) => {
            let kind = render.kind.as_str();
            let view = match render.view {
                Some(_) => quote!(::core::option::Option::Some(__soar_view)),
                None => quote!(::core::option::Option::None),
            };
            let width = optional(render.width);
            let height = optional(render.height);
            let title = optional_text(render.title.as_deref());
            let menu_name = optional_text(render.menu_name.as_deref());
            quote! {
                ::core::option::Option::Some(#runtime::meta::RenderMeta {
                    kind: #kind, view: #view, width: #width, height: #height, title: #title,
                    menu_name: #menu_name,
                })
            }
        }
        None => quote!(::core::option::Option::None),
    };
    let undo = optional_text(action.undo.as_deref().map(String::as_str));
    let lock = match &action.lock {
        Some(lock) => {
            let enabled = lock.enabled.unwrap_or(true);
            let parameter = optional_text(lock.parameter.as_deref().map(String::as_str));
            let concurrency = optional(lock.concurrency);
            let timeout = optional(lock.timeout);
            quote! {
                ::core::option::Option::Some(#runtime::meta::LockMeta {
                    enabled: #enabled, parameter: #parameter, concurrency: #concurrency,
                    timeout: #timeout,
                })
            }
        }
        None => quote!(::core::option::Option::None),
    };
    let (whole_data, whole_summary) = (
        action.whole.data.is_present(),
        action.whole.summary.is_present(),
    );
    quote! {
        #runtime::meta::ActionMeta {
            rank: #runtime::meta::Rank::#rank,
            identifier: #identifier,
            name: #name,
            description: #description,
            verbose: #verbose,
            kind: #kind,
            read_only: #read_only,
            versions: #versions,
            parameters: #parameters,
            render: #render,
            undo: #undo,
            lock: #lock,
            whole: #runtime::meta::WholeMeta { data: #whole_data, summary: #whole_summary },
        }
    }
}

/// The `ParamMeta` of one parameter.
fn param_meta(runtime: &syn::Path, param: &Param) -> TokenStream {
    let ty = &param.ty;
    let param_type = quote_spanned!(ty.span()=> <#ty as #runtime::params::ActionParam>);
    let name = param.name.as_str();
    let description = &param.description.value;
    let primary = param.primary.is_present();
    let contains = texts(param.contains.iter().map(|item| item.value.as_str()));
    let default = optional_literal(runtime, param.default.as_ref());
    let value_list = literals(runtime, &param.value_list);
    let examples = literals(runtime, &param.examples);
    let column = column(
        runtime,
        param.column.as_deref(),
        param.column_order.as_deref(),
    );
    quote! {
        #runtime::meta::ParamMeta {
            name: #name,
            description: #description,
            data_type: #param_type::DATA_TYPE,
            required: #param_type::REQUIRED,
            primary: #primary,
            allow_list: #param_type::ALLOW_LIST,
            type_contains: #param_type::CONTAINS,
            contains: #contains,
            default: #default,
            value_list: #value_list,
            examples: #examples,
            column: #column,
        }
    }
}

/// The checks that depend on types: the connector is one, and the parameters' rules.
pub fn checks(action: &Action) -> TokenStream {
    let runtime = &action.runtime;
    let connector = &action.connector;
    let is_connector = quote_spanned! {connector.span()=>
        const _: fn() -> #runtime::app_json::AppJson =
            <#connector as #runtime::connector::Connector>::app_json;
    };
    let params: TokenStream = action
        .params
        .iter()
        .map(|param| param_checks(runtime, param))
        .collect();
    quote!(#is_connector #params)
}

/// The checks of one parameter that depend on its type: `primary` needs a contains (the type's
/// or the attribute's), and the default and value list fit the type.
fn param_checks(runtime: &syn::Path, param: &Param) -> TokenStream {
    let ty = &param.ty;
    let what = format!("parameter `{}`", *param.name);
    let mut checks = TokenStream::new();
    if param.primary.is_present() && param.contains.is_empty() {
        let span = param.primary.span();
        let runtime = super::respanned(runtime, span);
        let bounds = quote_spanned!(span=> #runtime::__private::bounds);
        checks.extend(quote_spanned! {span=>
            const _: () = <#bounds::HasContains<{
                !<#ty as #runtime::params::ActionParam>::CONTAINS.is_empty()
            }> as #bounds::PrimaryContains<#ty>>::CHECKED;
        });
    }
    let data_type = quote!(<#ty as #runtime::params::ActionParam>::DATA_TYPE);
    checks.extend(quote_spanned!(ty.span()=> const _: &str = #data_type;));
    checks.extend(literal_checks(
        runtime,
        &data_type,
        &what,
        &type_text(ty),
        param.default.as_ref(),
        &param.value_list,
    ));
    checks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{
        calls, field, free_action, function, invocations, items, method_action, qualified_paths,
        struct_expr, text, ty,
    };
    use quote::quote;
    use syn::parse_quote;

    fn action(attr: ActionAttr, args: TokenStream, item: syn::ItemFn) -> Action {
        free_action(attr, args, &item).unwrap()
    }

    fn lookup() -> Action {
        action(
            ActionAttr::Action,
            quote!(kind = "investigate", render = "table"),
            parse_quote! {
                /// Look a domain up.
                fn lookup(
                    c: &mut Whois,
                    ctx: &mut Ctx,
                    #[param(primary)] domain: String,
                    #[param(contains = ["ip"], default = "1.2.3.4")] server: Option<String>,
                ) -> Vec<Record> { todo!() }
            },
        )
    }

    /// The registration submitted to inventory.
    fn registration(items: &[syn::Item]) -> syn::ExprStruct {
        let (_, tokens) = invocations(items)
            .into_iter()
            .find(|(name, _)| name == "submit")
            .expect("a registration");
        struct_expr(&tokens)
    }

    #[test]
    fn the_handler_extracts_the_parameters_and_calls_the_function_in_order() {
        let out = items(&expand(&lookup()));
        let handler = function(&out, "__soar_handle").unwrap();
        assert_eq!(
            calls(handler, "lookup"),
            [[
                "__soar_connector",
                "__soar_ctx",
                "__soar_param_0",
                "__soar_param_1"
            ]]
        );
        let qualified: Vec<(syn::Type, String, String)> =
            qualified_paths(std::slice::from_ref(&syn::Item::Fn(handler.clone())));
        assert_eq!(
            qualified,
            [
                (ty("String"), "ActionParam".into(), "extract".into()),
                (ty("Option<String>"), "ActionParam".into(), "extract".into()),
                (ty("Vec<Record>"), "IntoActionResult".into(), "write".into()),
            ]
        );
        assert_eq!(
            calls(handler, "connector"),
            [["__soar_connector"]],
            "the connector is downcast first"
        );
    }

    #[test]
    fn without_a_context_the_function_is_not_given_one() {
        let action = action(
            ActionAttr::Action,
            quote!(),
            parse_quote!(
                #[doc = "Ping."]
                fn ping(c: &Whois) {}
            ),
        );
        let out = items(&expand(&action));
        let handler = function(&out, "__soar_handle").unwrap();
        assert_eq!(calls(handler, "ping"), [["__soar_connector"]]);
    }

    #[test]
    fn a_method_is_called_through_its_type() {
        let signature: syn::Signature = parse_quote!(fn check(&mut self, ctx: &mut Ctx));
        let action = method_action(ActionAttr::TestConnectivity, &signature, "Whois").unwrap();
        let out = items(&expand(&action));
        let handler = function(&out, "__soar_handle").unwrap();
        assert_eq!(
            calls(handler, "check"),
            [["__soar_connector", "__soar_ctx"]]
        );
    }

    #[test]
    fn the_registration_carries_the_metadata() {
        let out = items(&expand(&lookup()));
        let registration = registration(&out);
        assert!(
            matches!(field(&registration, "file"), syn::Expr::Macro(file) if crate::test_support::last(&file.mac.path) == "file"),
            "the declaration order comes from file!()"
        );
        let meta = match field(&registration, "meta") {
            syn::Expr::Struct(meta) => meta.clone(),
            other => panic!("{}", quote!(#other)),
        };
        assert_eq!(text(field(&meta, "identifier")), "lookup");
        assert_eq!(text(field(&meta, "name")), "lookup");
        assert_eq!(text(field(&meta, "kind")), "investigate");
        assert_eq!(text(field(&meta, "description")), "Look a domain up");
        let syn::Expr::Reference(parameters) = field(&meta, "parameters") else {
            panic!("a slice of parameters");
        };
        let syn::Expr::Array(parameters) = &*parameters.expr else {
            panic!("an array");
        };
        let names: Vec<String> = parameters
            .elems
            .iter()
            .map(|param| match param {
                syn::Expr::Struct(param) => text(field(param, "name")),
                other => panic!("{}", quote!(#other)),
            })
            .collect();
        assert_eq!(names, ["domain", "server"]);
    }

    #[test]
    fn the_type_checks_name_the_users_types() {
        let out = items(&checks(&lookup()));
        let qualified = qualified_paths(&out);
        assert!(
            qualified.contains(&(ty("Whois"), "Connector".into(), "app_json".into())),
            "the connector is one: {qualified:?}"
        );
        let primary: Vec<&(syn::Type, String, String)> = qualified
            .iter()
            .filter(|(_, trait_name, _)| trait_name == "PrimaryContains")
            .collect();
        assert_eq!(
            primary.len(),
            1,
            "only `domain` is primary without contains"
        );
        let data_types = qualified
            .iter()
            .filter(|(_, trait_name, item)| trait_name == "ActionParam" && item == "DATA_TYPE")
            .count();
        assert!(data_types >= 2, "each parameter's type is a parameter type");
    }
}
