//! A fake AlertDesk on 127.0.0.1 and the connector's runs against it.

#![allow(dead_code, reason = "each test file uses a part of the helpers")]

use alertdesk::AlertDesk;
use alertdesk_fake::{CLIENT_ID, CLIENT_SECRET, FakeService, RecordedRequest};
use serde_json::{Value, json};
use soar_runtime::platform::MemoryPlatform;
use soar_runtime::testing::{ActionTest, Outcome};

/// A fake service and the platform the runs share (so that one run reads the secrets of
/// the state another wrote).
pub struct Desk {
    pub fake: FakeService,
    pub platform: MemoryPlatform,
}

impl Desk {
    /// Starts a fake AlertDesk.
    pub fn start() -> Self {
        Self {
            fake: FakeService::start().expect("start the fake AlertDesk"),
            platform: MemoryPlatform::new(),
        }
    }

    /// A run of `identifier` on an asset configured for the fake, with short retries.
    pub fn action(&self, identifier: &str) -> ActionTest<AlertDesk> {
        ActionTest::new(identifier)
            .asset_id("7")
            .platform(&self.platform)
            .config("base_url", self.fake.base_url())
            .config("client_id", CLIENT_ID)
            .config("client_secret", CLIENT_SECRET)
            .config("verify_server_cert", true)
            .config("timeout", 10)
            .config("max_retries", 1)
            .config("first_poll_days", 7)
            .config("ingest", json!({"container_label": "alertdesk"}))
    }

    /// A run of `identifier` with the state a previous run left.
    pub fn after(&self, previous: &Outcome, identifier: &str) -> ActionTest<AlertDesk> {
        self.action(identifier).state(state(previous))
    }

    /// The requests the fake received as `METHOD path status`, from the `skip`th on.
    pub fn requests_from(&self, skip: usize) -> Vec<String> {
        self.fake
            .requests()
            .iter()
            .skip(skip)
            .map(
                |RecordedRequest {
                     method,
                     path,
                     status,
                     ..
                 }| format!("{method} {path} {status}"),
            )
            .collect()
    }
}

/// The state a run left, as the next run gets it.
pub fn state(outcome: &Outcome) -> Value {
    Value::Object(outcome.state().clone())
}

/// Asserts the run succeeded, showing its messages otherwise.
pub fn assert_success(outcome: &Outcome) {
    assert!(
        outcome.is_success(),
        "{} / {:?}",
        outcome.message(),
        outcome.messages()
    );
}
