//! Test connectivity and the actions, against the fake AlertDesk on 127.0.0.1.

mod common;

use alertdesk::AlertDesk;
use alertdesk::connector::{BlocklistOutput, IndicatorOutput, TicketOutput};
use common::{Desk, assert_success};
use serde_json::json;
use soar_runtime::testing::ActionTest;

#[test]
fn test_connectivity_authenticates_and_caches_the_token_encrypted() {
    let desk = Desk::start();
    let outcome = desk.action("test_asset_connectivity").run();
    assert_success(&outcome);
    assert_eq!(
        outcome.progress(),
        [
            format!("Connecting to {}", desk.fake.base_url()).as_str(),
            "Requesting an access token",
            "Authenticated as AlertDesk SOAR integration",
            "Test Connectivity Passed"
        ]
    );
    let token = &outcome.state()["token"];
    assert!(
        token["access_token"]
            .as_str()
            .unwrap()
            .starts_with("soar-local:v1:"),
        "{token}"
    );
    assert_eq!(token["client_id"], alertdesk_fake::CLIENT_ID);
    // The next run uses the cached token: no second token request.
    let again = desk.after(&outcome, "test_asset_connectivity").run();
    assert_success(&again);
    assert_eq!(desk.fake.issued_tokens().len(), 1);
    assert_eq!(
        desk.requests_from(0),
        [
            "POST /oauth/token 200",
            "GET /api/v1/me 200",
            "GET /api/v1/me 200"
        ]
    );
}

#[test]
fn wrong_credentials_fail_test_connectivity_with_the_services_reason() {
    let desk = Desk::start();
    let outcome = desk
        .action("test_asset_connectivity")
        .config("client_secret", "not-the-secret")
        .run();
    assert!(!outcome.is_success());
    let message = &outcome.messages()[0];
    assert!(
        message.starts_with(&format!(
            "Unable to get an access token from AlertDesk: POST {}/oauth/token: HTTP 401 Unauthorized",
            desk.fake.base_url()
        )) && message.contains("invalid_client"),
        "{message}"
    );
    assert!(!message.contains("not-the-secret"), "{message}");
    assert_eq!(outcome.progress().last(), Some(&"Test Connectivity Failed"));
}

#[test]
fn lookup_indicator_reports_the_verdict_or_unknown() {
    let desk = Desk::start();
    let outcome = desk
        .action("lookup_indicator")
        .param("indicator", "203.0.113.7")
        .dict(json!({"indicator": "198.51.100.1"}))
        .dict(json!({"indicator": "44D88612FEA8A8F36DE82E1278ABB02F"}))
        .dict(json!({"indicator": "Bad.Example.net"}))
        .dict(json!({"indicator": "not an indicator!"}))
        .run();
    assert_eq!(
        outcome.messages(),
        [
            "Verdict: malicious, Score: 95",
            "Verdict: unknown",
            "Verdict: malicious, Score: 100",
            "Verdict: malicious, Score: 88",
            "Parameter 'indicator' failed validation: not an IP address, a domain or an MD5, \
             SHA-1, SHA-256 or SHA-512 hash"
        ]
    );
    let data: Vec<IndicatorOutput> = outcome.data().unwrap();
    assert_eq!(data[0].indicator, "203.0.113.7");
    assert_eq!(data[0].kind, "ip");
    assert!(data[0].found);
    assert_eq!(data[0].tags, ["c2", "botnet"]);
    assert!(data[0].last_seen.is_some());
    assert!(!data[1].found);
    assert_eq!((data[1].verdict.as_str(), data[1].score), ("unknown", None));
    assert_eq!(
        (data[2].indicator.as_str(), data[2].kind.as_str()),
        ("44d88612fea8a8f36de82e1278abb02f", "md5")
    );
    assert_eq!(data[3].indicator, "bad.example.net");
    assert_eq!(
        outcome.results()[0].summary()["verdict"],
        json!("malicious")
    );
}

#[test]
fn block_and_unblock_ip_say_what_changed() {
    let desk = Desk::start();
    let block = |desk: &Desk| {
        desk.action("block_ip")
            .param("ip", "203.0.113.9")
            .param("comment", "C2 seen in AD-000001")
            .run()
    };
    let first = block(&desk);
    assert_success(&first);
    assert_eq!(first.messages(), ["203.0.113.9 is blocked"]);
    let data: Vec<BlocklistOutput> = first.data().unwrap();
    assert!(data[0].blocked && data[0].changed);
    assert_eq!(data[0].comment.as_deref(), Some("C2 seen in AD-000001"));
    assert!(data[0].blocked_at.is_some());
    let blocklist = desk.fake.blocklist();
    assert_eq!(blocklist.len(), 1);
    assert_eq!(blocklist[0].ip, "203.0.113.9");

    let again = block(&desk);
    assert_success(&again);
    assert_eq!(again.messages(), ["203.0.113.9 was blocked already"]);
    let data: Vec<BlocklistOutput> = again.data().unwrap();
    assert!(data[0].blocked && !data[0].changed);

    let unblock = |desk: &Desk| desk.action("unblock_ip").param("ip", "203.0.113.9").run();
    let removed = unblock(&desk);
    assert_success(&removed);
    assert_eq!(removed.messages(), ["203.0.113.9 is unblocked"]);
    assert!(desk.fake.blocklist().is_empty());
    let absent = unblock(&desk);
    assert_success(&absent);
    assert_eq!(absent.messages(), ["203.0.113.9 was not blocked"]);
    let data: Vec<BlocklistOutput> = absent.data().unwrap();
    assert!(!data[0].blocked && !data[0].changed);
}

#[test]
fn create_ticket_returns_the_new_ticket() {
    let desk = Desk::start();
    let outcome = desk
        .action("create_ticket")
        .param("title", "Investigate AD-000001")
        .param("description", "C2 traffic from a workstation")
        .param("priority", "high")
        .param("alert_id", "AD-000001")
        .run();
    assert_success(&outcome);
    assert_eq!(outcome.messages(), ["Ticket TCK-0001 created"]);
    assert_eq!(outcome.results()[0].summary()["ticket_id"], "TCK-0001");
    let data: Vec<TicketOutput> = outcome.data().unwrap();
    assert_eq!(data[0].id, "TCK-0001");
    assert_eq!(data[0].priority, "high");
    assert_eq!(data[0].status, "open");
    assert_eq!(data[0].alert_id.as_deref(), Some("AD-000001"));
    assert_eq!(
        data[0].url,
        format!("{}/tickets/TCK-0001", desk.fake.base_url())
    );
    let tickets = desk.fake.tickets();
    assert_eq!(
        tickets[0].description.as_deref(),
        Some("C2 traffic from a workstation")
    );
    // Without the optional parameters the service's defaults apply.
    let minimal = desk
        .after(&outcome, "create_ticket")
        .param("title", "Follow up")
        .run();
    assert_success(&minimal);
    assert_eq!(desk.fake.tickets()[1].priority, "medium");
    assert_eq!(desk.fake.tickets()[1].alert_id, None);
}

#[test]
fn an_invalid_configuration_fails_before_any_request() {
    let desk = Desk::start();
    let outcome = desk
        .action("test_asset_connectivity")
        .config("base_url", "ftp://alertdesk.example.com")
        .run();
    assert_eq!(
        outcome.message(),
        "Configuration field 'base_url' is invalid: it must be an http:// or https:// URL"
    );
    let outcome = desk
        .action("test_asset_connectivity")
        .config("timeout", 0)
        .run();
    assert_eq!(
        outcome.message(),
        "Configuration field 'timeout' is invalid: it must be at least 1 second"
    );
    let missing = ActionTest::<AlertDesk>::new("test_asset_connectivity").run();
    assert_eq!(
        missing.message(),
        "Required configuration field 'base_url' is missing"
    );
    assert!(desk.fake.requests().is_empty());
}
