//! A connector written with the macros, run through the runtime: configuration built field by
//! field, hooks as plain methods, typed parameters, typed outputs, dispatch by identifier.

use serde::Serialize;
use serde_json::{Value, json};
use soar_runtime::action_json::ActionJson;
use soar_runtime::prelude::*;
use soar_runtime::progress::RecordingSink;
use soar_runtime::run::{RunOptions, run};

/// Echoes texts back, to exercise the macros.
#[connector(
    appid = "1b4c2f39-0a55-4c1e-9d57-5f3f1a7c9e21",
    name = "Echo Test",
    publisher = "Example Corp",
    app_type = "information",
    product_vendor = "Generic",
    product_name = "Echo",
    license = "Apache-2.0",
    hooks
)]
pub struct Echo {
    /// Server to talk to
    server: String,
    /// How many times to repeat
    #[config(default = 1)]
    repeat: Option<i64>,
    /// API token
    token: Option<Secret>,
    /// A gap in the form between the token and the script, without a label.
    #[config(description = "")]
    pub spacer: Spacer,
    /// Script to prefix every echo with
    prefix_script: Option<AssetFile>,
    #[config(skip)]
    calls: u32,
}

impl Hooks for Echo {
    fn initialize(&mut self, ctx: &mut Ctx) -> Result<(), ActionError> {
        ctx.save_progress(format!("initialized for {}", self.server));
        Ok(())
    }

    fn finalize(&mut self, ctx: &mut Ctx) -> Result<(), ActionError> {
        ctx.save_progress(format!("{} calls", self.calls));
        Ok(())
    }

    fn handle_exception(&mut self, ctx: &mut Ctx, message: &str) {
        ctx.save_progress(format!("exception seen: {message}"));
    }
}

/// Check that the server answers.
#[test_connectivity]
fn check(connector: &mut Echo, ctx: &mut Ctx) -> Result<(), ActionError> {
    ctx.save_progress(format!("connecting to {}", connector.server));
    match &connector.token {
        Some(_) => Ok(()),
        None => Err(ActionError::new("No token configured")),
    }
}

/// One echoed text.
#[derive(Debug, PartialEq, Serialize, serde::Deserialize, ActionOutput)]
struct Echoed {
    #[output(column = "Text", example = "hello")]
    text: String,
    #[serde(rename = "times")]
    count: i64,
    /// Keys that are data: the text's letters, each with its count.
    letters: std::collections::BTreeMap<String, u32>,
}

/// Echo a text back.
///
/// Repeats the text as often as asked.
#[action(kind = "investigate", read_only, whole(data))]
fn echo(
    connector: &mut Echo,
    /// The text to echo
    #[param(primary, contains = ["domain"])]
    text: String,
    #[param(description = "")] _gap: Spacer,
    times: Option<i64>,
) -> Result<Vec<Echoed>, ActionError> {
    connector.calls += 1;
    let count = times.or(connector.repeat).unwrap_or(1);
    if count < 0 {
        return Err(ActionError::new("Cannot echo a negative number of times"));
    }
    if text == "panic.example" {
        panic!("asked to panic");
    }
    let text = match &connector.prefix_script {
        Some(script) => format!("{}{text}", script.text()),
        None => text,
    };
    let mut letters = std::collections::BTreeMap::new();
    for letter in text.chars().filter(char::is_ascii_alphabetic) {
        *letters.entry(letter.to_string()).or_insert(0) += 1;
    }
    Ok((0..count)
        .map(|_| Echoed {
            text: text.clone(),
            count,
            letters: letters.clone(),
        })
        .collect())
}

fn run_json(input: Value) -> (Value, RecordingSink) {
    let sink = RecordingSink::new();
    let options = RunOptions {
        sink: Box::new(sink.clone()),
        ..RunOptions::default()
    };
    let input = ActionJson::from_json_str(&input.to_string()).unwrap();
    (
        serde_json::to_value(run::<Echo>(input, options)).unwrap(),
        sink,
    )
}

#[test]
fn an_action_gets_typed_parameters_and_writes_typed_data() {
    let (result, sink) = run_json(json!({
        "identifier": "echo",
        "config": {"server": "echo.example", "repeat": 2},
        "parameters": [{"text": "example.com"}, {"text": "example.org", "times": "1"}, {"text": "x.com", "times": -1}]
    }));
    let data: Vec<&Value> = result["result_data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["data"])
        .collect();
    let letters = json!({"a": 1, "c": 1, "e": 2, "l": 1, "m": 2, "o": 1, "p": 1, "x": 1});
    assert_eq!(
        data[0],
        &json!([{"text": "example.com", "times": 2, "letters": letters}, {"text": "example.com", "times": 2, "letters": letters}])
    );
    assert_eq!(data[1][0]["text"], "example.org");
    assert_eq!(
        result["result_data"][2]["message"],
        "Cannot echo a negative number of times"
    );
    assert_eq!(result["message"], "2 actions succeeded");
    let text = sink.all_text();
    assert!(text.contains("initialized for echo.example"), "{text}");
    assert!(text.contains("3 calls"), "{text}");
}

#[test]
fn the_contains_rule_and_typed_parsing_run_before_the_function() {
    let (result, _) = run_json(json!({
        "identifier": "echo",
        "config": {"server": "s"},
        "parameters": [{"text": "1.2.3.4"}, {"text": "a.com", "times": "many"}, {}]
    }));
    let messages: Vec<&str> = result["result_data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        messages[1],
        "Parameter 'times' failed validation: not an integer"
    );
    assert_eq!(messages[2], "Required parameter 'text' is missing");
}

#[test]
fn test_connectivity_and_config_errors() {
    let (result, sink) = run_json(
        json!({"identifier": "test_asset_connectivity", "config": {"server": "s", "token": "t"}}),
    );
    assert_eq!(result["status"], "success", "{result}");
    assert!(sink.all_text().contains("connecting to s"));
    let (result, _) =
        run_json(json!({"identifier": "test_asset_connectivity", "config": {"server": "s"}}));
    assert_eq!(result["result_data"][0]["message"], "No token configured");
    let (result, _) = run_json(
        json!({"identifier": "echo", "config": {"server": "s", "repeat": "x"}, "parameters": [{"text": "a"}]}),
    );
    assert_eq!(result["status"], "failed");
    assert!(
        result["message"]
            .as_str()
            .unwrap()
            .starts_with("Configuration field 'repeat' is invalid: "),
        "{result}"
    );
    let (result, _) =
        run_json(json!({"identifier": "echo", "config": {}, "parameters": [{"text": "a"}]}));
    assert_eq!(
        result["message"],
        "Required configuration field 'server' is missing"
    );
}

#[test]
fn the_app_json_lists_the_actions_and_configuration() {
    let app = Echo::app_json();
    let identifiers: Vec<&str> = app.actions.iter().map(|a| a.identifier.as_str()).collect();
    assert_eq!(identifiers, ["test_asset_connectivity", "echo"]);
    let fields: Vec<&str> = app.configuration.keys().map(String::as_str).collect();
    assert_eq!(
        fields,
        ["server", "repeat", "token", "spacer", "prefix_script"]
    );
    let spacer = &app.configuration["spacer"];
    assert_eq!(spacer.data_type.to_string(), "ph");
    assert!(!spacer.is_required());
    assert_eq!(spacer.description.as_deref(), Some(""));
    assert_eq!(
        app.configuration["prefix_script"].data_type.to_string(),
        "file"
    );
    assert!(app.configuration["server"].is_required());
    assert!(app.configuration["token"].is_password());
    assert_eq!(app.main_module, "echotest_connector.py");
    assert_eq!(app.app_version, env!("CARGO_PKG_VERSION"));
    let echo = &app.actions[1];
    assert_eq!(echo.action, "echo");
    assert!(echo.parameters["text"].is_required());
    assert_eq!(echo.parameters["text"].contains(), ["domain"]);
    assert!(!echo.parameters["times"].is_required());
    let gap = &echo.parameters["_gap"];
    assert_eq!(
        (gap.data_type.to_string(), gap.is_required()),
        ("ph".to_owned(), false)
    );
    let data_type = |path: &str| {
        echo.output
            .iter()
            .find(|entry| entry.data_path == path)
            .map(|entry| entry.data_type.to_string())
    };
    assert_eq!(
        data_type("action_result.data.*.letters.*").as_deref(),
        Some("numeric")
    );
    // `whole(data)`: the data list itself, and no summary, which `whole` did not name.
    assert_eq!(data_type("action_result.data").as_deref(), Some("string"));
    assert_eq!(data_type("action_result.summary"), None);
}

#[test]
fn a_file_field_is_read_as_its_text_and_a_spacer_takes_no_value() {
    let (result, _) = run_json(json!({
        "identifier": "echo",
        "config": {"server": "s", "spacer": "anything", "prefix_script": "ab"},
        "parameters": [{"text": "c", "_gap": "ignored"}]
    }));
    assert_eq!(result["message"], "1 action succeeded", "{result}");
    assert_eq!(
        result["result_data"][0]["data"][0],
        json!({"text": "abc", "times": 1, "letters": {"a": 1, "b": 1, "c": 1}})
    );
}

#[test]
fn the_app_json_is_clean_for_the_strict_validator() {
    let mut app = Echo::app_json();
    app.utctime_updated = soar_runtime::time::format_utc(0);
    let findings = soar_runtime::app_json::validate(&app);
    assert!(
        findings.is_empty(),
        "{findings:#?}\n{}",
        app.to_json_pretty()
    );
}

#[test]
fn the_testing_harness_runs_one_action_with_typed_data() {
    let outcome = soar_runtime::testing::ActionTest::<Echo>::new("echo")
        .config("server", "echo.example")
        .param("text", "example.com")
        .param("times", 2)
        .dict(json!({"text": "example.org"}))
        .dict(json!("not a dict"))
        .run();
    assert!(outcome.is_success());
    assert_eq!(outcome.message(), "2 actions succeeded");
    let data: Vec<Echoed> = outcome.data().unwrap();
    assert_eq!(data.len(), 3);
    assert_eq!(
        data[2],
        Echoed {
            text: "example.org".into(),
            count: 1,
            letters: [
                ("a", 1),
                ("e", 2),
                ("g", 1),
                ("l", 1),
                ("m", 1),
                ("o", 1),
                ("p", 1),
                ("r", 1),
                ("x", 1)
            ]
            .into_iter()
            .map(|(letter, n)| (letter.to_owned(), n))
            .collect(),
        }
    );
    assert_eq!(
        outcome.messages()[2],
        "Parameter dict 2 is not a JSON object"
    );
    assert_eq!(
        outcome.progress(),
        ["initialized for echo.example", "2 calls"]
    );
    let cancelled = soar_runtime::testing::ActionTest::<Echo>::new("echo")
        .config("server", "s")
        .param("text", "a.com")
        .cancelled()
        .run();
    assert!(cancelled.result.action_cancelled);
    assert!(cancelled.results().is_empty());
    assert_eq!(cancelled.progress(), ["initialized for s", "0 calls"]);
}

#[test]
fn a_panicking_action_reaches_the_exception_hook() {
    let outcome = soar_runtime::testing::ActionTest::<Echo>::new("echo")
        .config("server", "s")
        .param("text", "panic.example")
        .dict(json!({"text": "never.example"}))
        .run();
    assert!(outcome.result.exception_occured);
    assert_eq!(outcome.messages(), ["Exception Occurred: asked to panic"]);
    assert_eq!(
        outcome.progress(),
        [
            "initialized for s",
            "exception seen: asked to panic",
            "1 calls"
        ]
    );
}
