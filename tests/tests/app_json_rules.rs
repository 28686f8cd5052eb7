//! The contract's rules one at a time: each break of the clean app gives exactly the expected
//! findings, with the rule's severity, at the expected JSON Pointers.

use serde_json::{Value, json};
use soar_runtime::app_json::{
    Action, AppJson, DataType, DefaultValue, Lock, Loose, OutputEntry, Parameter, Rule, Severity,
    validate, validate_value,
};
use soar_tests::clean_app::clean_app;

/// The (rule, pointer) pairs of the findings, in the order found.
fn found(findings: Vec<soar_runtime::app_json::Finding>) -> Vec<(Rule, String)> {
    for finding in &findings {
        assert_eq!(finding.severity, finding.rule.severity(), "{finding}");
    }
    findings
        .into_iter()
        .map(|finding| (finding.rule, finding.pointer))
        .collect()
}

/// Asserts that `app` has exactly the `expected` findings (in any order).
fn assert_findings(app: &AppJson, expected: &[(Rule, &str)]) {
    assert_same(found(validate(app)), expected);
}

/// Asserts that the raw `document` has exactly the `expected` findings (in any order).
fn assert_raw_findings(document: &Value, expected: &[(Rule, &str)]) {
    assert_same(found(validate_value(document)), expected);
}

/// Compares findings with expectations, ignoring the order.
fn assert_same(mut found: Vec<(Rule, String)>, expected: &[(Rule, &str)]) {
    let mut expected: Vec<(Rule, String)> = expected
        .iter()
        .map(|(rule, pointer)| (*rule, (*pointer).to_owned()))
        .collect();
    let key = |(rule, pointer): &(Rule, String)| (format!("{rule:?}"), pointer.clone());
    found.sort_by_key(key);
    expected.sort_by_key(key);
    assert_eq!(found, expected);
}

/// The clean app changed by `change`.
fn clean_with(change: impl FnOnce(&mut AppJson)) -> AppJson {
    let mut app = clean_app();
    change(&mut app);
    app
}

/// The clean app's JSON changed by `change`.
fn clean_json_with(change: impl FnOnce(&mut Value)) -> Value {
    let mut document = serde_json::to_value(clean_app()).unwrap();
    change(&mut document);
    document
}

/// `whois domain`, the clean app's action with a parameter and table columns.
fn whois(app: &mut AppJson) -> &mut Action {
    &mut app.actions[1]
}

/// Adds a parameter (with the next order) and its output to `action`.
fn add_parameter(action: &mut Action, name: &str, parameter: Parameter) {
    let order = u32::try_from(action.parameters.len()).unwrap();
    let contains = parameter.contains.clone();
    action.parameters.insert(
        name.into(),
        Parameter {
            order: Some(order.into()),
            ..parameter
        },
    );
    let data_path = format!("action_result.parameter.{name}");
    action.output.insert(
        2,
        OutputEntry {
            data_path,
            contains,
            ..Default::default()
        },
    );
}

#[test]
fn a_duplicate_identifier_is_an_error() {
    let app = clean_with(|app| {
        let copy = Action {
            action: "whois domain again".into(),
            ..app.actions[1].clone()
        };
        app.actions.push(copy);
    });
    assert_findings(
        &app,
        &[(Rule::DuplicateIdentifier, "/actions/3/identifier")],
    );
    assert_eq!(Rule::DuplicateIdentifier.severity(), Severity::Error);
}

#[test]
fn a_duplicate_action_name_is_a_warning() {
    let app = clean_with(|app| {
        let copy = Action {
            identifier: "whois_domain_again".into(),
            ..app.actions[1].clone()
        };
        app.actions.push(copy);
    });
    assert_findings(&app, &[(Rule::DuplicateActionName, "/actions/3/action")]);
}

#[test]
fn action_names_outside_the_contracts_alphabet_are_warnings_unless_the_schema_refuses_them() {
    assert_findings(
        &clean_with(|app| whois(app).action = "whois_domain".into()),
        &[(Rule::ActionNameCharset, "/actions/1/action")],
    );
    assert_findings(
        &clean_with(|app| whois(app).action = "Whois Domain".into()),
        &[(Rule::ActionNameCharset, "/actions/1/action")],
    );
    assert_findings(
        &clean_with(|app| whois(app).action = "WHOIS".into()),
        &[(Rule::ActionName, "/actions/1/action")],
    );
}

#[test]
fn top_level_sloppiness() {
    assert_findings(
        &clean_with(|app| app.appid = app.appid.to_uppercase()),
        &[(Rule::AppIdCase, "/appid")],
    );
    assert_findings(
        &clean_with(|app| app.package_name = "whoissample".into()),
        &[(Rule::PackageName, "/package_name")],
    );
    assert_findings(
        &clean_with(|app| app.utctime_updated = Some("2026-01-01T00:00:00Z".into())),
        &[(Rule::UpdatedTimeFormat, "/utctime_updated")],
    );
    assert_findings(
        &clean_with(|app| app.utctime_updated = None),
        &[(Rule::MissingKey, "")],
    );
    assert_findings(
        &clean_with(|app| {
            app.webhook = Some(soar_runtime::app_json::Webhook {
                handler: Some("whois_connector_webhook.handle_webhook".into()),
                ip_allowlist: Some(vec!["0.0.0.0/0".into(), "10.0.0.1/8".into()]),
                ..Default::default()
            });
        }),
        &[(Rule::WebhookNetwork, "/webhook/ip_allowlist/1")],
    );
}

#[test]
fn a_wheel_must_install_on_the_python_of_its_list() {
    let listed = |input_file: &str| soar_runtime::app_json::WheelDependency {
        module: "x".into(),
        input_file: input_file.into(),
        ..Default::default()
    };
    let app = clean_with(|app| {
        app.pip39_dependencies = app.pip313_dependencies.clone();
        let wheels = app
            .pip39_dependencies
            .as_mut()
            .unwrap()
            .wheel
            .as_mut()
            .unwrap();
        wheels.push(listed("wheels/py3/cachetools-6.2.1-py3-none-any.whl"));
        wheels.push(listed(
            "wheels/py313/x-1.0-cp313-cp313-manylinux_2_28_x86_64.whl",
        ));
        wheels.push(listed("../x-1.0-py3-none-any.whl"));
        let wheels = app
            .pip313_dependencies
            .as_mut()
            .unwrap()
            .wheel
            .as_mut()
            .unwrap();
        wheels.push(listed("wheels/py3/x.whl"));
        wheels.push(listed(
            "wheels/py39/x-1.0-cp39-abi3-manylinux2014_x86_64.whl",
        ));
    });
    let clean = clean_app()
        .pip313_dependencies
        .unwrap()
        .wheel
        .unwrap()
        .len();
    let at = |key: &str, index: usize| format!("/{key}/wheel/{index}/input_file");
    assert_same(
        found(validate(&app)),
        &[
            (Rule::WheelPython, &at("pip39_dependencies", clean + 1)),
            (Rule::WheelPython, &at("pip39_dependencies", clean + 2)),
            (Rule::WheelPython, &at("pip313_dependencies", clean)),
        ],
    );
    let message = validate(&app)
        .into_iter()
        .map(|finding| finding.message)
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        message.contains("does not install on the platform's Python 3.9"),
        "{message}"
    );
    assert!(message.contains("is not a wheel file name"), "{message}");
}

#[test]
fn unknown_keys_are_found_wherever_they_are_kept() {
    let app = clean_with(|app| {
        app.extra.insert("colour".into(), json!("blue"));
        app.configuration["api_key"]
            .extra
            .insert("id".into(), json!(1));
        app.contributors.as_mut().unwrap()[0]
            .extra
            .insert("email".into(), json!("jane@example.com"));
        let wheel = &mut app
            .pip313_dependencies
            .as_mut()
            .unwrap()
            .wheel
            .as_mut()
            .unwrap()[0];
        wheel.extra.insert("sha".into(), json!("0"));
        let action = whois(app);
        action.extra.insert("hidden".into(), json!(true));
        action.parameters["domain"]
            .extra
            .insert("name,".into(), json!("domain"));
        action.output[3]
            .extra
            .insert("example_value".into(), json!("x"));
        action
            .render
            .as_mut()
            .unwrap()
            .extra
            .insert("menu".into(), json!("x"));
        action.lock = Some(Lock {
            enabled: Some(false),
            ..Default::default()
        });
        action
            .lock
            .as_mut()
            .unwrap()
            .extra
            .insert("owner".into(), json!("x"));
    });
    assert_findings(
        &app,
        &[
            (Rule::UnknownKey, "/colour"),
            (Rule::UnknownKey, "/configuration/api_key/id"),
            (Rule::UnknownKey, "/contributors/0/email"),
            (Rule::UnknownKey, "/pip313_dependencies/wheel/0/sha"),
            (Rule::UnknownKey, "/actions/1/hidden"),
            (Rule::UnknownKey, "/actions/1/parameters/domain/name,"),
            (Rule::UnknownKey, "/actions/1/output/3/example_value"),
            (Rule::UnknownKey, "/actions/1/render/menu"),
            (Rule::UnknownKey, "/actions/1/lock/owner"),
        ],
    );
}

#[test]
fn configuration_orders_run_from_zero() {
    assert_findings(
        &clean_with(|app| app.configuration["api_key"].order = None),
        &[(Rule::Order, "/configuration/api_key")],
    );
    assert_findings(
        &clean_with(|app| app.configuration["api_key"].order = Some(7.into())),
        &[(Rule::Order, "/configuration")],
    );
    // A position written as text is a schema error, but still a position.
    assert_findings(
        &clean_with(|app| app.configuration["api_key"].order = Some(Loose::Other(json!("1")))),
        &[(Rule::SchemaType, "/configuration/api_key/order")],
    );
}

#[test]
fn parameter_orders_run_from_zero_except_on_poll() {
    let app = clean_with(|app| {
        add_parameter(
            whois(app),
            "server",
            Parameter {
                description: Some("Server".into()),
                ..Default::default()
            },
        );
        whois(app).parameters["server"].order = Some(2.into());
    });
    assert_findings(&app, &[(Rule::Order, "/actions/1/parameters")]);
    let app = clean_with(|app| {
        app.actions[2]
            .parameters
            .values_mut()
            .for_each(|parameter| parameter.order = None)
    });
    assert_findings(&app, &[]);
}

#[test]
fn data_types_the_contract_does_not_document() {
    let app = clean_with(|app| {
        app.configuration["api_key"].data_type = DataType::Other("object".into());
        whois(app).parameters["domain"].data_type = DataType::File;
        whois(app).output[5].data_type = DataType::Ph;
        whois(app).output[4].data_type = DataType::Password;
    });
    assert_findings(
        &app,
        &[
            (Rule::UnusualDataType, "/configuration/api_key/data_type"),
            (
                Rule::UnusualDataType,
                "/actions/1/parameters/domain/data_type",
            ),
            (Rule::UnusualDataType, "/actions/1/output/5/data_type"),
            (Rule::UnusualDataType, "/actions/1/output/4/data_type"),
        ],
    );
}

#[test]
fn defaults_that_do_not_fit() {
    let app = clean_with(|app| {
        app.configuration["timeout"].default = Some("".into());
        app.configuration["verify_server_cert"].default = Some("False".into());
        app.configuration["whois_server"].default = Some("whois.apnic.net".into());
        app.configuration["api_key"].default = Some(DefaultValue::from(""));
    });
    assert_findings(
        &app,
        &[
            (Rule::DefaultType, "/configuration/timeout/default"),
            (
                Rule::DefaultType,
                "/configuration/verify_server_cert/default",
            ),
            (
                Rule::DefaultNotInValueList,
                "/configuration/whois_server/default",
            ),
        ],
    );
}

#[test]
fn secret_and_primary_parameters() {
    let app = clean_with(|app| {
        let secret = Parameter {
            description: Some("Secret".into()),
            data_type: DataType::Password,
            default: Some("hunter2".into()),
            ..Default::default()
        };
        add_parameter(whois(app), "secret", secret);
        let primary = Parameter {
            description: Some("Server".into()),
            primary: Some(true),
            ..Default::default()
        };
        add_parameter(whois(app), "server", primary);
    });
    assert_findings(
        &app,
        &[
            (Rule::SecretParameterDefault, "/actions/1/parameters/secret"),
            (Rule::PrimaryWithoutContains, "/actions/1/parameters/server"),
        ],
    );
}

#[test]
fn reserved_actions_keep_their_shape() {
    let app = clean_with(|app| {
        app.actions[0].kind = "generic".into();
        app.actions[0].identifier = "check".into();
        add_parameter(&mut app.actions[0], "verbose", Parameter::default());
        app.actions[2].kind = "generic".into();
        app.actions[2].identifier = "poll".into();
        app.actions[2].parameters.shift_remove("artifact_count");
        whois(app).kind = "ingest".into();
    });
    assert_findings(
        &app,
        &[
            (Rule::ReservedAction, "/actions/0/type"),
            (Rule::ReservedAction, "/actions/0/identifier"),
            (Rule::ReservedAction, "/actions/0/parameters"),
            (Rule::ReservedAction, "/actions/2/type"),
            (Rule::ReservedAction, "/actions/2/identifier"),
            (Rule::ReservedAction, "/actions/2/parameters"),
            (Rule::ReservedAction, "/actions/1/type"),
        ],
    );
    assert_findings(
        &clean_with(|app| app.actions[0].identifier = "test_connectivity".into()),
        &[],
    );
}

#[test]
fn undo_lock_and_render_refer_to_what_exists() {
    let app = clean_with(|app| {
        let action = whois(app);
        action.undo = Some("unwhois domain".into());
        action.lock = Some(Lock {
            enabled: Some(true),
            data_path: Some("parameters.server".into()),
            ..Default::default()
        });
    });
    assert_findings(
        &app,
        &[
            (Rule::Undo, "/actions/1/undo"),
            (Rule::Lock, "/actions/1/lock/data_path"),
        ],
    );
    let app = clean_with(|app| {
        let action = whois(app);
        action.undo = Some("whois domain".into());
        action.lock = Some(Lock {
            enabled: Some(true),
            data_path: Some("parameters.domain".into()),
            ..Default::default()
        });
    });
    assert_findings(&app, &[]);
    let render = |kind: Option<&str>, view: Option<&str>| {
        clean_with(|app| {
            let render = whois(app).render.as_mut().unwrap();
            render.kind = kind.map(Into::into);
            render.view = view.map(Into::into);
        })
    };
    assert_findings(&render(None, None), &[(Rule::Render, "/actions/1/render")]);
    assert_findings(
        &render(Some("chart"), None),
        &[(Rule::Render, "/actions/1/render/type")],
    );
    assert_findings(
        &render(Some("custom"), None),
        &[(Rule::Render, "/actions/1/render")],
    );
    assert_findings(
        &render(Some("custom"), Some("view")),
        &[(Rule::Render, "/actions/1/render")],
    );
    assert_findings(&render(Some("custom"), Some("whois_view.display")), &[]);
}

#[test]
fn ordinary_actions_list_the_standard_and_parameter_outputs() {
    assert_findings(
        &clean_with(|app| drop(whois(app).output.remove(6))),
        &[(Rule::StandardOutputs, "/actions/1/output")],
    );
    assert_findings(
        &clean_with(|app| drop(whois(app).output.remove(2))),
        &[(Rule::ParameterOutput, "/actions/1/output")],
    );
    assert_findings(
        &clean_with(|app| whois(app).output[2].contains = Some(vec!["url".into()])),
        &[(Rule::ParameterOutput, "/actions/1/output/2")],
    );
    let stray = OutputEntry {
        data_path: "action_result.parameter.server".into(),
        ..Default::default()
    };
    assert_findings(
        &clean_with(|app| whois(app).output.push(stray)),
        &[(Rule::StrayParameterOutput, "/actions/1/output/8")],
    );
    // Test connectivity and on poll list what they like.
    assert_findings(&clean_with(|app| app.actions[0].output.clear()), &[]);
}

#[test]
fn contains_compare_as_sets() {
    let app = clean_with(|app| {
        let both = vec!["domain".to_owned(), "host name".to_owned()];
        whois(app).parameters["domain"].contains = Some(both.clone());
        whois(app).output[2].contains = Some(both.into_iter().rev().collect());
    });
    assert_findings(&app, &[]);
}

#[test]
fn data_paths_are_unique_and_rooted() {
    let app = clean_with(|app| {
        let again = whois(app).output[1].clone();
        whois(app).output.push(again);
        whois(app).output[5].data_path = "data.organization".into();
    });
    assert_findings(
        &app,
        &[
            (Rule::DuplicateDataPath, "/actions/1/output/8"),
            (Rule::DataPath, "/actions/1/output/5/data_path"),
        ],
    );
}

#[test]
fn table_columns_run_from_zero() {
    assert_findings(
        &clean_with(|app| whois(app).output[4].column_order = Some(5.into())),
        &[(Rule::ColumnOrder, "/actions/1/output")],
    );
    assert_findings(
        &clean_with(|app| whois(app).output[4].column_order = None),
        &[(Rule::ColumnOrder, "/actions/1/output/4")],
    );
    assert_findings(
        &clean_with(|app| whois(app).output[5].column_order = Some(2.into())),
        &[(Rule::ColumnOrder, "/actions/1/output/5")],
    );
    assert_findings(
        &clean_with(|app| whois(app).output[3].column_order = Some(Loose::Other(json!("0")))),
        &[(
            Rule::ColumnOrderSpelling,
            "/actions/1/output/3/column_order",
        )],
    );
}

#[test]
fn keys_the_model_normalises_away_are_found_in_the_raw_document() {
    let document = clean_json_with(|document| {
        let action = document["actions"][0].as_object_mut().unwrap();
        for key in ["versions", "parameters", "output"] {
            action.shift_remove(key);
        }
    });
    assert_raw_findings(
        &document,
        &[
            (Rule::MissingKey, "/actions/0"),
            (Rule::MissingKey, "/actions/0"),
            (Rule::MissingKey, "/actions/0"),
        ],
    );
}

#[test]
fn values_the_model_cannot_hold_are_errors_at_their_place() {
    let cases = [
        ("/actions/1/undo", json!(5), "/actions/1/undo"),
        (
            "/actions/1/parameters/domain/name",
            json!(5),
            "/actions/1/parameters/domain/name",
        ),
        (
            "/actions/1/render/view",
            json!(["a"]),
            "/actions/1/render/view",
        ),
        (
            "/configuration/api_key/category",
            json!(1),
            "/configuration/api_key/category",
        ),
        ("/supports_es_polling", json!("yes"), "/supports_es_polling"),
        (
            "/contributors",
            json!([{"email": "jane@example.com"}]),
            "/contributors/0",
        ),
        (
            "/webhook",
            json!({"routes": [{"declaration_lineno": -1}]}),
            "/webhook/routes/0/declaration_lineno",
        ),
        (
            "/pip314_dependencies",
            json!({"wheel": [{"input_file": "a.whl"}]}),
            "/pip314_dependencies/wheel/0",
        ),
    ];
    for (pointer, value, expected) in cases {
        let document = clean_json_with(|document| {
            let (parent, key) = pointer.rsplit_once('/').unwrap();
            document
                .pointer_mut(parent)
                .unwrap()
                .as_object_mut()
                .unwrap()
                .insert(key.into(), value);
        });
        assert_raw_findings(&document, &[(Rule::ModelShape, expected)]);
    }
}

#[test]
fn anything_at_all_is_validated_without_panicking() {
    for document in [
        json!(null),
        json!(1),
        json!("app"),
        json!([]),
        json!({}),
        json!({"actions": [null, 1, {"parameters": []}]}),
    ] {
        let findings = validate_value(&document);
        assert!(
            findings
                .iter()
                .any(|finding| finding.severity == Severity::Error),
            "{document}"
        );
    }
}

#[test]
fn findings_display_as_severity_pointer_message() {
    let app = clean_with(|app| {
        app.utctime_updated = None;
        let copy = Action {
            action: "whois domain again".into(),
            ..app.actions[1].clone()
        };
        app.actions.push(copy);
    });
    let lines: Vec<String> = validate(&app).iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "warning  missing key `utctime_updated`",
            "error /actions/3/identifier the identifier \"whois_domain\" is also used by /actions/1",
        ]
    );
}
