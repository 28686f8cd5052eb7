//! The rules of an `ActionOutput` type: known `contains` and non-empty column headings.

use darling::Error;

use super::{column_order_alone, contains, error_at};
use crate::model::output::{OutputField, OutputType, Shape, VariantBody};

/// Checks an output type; returns every violation.
pub fn check(output: &OutputType) -> darling::Result<()> {
    let mut errors = Error::accumulator();
    for field in fields(&output.shape) {
        for error in contains::check(&field.contains) {
            errors.push(error);
        }
        if let Some(column) = &field.column
            && column.trim().is_empty()
        {
            errors.push(error_at(column.span(), "a column heading cannot be empty"));
        }
        if let Some(error) = column_order_alone(
            field.column.as_deref().map(String::as_str),
            field.column_order.as_ref(),
        ) {
            errors.push(error);
        }
    }
    errors.finish()
}

/// Every field of the shape, those of all variants included.
pub fn fields(shape: &Shape) -> Vec<&OutputField> {
    match shape {
        Shape::Object { fields, .. } => fields.iter().collect(),
        Shape::Transparent(field) => vec![field],
        Shape::Into(_) => Vec::new(),
        Shape::Enum { variants, .. } => variants
            .iter()
            .flat_map(|variant| match &variant.body {
                VariantBody::Unit => Vec::new(),
                VariantBody::Newtype(field) => vec![&**field],
                VariantBody::Struct(fields) => fields.iter().collect(),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use syn::parse_quote;

    fn checked(input: syn::DeriveInput) -> darling::Result<()> {
        check(&crate::model::output::build(&input).unwrap())
    }

    #[test]
    fn contains_and_columns_of_every_field_are_checked() {
        assert!(
            checked(parse_quote!(
                struct S {
                    #[output(contains = ["ip"], column = "IP", column_order = 1)]
                    ip: String,
                }
            ))
            .is_ok()
        );
        let errors = checked(parse_quote! {
            enum E {
                A { #[output(contains = ["domian"])] name: String },
                B(#[output(column = " ")] String),
                C { #[output(column_order = 2)] n: u32 },
            }
        })
        .unwrap_err();
        assert_eq!(errors.len(), 3);
        let text = errors.to_string();
        assert!(text.contains("did you mean `domain`?"), "{text}");
        assert!(text.contains("column heading cannot be empty"), "{text}");
        assert!(
            text.contains("`column_order` is the position of a column"),
            "{text}"
        );
    }
}
