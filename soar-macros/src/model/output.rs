//! An `ActionOutput` type: the shape of what serde writes for it, read with serde's own
//! attribute model (`serde_derive_internals`, as `schemars` does), so that every rename rule,
//! `flatten`, `transparent`, `into`, `tag`/`content`/`untagged` and `skip` means what it means
//! to `serde_derive`. What data paths cannot describe is refused with an error.

use darling::util::SpannedValue;
use darling::{Error, FromAttributes};
use proc_macro2::Span;
use serde_derive_internals::ast::{Container, Data, Field, Style, Variant};
use serde_derive_internals::attr::TagType;
use serde_derive_internals::{Ctxt, Derive};
use syn::{DeriveInput, Generics, Ident, Type};

use crate::parse::literal::{ContainsItem, Literal};
use crate::parse::output::{OutputFieldArgs, OutputTypeArgs, is_output_attr};

/// A type with `#[derive(ActionOutput)]`.
#[derive(Debug)]
pub struct OutputType {
    /// Its name.
    pub ident: Ident,
    /// Its generics.
    pub generics: Generics,
    /// Where generated code finds the runtime.
    pub runtime: syn::Path,
    /// What serde writes for it.
    pub shape: Shape,
}

/// What serde writes for a value of the type, at the value's path.
#[derive(Debug)]
pub enum Shape {
    /// An object: a struct with named fields.
    Object {
        /// `#[serde(tag = "...")]` on a struct: the key and the value serde adds.
        tag: Option<(String, String)>,
        /// The fields serde writes, in order.
        fields: Vec<OutputField>,
    },
    /// One field's value at the value's path: a newtype struct, `#[serde(transparent)]`.
    Transparent(OutputField),
    /// Another type's value: `#[serde(into = "...")]`.
    Into(Type),
    /// An enum, as serde tags it.
    Enum {
        /// How the variants are told apart.
        tagging: Tagging,
        /// The variants serde writes, in order.
        variants: Vec<OutputVariant>,
    },
}

/// How serde tells the variants of an enum apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tagging {
    /// `{"Variant": value}`, a unit variant as `"Variant"` (the default).
    External,
    /// `{"tag": "Variant", ...fields}`.
    Internal {
        /// The tag's key.
        tag: String,
    },
    /// `{"tag": "Variant", "content": value}`.
    Adjacent {
        /// The tag's key.
        tag: String,
        /// The content's key.
        content: String,
    },
    /// The value alone (`#[serde(untagged)]`).
    Untagged,
}

/// One variant serde writes.
#[derive(Debug)]
pub struct OutputVariant {
    /// The name serde writes.
    pub name: String,
    /// `#[serde(untagged)]` on the variant: written without the enum's tag.
    pub untagged: bool,
    /// What it holds.
    pub body: VariantBody,
}

/// What a variant holds.
#[derive(Debug)]
pub enum VariantBody {
    /// Nothing.
    Unit,
    /// One value.
    Newtype(Box<OutputField>),
    /// Named fields.
    Struct(Vec<OutputField>),
}

/// One field that serde writes.
#[derive(Debug)]
pub struct OutputField {
    /// The key serde writes it under; `None` when its value is written in place (`flatten`, a
    /// newtype, a transparent struct).
    pub key: Option<String>,
    /// Its type.
    pub ty: Type,
    /// `contains` added to the type's own.
    pub contains: Vec<ContainsItem>,
    /// Example values.
    pub examples: Vec<Literal>,
    /// Heading of its column in the result table.
    pub column: Option<SpannedValue<String>>,
    /// Position of that column, when given.
    pub column_order: Option<SpannedValue<u32>>,
}

/// Builds the model of a derive input. serde's own errors are reported too (the same as
/// `serde_derive`'s, which rustc shows once).
pub fn build(input: &DeriveInput) -> darling::Result<OutputType> {
    let mut errors = Error::accumulator();
    let args = errors
        .handle(OutputTypeArgs::from_attributes(&input.attrs))
        .unwrap_or_default();
    let context = Ctxt::new();
    let private = Ident::new("__private", Span::call_site());
    let container = Container::from_ast(&context, input, Derive::Serialize, &private);
    let shape = container.and_then(|container| errors.handle(shape(&container)));
    if let Err(serde) = context.check() {
        errors.push(serde.into());
    }
    let shape = shape.unwrap_or(Shape::Object {
        tag: None,
        fields: Vec::new(),
    });
    errors.finish_with(OutputType {
        ident: input.ident.clone(),
        generics: input.generics.clone(),
        runtime: crate::parse::runtime_path(args.krate.as_ref()),
        shape,
    })
}

fn shape(container: &Container<'_>) -> darling::Result<Shape> {
    let attrs = &container.attrs;
    if attrs.remote().is_some() {
        return Err(Error::custom(
            "`#[serde(remote = \"...\")]` serializes another type through getters, whose data paths ActionOutput cannot see: derive ActionOutput on a type of your own",
        )
        .with_span(&container.ident));
    }
    if let Some(into) = attrs.type_into() {
        return Ok(Shape::Into(into.clone()));
    }
    match &container.data {
        Data::Struct(style, fields) => struct_shape(container, *style, fields),
        Data::Enum(variants) => enum_shape(attrs.tag(), variants),
    }
}

fn struct_shape(
    container: &Container<'_>,
    style: Style,
    fields: &[Field<'_>],
) -> darling::Result<Shape> {
    if container.attrs.transparent() {
        let field = fields
            .iter()
            .find(|field| field.attrs.transparent())
            .ok_or_else(|| Error::custom("a transparent struct needs its one field"))?;
        return output_field(field, None).map(Shape::Transparent);
    }
    let tag = match container.attrs.tag() {
        TagType::Internal { tag } => Some((
            tag.clone(),
            container.attrs.name().serialize_name().value.clone(),
        )),
        _ => None,
    };
    match style {
        Style::Struct => Ok(Shape::Object {
            tag,
            fields: written_fields(fields)?,
        }),
        Style::Newtype => output_field(&fields[0], None).map(Shape::Transparent),
        Style::Unit => Err(Error::custom(
            "a unit struct serializes as `null`, which has no data paths",
        )
        .with_span(&container.ident)),
        Style::Tuple => Err(tuple_error().with_span(&container.ident)),
    }
}

fn tuple_error() -> Error {
    Error::custom(
        "serde writes a tuple as a JSON array of values of different types, which data paths cannot describe: name its fields",
    )
}

fn enum_shape(tag: &TagType, variants: &[Variant<'_>]) -> darling::Result<Shape> {
    let tagging = match tag {
        TagType::External => Tagging::External,
        TagType::Internal { tag } => Tagging::Internal { tag: tag.clone() },
        TagType::Adjacent { tag, content } => Tagging::Adjacent {
            tag: tag.clone(),
            content: content.clone(),
        },
        TagType::None => Tagging::Untagged,
    };
    let mut errors = Error::accumulator();
    let variants = variants
        .iter()
        .filter(|variant| !variant.attrs.skip_serializing())
        .filter_map(|variant| errors.handle(output_variant(variant)))
        .collect();
    errors.finish_with(Shape::Enum { tagging, variants })
}

fn output_variant(variant: &Variant<'_>) -> darling::Result<OutputVariant> {
    let mut errors = Error::accumulator();
    for attr in variant
        .original
        .attrs
        .iter()
        .filter(|attr| is_output_attr(attr))
    {
        errors.push(
            Error::custom("`#[output(...)]` goes on fields, and on the type for `crate = \"...\"`")
                .with_span(attr),
        );
    }
    if variant.attrs.serialize_with().is_some() {
        errors.push(serialize_with_error().with_span(&variant.ident));
    }
    let body = match variant.style {
        // serde writes a newtype variant whose field it skips as a unit variant.
        Style::Unit => Some(VariantBody::Unit),
        Style::Newtype if variant.fields[0].attrs.skip_serializing() => Some(VariantBody::Unit),
        Style::Newtype => errors
            .handle(output_field(&variant.fields[0], None))
            .map(|field| VariantBody::Newtype(Box::new(field))),
        Style::Struct => errors
            .handle(written_fields(&variant.fields))
            .map(VariantBody::Struct),
        Style::Tuple => {
            errors.push(tuple_error().with_span(&variant.ident));
            None
        }
    };
    errors.finish()?;
    Ok(OutputVariant {
        name: variant.attrs.name().serialize_name().value.clone(),
        untagged: variant.attrs.untagged(),
        body: body.unwrap_or(VariantBody::Unit),
    })
}

fn serialize_with_error() -> Error {
    Error::custom(
        "`serialize_with` (or `with`) writes a shape ActionOutput cannot see: give the field a type that serializes as it should be described",
    )
}

/// The fields serde writes under their keys (flattened ones in place).
fn written_fields(fields: &[Field<'_>]) -> darling::Result<Vec<OutputField>> {
    let mut errors = Error::accumulator();
    let written = fields
        .iter()
        .filter(|field| !field.attrs.skip_serializing())
        .filter_map(|field| {
            let key =
                (!field.attrs.flatten()).then(|| field.attrs.name().serialize_name().value.clone());
            errors.handle(output_field(field, key))
        })
        .collect();
    errors.finish_with(written)
}

fn output_field(field: &Field<'_>, key: Option<String>) -> darling::Result<OutputField> {
    if field.attrs.serialize_with().is_some() {
        return Err(serialize_with_error().with_span(&field.original.ty));
    }
    let args = OutputFieldArgs::from_attributes(&field.original.attrs)?;
    let mut examples: Vec<Literal> = args.example.into_iter().collect();
    examples.extend(args.examples.map(|list| list.0).unwrap_or_default());
    Ok(OutputField {
        key,
        ty: field.ty.clone(),
        contains: args.contains.map(|list| list.0).unwrap_or_default(),
        examples,
        column: args.column,
        column_order: args.column_order,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use syn::parse_quote;

    fn shape_of(input: DeriveInput) -> Shape {
        build(&input).unwrap().shape
    }

    fn keys(fields: &[OutputField]) -> Vec<Option<&str>> {
        fields.iter().map(|field| field.key.as_deref()).collect()
    }

    #[test]
    fn struct_fields_are_serdes_keys() {
        let shape = shape_of(parse_quote! {
            #[serde(rename_all = "camelCase")]
            struct Record {
                registrar_name: String,
                #[serde(rename = "_raw")]
                raw_text: String,
                #[serde(skip)]
                hidden: u8,
                #[serde(skip_serializing_if = "Option::is_none")]
                maybe_there: Option<u8>,
                #[serde(flatten)]
                extra: Extra,
                r#type: String,
            }
        });
        let Shape::Object { tag, fields } = shape else {
            panic!("an object: {shape:?}");
        };
        assert_eq!(tag, None);
        assert_eq!(
            keys(&fields),
            [
                Some("registrarName"),
                Some("_raw"),
                Some("maybeThere"),
                None,
                Some("type")
            ]
        );
        assert_eq!(fields[3].ty, parse_quote!(Extra));
    }

    #[test]
    fn serdes_rules_not_lookalikes() {
        // serde's "lowercase" leaves a field as written; its PascalCase capitalises after `_`.
        let shape = shape_of(parse_quote! {
            #[serde(rename_all = "lowercase")]
            struct S { rawHTML: String }
        });
        let Shape::Object { fields, .. } = shape else {
            panic!("{shape:?}")
        };
        assert_eq!(keys(&fields), [Some("rawHTML")]);
        let shape = shape_of(parse_quote! {
            #[serde(rename_all(serialize = "SCREAMING-KEBAB-CASE", deserialize = "camelCase"))]
            struct S { name_server: String }
        });
        let Shape::Object { fields, .. } = shape else {
            panic!("{shape:?}")
        };
        assert_eq!(keys(&fields), [Some("NAME-SERVER")]);
    }

    #[test]
    fn transparent_newtype_into_and_tagged_structs() {
        let shape = shape_of(parse_quote! {
            #[serde(transparent)]
            struct W { #[serde(skip)] cache: u8, inner: Inner }
        });
        assert!(
            matches!(&shape, Shape::Transparent(field) if field.key.is_none() && field.ty == parse_quote!(Inner)),
            "{shape:?}"
        );
        let shape = shape_of(parse_quote!(
            struct N(Vec<Inner>);
        ));
        assert!(matches!(&shape, Shape::Transparent(field) if field.key.is_none()));
        let shape = shape_of(parse_quote! {
            #[derive(Clone)]
            #[serde(into = "Wire")]
            struct I { a: u8 }
        });
        assert!(matches!(&shape, Shape::Into(ty) if *ty == parse_quote!(Wire)));
        let shape = shape_of(parse_quote! {
            #[serde(tag = "kind", rename = "domain_record")]
            struct T { name: String }
        });
        let Shape::Object { tag, fields } = shape else {
            panic!("{shape:?}")
        };
        assert_eq!(tag, Some(("kind".to_owned(), "domain_record".to_owned())));
        assert_eq!(keys(&fields), [Some("name")]);
    }

    #[test]
    fn enums_as_serde_tags_them() {
        let taggings = [
            (quote::quote!(), Tagging::External),
            (
                quote::quote!(#[serde(tag = "t")]),
                Tagging::Internal { tag: "t".into() },
            ),
            (
                quote::quote!(#[serde(tag = "t", content = "c")]),
                Tagging::Adjacent {
                    tag: "t".into(),
                    content: "c".into(),
                },
            ),
            (quote::quote!(#[serde(untagged)]), Tagging::Untagged),
        ];
        for (attr, expected) in taggings {
            let input: DeriveInput = syn::parse2(quote::quote! {
                #attr
                #[serde(rename_all = "snake_case", rename_all_fields = "camelCase")]
                enum E {
                    Plain,
                    Wrapped(Inner),
                    WithFields { first_name: String },
                    #[serde(skip_serializing)]
                    Hidden,
                }
            })
            .unwrap();
            let Shape::Enum { tagging, variants } = shape_of(input) else {
                panic!("an enum");
            };
            assert_eq!(tagging, expected);
            let names: Vec<&str> = variants.iter().map(|v| v.name.as_str()).collect();
            assert_eq!(names, ["plain", "wrapped", "with_fields"]);
            assert!(matches!(variants[0].body, VariantBody::Unit));
            assert!(
                matches!(&variants[1].body, VariantBody::Newtype(field) if field.key.is_none())
            );
            let VariantBody::Struct(fields) = &variants[2].body else {
                panic!("a struct variant");
            };
            assert_eq!(keys(fields), [Some("firstName")]);
        }
    }

    #[test]
    fn a_variant_may_be_untagged() {
        let shape = shape_of(parse_quote! {
            enum E { A, #[serde(untagged)] Other(String) }
        });
        let Shape::Enum { variants, .. } = shape else {
            panic!("{shape:?}")
        };
        assert!(!variants[0].untagged && variants[1].untagged);
    }

    fn error_of(input: DeriveInput) -> String {
        build(&input).unwrap_err().to_string()
    }

    #[test]
    fn what_data_paths_cannot_describe_is_refused() {
        assert!(
            error_of(parse_quote!(
                struct T(u8, String);
            ))
            .contains("tuple")
        );
        assert!(
            error_of(parse_quote!(
                struct U;
            ))
            .contains("null")
        );
        assert!(
            error_of(parse_quote!(
                struct S {
                    #[serde(with = "m")]
                    at: Time,
                }
            ))
            .contains("serialize_with")
        );
        assert!(
            error_of(parse_quote!(
                enum E {
                    #[serde(serialize_with = "f")]
                    A(u8),
                }
            ))
            .contains("serialize_with")
        );
        assert!(
            error_of(parse_quote!(
                enum E {
                    Pair(u8, u8),
                }
            ))
            .contains("tuple")
        );
        assert!(
            error_of(parse_quote!(
                #[serde(remote = "Other")]
                struct R {
                    a: u8,
                }
            ))
            .contains("remote")
        );
        assert!(
            error_of(parse_quote!(
                enum E {
                    #[output(column = "A")]
                    A,
                }
            ))
            .contains("goes on fields")
        );
    }

    #[test]
    fn serdes_own_errors_are_reported() {
        let error = error_of(parse_quote! {
            #[serde(rename_all = "lowercas")]
            struct S { a: u8 }
        });
        assert!(error.contains("lowercas"), "{error}");
        let error = error_of(parse_quote!(
            #[serde(untagged)]
            struct S {
                a: u8,
            }
        ));
        assert!(error.contains("untagged"), "{error}");
    }

    #[test]
    fn field_annotations_are_kept() {
        let shape = shape_of(parse_quote! {
            struct S {
                #[output(column = "Name", contains = ["host name"], example = "a", examples = ["b"])]
                name: String,
            }
        });
        let Shape::Object { fields, .. } = shape else {
            panic!("{shape:?}")
        };
        assert_eq!(
            fields[0].column.as_deref().map(String::as_str),
            Some("Name")
        );
        assert_eq!(fields[0].contains[0].value, "host name");
        assert_eq!(fields[0].examples.len(), 2);
        assert_eq!(
            build(&parse_quote!(
                #[output(crate = "crate::rt")]
                struct S {
                    a: u8,
                }
            ))
            .unwrap()
            .runtime,
            crate::test_support::path("crate::rt")
        );
    }
}
