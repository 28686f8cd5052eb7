//! The validator agrees with the platform's CI schema, applied by the `jsonschema` crate with
//! `format` asserted: on every corpus file and on deliberately broken copies of corpus apps,
//! the schema rejects a document exactly when the validator's schema rules report an error, and
//! both point at the same places.

use std::collections::BTreeSet;

use jsonschema::Validator;
use serde_json::{Value, json};
use soar_runtime::app_json::{Finding, validate_value};
use soar_tests::app_json_corpus::{all_files, app, file_name, read_json};
use soar_tests::corpus_dir;

/// The CI schema, compiled.
fn schema() -> Validator {
    soar_tests::ci_schema()
}

/// Where the schema finds errors in `document`.
fn schema_errors(schema: &Validator, document: &Value) -> BTreeSet<String> {
    schema
        .iter_errors(document)
        .map(|error| error.instance_path().as_str().to_owned())
        .collect()
}

/// Where the validator's schema rules report errors.
fn schema_rule_errors(findings: &[Finding]) -> BTreeSet<String> {
    findings
        .iter()
        .filter(|finding| finding.rule.in_schema())
        .map(|finding| finding.pointer.clone())
        .collect()
}

/// The validator's errors from rules outside the schema.
fn other_errors(findings: &[Finding]) -> Vec<&Finding> {
    findings
        .iter()
        .filter(|finding| finding.is_error() && !finding.rule.in_schema())
        .collect()
}

#[test]
fn corpus_files_get_the_same_verdict_from_the_schema_and_the_validator() {
    let schema = schema();
    let mut rejected = Vec::new();
    for path in all_files() {
        let name = file_name(&path);
        let document = read_json(&path);
        let by_schema = schema_errors(&schema, &document);
        let findings = validate_value(&document);
        let errors = findings.iter().filter(|finding| finding.is_error()).count();
        let warnings = findings.len() - errors;
        println!(
            "{name}: schema errors at {by_schema:?}; validator: {errors} errors, {warnings} warnings"
        );
        for finding in findings.iter().filter(|finding| finding.is_error()) {
            println!("    {finding}");
        }
        assert_eq!(
            schema_rule_errors(&findings),
            by_schema,
            "{name}: schema and validator disagree"
        );
        assert!(
            other_errors(&findings).is_empty(),
            "{name}: errors outside the schema: {:?}",
            other_errors(&findings)
        );
        if !by_schema.is_empty() {
            rejected.push(name);
        }
    }
    // All 67 real apps pass the schema; the SDK's own manifests do not (main_module is not a
    // `.py` file, and their action descriptions start with a lowercase letter).
    let sdk_manifests = [
        "example_app.json",
        "example_app_plaintext_state.json",
        "example_app_with_oauth.json",
        "example_app_with_webhook.json",
    ];
    assert_eq!(rejected, sdk_manifests);
}

/// What the schema says about a broken copy.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Verdict {
    /// The schema accepts it and the validator reports no error.
    Accepted,
    /// The schema rejects it; the validator's schema rules report errors at the same places.
    Rejected,
    /// The schema accepts it, but the validator reports an error of a rule outside the schema.
    ContractError,
}

/// One deliberately broken copy of a corpus app.
struct Case {
    /// What was broken.
    name: String,
    /// The broken document.
    document: Value,
    /// What should happen.
    verdict: Verdict,
}

/// A copy of `base` changed by `change`.
fn case(name: &str, base: &Value, verdict: Verdict, change: impl FnOnce(&mut Value)) -> Case {
    let mut document = base.clone();
    change(&mut document);
    Case {
        name: name.to_owned(),
        document,
        verdict,
    }
}

/// Sets the value at `pointer` (its parent must exist), adding the key if needed.
fn set(document: &mut Value, pointer: &str, value: Value) {
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer below the root");
    match document.pointer_mut(parent) {
        Some(Value::Object(object)) => {
            object.insert(key.to_owned(), value);
        }
        Some(Value::Array(items)) => items[key.parse::<usize>().expect("an index")] = value,
        _ => panic!("no container at {parent}"),
    }
}

/// Removes the key at `pointer`.
fn remove(document: &mut Value, pointer: &str) {
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer below the root");
    let object = document
        .pointer_mut(parent)
        .and_then(Value::as_object_mut)
        .expect("an object");
    assert!(object.shift_remove(key).is_some(), "nothing at {pointer}");
}

/// The top-level keys the CI schema requires, read from the schema file itself.
fn required_keys() -> Vec<String> {
    let schema = read_json(&corpus_dir().join("schema/dev-cicd-tools-app_schema.json"));
    let required = schema["required"]
        .as_array()
        .expect("the schema lists required keys");
    assert!(
        required.len() >= 18,
        "the schema requires {} keys",
        required.len()
    );
    required
        .iter()
        .map(|key| key.as_str().expect("a key name").to_owned())
        .collect()
}

/// A password configuration field with extra keys.
fn password_field(extra: Value) -> Value {
    let mut field = json!({"data_type": "password", "order": 1, "description": "API key"});
    field
        .as_object_mut()
        .unwrap()
        .extend(extra.as_object().unwrap().clone());
    field
}

/// The broken copies, mostly of the WHOIS app (`/actions/1` is `whois domain`, `/actions/2`
/// is `whois ip` whose output 2 has `column_order` 1).
fn cases() -> Vec<Case> {
    use Verdict::{Accepted, ContractError, Rejected};
    let whois = app("whois");
    let mut cases = vec![
        case("bad appid", &whois, Rejected, |d| {
            set(d, "/appid", json!("not-a-uuid"))
        }),
        case("appid without hyphens", &whois, Rejected, |d| {
            set(d, "/appid", json!("e6723c2e06ef415a8098762c46c1cb71f"))
        }),
        case("uppercase appid", &whois, Accepted, |d| {
            set(d, "/appid", json!("E6723C2E-06EF-415A-8098-62C46C1CB71F"))
        }),
        case("appid of the wrong type", &whois, Rejected, |d| {
            set(d, "/appid", json!(42))
        }),
        case("lowercase app description", &whois, Rejected, |d| {
            set(d, "/description", json!("queries whois"))
        }),
        case(
            "app description starting with a digit",
            &whois,
            Accepted,
            |d| set(d, "/description", json!("3 ways")),
        ),
        case(
            "action description ending in a period",
            &whois,
            Rejected,
            |d| set(d, "/actions/1/description", json!("Run a whois query.")),
        ),
        case("lowercase action description", &whois, Rejected, |d| {
            set(d, "/actions/1/description", json!("run a query"))
        }),
        case("one-character action description", &whois, Rejected, |d| {
            set(d, "/actions/1/description", json!("X"))
        }),
        case("empty action description", &whois, Accepted, |d| {
            set(d, "/actions/1/description", json!(""))
        }),
        case("lowercase verbose", &whois, Rejected, |d| {
            set(d, "/actions/1/verbose", json!("details follow"))
        }),
        case(
            "lowercase configuration description",
            &whois,
            Rejected,
            |d| set(d, "/configuration/update_days/description", json!("days")),
        ),
        case("lowercase parameter description", &whois, Rejected, |d| {
            set(
                d,
                "/actions/1/parameters/domain/description",
                json!("domain to query"),
            )
        }),
        case("unknown app type", &whois, Rejected, |d| {
            set(d, "/type", json!("toaster"))
        }),
        case("unknown action kind", &whois, Rejected, |d| {
            set(d, "/actions/1/type", json!("explode"))
        }),
        case("app_version x.y", &whois, Rejected, |d| {
            set(d, "/app_version", json!("2.2"))
        }),
        case("app_version with a v", &whois, Rejected, |d| {
            set(d, "/app_version", json!("v2.2.10"))
        }),
        case("main_module without .py", &whois, Rejected, |d| {
            set(d, "/main_module", json!("whois_connector"))
        }),
        case("main_module .pyc", &whois, Rejected, |d| {
            set(d, "/main_module", json!("whois_connector.pyc"))
        }),
        case("password with a default", &whois, Rejected, |d| {
            set(
                d,
                "/configuration/api_key",
                password_field(json!({"default": "hunter2"})),
            )
        }),
        case("password with a value list", &whois, Rejected, |d| {
            set(
                d,
                "/configuration/api_key",
                password_field(json!({"value_list": ["a"]})),
            )
        }),
        case(
            "password with an empty default and value list",
            &whois,
            Accepted,
            |d| {
                set(
                    d,
                    "/configuration/api_key",
                    password_field(json!({"default": "", "value_list": []})),
                )
            },
        ),
        case(
            "field without data_type but a default",
            &whois,
            Rejected,
            |d| {
                set(
                    d,
                    "/configuration/api_key",
                    json!({"order": 1, "description": "Key", "default": "x"}),
                )
            },
        ),
        case("uppercase action name", &whois, Rejected, |d| {
            set(d, "/actions/1/action", json!("LOOKUP"))
        }),
        case("mixed-case action name", &whois, Accepted, |d| {
            set(d, "/actions/1/action", json!("WHOIS Domain"))
        }),
        case("action without read_only", &whois, Rejected, |d| {
            remove(d, "/actions/1/read_only")
        }),
        case("read_only as text", &whois, Rejected, |d| {
            set(d, "/actions/1/read_only", json!("yes"))
        }),
        case("Splunk app without fips_compliant", &whois, Rejected, |d| {
            remove(d, "/fips_compliant")
        }),
        case(
            "other publisher without fips_compliant",
            &whois,
            Accepted,
            |d| {
                set(d, "/publisher", json!("Example Corp"));
                remove(d, "/fips_compliant");
            },
        ),
        case("utctime_updated without T", &whois, Rejected, |d| {
            set(d, "/utctime_updated", json!("2025-08-01 20:41:01"))
        }),
        case("utctime_updated on a missing day", &whois, Rejected, |d| {
            set(d, "/utctime_updated", json!("2025-02-29T00:00:00.000000Z"))
        }),
        case("utctime_updated on a leap second", &whois, Accepted, |d| {
            set(d, "/utctime_updated", json!("2016-12-31T23:59:60.000000Z"))
        }),
        case("min_phantom_version x.y", &whois, Rejected, |d| {
            set(d, "/min_phantom_version", json!("6.3"))
        }),
        case("min_phantom_version x.y.z.w", &whois, Accepted, |d| {
            set(d, "/min_phantom_version", json!("6.2.2.134"))
        }),
        case(
            "python_version with a space before the comma",
            &whois,
            Rejected,
            |d| set(d, "/python_version", json!("3.9 ,3.13")),
        ),
        case("python_version as a list", &whois, Accepted, |d| {
            set(d, "/python_version", json!(["3.9", "3.13"]))
        }),
        case("python_version listing Python 2", &whois, Rejected, |d| {
            set(d, "/python_version", json!(["2.7"]))
        }),
        case("python_version as a number", &whois, Rejected, |d| {
            set(d, "/python_version", json!(3))
        }),
        case("column_order as a word", &whois, Rejected, |d| {
            set(d, "/actions/2/output/2/column_order", json!("x"))
        }),
        case("column_order as digits", &whois, Accepted, |d| {
            set(d, "/actions/2/output/2/column_order", json!("1"))
        }),
        case("column_order as a float", &whois, Accepted, |d| {
            set(d, "/actions/2/output/2/column_order", json!(1.0))
        }),
        case("config order as a fraction", &whois, Rejected, |d| {
            set(d, "/configuration/update_days/order", json!(0.5))
        }),
        case("config data type object", &whois, Accepted, |d| {
            set(d, "/configuration/update_days/data_type", json!("object"))
        }),
        case("unknown config data type", &whois, Rejected, |d| {
            set(d, "/configuration/update_days/data_type", json!("secret"))
        }),
        case("output without data_type", &whois, Rejected, |d| {
            remove(d, "/actions/1/output/0/data_type")
        }),
        case("example_values not a list", &whois, Rejected, |d| {
            set(d, "/actions/1/output/0/example_values", json!("success"))
        }),
        case("contains with a number", &whois, Rejected, |d| {
            set(d, "/actions/1/parameters/domain/contains", json!([1]))
        }),
        case("parameter without data_type", &whois, Rejected, |d| {
            remove(d, "/actions/1/parameters/domain/data_type")
        }),
        case("render width as text", &whois, Rejected, |d| {
            set(d, "/actions/2/render/width", json!("wide"))
        }),
        case("lock enabled as text", &whois, Rejected, |d| {
            set(d, "/actions/1/lock", json!({"enabled": "yes"}))
        }),
        case("wheel without input_file", &whois, Rejected, |d| {
            remove(d, "/pip39_dependencies/wheel/0/input_file")
        }),
        case("contributor that is not an object", &whois, Rejected, |d| {
            set(d, "/contributors", json!(["Jane"]))
        }),
        case("configuration as a list", &whois, Rejected, |d| {
            set(d, "/configuration", json!([]))
        }),
        case("action that is not an object", &whois, Rejected, |d| {
            set(d, "/actions/1", json!("whois domain"))
        }),
        case("document that is not an object", &whois, Rejected, |d| {
            *d = json!(["not", "an", "app"])
        }),
        case("undo that is not a name", &whois, ContractError, |d| {
            set(d, "/actions/1/undo", json!(5))
        }),
        case("contributor without a name", &whois, ContractError, |d| {
            set(d, "/contributors", json!([{"email": "a@b.c"}]))
        }),
        case("duplicate identifiers", &whois, ContractError, |d| {
            set(d, "/actions/2/identifier", json!("whois_domain"))
        }),
    ];
    for key in required_keys() {
        cases.push(case(&format!("missing {key}"), &whois, Rejected, |d| {
            remove(d, &format!("/{key}"))
        }));
    }
    cases
}

#[test]
fn broken_copies_get_the_same_verdict_from_the_schema_and_the_validator() {
    let schema = schema();
    let cases = cases();
    for Case {
        name,
        document,
        verdict,
    } in cases
    {
        let by_schema = schema_errors(&schema, &document);
        let findings = validate_value(&document);
        let shown: Vec<String> = findings.iter().map(ToString::to_string).collect();
        assert_eq!(
            schema_rule_errors(&findings),
            by_schema,
            "{name}: schema and validator disagree; findings: {shown:#?}"
        );
        let other = other_errors(&findings);
        let observed = match (by_schema.is_empty(), other.is_empty()) {
            (false, _) => Verdict::Rejected,
            (true, true) => Verdict::Accepted,
            (true, false) => Verdict::ContractError,
        };
        assert_eq!(
            observed, verdict,
            "{name}: schema errors at {by_schema:?}; findings: {shown:#?}"
        );
    }
}

/// Corpus apps that break the schema in two places at once still agree.
#[test]
fn several_breaks_in_one_document_are_all_found() {
    let schema = schema();
    let mut document = app("panorama");
    set(&mut document, "/appid", json!("x"));
    set(&mut document, "/actions/1/description", json!("ends."));
    remove(&mut document, "/publisher");
    let findings = validate_value(&document);
    let expected: BTreeSet<String> = ["", "/appid", "/actions/1/description"]
        .map(String::from)
        .into();
    assert_eq!(schema_errors(&schema, &document), expected);
    assert_eq!(schema_rule_errors(&findings), expected);
}

/// The pointers of every node below the root of `value`.
fn node_pointers(value: &Value, at: &str, pointers: &mut Vec<String>) {
    let children: Vec<(String, &Value)> = match value {
        Value::Object(object) => object
            .iter()
            .map(|(key, child)| (key.replace('~', "~0").replace('/', "~1"), child))
            .collect(),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(index, child)| (index.to_string(), child))
            .collect(),
        _ => Vec::new(),
    };
    for (token, child) in children {
        let pointer = format!("{at}/{token}");
        pointers.push(pointer.clone());
        node_pointers(child, &pointer, pointers);
    }
}

/// The WHOIS app with a few outputs per action, and with every optional part the model types:
/// a password field, a lock, contributors, a webhook and `pip314_dependencies`.
fn rich_whois() -> Value {
    let mut document = app("whois");
    for action in document["actions"].as_array_mut().unwrap() {
        action["output"].as_array_mut().unwrap().truncate(6);
    }
    set(
        &mut document,
        "/configuration/api_key",
        password_field(json!({"default": "", "required": false})),
    );
    set(
        &mut document,
        "/actions/1/lock",
        json!({"enabled": true, "data_path": "parameters.domain", "concurrency": false}),
    );
    set(
        &mut document,
        "/contributors",
        json!([{"name": "Jane Doe"}]),
    );
    let route = json!({"url_pattern": "hook", "allowed_methods": ["GET"], "declaration_path": "hook.py", "declaration_lineno": 7});
    let webhook = json!({"handler": "hook.handle", "requires_auth": false, "allowed_headers": [], "ip_allowlist": ["0.0.0.0/0"], "routes": [route]});
    set(&mut document, "/webhook", webhook);
    let wheels = document["pip39_dependencies"].clone();
    set(&mut document, "/pip314_dependencies", wheels);
    document
}

/// Every node of a corpus app replaced by each of a dozen odd values, and every key removed:
/// the schema and the validator still agree, and whatever has no error reads into the model.
#[test]
fn every_node_broken_in_every_way_gets_the_same_verdict() {
    let schema = schema();
    let base = rich_whois();
    let mut pointers = Vec::new();
    node_pointers(&base, "", &mut pointers);
    let odd = [
        json!(null),
        json!(true),
        json!(0),
        json!(-1),
        json!(1.5),
        json!(""),
        json!("x"),
        json!("A"),
        json!([]),
        json!(["x"]),
        json!({}),
        json!({"x": 1}),
    ];
    let mut checked = 0;
    for pointer in &pointers {
        let mut variants: Vec<(String, Value)> = odd
            .iter()
            .map(|value| {
                let mut document = base.clone();
                set(&mut document, pointer, value.clone());
                (format!("{pointer} = {value}"), document)
            })
            .collect();
        if base
            .pointer(pointer.rsplit_once('/').unwrap().0)
            .is_some_and(Value::is_object)
        {
            let mut document = base.clone();
            remove(&mut document, pointer);
            variants.push((format!("{pointer} removed"), document));
        }
        for (name, document) in variants {
            let findings = validate_value(&document);
            let shown: Vec<String> = findings.iter().map(ToString::to_string).collect();
            assert_eq!(
                schema_rule_errors(&findings),
                schema_errors(&schema, &document),
                "{name}: {shown:#?}"
            );
            let unreadable = findings.iter().any(|finding| {
                finding.pointer.is_empty() && finding.message.starts_with("cannot be read")
            });
            assert!(
                !unreadable,
                "{name}: no error reported, yet the model cannot read it: {shown:#?}"
            );
            checked += 1;
        }
    }
    assert!(checked > 2000, "only {checked} variants");
}
