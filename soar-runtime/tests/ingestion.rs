//! Ingestion, checkpoints, the typed state and the vault as a connector uses them, run
//! in-process against the in-memory platform.

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use soar_runtime::platform::MemoryPlatform;
use soar_runtime::prelude::*;
use soar_runtime::testing::{ActionTest, Outcome};

/// A feed of numbered alerts.
#[connector(
    appid = "6f1c7a52-3b8e-4d0a-9e2f-0c1d2e3f4a5b",
    name = "Alert Feed",
    publisher = "Example Corp",
    app_type = "siem",
    product_vendor = "Example",
    product_name = "Feed",
    license = "Apache-2.0"
)]
pub struct Feed {
    /// How many alerts the feed holds
    alerts: i64,
    /// Panic when reaching this alert
    panic_at: Option<i64>,
}

/// The typed state of the feed.
#[derive(Debug, Default, Serialize, Deserialize)]
struct FeedState {
    polls: u32,
    token: Option<Secret>,
}

/// Ingests alerts after the checkpoint, three artifacts each.
#[on_poll]
fn poll(feed: &mut Feed, ctx: &mut Ctx, params: PollParams) -> Result<(), ActionError> {
    let mut state: FeedState = ctx.typed_state()?;
    state.polls += 1;
    state.token = Some(Secret::new("tok-canary-123"));
    ctx.set_typed_state(&state)?;
    let start = ctx.checkpoint::<i64>("alerts")?.map_or(1, |last| last + 1);
    let limit = params.container_limit().map_or(i64::MAX, i64::from);
    for number in (start..=feed.alerts).take(limit as usize) {
        if feed.panic_at == Some(number) {
            panic!("the feed broke at alert {number}");
        }
        let mut container = Container::new(format!("Alert {number}"), format!("alert-{number}"))
            .severity(Severity::High);
        for part in 0..3 {
            container = container.artifact(
                Artifact::new(format!("part {part}"))
                    .source_data_identifier(format!("{number}-{part}"))
                    .cef("requestURL", format!("https://example.com/{number}/{part}")),
            );
        }
        ctx.save_container(container)?;
        ctx.commit_checkpoint("alerts", &number)?;
    }
    Ok(())
}

fn poll_run(platform: &MemoryPlatform, state: &Value, config: Value) -> Outcome {
    let mut test = ActionTest::<Feed>::new("on_poll")
        .asset_id("42")
        .platform(platform)
        .state(state.clone())
        .param("container_count", 4294967295_u32);
    for (key, value) in config.as_object().unwrap() {
        test = test.config(key, value.clone());
    }
    test.run()
}

fn sources(platform: &MemoryPlatform) -> Vec<String> {
    platform
        .containers()
        .into_iter()
        .map(|c| c.source_data_identifier)
        .collect()
}

#[test]
fn a_poll_saves_containers_artifacts_and_counters() {
    let platform = MemoryPlatform::new();
    let config = json!({"alerts": 3, "ingest": {"container_label": "events"}});
    let outcome = poll_run(&platform, &json!({}), config);
    assert!(outcome.is_success(), "{}", outcome.message());
    assert_eq!(sources(&platform), ["alert-1", "alert-2", "alert-3"]);
    let container = &platform.containers()[0];
    assert_eq!(container.label.as_deref(), Some("events"));
    let artifacts = platform.artifacts(1);
    let automation: Vec<_> = artifacts.iter().map(|a| a.run_automation).collect();
    assert_eq!(automation, [Some(false), Some(false), Some(true)]);
    assert!(artifacts.iter().all(|a| a.container_id == Some(1)));
    let summary = &outcome.result.result_summary;
    assert_eq!(summary["containers_successful"], 3);
    assert_eq!(summary["artifacts_successful"], 9);
    assert_eq!(summary["containers_duplicate"], 0);
    assert_eq!(outcome.state()["soar_checkpoints"], json!({"alerts": 3}));
}

#[test]
fn a_poll_that_fails_half_way_resumes_without_loss_or_duplicates() {
    let platform = MemoryPlatform::new();
    // Two containers with their artifact batch go through, then the platform fails.
    platform.fail_after(5);
    let first = poll_run(&platform, &json!({}), json!({"alerts": 5}));
    assert!(!first.is_success());
    assert!(
        first.messages()[0].starts_with("Unable to save"),
        "{:?}",
        first.messages()
    );
    assert_eq!(first.state()["soar_checkpoints"], json!({"alerts": 2}));
    assert_eq!(first.result.result_summary["containers_failed"], 0);
    assert_eq!(first.result.result_summary["artifacts_failed"], 3);

    platform.fail_after(usize::MAX);
    let second = poll_run(
        &platform,
        &Value::Object(first.state().clone()),
        json!({"alerts": 5}),
    );
    assert!(second.is_success(), "{}", second.message());
    // Alert 3's container was saved before its artifacts failed: it resolves as a duplicate.
    assert_eq!(second.result.result_summary["containers_duplicate"], 1);
    assert_eq!(
        sources(&platform),
        ["alert-1", "alert-2", "alert-3", "alert-4", "alert-5"]
    );
    for id in 1..=5 {
        assert_eq!(platform.artifacts(id).len(), 3, "container {id}");
    }
}

#[test]
fn a_poll_that_panics_keeps_the_checkpoint_of_what_was_saved() {
    let platform = MemoryPlatform::new();
    let first = poll_run(&platform, &json!({}), json!({"alerts": 4, "panic_at": 3}));
    assert!(first.result.exception_occured);
    assert_eq!(first.state()["soar_checkpoints"], json!({"alerts": 2}));
    let second = poll_run(
        &platform,
        &Value::Object(first.state().clone()),
        json!({"alerts": 4}),
    );
    assert!(second.is_success());
    assert_eq!(
        sources(&platform),
        ["alert-1", "alert-2", "alert-3", "alert-4"]
    );
}

#[test]
fn poll_now_limits_the_containers() {
    let platform = MemoryPlatform::new();
    let outcome = ActionTest::<Feed>::new("on_poll")
        .platform(&platform)
        .config("alerts", 10)
        .param("container_count", 2)
        .run();
    assert!(outcome.is_success());
    assert_eq!(sources(&platform), ["alert-1", "alert-2"]);
}

#[test]
fn secrets_of_the_typed_state_are_stored_encrypted() {
    let platform = MemoryPlatform::new();
    let first = poll_run(&platform, &json!({}), json!({"alerts": 0}));
    assert!(first.is_success(), "{}", first.message());
    let stored = serde_json::to_string(first.state()).unwrap();
    assert!(!stored.contains("tok-canary-123"), "{stored}");
    assert!(
        first.state()["token"]
            .as_str()
            .unwrap()
            .starts_with("soar-local:v1:")
    );
    assert_eq!(first.state()["polls"], 1);
    // The next run decrypts it (same platform key, same asset).
    let second = poll_run(
        &platform,
        &Value::Object(first.state().clone()),
        json!({"alerts": 0}),
    );
    assert!(second.is_success(), "{}", second.message());
    assert_eq!(second.state()["polls"], 2);
    // Another platform's key cannot read it: a clear error, not a panic.
    let other = poll_run(
        &MemoryPlatform::new(),
        &Value::Object(first.state().clone()),
        json!({"alerts": 0}),
    );
    assert!(!other.is_success());
    assert!(
        other.messages()[0].starts_with("Unable to read the state: cannot decrypt"),
        "{:?}",
        other.messages()
    );
    assert!(!format!("{other:?}").contains("tok-canary-123"));
}

/// What `store_report` reports.
#[derive(Serialize, ActionOutput)]
struct Stored {
    vault_id: String,
    found: u32,
    size: u64,
}

/// Stores a report in the vault.
#[action(identifier = "store_report")]
fn store_report(_feed: &mut Feed, ctx: &mut Ctx, text: String) -> Result<Stored, ActionError> {
    let entry = ctx.vault_add_bytes(7, "report.txt", text.as_bytes())?;
    let found = ctx.vault_info(&entry.vault_id)?;
    Ok(Stored {
        vault_id: entry.vault_id,
        found: found.len() as u32,
        size: found[0].size,
    })
}

#[test]
fn the_vault_names_files_by_their_sha1() {
    let platform = MemoryPlatform::new();
    let outcome = ActionTest::<Feed>::new("store_report")
        .platform(&platform)
        .config("alerts", 0)
        .param("text", "abc")
        .run();
    assert!(outcome.is_success(), "{:?}", outcome.messages());
    let data = outcome.results()[0].data();
    assert_eq!(
        data[0],
        json!({"vault_id": "a9993e364706816aba3e25717850c26c9cd0d89d", "found": 1, "size": 3})
    );
    let entry = &platform.vault()[0];
    assert_eq!((entry.container_id, entry.name.as_str()), (7, "report.txt"));
    assert_eq!(std::fs::read(&entry.path).unwrap(), b"abc");
}
