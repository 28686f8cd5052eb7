//! What the impls written by `#[derive(ActionOutput)]` call: a derived type is its own
//! [`IntoActionResult`](crate::output::IntoActionResult), [`Summary`](crate::output::Summary)
//! and [`OutputType`](crate::output::OutputType) (there are no blanket impls over
//! [`ActionOutput`], so that a `Vec<Row>` whose `Row` lacks it is an error naming `Row`).

use std::collections::HashSet;

use serde::Serialize;
use serde_json::Value;

use crate::error::ActionError;
use crate::meta::{Literal, OutputSpec};
use crate::output::{ActionOutput, Annotations, DATA_PATH, SUMMARY_PATH};
use crate::result::ActionResult;

/// Adds the data entries of `T`, an action's data item: `action_result.data.*.<field>`.
pub fn describe_data<T: ActionOutput>(out: &mut Vec<OutputSpec>) {
    T::describe_fields(DATA_PATH, &Annotations::default(), out);
}

/// Adds one data item to the result.
pub fn write_data<T: ActionOutput>(item: &T, result: &mut ActionResult) -> Result<(), ActionError> {
    result.add_data(to_json(item)?);
    Ok(())
}

/// Adds the summary entries of `T`: `action_result.summary.<field>`.
pub fn describe_summary<T: ActionOutput>(out: &mut Vec<OutputSpec>) {
    T::describe_fields(SUMMARY_PATH, &Annotations::default(), out);
}

/// Merges a summary into the result's.
pub fn write_summary<T: ActionOutput>(
    summary: &T,
    result: &mut ActionResult,
) -> Result<(), ActionError> {
    match to_json(summary)? {
        Value::Object(fields) => {
            result.update_summary(fields);
            Ok(())
        }
        other => Err(ActionError::new(format!(
            "The action's summary must serialize to a JSON object, not {other}"
        ))),
    }
}

/// A value as JSON, or an error saying it cannot be.
fn to_json(value: &impl Serialize) -> Result<Value, ActionError> {
    serde_json::to_value(value)
        .map_err(|error| ActionError::new(format!("Cannot serialize the action's output: {error}")))
}

/// The entry of a string that is one of `names` (an enum's unit variants, a tag): the names
/// are its example values unless the enclosing field gives some.
pub fn describe_names(
    path: &str,
    notes: &Annotations,
    names: &'static [Literal],
    out: &mut Vec<OutputSpec>,
) {
    out.push(notes.with_default_examples(names).leaf(path, "string", &[]));
}

/// Drops the entries from `from` on whose data path came earlier from `from` on: the variants
/// of an enum that share a field describe it once, as the first one does.
pub fn merge_duplicates(out: &mut Vec<OutputSpec>, from: usize) {
    let mut seen = HashSet::new();
    let mut index = 0;
    out.retain(|spec| {
        let keep = index < from || seen.insert(spec.data_path.clone());
        index += 1;
        keep
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(path: &str) -> OutputSpec {
        Annotations::default().leaf(path, "string", &[])
    }

    #[test]
    fn duplicates_after_the_start_are_merged_into_the_first() {
        let mut out = vec![
            spec("a"),
            spec("b"),
            spec("a"),
            spec("b"),
            spec("c"),
            spec("b"),
        ];
        merge_duplicates(&mut out, 1);
        let paths: Vec<&str> = out.iter().map(|spec| spec.data_path.as_str()).collect();
        assert_eq!(paths, ["a", "b", "a", "c"]);
    }

    #[test]
    fn names_are_the_examples_unless_the_field_gives_some() {
        const NAMES: [Literal; 2] = [Literal::Text("a"), Literal::Text("b")];
        let mut out = Vec::new();
        describe_names("p", &Annotations::default(), &NAMES, &mut out);
        assert_eq!(out[0].examples, NAMES);
        assert_eq!(out[0].data_type, "string");
        const GIVEN: [Literal; 1] = [Literal::Text("x")];
        let notes = Annotations::default().nested(&crate::meta::FieldMeta {
            contains: &[],
            examples: &GIVEN,
            column: None,
        });
        describe_names("p", &notes, &NAMES, &mut out);
        assert_eq!(out[1].examples, GIVEN);
    }
}
