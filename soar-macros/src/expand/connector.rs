//! The `Connector` impl of a `#[connector]` struct: its app JSON, `from_config` building the
//! struct field by field, the lifecycle hooks, and dispatch to the registered actions.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use super::{literal_checks, literals, optional, optional_literal, optional_text, text, texts};
use crate::model::connector::{Connector, FieldRole};
use crate::names::type_text;

/// The generated items that follow the struct.
pub fn expand(connector: &Connector) -> TokenStream {
    let runtime = &connector.runtime;
    let ident = &connector.ident;
    let meta = meta(connector);
    let checks = checks(connector);
    let fields = connector.fields.iter().map(|field| {
        let member = &field.member;
        match &field.role {
            FieldRole::Config(spec) => {
                let name = spec.name.as_str();
                let ty = &field.ty;
                let extract = quote_spanned! {ty.span()=>
                    <#ty as #runtime::asset::AssetField>::extract
                };
                quote!(#member: #extract(config, #name)?)
            }
            FieldRole::Skipped => quote!(#member: ::core::default::Default::default()),
        }
    });
    let webhook = webhook_fn(connector);
    let rest_handler = rest_handler_fn(connector);
    let default_hooks = default_hooks(runtime, ident, connector.hooks);
    let no_inherent_hooks = no_inherent_hooks(connector);
    quote! {
        const _: () = {
            #checks

            #[automatically_derived]
            impl #runtime::connector::Connector for #ident {
                fn app_json() -> #runtime::app_json::AppJson {
                    const META: #runtime::meta::ConnectorMeta = #meta;
                    #runtime::__private::build::app_json::<Self>(&META)
                }

                fn view(identifier: &str) -> ::core::option::Option<#runtime::meta::ViewFn> {
                    #runtime::__private::registry::view_of::<Self>(identifier)
                }

                fn webhook() -> ::core::option::Option<#runtime::meta::WebhookFn> {
                    #webhook
                }

                fn rest_handler() -> ::core::option::Option<#runtime::meta::RestHandlerFn> {
                    #rest_handler
                }

                fn from_config(
                    config: &#runtime::config::Config,
                    ctx: &mut #runtime::context::Ctx,
                ) -> ::core::result::Result<Self, #runtime::error::ActionError> {
                    let _ = ctx;
                    ::core::result::Result::Ok(Self { #(#fields,)* })
                }

                fn handle_action(
                    &mut self,
                    ctx: &mut #runtime::context::Ctx,
                    result: &mut #runtime::result::ActionResult,
                ) -> ::core::result::Result<(), #runtime::error::ActionError> {
                    #runtime::__private::registry::dispatch::<Self>(self, ctx, result)
                }
            }

            #default_hooks
        };

        #no_inherent_hooks
    }
}

/// The body of `Connector::webhook`: the handler that `webhook(handler = ...)` names, or `None`.
fn webhook_fn(connector: &Connector) -> TokenStream {
    let handler = connector
        .app
        .webhook
        .as_ref()
        .map(|webhook| &webhook.handler);
    handler_fn(
        &connector.runtime,
        handler,
        &quote!(webhook),
        &quote!(WebhookRequest),
        &quote!(WebhookResponse),
    )
}

/// The body of `Connector::rest_handler`: the handler that `rest_handler(handler = ...)`
/// names, or `None`.
fn rest_handler_fn(connector: &Connector) -> TokenStream {
    handler_fn(
        &connector.runtime,
        connector.app.rest_handler.as_ref(),
        &quote!(rest),
        &quote!(RestRequest),
        &quote!(RestResponse),
    )
}

/// `Some` of a closure that answers a request's payload with `handler` through the runtime's
/// `<module>::handle`, where the handler takes a `<module>::<request>` and returns a
/// `<module>::<response>` (a handler of another signature is an error at its name); `None`
/// without a handler.
fn handler_fn(
    runtime: &syn::Path,
    handler: Option<&syn::Path>,
    module: &TokenStream,
    request: &TokenStream,
    response: &TokenStream,
) -> TokenStream {
    let Some(handler) = handler else {
        return quote!(::core::option::Option::None);
    };
    let typed = quote_spanned! {handler.span()=>
        {
            let handler: fn(
                #runtime::#module::#request,
            ) -> ::core::result::Result<#runtime::#module::#response, #runtime::error::ActionError> = #handler;
            handler
        }
    };
    quote! {
        ::core::option::Option::Some(|app, payload| {
            #runtime::#module::handle(app, #typed, payload)
        })
    }
}

/// The `WebhookMeta` of the connector's webhook, or `None`.
fn webhook_meta(connector: &Connector) -> TokenStream {
    let runtime = &connector.runtime;
    let Some(webhook) = &connector.app.webhook else {
        return quote!(::core::option::Option::None);
    };
    let requires_auth = webhook.requires_auth;
    let allowed_headers = texts(webhook.allowed_headers.iter().map(String::as_str));
    let ip_allowlist = texts(webhook.ip_allowlist.iter().map(|network| network.as_str()));
    quote! {
        ::core::option::Option::Some(#runtime::meta::WebhookMeta {
            requires_auth: #requires_auth,
            allowed_headers: #allowed_headers,
            ip_allowlist: #ip_allowlist,
        })
    }
}

/// The default `Hooks` impl, unless the author says (`hooks`) that they write it.
fn default_hooks(runtime: &syn::Path, ident: &syn::Ident, authored: bool) -> TokenStream {
    if authored {
        return TokenStream::new();
    }
    quote! {
        #[automatically_derived]
        impl #runtime::connector::Hooks for #ident {}
    }
}

/// The lifecycle hooks' names, with the runtime's trait that refuses an inherent method of that
/// name.
const HOOKS: [(&str, &str); 5] = [
    ("initialize", "NotInherentInitialize"),
    ("validate_parameters", "NotInherentValidateParameters"),
    ("finalize", "NotInherentFinalize"),
    ("handle_exception", "NotInherentHandleException"),
    ("handle_cancel", "NotInherentHandleCancel"),
];

/// The check that the struct has no inherent method named like a hook, which would never run
/// (see the runtime's `__private::hooks`). A child module of the struct's sees its private
/// inherent methods, and imports nothing but the fallback names.
fn no_inherent_hooks(connector: &Connector) -> TokenStream {
    let ident = &connector.ident;
    let span = ident.span();
    let hooks = super::respanned(&connector.runtime, span);
    let hooks = quote_spanned!(span=> #hooks::__private::hooks);
    let module = format_ident!("__soar_no_inherent_hooks_{}", ident);
    let checks = HOOKS.iter().map(|(hook, refusal)| {
        let hook = format_ident!("{}", hook, span = span);
        let refusal = format_ident!("{}", refusal, span = span);
        quote_spanned! {span=>
            const _: () = <#hooks::IsSlot<{
                ::core::mem::size_of_val(&super::#ident::#hook) == #hooks::SLOT_SIZE
            }> as #hooks::#refusal>::CHECKED;
        }
    });
    quote! {
        #[doc(hidden)]
        #[allow(non_snake_case)]
        mod #module {
            use #hooks::HookSlots as _;
            #(#checks)*
        }
    }
}

/// The `ConnectorMeta` constant.
fn meta(connector: &Connector) -> TokenStream {
    let runtime = &connector.runtime;
    let app = &connector.app;
    let appid = app.appid.as_str();
    let name = app.name.as_str();
    let description = &app.description.value;
    let publisher = &app.publisher;
    let app_type = app.app_type.as_str();
    let product_vendor = &app.product_vendor;
    let product_name = &app.product_name;
    let product_version_regex = &app.product_version_regex;
    let app_version = match &app.app_version {
        Some(version) => {
            let version = version.as_str();
            quote!(#version)
        }
        None => quote!(::core::env!("CARGO_PKG_VERSION")),
    };
    let license = &app.license;
    let min_phantom_version = app.min_phantom_version.as_str();
    let python_version = app.python_version.as_str();
    let package_name = &app.package_name;
    let main_module = app.main_module.as_str();
    let logo = &app.logo;
    let logo_dark = &app.logo_dark;
    let contributors = texts(app.contributors.iter().map(String::as_str));
    let fips_compliant = app.fips_compliant;
    let latest_tested_versions = texts(app.latest_tested_versions.iter().map(String::as_str));
    let app_wizard_version = optional_text(app.app_wizard_version.as_deref());
    let app_config_render = optional_text(app.app_config_render.as_deref());
    let consolidate_widgets = optional(app.consolidate_widgets);
    let rest_handler = app.rest_handler.is_some();
    let webhook = webhook_meta(connector);
    let pip39_wheels = texts(app.pip39_wheels.iter().map(|path| path.as_str()));
    let pip313_wheels = texts(app.pip313_wheels.iter().map(|path| path.as_str()));
    let configuration = connector.fields.iter().filter_map(|field| {
        let FieldRole::Config(spec) = &field.role else {
            return None;
        };
        let ty = &field.ty;
        let field_type = quote_spanned!(ty.span()=> <#ty as #runtime::asset::AssetField>);
        let name = spec.name.as_str();
        let description = &spec.description.value;
        let default = optional_literal(runtime, spec.default.as_ref());
        let value_list = literals(runtime, &spec.value_list);
        Some(quote! {
            #runtime::meta::ConfigFieldMeta {
                name: #name,
                description: #description,
                data_type: #field_type::DATA_TYPE,
                required: #field_type::REQUIRED,
                default: #default,
                value_list: #value_list,
            }
        })
    });
    quote! {
        #runtime::meta::ConnectorMeta {
            appid: #appid,
            name: #name,
            description: #description,
            publisher: #publisher,
            app_type: #app_type,
            product_vendor: #product_vendor,
            product_name: #product_name,
            product_version_regex: #product_version_regex,
            app_version: #app_version,
            license: #license,
            min_phantom_version: #min_phantom_version,
            python_version: #python_version,
            package_name: #package_name,
            main_module: #main_module,
            logo: #logo,
            logo_dark: #logo_dark,
            contributors: #contributors,
            fips_compliant: #fips_compliant,
            latest_tested_versions: #latest_tested_versions,
            app_wizard_version: #app_wizard_version,
            app_config_render: #app_config_render,
            consolidate_widgets: #consolidate_widgets,
            rest_handler: #rest_handler,
            webhook: #webhook,
            pip39_wheels: #pip39_wheels,
            pip313_wheels: #pip313_wheels,
            configuration: &[#(#configuration),*],
        }
    }
}

/// The checks that depend on the fields' types, and the crate's version when it is the app's.
pub fn checks(connector: &Connector) -> TokenStream {
    let runtime = &connector.runtime;
    let mut checks = TokenStream::new();
    if connector.app.app_version.is_none() {
        let message = text(
            "the crate's version is the app version, and the platform wants x.y.z: set `version` in Cargo.toml, or `app_version = \"x.y.z\"` in #[connector]",
        );
        checks.extend(quote! {
            const _: () = ::core::assert!(
                #runtime::__private::checks::is_app_version(::core::env!("CARGO_PKG_VERSION")),
                #message
            );
        });
    }
    for field in &connector.fields {
        let FieldRole::Config(spec) = &field.role else {
            continue;
        };
        let ty = &field.ty;
        let data_type = quote!(<#ty as #runtime::asset::AssetField>::DATA_TYPE);
        checks.extend(quote_spanned!(ty.span()=> const _: &str = #data_type;));
        checks.extend(literal_checks(
            runtime,
            &data_type,
            &format!("configuration field `{}`", *spec.name),
            &type_text(ty),
            spec.default.as_ref(),
            &spec.value_list,
        ));
    }
    checks
}

/// What other code needs when the connector has errors: a `Connector` impl (and the default
/// `Hooks` unless the author writes them), so that uses of the struct do not add errors of their
/// own.
pub fn stub(runtime: &syn::Path, ident: &syn::Ident, authored_hooks: bool) -> TokenStream {
    let default_hooks = default_hooks(runtime, ident, authored_hooks);
    quote! {
        impl #runtime::connector::Connector for #ident {
            fn app_json() -> #runtime::app_json::AppJson {
                ::core::unreachable!()
            }

            fn from_config(
                _: &#runtime::config::Config,
                _: &mut #runtime::context::Ctx,
            ) -> ::core::result::Result<Self, #runtime::error::ActionError> {
                ::core::unreachable!()
            }

            fn handle_action(
                &mut self,
                _: &mut #runtime::context::Ctx,
                _: &mut #runtime::result::ActionResult,
            ) -> ::core::result::Result<(), #runtime::error::ActionError> {
                ::core::unreachable!()
            }
        }

        #default_hooks
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{
        expr_paths, field, items, macro_args, path, qualified_paths, struct_exprs, text,
        trait_impls, ty,
    };
    use quote::ToTokens;
    use syn::parse_quote;

    const ARGS: &str = r#"appid = "1b4c2f39-0a55-4c1e-9d57-5f3f1a7c9e21", name = "WHOIS Sample App",
        publisher = "Example Corp", app_type = "information", product_vendor = "Generic",
        product_name = "Whois", license = "Apache-2.0""#;

    fn connector(extra: &str) -> Connector {
        let args: TokenStream = format!("{ARGS}{extra}").parse().unwrap();
        let item: syn::ItemStruct = parse_quote! {
            /// Query WHOIS servers.
            pub struct Whois {
                /// Server to use
                #[config(name = "server")]
                whois_server: Option<String>,
                #[config(skip)]
                cache: Vec<String>,
            }
        };
        crate::parse::args(args)
            .and_then(|args| crate::model::connector::build(args, &item))
            .unwrap()
    }

    fn method_names(block: &syn::ItemImpl) -> Vec<String> {
        block
            .items
            .iter()
            .filter_map(|item| match item {
                syn::ImplItem::Fn(method) => Some(method.sig.ident.to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_connector_impl_builds_the_struct_field_by_field() {
        let out = items(&expand(&connector("")));
        let block = trait_impls(&out, "Connector")[0];
        assert_eq!(
            method_names(block),
            [
                "app_json",
                "view",
                "webhook",
                "rest_handler",
                "from_config",
                "handle_action"
            ]
        );
        let built = struct_exprs(&syn::Item::Impl(block.clone()))
            .into_iter()
            .find(|expr| expr.path.is_ident("Self"))
            .expect("`Self { .. }` in from_config");
        let syn::Expr::Try(server) = field(&built, "whois_server") else {
            panic!("a configuration field that can fail");
        };
        let syn::Expr::Call(extract) = &*server.expr else {
            panic!("a call");
        };
        let syn::Expr::Path(callee) = &*extract.func else {
            panic!("a path");
        };
        assert_eq!(*callee.qself.as_ref().unwrap().ty, ty("Option<String>"));
        assert_eq!(crate::test_support::last(&callee.path), "extract");
        assert_eq!(
            text(&extract.args[1]),
            "server",
            "under its configuration name"
        );
        let syn::Expr::Call(default) = field(&built, "cache") else {
            panic!("a skipped field is built with Default");
        };
        let syn::Expr::Path(callee) = &*default.func else {
            panic!("a path");
        };
        assert_eq!(callee.path, path("::core::default::Default::default"));
    }

    #[test]
    fn the_metadata_constant() {
        let out = items(&expand(&connector(", fips_compliant")));
        let meta = out
            .iter()
            .find_map(|item| match item {
                syn::Item::Impl(block) => block.items.iter().find_map(|item| match item {
                    syn::ImplItem::Fn(method) if method.sig.ident == "app_json" => {
                        method.block.stmts.iter().find_map(|stmt| match stmt {
                            syn::Stmt::Item(syn::Item::Const(constant)) => match &*constant.expr {
                                syn::Expr::Struct(meta) => Some(meta.clone()),
                                _ => None,
                            },
                            _ => None,
                        })
                    }
                    _ => None,
                }),
                _ => None,
            })
            .expect("the META constant");
        assert_eq!(
            text(field(&meta, "appid")),
            "1b4c2f39-0a55-4c1e-9d57-5f3f1a7c9e21"
        );
        assert_eq!(text(field(&meta, "package_name")), "phantom_whoissampleapp");
        assert_eq!(text(field(&meta, "description")), "Query WHOIS servers.");
        assert!(
            matches!(field(&meta, "app_version"), syn::Expr::Macro(_)),
            "the crate's version"
        );
        assert!(
            matches!(field(&meta, "fips_compliant"), syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Bool(flag), .. }) if flag.value)
        );
        let syn::Expr::Reference(configuration) = field(&meta, "configuration") else {
            panic!("a slice");
        };
        let syn::Expr::Array(configuration) = &*configuration.expr else {
            panic!("an array");
        };
        assert_eq!(
            configuration.elems.len(),
            1,
            "the skipped field is not configuration"
        );
    }

    /// The token text of `webhook()`'s body and of the meta constant's `webhook`.
    fn webhook_expansion(extra: &str) -> (String, String) {
        let connector = connector(extra);
        (
            webhook_fn(&connector).to_string(),
            webhook_meta(&connector).to_string(),
        )
    }

    /// The function a handler's closure (`Some(|app, payload| ...)`) calls, and the typed
    /// handler it passes, as token text.
    fn handler_call(body: &str) -> (String, String) {
        let closure: syn::ExprCall = syn::parse_str(body).unwrap();
        assert_eq!(
            text_of(&closure.func),
            quote!(::core::option::Option::Some).to_string()
        );
        let syn::Expr::Closure(closure) = &closure.args[0] else {
            panic!("a closure that coerces to the fn pointer");
        };
        assert_eq!(closure.inputs.len(), 2);
        let syn::Expr::Block(block) = &*closure.body else {
            panic!("a block");
        };
        let Some(syn::Stmt::Expr(syn::Expr::Call(call), None)) = block.block.stmts.first() else {
            panic!("a call");
        };
        (text_of(&call.func), text_of(&call.args[1]))
    }

    #[test]
    fn the_rest_handler_calls_the_typed_handler_through_the_runtime() {
        assert_eq!(
            rest_handler_fn(&connector("")).to_string(),
            quote!(::core::option::Option::None).to_string()
        );
        let body = rest_handler_fn(&connector(", rest_handler(handler = oauth::callback)"));
        let (handle, typed) = handler_call(&body.to_string());
        assert_eq!(handle, quote!(::soar_runtime::rest::handle).to_string());
        assert!(
            typed.contains("RestRequest")
                && typed.contains("RestResponse")
                && typed.contains(&quote!(= oauth::callback).to_string()),
            "{typed}"
        );
    }

    #[test]
    fn no_webhook_is_none_twice() {
        let (body, meta) = webhook_expansion("");
        assert_eq!(body, quote!(::core::option::Option::None).to_string());
        assert_eq!(meta, body);
    }

    #[test]
    fn the_webhook_calls_the_typed_handler_through_the_runtime() {
        let (body, meta) = webhook_expansion(
            r#", webhook(handler = hooks::pushed, requires_auth = false, allowed_headers = ["Content-Type"])"#,
        );
        let (handle, typed) = handler_call(&body);
        assert_eq!(handle, quote!(::soar_runtime::webhook::handle).to_string());
        assert!(
            typed.contains("WebhookRequest")
                && typed.contains(&quote!(= hooks::pushed).to_string()),
            "{typed}"
        );
        let meta: syn::ExprCall = syn::parse_str(&meta).unwrap();
        let syn::Expr::Struct(meta) = &meta.args[0] else {
            panic!("a WebhookMeta");
        };
        assert_eq!(text_of(field(meta, "requires_auth")), "false");
        assert_eq!(
            text_of(field(meta, "ip_allowlist")),
            quote!(&["0.0.0.0/0", "::/0"]).to_string()
        );
        assert_eq!(
            text_of(field(meta, "allowed_headers")),
            quote!(&["Content-Type"]).to_string()
        );
    }

    fn text_of(expr: &syn::Expr) -> String {
        expr.to_token_stream().to_string()
    }

    #[test]
    fn the_default_hooks_unless_the_author_writes_them() {
        let out = items(&expand(&connector("")));
        let hooks = trait_impls(&out, "Hooks");
        assert_eq!(hooks.len(), 1);
        assert_eq!(*hooks[0].self_ty, ty("Whois"));
        assert!(hooks[0].items.is_empty());
        let out = items(&expand(&connector(", hooks")));
        assert!(trait_impls(&out, "Hooks").is_empty());
    }

    #[test]
    fn every_hook_name_is_checked_against_inherent_methods() {
        let out = items(&expand(&connector(", hooks")));
        let refusals: Vec<String> = qualified_paths(&out)
            .into_iter()
            .filter(|(_, trait_name, _)| trait_name.starts_with("NotInherent"))
            .map(|(_, trait_name, _)| trait_name)
            .collect();
        assert_eq!(
            refusals,
            [
                "NotInherentInitialize",
                "NotInherentValidateParameters",
                "NotInherentFinalize",
                "NotInherentHandleException",
                "NotInherentHandleCancel"
            ]
        );
        let module = out
            .iter()
            .find_map(|item| match item {
                syn::Item::Mod(module) => Some(module),
                _ => None,
            })
            .unwrap();
        assert_eq!(module.ident, "__soar_no_inherent_hooks_Whois");
        let named: Vec<String> = expr_paths(&syn::Item::Mod(module.clone()))
            .into_iter()
            .filter(|named| named.starts_with("super::Whois::"))
            .collect();
        assert_eq!(
            named,
            [
                "super::Whois::initialize",
                "super::Whois::validate_parameters",
                "super::Whois::finalize",
                "super::Whois::handle_exception",
                "super::Whois::handle_cancel"
            ]
        );
    }

    #[test]
    fn the_crates_version_is_checked_only_when_it_is_the_apps() {
        let asserted = |connector: &Connector| -> Vec<String> {
            let checks = checks(connector);
            items(&checks)
                .iter()
                .filter_map(|item| match item {
                    syn::Item::Const(constant) => match &*constant.expr {
                        syn::Expr::Macro(assert) => {
                            macro_args(&assert.mac).first().map(|first| match first {
                                syn::Expr::Call(call) => match &*call.func {
                                    syn::Expr::Path(callee) => {
                                        crate::test_support::last(&callee.path)
                                    }
                                    _ => String::new(),
                                },
                                _ => String::new(),
                            })
                        }
                        _ => None,
                    },
                    _ => None,
                })
                .collect()
        };
        assert_eq!(asserted(&connector("")), ["is_app_version"]);
        assert!(asserted(&connector(", app_version = \"1.2.3\"")).is_empty());
    }

    #[test]
    fn the_stub_implements_what_the_rest_names_under_the_override() {
        let runtime = path("crate::rt");
        let out = items(&stub(&runtime, &parse_quote!(Whois), false));
        let connector = trait_impls(&out, "Connector");
        assert_eq!(
            method_names(connector[0]),
            ["app_json", "from_config", "handle_action"]
        );
        assert_eq!(
            connector[0].trait_.as_ref().unwrap().0,
            path("crate::rt::connector::Connector")
        );
        assert_eq!(
            trait_impls(&out, "Hooks")[0].trait_.as_ref().unwrap().0,
            path("crate::rt::connector::Hooks")
        );
        let out = items(&stub(&runtime, &parse_quote!(Whois), true));
        assert!(trait_impls(&out, "Hooks").is_empty());
    }
}
