//! The last stage: tokens. The generated code names everything by absolute path (the runtime
//! through the `crate = "..."` override, `::core` for the rest) and puts every span of a
//! type-dependent check on the user's token, so that a failing bound or assertion points there.

pub mod action;
pub mod connector;
pub mod markers;
pub mod output;

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::LitStr;

use crate::parse::literal::{Literal, Value};

/// A `&'static str` literal.
pub fn text(value: &str) -> LitStr {
    LitStr::new(value, Span::call_site())
}

/// `Option<&'static str>`.
pub fn optional_text(value: Option<&str>) -> TokenStream {
    optional(value)
}

/// The `Option<meta::Column>` of a heading and its optional position.
pub fn column(runtime: &syn::Path, name: Option<&str>, order: Option<&u32>) -> TokenStream {
    match name {
        Some(name) => {
            let order = optional(order);
            quote!(::core::option::Option::Some(#runtime::meta::Column { name: #name, order: #order }))
        }
        None => quote!(::core::option::Option::None),
    }
}

/// An `Option` of a literal: `Some(6)`, `Some(false)`, `None`.
pub fn optional(value: Option<impl quote::ToTokens>) -> TokenStream {
    match value {
        Some(value) => quote!(::core::option::Option::Some(#value)),
        None => quote!(::core::option::Option::None),
    }
}

/// `&["a", "b"]`.
pub fn texts<'a>(values: impl IntoIterator<Item = &'a str>) -> TokenStream {
    let values = values.into_iter();
    quote!(&[#(#values),*])
}

/// A `meta::Literal`.
pub fn literal(runtime: &syn::Path, literal: &Literal) -> TokenStream {
    let value = match &literal.value {
        Value::Text(text) => quote!(Text(#text)),
        Value::Integer(number) => quote!(Integer(#number)),
        Value::Float(number) => quote!(Float(#number)),
        Value::Bool(flag) => quote!(Bool(#flag)),
    };
    quote!(#runtime::meta::Literal::#value)
}

/// `Option<meta::Literal>`.
pub fn optional_literal(runtime: &syn::Path, value: Option<&Literal>) -> TokenStream {
    match value {
        Some(value) => {
            let value = literal(runtime, value);
            quote!(::core::option::Option::Some(#value))
        }
        None => quote!(::core::option::Option::None),
    }
}

/// `&[meta::Literal]`.
pub fn literals(runtime: &syn::Path, values: &[Literal]) -> TokenStream {
    let values = values.iter().map(|value| literal(runtime, value));
    quote!(&[#(#values),*])
}

/// Compile-time checks of a default and a value list against the `data_type` that a type
/// brings (`data_type` is an expression such as `<T as AssetField>::DATA_TYPE`): a password
/// has no default, and every literal fits the type. `what` names the field or parameter.
pub fn literal_checks(
    runtime: &syn::Path,
    data_type: &TokenStream,
    what: &str,
    ty: &str,
    default: Option<&Literal>,
    value_list: &[Literal],
) -> TokenStream {
    let mut checks = TokenStream::new();
    if let Some(default) = default {
        let message = text(&format!(
            "{what} holds a secret (type `{ty}`), and a secret cannot have a default"
        ));
        checks.extend(quote_spanned! {default.span=>
            const _: () = ::core::assert!(!#runtime::__private::checks::is_password(#data_type), #message);
        });
    }
    for (role, value) in default
        .map(|default| ("default", default))
        .into_iter()
        .chain(value_list.iter().map(|item| ("value_list item", item)))
    {
        let (kind, described) = match value.value {
            Value::Text(_) => (quote!(Text), "a string"),
            Value::Integer(_) | Value::Float(_) => (quote!(Number), "a number"),
            Value::Bool(_) => (quote!(Bool), "a boolean"),
        };
        let message = text(&format!(
            "the {role} of {what} is {described}, which does not fit its type `{ty}`"
        ));
        checks.extend(quote_spanned! {value.span=>
            const _: () = ::core::assert!(
                #runtime::__private::checks::literal_fits(#data_type, #runtime::__private::checks::LiteralKind::#kind),
                #message
            );
        });
    }
    checks
}

/// A path with every token at `span`: a check written in generated code whose error must point
/// at the user's token, where the runtime path would otherwise point at the attribute.
pub fn respanned(path: &syn::Path, span: Span) -> TokenStream {
    respan(quote!(#path), span)
}

fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut token| {
            if let proc_macro2::TokenTree::Group(group) = &token {
                let mut inner =
                    proc_macro2::Group::new(group.delimiter(), respan(group.stream(), span));
                inner.set_span(span);
                token = proc_macro2::TokenTree::Group(inner);
            } else {
                token.set_span(span);
            }
            token
        })
        .collect()
}
