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
