//! Every step of one connector run, pinned with its message (contract section 1 and the
//! Decisions of design.md), through the hand-written fixture connector.

use serde_json::{Value, json};
use soar_runtime::action_json::ActionJson;
use soar_runtime::app_json::AppJson;
use soar_runtime::cancel::CancelToken;
use soar_runtime::progress::{Recorded, RecordingSink};
use soar_runtime::run::{RunOptions, run, run_to_writer, run_with_app};
use soar_tests::fixture::{APP_JSON, Fixture};

struct Outcome {
    result: Value,
    log: RecordingSink,
}

fn run_input(input: Value) -> Outcome {
    run_input_with(input, CancelToken::new())
}

fn run_input_with(input: Value, cancel: CancelToken) -> Outcome {
    let log = RecordingSink::new();
    let options = RunOptions {
        sink: Box::new(log.clone()),
        cancel,
        ..RunOptions::default()
    };
    let parsed = ActionJson::from_json_str(&input.to_string()).unwrap();
    let result = serde_json::to_value(run::<Fixture>(parsed, options)).unwrap();
    Outcome { result, log }
}

fn action(identifier: &str, parameters: Value) -> Value {
    json!({"identifier": identifier, "config": {"server": " whois.example "}, "parameters": parameters})
}

fn messages(result: &Value) -> Vec<&str> {
    result["result_data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["message"].as_str().unwrap())
        .collect()
}

fn statuses(result: &Value) -> Vec<&str> {
    result["result_data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["status"].as_str().unwrap())
        .collect()
}

#[test]
fn a_successful_run_has_the_platform_shape_and_key_order() {
    let out = run_input(action(
        "lookup_ip",
        json!([{"ip": " 1.2.3.4 ", "count": "10", "note": "", "context": {"guid": "g-1"}}]),
    ));
    let expected = json!({
        "identifier": "lookup_ip",
        "result_data": [{
            "data": [{"ip": "1.2.3.4", "count": 10}],
            "extra_data": [],
            "summary": {"looked_up": "1.2.3.4"},
            "status": "success",
            "message": "Looked up: 1.2.3.4",
            "parameter": {"ip": "1.2.3.4", "count": "10"},
            "context": {"guid": "g-1"}
        }],
        "result_summary": {"total_objects": 1, "total_objects_successful": 1, "finalized": true},
        "status": "success",
        "message": "1 action succeeded",
        "exception_occured": false,
        "action_cancelled": false
    });
    assert_eq!(out.result, expected);
    let keys: Vec<&String> = out.result.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "identifier",
            "result_data",
            "result_summary",
            "status",
            "message",
            "exception_occured",
            "action_cancelled"
        ]
    );
    let result_keys: Vec<&String> = out.result["result_data"][0]
        .as_object()
        .unwrap()
        .keys()
        .collect();
    assert_eq!(
        result_keys,
        [
            "data",
            "extra_data",
            "summary",
            "status",
            "message",
            "parameter",
            "context"
        ]
    );
    assert!(
        out.log
            .entries()
            .contains(&Recorded::Saved("Using server whois.example".into()))
    );
}

#[test]
fn a_missing_identifier_fails_the_run() {
    for input in [
        json!({"config": {}}),
        json!({"identifier": 12, "config": {}}),
    ] {
        let out = run_input(input);
        assert_eq!(out.result["status"], "failed");
        assert_eq!(
            out.result["message"],
            "Failed to load the connector run JSON. Missing or invalid 'identifier'"
        );
        assert_eq!(out.result["result_data"], json!([]));
        assert_eq!(
            out.result["result_summary"],
            json!({"total_objects": 0, "total_objects_successful": 0})
        );
    }
}

#[test]
fn a_missing_config_fails_the_run() {
    let out = run_input(json!({"identifier": "lookup_ip", "parameters": [{"ip": "1.2.3.4"}]}));
    assert_eq!(
        out.result["message"],
        "No Config dictionary present in Action JSON"
    );
    assert_eq!(out.result["identifier"], "lookup_ip");
    assert_eq!(out.result["status"], "failed");
}

#[test]
fn an_unknown_action_fails_the_run() {
    let out = run_input(action("nope", json!([{}])));
    assert_eq!(
        out.result["message"],
        "Unknown action. Unable to find action info for 'nope' in App JSON"
    );
}

#[test]
fn two_actions_with_one_identifier_fail_the_run() {
    let mut app = AppJson::from_json_str(APP_JSON).unwrap();
    let copy = app.actions[5].clone();
    app.actions.push(copy);
    let input = ActionJson::from_json_str(&action("fail", json!([{}])).to_string()).unwrap();
    let result = run_with_app::<Fixture>(&app, input, RunOptions::default());
    assert_eq!(
        result.message,
        "Found more than one action with identifier 'fail' in App JSON"
    );
    assert!(result.result_data.is_empty());
}

#[test]
fn a_missing_required_config_field_fails_before_initialize() {
    let out = run_input(
        json!({"identifier": "lookup_ip", "config": {"server": "   "}, "parameters": [{"ip": "1.2.3.4"}]}),
    );
    assert_eq!(
        out.result["message"],
        "Required configuration field 'server' is missing"
    );
    assert!(out.log.entries().is_empty(), "{:?}", out.log.entries());
}

#[test]
fn a_failing_initialize_handles_no_dict() {
    let out = run_input(
        json!({"identifier": "lookup_ip", "config": {"server": "s", "fail_init": true},
        "parameters": [{"ip": "1.2.3.4"}, {"ip": "5.6.7.8"}]}),
    );
    assert_eq!(out.result["status"], "failed");
    assert_eq!(
        out.result["message"],
        "Initialize failed: the asset says so"
    );
    assert_eq!(out.result["result_data"], json!([]));
    assert_eq!(out.result["result_summary"]["total_objects"], 0);
    assert_eq!(
        out.result["result_summary"]["finalized"], true,
        "finalize still runs"
    );
}

#[test]
fn missing_or_empty_parameters_run_once_with_an_empty_dict() {
    for input in [
        json!({"identifier": "test_asset_connectivity", "config": {"server": "s"}}),
        action("test_asset_connectivity", json!([])),
        action("test_asset_connectivity", json!([{}])),
    ] {
        let out = run_input(input);
        assert_eq!(statuses(&out.result), ["success"]);
        assert_eq!(messages(&out.result), ["Test Connectivity Passed"]);
        assert_eq!(out.result["result_data"][0]["parameter"], json!({}));
        assert_eq!(out.result["result_data"][0]["context"], json!({}));
    }
}

#[test]
fn parameters_that_are_not_a_list_fail_the_run_before_the_connector_is_built() {
    for (parameters, what) in [
        (json!({"ip": "1.2.3.4"}), "an object"),
        (json!("ip=1.2.3.4"), "a string"),
        (json!(7), "a number"),
    ] {
        let out = run_input(action("lookup_ip", parameters));
        assert_eq!(out.result["status"], "failed");
        assert_eq!(
            out.result["message"],
            format!(
                "Invalid 'parameters' in the action JSON: it must be a list of objects, \
                 one per parameter dict, not {what}"
            )
        );
        assert_eq!(out.result["result_data"], json!([]));
        assert_eq!(
            out.result["result_summary"],
            json!({"total_objects": 0, "total_objects_successful": 0})
        );
        assert!(out.log.entries().is_empty(), "{:?}", out.log.entries());
    }
    // null is no parameters at all: the action runs once with an empty dict.
    let out = run_input(action("test_asset_connectivity", Value::Null));
    assert_eq!(statuses(&out.result), ["success"]);
}

#[test]
fn each_dict_is_cleaned_checked_validated_and_parsed_in_order() {
    let out = run_input(action(
        "lookup_ip",
        json!([
            {"ip": "   "},
            {"note": "T-1"},
            {"ip": "1.2.3.999"},
            {"ip": "1.2.3.4", "count": "ten"},
            {"ip": "::1"},
            {"ip": "10.0.0.1", "note": "anything goes for an unvalidated type", "count": 3},
            "not a dict"
        ]),
    ));
    assert_eq!(
        messages(&out.result),
        [
            "Required parameter 'ip' is missing",
            "Required parameter 'ip' is missing",
            "Parameter 'ip' failed validation",
            messages(&out.result)[3],
            "Looked up: ::1",
            "Looked up: 10.0.0.1",
            "Parameter dict 6 is not a JSON object",
        ]
    );
    assert!(
        messages(&out.result)[3].starts_with("Parameter 'count' failed validation: "),
        "{}",
        messages(&out.result)[3]
    );
    assert_eq!(
        statuses(&out.result),
        [
            "failed", "failed", "failed", "failed", "success", "success", "failed"
        ]
    );
    assert_eq!(out.result["result_data"][0]["parameter"], json!({}));
    assert_eq!(out.result["result_summary"]["total_objects"], 7);
    assert_eq!(out.result["result_summary"]["total_objects_successful"], 2);
    assert_eq!(out.result["message"], "2 actions succeeded");
    assert_eq!(out.result["status"], "success");
}

#[test]
fn allow_list_values_are_split_and_each_item_validated() {
    let out = run_input(action(
        "block_ips",
        json!([{"ips": " 1.2.3.4, ,5.6.7.8 ,"}, {"ips": "1.2.3.4, 5.6.7"}, {"ips": " , "}]),
    ));
    assert_eq!(
        messages(&out.result),
        [
            "Blocked 2 addresses",
            "Parameter 'ips' failed validation",
            "Required parameter 'ips' is missing"
        ]
    );
    assert_eq!(
        out.result["result_data"][0]["data"],
        json!([{"blocked": "1.2.3.4"}, {"blocked": "5.6.7.8"}])
    );
    assert_eq!(
        out.result["result_data"][0]["parameter"],
        json!({"ips": "1.2.3.4, ,5.6.7.8 ,"}),
        "the parameter is the cleaned dict, not the split list"
    );
}

#[test]
fn an_error_fails_its_own_dict_and_the_loop_goes_on() {
    let out = run_input(action("fail", json!([{}, {}])));
    assert_eq!(
        messages(&out.result),
        [
            "Lookup failed: server said no",
            "Lookup failed: server said no"
        ]
    );
    assert_eq!(out.result["status"], "failed");
    assert_eq!(out.result["message"], "0 actions succeeded");
    assert_eq!(out.result["exception_occured"], false);
}

#[test]
fn a_panic_is_the_exception_path_and_loses_nothing() {
    let out = run_input(action("explode", json!([{}, {"boom": "kaput"}, {}])));
    let result = &out.result;
    assert_eq!(
        statuses(result),
        ["success", "failed"],
        "the dict after the panic is not handled"
    );
    assert_eq!(messages(result)[1], "Exception Occurred: boom: kaput");
    assert_eq!(
        result["result_data"][1]["data"],
        json!([{"before": "the panic"}]),
        "data added before the panic is kept"
    );
    assert_eq!(result["exception_occured"], true);
    assert_eq!(result["status"], "failed");
    assert!(
        result["message"]
            .as_str()
            .unwrap()
            .starts_with("Exception Occurred")
    );
    assert_eq!(result["result_summary"]["exception_seen"], "boom: kaput");
    assert_eq!(
        result["result_summary"]["finalized"], true,
        "finalize still runs"
    );
    assert!(
        out.log
            .entries()
            .contains(&Recorded::Error("exception".into(), "boom: kaput".into()))
    );
}

#[test]
fn a_cancelled_run_stops_before_the_next_dict() {
    let cancel = CancelToken::new();
    cancel.cancel();
    let out = run_input_with(action("lookup_ip", json!([{"ip": "1.2.3.4"}])), cancel);
    assert_eq!(out.result["action_cancelled"], true);
    assert_eq!(out.result["result_data"], json!([]));
    assert_eq!(out.result["result_summary"]["cancel_seen"], true);
    assert_eq!(out.result["result_summary"]["finalized"], true);
    assert_eq!(
        out.result["message"],
        "Action cancelled. 0 actions succeeded"
    );
    assert_eq!(out.result["status"], "failed");
}

#[test]
fn a_handler_sees_cancellation_while_it_runs() {
    let cancel = CancelToken::new();
    let trigger = cancel.clone();
    let canceller = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(100));
        trigger.cancel();
    });
    let out = run_input_with(
        action("slow", json!([{"seconds": 30}, {"seconds": 30}])),
        cancel,
    );
    canceller.join().unwrap();
    assert_eq!(messages(&out.result), ["Stopped: cancelled"]);
    assert_eq!(out.result["action_cancelled"], true);
}

#[test]
fn the_streamed_result_equals_the_collected_one_byte_for_byte() {
    let app = AppJson::from_json_str(APP_JSON).unwrap();
    let inputs = [
        action(
            "lookup_ip",
            json!([{"ip": "1.2.3.4", "context": {"guid": "g"}}, {"ip": "x"}, 5]),
        ),
        action("block_ips", json!([{"ips": "1.2.3.4,5.6.7.8"}])),
        action("explode", json!([{}, {"boom": "kaput"}, {}])),
        action("test_asset_connectivity", json!([])),
        action("fail", json!([{}])),
        action("nope", json!([{}])),
        json!({"config": {}}),
        json!({"identifier": "lookup_ip"}),
        json!({"identifier": "lookup_ip", "config": {"server": "s", "fail_init": true}}),
    ];
    for input in inputs {
        let parse = || ActionJson::from_json_str(&input.to_string()).unwrap();
        let collected =
            run_with_app::<Fixture>(&app, parse(), RunOptions::default()).to_json_pretty();
        let mut streamed = Vec::new();
        let status =
            run_to_writer::<Fixture, _>(&app, parse(), RunOptions::default(), &mut streamed)
                .unwrap();
        assert_eq!(String::from_utf8(streamed).unwrap(), collected, "{input}");
        let parsed: Value = serde_json::from_str(&collected).unwrap();
        assert_eq!(parsed["status"] == "success", status.is_success());
    }
}

#[test]
fn connector_level_status_message_and_summary() {
    let out = run_input(action("connector_status", json!([{}])));
    assert_eq!(out.result["status"], "success");
    assert_eq!(
        out.result["message"],
        "1 action succeeded. All good (appended)"
    );
    assert_eq!(
        out.result["result_summary"],
        json!({"total_objects": 1, "total_objects_successful": 1, "checked": 1, "more": "yes", "finalized": true})
    );
    let out = run_input(action("connector_status", json!([{"fail": true}])));
    assert_eq!(
        out.result["status"], "failed",
        "a failed connector-level status fails the run"
    );
    assert_eq!(
        out.result["message"],
        "1 action succeeded. Connector-level failure (appended)"
    );
}

#[test]
fn a_failing_finalize_fails_the_run_and_keeps_the_results() {
    let out = run_input(
        json!({"identifier": "lookup_ip", "config": {"server": "s", "fail_finalize": true},
        "parameters": [{"ip": "1.2.3.4"}]}),
    );
    assert_eq!(out.result["status"], "failed");
    assert_eq!(
        out.result["message"],
        "1 action succeeded. Finalize failed: state file is read-only"
    );
    assert_eq!(statuses(&out.result), ["success"]);
}

#[test]
fn set_validator_none_removes_a_stock_validator_for_the_run() {
    let strict = run_input(action("block_ips", json!([{"ips": "not-an-ip"}])));
    assert_eq!(
        messages(&strict.result),
        ["Parameter 'ips' failed validation"]
    );
    let loose = run_input(
        json!({"identifier": "block_ips", "config": {"server": "s", "loose_ip": true},
        "parameters": [{"ips": "not-an-ip"}]}),
    );
    assert_eq!(messages(&loose.result), ["Blocked 1 addresses"]);
}

#[test]
fn numbers_and_booleans_arrive_as_strings_or_not() {
    let out = run_input(action(
        "lookup_ip",
        json!([{"ip": "1.2.3.4", "count": 7}, {"ip": "1.2.3.4", "count": " 8 "}]),
    ));
    assert_eq!(out.result["result_data"][0]["data"][0]["count"], 7);
    assert_eq!(out.result["result_data"][1]["data"][0]["count"], 8);
    let out = run_input(
        json!({"identifier": "lookup_ip", "asset_id": 10, "container_id": "42",
        "config": {"server": "s"}, "parameters": [{"ip": "1.2.3.4"}]}),
    );
    assert_eq!(out.result["status"], "success");
}

#[test]
fn a_decryptor_sees_password_fields_with_the_asset_id_as_salt() {
    let decrypt = |request: &soar_runtime::config::DecryptRequest<'_>| -> Result<String, String> {
        assert_eq!(request.field, "token");
        assert_eq!(request.salt, "10");
        assert_eq!(
            request.key.map(|key| key.expose().to_owned()),
            Some("k".to_owned())
        );
        Err("wrong key".to_owned())
    };
    let options = RunOptions {
        decrypt: Some(Box::new(decrypt)),
        ..RunOptions::default()
    };
    let input = json!({"identifier": "lookup_ip", "asset_id": "10", "dec_key": "k",
        "config": {"server": "s", "token": "ciphertext"}, "parameters": [{"ip": "1.2.3.4"}]});
    let result = run::<Fixture>(
        ActionJson::from_json_str(&input.to_string()).unwrap(),
        options,
    );
    assert_eq!(
        result.message,
        "Unable to decrypt configuration field 'token': wrong key"
    );
    assert!(result.result_data.is_empty());
}

#[test]
fn huge_and_odd_values_never_panic() {
    let huge = "9".repeat(5_000_000);
    let out = run_input(action(
        "lookup_ip",
        json!([
            {"ip": huge.clone()},
            {"ip": "1.2.3.4", "count": huge},
            {"ip": ["1.2.3.4"]},
            {"ip": {"nested": true}},
            {"ip": "1.2.3.4", "count": 1e300},
            {"ip": "\u{0}\u{202e}"}
        ]),
    ));
    assert_eq!(
        statuses(&out.result),
        ["failed", "failed", "failed", "failed", "failed", "failed"]
    );
    assert!(messages(&out.result)[1].starts_with("Parameter 'count' failed validation: "));
}

#[test]
fn a_session_driven_step_by_step_gives_what_run_gives() {
    use soar_runtime::result::RunResult;
    use soar_runtime::run::Session;
    let app = AppJson::from_json_str(APP_JSON).unwrap();
    let input = action("lookup_ip", json!([{"ip": "1.2.3.4"}, {"ip": "nope"}]));
    let expected = run_with_app::<Fixture>(
        &app,
        ActionJson::from_json_str(&input.to_string()).unwrap(),
        RunOptions::default(),
    );
    let mut parsed = ActionJson::from_json_str(&input.to_string()).unwrap();
    let mut session = Session::<Fixture>::start(&app, &mut parsed, RunOptions::default()).unwrap();
    assert!(session.can_continue());
    assert_eq!(session.start_failure(), None);
    let results = vec![
        session.handle(json!({"ip": "1.2.3.4"})),
        session.handle(json!({"ip": "nope"})),
    ];
    let stepped = RunResult::from_parts(Some("lookup_ip".into()), results, session.finish());
    assert_eq!(stepped.to_json_pretty(), expected.to_json_pretty());

    let mut failing = ActionJson::from_json_str(
        &json!({"identifier": "lookup_ip", "config": {"server": "s", "fail_init": true}})
            .to_string(),
    )
    .unwrap();
    let mut session = Session::<Fixture>::start(&app, &mut failing, RunOptions::default()).unwrap();
    assert!(!session.can_continue());
    assert_eq!(
        session.start_failure().as_deref(),
        Some("Initialize failed: the asset says so")
    );
    let refused = session.handle(json!({"ip": "1.2.3.4"}));
    assert_eq!(refused.message(), "Initialize failed: the asset says so");
    assert!(!session.finish().status.is_success());
}
