//! How an AlertDesk alert becomes a container with artifacts, and the poll's checkpoint.

use serde::{Deserialize, Serialize};
use soar_runtime::prelude::*;
use soar_runtime::values::{Domain, Hash, Ip, Url};
use time::OffsetDateTime;

use crate::api::{Alert, Observable};

/// The contains type of AlertDesk alert ids (an app-specific one).
pub const ALERT_ID_CONTAINS: &str = "alertdesk alert id";

/// Where the last poll stopped: the creation time and id of the last alert saved. Alerts are
/// listed by creation time, then id, so every alert after this one is new.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlertCheckpoint {
    /// The creation time of the last alert saved.
    #[serde(with = "time::serde::rfc3339")]
    pub created: OffsetDateTime,
    /// Its id.
    pub id: String,
}

impl AlertCheckpoint {
    /// The checkpoint just after `alert`.
    pub fn after(alert: &Alert) -> Self {
        Self {
            created: alert.created,
            id: alert.id.clone(),
        }
    }

    /// Whether `alert` comes after the checkpoint (in the service's order).
    pub fn precedes(&self, alert: &Alert) -> bool {
        (alert.created, alert.id.as_str()) > (self.created, self.id.as_str())
    }
}

/// The platform severity of an AlertDesk severity (`critical` is `high`; anything unknown
/// the platform's default, `medium`).
pub fn severity(alert_severity: &str) -> Severity {
    match alert_severity.to_ascii_lowercase().as_str() {
        "low" => Severity::Low,
        "high" | "critical" => Severity::High,
        _ => Severity::Medium,
    }
}

/// The container of an alert: named by its title, identified by its id (so that a second
/// ingestion is a duplicate), with the alert's details as the first artifact and one artifact
/// per observable. The label is left to the asset's ingest settings.
pub fn alert_container(alert: &Alert) -> Container {
    let severity = severity(&alert.severity);
    let mut container = Container::new(alert.title.clone(), alert.id.clone())
        .severity(severity)
        .description(alert.description.clone());
    if let Some(start) = soar_runtime::time::format_utc(alert.created.unix_timestamp()) {
        container.extra.insert("start_time".into(), start.into());
    }
    if let Ok(data) = serde_json::to_value(alert) {
        container.extra.insert("data".into(), data);
    }
    let details = Artifact::new("Alert Details")
        .severity(severity)
        .source_data_identifier(format!("{}:alert", alert.id))
        .cef_with_contains("alertId", alert.id.clone(), &[ALERT_ID_CONTAINS])
        .cef("title", alert.title.clone())
        .cef("severity", alert.severity.clone())
        .cef("status", alert.status.clone());
    container = container.artifact(details);
    for (index, observable) in alert.observables.iter().enumerate() {
        let artifact = observable_artifact(observable)
            .severity(severity)
            .source_data_identifier(format!("{}:{index}", alert.id))
            .cef_with_contains("alertId", alert.id.clone(), &[ALERT_ID_CONTAINS]);
        container = container.artifact(artifact);
    }
    container
}

/// The artifact of one observable: its value in the CEF field of its kind, with the contains
/// types of its parsed value. A value that does not parse as its kind is kept without them.
fn observable_artifact(observable: &Observable) -> Artifact {
    let value = observable.value.as_str();
    match observable.kind.as_str() {
        "ip" => typed::<Ip>("IP Artifact", "destinationAddress", value),
        "domain" => typed::<Domain>("Domain Artifact", "destinationDnsDomain", value),
        "url" => typed::<Url>("URL Artifact", "requestURL", value),
        "md5" | "sha1" | "sha256" | "sha512" => match value.parse::<Hash>() {
            Ok(hash) => Artifact::new("File Artifact").cef_with_contains(
                "fileHash",
                hash.as_str(),
                &["hash", hash.algorithm()],
            ),
            Err(_) => Artifact::new("File Artifact").cef("fileHash", value),
        },
        other => Artifact::new("Observable Artifact")
            .cef("observableType", other)
            .cef("observableValue", value),
    }
}

fn typed<T>(name: &str, key: &str, value: &str) -> Artifact
where
    T: std::str::FromStr + soar_runtime::values::Param + Serialize,
{
    let artifact = Artifact::new(name);
    match value.parse::<T>() {
        Ok(parsed) => artifact.cef_typed(key, &parsed),
        Err(_) => artifact.cef(key, value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn alert(id: &str, created: i64) -> Alert {
        serde_json::from_value(json!({
            "id": id,
            "title": "Phishing URL clicked",
            "severity": "critical",
            "status": "new",
            "created": OffsetDateTime::from_unix_timestamp(created)
                .unwrap()
                .format(&time::format_description::well_known::Rfc3339)
                .unwrap(),
            "description": "A user clicked.",
            "observables": [
                {"type": "ip", "value": "203.0.113.7"},
                {"type": "domain", "value": "Bad.Example.net"},
                {"type": "url", "value": "https://bad.example.net/x"},
                {"type": "sha256", "value": "AB".repeat(32)},
                {"type": "ip", "value": "not an address"},
                {"type": "email", "value": "a@example.com"}
            ]
        }))
        .unwrap()
    }

    #[test]
    fn an_alert_becomes_a_container_with_typed_artifacts() {
        let container = alert_container(&alert("AD-000007", 1_795_860_000));
        assert_eq!(container.name, "Phishing URL clicked");
        assert_eq!(container.source_data_identifier, "AD-000007");
        assert_eq!(container.severity, Severity::High);
        assert_eq!(container.label, None);
        assert_eq!(container.extra["start_time"], "2026-11-28T10:00:00.000000Z");
        assert_eq!(container.extra["data"]["created"], "2026-11-28T10:00:00Z");
        let cef: Vec<_> = container
            .artifacts
            .iter()
            .map(|artifact| {
                (
                    artifact.name.as_str(),
                    json!(artifact.cef),
                    json!(artifact.cef_types),
                )
            })
            .collect();
        let id = json!(["alertdesk alert id"]);
        assert_eq!(
            cef,
            [
                (
                    "Alert Details",
                    json!({"alertId": "AD-000007", "title": "Phishing URL clicked", "severity": "critical", "status": "new"}),
                    json!({"alertId": id})
                ),
                (
                    "IP Artifact",
                    json!({"destinationAddress": "203.0.113.7", "alertId": "AD-000007"}),
                    json!({"destinationAddress": ["ip", "ipv6"], "alertId": id})
                ),
                (
                    "Domain Artifact",
                    json!({"destinationDnsDomain": "bad.example.net", "alertId": "AD-000007"}),
                    json!({"destinationDnsDomain": ["domain"], "alertId": id})
                ),
                (
                    "URL Artifact",
                    json!({"requestURL": "https://bad.example.net/x", "alertId": "AD-000007"}),
                    json!({"requestURL": ["url"], "alertId": id})
                ),
                (
                    "File Artifact",
                    json!({"fileHash": "ab".repeat(32), "alertId": "AD-000007"}),
                    json!({"fileHash": ["hash", "sha256"], "alertId": id})
                ),
                (
                    "IP Artifact",
                    json!({"destinationAddress": "not an address", "alertId": "AD-000007"}),
                    json!({"alertId": id})
                ),
                (
                    "Observable Artifact",
                    json!({"observableType": "email", "observableValue": "a@example.com", "alertId": "AD-000007"}),
                    json!({"alertId": id})
                ),
            ]
        );
        let sources: Vec<_> = container
            .artifacts
            .iter()
            .filter_map(|artifact| artifact.source_data_identifier.as_deref())
            .collect();
        assert_eq!(
            sources[..3],
            ["AD-000007:alert", "AD-000007:0", "AD-000007:1"]
        );
    }

    #[test]
    fn severities_map_onto_the_platforms() {
        assert_eq!(severity("low"), Severity::Low);
        assert_eq!(severity("Medium"), Severity::Medium);
        assert_eq!(severity("critical"), Severity::High);
        assert_eq!(severity("whatever"), Severity::Medium);
    }

    #[test]
    fn the_checkpoint_orders_by_time_then_id() {
        let checkpoint = AlertCheckpoint::after(&alert("AD-000002", 100));
        assert!(!checkpoint.precedes(&alert("AD-000001", 100)));
        assert!(!checkpoint.precedes(&alert("AD-000002", 100)));
        assert!(checkpoint.precedes(&alert("AD-000003", 100)));
        assert!(checkpoint.precedes(&alert("AD-000001", 101)));
        let json = serde_json::to_value(&checkpoint).unwrap();
        assert_eq!(
            json,
            json!({"created": "1970-01-01T00:01:40Z", "id": "AD-000002"})
        );
    }
}
