//! `Session` stepped the way the platform bridge steps it: dicts one by one, then
//! `finish_connector`, which returns what the connector reported instead of the run's tail.

use serde_json::{Value, json};
use soar_runtime::action_json::ActionJson;
use soar_runtime::connector::Connector;
use soar_runtime::result::Status;
use soar_runtime::run::{RunOptions, Session};
use soar_tests::fixture::Fixture;

fn start<'a>(app: &'a soar_runtime::app_json::AppJson, identifier: &str) -> Session<'a, Fixture> {
    let mut input = ActionJson::from_json_str(&format!(
        r#"{{"identifier": "{identifier}", "config": {{"server": "s"}}}}"#
    ))
    .unwrap();
    match Session::<Fixture>::start(app, &mut input, RunOptions::default()) {
        Ok(session) => session,
        Err(tail) => panic!("the session did not start: {}", tail.message),
    }
}

#[test]
fn finish_connector_returns_the_connector_level_status_message_and_summary() {
    let app = Fixture::app_json();
    let mut session = start(&app, "connector_status");
    let result = session.handle(json!({"fail": true}));
    assert_eq!(result.final_status(), Status::Success);
    let outcome = session.finish_connector();
    assert_eq!(outcome.status, Some(Status::Failed));
    assert_eq!(
        outcome.message.as_deref(),
        Some("Connector-level failure (appended)")
    );
    assert_eq!(
        Value::Object(outcome.summary),
        json!({"checked": 1, "more": "yes", "finalized": true})
    );
}

#[test]
fn a_handler_panic_is_the_sessions_exception_and_handle_exception_runs_at_the_end() {
    let app = Fixture::app_json();
    let mut session = start(&app, "explode");
    assert_eq!(session.exception(), None);
    let result = session.handle(json!({"boom": "bang"}));
    assert_eq!(result.message(), "Exception Occurred: boom: bang");
    assert_eq!(session.exception(), Some("boom: bang"));
    assert!(!session.can_continue());
    let outcome = session.finish_connector();
    assert_eq!((outcome.status, outcome.message), (None, None));
    assert_eq!(
        Value::Object(outcome.summary),
        json!({"exception_seen": "boom: bang", "finalized": true})
    );
}
