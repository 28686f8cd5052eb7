//! The `ActionOutput` impl of a struct: each field serde writes describes its data paths below
//! the struct's path.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use super::{literals, optional_text, texts};
use crate::model::output::OutputStruct;

/// The `ActionOutput` impl.
pub fn expand(output: &OutputStruct) -> TokenStream {
    let runtime = &output.runtime;
    let ident = &output.ident;
    let (impl_generics, type_generics, where_clause) = output.generics.split_for_impl();
    let mut where_clause = where_clause.cloned();
    if !output.generics.params.is_empty() {
        let predicates = &mut where_clause
            .get_or_insert_with(|| syn::parse_quote!(where))
            .predicates;
        for field in &output.fields {
            let ty = &field.ty;
            predicates.push(syn::parse_quote!(#ty: #runtime::output::OutputType));
        }
    }
    let fields = output.fields.iter().map(|field| {
        let ty = &field.ty;
        let describe = quote_spanned! {ty.span()=>
            <#ty as #runtime::output::OutputType>::describe
        };
        let path = match &field.key {
            Some(key) => quote!(&::std::format!("{}.{}", path, #key)),
            None => quote!(path),
        };
        let contains = texts(field.contains.iter().map(|item| item.value.as_str()));
        let examples = literals(runtime, &field.examples);
        let column = optional_text(field.column.as_deref().map(String::as_str));
        quote! {
            #describe(
                #path,
                &notes.nested(&#runtime::meta::FieldMeta {
                    contains: #contains,
                    examples: #examples,
                    column: #column,
                }),
                out,
            );
        }
    });
    let unused = output
        .fields
        .is_empty()
        .then(|| quote!(let _ = (path, notes, out);));
    quote! {
        #[automatically_derived]
        impl #impl_generics #runtime::output::ActionOutput for #ident #type_generics #where_clause {
            fn describe_fields(
                path: &str,
                notes: &#runtime::output::Annotations,
                out: &mut ::std::vec::Vec<#runtime::meta::OutputSpec>,
            ) {
                #(#fields)*
                #unused
            }
        }
    }
}

/// What other code needs when the struct has errors: an `ActionOutput` impl without entries.
pub fn stub(runtime: &syn::Path, input: &syn::DeriveInput) -> TokenStream {
    let ident = &input.ident;
    let (impl_generics, type_generics, where_clause) = input.generics.split_for_impl();
    quote! {
        impl #impl_generics #runtime::output::ActionOutput for #ident #type_generics #where_clause {
            fn describe_fields(
                _: &str,
                _: &#runtime::output::Annotations,
                _: &mut ::std::vec::Vec<#runtime::meta::OutputSpec>,
            ) {
            }
        }
    }
}
