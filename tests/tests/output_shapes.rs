//! `#[derive(ActionOutput)]` describes the data paths serde really writes: for each of the
//! shapes below, every data path of the app JSON occurs in the serialized JSON of sample values
//! (with a JSON value of its data type), and every path of the serialized JSON is a data path.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;
use soar_runtime::output::{ActionOutput, Annotations};
use soar_runtime::values::{Domain, Ip};

/// The data paths of `T` at `$`, with their data types.
fn declared<T: ActionOutput>() -> BTreeMap<String, &'static str> {
    let mut out = Vec::new();
    T::describe_fields("$", &Annotations::default(), &mut out);
    let mut paths = BTreeMap::new();
    for spec in out {
        assert!(
            paths
                .insert(spec.data_path.clone(), spec.data_type)
                .is_none(),
            "{} is declared twice",
            spec.data_path
        );
    }
    paths
}

/// The paths of the leaves of a JSON value at `path`: object keys add `.<key>`, arrays `.*`.
fn leaves(value: &Value, path: &str, found: &mut Vec<(String, Value)>) {
    match value {
        Value::Object(fields) => {
            for (key, value) in fields {
                leaves(value, &format!("{path}.{key}"), found);
            }
        }
        Value::Array(items) => {
            for item in items {
                leaves(item, &format!("{path}.*"), found);
            }
        }
        leaf => found.push((path.to_owned(), leaf.clone())),
    }
}

/// The data type a JSON leaf has in the app JSON.
fn data_type(leaf: &Value) -> Option<&'static str> {
    match leaf {
        Value::String(_) => Some("string"),
        Value::Number(_) => Some("numeric"),
        Value::Bool(_) => Some("boolean"),
        _ => None,
    }
}

/// The data paths of `T` and the leaves of the samples agree both ways.
fn agrees<T: ActionOutput>(samples: &[T]) {
    let declared = declared::<T>();
    let mut found = Vec::new();
    for sample in samples {
        leaves(&serde_json::to_value(sample).unwrap(), "$", &mut found);
    }
    for (path, leaf) in &found {
        match data_type(leaf) {
            Some(written) => assert_eq!(
                declared.get(path).copied(),
                Some(written),
                "serde writes {path} = {leaf}, declared: {declared:#?}"
            ),
            // A `null` (an Option that is None) may stand for anything below it.
            None => assert!(
                declared
                    .keys()
                    .any(|known| known == path || known.starts_with(&format!("{path}."))),
                "serde writes {path} = null, declared: {declared:#?}"
            ),
        }
    }
    for path in declared.keys() {
        assert!(
            found
                .iter()
                .any(|(seen, leaf)| seen == path && !leaf.is_null()),
            "{path} is declared but no sample writes it: {found:#?}"
        );
    }
}

/// The declared data paths, for the shapes whose exact paths the test also pins.
fn paths<T: ActionOutput>() -> Vec<String> {
    declared::<T>().into_keys().collect()
}

#[derive(Serialize, soar_runtime::ActionOutput)]
struct Flat {
    name: String,
    count: u32,
    ratio: f64,
    active: bool,
    letter: char,
}

#[test]
fn flat_fields() {
    agrees(&[Flat {
        name: "a".into(),
        count: 1,
        ratio: 0.5,
        active: true,
        letter: 'x',
    }]);
}

#[derive(Serialize, soar_runtime::ActionOutput)]
struct Optional {
    maybe: Option<String>,
    number: Option<i64>,
}

#[test]
fn options_are_their_value_or_null() {
    agrees(&[
        Optional {
            maybe: Some("a".into()),
            number: Some(-1),
        },
        Optional {
            maybe: None,
            number: None,
        },
    ]);
}

#[derive(Serialize, soar_runtime::ActionOutput)]
struct Lists {
    names: Vec<String>,
    grid: Vec<Vec<u8>>,
}

#[test]
fn each_list_level_adds_a_star() {
    agrees(&[Lists {
        names: vec!["a".into()],
        grid: vec![vec![1, 2]],
    }]);
    assert_eq!(paths::<Lists>(), ["$.grid.*.*", "$.names.*"]);
}

#[derive(Serialize, soar_runtime::ActionOutput)]
struct Contact {
    email: String,
    phone: Option<String>,
}

#[derive(Serialize, soar_runtime::ActionOutput)]
struct Nested {
    owner: Contact,
    admins: Vec<Contact>,
    billing: Option<Contact>,
}

fn contact() -> Contact {
    Contact {
        email: "a@example.com".into(),
        phone: Some("1".into()),
    }
}

#[test]
fn nested_structs_add_their_keys() {
    agrees(&[Nested {
        owner: contact(),
        admins: vec![contact()],
        billing: Some(contact()),
    }]);
}

#[derive(Serialize, soar_runtime::ActionOutput)]
struct Flattened {
    id: u32,
    #[serde(flatten)]
    contact: Contact,
    #[serde(flatten)]
    extra: Option<Contact2>,
}

#[derive(Serialize, soar_runtime::ActionOutput)]
struct Contact2 {
    fax: String,
    #[serde(flatten)]
    deeper: Deeper,
}

#[derive(Serialize, soar_runtime::ActionOutput)]
struct Deeper {
    pager: String,
}

#[test]
fn flattened_fields_are_written_in_place() {
    agrees(&[Flattened {
        id: 1,
        contact: contact(),
        extra: Some(Contact2 {
            fax: "2".into(),
            deeper: Deeper { pager: "3".into() },
        }),
    }]);
    assert_eq!(
        paths::<Flattened>(),
        ["$.email", "$.fax", "$.id", "$.pager", "$.phone"]
    );
}

#[derive(Serialize, soar_runtime::ActionOutput)]
struct Renamed {
    #[serde(rename = "_raw")]
    raw_text: String,
    #[serde(rename(serialize = "out", deserialize = "in"))]
    direction: String,
    r#type: String,
}

#[test]
fn renamed_and_raw_fields() {
    agrees(&[Renamed {
        raw_text: "a".into(),
        direction: "b".into(),
        r#type: "c".into(),
    }]);
    assert_eq!(paths::<Renamed>(), ["$._raw", "$.out", "$.type"]);
}

/// One struct per `rename_all` rule, with the same fields.
macro_rules! renamed_all {
    ($($test:ident, $name:ident: $rule:literal => [$($path:literal),*],)*) => {$(
        #[derive(Serialize, soar_runtime::ActionOutput)]
        #[serde(rename_all = $rule)]
        #[allow(non_snake_case)]
        struct $name {
            name_server: String,
            ip: String,
            rawHTML: String,
        }

        #[test]
        fn $test() {
            agrees(&[$name {
                name_server: "a".into(),
                ip: "b".into(),
                rawHTML: "c".into(),
            }]);
            let mut expected = vec![$($path.to_owned()),*];
            expected.sort();
            assert_eq!(paths::<$name>(), expected, $rule);
        }
    )*};
}

renamed_all! {
    rule_lowercase, RuleLowercase: "lowercase" => ["$.name_server", "$.ip", "$.rawHTML"],
    rule_uppercase, RuleUppercase: "UPPERCASE" => ["$.NAME_SERVER", "$.IP", "$.RAWHTML"],
    rule_pascal_case, RulePascalCase: "PascalCase" => ["$.NameServer", "$.Ip", "$.RawHTML"],
    rule_camel_case, RuleCamelCase: "camelCase" => ["$.nameServer", "$.ip", "$.rawHTML"],
    rule_snake_case, RuleSnakeCase: "snake_case" => ["$.name_server", "$.ip", "$.rawHTML"],
    rule_screaming_snake_case, RuleScreamingSnakeCase: "SCREAMING_SNAKE_CASE" => ["$.NAME_SERVER", "$.IP", "$.RAWHTML"],
    rule_kebab_case, RuleKebabCase: "kebab-case" => ["$.name-server", "$.ip", "$.rawHTML"],
    rule_screaming_kebab_case, RuleScreamingKebabCase: "SCREAMING-KEBAB-CASE" => ["$.NAME-SERVER", "$.IP", "$.RAWHTML"],
}

#[derive(Serialize, soar_runtime::ActionOutput)]
#[serde(rename_all(serialize = "kebab-case", deserialize = "camelCase"))]
struct SerializeHalf {
    name_server: String,
}

#[test]
fn the_serialize_half_of_a_rule() {
    agrees(&[SerializeHalf {
        name_server: "a".into(),
    }]);
    assert_eq!(paths::<SerializeHalf>(), ["$.name-server"]);
}

fn is_zero(value: &u32) -> bool {
    *value == 0
}

#[derive(Serialize, soar_runtime::ActionOutput)]
#[allow(dead_code)] // the skipped fields are there to be skipped
struct Skipping {
    shown: String,
    #[serde(skip)]
    hidden: String,
    #[serde(skip_serializing)]
    write_only: String,
    #[serde(skip_serializing_if = "is_zero")]
    sometimes: u32,
}

#[test]
fn skipped_fields_are_not_written() {
    let skipping = |sometimes| Skipping {
        shown: "a".into(),
        hidden: "b".into(),
        write_only: "c".into(),
        sometimes,
    };
    agrees(&[skipping(1), skipping(0)]);
    assert_eq!(paths::<Skipping>(), ["$.shown", "$.sometimes"]);
}

#[derive(Serialize, soar_runtime::ActionOutput)]
#[serde(transparent)]
struct Transparent {
    inner: Contact,
}

#[derive(Serialize, soar_runtime::ActionOutput)]
#[serde(transparent)]
#[allow(dead_code)] // the skipped field is there to be skipped
struct TransparentWithSkipped {
    #[serde(skip)]
    cache: u8,
    value: Vec<String>,
}

#[derive(Serialize, soar_runtime::ActionOutput)]
struct Newtype(Contact);

#[test]
fn transparent_and_newtype_structs_are_their_field() {
    agrees(&[Transparent { inner: contact() }]);
    assert_eq!(paths::<Transparent>(), ["$.email", "$.phone"]);
    agrees(&[TransparentWithSkipped {
        cache: 1,
        value: vec!["a".into()],
    }]);
    assert_eq!(paths::<TransparentWithSkipped>(), ["$.*"]);
    agrees(&[Newtype(contact())]);
    assert_eq!(paths::<Newtype>(), ["$.email", "$.phone"]);
}

#[derive(Clone, Serialize, soar_runtime::ActionOutput)]
#[serde(into = "Wire")]
struct Converted {
    first: String,
    last: String,
}

#[derive(Serialize, soar_runtime::ActionOutput)]
struct Wire {
    full_name: String,
}

impl From<Converted> for Wire {
    fn from(converted: Converted) -> Self {
        Self {
            full_name: format!("{} {}", converted.first, converted.last),
        }
    }
}

#[test]
fn into_writes_the_other_type() {
    agrees(&[Converted {
        first: "Ada".into(),
        last: "Lovelace".into(),
    }]);
    assert_eq!(paths::<Converted>(), ["$.full_name"]);
}

#[derive(Serialize, soar_runtime::ActionOutput)]
#[serde(tag = "kind", rename = "record")]
struct TaggedStruct {
    name: String,
}

#[test]
fn a_struct_tag_is_a_field() {
    agrees(&[TaggedStruct { name: "a".into() }]);
    assert_eq!(paths::<TaggedStruct>(), ["$.kind", "$.name"]);
    let mut out = Vec::new();
    TaggedStruct::describe_fields("$", &Annotations::default(), &mut out);
    assert_eq!(
        out[0].examples,
        [soar_runtime::meta::Literal::Text("record")]
    );
}

#[derive(Serialize, soar_runtime::ActionOutput)]
enum Status {
    Active,
    #[serde(rename = "gone")]
    Inactive,
}

#[derive(Serialize, soar_runtime::ActionOutput)]
struct WithStatus {
    status: Status,
    history: Vec<Status>,
}

#[test]
fn a_unit_enum_is_a_string() {
    agrees(&[WithStatus {
        status: Status::Active,
        history: vec![Status::Inactive],
    }]);
    assert_eq!(paths::<WithStatus>(), ["$.history.*", "$.status"]);
    let mut out = Vec::new();
    Status::describe_fields("$", &Annotations::default(), &mut out);
    assert_eq!(
        out[0].examples,
        [
            soar_runtime::meta::Literal::Text("Active"),
            soar_runtime::meta::Literal::Text("gone")
        ]
    );
}

#[derive(Serialize, soar_runtime::ActionOutput)]
enum External {
    Nothing,
    Address(Ip),
    Person { name: String, age: u8 },
    Owner(Contact),
}

#[test]
fn an_externally_tagged_enum() {
    agrees(&[
        External::Nothing,
        External::Address("10.0.0.1".parse().unwrap()),
        External::Person {
            name: "a".into(),
            age: 3,
        },
        External::Owner(contact()),
    ]);
    assert_eq!(
        paths::<External>(),
        [
            "$",
            "$.Address",
            "$.Owner.email",
            "$.Owner.phone",
            "$.Person.age",
            "$.Person.name"
        ]
    );
}

#[derive(Serialize, soar_runtime::ActionOutput)]
#[serde(tag = "type")]
enum Internal {
    Empty,
    Domain { name: Domain, registrar: String },
    Owner(Contact),
}

#[test]
fn an_internally_tagged_enum() {
    agrees(&[
        Internal::Empty,
        Internal::Domain {
            name: "example.com".parse().unwrap(),
            registrar: "r".into(),
        },
        Internal::Owner(contact()),
    ]);
    assert_eq!(
        paths::<Internal>(),
        ["$.email", "$.name", "$.phone", "$.registrar", "$.type"]
    );
}

#[derive(Serialize, soar_runtime::ActionOutput)]
#[serde(tag = "t", content = "c")]
enum Adjacent {
    Empty,
    Count(u32),
    Pair { left: String, right: String },
}

#[test]
fn an_adjacently_tagged_enum() {
    agrees(&[
        Adjacent::Empty,
        Adjacent::Count(3),
        Adjacent::Pair {
            left: "l".into(),
            right: "r".into(),
        },
    ]);
    assert_eq!(paths::<Adjacent>(), ["$.c", "$.c.left", "$.c.right", "$.t"]);
}

#[derive(Serialize, soar_runtime::ActionOutput)]
#[serde(untagged)]
enum Untagged {
    Text(String),
    Record { id: u32, label: String },
}

#[test]
fn an_untagged_enum() {
    agrees(&[
        Untagged::Text("a".into()),
        Untagged::Record {
            id: 1,
            label: "b".into(),
        },
    ]);
    assert_eq!(paths::<Untagged>(), ["$", "$.id", "$.label"]);
}

#[derive(Serialize, soar_runtime::ActionOutput)]
enum MostlyTagged {
    Known {
        code: u16,
    },
    #[serde(untagged)]
    Other(String),
}

#[test]
fn an_untagged_variant_after_tagged_ones() {
    agrees(&[
        MostlyTagged::Known { code: 404 },
        MostlyTagged::Other("x".into()),
    ]);
    assert_eq!(paths::<MostlyTagged>(), ["$", "$.Known.code"]);
}

#[derive(Serialize, soar_runtime::ActionOutput)]
#[serde(rename_all = "snake_case", rename_all_fields = "camelCase")]
enum RenamedVariants {
    FirstKind {
        user_name: String,
    },
    #[serde(rename = "second", rename_all = "UPPERCASE")]
    SecondKind {
        user_name: String,
    },
    #[serde(skip_serializing)]
    #[allow(dead_code)]
    Hidden {
        secret: String,
    },
}

#[test]
fn variant_renames_and_skips() {
    agrees(&[
        RenamedVariants::FirstKind {
            user_name: "a".into(),
        },
        RenamedVariants::SecondKind {
            user_name: "b".into(),
        },
    ]);
    assert_eq!(
        paths::<RenamedVariants>(),
        ["$.first_kind.userName", "$.second.USER_NAME"]
    );
}

#[derive(Serialize, soar_runtime::ActionOutput)]
#[serde(tag = "kind")]
enum SharedField {
    Host { name: String, port: u16 },
    Service { name: String },
}

#[test]
fn variants_that_share_a_field_describe_it_once() {
    agrees(&[
        SharedField::Host {
            name: "a".into(),
            port: 1,
        },
        SharedField::Service { name: "b".into() },
    ]);
    assert_eq!(paths::<SharedField>(), ["$.kind", "$.name", "$.port"]);
}

#[derive(Serialize, soar_runtime::ActionOutput)]
struct Page<T> {
    items: Vec<T>,
    total: usize,
}

#[test]
fn a_generic_struct() {
    agrees(&[Page {
        items: vec![contact()],
        total: 1,
    }]);
    assert_eq!(
        paths::<Page<Contact>>(),
        ["$.items.*.email", "$.items.*.phone", "$.total"]
    );
}

#[derive(Serialize, soar_runtime::ActionOutput)]
struct Typed {
    address: Ip,
    domain: Option<Domain>,
    addresses: Vec<Ip>,
}

#[test]
fn typed_values_are_strings() {
    agrees(&[Typed {
        address: "10.0.0.1".parse().unwrap(),
        domain: Some("example.com".parse().unwrap()),
        addresses: vec!["2001:db8::1".parse().unwrap()],
    }]);
}

#[derive(Serialize, soar_runtime::ActionOutput)]
#[serde(rename_all = "camelCase")]
struct Everything {
    record_id: u64,
    #[serde(flatten)]
    owner: Contact,
    tags: Vec<Status>,
    events: Vec<Internal>,
    last_seen: Option<Adjacent>,
    history: Vec<Adjacent>,
    page: Page<Flat>,
}

fn everything(last_seen: Option<Adjacent>) -> Everything {
    Everything {
        record_id: 1,
        owner: contact(),
        tags: vec![Status::Active],
        events: vec![
            Internal::Empty,
            Internal::Domain {
                name: "example.com".parse().unwrap(),
                registrar: "r".into(),
            },
            Internal::Owner(contact()),
        ],
        last_seen,
        history: vec![
            Adjacent::Empty,
            Adjacent::Count(2),
            Adjacent::Pair {
                left: "l".into(),
                right: "r".into(),
            },
        ],
        page: Page {
            items: vec![Flat {
                name: "n".into(),
                count: 2,
                ratio: 1.5,
                active: false,
                letter: 'y',
            }],
            total: 1,
        },
    }
}

#[test]
fn shapes_inside_shapes() {
    agrees(&[
        everything(Some(Adjacent::Count(1))),
        everything(Some(Adjacent::Pair {
            left: "l".into(),
            right: "r".into(),
        })),
        everything(None),
    ]);
    assert_eq!(
        paths::<Everything>(),
        [
            "$.email",
            "$.events.*.email",
            "$.events.*.name",
            "$.events.*.phone",
            "$.events.*.registrar",
            "$.events.*.type",
            "$.history.*.c",
            "$.history.*.c.left",
            "$.history.*.c.right",
            "$.history.*.t",
            "$.lastSeen.c",
            "$.lastSeen.c.left",
            "$.lastSeen.c.right",
            "$.lastSeen.t",
            "$.page.items.*.active",
            "$.page.items.*.count",
            "$.page.items.*.letter",
            "$.page.items.*.name",
            "$.page.items.*.ratio",
            "$.page.total",
            "$.phone",
            "$.recordId",
            "$.tags.*",
        ]
    );
}

#[derive(Serialize, soar_runtime::ActionOutput)]
struct Verdicts {
    scanned: u32,
    /// Keys that are data: a sandbox's name.
    sandboxes: BTreeMap<String, Contact>,
    #[serde(flatten)]
    signature: Signature,
}

#[derive(Serialize, soar_runtime::ActionOutput)]
struct Signature {
    copyright: String,
    /// The keys the struct does not name.
    #[serde(flatten)]
    other_keys: std::collections::HashMap<String, String>,
}

/// Whether a serialized leaf's path is the declared `pattern`, whose `*` stands for any one
/// segment: an array's item or a map's key.
fn matches(pattern: &str, path: &str) -> bool {
    let (pattern, path): (Vec<&str>, Vec<&str>) =
        (pattern.split('.').collect(), path.split('.').collect());
    pattern.len() == path.len()
        && pattern
            .iter()
            .zip(&path)
            .all(|(expected, found)| expected == found || *expected == "*")
}

#[test]
fn the_values_of_a_map_are_at_its_star() {
    assert_eq!(
        paths::<Verdicts>(),
        [
            "$.*",
            "$.copyright",
            "$.sandboxes.*.email",
            "$.sandboxes.*.phone",
            "$.scanned"
        ]
    );
    let sample = Verdicts {
        scanned: 2,
        sandboxes: BTreeMap::from([
            ("Tencent HABO".into(), contact()),
            ("Comodo".into(), contact()),
        ]),
        signature: Signature {
            copyright: "(c) Example".into(),
            other_keys: [("file version".to_owned(), "1.0".to_owned())].into(),
        },
    };
    let mut found = Vec::new();
    leaves(&serde_json::to_value(&sample).unwrap(), "$", &mut found);
    let declared = declared::<Verdicts>();
    for (path, leaf) in &found {
        assert!(
            declared
                .iter()
                .any(|(pattern, declared_type)| matches(pattern, path)
                    && Some(*declared_type) == data_type(leaf)),
            "serde writes {path} = {leaf}, declared: {declared:#?}"
        );
    }
}
