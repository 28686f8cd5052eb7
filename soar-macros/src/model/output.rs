//! An `ActionOutput` struct: its fields as serde writes them.

use darling::util::SpannedValue;
use darling::{Error, FromDeriveInput};
use syn::{DeriveInput, Generics, Ident, Type};

use crate::names;
use crate::parse::literal::{ContainsItem, Literal};
use crate::parse::output::{OutputFieldArgs, OutputInput};
use crate::parse::serde_attrs::SerdeAttrs;
use crate::suggest;

/// A struct with `#[derive(ActionOutput)]`.
#[derive(Debug)]
pub struct OutputStruct {
    /// Its name.
    pub ident: Ident,
    /// Its generics.
    pub generics: Generics,
    /// Where generated code finds the runtime.
    pub runtime: syn::Path,
    /// The fields serde writes, in order.
    pub fields: Vec<OutputField>,
}

/// One field that serde writes.
#[derive(Debug)]
pub struct OutputField {
    /// The key serde writes it under; `None` for a flattened field.
    pub key: Option<String>,
    /// Its type.
    pub ty: Type,
    /// `contains` added to the type's own.
    pub contains: Vec<ContainsItem>,
    /// Example values.
    pub examples: Vec<Literal>,
    /// Heading of its column in the result table.
    pub column: Option<SpannedValue<String>>,
}

/// Builds the model of a derive input.
pub fn build(input: &DeriveInput) -> darling::Result<OutputStruct> {
    let parsed = OutputInput::from_derive_input(input)?;
    let mut errors = Error::accumulator();
    let container = errors
        .handle(SerdeAttrs::of(&parsed.attrs))
        .unwrap_or_default();
    let rule = container.rename_all.and_then(|(rule, span)| {
        if names::rename(".", &rule).is_some() {
            return Some(rule);
        }
        let hint = suggest::closest(&rule, names::RENAME_RULES)
            .map(|rule| format!("; did you mean `{rule}`?"))
            .unwrap_or_default();
        errors.push(
            Error::custom(format!("unknown serde `rename_all` rule `{rule}`{hint}"))
                .with_span(&span),
        );
        None
    });
    let fields = parsed
        .data
        .take_struct()
        .map(|fields| fields.fields)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|field| {
            errors
                .handle(output_field(field, rule.as_deref()))
                .flatten()
        })
        .collect();
    errors.finish_with(OutputStruct {
        ident: parsed.ident,
        generics: parsed.generics,
        runtime: crate::parse::runtime_path(parsed.krate.as_ref()),
        fields,
    })
}

/// The field as serde writes it, or `None` when serde skips it.
fn output_field(
    field: OutputFieldArgs,
    rule: Option<&str>,
) -> darling::Result<Option<OutputField>> {
    let serde = SerdeAttrs::of(&field.attrs)?;
    if serde.skip {
        return Ok(None);
    }
    let key = if serde.flatten {
        None
    } else {
        let ident = field
            .ident
            .as_ref()
            .ok_or_else(|| Error::custom("an output field needs a name").with_span(&field.ty))?;
        let plain = ident.to_string().trim_start_matches("r#").to_owned();
        Some(match (serde.rename, rule) {
            (Some(name), _) => name,
            (None, Some(rule)) => names::rename(&plain, rule).unwrap_or(plain),
            (None, None) => plain,
        })
    };
    let mut examples: Vec<Literal> = field.example.into_iter().collect();
    examples.extend(field.examples.map(|list| list.0).unwrap_or_default());
    Ok(Some(OutputField {
        key,
        ty: field.ty,
        contains: field.contains.map(|list| list.0).unwrap_or_default(),
        examples,
        column: field.column,
    }))
}
