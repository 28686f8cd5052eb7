//! Parity with the official Python SDK: every action of its example app
//! (`corpus/sdk-manifests/example_app.json`) that does not depend on a Python-only feature,
//! re-created with the macros. The generated parameter specs and outputs must equal the SDK's;
//! the texts and orders may differ only where the platform's CI schema or the Decisions of
//! `design.md` require, and each such difference is listed below.

use serde::Serialize;
use serde_json::{Map, Value, json};
use soar_runtime::prelude::*;

/// This is the basic example SOAR app
#[connector(
    appid = "9b388c08-67de-4ca4-817f-26f8fb7cbf55",
    name = "example_app",
    publisher = "Splunk Inc.",
    app_type = "sandbox",
    product_vendor = "Splunk Inc.",
    product_name = "Example App",
    app_version = "0.1.1",
    license = "Copyright (c) Splunk Inc., 2025",
    min_platform_version = "6.2.2.134",
    python_version = "3.13,3.14"
)]
pub struct ExampleApp {
    #[config(default = "https://example")]
    base_url: String,
    /// API key for authentication
    api_key: Secret,
    /// Secret asset param with an alias
    bearer_token: Secret,
    /// Header for API key authentication
    #[config(default = "Authorization", value_list = ["Authorization", "X-API-Key"])]
    key_header: String,
    timezone: TimeZone,
    #[config(default = "America/Denver")]
    timezone_with_default: TimeZone,
}

/// Test connectivity
///
/// Basic test for app.
#[test_connectivity(identifier = "test_connectivity")]
fn test_connectivity(app: &mut ExampleApp, ctx: &mut Ctx) -> Result<(), ActionError> {
    let secrets = [&app.api_key, &app.bearer_token];
    if secrets.iter().any(|secret| secret.is_empty()) {
        return Err(ActionError::new("Empty credentials"));
    }
    ctx.save_progress(format!(
        "{} {} {} {}",
        app.base_url, app.key_header, app.timezone, app.timezone_with_default
    ));
    Ok(())
}

/// Test summary with list output
#[action(read_only)]
fn test_summary_with_list_output(_app: &mut ExampleApp) {}

/// Test empty list output
#[action(read_only)]
fn test_empty_list_output(_app: &mut ExampleApp) {}

/// A person of the table and JSON outputs.
#[derive(Serialize, ActionOutput)]
struct Person {
    #[output(column = "Name", examples = ["John", "Jane", "Jim"])]
    name: String,
    #[output(column = "Age", examples = [25, 30, 35])]
    age: u32,
}

/// Test json output
#[action(read_only, render = "json")]
fn test_json_output(_app: &mut ExampleApp) -> Vec<Person> {
    Vec::new()
}

/// Test table output
#[action(read_only, render = "table")]
fn test_table_output(
    _app: &mut ExampleApp,
    #[param(default = "Splunk", column = "Company Name")] company_name: String,
) -> Vec<Person> {
    let _ = company_name;
    Vec::new()
}

/// A reversed string.
#[derive(Serialize, ActionOutput)]
struct Reversed {
    original_string: String,
    reversed_string: String,
    #[serde(rename = "_underscored_string")]
    underscored_string: String,
}

/// Reverse string
///
/// Reverses a string.
#[action(kind = "investigate", read_only)]
fn reverse_string(_app: &mut ExampleApp, input_string: String) -> Reversed {
    Reversed {
        reversed_string: input_string.chars().rev().collect(),
        underscored_string: input_string.replace(' ', "_"),
        original_string: input_string,
    }
}

/// Nested numbers.
#[derive(Serialize, ActionOutput)]
struct Nested {
    foo: i64,
    bar: i64,
}

/// A reversed string with a nested output.
#[derive(Serialize, ActionOutput)]
struct PermissiveReversed {
    #[serde(flatten)]
    reversed: Reversed,
    nested_output: Option<Nested>,
}

/// Permissive reverse string
///
/// Reverses a string but doesn't care if it gets all its output fields.
#[action(kind = "investigate", read_only)]
fn permissive_reverse_string(_app: &mut ExampleApp, input_string: String) -> PermissiveReversed {
    PermissiveReversed {
        reversed: reverse_string(_app, input_string),
        nested_output: None,
    }
}

/// Statistics of a category.
#[derive(Serialize, ActionOutput)]
struct Statistics {
    category: String,
    labels: Vec<String>,
    values: Vec<f64>,
}

/// Generate statistics
///
/// Generate statistics with pie chart reusable component.
#[action(kind = "investigate", read_only)]
fn generate_statistics(_app: &mut ExampleApp, category: String) -> Statistics {
    Statistics {
        category,
        labels: Vec::new(),
        values: Vec::new(),
    }
}

/// On poll
///
/// Callback action for the on_poll ingest functionality
#[on_poll]
fn on_poll(_app: &mut ExampleApp, _params: PollParams) {}

/// One iteration.
#[derive(Serialize, ActionOutput)]
struct Iteration {
    iteration: u32,
}

/// The generator's summary.
#[derive(Serialize, ActionOutput)]
struct GeneratorSummary {
    total_iterations: u32,
}

/// Generates a sequence of numbers.
#[action(read_only)]
fn generator_action(_app: &mut ExampleApp) -> Output<Iteration, GeneratorSummary> {
    Output::new((0..3).map(|iteration| Iteration { iteration })).with_summary(GeneratorSummary {
        total_iterations: 3,
    })
}

/// Write state
#[action(read_only)]
fn write_state(_app: &mut ExampleApp, ctx: &mut Ctx) {
    ctx.state_mut().insert("written".into(), true.into());
}

/// Read state
#[action(read_only)]
fn read_state(_app: &mut ExampleApp, ctx: &mut Ctx) {
    ctx.save_progress(format!("{:?}", ctx.state()));
}

/// Write filesystem state
#[action]
fn write_filesystem_state(_app: &mut ExampleApp) {}

/// The state file.
#[derive(Serialize, ActionOutput)]
struct StateFile {
    state_file_path: String,
    raw_state_json: String,
}

/// Read filesystem state
#[action(read_only)]
fn read_filesystem_state(_app: &mut ExampleApp) -> Option<StateFile> {
    None
}

/// A staged file.
#[derive(Serialize, ActionOutput)]
struct Staged {
    file_path: String,
}

/// Stage vault tmp file
#[action]
fn stage_vault_tmp_file(_app: &mut ExampleApp, file_name: String, file_content: String) -> Staged {
    let _ = file_content;
    Staged {
        file_path: format!("/tmp/{file_name}"),
    }
}

/// The SDK's actions that depend on Python-only features.
const PYTHON_ONLY: [&str; 4] = [
    "make_request",
    "on_es_poll",
    "async_process",
    "sync_process",
];

/// Where the generated app JSON differs from the SDK's, and why: (identifier, what, SDK value,
/// ours).
const DIFFERENCES: &[(&str, &str, &str, &str)] = &[
    // The CI schema refuses action descriptions that start with a lowercase letter.
    (
        "test_connectivity",
        "description",
        "test connectivity",
        "Test connectivity",
    ),
    (
        "test_summary_with_list_output",
        "description",
        "test summary with list output",
        "Test summary with list output",
    ),
    (
        "test_empty_list_output",
        "description",
        "test empty list output",
        "Test empty list output",
    ),
    (
        "test_json_output",
        "description",
        "test json output",
        "Test json output",
    ),
    (
        "test_table_output",
        "description",
        "test table output",
        "Test table output",
    ),
    (
        "reverse_string",
        "description",
        "reverse string",
        "Reverse string",
    ),
    (
        "permissive_reverse_string",
        "description",
        "permissive reverse string",
        "Permissive reverse string",
    ),
    (
        "generate_statistics",
        "description",
        "generate statistics",
        "Generate statistics",
    ),
    ("on_poll", "description", "on poll", "On poll"),
    ("write_state", "description", "write state", "Write state"),
    ("read_state", "description", "read state", "Read state"),
    (
        "write_filesystem_state",
        "description",
        "write filesystem state",
        "Write filesystem state",
    ),
    (
        "read_filesystem_state",
        "description",
        "read filesystem state",
        "Read filesystem state",
    ),
    (
        "stage_vault_tmp_file",
        "description",
        "stage vault tmp file",
        "Stage vault tmp file",
    ),
    // The CI schema refuses action descriptions that end with a period.
    (
        "generator_action",
        "description",
        "Generates a sequence of numbers.",
        "Generates a sequence of numbers",
    ),
    // The Decisions: on poll's parameters in the seed's order, container_id first, with the
    // framework's descriptions.
    ("on_poll", "parameters.start_time.order", "0", "1"),
    ("on_poll", "parameters.end_time.order", "1", "2"),
    ("on_poll", "parameters.container_count.order", "2", "3"),
    ("on_poll", "parameters.artifact_count.order", "3", "4"),
    ("on_poll", "parameters.container_id.order", "4", "0"),
    (
        "on_poll",
        "parameters.start_time.description",
        "Start of time range, in epoch time (milliseconds).",
        "Start of time range, in epoch time (milliseconds)",
    ),
    (
        "on_poll",
        "parameters.end_time.description",
        "End of time range, in epoch time (milliseconds).",
        "End of time range, in epoch time (milliseconds)",
    ),
    (
        "on_poll",
        "parameters.container_count.description",
        "Maximum number of container records to query for.",
        "Maximum number of container records to query for",
    ),
    (
        "on_poll",
        "parameters.artifact_count.description",
        "Maximum number of artifact records to query for.",
        "Maximum number of artifact records to query for",
    ),
    (
        "on_poll",
        "parameters.container_id.description",
        "Comma-separated list of container IDs to limit the ingestion to.",
        "Container IDs to limit the ingestion to",
    ),
    // The Decisions: on poll is the last action (the SDK lists it among the others).
    ("on_poll", "position", "8", "14"),
];

const PARAMETER_KEYS: [&str; 9] = [
    "order",
    "description",
    "data_type",
    "required",
    "primary",
    "allow_list",
    "contains",
    "default",
    "value_list",
];
const OUTPUT_KEYS: [&str; 6] = [
    "data_path",
    "data_type",
    "contains",
    "example_values",
    "column_name",
    "column_order",
];
const ACTION_TEXTS: [&str; 5] = ["action", "description", "verbose", "type", "versions"];

fn sdk() -> Value {
    let path = soar_tests::corpus_dir().join("sdk-manifests/example_app.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn ours() -> Value {
    serde_json::to_value(ExampleApp::app_json()).unwrap()
}

/// A value as a difference table writes it: strings as they are, the rest as JSON.
fn plain(value: &Value) -> String {
    value
        .as_str()
        .map_or_else(|| value.to_string(), str::to_owned)
}

/// The keys of an object that are in `keys`, missing ones as null.
fn project(value: &Value, keys: &[&str]) -> Map<String, Value> {
    keys.iter()
        .map(|key| {
            (
                (*key).to_owned(),
                value.get(key).cloned().unwrap_or(Value::Null),
            )
        })
        .collect()
}

/// Every difference between the SDK's action and ours, as (what, SDK, ours).
fn differences(sdk: &Value, ours: &Value) -> Vec<(String, String, String)> {
    let mut found = Vec::new();
    let mut compare = |what: String, a: &Value, b: &Value| {
        if a != b {
            found.push((what, plain(a), plain(b)));
        }
    };
    for key in ACTION_TEXTS {
        compare(key.to_owned(), &sdk[key], &ours[key]);
    }
    let sdk_parameters = sdk["parameters"].as_object().unwrap();
    let our_parameters = ours["parameters"].as_object().unwrap();
    let names = |map: &Map<String, Value>| {
        let mut names: Vec<String> = map.keys().cloned().collect();
        names.sort();
        names
    };
    compare(
        "parameter names".into(),
        &json!(names(sdk_parameters)),
        &json!(names(our_parameters)),
    );
    for (name, spec) in sdk_parameters {
        let ours = project(&our_parameters[name], &PARAMETER_KEYS);
        for (key, value) in project(spec, &PARAMETER_KEYS) {
            compare(format!("parameters.{name}.{key}"), &value, &ours[&key]);
        }
    }
    let sdk_outputs: Vec<Map<String, Value>> = sdk["output"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| project(o, &OUTPUT_KEYS))
        .collect();
    let our_outputs: Vec<Map<String, Value>> = ours["output"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| project(o, &OUTPUT_KEYS))
        .collect();
    compare("output".into(), &json!(sdk_outputs), &json!(our_outputs));
    found
}

/// The position of an action: on poll's among all actions, any other's among the others (so
/// that moving on poll is one difference, not one per action it passed).
fn position<'a>(actions: impl Iterator<Item = &'a Value>, identifier: &str) -> usize {
    actions
        .filter(|action| identifier == "on_poll" || action["identifier"] != "on_poll")
        .position(|action| action["identifier"] == identifier)
        .unwrap_or(usize::MAX)
}

#[test]
fn every_portable_sdk_action_is_recreated_with_equal_specs() {
    let (sdk, ours) = (sdk(), ours());
    let sdk_actions: Vec<&Value> = sdk["actions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|action| !PYTHON_ONLY.contains(&action["identifier"].as_str().unwrap()))
        .collect();
    assert!(sdk_actions.len() >= 12);
    let our_actions = ours["actions"].as_array().unwrap();
    assert_eq!(our_actions.len(), sdk_actions.len());
    let mut found = Vec::new();
    for sdk_action in &sdk_actions {
        let identifier = sdk_action["identifier"].as_str().unwrap();
        let ours = our_actions
            .iter()
            .find(|action| action["identifier"] == identifier)
            .unwrap_or_else(|| panic!("no action `{identifier}`"));
        let (sdk_position, our_position) = (
            position(sdk_actions.iter().copied(), identifier),
            position(our_actions.iter(), identifier),
        );
        if sdk_position != our_position {
            found.push((
                identifier.to_owned(),
                "position".to_owned(),
                sdk_position.to_string(),
                our_position.to_string(),
            ));
        }
        for (what, a, b) in differences(sdk_action, ours) {
            found.push((identifier.to_owned(), what, a, b));
        }
    }
    let expected: Vec<(String, String, String, String)> = DIFFERENCES
        .iter()
        .map(|(id, what, a, b)| ((*id).into(), (*what).into(), (*a).into(), (*b).into()))
        .collect();
    found.sort();
    let mut expected_sorted = expected.clone();
    expected_sorted.sort();
    assert_eq!(
        found, expected_sorted,
        "the differences from the SDK are not the listed ones"
    );
}

#[test]
fn the_configuration_equals_the_sdks_but_for_its_categories() {
    let (sdk, ours) = (sdk(), ours());
    let keys = [
        "data_type",
        "required",
        "description",
        "order",
        "default",
        "value_list",
    ];
    let sdk_fields = sdk["configuration"].as_object().unwrap();
    let our_fields = ours["configuration"].as_object().unwrap();
    assert_eq!(
        sdk_fields.keys().collect::<Vec<_>>(),
        our_fields.keys().collect::<Vec<_>>()
    );
    for (name, field) in sdk_fields {
        assert_eq!(
            project(field, &keys),
            project(&our_fields[name], &keys),
            "{name}"
        );
    }
    for key in [
        "name",
        "description",
        "appid",
        "type",
        "product_vendor",
        "app_version",
        "license",
        "min_phantom_version",
        "product_name",
        "python_version",
        "product_version_regex",
        "publisher",
    ] {
        assert_eq!(sdk[key], ours[key], "{key}");
    }
}

#[test]
fn the_recreated_actions_run() {
    use soar_runtime::testing::ActionTest;
    let config = |test: ActionTest<ExampleApp>| {
        test.config("base_url", "https://example")
            .config("api_key", "k")
            .config("bearer_token", "t")
            .config("key_header", "Authorization")
            .config("timezone", "UTC")
            .config("timezone_with_default", "America/Denver")
    };
    let outcome = config(ActionTest::new("reverse_string"))
        .param("input_string", "a b")
        .run();
    assert_eq!(
        outcome.results()[0].data(),
        [json!({"original_string": "a b", "reversed_string": "b a", "_underscored_string": "a_b"})]
    );
    let outcome = config(ActionTest::new("generator_action")).run();
    assert_eq!(outcome.results()[0].data().len(), 3);
    assert_eq!(outcome.results()[0].summary()["total_iterations"], 3);
    assert_eq!(outcome.messages(), ["Total iterations: 3"]);
    let outcome = config(ActionTest::new("write_state")).run();
    assert_eq!(outcome.state()["written"], true);
    let outcome = config(ActionTest::new("test_connectivity")).run();
    assert_eq!(
        outcome.progress(),
        ["https://example Authorization UTC America/Denver"]
    );
    let outcome = config(ActionTest::new("on_poll"))
        .param("container_count", "4294967295")
        .run();
    assert!(outcome.is_success(), "{:?}", outcome.messages());
}

#[test]
fn the_recreated_app_json_is_clean_for_the_ci_schema_and_the_validator() {
    let mut app = ExampleApp::app_json();
    app.utctime_updated = soar_runtime::time::format_utc(0);
    let document = serde_json::to_value(&app).unwrap();
    let errors: Vec<String> = soar_tests::ci_schema()
        .iter_errors(&document)
        .map(|error| error.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let findings = soar_runtime::app_json::validate(&app);
    assert!(findings.is_empty(), "{findings:#?}");
}
