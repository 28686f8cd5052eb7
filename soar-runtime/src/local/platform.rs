//! [`LocalPlatform`]: the platform services of local runs, kept in a [`Store`].

use std::path::PathBuf;
use std::sync::Arc;

use super::{Database, Store, vault_files};
use crate::ingest::{Artifact, Container};
use crate::platform::{HostError, Platform, SavedArtifact, SavedContainer};
use crate::state::sealing::Sealer;
use crate::vault::VaultEntry;

/// Ingestion into the store's database, the vault in its content-addressed directory, and
/// secrets encrypted with its key: what `run`, `action` and `poll` use locally.
pub struct LocalPlatform {
    database: Database,
    asset_id: String,
    vault_dir: PathBuf,
    vault_tmp_dir: PathBuf,
    cipher: Arc<crate::platform::LocalCipher>,
}

impl LocalPlatform {
    /// The services of the asset `asset_id` in `store`: opens the database and the key
    /// (making them on first use).
    pub fn open(store: &Store, asset_id: &str) -> Result<Self, HostError> {
        Ok(Self {
            database: store.database()?,
            asset_id: asset_id.to_owned(),
            vault_dir: store.vault_dir(),
            vault_tmp_dir: store.vault_tmp_dir(),
            cipher: Arc::new(store.cipher()?),
        })
    }
}

impl std::fmt::Debug for LocalPlatform {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LocalPlatform")
            .field("asset_id", &self.asset_id)
            .field("vault_dir", &self.vault_dir)
            .finish_non_exhaustive()
    }
}

impl Platform for LocalPlatform {
    fn save_container(&mut self, container: &Container) -> Result<SavedContainer, HostError> {
        self.database.save_container(&self.asset_id, container)
    }

    fn save_artifacts(
        &mut self,
        container_id: i64,
        artifacts: &[Artifact],
    ) -> Result<Vec<SavedArtifact>, HostError> {
        self.database.save_artifacts(container_id, artifacts)
    }

    fn vault_tmp_dir(&mut self) -> Result<PathBuf, HostError> {
        std::fs::create_dir_all(&self.vault_tmp_dir).map_err(|error| {
            HostError::caused_by(
                format!("cannot create {}", self.vault_tmp_dir.display()),
                error,
            )
        })?;
        Ok(self.vault_tmp_dir.clone())
    }

    fn vault_add(&mut self, mut file: VaultEntry) -> Result<VaultEntry, HostError> {
        file.path = vault_files::keep(&self.vault_dir, &file.path, &file.vault_id)
            .map_err(|error| HostError::caused_by("cannot move the file into the vault", error))?;
        self.database.add_vault_entry(&file)?;
        Ok(file)
    }

    fn vault_info(&mut self, vault_id: &str) -> Result<Vec<VaultEntry>, HostError> {
        self.database.vault_entries(Some(vault_id), None)
    }

    fn sealer(&self) -> Arc<dyn Sealer> {
        self.cipher.clone()
    }
}
