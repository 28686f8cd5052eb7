//! The impls of an `ActionOutput` type: `ActionOutput` describes the data paths of what serde
//! writes for a value at a path; `OutputType`, `IntoActionResult` and `Summary` let the type be
//! a field, an action's result and a summary (the runtime has no blanket impls over
//! `ActionOutput`, so that a `Vec<Row>` whose `Row` lacks it is an error naming `Row`).

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use super::{column, literals, texts};
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
            type Data = Self;
            type Summary = #runtime::view::Nothing;

            fn describe(out: &mut #specs) {
                #private::describe_data::<Self>(out);
            }

            fn write(self, result: &mut #runtime::result::ActionResult) -> #outcome {
                #private::write_data(&self, result)
            }
        }

        #[automatically_derived]
        impl #impl_generics #output::Summary for #ident #type_generics #where_clause {
            type View = Self;

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
        VariantBody::Newtype(field) => vec![&**field],
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
    let column = column(
        runtime,
        field.column.as_deref().map(String::as_str),
        field.column_order.as_deref(),
    );
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{items, path, trait_impls, ty};
    use syn::visit::Visit;

    /// One entry `describe_fields` adds: what describes it and where.
    #[derive(Debug, PartialEq)]
    struct Described {
        /// The type whose `describe` is called, or the helper's name.
        what: String,
        /// The path: `path`, or `<base>.<key>`.
        at: String,
    }

    /// The calls of `describe_fields` in order.
    fn described(input: syn::DeriveInput) -> Vec<Described> {
        let output = crate::model::output::build(&input).unwrap();
        let out = items(&expand(&output));
        let block = trait_impls(&out, "ActionOutput")[0].clone();
        struct Calls(Vec<Described>);
        impl<'ast> Visit<'ast> for Calls {
            fn visit_expr_call(&mut self, call: &'ast syn::ExprCall) {
                // Only the calls of the statements: not those in their arguments.
                let syn::Expr::Path(callee) = &*call.func else {
                    return;
                };
                let what = match &callee.qself {
                    Some(qself) => {
                        let ty = &qself.ty;
                        quote!(#ty).to_string().replace(' ', "")
                    }
                    None if crate::test_support::last(&callee.path) == "describe_names" => {
                        format!("names{:?}", names(&call.args[2]))
                    }
                    None => crate::test_support::last(&callee.path),
                };
                let at = call.args.first().map(place).unwrap_or_default();
                self.0.push(Described { what, at });
            }
        }
        let mut calls = Calls(Vec::new());
        calls.visit_item_impl(&block);
        calls.0
    }

    /// The strings of `&[Literal::Text("a"), ...]`.
    fn names(argument: &syn::Expr) -> Vec<String> {
        let syn::Expr::Reference(reference) = argument else {
            panic!("a slice");
        };
        let syn::Expr::Array(array) = &*reference.expr else {
            panic!("an array");
        };
        array
            .elems
            .iter()
            .map(|literal| match literal {
                syn::Expr::Call(text) => crate::test_support::text(&text.args[0]),
                other => panic!("{}", quote!(#other)),
            })
            .collect()
    }

    /// Where a path argument points: `path`, `<base>.<key>` for `&format!("{}.{}", base, key)`.
    fn place(argument: &syn::Expr) -> String {
        match argument {
            syn::Expr::Reference(reference) => match &*reference.expr {
                syn::Expr::Macro(format) => {
                    let args = crate::test_support::macro_args(&format.mac);
                    let base = place(&args[1]);
                    format!("{base}.{}", crate::test_support::text(&args[2]))
                }
                other => place(other),
            },
            syn::Expr::Path(named) => crate::test_support::last(&named.path),
            other => quote!(#other).to_string(),
        }
    }

    fn call(what: &str, at: &str) -> Described {
        Described {
            what: what.to_owned(),
            at: at.to_owned(),
        }
    }

    #[test]
    fn an_object_describes_each_field_under_its_key_and_a_flattened_one_in_place() {
        let calls = described(syn::parse_quote! {
            #[serde(tag = "kind")]
            struct Record {
                name: String,
                #[serde(flatten)]
                owner: Contact,
                servers: Vec<String>,
            }
        });
        assert_eq!(
            calls,
            [
                call("names[\"Record\"]", "path.kind"),
                call("String", "path.name"),
                call("Contact", "path"),
                call("Vec<String>", "path.servers"),
            ]
        );
    }

    #[test]
    fn transparent_and_into_describe_another_value_in_place() {
        let transparent = described(syn::parse_quote!(
            #[serde(transparent)]
            struct W {
                inner: Inner,
            }
        ));
        assert_eq!(transparent, [call("Inner", "path")]);
        let into = described(syn::parse_quote!(
            #[derive(Clone)]
            #[serde(into = "Wire")]
            struct I {
                a: u8,
            }
        ));
        assert_eq!(into, [call("Wire", "path")]);
    }

    #[test]
    fn enums_describe_their_tag_then_each_variant_once_merged() {
        let external = described(syn::parse_quote! {
            enum E { A, B(Inner), C { x: u8 } }
        });
        assert_eq!(
            external,
            [
                call("names[\"A\"]", "path"),
                call("Inner", "__soar_value"),
                call("u8", "__soar_value.x"),
                call("merge_duplicates", "out"),
            ]
        );
        let internal = described(syn::parse_quote! {
            #[serde(tag = "t")]
            enum E { A, B(Inner), C { x: u8 } }
        });
        assert_eq!(
            internal,
            [
                call("names[\"A\", \"B\", \"C\"]", "path.t"),
                call("Inner", "path"),
                call("u8", "path.x"),
                call("merge_duplicates", "out"),
            ]
        );
        let adjacent = described(syn::parse_quote! {
            #[serde(tag = "t", content = "c")]
            enum E { A, B(Inner), C { x: u8 } }
        });
        assert_eq!(
            adjacent,
            [
                call("names[\"A\", \"B\", \"C\"]", "path.t"),
                call("Inner", "__soar_value"),
                call("u8", "__soar_value.x"),
                call("merge_duplicates", "out"),
            ]
        );
        let untagged = described(syn::parse_quote! {
            #[serde(untagged)]
            enum E { A, B(Inner), C { x: u8 } }
        });
        assert_eq!(
            untagged,
            [
                call("Inner", "path"),
                call("u8", "path.x"),
                call("merge_duplicates", "out"),
            ]
        );
    }

    #[test]
    fn a_variants_value_is_under_its_name_or_the_content_key() {
        /// The key each variant's value is put under (`let __soar_value = format!(..)`).
        fn keys(input: syn::DeriveInput) -> Vec<String> {
            let output = crate::model::output::build(&input).unwrap();
            let out = items(&expand(&output));
            let block = trait_impls(&out, "ActionOutput")[0].clone();
            struct Keys(Vec<String>);
            impl<'ast> Visit<'ast> for Keys {
                fn visit_local(&mut self, local: &'ast syn::Local) {
                    if let Some(init) = &local.init
                        && let syn::Expr::Macro(format) = &*init.expr
                    {
                        let args = crate::test_support::macro_args(&format.mac);
                        self.0.push(crate::test_support::text(&args[2]));
                    }
                }
            }
            let mut keys = Keys(Vec::new());
            keys.visit_item_impl(&block);
            keys.0
        }
        assert_eq!(
            keys(syn::parse_quote!(
                #[serde(tag = "t", content = "body")]
                enum E {
                    A(u8),
                    B { x: u8 },
                }
            )),
            ["body", "body"]
        );
        assert_eq!(
            keys(syn::parse_quote!(
                #[serde(rename_all = "lowercase")]
                enum E {
                    Wrapped(u8),
                    Named { x: u8 },
                }
            )),
            ["wrapped", "named"]
        );
    }

    #[test]
    fn generic_types_bound_their_parameters_and_serializability() {
        let output = crate::model::output::build(&syn::parse_quote! {
            struct Page<T> { items: Vec<T>, total: usize }
        })
        .unwrap();
        let out = items(&expand(&output));
        for name in ["ActionOutput", "OutputType", "IntoActionResult", "Summary"] {
            let block = trait_impls(&out, name)[0];
            let predicates: Vec<String> = block
                .generics
                .where_clause
                .as_ref()
                .unwrap()
                .predicates
                .iter()
                .map(|predicate| quote!(#predicate).to_string().replace(' ', ""))
                .collect();
            assert_eq!(
                predicates,
                [
                    "Self:::soar_runtime::__private::serde::Serialize",
                    "Vec<T>:::soar_runtime::output::OutputType",
                    "usize:::soar_runtime::output::OutputType"
                ],
                "{name}"
            );
            assert_eq!(*block.self_ty, ty("Page<T>"));
        }
    }

    #[test]
    fn the_stub_has_the_four_impls_without_entries() {
        let input: syn::DeriveInput = syn::parse_quote!(
            struct Pair(u8, u8);
        );
        let out = items(&stub(&path("crate::rt"), &input));
        for name in ["ActionOutput", "OutputType", "IntoActionResult", "Summary"] {
            let block = trait_impls(&out, name)[0];
            assert_eq!(
                block.trait_.as_ref().unwrap().0,
                path(&format!("crate::rt::output::{name}"))
            );
        }
    }
}
