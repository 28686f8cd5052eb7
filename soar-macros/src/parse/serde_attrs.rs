//! The parts of `#[serde(...)]` that move data paths: `rename`, `rename_all`, `flatten` and
//! `skip`/`skip_serializing`. Every other serde key is read past and ignored.

use darling::Error;
use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned;
use syn::{Attribute, LitStr, Token};

/// What serde's attributes on a struct or a field say about names.
#[derive(Debug, Default)]
pub struct SerdeAttrs {
    /// `rename = "..."` (or `rename(serialize = "...")`).
    pub rename: Option<String>,
    /// `rename_all = "..."` (or `rename_all(serialize = "...")`), with its span.
    pub rename_all: Option<(String, Span)>,
    /// `flatten`.
    pub flatten: bool,
    /// `skip` or `skip_serializing`.
    pub skip: bool,
}

impl SerdeAttrs {
    /// Reads the `#[serde(...)]` attributes among `attrs`.
    pub fn of(attrs: &[Attribute]) -> darling::Result<Self> {
        let mut found = Self::default();
        let mut errors = Error::accumulator();
        for attr in attrs.iter().filter(|attr| attr.path().is_ident("serde")) {
            let parsed = attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("rename") {
                    found.rename = serialized_name(&meta)?;
                } else if meta.path.is_ident("rename_all") {
                    let span = meta.path.span();
                    found.rename_all = serialized_name(&meta)?.map(|rule| (rule, span));
                } else if meta.path.is_ident("flatten") {
                    found.flatten = true;
                } else if meta.path.is_ident("skip") || meta.path.is_ident("skip_serializing") {
                    found.skip = true;
                } else {
                    skip_value(&meta)?;
                }
                Ok(())
            });
            errors.handle(parsed.map_err(Error::from));
        }
        errors.finish_with(found)
    }
}

/// The serialized name of `rename = "x"` or `rename(serialize = "x", deserialize = "y")`.
fn serialized_name(meta: &ParseNestedMeta<'_>) -> syn::Result<Option<String>> {
    if meta.input.peek(Token![=]) {
        let name: LitStr = meta.value()?.parse()?;
        return Ok(Some(name.value()));
    }
    let mut serialized = None;
    meta.parse_nested_meta(|inner| {
        let name: LitStr = inner.value()?.parse()?;
        if inner.path.is_ident("serialize") {
            serialized = Some(name.value());
        }
        Ok(())
    })?;
    Ok(serialized)
}

/// Reads past the value of a key this module does not need: `= expr` or `(...)`.
fn skip_value(meta: &ParseNestedMeta<'_>) -> syn::Result<()> {
    if meta.input.peek(Token![=]) {
        meta.value()?.parse::<syn::Expr>()?;
    } else if meta.input.peek(syn::token::Paren) {
        meta.input.parse::<proc_macro2::Group>()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use syn::parse_quote;

    #[test]
    fn reads_names_and_ignores_other_keys() {
        let field: syn::Field = parse_quote! {
            #[serde(default, rename = "_underscored", skip_serializing_if = "Option::is_none")]
            #[serde(with = "x", bound(serialize = "T: X"))]
            x: u8
        };
        let attrs = SerdeAttrs::of(&field.attrs).unwrap();
        assert_eq!(attrs.rename.as_deref(), Some("_underscored"));
        assert!(!attrs.flatten && !attrs.skip);
    }

    #[test]
    fn reads_the_serialize_half_and_flags() {
        let item: syn::DeriveInput = parse_quote! {
            #[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
            #[serde(deny_unknown_fields)]
            struct S;
        };
        let attrs = SerdeAttrs::of(&item.attrs).unwrap();
        assert_eq!(attrs.rename_all.unwrap().0, "camelCase");
        let field: syn::Field = parse_quote!(#[serde(flatten)] #[serde(skip_serializing)] x: u8);
        let attrs = SerdeAttrs::of(&field.attrs).unwrap();
        assert!(attrs.flatten && attrs.skip);
    }
}
