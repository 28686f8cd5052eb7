//! The output types of an imported action, built from its data paths: the paths under
//! `action_result.data.*.` make the data type, those under `action_result.summary.` the summary
//! type. `a.b` is a nested struct, `a.*` a `Vec`, and a key that is no Rust name is kept by
//! `#[serde(rename)]`, so keys that are data (an address, a date) stay as written. A `*` beside
//! named keys is a flattened map of the other keys, and a value declared both plain and with
//! keys below it an untagged enum of the two, so that every declared path is kept.

use serde_json::Value;
use soar_app_json::{DataType, OutputEntry, Pointer};

use super::idents::{self, Scope};
use super::notes::Notes;

/// A data item itself.
pub const DATA_ITEM: &str = "action_result.data.*";
/// Where the data items' keys are.
pub const DATA_PREFIX: &str = "action_result.data.*.";
/// Where the summary is.
pub const SUMMARY_PREFIX: &str = "action_result.summary.";

/// A node of the data path tree: the value at one data path.
///
/// Real apps declare a value both plain and with keys below it, or a key `*` beside named keys
/// (VirusTotal's `signature_info.*` beside `signature_info.copyright`: an object some of
/// whose keys are data). The tree keeps all of it as declared, and [`structs`] gives each
/// shape its type.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Node {
    /// The entry that declares this value as a plain value, if one does.
    pub leaf: Option<Leaf>,
    /// The keys below it, in the order the entries name them: `*` alone is a list's item;
    /// beside named keys it is the value of every other key.
    pub fields: Vec<(String, Node)>,
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

/// The note on an entry whose data path an earlier entry of the action declares.
pub const DECLARED_AGAIN: &str = "the data path is declared again; the first declaration is kept";

/// The key of a list's item, or of the values of the keys that are data.
const ANY_KEY: &str = "*";

/// Inserts the entry at `segments` (the data path after its prefix, split at `.`) into `root`.
/// A path declared twice keeps its first declaration, and notes the other.
pub fn insert(root: &mut Node, segments: &[&str], leaf: Leaf, notes: &mut Notes) {
    let mut node = root;
    for segment in segments {
        let position = match node.fields.iter().position(|(key, _)| key == segment) {
            Some(position) => position,
            None => {
                node.fields.push(((*segment).to_owned(), Node::default()));
                node.fields.len() - 1
            }
        };
        node = &mut node.fields[position].1;
    }
    if node.leaf.is_some() {
        notes.dropped(&leaf.pointer, DECLARED_AGAIN.to_owned());
    } else {
        node.leaf = Some(leaf);
    }
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

/// A type to write for the outputs.
#[derive(Debug, Clone, PartialEq)]
pub enum TypeDef {
    /// An object: a struct of its keys.
    Struct(StructDef),
    /// A value declared both plain and with keys below it (XML turned into JSON writes one
    /// element as a string and several as a list): an untagged enum of the two.
    PlainOrKeys(Box<PlainOrKeys>),
    /// Data items declared as plain values: a transparent newtype of the value.
    Newtype(PlainNewtype),
}

/// The newtype of a data item declared as a plain value.
#[derive(Debug, Clone, PartialEq)]
pub struct PlainNewtype {
    /// The type's name.
    pub name: String,
    /// The plain value's type and its entry.
    pub plain: (String, Leaf),
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
    /// Whether the field is a map of the keys the struct does not name, written in place.
    pub flatten: bool,
    /// The field's type.
    pub ty: String,
    /// The leaf below it (through lists and maps), for its `#[output]` attribute.
    pub leaf: Option<Leaf>,
}

/// The enum of a value declared both plain and with keys below it.
#[derive(Debug, Clone, PartialEq)]
pub struct PlainOrKeys {
    /// The type's name.
    pub name: String,
    /// The plain value's type and its entry.
    pub plain: (String, Leaf),
    /// The type of the value with keys (a struct or a `Vec`), and the leaf below it.
    pub keys: (String, Option<Leaf>),
}

/// The types of an object node, the outer struct first, named `name`; nested objects are
/// named after their keys (`WhoisDomainRegistrar`), unique in `types`.
pub fn structs(name: String, fields: &[(String, Node)], types: &mut Scope) -> Vec<TypeDef> {
    let mut out = Vec::new();
    Types {
        types,
        out: &mut out,
    }
    .collect(name, fields);
    out
}

/// The types of the data item node (`action_result.data.*`), named `name`: a struct of its
/// keys, a newtype of a plain value when the items are declared plain (a list of ids), or the
/// enum of both.
pub fn item_types(name: String, item: &Node, types: &mut Scope) -> Vec<TypeDef> {
    let mut out = Vec::new();
    let mut walk = Types {
        types,
        out: &mut out,
    };
    match &item.leaf {
        None => walk.collect(name, &item.fields),
        Some(plain) if item.fields.is_empty() => {
            walk.out.push(TypeDef::Newtype(PlainNewtype {
                name,
                plain: (plain_type(plain).to_owned(), plain.clone()),
            }));
        }
        Some(plain) => walk.plain_or_keys(name, plain, &item.fields),
    }
    out
}

/// What [`structs`] builds up as it walks the tree.
struct Types<'a> {
    types: &'a mut Scope,
    out: &'a mut Vec<TypeDef>,
}

impl Types<'_> {
    /// Writes the struct `name` of these keys, before the types its fields need.
    fn collect(&mut self, name: String, fields: &[(String, Node)]) {
        let index = self.out.len();
        let mut scope = Scope::default();
        let mut defs = Vec::new();
        for (key, node) in fields {
            let def = if key == ANY_KEY {
                let (ty, leaf) = self.field_type(&name, "value", node, true);
                FieldDef {
                    ident: scope.unique("other_keys".to_owned()),
                    rename: None,
                    flatten: true,
                    ty: format!("std::collections::BTreeMap<String, {ty}>"),
                    leaf,
                }
            } else {
                let ident = scope.unique(idents::snake(key, "field"));
                let rename = (idents::plain(&ident) != key).then(|| key.clone());
                let (ty, leaf) = self.field_type(&name, key, node, false);
                FieldDef {
                    ident,
                    rename,
                    flatten: false,
                    ty,
                    leaf,
                }
            };
            defs.push(def);
        }
        self.out
            .insert(index, TypeDef::Struct(StructDef { name, fields: defs }));
    }

    /// The Rust type of a node, and the leaf its field's `#[output]` attribute describes;
    /// `bare` for the element type of a `Vec` or a map (not an `Option`).
    fn field_type(
        &mut self,
        parent: &str,
        key: &str,
        node: &Node,
        bare: bool,
    ) -> (String, Option<Leaf>) {
        match (&node.leaf, node.fields.is_empty()) {
            (leaf, true) => {
                let ty = leaf.as_ref().map_or("String", plain_type);
                (optional(ty.to_owned(), bare), leaf.clone())
            }
            (None, false) => self.keys_type(parent, key, &node.fields, bare),
            (Some(plain), false) => {
                let name = self
                    .types
                    .unique(format!("{parent}{}", idents::camel(key, "Item")));
                self.plain_or_keys(name.clone(), plain, &node.fields);
                (optional(name, bare), None)
            }
        }
    }

    /// Writes the enum `name` of a plain value and the keys below it, before the types of the
    /// keys (the keys' struct is `<name>Keys`).
    fn plain_or_keys(&mut self, name: String, plain: &Leaf, fields: &[(String, Node)]) {
        let index = self.out.len();
        let keys = self.keys_type(&name, "keys", fields, true);
        let def = PlainOrKeys {
            name,
            plain: (plain_type(plain).to_owned(), plain.clone()),
            keys,
        };
        self.out.insert(index, TypeDef::PlainOrKeys(Box::new(def)));
    }

    /// The type of a node with keys below it: a `Vec` for `*` alone, a struct otherwise (an
    /// `Option` of it unless `bare`).
    fn keys_type(
        &mut self,
        parent: &str,
        key: &str,
        fields: &[(String, Node)],
        bare: bool,
    ) -> (String, Option<Leaf>) {
        match fields {
            [(only, item)] if only == ANY_KEY => {
                let (ty, leaf) = self.field_type(parent, key, item, true);
                (format!("Vec<{ty}>"), leaf)
            }
            fields => {
                let name = self
                    .types
                    .unique(format!("{parent}{}", idents::camel(key, "Item")));
                self.collect(name.clone(), fields);
                (optional(name, bare), None)
            }
        }
    }
}

/// The type of a field that may be absent: an `Option`, unless `bare` (a `Vec`'s item, a map's
/// value).
fn optional(ty: String, bare: bool) -> String {
    if bare { ty } else { format!("Option<{ty}>") }
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

    fn tree(paths: &[&str]) -> (Node, Notes) {
        let mut root = Node::default();
        let mut notes = Notes::default();
        for (index, path) in paths.iter().enumerate() {
            let segments: Vec<&str> = path.split('.').collect();
            let leaf = Leaf {
                data_type: DataType::String,
                contains: Vec::new(),
                examples: Vec::new(),
                column: None,
                pointer: Pointer::root().child("output").child(index),
            };
            insert(&mut root, &segments, leaf, &mut notes);
        }
        (root, notes)
    }

    /// Each struct's name with its fields' identifiers, renames, flattening and types.
    type Shape = (String, Vec<(String, Option<String>, bool, String)>);

    fn shapes(paths: &[&str]) -> (Vec<Shape>, Vec<String>) {
        let (root, notes) = tree(paths);
        let defs = structs("T".into(), &root.fields, &mut Scope::of_types(&[]));
        let shapes = defs
            .into_iter()
            .map(|def| match def {
                TypeDef::Struct(def) => {
                    let fields = def
                        .fields
                        .into_iter()
                        .map(|f| (f.ident, f.rename, f.flatten, f.ty))
                        .collect();
                    (def.name, fields)
                }
                TypeDef::PlainOrKeys(def) => (
                    def.name,
                    vec![field("Plain", &def.plain.0), field("Keys", &def.keys.0)],
                ),
                TypeDef::Newtype(def) => (def.name, vec![field("0", &def.plain.0)]),
            })
            .collect();
        let pointers = notes.iter().map(|note| note.pointer.to_string()).collect();
        (shapes, pointers)
    }

    fn field(ident: &str, ty: &str) -> (String, Option<String>, bool, String) {
        (ident.to_owned(), None, false, ty.to_owned())
    }

    #[test]
    fn paths_make_nested_structs_and_lists() {
        let (shapes, notes) = shapes(&[
            "name",
            "registrar.name",
            "tags.*",
            "hits.*.ip",
            "hits.*.port",
            "m.*.*",
        ]);
        assert!(notes.is_empty(), "{notes:?}");
        let expected = vec![
            (
                "T".to_owned(),
                vec![
                    field("name", "Option<String>"),
                    field("registrar", "Option<TRegistrar>"),
                    field("tags", "Vec<String>"),
                    field("hits", "Vec<THits>"),
                    field("m", "Vec<Vec<String>>"),
                ],
            ),
            (
                "TRegistrar".to_owned(),
                vec![field("name", "Option<String>")],
            ),
            (
                "THits".to_owned(),
                vec![
                    field("ip", "Option<String>"),
                    field("port", "Option<String>"),
                ],
            ),
        ];
        assert_eq!(shapes, expected);
    }

    #[test]
    fn a_star_beside_named_keys_is_a_map_of_the_other_keys() {
        let (shapes, notes) = shapes(&[
            "verdicts.*",
            "verdicts.copyright",
            "sandboxes.Tencent HABO.*",
            "sandboxes.Tencent HABO.category",
            "sandboxes.*.category",
        ]);
        assert!(notes.is_empty(), "{notes:?}");
        let map = |ty: &str| {
            (
                "other_keys".to_owned(),
                None,
                true,
                format!("std::collections::BTreeMap<String, {ty}>"),
            )
        };
        let expected = vec![
            (
                "T".to_owned(),
                vec![
                    field("verdicts", "Option<TVerdicts>"),
                    field("sandboxes", "Option<TSandboxes>"),
                ],
            ),
            (
                "TVerdicts".to_owned(),
                vec![map("String"), field("copyright", "Option<String>")],
            ),
            (
                "TSandboxes".to_owned(),
                vec![
                    (
                        "tencent_habo".to_owned(),
                        Some("Tencent HABO".to_owned()),
                        false,
                        "Option<TSandboxesTencentHabo>".to_owned(),
                    ),
                    map("TSandboxesValue"),
                ],
            ),
            (
                "TSandboxesTencentHabo".to_owned(),
                vec![map("String"), field("category", "Option<String>")],
            ),
            (
                "TSandboxesValue".to_owned(),
                vec![field("category", "Option<String>")],
            ),
        ];
        assert_eq!(shapes, expected);
    }

    #[test]
    fn keys_that_are_data_are_renamed_and_plain_values_with_keys_are_either() {
        let (shapes, notes) = shapes(&["a", "a.b", "x.y", "x", "l", "l.*", "2fa", "name", "name"]);
        assert_eq!(notes, ["/output/8"], "the path declared twice");
        let expected = vec![
            (
                "T".to_owned(),
                vec![
                    field("a", "Option<TA>"),
                    field("x", "Option<TX>"),
                    field("l", "Option<TL>"),
                    (
                        "_2fa".to_owned(),
                        Some("2fa".to_owned()),
                        false,
                        "Option<String>".to_owned(),
                    ),
                    field("name", "Option<String>"),
                ],
            ),
            (
                "TA".to_owned(),
                vec![field("Plain", "String"), field("Keys", "TAKeys")],
            ),
            ("TAKeys".to_owned(), vec![field("b", "Option<String>")]),
            (
                "TX".to_owned(),
                vec![field("Plain", "String"), field("Keys", "TXKeys")],
            ),
            ("TXKeys".to_owned(), vec![field("y", "Option<String>")]),
            (
                "TL".to_owned(),
                vec![field("Plain", "String"), field("Keys", "Vec<String>")],
            ),
        ];
        assert_eq!(shapes, expected);
    }

    #[test]
    fn data_items_declared_plain_are_a_newtype_or_the_enum_of_both() {
        let leaf = |index: usize| Leaf {
            data_type: DataType::Numeric,
            contains: Vec::new(),
            examples: Vec::new(),
            column: None,
            pointer: Pointer::root().child(index),
        };
        let mut notes = Notes::default();
        let mut item = Node::default();
        insert(&mut item, &[], leaf(0), &mut notes);
        let names = |defs: Vec<TypeDef>| -> Vec<String> {
            defs.into_iter()
                .map(|def| match def {
                    TypeDef::Struct(def) => format!("struct {}", def.name),
                    TypeDef::PlainOrKeys(def) => {
                        format!("enum {}({}, {})", def.name, def.plain.0, def.keys.0)
                    }
                    TypeDef::Newtype(def) => format!("newtype {}({})", def.name, def.plain.0),
                })
                .collect()
        };
        let plain = item_types("Ids".into(), &item, &mut Scope::of_types(&[]));
        assert_eq!(names(plain), ["newtype Ids(i64)"]);
        insert(&mut item, &["meta", "total"], leaf(1), &mut notes);
        let both = item_types("Ids".into(), &item, &mut Scope::of_types(&[]));
        assert_eq!(
            names(both),
            [
                "enum Ids(i64, IdsKeys)",
                "struct IdsKeys",
                "struct IdsKeysMeta"
            ]
        );
        assert!(notes.is_empty());
    }
}
