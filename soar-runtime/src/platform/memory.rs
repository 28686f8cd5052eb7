//! [`MemoryPlatform`]: the platform services kept in memory, for tests and for runs that have
//! no backend.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use super::{HostError, LocalCipher, Platform, SavedArtifact, SavedContainer};
use crate::ingest::{Artifact, Container};
use crate::state::sealing::Sealer;
use crate::vault::VaultEntry;

/// Containers, artifacts and vault entries in memory, shared by the clones of one value: a
/// test hands a clone to the run and inspects what was saved. Vault files live in a temporary
/// directory removed with the last clone. Secrets are encrypted with a key made for the value.
#[derive(Debug, Clone)]
pub struct MemoryPlatform(Arc<Mutex<Inner>>);

#[derive(Debug)]
struct Inner {
    containers: Vec<(i64, Container)>,
    artifacts: Vec<Artifact>,
    vault: Vec<VaultEntry>,
    vault_dir: Option<tempfile::TempDir>,
    /// Made on first use: most runs keep no secret, and every run builds a platform.
    cipher: Option<Arc<LocalCipher>>,
    /// Calls that succeed before every call fails (`fail_after`).
    calls_left: Option<usize>,
}

impl Default for MemoryPlatform {
    fn default() -> Self {
        Self::new()
    }
}

impl MemoryPlatform {
    /// An empty platform.
    pub fn new() -> Self {
        Self(Arc::new(Mutex::new(Inner {
            containers: Vec::new(),
            artifacts: Vec::new(),
            vault: Vec::new(),
            vault_dir: None,
            cipher: None,
            calls_left: None,
        })))
    }

    fn inner(&self) -> MutexGuard<'_, Inner> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The containers saved, in order (duplicates are not saved twice).
    pub fn containers(&self) -> Vec<Container> {
        self.inner()
            .containers
            .iter()
            .map(|(_, c)| c.clone())
            .collect()
    }

    /// The artifacts saved into the container `id`, in order.
    pub fn artifacts(&self, id: i64) -> Vec<Artifact> {
        self.inner()
            .artifacts
            .iter()
            .filter(|artifact| artifact.container_id == Some(id))
            .cloned()
            .collect()
    }

    /// The vault entries, in the order they were added.
    pub fn vault(&self) -> Vec<VaultEntry> {
        self.inner().vault.clone()
    }

    /// Makes every ingestion and vault call fail once `calls` more have succeeded: how tests
    /// break a poll half way.
    pub fn fail_after(&self, calls: usize) {
        self.inner().calls_left = Some(calls);
    }
}

impl Inner {
    fn call(&mut self) -> Result<(), HostError> {
        match &mut self.calls_left {
            Some(0) => Err(HostError::new("the platform is unavailable")),
            Some(left) => {
                *left -= 1;
                Ok(())
            }
            None => Ok(()),
        }
    }
}

impl Platform for MemoryPlatform {
    fn save_container(&mut self, container: &Container) -> Result<SavedContainer, HostError> {
        let mut inner = self.inner();
        inner.call()?;
        if let Some((id, _)) = inner
            .containers
            .iter()
            .find(|(_, c)| c.source_data_identifier == container.source_data_identifier)
        {
            return Ok(SavedContainer {
                id: *id,
                duplicate: true,
            });
        }
        let id = inner.containers.len() as i64 + 1;
        inner.containers.push((id, container.clone()));
        Ok(SavedContainer {
            id,
            duplicate: false,
        })
    }

    fn save_artifacts(
        &mut self,
        container_id: i64,
        artifacts: &[Artifact],
    ) -> Result<Vec<SavedArtifact>, HostError> {
        let mut inner = self.inner();
        inner.call()?;
        let mut answers = Vec::with_capacity(artifacts.len());
        for artifact in artifacts {
            let existing = inner.artifacts.iter().position(|saved| {
                saved.container_id == Some(container_id)
                    && artifact.source_data_identifier.is_some()
                    && saved.source_data_identifier == artifact.source_data_identifier
            });
            answers.push(match existing {
                Some(index) => SavedArtifact::Duplicate(index as i64 + 1),
                None => {
                    inner.artifacts.push(artifact.clone());
                    SavedArtifact::Saved(inner.artifacts.len() as i64)
                }
            });
        }
        Ok(answers)
    }

    fn vault_tmp_dir(&mut self) -> Result<PathBuf, HostError> {
        let mut inner = self.inner();
        if inner.vault_dir.is_none() {
            let dir = tempfile::tempdir().map_err(|error| {
                HostError::caused_by("cannot create the vault's temporary directory", error)
            })?;
            inner.vault_dir = Some(dir);
        }
        Ok(inner
            .vault_dir
            .as_ref()
            .map(|d| d.path().to_owned())
            .unwrap_or_default())
    }

    fn vault_add(&mut self, file: VaultEntry) -> Result<VaultEntry, HostError> {
        let mut inner = self.inner();
        inner.call()?;
        inner.vault.push(file.clone());
        Ok(file)
    }

    fn vault_info(&mut self, vault_id: &str) -> Result<Vec<VaultEntry>, HostError> {
        let inner = self.inner();
        Ok(inner
            .vault
            .iter()
            .filter(|e| e.vault_id == vault_id)
            .cloned()
            .collect())
    }

    fn sealer(&self) -> Arc<dyn Sealer> {
        self.inner()
            .cipher
            .get_or_insert_with(|| Arc::new(LocalCipher::generate().0))
            .clone()
    }
}
