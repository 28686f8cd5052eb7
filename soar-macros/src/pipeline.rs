//! Each macro as one pass through the stages: parse, model, check, expand. On errors the
//! output is the cleaned item (helper attributes stripped), stubs for what other code names,
//! and every error as a `compile_error!`; a macro never panics.

use darling::Error;
use proc_macro2::TokenStream;
use quote::{ToTokens, quote};

use crate::parse::action::ActionAttr;
use crate::{check, expand, model, parse};

/// `#[connector(...)]` on a struct.
pub fn connector(args: TokenStream, item: TokenStream) -> TokenStream {
    let mut item: syn::ItemStruct = match syn::parse2(item.clone()) {
        Ok(item) => item,
        Err(error) => {
            let error = Error::custom("#[connector] goes on the connector's struct")
                .with_span(&error.span());
            return with_errors(item, error);
        }
    };
    let built = parse::args(args).and_then(|args| model::connector::build(args, &item));
    parse::connector::strip(&mut item);
    let connector = match built {
        Ok(connector) => connector,
        Err(errors) => {
            let stub = expand::connector::stub(&parse::runtime_path(None), &item.ident);
            return with_errors(quote!(#item #stub), errors);
        }
    };
    match check::connector::check(&connector) {
        Ok(()) => {
            let generated = expand::connector::expand(&connector);
            quote!(#item #generated)
        }
        Err(errors) => {
            // The checks that need types still run, so that every error shows at once.
            let stub = expand::connector::stub(&connector.runtime, &item.ident);
            let checks = expand::connector::checks(&connector);
            with_errors(quote!(#item #stub const _: () = { #checks };), errors)
        }
    }
}

/// `#[action(...)]`, `#[test_connectivity(...)]` or `#[on_poll]` on a free function.
pub fn action(attr: ActionAttr, args: TokenStream, item: TokenStream) -> TokenStream {
    let mut function: syn::ItemFn = match syn::parse2(item.clone()) {
        Ok(function) => function,
        Err(error) => {
            let error = Error::custom("this attribute goes on a function").with_span(&error.span());
            return with_errors(item, error);
        }
    };
    let built = model::action::build(
        attr,
        args,
        &function.attrs,
        &function.sig,
        model::action::Target::Free,
    );
    parse::action::strip(&mut function.sig);
    match built {
        Ok(action) => match checked(&action) {
            Ok(registration) => quote!(#function #registration),
            Err((checks, errors)) => with_errors(quote!(#function #checks), errors),
        },
        Err(errors) => with_errors(function.into_token_stream(), errors),
    }
}

/// `#[actions]` on an impl block of the connector: its methods marked `#[action]`,
/// `#[test_connectivity]` or `#[on_poll]` are registered.
pub fn actions(args: TokenStream, item: TokenStream) -> TokenStream {
    let mut block: syn::ItemImpl = match syn::parse2(item.clone()) {
        Ok(block) => block,
        Err(error) => {
            let error = Error::custom("#[actions] goes on an impl block of the connector")
                .with_span(&error.span());
            return with_errors(item, error);
        }
    };
    let mut errors = Error::accumulator();
    if !args.is_empty() {
        errors.push(Error::custom("#[actions] takes no arguments").with_span(&args));
    }
    if !block.generics.params.is_empty() || block.trait_.is_some() {
        errors.push(
            Error::custom("#[actions] goes on an inherent impl block of a concrete connector type")
                .with_span(&block.self_ty),
        );
    }
    let self_type = (*block.self_ty).clone();
    let mut registrations = TokenStream::new();
    for item in &mut block.items {
        let syn::ImplItem::Fn(method) = item else {
            continue;
        };
        let Some(position) = method
            .attrs
            .iter()
            .position(|attr| ActionAttr::of(attr).is_some())
        else {
            continue;
        };
        let attr = method.attrs.remove(position);
        let Some(kind) = ActionAttr::of(&attr) else {
            continue;
        };
        let built = ActionAttr::arguments(&attr).and_then(|args| {
            model::action::build(
                kind,
                args,
                &method.attrs,
                &method.sig,
                model::action::Target::Method(Box::new(self_type.clone())),
            )
        });
        parse::action::strip(&mut method.sig);
        let Some(action) = errors.handle(built) else {
            continue;
        };
        match checked(&action) {
            Ok(registration) => registrations.extend(registration),
            Err((checks, error)) => {
                registrations.extend(checks);
                errors.push(error);
            }
        }
    }
    match errors.finish() {
        Ok(()) => quote!(#block #registrations),
        Err(errors) => with_errors(quote!(#block #registrations), errors),
    }
}

/// The registration of a checked action; on errors, the checks that need types (so that every
/// error shows at once) and the errors.
fn checked(action: &model::action::Action) -> Result<TokenStream, (TokenStream, Error)> {
    match check::action::check(action) {
        Ok(()) => Ok(expand::action::expand(action)),
        Err(errors) => {
            let checks = expand::action::checks(action);
            Err((quote!(const _: () = { #checks };), errors))
        }
    }
}

/// `#[derive(ActionOutput)]`.
pub fn action_output(input: TokenStream) -> TokenStream {
    let input: syn::DeriveInput = match syn::parse2(input) {
        Ok(input) => input,
        Err(error) => return error.to_compile_error(),
    };
    let built = model::output::build(&input);
    match built.and_then(|output| check::output::check(&output).map(|()| output)) {
        Ok(output) => expand::output::expand(&output),
        Err(errors) => {
            let stub = expand::output::stub(&parse::runtime_path(None), &input);
            let errors = errors.write_errors();
            quote!(#stub #errors)
        }
    }
}

/// The item as it was (cleaned by the caller) followed by the errors.
fn with_errors(item: TokenStream, errors: Error) -> TokenStream {
    let errors = errors.write_errors();
    quote!(#item #errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(tokens: &TokenStream) -> String {
        tokens.to_string()
    }

    const CONNECTOR_ARGS: &str = r#"appid = "1b4c2f39-0a55-4c1e-9d57-5f3f1a7c9e21", name = "WHOIS Sample App",
        publisher = "Example Corp", app_type = "information", product_vendor = "Generic",
        product_name = "Whois", license = "Apache-2.0""#;

    fn connector_args() -> TokenStream {
        CONNECTOR_ARGS.parse().unwrap()
    }

    #[test]
    fn a_connector_gets_its_impl_and_loses_its_helper_attributes() {
        let item = quote! {
            /// Query WHOIS servers.
            pub struct Whois {
                /// Server to use
                #[config(name = "whois_server")]
                server: Option<String>,
                #[config(skip)]
                cache: Vec<String>,
            }
        };
        let out = text(&connector(connector_args(), item));
        assert!(
            out.contains("impl :: soar_runtime :: connector :: Connector for Whois"),
            "{out}"
        );
        assert!(out.contains("\"whois_server\""));
        assert!(out.contains("\"phantom_whoissampleapp\""));
        assert!(out.contains("\"whoissampleapp_connector.py\""));
        assert!(!out.contains("# [config"), "{out}");
        assert!(!out.contains("compile_error"), "{out}");
    }

    #[test]
    fn a_connector_with_errors_keeps_the_cleaned_struct_a_stub_and_every_error() {
        let args: TokenStream = CONNECTOR_ARGS
            .replace("1b4c2f39", "XYZ")
            .replace("\"information\"", "\"informations\"")
            .parse()
            .unwrap();
        let item = quote! {
            /// Query WHOIS servers.
            pub struct Whois {
                /// lowercase description
                #[config(default = "a", value_list = ["b"])]
                server: String,
            }
        };
        let out = text(&connector(args, item));
        assert_eq!(out.matches("compile_error").count(), 4, "{out}");
        assert!(out.contains("pub struct Whois"));
        assert!(!out.contains("# [config"));
        assert!(out.contains("unreachable"), "the stub impl: {out}");
    }

    #[test]
    fn a_connector_on_something_else_is_one_error_and_no_panic() {
        let out = text(&connector(
            connector_args(),
            quote!(
                enum Whois {
                    A,
                }
            ),
        ));
        assert!(out.contains("compile_error"));
        assert!(out.contains("enum Whois"));
        let out = text(&connector(
            quote!(appid = ),
            quote!(
                struct Whois {}
            ),
        ));
        assert!(out.contains("compile_error"));
    }

    #[test]
    fn an_action_registers_itself_and_strips_its_parameter_attributes() {
        let item = quote! {
            /// Run a whois lookup.
            fn whois_domain(
                conn: &mut Whois,
                ctx: &mut Ctx,
                /// The domain
                #[param(primary, contains = ["domain"])]
                domain: String,
            ) -> Result<Record, ActionError> { todo!() }
        };
        let out = text(&action(
            ActionAttr::Action,
            quote!(kind = "investigate"),
            item,
        ));
        assert!(
            out.contains("macro_rules ! __soar_action_identifier_whois_domain"),
            "{out}"
        );
        assert!(out.contains("inventory :: submit !"));
        assert!(
            out.contains("whois_domain (__soar_connector , __soar_ctx , __soar_param_0)"),
            "{out}"
        );
        assert!(!out.contains("# [param"));
        assert!(!out.contains("# [doc = \" The domain\"]"), "{out}");
        assert!(!out.contains("compile_error"));
    }

    #[test]
    fn an_action_with_errors_is_stripped_too() {
        let item = quote! {
            fn whois_domain(conn: &mut Whois, #[param(primary, contains = ["domian"])] domain: String) {}
        };
        let out = text(&action(
            ActionAttr::Action,
            quote!(kind = "investigation"),
            item,
        ));
        assert_eq!(out.matches("compile_error").count(), 3, "{out}");
        assert!(!out.contains("# [param"));
        assert!(!out.contains("inventory"), "no registration: {out}");
    }

    #[test]
    fn a_method_needs_actions_on_its_impl_block() {
        let out = text(&action(
            ActionAttr::Action,
            quote!(),
            quote!(
                fn f(&mut self) {}
            ),
        ));
        assert!(
            out.contains("needs `#[actions]` on its impl block"),
            "{out}"
        );
    }

    #[test]
    fn actions_on_an_impl_block_register_its_methods() {
        let item = quote! {
            impl Whois {
                /// Check the server.
                #[test_connectivity]
                fn check(&mut self, ctx: &mut Ctx) {}
                /// Look an address up.
                #[soar_runtime::action(identifier = "whois_ip")]
                fn ip(&self, ip: Ip) -> Option<Self> { None }
                fn helper(&self) {}
            }
        };
        let out = text(&actions(quote!(), item));
        assert!(out.contains("< Whois > :: check"), "{out}");
        assert!(out.contains("< Whois > :: ip"), "{out}");
        assert!(
            out.contains("< Option < Whois > as :: soar_runtime :: output :: IntoActionResult >"),
            "Self replaced outside the impl: {out}"
        );
        assert!(out.contains("__soar_only_one_test_connectivity_action_per_crate"));
        assert!(out.contains("__soar_action_identifier_whois_ip"));
        assert!(
            !out.contains("# [test_connectivity]") && !out.contains("# [soar_runtime :: action")
        );
        assert!(out.contains("fn helper"));
    }

    #[test]
    fn action_outputs_follow_serde_names() {
        let input = quote! {
            #[serde(rename_all = "camelCase")]
            struct Record {
                registrar_name: String,
                #[serde(rename = "_raw")]
                raw_text: String,
                #[serde(skip)]
                hidden: u8,
                #[serde(flatten)]
                extra: Extra,
                #[output(column = "Servers", contains = ["host name"])]
                name_servers: Vec<String>,
            }
        };
        let out = text(&action_output(input));
        assert!(out.contains("\"registrarName\""), "{out}");
        assert!(out.contains("\"_raw\""));
        assert!(!out.contains("hidden"));
        assert!(
            out.contains(
                "< Extra as :: soar_runtime :: output :: OutputType > :: describe (path ,"
            ),
            "{out}"
        );
        assert!(out.contains("\"nameServers\"") && out.contains("\"host name\""));
    }

    #[test]
    fn a_derive_on_an_enum_is_an_error_with_a_stub() {
        let out = text(&action_output(quote!(
            enum Record {
                A,
            }
        )));
        assert!(out.contains("compile_error"));
        assert!(out.contains("ActionOutput for Record"));
    }
}
