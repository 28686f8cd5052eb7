//! On poll against the fake AlertDesk: pagination, the checkpoint, "Poll Now" limits, and a
//! platform that fails half way.

mod common;

use alertdesk_fake::{Alert, Observable, sample_alert};
use common::{Desk, assert_success};
use serde_json::json;
use soar_runtime::ingest::Severity;
use soar_runtime::poll::SCHEDULED_COUNT;
use soar_runtime::testing::{ActionTest, Outcome};
use time::OffsetDateTime;

fn scheduled(test: ActionTest<alertdesk::AlertDesk>) -> Outcome {
    test.param("container_count", SCHEDULED_COUNT)
        .param("artifact_count", SCHEDULED_COUNT)
        .run()
}

fn sources(desk: &Desk) -> Vec<String> {
    desk.platform
        .containers()
        .into_iter()
        .map(|container| container.source_data_identifier)
        .collect()
}

fn ids(alerts: &[Alert]) -> Vec<String> {
    alerts.iter().map(|alert| alert.id.clone()).collect()
}

#[test]
fn a_poll_ingests_every_alert_across_pages_as_containers_with_artifacts() {
    let desk = Desk::start();
    desk.fake.add_sample_alerts(250);
    let outcome = scheduled(desk.action("on_poll"));
    assert_success(&outcome);
    assert_eq!(sources(&desk), ids(&desk.fake.alerts()));
    let pages: Vec<_> = desk
        .fake
        .requests()
        .into_iter()
        .filter(|request| request.path == "/api/v1/alerts")
        .map(|request| (request.query.contains("cursor="), request.status))
        .collect();
    assert_eq!(pages, [(false, 200), (true, 200), (true, 200)]);
    let summary = &outcome.result.result_summary;
    assert_eq!(summary["containers_successful"], 250);
    assert_eq!(summary["artifacts_successful"], 250 * 5);
    let last = desk.fake.alerts().pop().unwrap();
    assert_eq!(
        outcome.state()["soar_checkpoints"]["alerts"]["id"],
        json!(last.id)
    );
    assert_eq!(outcome.progress().last(), Some(&"Ingested 250 new alerts"));

    let container = &desk.platform.containers()[0];
    assert_eq!(container.name, "Phishing URL clicked");
    assert_eq!(container.severity, Severity::Medium);
    assert_eq!(container.label.as_deref(), Some("alertdesk"));
    let artifacts = desk.platform.artifacts(1);
    let names: Vec<_> = artifacts.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Alert Details",
            "IP Artifact",
            "Domain Artifact",
            "URL Artifact",
            "File Artifact"
        ]
    );
    assert_eq!(artifacts[1].cef["destinationAddress"], "203.0.113.2");
    assert_eq!(
        artifacts[1].cef_types["destinationAddress"],
        json!(["ip", "ipv6"])
    );
    assert_eq!(
        artifacts[4].cef_types["fileHash"],
        json!(["hash", "sha256"])
    );
    let automation: Vec<_> = artifacts.iter().map(|a| a.run_automation).collect();
    assert_eq!(
        automation,
        [
            Some(false),
            Some(false),
            Some(false),
            Some(false),
            Some(true)
        ]
    );
}

#[test]
fn a_second_poll_saves_nothing_again_and_a_third_only_the_new_alerts() {
    let desk = Desk::start();
    desk.fake.add_sample_alerts(7);
    let first = scheduled(desk.action("on_poll"));
    assert_success(&first);
    assert_eq!(desk.platform.containers().len(), 7);

    let second = scheduled(desk.after(&first, "on_poll"));
    assert_success(&second);
    assert_eq!(desk.platform.containers().len(), 7);
    assert_eq!(
        second.result.result_summary.get("containers_duplicate"),
        None
    );
    assert_eq!(second.progress().last(), Some(&"Ingested 0 new alerts"));

    desk.fake.add_sample_alerts(3);
    let third = scheduled(desk.after(&second, "on_poll"));
    assert_success(&third);
    assert_eq!(third.result.result_summary["containers_successful"], 3);
    assert_eq!(sources(&desk), ids(&desk.fake.alerts()));
}

#[test]
fn poll_now_ingests_at_most_the_users_count_and_the_next_poll_goes_on() {
    let desk = Desk::start();
    desk.fake.add_sample_alerts(9);
    let now = desk
        .action("on_poll")
        .param("container_count", 3)
        .param("artifact_count", 10)
        .run();
    assert_success(&now);
    assert_eq!(sources(&desk), ids(&desk.fake.alerts()[..3]));
    // One page of three was enough.
    let queries: Vec<_> = desk.fake.requests().into_iter().map(|r| r.query).collect();
    assert!(queries[1].contains("limit=3"), "{queries:?}");
    assert_eq!(queries.len(), 2);

    let rest = scheduled(desk.after(&now, "on_poll"));
    assert_success(&rest);
    assert_eq!(sources(&desk), ids(&desk.fake.alerts()));
}

#[test]
fn a_poll_the_platform_fails_half_way_resumes_with_every_alert_exactly_once() {
    let desk = Desk::start();
    desk.fake.add_sample_alerts(120);
    // Fifty containers with their artifacts go through; the 51st container is saved, its
    // artifacts are refused.
    desk.platform.fail_after(2 * 50 + 1);
    let first = scheduled(desk.action("on_poll"));
    assert!(!first.is_success());
    assert!(
        first.messages()[0].starts_with("Unable to save the artifacts of container 51"),
        "{:?}",
        first.messages()
    );
    assert_eq!(
        first.state()["soar_checkpoints"]["alerts"]["id"],
        "AD-000050"
    );

    desk.platform.fail_after(usize::MAX);
    let second = scheduled(desk.after(&first, "on_poll"));
    assert_success(&second);
    let summary = &second.result.result_summary;
    assert_eq!(summary["containers_duplicate"], 1);
    assert_eq!(summary["containers_successful"], 69);
    assert_eq!(sources(&desk), ids(&desk.fake.alerts()));
    for id in 1..=120 {
        assert_eq!(desk.platform.artifacts(id).len(), 5, "container {id}");
    }
}

#[test]
fn the_first_poll_starts_at_start_time_or_first_poll_days_back() {
    let now = OffsetDateTime::now_utc();
    let alert = |number, days_ago| {
        let mut alert = sample_alert(number, now - time::Duration::days(days_ago));
        alert.observables = vec![Observable::new("ip", "192.0.2.1")];
        alert
    };
    let start = |desk: &Desk| {
        desk.fake.add_alert(alert(1, 10));
        desk.fake.add_alert(alert(2, 3));
    };
    let desk = Desk::start();
    start(&desk);
    let default = scheduled(desk.action("on_poll"));
    assert_success(&default);
    assert_eq!(sources(&desk), ["AD-000002"]);

    let desk = Desk::start();
    start(&desk);
    let eleven_days_ago = (now - time::Duration::days(11)).unix_timestamp() * 1000;
    let from_start = scheduled(desk.action("on_poll").param("start_time", eleven_days_ago));
    assert_success(&from_start);
    assert_eq!(sources(&desk), ["AD-000001", "AD-000002"]);
    assert_eq!(desk.platform.artifacts(1).len(), 2);
}
