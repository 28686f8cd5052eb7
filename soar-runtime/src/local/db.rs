//! [`Database`]: the store's SQLite database, and how ingestion and the vault write to it.
//! Every write is one transaction: a container, a batch of artifacts or a vault entry is
//! saved whole or not at all.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use serde::Serialize;

use crate::ingest::{Artifact, Container};
use crate::platform::{HostError, SavedArtifact, SavedContainer};
use crate::vault::VaultEntry;

/// The tables. The duplicate keys are the platform's: a container's `source_data_identifier`
/// within its asset, an artifact's within its container (when it has one). `json` holds the
/// whole container or artifact as the connector gave it.
const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS containers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    asset_id TEXT NOT NULL,
    source_data_identifier TEXT NOT NULL,
    name TEXT NOT NULL,
    label TEXT,
    severity TEXT NOT NULL,
    created INTEGER NOT NULL,
    json TEXT NOT NULL,
    UNIQUE (asset_id, source_data_identifier)
);
CREATE TABLE IF NOT EXISTS artifacts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    container_id INTEGER NOT NULL REFERENCES containers (id),
    source_data_identifier TEXT,
    name TEXT NOT NULL,
    label TEXT,
    severity TEXT NOT NULL,
    run_automation INTEGER NOT NULL,
    json TEXT NOT NULL,
    UNIQUE (container_id, source_data_identifier)
);
CREATE TABLE IF NOT EXISTS vault (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    vault_id TEXT NOT NULL,
    container_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    path TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    md5 TEXT NOT NULL,
    contains TEXT NOT NULL,
    UNIQUE (vault_id, container_id, name)
);
CREATE INDEX IF NOT EXISTS vault_by_id ON vault (vault_id);
";

/// How long a write waits for another process's transaction to end.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// The store's database (`soar.db`): containers, artifacts and the vault index.
#[derive(Debug)]
pub struct Database {
    pub(super) connection: Connection,
}

/// A database error as the cause of the failure `what`.
pub(super) fn sql(what: &'static str) -> impl Fn(rusqlite::Error) -> HostError {
    move |error| HostError::caused_by(what, error)
}

/// A value as the JSON text a column holds.
fn json_text(value: &impl Serialize) -> Result<String, HostError> {
    serde_json::to_string(value)
        .map_err(|error| HostError::caused_by("cannot store as JSON", error))
}

/// The lowercase name of a severity, as it is serialized.
fn severity_name(value: &impl Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|value| value.as_str().map(ToOwned::to_owned))
        .unwrap_or_default()
}

impl Database {
    /// Opens the database at `path`, creating the file and the tables when needed.
    pub fn open(path: &Path) -> Result<Self, HostError> {
        let failed = |error| HostError::caused_by(format!("cannot open {}", path.display()), error);
        let connection = Connection::open(path).map_err(failed)?;
        connection.busy_timeout(BUSY_TIMEOUT).map_err(failed)?;
        connection
            .pragma_update(None, "journal_mode", "WAL")
            .map_err(failed)?;
        connection
            .pragma_update(None, "foreign_keys", true)
            .map_err(failed)?;
        connection.execute_batch(SCHEMA).map_err(failed)?;
        Ok(Self { connection })
    }

    /// Saves a container of the asset `asset_id`; one with the same `source_data_identifier`
    /// resolves to the existing one.
    pub fn save_container(
        &mut self,
        asset_id: &str,
        container: &Container,
    ) -> Result<SavedContainer, HostError> {
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sql("cannot save the container in the database"))?;
        let existing: Option<i64> = transaction
            .query_row(
                "SELECT id FROM containers WHERE asset_id = ?1 AND source_data_identifier = ?2",
                params![asset_id, container.source_data_identifier],
                |row| row.get(0),
            )
            .optional()
            .map_err(sql("cannot save the container in the database"))?;
        let saved = match existing {
            Some(id) => SavedContainer {
                id,
                duplicate: true,
            },
            None => {
                transaction
                    .execute(
                        "INSERT INTO containers (asset_id, source_data_identifier, name, label,
                         severity, created, json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                        params![
                            asset_id,
                            container.source_data_identifier,
                            container.name,
                            container.label,
                            severity_name(&container.severity),
                            now(),
                            json_text(container)?,
                        ],
                    )
                    .map_err(sql("cannot save the container in the database"))?;
                SavedContainer {
                    id: transaction.last_insert_rowid(),
                    duplicate: false,
                }
            }
        };
        transaction
            .commit()
            .map_err(sql("cannot save the container in the database"))?;
        Ok(saved)
    }

    /// Saves a batch of artifacts into the container `container_id`, in one transaction; an
    /// artifact whose `source_data_identifier` the container holds already is a duplicate.
    pub fn save_artifacts(
        &mut self,
        container_id: i64,
        artifacts: &[Artifact],
    ) -> Result<Vec<SavedArtifact>, HostError> {
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sql("cannot save the artifacts in the database"))?;
        let mut answers = Vec::with_capacity(artifacts.len());
        for artifact in artifacts {
            let inserted = transaction
                .execute(
                    "INSERT INTO artifacts (container_id, source_data_identifier, name, label,
                     severity, run_automation, json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                     ON CONFLICT (container_id, source_data_identifier) DO NOTHING",
                    params![
                        container_id,
                        artifact.source_data_identifier,
                        artifact.name,
                        artifact.label,
                        severity_name(&artifact.severity),
                        artifact.run_automation.unwrap_or(false),
                        json_text(artifact)?,
                    ],
                )
                .map_err(sql("cannot save the artifacts in the database"))?;
            answers.push(if inserted == 1 {
                SavedArtifact::Saved(transaction.last_insert_rowid())
            } else {
                let id = transaction
                    .query_row(
                        "SELECT id FROM artifacts
                         WHERE container_id = ?1 AND source_data_identifier = ?2",
                        params![container_id, artifact.source_data_identifier],
                        |row| row.get(0),
                    )
                    .map_err(sql("cannot save the artifacts in the database"))?;
                SavedArtifact::Duplicate(id)
            });
        }
        transaction
            .commit()
            .map_err(sql("cannot save the artifacts in the database"))?;
        Ok(answers)
    }

    /// Records a vault entry whose file is in place; the same file added again under the same
    /// name to the same container is recorded once.
    pub fn add_vault_entry(&mut self, entry: &VaultEntry) -> Result<(), HostError> {
        self.connection
            .execute(
                "INSERT INTO vault (vault_id, container_id, name, path, size, sha256, md5,
                 contains) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT (vault_id, container_id, name) DO NOTHING",
                params![
                    entry.vault_id,
                    entry.container_id,
                    entry.name,
                    entry.path.to_string_lossy(),
                    entry.size as i64,
                    entry.sha256,
                    entry.md5,
                    json_text(&entry.contains)?,
                ],
            )
            .map(drop)
            .map_err(sql("cannot record the vault entry in the database"))
    }

    /// The vault entries with this vault id; with `container_id`, only that container's.
    pub fn vault_entries(
        &self,
        vault_id: Option<&str>,
        container_id: Option<i64>,
    ) -> Result<Vec<VaultEntry>, HostError> {
        let mut statement = self
            .connection
            .prepare(
                "SELECT vault_id, container_id, name, path, size, sha256, md5, contains
                 FROM vault WHERE (?1 IS NULL OR vault_id = ?1)
                 AND (?2 IS NULL OR container_id = ?2) ORDER BY id",
            )
            .map_err(sql("cannot read the vault entries from the database"))?;
        let rows = statement
            .query_map(params![vault_id, container_id], |row| {
                let vault_id: String = row.get(0)?;
                let contains: String = row.get(7)?;
                Ok(VaultEntry {
                    sha1: vault_id.clone(),
                    vault_id,
                    container_id: row.get(1)?,
                    name: row.get(2)?,
                    path: PathBuf::from(row.get::<_, String>(3)?),
                    size: row.get::<_, i64>(4)? as u64,
                    sha256: row.get(5)?,
                    md5: row.get(6)?,
                    contains: serde_json::from_str(&contains).unwrap_or_default(),
                })
            })
            .map_err(sql("cannot read the vault entries from the database"))?;
        rows.collect::<Result<_, _>>()
            .map_err(sql("cannot read the vault entries from the database"))
    }
}

/// Seconds since the Unix epoch.
fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs() as i64)
}
