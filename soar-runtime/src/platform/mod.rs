//! The platform services a connector uses besides its run (contract section 6): saving
//! containers and artifacts, the vault, and the encryption helper for secrets kept in the
//! state. [`Platform`] is what a host provides: the platform bridge maps it onto the
//! platform's own methods, the local backend onto an embedded database, tests onto
//! [`MemoryPlatform`]. Connectors do not call it directly: they use [`crate::context::Ctx`]
//! (`save_container`, `vault_add_*`, checkpoints, typed state), which adds batching, counters
//! and the platform's conventions on top.

mod cipher;
mod error;
mod memory;

pub use cipher::{KEY_LEN, LocalCipher};
pub use error::HostError;
pub use memory::MemoryPlatform;

use std::path::PathBuf;
use std::sync::Arc;

use crate::ingest::{Artifact, Container};
use crate::state::sealing::Sealer;
use crate::vault::VaultEntry;

/// What the platform answered to `save_container`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SavedContainer {
    /// The container's id: the new one, or the existing one for a duplicate.
    pub id: i64,
    /// Whether a container with the same `source_data_identifier` existed already.
    pub duplicate: bool,
}

/// What the platform answered for one artifact of a `save_artifacts` batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SavedArtifact {
    /// Saved with this id.
    Saved(i64),
    /// An artifact with the same `source_data_identifier` exists in the container already.
    Duplicate(i64),
}

/// The services of the host a connector runs on.
///
/// A failure is a [`HostError`] that keeps its cause; [`crate::context::Ctx`] turns it into an
/// action error (what failed, then each cause) and counts it.
pub trait Platform: Send {
    /// Saves a container (the platform's `save_container`); a container whose
    /// `source_data_identifier` exists already resolves to the existing one.
    fn save_container(&mut self, container: &Container) -> Result<SavedContainer, HostError>;

    /// Saves a batch of artifacts of one container (the platform's `save_artifacts`); each
    /// artifact's `container_id` and `run_automation` are set already. One answer per artifact,
    /// in order.
    fn save_artifacts(
        &mut self,
        container_id: i64,
        artifacts: &[Artifact],
    ) -> Result<Vec<SavedArtifact>, HostError>;

    /// The directory in which files bound for the vault are prepared (the platform's
    /// `Vault.get_vault_tmp_dir()`).
    fn vault_tmp_dir(&mut self) -> Result<PathBuf, HostError>;

    /// Adds a file to the vault of a container (the platform's `Vault.add_attachment`).
    /// `file.path` is a file in [`Platform::vault_tmp_dir`], which the platform takes over;
    /// the other fields (hashes, size, name, contains) were computed while the file was
    /// written. Returns the entry as stored, with the file's final path.
    fn vault_add(&mut self, file: VaultEntry) -> Result<VaultEntry, HostError>;

    /// The vault entries with this vault id (the platform's `vault_info`), empty when none.
    fn vault_info(&mut self, vault_id: &str) -> Result<Vec<VaultEntry>, HostError>;

    /// What encrypts the secrets of the state (the platform's `encryption_helper`; locally
    /// the local store's key). The runtime salts with the asset id.
    fn sealer(&self) -> Arc<dyn Sealer>;
}
