//! Each macro as one pass through the stages: parse, model, check, expand. On errors the
//! output is the cleaned item (helper attributes stripped), stubs for what other code names,
//! and every error as a `compile_error!`; a macro never panics.

use darling::Error;
use proc_macro2::TokenStream;
use quote::{ToTokens, quote};

use crate::model::action::Site;
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
    let lenient = parse::lenient_items(&args);
    let built = parse::args(args).and_then(|args| model::connector::build(args, &item));
    parse::connector::strip(&mut item);
    let connector = match built {
        Ok(connector) => connector,
        Err(errors) => {
            let stub = expand::connector::stub(
                &parse::lenient_runtime_path(&lenient),
                &item.ident,
                parse::lenient_flag(&lenient, "hooks"),
            );
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
            let stub = expand::connector::stub(&connector.runtime, &item.ident, connector.hooks);
            let checks = expand::connector::checks(&connector);
            with_errors(quote!(#item #stub const _: () = { #checks };), errors)
        }
    }
}

/// `#[action(...)]`, `#[test_connectivity(...)]` or `#[on_poll]` on a free function declared at
/// `site`.
pub fn action(attr: ActionAttr, args: TokenStream, item: TokenStream, site: Site) -> TokenStream {
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
        site,
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
/// `#[test_connectivity]` or `#[on_poll]` are registered, each declared where `locate` says its
/// name is.
pub fn actions(
    args: TokenStream,
    item: TokenStream,
    locate: &dyn Fn(proc_macro2::Span) -> Site,
) -> TokenStream {
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
                locate(method.sig.ident.span()),
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
            let stub = expand::output::stub(&parse::output::lenient_runtime_path(&input), &input);
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
    use crate::test_support::{
        errors, function, has_attr, invocations, items, macro_definitions, path, site, trait_impls,
        ty,
    };

    const CONNECTOR_ARGS: &str = r#"appid = "1b4c2f39-0a55-4c1e-9d57-5f3f1a7c9e21", name = "WHOIS Sample App",
        publisher = "Example Corp", app_type = "information", product_vendor = "Generic",
        product_name = "Whois", license = "Apache-2.0""#;

    fn connector_args(extra: &str) -> TokenStream {
        format!("{CONNECTOR_ARGS}{extra}").parse().unwrap()
    }

    /// The struct among the items.
    fn structure<'a>(items: &'a [syn::Item], name: &str) -> &'a syn::ItemStruct {
        items
            .iter()
            .find_map(|item| match item {
                syn::Item::Struct(item) if item.ident == name => Some(item),
                _ => None,
            })
            .unwrap_or_else(|| panic!("no struct {name}"))
    }

    /// The type an impl is for, as the type it is.
    fn self_type(block: &syn::ItemImpl) -> syn::Type {
        (*block.self_ty).clone()
    }

    /// The trait path of an impl.
    fn trait_path(block: &syn::ItemImpl) -> syn::Path {
        block.trait_.as_ref().unwrap().0.clone()
    }

    fn whois() -> TokenStream {
        quote! {
            /// Query WHOIS servers.
            pub struct Whois {
                /// Server to use
                #[config(name = "whois_server")]
                server: Option<String>,
                #[config(skip)]
                cache: Vec<String>,
            }
        }
    }

    #[test]
    fn a_connector_gets_its_impls_and_loses_its_helper_attributes() {
        let out = items(&connector(connector_args(""), whois()));
        let item = structure(&out, "Whois");
        assert!(
            item.fields
                .iter()
                .all(|field| !has_attr(&field.attrs, "config"))
        );
        let connector_impls = trait_impls(&out, "Connector");
        assert_eq!(connector_impls.len(), 1);
        assert_eq!(self_type(connector_impls[0]), ty("Whois"));
        assert_eq!(
            trait_path(connector_impls[0]),
            path("::soar_runtime::connector::Connector")
        );
        let hooks = trait_impls(&out, "Hooks");
        assert_eq!(hooks.len(), 1, "the default hooks");
        assert!(hooks[0].items.is_empty());
        assert!(errors(&out).is_empty());
    }

    #[test]
    fn a_connector_that_writes_its_hooks_gets_no_default_ones() {
        let out = items(&connector(connector_args(", hooks"), whois()));
        assert_eq!(trait_impls(&out, "Connector").len(), 1);
        assert!(trait_impls(&out, "Hooks").is_empty());
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
        let out = items(&connector(args, item));
        let messages = errors(&out);
        assert_eq!(messages.len(), 4, "{messages:#?}");
        assert!(
            messages[0].contains("is not a valid appid"),
            "{messages:#?}"
        );
        assert!(messages[1].contains("unknown app type `informations`"));
        assert!(messages[2].contains("starts with a lowercase letter"));
        assert!(messages[3].contains("not one of the `value_list` values"));
        let item = structure(&out, "Whois");
        assert!(!has_attr(
            &item.fields.iter().next().unwrap().attrs,
            "config"
        ));
        assert_eq!(trait_impls(&out, "Connector").len(), 1, "the stub");
        assert_eq!(trait_impls(&out, "Hooks").len(), 1);
    }

    #[test]
    fn the_stubs_of_a_connector_with_errors_use_the_runtime_override() {
        // The arguments are refused as a whole (`appid` is a number): the override still holds.
        let args: TokenStream = format!(
            "{}, crate = \"crate::rt\", hooks",
            CONNECTOR_ARGS.replace("\"1b4c2f39-0a55-4c1e-9d57-5f3f1a7c9e21\"", "3")
        )
        .parse()
        .unwrap();
        let out = items(&connector(args, whois()));
        assert_eq!(errors(&out).len(), 1);
        let stub = trait_impls(&out, "Connector");
        assert_eq!(trait_path(stub[0]), path("crate::rt::connector::Connector"));
        assert!(
            trait_impls(&out, "Hooks").is_empty(),
            "the author writes them"
        );
        // Checks that fail later keep it too.
        let args = connector_args(", crate = \"crate::rt\"");
        let args: TokenStream = args.to_string().replace("1b4c2f39", "XYZ").parse().unwrap();
        let out = items(&connector(args, whois()));
        let stub = trait_impls(&out, "Connector");
        assert_eq!(trait_path(stub[0]), path("crate::rt::connector::Connector"));
        assert_eq!(
            trait_path(trait_impls(&out, "Hooks")[0]),
            path("crate::rt::connector::Hooks")
        );
    }

    #[test]
    fn a_connector_on_something_else_is_one_error_and_no_panic() {
        let item = quote!(
            enum Whois {
                A,
            }
        );
        let out = items(&connector(connector_args(""), item));
        assert_eq!(
            errors(&out),
            ["#[connector] goes on the connector's struct"]
        );
        assert!(matches!(&out[0], syn::Item::Enum(item) if item.ident == "Whois"));
        let out = items(&connector(
            quote!(appid = ),
            quote!(
                struct Whois {}
            ),
        ));
        let messages = errors(&out);
        assert_eq!(
            messages[0],
            "unexpected end of input, expected an expression"
        );
        assert!(
            messages[1..]
                .iter()
                .all(|message| message.starts_with("Missing field"))
        );
        assert_eq!(trait_impls(&out, "Connector").len(), 1, "the stub");
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
        let out = items(&action(
            ActionAttr::Action,
            quote!(kind = "investigate"),
            item,
            site(),
        ));
        let function = function(&out, "whois_domain").expect("the function stays");
        for input in &function.sig.inputs {
            let syn::FnArg::Typed(argument) = input else {
                panic!("no receiver");
            };
            assert!(
                argument.attrs.is_empty(),
                "param and doc attributes stripped"
            );
        }
        assert!(
            macro_definitions(&out)
                .contains(&("__soar_action_identifier_whois_domain".to_owned(), true))
        );
        let submitted = invocations(&out)
            .into_iter()
            .filter(|(name, _)| name == "submit")
            .count();
        assert_eq!(submitted, 1, "one inventory registration");
        let handler = crate::test_support::function(&out, "__soar_handle").expect("the handler");
        assert_eq!(
            crate::test_support::calls(handler, "whois_domain"),
            [["__soar_connector", "__soar_ctx", "__soar_param_0"]]
        );
        assert!(errors(&out).is_empty());
    }

    #[test]
    fn an_action_with_errors_is_stripped_and_not_registered() {
        let item = quote! {
            fn whois_domain(conn: &mut Whois, #[param(primary, contains = ["domian"])] domain: String) {}
        };
        let out = items(&action(
            ActionAttr::Action,
            quote!(kind = "investigation"),
            item,
            site(),
        ));
        let messages = errors(&out);
        assert_eq!(messages.len(), 3, "{messages:#?}");
        assert!(messages[0].starts_with("unknown action kind `investigation`; expected one of"));
        assert!(messages[1].starts_with("document action `whois_domain`"));
        assert!(messages[2].contains("did you mean `domain`?"));
        let function = function(&out, "whois_domain").unwrap();
        let syn::FnArg::Typed(domain) = &function.sig.inputs[1] else {
            panic!("a typed argument");
        };
        assert!(domain.attrs.is_empty());
        assert!(
            invocations(&out).iter().all(|(name, _)| name != "submit"),
            "no registration"
        );
        assert!(macro_definitions(&out).is_empty(), "no marker");
    }

    #[test]
    fn a_method_needs_actions_on_its_impl_block() {
        let out = items(&action(
            ActionAttr::Action,
            quote!(),
            quote!(
                fn f(&mut self) {}
            ),
            site(),
        ));
        assert!(
            errors(&out)
                .iter()
                .any(|message| message.contains("needs `#[actions]` on its impl block"))
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
        let out = items(&actions(quote!(), item, &|_| site()));
        let syn::Item::Impl(block) = &out[0] else {
            panic!("the impl block first");
        };
        let methods: Vec<&syn::ImplItemFn> = block
            .items
            .iter()
            .filter_map(|item| match item {
                syn::ImplItem::Fn(method) => Some(method),
                _ => None,
            })
            .collect();
        assert_eq!(methods.len(), 3);
        assert!(methods.iter().all(|method| {
            !has_attr(&method.attrs, "test_connectivity")
                && method
                    .attrs
                    .iter()
                    .all(|attr| crate::test_support::last(attr.path()) != "action")
        }));
        let handlers: Vec<&syn::ItemFn> = out
            .iter()
            .filter_map(|item| match item {
                syn::Item::Fn(function) if function.sig.ident == "__soar_handle" => Some(function),
                _ => None,
            })
            .collect();
        assert_eq!(handlers.len(), 2);
        assert_eq!(
            crate::test_support::calls(handlers[0], "check"),
            [["__soar_connector", "__soar_ctx"]]
        );
        assert_eq!(
            crate::test_support::calls(handlers[1], "ip"),
            [["__soar_connector", "__soar_param_0"]]
        );
        let outputs: Vec<&syn::ItemFn> = out
            .iter()
            .filter_map(|item| match item {
                syn::Item::Fn(function) if function.sig.ident == "__soar_outputs" => Some(function),
                _ => None,
            })
            .collect();
        assert_eq!(
            crate::test_support::qualified_self_types(outputs[1]),
            [ty("Option<Whois>")],
            "`Self` is replaced outside the impl block"
        );
        let markers = macro_definitions(&out);
        assert!(markers.contains(&("__soar_action_name_test_connectivity".to_owned(), true)));
        assert!(markers.contains(&("__soar_action_identifier_whois_ip".to_owned(), true)));
    }

    #[test]
    fn an_output_gets_its_four_impls() {
        let input = quote! {
            #[serde(rename_all = "camelCase")]
            struct Record {
                registrar_name: String,
                #[output(column = "Servers", contains = ["host name"])]
                name_servers: Vec<String>,
            }
        };
        let out = items(&action_output(input));
        for name in ["ActionOutput", "OutputType", "IntoActionResult", "Summary"] {
            let impls = trait_impls(&out, name);
            assert_eq!(impls.len(), 1, "{name}");
            assert_eq!(self_type(impls[0]), ty("Record"));
        }
        assert!(errors(&out).is_empty());
    }

    #[test]
    fn an_output_with_errors_is_an_error_with_stubs_under_the_override() {
        let out = items(&action_output(quote! {
            #[output(crate = "crate::rt")]
            struct Pair(u8, String);
        }));
        let messages = errors(&out);
        assert_eq!(messages.len(), 1);
        assert!(messages[0].contains("tuple"), "{messages:#?}");
        for name in ["ActionOutput", "OutputType", "IntoActionResult", "Summary"] {
            let impls = trait_impls(&out, name);
            assert_eq!(impls.len(), 1, "{name}");
            let trait_path = trait_path(impls[0]);
            assert_eq!(
                trait_path.segments.first().unwrap().ident,
                "crate",
                "{name} under the override"
            );
        }
    }
}
