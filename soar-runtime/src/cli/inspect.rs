//! `containers list`, `containers show <id>` and `artifacts list [--container <id>]`: what
//! was ingested into the local store, as tables.

use std::process::ExitCode;

use serde_json::Value;

use super::backend::StoreArgs;
use super::table::grid;
use super::{EXIT_FAILED, print_stdout, unusable};
use crate::local::{ArtifactRecord, ContainerRecord, Database};
use crate::platform::HostError;
use crate::vault::VaultEntry;

/// The `containers` commands.
#[derive(Debug, clap::Subcommand)]
pub(super) enum ContainersCommand {
    /// List the containers, oldest first.
    List(StoreArgs),
    /// Show one container: its fields, its artifacts and its vault files.
    Show {
        /// The container's id.
        id: i64,
        #[command(flatten)]
        store: StoreArgs,
    },
}

/// The `artifacts` commands.
#[derive(Debug, clap::Subcommand)]
pub(super) enum ArtifactsCommand {
    /// List the artifacts, in the order they were saved.
    List {
        /// Only the artifacts of this container.
        #[arg(long, value_name = "ID")]
        container: Option<i64>,
        #[command(flatten)]
        store: StoreArgs,
    },
}

/// What a command prints, or why it cannot: an unusable store (exit 2) or nothing to show
/// (exit 1).
enum Failure {
    Unusable(String),
    NotFound(String),
}

impl From<HostError> for Failure {
    fn from(error: HostError) -> Self {
        Failure::Unusable(error.full_message())
    }
}

/// Prints what `body` renders from the store's database; exit 0, 1 (not found) or 2.
fn show(store: &StoreArgs, body: impl FnOnce(&Database) -> Result<String, Failure>) -> ExitCode {
    let rendered = store
        .open()
        .and_then(|store| store.database())
        .map_err(Failure::from)
        .and_then(|database| body(&database));
    match rendered {
        Ok(text) => print_stdout(text.trim_end()),
        Err(Failure::Unusable(message)) => unusable(&message),
        Err(Failure::NotFound(message)) => {
            eprintln!("{message}");
            ExitCode::from(EXIT_FAILED)
        }
    }
}

/// Runs a `containers` command.
pub(super) fn containers(command: ContainersCommand) -> ExitCode {
    match command {
        ContainersCommand::List(store) => show(&store, |database| {
            Ok(containers_table(&database.containers()?))
        }),
        ContainersCommand::Show { id, store } => show(&store, |database| {
            let container = database
                .container(id)?
                .ok_or_else(|| Failure::NotFound(format!("no container {id}")))?;
            let artifacts = database.artifacts(Some(id))?;
            let vault = database.vault_entries(None, Some(id))?;
            Ok(container_page(&container, &artifacts, &vault))
        }),
    }
}

/// Runs an `artifacts` command.
pub(super) fn artifacts(command: ArtifactsCommand) -> ExitCode {
    let ArtifactsCommand::List { container, store } = command;
    show(&store, |database| {
        Ok(artifacts_table(&database.artifacts(container)?))
    })
}

/// A stored time, seconds since the Unix epoch, as UTC.
fn created(seconds: i64) -> String {
    crate::time::format_utc(seconds).unwrap_or_else(|| seconds.to_string())
}

/// One row per container.
fn containers_table(containers: &[ContainerRecord]) -> String {
    let rows: Vec<Vec<String>> = containers
        .iter()
        .map(|c| {
            vec![
                c.id.to_string(),
                c.name.clone(),
                c.label.clone().unwrap_or_default(),
                c.severity.clone(),
                c.artifact_count.to_string(),
                c.source_data_identifier.clone(),
                c.asset_id.clone(),
                created(c.created),
            ]
        })
        .collect();
    let headings = [
        "ID",
        "Name",
        "Label",
        "Severity",
        "Artifacts",
        "Source ID",
        "Asset",
        "Created",
    ];
    grid(&headings, &rows)
}

/// One row per artifact, its CEF fields as compact JSON.
fn artifacts_table(artifacts: &[ArtifactRecord]) -> String {
    let rows: Vec<Vec<String>> = artifacts
        .iter()
        .map(|a| {
            vec![
                a.id.to_string(),
                a.container_id.to_string(),
                a.name.clone(),
                a.label.clone().unwrap_or_default(),
                a.severity.clone(),
                a.source_data_identifier.clone().unwrap_or_default(),
                if a.run_automation { "yes" } else { "no" }.to_owned(),
                a.json.get("cef").map(Value::to_string).unwrap_or_default(),
            ]
        })
        .collect();
    let headings = [
        "ID",
        "Container",
        "Name",
        "Label",
        "Severity",
        "Source ID",
        "Automation",
        "CEF",
    ];
    grid(&headings, &rows)
}

/// A container's fields, then its artifacts and its vault files.
fn container_page(
    container: &ContainerRecord,
    artifacts: &[ArtifactRecord],
    vault: &[VaultEntry],
) -> String {
    let fields = [
        ("ID", container.id.to_string()),
        ("Name", container.name.clone()),
        ("Label", container.label.clone().unwrap_or_default()),
        ("Severity", container.severity.clone()),
        ("Source ID", container.source_data_identifier.clone()),
        ("Asset", container.asset_id.clone()),
        ("Created", created(container.created)),
        ("Artifacts", container.artifact_count.to_string()),
    ];
    let rows: Vec<Vec<String>> = fields
        .into_iter()
        .map(|(name, value)| vec![name.to_owned(), value])
        .collect();
    let mut text = grid(&["Field", "Value"], &rows);
    if !artifacts.is_empty() {
        text.push('\n');
        text.push_str(&artifacts_table(artifacts));
    }
    if !vault.is_empty() {
        let rows: Vec<Vec<String>> = vault
            .iter()
            .map(|entry| {
                vec![
                    entry.vault_id.clone(),
                    entry.name.clone(),
                    entry.size.to_string(),
                    entry.path.display().to_string(),
                ]
            })
            .collect();
        text.push('\n');
        text.push_str(&grid(&["Vault ID", "Name", "Size", "Path"], &rows));
    }
    text
}
