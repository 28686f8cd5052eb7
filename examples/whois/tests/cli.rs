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
