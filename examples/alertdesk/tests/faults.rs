//! What the service's faults do to the actions: rate limiting (`429` with `Retry-After`),
//! server errors, expired tokens; and that no token or secret shows anywhere.

mod common;

use std::time::{Duration, Instant};

use alertdesk_fake::CLIENT_SECRET;
use common::{Desk, assert_success, state};
use soar_runtime::testing::Outcome;

/// A first run that leaves a cached token in the state.
fn connected(desk: &Desk) -> Outcome {
    let outcome = desk.action("test_asset_connectivity").run();
    assert_success(&outcome);
    outcome
}

#[test]
fn a_rate_limited_request_is_sent_again_after_the_servers_wait() {
    let desk = Desk::start();
    let first = connected(&desk);
    let seen = desk.fake.requests().len();
    desk.fake.rate_limit_next(1);
    let started = Instant::now();
    let outcome = desk
        .after(&first, "lookup_indicator")
        .param("indicator", "203.0.113.7")
        .run();
    assert_success(&outcome);
    assert!(started.elapsed() >= Duration::from_secs(1), "no wait");
    assert_eq!(
        desk.requests_from(seen),
        [
            "GET /api/v1/indicators/203.0.113.7 429",
            "GET /api/v1/indicators/203.0.113.7 200"
        ]
    );
}

#[test]
fn a_transient_server_error_is_retried() {
    let desk = Desk::start();
    let first = connected(&desk);
    let seen = desk.fake.requests().len();
    desk.fake.fail_next(1);
    let outcome = desk
        .after(&first, "lookup_indicator")
        .param("indicator", "example.com")
        .run();
    assert_success(&outcome);
    assert_eq!(outcome.messages(), ["Verdict: benign, Score: 0"]);
    assert_eq!(
        desk.requests_from(seen),
        [
            "GET /api/v1/indicators/example.com 500",
            "GET /api/v1/indicators/example.com 200"
        ]
    );
}

#[test]
fn a_persistent_server_error_fails_the_action_with_a_clear_message() {
    let desk = Desk::start();
    let first = connected(&desk);
    desk.fake.fail_next(100);
    let outcome = desk
        .after(&first, "lookup_indicator")
        .param("indicator", "203.0.113.7")
        .run();
    assert!(!outcome.is_success());
    assert_eq!(outcome.message(), "0 actions succeeded");
    let message = &outcome.messages()[0];
    assert!(
        message.starts_with(&format!(
            "GET {}/api/v1/indicators/203.0.113.7: HTTP 500 Internal Server Error",
            desk.fake.base_url()
        )) && message.contains("2 attempts")
            && message.contains("internal_error"),
        "{message}"
    );
    // max_retries is 1: two attempts, no more.
    assert_eq!(desk.fake.requests().len(), 2 + 2);
}

/// Every secret of a run: the tokens the fake issued and the client secret.
fn assert_no_secret_shows(desk: &Desk, outcomes: &[&Outcome]) {
    let tokens = desk.fake.issued_tokens();
    assert!(!tokens.is_empty());
    for outcome in outcomes {
        let everything = format!("{outcome:?}");
        let stored = serde_json::to_string(&state(outcome)).unwrap();
        for secret in tokens.iter().map(String::as_str).chain([CLIENT_SECRET]) {
            assert!(!everything.contains(secret), "{secret} in {everything}");
            assert!(!stored.contains(secret), "{secret} in the state {stored}");
        }
    }
}

#[test]
fn an_expired_token_is_renewed_once_and_never_shown() {
    let desk = Desk::start();
    let first = connected(&desk);
    let seen = desk.fake.requests().len();
    desk.fake.expire_tokens();
    let outcome = desk
        .after(&first, "block_ip")
        .param("ip", "198.51.100.23")
        .run();
    assert_success(&outcome);
    assert_eq!(
        desk.requests_from(seen),
        [
            "POST /api/v1/blocklist 401",
            "POST /oauth/token 200",
            "POST /api/v1/blocklist 201"
        ]
    );
    assert!(
        outcome
            .progress()
            .contains(&"AlertDesk refused the access token; requesting a new one")
    );
    assert_eq!(desk.fake.issued_tokens().len(), 2);
    // The renewed token is the one cached now.
    let seen = desk.fake.requests().len();
    let later = desk
        .after(&outcome, "unblock_ip")
        .param("ip", "198.51.100.23")
        .run();
    assert_success(&later);
    assert_eq!(
        desk.requests_from(seen),
        ["DELETE /api/v1/blocklist/198.51.100.23 204"]
    );
    assert_no_secret_shows(&desk, &[&first, &outcome, &later]);
}

#[test]
fn a_token_near_its_expiry_is_renewed_before_it_is_used() {
    let desk = Desk::start();
    desk.fake.set_token_lifetime(30);
    let first = connected(&desk);
    let seen = desk.fake.requests().len();
    let outcome = desk.after(&first, "test_asset_connectivity").run();
    assert_success(&outcome);
    assert_eq!(
        desk.requests_from(seen),
        ["POST /oauth/token 200", "GET /api/v1/me 200"]
    );
}

#[test]
fn a_token_of_another_service_is_not_sent() {
    let desk = Desk::start();
    let first = connected(&desk);
    let other = Desk {
        fake: alertdesk_fake::FakeService::start().unwrap(),
        platform: desk.platform.clone(),
    };
    let outcome = other.after(&first, "test_asset_connectivity").run();
    assert_success(&outcome);
    assert_eq!(
        other.requests_from(0),
        ["POST /oauth/token 200", "GET /api/v1/me 200"]
    );
}

#[test]
fn a_token_the_service_keeps_refusing_fails_after_one_renewal() {
    let desk = Desk::start();
    desk.fake.set_token_lifetime(0);
    let outcome = desk.action("test_asset_connectivity").run();
    assert!(!outcome.is_success());
    let message = &outcome.messages()[0];
    assert!(
        message.contains("HTTP 401 Unauthorized") && message.contains("token_expired"),
        "{message}"
    );
    assert_eq!(
        desk.requests_from(0),
        [
            "POST /oauth/token 200",
            "GET /api/v1/me 401",
            "POST /oauth/token 200",
            "GET /api/v1/me 401"
        ]
    );
}
