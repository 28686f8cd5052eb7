//! The rules of an `ActionOutput` struct: known `contains` and non-empty column headings.

use darling::Error;

use super::{contains, error_at};
use crate::model::output::OutputStruct;

/// Checks an output struct; returns every violation.
pub fn check(output: &OutputStruct) -> darling::Result<()> {
    let mut errors = Error::accumulator();
    for field in &output.fields {
        for error in contains::check(&field.contains) {
            errors.push(error);
        }
        if let Some(column) = &field.column
            && column.trim().is_empty()
        {
            errors.push(error_at(column.span(), "a column heading cannot be empty"));
        }
    }
    errors.finish()
}
