//! Helpers to check the JSON type of values in a raw document and report what does not fit.

use serde_json::{Map, Value};

use crate::validate::finding::{Finding, Rule};
use crate::validate::pointer::Pointer;

/// Who demands a shape, and so which rules report a violation.
#[derive(Clone, Copy, Debug)]
pub(super) struct Authority {
    /// The rule for a value of the wrong JSON type.
    wrong_type: Rule,
    /// The rule for a missing key.
    missing: Rule,
}

/// The CI schema demands it.
pub(super) const SCHEMA: Authority = Authority {
    wrong_type: Rule::SchemaType,
    missing: Rule::SchemaRequired,
};

/// The model demands it: the contract types a key the schema leaves open.
pub(super) const MODEL: Authority = Authority {
    wrong_type: Rule::ModelShape,
    missing: Rule::ModelShape,
};

/// A JSON type, as JSON Schema's `type` keyword names them.
#[derive(Clone, Copy, Debug)]
pub(super) enum Kind {
    /// A string.
    String,
    /// `true` or `false`.
    Boolean,
    /// A number without a fractional part (`1.0` is one).
    Integer,
    /// An integer that fits an unsigned 64-bit number.
    Unsigned,
    /// Any number.
    Number,
    /// An array.
    Array,
    /// An object.
    Object,
}

impl Kind {
    /// Whether `value` is of this kind.
    pub(super) fn matches(self, value: &Value) -> bool {
        match self {
            Self::String => value.is_string(),
            Self::Boolean => value.is_boolean(),
            Self::Integer => value.as_number().is_some_and(|n| {
                n.is_i64() || n.is_u64() || n.as_f64().is_some_and(|f| f.fract() == 0.0)
            }),
            Self::Unsigned => value.is_u64(),
            Self::Number => value.is_number(),
            Self::Array => value.is_array(),
            Self::Object => value.is_object(),
        }
    }

    /// The kind with an article, for messages.
    fn describe(self) -> &'static str {
        match self {
            Self::String => "a string",
            Self::Boolean => "a boolean",
            Self::Integer => "an integer",
            Self::Unsigned => "a non-negative integer",
            Self::Number => "a number",
            Self::Array => "a list",
            Self::Object => "an object",
        }
    }
}

/// `text` quoted, cut after 60 characters, for messages.
fn shorten(text: &str) -> String {
    const LIMIT: usize = 60;
    match text.char_indices().nth(LIMIT) {
        Some((end, _)) => format!("{:?}...", &text[..end]),
        None => format!("{text:?}"),
    }
}

/// Walks a raw document and collects findings.
pub(super) struct Walker<'f> {
    findings: &'f mut Vec<Finding>,
}

impl<'f> Walker<'f> {
    /// A walker that adds to `findings`.
    pub(super) fn new(findings: &'f mut Vec<Finding>) -> Self {
        Self { findings }
    }

    /// Records a finding.
    pub(super) fn report(&mut self, rule: Rule, at: &Pointer, message: impl Into<String>) {
        self.findings.push(Finding::new(rule, at, message));
    }

    /// Reports `value` at `at` unless it is of `kind`; returns whether it is.
    pub(super) fn expect(
        &mut self,
        value: &Value,
        at: &Pointer,
        kind: Kind,
        by: Authority,
    ) -> bool {
        let fits = kind.matches(value);
        if !fits {
            let message = format!(
                "expected {}, found {}",
                kind.describe(),
                crate::json_kind(value)
            );
            self.report(by.wrong_type, at, message);
        }
        fits
    }

    /// `value` as an object, reported unless it is one.
    pub(super) fn object<'v>(
        &mut self,
        value: &'v Value,
        at: &Pointer,
        by: Authority,
    ) -> Option<&'v Map<String, Value>> {
        self.expect(value, at, Kind::Object, by)
            .then(|| value.as_object())
            .flatten()
    }

    /// Reports each of `keys` that `object` (at `at`) lacks.
    pub(super) fn require(
        &mut self,
        object: &Map<String, Value>,
        at: &Pointer,
        keys: &[&str],
        by: Authority,
    ) {
        for key in keys.iter().filter(|key| !object.contains_key(**key)) {
            self.report(by.missing, at, format!("missing required key `{key}`"));
        }
    }

    /// The value of `key` in `object` (at `at`) and its pointer, if present and of `kind`;
    /// reported if present and of another kind.
    pub(super) fn field<'v>(
        &mut self,
        object: &'v Map<String, Value>,
        at: &Pointer,
        key: &str,
        kind: Kind,
        by: Authority,
    ) -> Option<(&'v Value, Pointer)> {
        let value = object.get(key)?;
        let pointer = at.child(key);
        self.expect(value, &pointer, kind, by)
            .then_some((value, pointer))
    }

    /// The object at `key`, as [`Walker::field`].
    pub(super) fn nested<'v>(
        &mut self,
        object: &'v Map<String, Value>,
        at: &Pointer,
        key: &str,
        by: Authority,
    ) -> Option<(&'v Map<String, Value>, Pointer)> {
        let (value, pointer) = self.field(object, at, key, Kind::Object, by)?;
        value.as_object().map(|map| (map, pointer))
    }

    /// The string at `key`, as [`Walker::field`].
    pub(super) fn text<'v>(
        &mut self,
        object: &'v Map<String, Value>,
        at: &Pointer,
        key: &str,
        by: Authority,
    ) -> Option<(&'v str, Pointer)> {
        let (value, pointer) = self.field(object, at, key, Kind::String, by)?;
        value.as_str().map(|text| (text, pointer))
    }

    /// Checks the string at `key` (a string by the schema) with a schema rule: reports `rule`
    /// when `problem` finds one.
    pub(super) fn pattern(
        &mut self,
        object: &Map<String, Value>,
        at: &Pointer,
        key: &str,
        rule: Rule,
        problem: impl FnOnce(&str) -> Option<&'static str>,
    ) {
        if let Some((value, pointer)) = self.text(object, at, key, SCHEMA)
            && let Some(problem) = problem(value)
        {
            self.report(
                rule,
                &pointer,
                format!("`{key}` {problem}: {}", shorten(value)),
            );
        }
    }

    /// Checks that `key`, if present, is a list of strings.
    pub(super) fn strings(
        &mut self,
        object: &Map<String, Value>,
        at: &Pointer,
        key: &str,
        by: Authority,
    ) {
        for (item, pointer) in self.items(object, at, key, by) {
            self.expect(item, &pointer, Kind::String, by);
        }
    }

    /// The items of the list at `key` with their pointers (none if absent or not a list).
    pub(super) fn items<'v>(
        &mut self,
        object: &'v Map<String, Value>,
        at: &Pointer,
        key: &str,
        by: Authority,
    ) -> Vec<(&'v Value, Pointer)> {
        let Some((list, pointer)) = self.field(object, at, key, Kind::Array, by) else {
            return Vec::new();
        };
        list.as_array()
            .into_iter()
            .flatten()
            .enumerate()
            .map(|(index, item)| (item, pointer.child(index)))
            .collect()
    }

    /// The objects of the list at `key` with their pointers; items that are not objects are
    /// reported and skipped.
    pub(super) fn objects<'v>(
        &mut self,
        object: &'v Map<String, Value>,
        at: &Pointer,
        key: &str,
        by: Authority,
    ) -> Vec<(&'v Map<String, Value>, Pointer)> {
        self.items(object, at, key, by)
            .into_iter()
            .filter_map(|(item, pointer)| self.object(item, &pointer, by).map(|map| (map, pointer)))
            .collect()
    }

    /// The entries of the object at `key` whose values are objects, with their pointers; other
    /// values are reported and skipped.
    pub(super) fn members<'v>(
        &mut self,
        object: &'v Map<String, Value>,
        at: &Pointer,
        key: &str,
        by: Authority,
    ) -> Vec<(&'v Map<String, Value>, Pointer)> {
        let Some((members, pointer)) = self.field(object, at, key, Kind::Object, by) else {
            return Vec::new();
        };
        members
            .as_object()
            .into_iter()
            .flatten()
            .filter_map(|(name, value)| {
                let member = pointer.child(name);
                self.object(value, &member, by).map(|map| (map, member))
            })
            .collect()
    }
}
