//! The impls of an `ActionOutput` type: `ActionOutput` describes the data paths of what serde
//! writes for a value at a path; `OutputType`, `IntoActionResult` and `Summary` let the type be
//! a field, an action's result and a summary (the runtime has no blanket impls over
//! `ActionOutput`, so that a `Vec<Row>` whose `Row` lacks it is an error naming `Row`).

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use super::{literals, optional_text, texts};
use crate::check::output::fields;
use crate::model::output::{OutputField, OutputType, OutputVariant, Shape, Tagging, VariantBody};

/// The impls of a checked output type.
pub fn expand(output: &OutputType) -> TokenStream {
    let body = describe(&output.runtime, &output.shape);
    let mut bounded: Vec<&syn::Type> = fields(&output.shape)
        .into_iter()
        .map(|field| &field.ty)
        .collect();
    if let Shape::Into(ty) = &output.shape {
        bounded.push(ty);
    }
    impls(
        &output.runtime,
        &output.ident,
        &output.generics,
        &bounded,
        body,
    )
}

/// What other code needs when the type has errors: the impls, without entries.
pub fn stub(runtime: &syn::Path, input: &syn::DeriveInput) -> TokenStream {
    let body = quote!(let _ = (path, notes, out););
    impls(runtime, &input.ident, &input.generics, &[], body)
}

/// The four impls, `describe_fields` doing `body` (with `path`, `notes` and `out` in scope).
fn impls(
    runtime: &syn::Path,
    ident: &syn::Ident,
    generics: &syn::Generics,
    bounded: &[&syn::Type],
    body: TokenStream,
) -> TokenStream {
    let (impl_generics, type_generics, where_clause) = generics.split_for_impl();
    let mut where_clause = where_clause.cloned();
    if !generics.params.is_empty() {
        let predicates = &mut where_clause
            .get_or_insert_with(|| syn::parse_quote!(where))
            .predicates;
        predicates.push(syn::parse_quote!(Self: #runtime::__private::serde::Serialize));
        for ty in bounded {
            predicates.push(syn::parse_quote!(#ty: #runtime::output::OutputType));
        }
    }
    let output = quote!(#runtime::output);
    let private = quote!(#runtime::__private::output);
    let specs = quote!(::std::vec::Vec<#runtime::meta::OutputSpec>);
    let outcome = quote!(::core::result::Result<(), #runtime::error::ActionError>);
    quote! {
        #[automatically_derived]
        impl #impl_generics #output::ActionOutput for #ident #type_generics #where_clause {
            fn describe_fields(path: &str, notes: &#output::Annotations, out: &mut #specs) {
                #body
            }
        }

        #[automatically_derived]
        impl #impl_generics #output::OutputType for #ident #type_generics #where_clause {
            fn describe(path: &str, notes: &#output::Annotations, out: &mut #specs) {
                <Self as #output::ActionOutput>::describe_fields(path, notes, out);
            }
        }

        #[automatically_derived]
        impl #impl_generics #output::IntoActionResult for #ident #type_generics #where_clause {
            fn describe(out: &mut #specs) {
                #private::describe_data::<Self>(out);
            }

            fn write(self, result: &mut #runtime::result::ActionResult) -> #outcome {
                #private::write_data(&self, result)
            }
        }

        #[automatically_derived]
        impl #impl_generics #output::Summary for #ident #type_generics #where_clause {
            fn describe(out: &mut #specs) {
                #private::describe_summary::<Self>(out);
            }

            fn write(self, result: &mut #runtime::result::ActionResult) -> #outcome {
                #private::write_summary(&self, result)
            }
        }
    }
}

/// The statements of `describe_fields`: the entries of a value of this shape at `path`.
fn describe(runtime: &syn::Path, shape: &Shape) -> TokenStream {
    let base = quote!(path);
    match shape {
        Shape::Object { tag, fields } => {
            let tag = tag
                .as_ref()
                .map(|(key, value)| names(runtime, &base, Some(key), &[value.as_str()]));
            let fields = fields
                .iter()
                .map(|field| describe_field(runtime, &base, field));
            quote!(#tag #(#fields)*)
        }
        Shape::Transparent(field) => describe_field(runtime, &base, field),
        Shape::Into(ty) => quote_spanned! {ty.span()=>
            <#ty as #runtime::output::OutputType>::describe(path, notes, out);
        },
        Shape::Enum { tagging, variants } => {
            let described = describe_enum(runtime, tagging, variants);
            quote! {
                let __soar_start = out.len();
                #described
                #runtime::__private::output::merge_duplicates(out, __soar_start);
            }
        }
    }
}

/// The entries of an enum's variants: serde's tag, then each variant's value.
fn describe_enum(
    runtime: &syn::Path,
    tagging: &Tagging,
    variants: &[OutputVariant],
) -> TokenStream {
    let base = quote!(path);
    let tagged: Vec<&OutputVariant> = variants
        .iter()
        .filter(|variant| !variant.untagged)
        .collect();
    let mut described = match tagging {
        Tagging::External => {
            let units: Vec<&str> = tagged
                .iter()
                .filter(|variant| matches!(variant.body, VariantBody::Unit))
                .map(|variant| variant.name.as_str())
                .collect();
            // A unit variant is written as its name, at the enum's own path.
            (!units.is_empty()).then(|| names(runtime, &base, None, &units))
        }
        Tagging::Internal { tag } | Tagging::Adjacent { tag, .. } => {
            let all: Vec<&str> = tagged.iter().map(|variant| variant.name.as_str()).collect();
            (!all.is_empty()).then(|| names(runtime, &base, Some(tag), &all))
        }
        Tagging::Untagged => None,
    }
    .unwrap_or_default();
    for variant in variants {
        let value_at = match (tagging, variant.untagged) {
            (_, true) | (Tagging::Untagged | Tagging::Internal { .. }, false) => None,
            (Tagging::External, false) => Some(variant.name.as_str()),
            (Tagging::Adjacent { content, .. }, false) => Some(content.as_str()),
        };
        described.extend(describe_variant(runtime, value_at, &variant.body));
    }
    described
}

/// The entries of one variant's value, at `path.<value_at>` (or `path`).
fn describe_variant(
    runtime: &syn::Path,
    value_at: Option<&str>,
    body: &VariantBody,
) -> TokenStream {
    let fields: Vec<&OutputField> = match body {
        VariantBody::Unit => return TokenStream::new(),
        VariantBody::Newtype(field) => vec![field],
        VariantBody::Struct(fields) => fields.iter().collect(),
    };
    let (bind, base) = match value_at {
        Some(key) => (
            quote!(let __soar_value = ::std::format!("{}.{}", path, #key);),
            quote!(&__soar_value),
        ),
        None => (TokenStream::new(), quote!(path)),
    };
    let fields = fields
        .iter()
        .map(|field| describe_field(runtime, &base, field));
    quote!({ #bind #(#fields)* })
}

/// The entry of a string that is one of `values` (a tag, an enum's unit variants), at
/// `base.<key>` (or `base`).
fn names(
    runtime: &syn::Path,
    base: &TokenStream,
    key: Option<&str>,
    values: &[&str],
) -> TokenStream {
    let path = at(base, key);
    quote! {
        #runtime::__private::output::describe_names(
            #path,
            notes,
            &[#(#runtime::meta::Literal::Text(#values)),*],
            out,
        );
    }
}

/// The entries of one field, below `base`.
fn describe_field(runtime: &syn::Path, base: &TokenStream, field: &OutputField) -> TokenStream {
    let ty = &field.ty;
    let describe = quote_spanned! {ty.span()=>
        <#ty as #runtime::output::OutputType>::describe
    };
    let path = at(base, field.key.as_deref());
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
}

/// `&format!("{}.{}", base, key)`, or `base` without a key.
fn at(base: &TokenStream, key: Option<&str>) -> TokenStream {
    match key {
        Some(key) => quote!(&::std::format!("{}.{}", #base, #key)),
        None => base.clone(),
    }
}
