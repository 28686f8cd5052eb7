//! Values of an app JSON as the generated attributes write them: a `default` or a
//! `value_list` item as a literal that fits the field's Rust type (the rule the macros check at
//! compile time: a string for text, a number for numbers, a boolean for flags), and orders.

use serde_json::Value;
use soar_app_json::{Loose, Pointer};

use super::notes::Notes;
use super::text::{list, literal, string};

/// An `order` or `column_order` as a position, when it is one (also written as `"3"` or `3.0`).
pub fn order_of(order: Option<&Loose<u32>>) -> Option<u64> {
    order.and_then(Loose::position)
}

/// The entries of `map` sorted by their `order` (see [`order_of`]), those without one last, and
/// by their place in the app JSON among equals: the order the macros declare them in.
pub fn in_order<'a, T>(
    map: impl IntoIterator<Item = (&'a String, &'a T)>,
    order: impl Fn(&T) -> Option<&Loose<u32>>,
) -> Vec<(&'a String, &'a T)> {
    let mut entries: Vec<(&String, &T)> = map.into_iter().collect();
    // A stable sort keeps the app JSON's place among entries of the same order.
    entries.sort_by_key(|(_, entry)| order_of(order(entry)).unwrap_or(u64::MAX));
    entries
}

/// Whether `order` is `position` written as a whole number, as the macros write it.
pub fn is_position(order: Option<&Loose<u32>>, position: u64) -> bool {
    matches!(order, Some(Loose::Typed(written)) if u64::from(*written) == position)
}

/// Notes a `column_order` that is a position written otherwise (`"2"`, `2.0`).
pub fn column_order_spelling(order: Option<&Loose<u32>>, at: &Pointer, notes: &mut Notes) {
    if let Some(order @ Loose::Other(_)) = order
        && order.position().is_some()
    {
        notes.corrected(
            at,
            "a position not written as a whole number; the macros write one".to_owned(),
        );
    }
}

/// `f64` when a default or value of a numeric field has a fraction, `i64` otherwise.
pub fn numeric_type(default: Option<&Value>, value_list: Option<&[Value]>) -> &'static str {
    let fraction = default
        .into_iter()
        .chain(value_list.into_iter().flatten())
        .any(|value| value.as_f64().is_some_and(|number| number.fract() != 0.0));
    if fraction { "f64" } else { "i64" }
}

/// What kind of literal a Rust type takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Number,
    Bool,
}

fn kind_of(base: &str) -> Kind {
    match base {
        "i64" | "f64" | "Port" => Kind::Number,
        "bool" => Kind::Bool,
        _ => Kind::Text,
    }
}

/// The literal of `value` for a field of Rust type `base`, converted when the app wrote it in
/// the wrong JSON type (`"10"` for a number, `"true"` for a flag, a number for text); `None`,
/// with a note, when it cannot be.
pub fn literal_of(base: &str, value: &Value, at: &Pointer, notes: &mut Notes) -> Option<String> {
    let kind = kind_of(base);
    let fits = match value {
        Value::String(_) => kind == Kind::Text,
        Value::Number(_) => kind == Kind::Number,
        Value::Bool(_) => kind == Kind::Bool,
        _ => false,
    };
    if fits {
        return literal(value).or_else(|| {
            notes.dropped(at, "a number the macros cannot write".to_owned());
            None
        });
    }
    let converted = match (kind, value) {
        (Kind::Text, Value::Number(_) | Value::Bool(_)) => Some(string(&value.to_string())),
        (Kind::Number, Value::String(text)) => text
            .trim()
            .parse::<i64>()
            .map(|number| number.to_string())
            .ok()
            .or_else(|| {
                text.trim()
                    .parse::<f64>()
                    .ok()
                    .filter(|number| number.is_finite())
                    .map(|number| format!("{number:?}"))
            }),
        (Kind::Bool, Value::String(text)) => match text.trim().to_ascii_lowercase().as_str() {
            "true" => Some("true".to_owned()),
            "false" => Some("false".to_owned()),
            _ => None,
        },
        _ => None,
    };
    match &converted {
        Some(written) => notes.corrected(
            at,
            format!("{value} does not fit the field's type `{base}`; written as {written}"),
        ),
        None => notes.dropped(
            at,
            format!("{value} does not fit the field's type `{base}`"),
        ),
    }
    converted
}

/// The literals of a `value_list` for a field of Rust type `base`; items that cannot be written
/// are left out, with a note.
pub fn literals(
    base: &str,
    list: Option<&[Value]>,
    at: &Pointer,
    notes: &mut Notes,
) -> Vec<String> {
    list.into_iter()
        .flatten()
        .enumerate()
        .filter_map(|(index, item)| literal_of(base, item, &at.child(index), notes))
        .collect()
}

/// The `default = ...` and `value_list = [...]` attribute arguments of a field or parameter of
/// Rust type `base`: values that do not fit are converted or left out, and a default that is
/// not one of the values is left out, each with a note.
pub fn default_and_values(
    base: &str,
    default: Option<&Value>,
    value_list: Option<&[Value]>,
    at: &Pointer,
    notes: &mut Notes,
) -> Vec<String> {
    let items = literals(base, value_list, &at.child("value_list"), notes);
    let mut args = Vec::new();
    if let Some(default) =
        default.and_then(|default| literal_of(base, default, &at.child("default"), notes))
    {
        if items.is_empty() || items.contains(&default) {
            args.push(format!("default = {default}"));
        } else {
            notes.dropped(
                &at.child("default"),
                "the default is not one of the value_list values".to_owned(),
            );
        }
    }
    if !items.is_empty() {
        args.push(format!("value_list = {}", list(&items)));
    }
    args
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn values_are_written_for_their_types() {
        let mut notes = Notes::default();
        let at = Pointer::root();
        assert_eq!(
            literal_of("String", &json!("a"), &at, &mut notes).as_deref(),
            Some("\"a\"")
        );
        assert_eq!(
            literal_of("i64", &json!(30), &at, &mut notes).as_deref(),
            Some("30")
        );
        assert!(notes.is_empty());
        assert_eq!(
            literal_of("i64", &json!("30"), &at, &mut notes).as_deref(),
            Some("30")
        );
        assert_eq!(
            literal_of("bool", &json!("True"), &at, &mut notes).as_deref(),
            Some("true")
        );
        assert_eq!(
            literal_of("String", &json!(5), &at, &mut notes).as_deref(),
            Some("\"5\"")
        );
        assert_eq!(literal_of("i64", &json!(""), &at, &mut notes), None);
        assert_eq!(literal_of("String", &json!(null), &at, &mut notes), None);
        assert_eq!(notes.iter().count(), 5);
        assert_eq!(numeric_type(Some(&json!(0.5)), None), "f64");
        assert_eq!(numeric_type(Some(&json!(5)), Some(&[json!(1)])), "i64");
    }
}
