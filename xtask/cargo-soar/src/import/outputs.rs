//! The output types of an imported action, built from its data paths: the paths under
//! `action_result.data.*.` make the data type, those under `action_result.summary.` the summary
//! type. `a.b` is a nested struct, `a.*` a `Vec`, and a key that is no Rust name is kept by
//! `#[serde(rename)]`, so keys that are data (an address, a date) stay as written.

use serde_json::Value;
use soar_app_json::{DataType, OutputEntry, Pointer};

use super::idents::{self, Scope};
use super::notes::Notes;

/// Where the data items are.
pub const DATA_PREFIX: &str = "action_result.data.*.";
/// Where the summary is.
pub const SUMMARY_PREFIX: &str = "action_result.summary.";

/// A node of the data path tree.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// A value of a plain type: the output entry that declares it.
    Leaf(Leaf),
    /// An object: its keys in the order the entries name them.
    Object(Vec<(String, Node)>),
    /// A list (`*`) of the inner node.
    List(Box<Node>),
}

/// What an output entry says about a plain value.
#[derive(Debug, Clone, PartialEq)]
pub struct Leaf {
    /// `string`, `numeric` or `boolean`.
    pub data_type: DataType,
    /// Its `contains`.
    pub contains: Vec<String>,
    /// Its example values (those that are literals).
    pub examples: Vec<Value>,
    /// Its column: heading and order.
    pub column: Option<(String, Option<u64>)>,
    /// The entry's place in the app JSON, for notes.
    pub pointer: Pointer,
}

impl Node {
    fn object() -> Self {
        Self::Object(Vec::new())
    }
}

/// Inserts the entry at `segments` (the data path after its prefix, split at `.`) into `root`.
/// A path declared twice keeps its first declaration; a value declared both plain and with
/// keys below it keeps the keys (what playbooks select); a node both a list and an object keeps
/// the first. Each entry left out is noted.
pub fn insert(
    root: &mut Node,
    segments: &[&str],
    leaf: Leaf,
    pointer: &Pointer,
    notes: &mut Notes,
) {
    let mut node = root;
    for (index, segment) in segments.iter().enumerate() {
        let next = segments.get(index + 1).copied();
        let fresh = || match next {
            None => Node::Leaf(leaf.clone()),
            Some("*") => Node::List(Box::new(Node::object())),
            Some(_) => Node::object(),
        };
        if let Node::Leaf(plain) = node {
            notes.dropped(
                &plain.pointer,
                "declared as a plain value and with keys below it; the keys are kept".to_owned(),
            );
            *node = fresh_container(segment);
        }
        node = match node {
            Node::Object(fields) if *segment != "*" => {
                match fields.iter().position(|(key, _)| key == segment) {
                    Some(_) if next.is_none() => return notes.dropped(pointer, conflict()),
                    Some(position) => &mut fields[position].1,
                    None => {
                        fields.push(((*segment).to_owned(), fresh()));
                        let end = fields.len() - 1;
                        &mut fields[end].1
                    }
                }
            }
            Node::List(inner) if *segment == "*" => {
                if is_unfilled(inner) {
                    **inner = fresh();
                } else if next.is_none() {
                    return notes.dropped(pointer, conflict());
                }
                inner
            }
            _ => return notes.dropped(pointer, conflict()),
        };
    }
}

/// The node that holds `segment`: a list for `*`, an object otherwise.
fn fresh_container(segment: &str) -> Node {
    if segment == "*" {
        Node::List(Box::new(Node::object()))
    } else {
        Node::object()
    }
}

/// A list's element that no path has described yet.
fn is_unfilled(node: &Node) -> bool {
    matches!(node, Node::Object(fields) if fields.is_empty())
}

fn conflict() -> String {
    "the data path is declared again, as a plain value where keys are declared below it, or as a list where an object is (or the other way round); the first declaration is kept".to_owned()
}

/// A leaf of an output entry: the entry's data type, contains, literal examples and column.
pub fn leaf(entry: &OutputEntry, pointer: &Pointer, notes: &mut Notes) -> Leaf {
    let data_type = match &entry.data_type {
        DataType::String | DataType::Numeric | DataType::Boolean => entry.data_type.clone(),
        other => {
            notes.corrected(
                &pointer.child("data_type"),
                format!("`{other}` is no output data type; written as `string`"),
            );
            DataType::String
        }
    };
    let examples = entry
        .example_values
        .iter()
        .flatten()
        .filter(|value| {
            let literal = matches!(value, Value::String(_) | Value::Number(_) | Value::Bool(_));
            if !literal {
                notes.dropped(
                    &pointer.child("example_values"),
                    "an example value that is not a string, number or boolean".to_owned(),
                );
            }
            literal
        })
        .cloned()
        .collect();
    let order = entry
        .column_order
        .as_ref()
        .and_then(soar_app_json::Loose::position);
    super::values::column_order_spelling(
        entry.column_order.as_ref(),
        &pointer.child("column_order"),
        notes,
    );
    if entry.column_order.is_some() && entry.column_name.is_none() {
        notes.dropped(
            &pointer.child("column_order"),
            "a column position without a column name".to_owned(),
        );
    }
    Leaf {
        data_type,
        contains: entry.contains().to_vec(),
        examples,
        column: entry.column_name.clone().map(|name| (name, order)),
        pointer: pointer.clone(),
    }
}

/// A struct to write: its name, and its fields with their types and attributes.
#[derive(Debug, Clone, PartialEq)]
pub struct StructDef {
    /// The type's name.
    pub name: String,
    /// The fields, in order.
    pub fields: Vec<FieldDef>,
}

/// One field of a [`StructDef`].
#[derive(Debug, Clone, PartialEq)]
pub struct FieldDef {
    /// The field's Rust name.
    pub ident: String,
    /// The key serde writes, when it is not the identifier.
    pub rename: Option<String>,
    /// The field's type.
    pub ty: String,
    /// The leaf below it (through lists), for its `#[output]` attribute.
    pub leaf: Option<Leaf>,
}

/// The structs of an object node, the outer one first, named `name`; nested objects are named
/// after their keys (`WhoisDomainRegistrar`), unique in `types`.
pub fn structs(name: String, fields: &[(String, Node)], types: &mut Scope) -> Vec<StructDef> {
    let mut out = Vec::new();
    collect(name, fields, types, &mut out);
    out
}

fn collect(name: String, fields: &[(String, Node)], types: &mut Scope, out: &mut Vec<StructDef>) {
    let index = out.len();
    out.push(StructDef {
        name: name.clone(),
        fields: Vec::new(),
    });
    let mut scope = Scope::default();
    let mut defs = Vec::new();
    for (key, node) in fields {
        let ident = scope.unique(idents::snake(key, "field"));
        let rename = (idents::plain(&ident) != key).then(|| key.clone());
        let (ty, leaf) = field_type(&name, key, node, types, out, false);
        defs.push(FieldDef {
            ident,
            rename,
            ty,
            leaf,
        });
    }
    out[index].fields = defs;
}

/// The Rust type of a node; `in_list` for the element type of a `Vec` (not an `Option`).
fn field_type(
    parent: &str,
    key: &str,
    node: &Node,
    types: &mut Scope,
    out: &mut Vec<StructDef>,
    in_list: bool,
) -> (String, Option<Leaf>) {
    let optional = |ty: String| if in_list { ty } else { format!("Option<{ty}>") };
    match node {
        Node::Leaf(leaf) => (optional(plain_type(leaf).to_owned()), Some(leaf.clone())),
        Node::Object(fields) => {
            let name = types.unique(format!("{parent}{}", idents::camel(key, "Item")));
            collect(name.clone(), fields, types, out);
            (optional(name), None)
        }
        Node::List(inner) => {
            let (ty, leaf) = field_type(parent, key, inner, types, out, true);
            (format!("Vec<{ty}>"), leaf)
        }
    }
}

/// The Rust type of a plain value: numbers are integers unless an example has a fraction.
fn plain_type(leaf: &Leaf) -> &'static str {
    match leaf.data_type {
        DataType::Numeric => {
            let fraction = leaf
                .examples
                .iter()
                .any(|value| value.as_f64().is_some_and(|n| n.fract() != 0.0));
            if fraction { "f64" } else { "i64" }
        }
        DataType::Boolean => "bool",
        _ => "String",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leaf(data_type: DataType, index: usize) -> Leaf {
        Leaf {
            data_type,
            contains: Vec::new(),
            examples: Vec::new(),
            column: None,
            pointer: Pointer::root().child("output").child(index),
        }
    }

    fn tree(paths: &[&str]) -> (Node, Notes) {
        let mut root = Node::object();
        let mut notes = Notes::default();
        for (index, path) in paths.iter().enumerate() {
            let segments: Vec<&str> = path.split('.').collect();
            insert(
                &mut root,
                &segments,
                leaf(DataType::String, index),
                &Pointer::root().child("output").child(index),
                &mut notes,
            );
        }
        (root, notes)
    }

    #[test]
    fn paths_make_nested_structs_and_lists() {
        let (root, notes) = tree(&[
            "name",
            "registrar.name",
            "tags.*",
            "hits.*.ip",
            "hits.*.port",
            "m.*.*",
        ]);
        assert!(notes.is_empty(), "{notes:?}");
        let Node::Object(fields) = &root else {
            panic!()
        };
        let mut types = Scope::of_types(&[]);
        let defs = structs("Lookup".into(), fields, &mut types);
        let shapes: Vec<(String, Vec<(String, String)>)> = defs
            .iter()
            .map(|def| {
                (
                    def.name.clone(),
                    def.fields
                        .iter()
                        .map(|f| (f.ident.clone(), f.ty.clone()))
                        .collect(),
                )
            })
            .collect();
        let expected = vec![
            (
                "Lookup".to_owned(),
                vec![
                    ("name".to_owned(), "Option<String>".to_owned()),
                    ("registrar".to_owned(), "Option<LookupRegistrar>".to_owned()),
                    ("tags".to_owned(), "Vec<String>".to_owned()),
                    ("hits".to_owned(), "Vec<LookupHits>".to_owned()),
                    ("m".to_owned(), "Vec<Vec<String>>".to_owned()),
                ],
            ),
            (
                "LookupRegistrar".to_owned(),
                vec![("name".to_owned(), "Option<String>".to_owned())],
            ),
            (
                "LookupHits".to_owned(),
                vec![
                    ("ip".to_owned(), "Option<String>".to_owned()),
                    ("port".to_owned(), "Option<String>".to_owned()),
                ],
            ),
        ];
        assert_eq!(shapes, expected);
    }

    #[test]
    fn keys_that_are_data_are_renamed_and_conflicts_noted() {
        let (root, notes) = tree(&["a", "a.b", "x.y", "x", "2fa", "name", "name", "l.*", "l.k"]);
        let pointers: Vec<&str> = notes.iter().map(|note| note.pointer.as_str()).collect();
        assert_eq!(
            pointers,
            ["/output/0", "/output/3", "/output/6", "/output/8"]
        );
        let Node::Object(fields) = &root else {
            panic!("the root is an object")
        };
        let defs = structs("T".into(), fields, &mut Scope::of_types(&[]));
        let renamed: Vec<(&str, Option<&str>, &str)> = defs[0]
            .fields
            .iter()
            .map(|f| (f.ident.as_str(), f.rename.as_deref(), f.ty.as_str()))
            .collect();
        assert_eq!(
            renamed,
            [
                ("a", None, "Option<TA>"),
                ("x", None, "Option<TX>"),
                ("_2fa", Some("2fa"), "Option<String>"),
                ("name", None, "Option<String>"),
                ("l", None, "Vec<String>"),
            ]
        );
    }
}
