//! Typed action outputs: what an action returns decides both the result it writes and the
//! `output` data paths of the app JSON.
//!
//! - [`ActionOutput`] (derived with `#[derive(ActionOutput)]`) is a type whose serialized form
//!   is described by data paths (`action_result.data.*.<field>`; a nested struct adds
//!   `.<field>`, a `Vec` adds `.*`; the paths are the ones serde writes, renames, flattening,
//!   transparency and enum tagging included).
//! - [`OutputType`] is what a field's type must implement: the plain types, `Option`, `Vec`,
//!   maps (`BTreeMap`, `HashMap`) and nested [`ActionOutput`] types.
//! - [`IntoActionResult`] is what an action returns: `()`, an [`ActionOutput`], a `Vec` or an
//!   `Option` of one, an [`Output`] (data, a typed summary and a message), or a `Result` of any
//!   of these whose error converts into [`ActionError`].

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::__private::output::{describe_data, write_data};
use crate::error::ActionError;
use crate::meta::{Column, FieldMeta, Literal, OutputSpec};
use crate::result::ActionResult;
use crate::values;

/// The data list of a result: `action_result.data`.
pub const DATA_LIST_PATH: &str = "action_result.data";
/// Where the data items of a result are: `action_result.data.*`.
pub const DATA_PATH: &str = "action_result.data.*";
/// Where the summary of a result is: `action_result.summary`.
pub const SUMMARY_PATH: &str = "action_result.summary";

/// What the attributes of the enclosing fields say about the data paths below them.
#[derive(Debug, Clone, Default)]
pub struct Annotations {
    contains: Vec<&'static str>,
    examples: &'static [Literal],
    column: Option<Column>,
}

impl Annotations {
    /// The annotations of a field inside these: its `contains` are added, its examples and
    /// column replace the enclosing ones when it has them.
    pub fn nested(&self, field: &FieldMeta) -> Self {
        let mut contains = self.contains.clone();
        add_contains(&mut contains, field.contains);
        Self {
            contains,
            examples: if field.examples.is_empty() {
                self.examples
            } else {
                field.examples
            },
            column: field.column.or(self.column),
        }
    }

    /// The same annotations with `examples` as the example values unless these have some: for
    /// a value whose possible values are known (an enum's variant names, a tag).
    pub fn with_default_examples(&self, examples: &'static [Literal]) -> Self {
        let mut notes = self.clone();
        if notes.examples.is_empty() {
            notes.examples = examples;
        }
        notes
    }

    /// The output entry of a value of a plain type at `path`.
    pub fn leaf(
        &self,
        path: &str,
        data_type: &'static str,
        type_contains: &[&'static str],
    ) -> OutputSpec {
        let mut contains = type_contains.to_vec();
        add_contains(&mut contains, &self.contains);
        OutputSpec {
            data_path: path.to_owned(),
            data_type,
            contains,
            examples: self.examples.to_vec(),
            column: self.column,
        }
    }
}

/// Appends the `contains` of `more` that `contains` lacks, in order.
pub(crate) fn add_contains(contains: &mut Vec<&'static str>, more: &[&'static str]) {
    for item in more {
        if !contains.contains(item) {
            contains.push(item);
        }
    }
}

/// A type that a field of an [`ActionOutput`] can have: it describes the data paths a value of
/// it occupies.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be described as an action output",
    label = "this type has no data paths",
    note = "output fields are strings, numbers, booleans, typed values, `Option`s, `Vec`s and maps of them, or types with `#[derive(ActionOutput)]`"
)]
pub trait OutputType {
    /// Adds the output entries of a value of this type found at `path`.
    fn describe(path: &str, notes: &Annotations, out: &mut Vec<OutputSpec>);
}

/// A type whose serialized form is described by data paths; derive it with
/// `#[derive(ActionOutput)]` beside `serde::Serialize`, whose attributes it reads with serde's
/// own model: a struct's fields under their serialized names (`rename`, `rename_all`, `skip`,
/// `flatten`), `transparent` and newtype structs as their field, `into` as the other type, a
/// struct's `tag`, and enums as serde tags them (externally, `tag`, `tag` + `content`,
/// `untagged`). What data paths cannot describe (tuples, unit structs, `serialize_with`,
/// `remote`) is a compile error. The derive also makes the type an [`OutputType`], an
/// [`IntoActionResult`] and a [`Summary`].
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an action output",
    label = "add `#[derive(Serialize, ActionOutput)]` to this type",
    note = "an action returns `()`, a `#[derive(ActionOutput)]` type, a `Vec` or an `Option` of one, an `Output<Data, Summary>`, or a `Result` of one of these"
)]
pub trait ActionOutput: Serialize {
    /// Adds the output entries of what serde writes for a value found at `path`.
    fn describe_fields(path: &str, notes: &Annotations, out: &mut Vec<OutputSpec>);
}

/// Implements [`OutputType`] for plain types with their data type.
macro_rules! plain_outputs {
    ($data_type:literal: $($type:ty),+) => {$(
        impl OutputType for $type {
            fn describe(path: &str, notes: &Annotations, out: &mut Vec<OutputSpec>) {
                out.push(notes.leaf(path, $data_type, &[]));
            }
        }
    )+};
}

plain_outputs!("string": String, &'static str, char);
plain_outputs!("boolean": bool);
plain_outputs!("numeric": i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize, f32, f64);

/// Implements [`OutputType`] for typed values: their data type and `contains` are their
/// [`Param`](crate::values::Param) ones.
macro_rules! typed_outputs {
    ($($type:ty),+) => {$(
        impl OutputType for $type {
            fn describe(path: &str, notes: &Annotations, out: &mut Vec<OutputSpec>) {
                use crate::values::Param;
                out.push(notes.leaf(path, <$type>::DATA_TYPE, <$type>::CONTAINS));
            }
        }
    )+};
}

typed_outputs!(
    values::Ip,
    values::Ipv4,
    values::Ipv6,
    values::Domain,
    values::HostName,
    values::Url,
    values::Email,
    values::MacAddress,
    values::Md5,
    values::Sha1,
    values::Sha256,
    values::Sha512,
    values::Hash,
    values::Port
);

impl<T: OutputType> OutputType for Option<T> {
    fn describe(path: &str, notes: &Annotations, out: &mut Vec<OutputSpec>) {
        T::describe(path, notes, out);
    }
}

impl<T: OutputType> OutputType for Vec<T> {
    fn describe(path: &str, notes: &Annotations, out: &mut Vec<OutputSpec>) {
        T::describe(&format!("{path}.*"), notes, out);
    }
}

/// A map is an object whose keys are data (a sandbox's name, an address, a date), so its values
/// are at `.*`, as real apps declare them (`attributes.sandbox_verdicts.*.category`). Flattened
/// beside named fields (`#[serde(flatten)]`), it declares the keys the struct does not name.
impl<K, V: OutputType> OutputType for BTreeMap<K, V> {
    fn describe(path: &str, notes: &Annotations, out: &mut Vec<OutputSpec>) {
        V::describe(&format!("{path}.*"), notes, out);
    }
}

/// As for [`BTreeMap`]: the values of a map are at `.*`.
impl<K, V: OutputType, H> OutputType for HashMap<K, V, H> {
    fn describe(path: &str, notes: &Annotations, out: &mut Vec<OutputSpec>) {
        V::describe(&format!("{path}.*"), notes, out);
    }
}

/// What an action function returns: it describes its data and summary entries, and writes
/// itself into the result.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be the result of an action",
    label = "an action cannot return this type",
    note = "an action returns `()`, a `#[derive(ActionOutput)]` type, a `Vec` or an `Option` of one, an `Output<Data, Summary>`, or a `Result` of one of these"
)]
pub trait IntoActionResult {
    /// The type of one data item, as a view reads it back ([`crate::view`]).
    type Data;
    /// The type of the summary, as a view reads it back ([`crate::view::Nothing`] for none).
    type Summary;

    /// Adds the data and summary entries of the app JSON's `output`.
    fn describe(out: &mut Vec<OutputSpec>);

    /// Writes the value into the result: data items, summary, message. An `Err` fails the
    /// result with its message.
    fn write(self, result: &mut ActionResult) -> Result<(), ActionError>;
}

impl IntoActionResult for () {
    type Data = crate::view::Nothing;
    type Summary = crate::view::Nothing;

    fn describe(_: &mut Vec<OutputSpec>) {}

    fn write(self, _: &mut ActionResult) -> Result<(), ActionError> {
        Ok(())
    }
}

impl<T: ActionOutput> IntoActionResult for Vec<T> {
    type Data = T;
    type Summary = crate::view::Nothing;

    fn describe(out: &mut Vec<OutputSpec>) {
        describe_data::<T>(out);
    }

    fn write(self, result: &mut ActionResult) -> Result<(), ActionError> {
        for item in &self {
            write_data(item, result)?;
        }
        Ok(())
    }
}

impl<T: ActionOutput> IntoActionResult for Option<T> {
    type Data = T;
    type Summary = crate::view::Nothing;

    fn describe(out: &mut Vec<OutputSpec>) {
        describe_data::<T>(out);
    }

    fn write(self, result: &mut ActionResult) -> Result<(), ActionError> {
        self.map_or(Ok(()), |item| write_data(&item, result))
    }
}

impl<T: IntoActionResult, E: Into<ActionError>> IntoActionResult for Result<T, E> {
    type Data = T::Data;
    type Summary = T::Summary;

    fn describe(out: &mut Vec<OutputSpec>) {
        T::describe(out);
    }

    fn write(self, result: &mut ActionResult) -> Result<(), ActionError> {
        self.map_err(Into::into)?.write(result)
    }
}

/// The summary of an [`Output`]: `()` for none, or an [`ActionOutput`] struct whose fields
/// become `action_result.summary.<field>`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be the summary of an action",
    note = "a summary is `()` or a `#[derive(ActionOutput)]` type"
)]
pub trait Summary {
    /// The type a view reads the summary back as: the type itself, [`crate::view::Nothing`]
    /// for `()`.
    type View;

    /// Adds the summary entries.
    fn describe(out: &mut Vec<OutputSpec>);

    /// Merges the summary into the result's.
    fn write(self, result: &mut ActionResult) -> Result<(), ActionError>;
}

impl Summary for () {
    type View = crate::view::Nothing;

    fn describe(_: &mut Vec<OutputSpec>) {}

    fn write(self, _: &mut ActionResult) -> Result<(), ActionError> {
        Ok(())
    }
}

/// An action's output with everything a result can hold: data items, a typed summary and a
/// message.
///
/// ```
/// # use soar_runtime::output::Output;
/// # #[derive(serde::Serialize, soar_runtime::ActionOutput)]
/// # struct Item { n: u32 }
/// # #[derive(serde::Serialize, soar_runtime::ActionOutput)]
/// # struct Totals { total: u32 }
/// let output = Output::new([Item { n: 1 }, Item { n: 2 }])
///     .with_summary(Totals { total: 2 })
///     .with_message("Found 2 items");
/// # let _ = output;
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Output<D, S = ()> {
    /// The data items, `action_result.data.*`.
    pub data: Vec<D>,
    /// The summary, `action_result.summary`.
    pub summary: S,
    /// The result's message; without one the platform shows the summary.
    pub message: Option<String>,
}

impl<D> Output<D> {
    /// An output of these data items, without summary or message.
    pub fn new(data: impl IntoIterator<Item = D>) -> Self {
        Self {
            data: data.into_iter().collect(),
            summary: (),
            message: None,
        }
    }
}

impl<D, S> Output<D, S> {
    /// The same output with a summary.
    pub fn with_summary<T>(self, summary: T) -> Output<D, T> {
        Output {
            data: self.data,
            summary,
            message: self.message,
        }
    }

    /// The same output with a message.
    pub fn with_message(mut self, message: impl Into<String>) -> Self {
        self.message = Some(message.into());
        self
    }
}

impl<D: ActionOutput, S: Summary> IntoActionResult for Output<D, S> {
    type Data = D;
    type Summary = S::View;

    fn describe(out: &mut Vec<OutputSpec>) {
        <Vec<D> as IntoActionResult>::describe(out);
        <S as Summary>::describe(out);
    }

    fn write(self, result: &mut ActionResult) -> Result<(), ActionError> {
        IntoActionResult::write(self.data, result)?;
        Summary::write(self.summary, result)?;
        if let Some(message) = self.message {
            result.set_message(message);
        }
        Ok(())
    }
}
