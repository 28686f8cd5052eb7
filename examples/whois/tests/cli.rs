//! The `whois` binary: `app-json` is byte-stable and takes its time from SOURCE_DATE_EPOCH;
//! `action` runs one action from the command line and prints a table (or JSON).

mod common;

use std::process::{Command, Output};

use serde_json::Value;

const BINARY: &str = env!("CARGO_BIN_EXE_whois");

/// Runs the binary with a local store of its own (never the user's).
fn whois(args: &[&str]) -> Output {
    let store = tempfile::tempdir().unwrap();
    Command::new(BINARY)
        .args(args)
        .env("SOURCE_DATE_EPOCH", "1767225600")
        .env("SOAR_STORE", store.path())
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[test]
fn app_json_is_byte_stable_and_dated_by_source_date_epoch() {
    let first = whois(&["app-json"]);
    let second = whois(&["app-json"]);
    assert!(first.status.success());
    assert_eq!(first.stdout, second.stdout);
    let app: Value = serde_json::from_slice(&first.stdout).unwrap();
    assert_eq!(app["utctime_updated"], "2026-01-01T00:00:00.000000Z");
    let snapshot = include_str!("snapshots/connector__the_app_json_snapshot.snap");
    let body = snapshot.splitn(3, "---\n").nth(2).unwrap();
    assert_eq!(
        stdout(&first),
        body,
        "the binary prints the snapshotted app JSON"
    );
}

#[test]
fn the_action_command_prints_a_table_of_the_columns() {
    let arin = common::serve_text(
        "NetRange: 8.8.8.0 - 8.8.8.255\nNetName: GOGL\nOrgName: Google LLC\nCountry: US\n",
    );
    let server = arin.addr.to_string();
    let output = whois(&[
        "action",
        "whois ip",
        "--param",
        "ip=8.8.8.8",
        "--config",
        &format!("whois_server={server}"),
    ]);
    let text = stdout(&output);
    assert!(output.status.success(), "{text}");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0].split_whitespace().collect::<Vec<_>>(),
        ["IP", "Registry", "Range", "Network", "Owner", "Country"]
    );
    assert!(lines[2].starts_with("8.8.8.8"), "{text}");
    assert!(
        lines[2].contains("Google LLC") && lines[2].contains("GOGL"),
        "{text}"
    );
    assert_eq!(
        lines[lines.len() - 2],
        "success: Owner: Google LLC, Country: US"
    );
    assert_eq!(lines[lines.len() - 1], "1 action succeeded");
}

#[test]
fn the_action_command_prints_json_and_reports_bad_input() {
    let arin = common::serve_text("NetRange: 8.8.8.0 - 8.8.8.255\nOrgName: Google LLC\n");
    let config = format!("whois_server={}", arin.addr);
    let output = whois(&[
        "action",
        "whois_ip",
        "-p",
        "ip=8.8.8.8",
        "-c",
        &config,
        "--json",
    ]);
    let result: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(result["status"], "success");
    assert_eq!(result["result_data"][0]["data"][0]["owner"], "Google LLC");
    let failed = whois(&["action", "whois_ip", "-p", "ip=nope", "-c", &config]);
    assert_eq!(failed.status.code(), Some(1));
    assert!(stdout(&failed).contains("Parameter 'ip' failed validation"));
    let unknown = whois(&["action", "whois everything"]);
    assert_eq!(unknown.status.code(), Some(2));
    let stderr = String::from_utf8(unknown.stderr).unwrap();
    assert!(stderr.contains("unknown action `whois everything`; the actions are: test_asset_connectivity (test connectivity), whois_domain (whois domain), whois_ip (whois ip)"), "{stderr}");
    let bad_pair = whois(&["action", "whois_ip", "-p", "ip"]);
    assert_eq!(bad_pair.status.code(), Some(2));
}

#[test]
fn action_view_writes_the_preview_and_view_renders_it_again_from_the_result() {
    let reply = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/corpus/whois/domain/whois.nic.us__us__status_registered.txt"
    ))
    .unwrap();
    let registry = common::serve_text(reply);
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    let config = format!("whois_server={}", registry.addr);
    let run = whois(&[
        "action",
        "whois domain",
        "-p",
        "domain=google.us",
        "-c",
        &config,
        "--json",
        "--view",
        page.to_str().unwrap(),
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let written = std::fs::read_to_string(&page).unwrap();
    assert!(written.starts_with("<!DOCTYPE html>"), "{written}");
    assert!(written.contains("<title>Registration (preview)</title>"));
    assert!(written.contains("<dd>MARKMONITOR, INC.</dd>"), "{written}");
    assert!(written.contains("<li>ns1.google.com</li>"), "{written}");

    let result = dir.path().join("result.json");
    std::fs::write(&result, &run.stdout).unwrap();
    let again = whois(&["view", "whois_domain", "--result", result.to_str().unwrap()]);
    assert!(again.status.success());
    assert_eq!(stdout(&again).trim_end(), written);
    let listed = dir.path().join("results.json");
    std::fs::write(&listed, format!("[{}]", stdout(&run))).unwrap();
    let out = dir.path().join("again.html");
    let from_list = whois(&[
        "view",
        "whois domain",
        "--result",
        listed.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(from_list.status.success());
    assert_eq!(std::fs::read_to_string(&out).unwrap(), written);
}

#[test]
fn view_names_what_it_cannot_show() {
    let dir = tempfile::tempdir().unwrap();
    let result = dir.path().join("result.json");
    std::fs::write(&result, "{\"result_data\": []}").unwrap();
    let path = result.to_str().unwrap();
    let no_view = whois(&["view", "whois_ip", "--result", path]);
    assert_eq!(no_view.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&no_view.stderr);
    assert!(
        stderr.contains("action `whois_ip` has no view (its `render` is `table`)"),
        "{stderr}"
    );
    std::fs::write(&result, "42").unwrap();
    let not_runs = whois(&["view", "whois_domain", "--result", path]);
    assert_eq!(not_runs.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&not_runs.stderr)
            .contains("holds neither a connector run result nor a list of them")
    );
    let missing = whois(&[
        "view",
        "whois_domain",
        "--result",
        "/nonexistent/result.json",
    ]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&missing.stderr).contains("cannot read /nonexistent/result.json")
    );
}
