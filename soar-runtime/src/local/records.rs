//! What was ingested, read back from the [`Database`]: the `containers` and `artifacts`
//! commands show these, and tests assert on them.

use rusqlite::{OptionalExtension, Row, params};
use serde_json::Value;

use super::Database;
use super::db::sql;
use crate::platform::HostError;

/// A container as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct ContainerRecord {
    /// The container's id.
    pub id: i64,
    /// The asset that ingested it.
    pub asset_id: String,
    /// The identifier of the ingested item in its source.
    pub source_data_identifier: String,
    /// The name.
    pub name: String,
    /// The label.
    pub label: Option<String>,
    /// The severity (`low`, `medium`, `high`).
    pub severity: String,
    /// When it was saved, seconds since the Unix epoch.
    pub created: i64,
    /// How many artifacts it holds.
    pub artifact_count: u64,
    /// The whole container as the connector gave it.
    pub json: Value,
}

/// An artifact as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct ArtifactRecord {
    /// The artifact's id.
    pub id: i64,
    /// The container it belongs to.
    pub container_id: i64,
    /// The identifier of the item in its source, if it has one.
    pub source_data_identifier: Option<String>,
    /// The name.
    pub name: String,
    /// The label.
    pub label: Option<String>,
    /// The severity (`low`, `medium`, `high`).
    pub severity: String,
    /// Whether saving it ran the playbooks.
    pub run_automation: bool,
    /// The whole artifact as saved (CEF fields included).
    pub json: Value,
}

const CONTAINER_COLUMNS: &str = "SELECT c.id, c.asset_id, c.source_data_identifier, c.name,
    c.label, c.severity, c.created, c.json,
    (SELECT COUNT(*) FROM artifacts a WHERE a.container_id = c.id) FROM containers c";

const ARTIFACT_COLUMNS: &str = "SELECT id, container_id, source_data_identifier, name, label,
    severity, run_automation, json FROM artifacts";

/// JSON text of a column as a value (`null` if a foreign hand wrote something else).
fn json_column(row: &Row<'_>, index: usize) -> rusqlite::Result<Value> {
    let text: String = row.get(index)?;
    Ok(serde_json::from_str(&text).unwrap_or(Value::Null))
}

fn container(row: &Row<'_>) -> rusqlite::Result<ContainerRecord> {
    Ok(ContainerRecord {
        id: row.get(0)?,
        asset_id: row.get(1)?,
        source_data_identifier: row.get(2)?,
        name: row.get(3)?,
        label: row.get(4)?,
        severity: row.get(5)?,
        created: row.get(6)?,
        json: json_column(row, 7)?,
        artifact_count: row.get::<_, i64>(8)? as u64,
    })
}

fn artifact(row: &Row<'_>) -> rusqlite::Result<ArtifactRecord> {
    Ok(ArtifactRecord {
        id: row.get(0)?,
        container_id: row.get(1)?,
        source_data_identifier: row.get(2)?,
        name: row.get(3)?,
        label: row.get(4)?,
        severity: row.get(5)?,
        run_automation: row.get(6)?,
        json: json_column(row, 7)?,
    })
}

impl Database {
    /// All containers, oldest first.
    pub fn containers(&self) -> Result<Vec<ContainerRecord>, HostError> {
        let mut statement = self
            .connection
            .prepare(&format!("{CONTAINER_COLUMNS} ORDER BY c.id"))
            .map_err(sql("cannot read the containers from the database"))?;
        let rows = statement
            .query_map([], container)
            .map_err(sql("cannot read the containers from the database"))?;
        rows.collect::<Result<_, _>>()
            .map_err(sql("cannot read the containers from the database"))
    }

    /// The container `id`, if there is one.
    pub fn container(&self, id: i64) -> Result<Option<ContainerRecord>, HostError> {
        self.connection
            .query_row(
                &format!("{CONTAINER_COLUMNS} WHERE c.id = ?1"),
                params![id],
                container,
            )
            .optional()
            .map_err(sql("cannot read the container from the database"))
    }

    /// The artifacts, in the order they were saved; with `container_id`, only that
    /// container's.
    pub fn artifacts(&self, container_id: Option<i64>) -> Result<Vec<ArtifactRecord>, HostError> {
        let mut statement = self
            .connection
            .prepare(&format!(
                "{ARTIFACT_COLUMNS} WHERE (?1 IS NULL OR container_id = ?1) ORDER BY id"
            ))
            .map_err(sql("cannot read the artifacts from the database"))?;
        let rows = statement
            .query_map(params![container_id], artifact)
            .map_err(sql("cannot read the artifacts from the database"))?;
        rows.collect::<Result<_, _>>()
            .map_err(sql("cannot read the artifacts from the database"))
    }
}
