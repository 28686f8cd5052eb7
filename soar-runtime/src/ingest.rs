//! Ingestion: the typed containers and artifacts an on poll handler produces, and how the
//! runtime saves them ([`crate::context::Ctx::save_container`]): the container first (a
//! duplicate `source_data_identifier` resolves to the existing container), then its artifacts
//! in batches, where only the container's last artifact runs automation, as the platform
//! expects; every outcome is counted into the run's summary ([`IngestCounters`]).

use serde::Serialize;
use serde_json::{Map, Value};

use crate::platform::{HostError, Platform, SavedArtifact, SavedContainer};
use crate::values::Param;

/// The most artifacts handed to the platform in one `save_artifacts` call.
pub const ARTIFACT_BATCH: usize = 500;

/// The severity of a container or an artifact (the platform's stock severities).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// `low`.
    Low,
    /// `medium`, the platform's default.
    #[default]
    Medium,
    /// `high`.
    High,
}

/// A container to ingest, with its artifacts (the platform's container dict).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Container {
    /// The container's name.
    pub name: String,
    /// The label; `None` takes the asset's ingest label (`config.ingest.container_label`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The severity.
    pub severity: Severity,
    /// A description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The identifier of the thing ingested in its source (an alert id): the key by which a
    /// second ingestion of it is recognised as a duplicate.
    pub source_data_identifier: String,
    /// Tags.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Further container fields the platform knows (`start_time`, `data`, `custom_fields`, ...).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
    /// The artifacts to save into the container, in order.
    #[serde(skip)]
    pub artifacts: Vec<Artifact>,
}

impl Container {
    /// A container named `name` for the source item `source_data_identifier`.
    pub fn new(name: impl Into<String>, source_data_identifier: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            source_data_identifier: source_data_identifier.into(),
            ..Self::default()
        }
    }

    /// Sets the label.
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Sets the severity.
    pub fn severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Adds a tag.
    pub fn tag(mut self, tag: impl Into<String>) -> Self {
        self.tags.push(tag.into());
        self
    }

    /// Adds an artifact.
    pub fn artifact(mut self, artifact: Artifact) -> Self {
        self.artifacts.push(artifact);
        self
    }
}

/// An artifact to ingest (the platform's artifact dict): CEF fields with their contains types.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Artifact {
    /// The artifact's name.
    pub name: String,
    /// The label (usually `event`, `alert`, ...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The severity.
    pub severity: Severity,
    /// The identifier of the item in its source: the duplicate key within a container.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_data_identifier: Option<String>,
    /// CEF fields.
    pub cef: Map<String, Value>,
    /// The contains types of CEF fields (`cef_types`), for the contextual actions.
    #[serde(skip_serializing_if = "Map::is_empty")]
    pub cef_types: Map<String, Value>,
    /// Tags.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Whether saving the artifact runs the playbooks. `None` lets the runtime decide: only
    /// the last artifact of a container does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub run_automation: Option<bool>,
    /// The container, set by the runtime when it saves the artifact.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub container_id: Option<i64>,
}

impl Artifact {
    /// An artifact named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            ..Self::default()
        }
    }

    /// Sets the label.
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Sets the severity.
    pub fn severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    /// Sets the source data identifier.
    pub fn source_data_identifier(mut self, id: impl Into<String>) -> Self {
        self.source_data_identifier = Some(id.into());
        self
    }

    /// Adds a CEF field without a contains type.
    pub fn cef(mut self, key: impl Into<String>, value: impl Into<Value>) -> Self {
        self.cef.insert(key.into(), value.into());
        self
    }

    /// Adds a CEF field from a typed value, whose contains types become the field's
    /// `cef_types` (an [`crate::values::Ip`] is an `ip`). A value that does not serialize is
    /// left out.
    pub fn cef_typed<T: Param + Serialize>(mut self, key: impl Into<String>, value: &T) -> Self {
        let key = key.into();
        if let Ok(json) = serde_json::to_value(value) {
            if !T::CONTAINS.is_empty() {
                let types = T::CONTAINS.iter().map(|c| Value::from(*c)).collect();
                self.cef_types.insert(key.clone(), Value::Array(types));
            }
            self.cef.insert(key, json);
        }
        self
    }

    /// Adds a CEF field with the contains types given.
    pub fn cef_with_contains(
        mut self,
        key: impl Into<String>,
        value: impl Into<Value>,
        contains: &[&str],
    ) -> Self {
        let key = key.into();
        let types = contains.iter().map(|c| Value::from(*c)).collect();
        self.cef_types.insert(key.clone(), Value::Array(types));
        self.cef.insert(key, value.into());
        self
    }

    /// Adds a tag.
    pub fn tag(mut self, tag: impl Into<String>) -> Self {
        self.tags.push(tag.into());
        self
    }

    /// Says whether saving this artifact runs the playbooks (the runtime's rule otherwise).
    pub fn run_automation(mut self, run: bool) -> Self {
        self.run_automation = Some(run);
        self
    }
}

/// How many containers and artifacts a run saved, found duplicate or failed to save: the
/// ingestion keys of the run's summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct IngestCounters {
    /// Containers saved.
    pub containers_successful: u64,
    /// Containers that existed already.
    pub containers_duplicate: u64,
    /// Containers the platform refused.
    pub containers_failed: u64,
    /// Artifacts saved.
    pub artifacts_successful: u64,
    /// Artifacts that existed already.
    pub artifacts_duplicate: u64,
    /// Artifacts the platform refused.
    pub artifacts_failed: u64,
}

impl IngestCounters {
    /// Whether anything was ingested (or tried).
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// The counters a run's `result_summary` holds (zero for the keys it lacks).
    pub fn from_summary(summary: &Map<String, Value>) -> Self {
        let count = |key: &str| summary.get(key).and_then(Value::as_u64).unwrap_or(0);
        Self {
            containers_successful: count("containers_successful"),
            containers_duplicate: count("containers_duplicate"),
            containers_failed: count("containers_failed"),
            artifacts_successful: count("artifacts_successful"),
            artifacts_duplicate: count("artifacts_duplicate"),
            artifacts_failed: count("artifacts_failed"),
        }
    }

    /// The counters as summary keys, in declaration order.
    pub fn to_summary(&self) -> Map<String, Value> {
        match serde_json::to_value(self) {
            Ok(Value::Object(map)) => map,
            _ => Map::new(),
        }
    }
}

/// Saves `container` and its artifacts through `platform`, counting into `counters`. The
/// container's label defaults to `default_label`. An error names what failed; artifacts of a
/// failed batch are counted failed and the batches after it are not sent.
pub(crate) fn save(
    platform: &mut dyn Platform,
    mut container: Container,
    default_label: Option<&str>,
    counters: &mut IngestCounters,
) -> Result<SavedContainer, HostError> {
    if container.label.is_none() {
        container.label = default_label.map(ToOwned::to_owned);
    }
    let mut artifacts = std::mem::take(&mut container.artifacts);
    let saved = match platform.save_container(&container) {
        Ok(saved) => saved,
        Err(error) => {
            counters.containers_failed += 1;
            counters.artifacts_failed += artifacts.len() as u64;
            return Err(error.context(format!(
                "Unable to save container '{}'",
                container.source_data_identifier
            )));
        }
    };
    if saved.duplicate {
        counters.containers_duplicate += 1;
    } else {
        counters.containers_successful += 1;
    }
    let last = artifacts.len().saturating_sub(1);
    for (index, artifact) in artifacts.iter_mut().enumerate() {
        artifact.container_id = Some(saved.id);
        artifact.run_automation.get_or_insert(index == last);
    }
    let mut remaining = artifacts.len() as u64;
    for batch in artifacts.chunks(ARTIFACT_BATCH) {
        match platform.save_artifacts(saved.id, batch) {
            Ok(answers) => {
                remaining -= batch.len() as u64;
                for answer in answers {
                    match answer {
                        SavedArtifact::Saved(_) => counters.artifacts_successful += 1,
                        SavedArtifact::Duplicate(_) => counters.artifacts_duplicate += 1,
                    }
                }
            }
            Err(error) => {
                counters.artifacts_failed += remaining;
                return Err(error.context(format!(
                    "Unable to save the artifacts of container {}",
                    saved.id
                )));
            }
        }
    }
    Ok(saved)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::MemoryPlatform;
    use serde_json::json;

    fn alert(id: &str, artifacts: usize) -> Container {
        let mut container = Container::new(format!("Alert {id}"), id);
        for n in 0..artifacts {
            container = container.artifact(
                Artifact::new(format!("a{n}")).source_data_identifier(format!("{id}-{n}")),
            );
        }
        container
    }

    #[test]
    fn only_the_last_artifact_runs_automation_and_duplicates_resolve() {
        let platform = MemoryPlatform::new();
        let mut host = platform.clone();
        let mut counters = IngestCounters::default();
        let first = save(
            &mut host,
            alert("x", ARTIFACT_BATCH + 2),
            Some("events"),
            &mut counters,
        )
        .unwrap();
        assert!(!first.duplicate);
        let again = save(&mut host, alert("x", 1), None, &mut counters).unwrap();
        assert_eq!(
            again,
            SavedContainer {
                id: first.id,
                duplicate: true
            }
        );
        let artifacts = platform.artifacts(first.id);
        assert_eq!(artifacts.len(), ARTIFACT_BATCH + 2);
        let running: Vec<_> = artifacts
            .iter()
            .filter(|a| a.run_automation == Some(true))
            .collect();
        assert_eq!(running.len(), 1);
        assert_eq!(running[0].name, format!("a{}", ARTIFACT_BATCH + 1));
        assert_eq!(platform.containers()[0].label.as_deref(), Some("events"));
        assert_eq!(
            IngestCounters::from_summary(&counters.to_summary()),
            counters
        );
        assert_eq!(
            counters,
            IngestCounters {
                containers_successful: 1,
                containers_duplicate: 1,
                artifacts_successful: ARTIFACT_BATCH as u64 + 2,
                artifacts_duplicate: 1,
                ..IngestCounters::default()
            }
        );
    }

    #[test]
    fn typed_cef_fields_carry_their_contains() {
        let ip: crate::values::Ip = "10.1.2.3".parse().unwrap();
        let artifact = Artifact::new("a")
            .cef_typed("sourceAddress", &ip)
            .cef("count", 3);
        let json = serde_json::to_value(&artifact).unwrap();
        assert_eq!(
            json["cef"],
            json!({"sourceAddress": "10.1.2.3", "count": 3})
        );
        assert_eq!(json["cef_types"], json!({"sourceAddress": ["ip", "ipv6"]}));
        assert_eq!(json["severity"], "medium");
    }

    #[test]
    fn a_failing_platform_counts_failures() {
        let platform = MemoryPlatform::new();
        platform.fail_after(0);
        let mut host = platform.clone();
        let mut counters = IngestCounters::default();
        let error = save(&mut host, alert("y", 3), None, &mut counters).unwrap_err();
        assert_eq!(
            error.full_message(),
            "Unable to save container 'y': the platform is unavailable"
        );
        assert_eq!(
            (counters.containers_failed, counters.artifacts_failed),
            (1, 3)
        );
    }
}
