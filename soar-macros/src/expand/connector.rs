//! The `Connector` impl of a `#[connector]` struct: its app JSON, `from_config` building the
//! struct field by field, the lifecycle hooks, and dispatch to the registered actions.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use super::{literal_checks, literals, optional_literal, text, texts, type_name};
use crate::model::connector::{Connector, FieldRole};

/// The generated items that follow the struct.
pub fn expand(connector: &Connector) -> TokenStream {
    let runtime = &connector.runtime;
    let ident = &connector.ident;
    let hooks_module = hooks_module_name(connector);
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
    let hooks = hooks(connector);
    quote! {
        const _: () = {
            #checks

            #[automatically_derived]
            impl #runtime::connector::Connector for #ident {
                fn app_json() -> #runtime::app_json::AppJson {
                    const META: #runtime::meta::ConnectorMeta = #meta;
                    #runtime::__private::build::app_json::<Self>(&META)
                }

                fn from_config(
                    config: &#runtime::config::Config,
                    ctx: &mut #runtime::context::Ctx,
                ) -> ::core::result::Result<Self, #runtime::error::ActionError> {
                    let _ = ctx;
                    ::core::result::Result::Ok(Self { #(#fields,)* })
                }

                fn initialize(
                    &mut self,
                    ctx: &mut #runtime::context::Ctx,
                ) -> ::core::result::Result<(), #runtime::error::ActionError> {
                    #hooks_module::initialize(self, ctx)
                }

                fn validate_parameters(
                    &mut self,
                    ctx: &mut #runtime::context::Ctx,
                    action: &#runtime::app_json::Action,
                    params: &#runtime::__private::serde_json::Map<::std::string::String, #runtime::__private::serde_json::Value>,
                ) -> ::core::result::Result<(), #runtime::error::ActionError> {
                    #hooks_module::validate_parameters(self, ctx, action, params)
                }

                fn handle_action(
                    &mut self,
                    ctx: &mut #runtime::context::Ctx,
                    result: &mut #runtime::result::ActionResult,
                ) -> ::core::result::Result<(), #runtime::error::ActionError> {
                    #runtime::__private::registry::dispatch::<Self>(self, ctx, result)
                }

                fn finalize(
                    &mut self,
                    ctx: &mut #runtime::context::Ctx,
                ) -> ::core::result::Result<(), #runtime::error::ActionError> {
                    #hooks_module::finalize(self, ctx)
                }

                fn handle_exception(&mut self, ctx: &mut #runtime::context::Ctx, message: &str) {
                    #hooks_module::handle_exception(self, ctx, message)
                }

                fn handle_cancel(&mut self, ctx: &mut #runtime::context::Ctx) {
                    #hooks_module::handle_cancel(self, ctx)
                }
            }
        };

        #hooks
    }
}

/// The module that calls the hooks: it imports nothing but `DefaultHooks`, so that an inherent
/// method of the connector wins and the default applies otherwise (see the runtime's
/// `__private::hooks`).
fn hooks(connector: &Connector) -> TokenStream {
    let runtime = &connector.runtime;
    let ident = &connector.ident;
    let module = hooks_module_name(connector);
    quote! {
        #[doc(hidden)]
        #[allow(non_snake_case)]
        mod #module {
            use #runtime::__private::hooks::DefaultHooks as _;

            type Ctx = #runtime::context::Ctx;
            type Outcome = ::core::result::Result<(), #runtime::error::ActionError>;
            type Params = #runtime::__private::serde_json::Map<::std::string::String, #runtime::__private::serde_json::Value>;

            pub(super) fn initialize(connector: &mut super::#ident, ctx: &mut Ctx) -> Outcome {
                (*connector).initialize(ctx)
            }

            pub(super) fn validate_parameters(
                connector: &mut super::#ident,
                ctx: &mut Ctx,
                action: &#runtime::app_json::Action,
                params: &Params,
            ) -> Outcome {
                (*connector).validate_parameters(ctx, action, params)
            }

            pub(super) fn finalize(connector: &mut super::#ident, ctx: &mut Ctx) -> Outcome {
                (*connector).finalize(ctx)
            }

            pub(super) fn handle_exception(connector: &mut super::#ident, ctx: &mut Ctx, message: &str) {
                (*connector).handle_exception(ctx, message)
            }

            pub(super) fn handle_cancel(connector: &mut super::#ident, ctx: &mut Ctx) {
                (*connector).handle_cancel(ctx)
            }
        }
    }
}

fn hooks_module_name(connector: &Connector) -> syn::Ident {
    format_ident!("__soar_hooks_{}", connector.ident)
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
    let main_module = &app.main_module;
    let logo = &app.logo;
    let logo_dark = &app.logo_dark;
    let contributors = texts(app.contributors.iter().map(String::as_str));
    let fips_compliant = app.fips_compliant;
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
            &type_name(ty),
            spec.default.as_ref(),
            &spec.value_list,
        ));
    }
    checks
}

/// What other code needs when the connector has errors: a `Connector` impl, so that uses of
/// the struct do not add errors of their own.
pub fn stub(runtime: &syn::Path, ident: &syn::Ident) -> TokenStream {
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
    }
}
