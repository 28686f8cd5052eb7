//! `#[derive(ActionOutput)]`: `#[output(...)]` on the type and on its fields. What serde writes
//! is read with serde's own attribute model (`serde_derive_internals`) in
//! [`crate::model::output`].

use darling::FromAttributes;
use darling::util::SpannedValue;
use syn::DeriveInput;

use super::literal::{ContainsList, Literal, LiteralList};

/// `#[output(...)]` on the type.
#[derive(Debug, Default, FromAttributes)]
#[darling(attributes(output), default)]
pub struct OutputTypeArgs {
    /// Where generated code finds the runtime.
    #[darling(rename = "crate")]
    pub krate: Option<syn::Path>,
}

/// `#[output(...)]` on a field.
#[derive(Debug, Default, FromAttributes)]
#[darling(attributes(output), default)]
pub struct OutputFieldArgs {
    /// `contains` added to the type's own.
    pub contains: Option<ContainsList>,
    /// One example value.
    pub example: Option<Literal>,
    /// Several example values.
    pub examples: Option<LiteralList>,
    /// Heading of the field's column in the result table.
    pub column: Option<SpannedValue<String>>,
    /// Position of that column, when not the order of the entries.
    pub column_order: Option<SpannedValue<u32>>,
}

/// Whether an attribute is `#[output(...)]`.
pub fn is_output_attr(attr: &syn::Attribute) -> bool {
    attr.path().is_ident("output")
}

/// The `crate = "..."` override of a type whose `#[output]` may not parse as a whole: what its
/// stub uses.
pub fn lenient_runtime_path(input: &DeriveInput) -> syn::Path {
    let krate = input
        .attrs
        .iter()
        .filter(|attr| is_output_attr(attr))
        .filter_map(|attr| match &attr.meta {
            syn::Meta::List(list) => Some(super::lenient_items(&list.tokens)),
            _ => None,
        })
        .map(|items| super::lenient_runtime_path(&items))
        .next();
    krate.unwrap_or_else(|| super::runtime_path(None))
}

#[cfg(test)]
mod tests {
    use super::*;
    use syn::parse_quote;

    #[test]
    fn field_annotations() {
        let field: syn::Field = parse_quote! {
            #[serde(rename = "x")]
            #[output(contains = ["ip"], example = "1.2.3.4", examples = ["5.6.7.8"], column = "Address")]
            address: String
        };
        let args = OutputFieldArgs::from_attributes(&field.attrs).unwrap();
        assert_eq!(args.contains.unwrap().0[0].value, "ip");
        assert!(args.example.is_some());
        assert_eq!(args.examples.unwrap().0.len(), 1);
        assert_eq!(args.column.as_deref().map(String::as_str), Some("Address"));
        let unknown: syn::Field = parse_quote!(#[output(colum = "X")] x: u8);
        assert!(OutputFieldArgs::from_attributes(&unknown.attrs).is_err());
    }

    #[test]
    fn the_runtime_override_survives_other_errors() {
        let input: DeriveInput = parse_quote! {
            #[output(crate = "crate::rt", colum = "X")]
            struct S { x: u8 }
        };
        assert!(OutputTypeArgs::from_attributes(&input.attrs).is_err());
        assert_eq!(
            lenient_runtime_path(&input),
            crate::test_support::path("crate::rt")
        );
        let plain: DeriveInput = parse_quote!(
            struct S;
        );
        assert_eq!(
            lenient_runtime_path(&plain),
            crate::test_support::path("::soar_runtime")
        );
    }
}
