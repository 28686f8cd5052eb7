//! `#[derive(ActionOutput)]` with `#[output(...)]` on fields.

use darling::util::SpannedValue;
use darling::{FromDeriveInput, FromField, ast};
use syn::{Attribute, Generics, Ident, Type};

use super::literal::{ContainsList, Literal, LiteralList};

/// The struct an `ActionOutput` is derived for.
#[derive(Debug, FromDeriveInput)]
#[darling(attributes(output), forward_attrs(serde), supports(struct_named))]
pub struct OutputInput {
    /// The struct's name.
    pub ident: Ident,
    /// Its generics.
    pub generics: Generics,
    /// Its fields.
    pub data: ast::Data<(), OutputFieldArgs>,
    /// Its `#[serde(...)]` attributes.
    pub attrs: Vec<Attribute>,
    /// Where generated code finds the runtime.
    #[darling(rename = "crate")]
    pub krate: Option<syn::Path>,
}

/// One field with its `#[output(...)]` attribute.
#[derive(Debug, FromField)]
#[darling(attributes(output), forward_attrs(serde))]
pub struct OutputFieldArgs {
    /// The field.
    pub ident: Option<Ident>,
    /// Its type.
    pub ty: Type,
    /// Its `#[serde(...)]` attributes.
    pub attrs: Vec<Attribute>,
    /// `contains` added to the type's own.
    pub contains: Option<ContainsList>,
    /// One example value.
    pub example: Option<Literal>,
    /// Several example values.
    pub examples: Option<LiteralList>,
    /// Heading of the field's column in the result table.
    pub column: Option<SpannedValue<String>>,
}
