//! What a local run opens only when the connector uses it: the state file is written only when
//! the state changed ([`SavedWhenChanged`]); the local store's database is opened on the first
//! ingestion or vault call and its key on the first secret of the state ([`StoreOnFirstUse`]).
//! A run of an action that keeps no state and ingests nothing creates no file.

use std::path::PathBuf;
use std::sync::Arc;

use serde_json::{Map, Value};

use crate::platform::HostError;
use crate::state::StateStore;

/// A state store that writes only a state that differs from the one it last loaded or saved:
/// a run that leaves the state as it found it writes nothing (no state file for a connector
/// that keeps none, no new `app_version` in one it did not change).
pub(super) struct SavedWhenChanged<S> {
    inner: S,
    last: Option<Map<String, Value>>,
}

impl<S: StateStore> SavedWhenChanged<S> {
    pub(super) fn new(inner: S) -> Self {
        Self { inner, last: None }
    }
}

impl<S: StateStore> StateStore for SavedWhenChanged<S> {
    fn load(&mut self) -> Result<Map<String, Value>, HostError> {
        let state = self.inner.load()?;
        self.last = Some(state.clone());
        Ok(state)
    }

    fn save(&mut self, state: &Map<String, Value>) -> Result<(), HostError> {
        if self.last.as_ref() == Some(state) {
            return Ok(());
        }
        self.inner.save(state)?;
        self.last = Some(state.clone());
        Ok(())
    }
}

#[cfg(feature = "local")]
pub(super) use store::StoreOnFirstUse;

#[cfg(feature = "local")]
mod store {
    use std::sync::OnceLock;

    use super::*;
    use crate::ingest::{Artifact, Container};
    use crate::local::{LocalPlatform, Store};
    use crate::platform::{LocalCipher, Platform, SavedArtifact, SavedContainer};
    use crate::state::sealing::Sealer;
    use crate::vault::VaultEntry;

    /// The platform services of the local store for one asset, opened on the first call that
    /// needs them: the database (and the vault) on the first ingestion or vault call, the key
    /// on the first secret sealed or unsealed.
    pub(in crate::cli) struct StoreOnFirstUse {
        store: Store,
        asset_id: String,
        opened: Option<LocalPlatform>,
        key: Arc<KeyOnFirstUse>,
    }

    impl StoreOnFirstUse {
        pub(in crate::cli) fn new(store: Store, asset_id: &str) -> Self {
            Self {
                key: Arc::new(KeyOnFirstUse {
                    store: store.clone(),
                    cipher: OnceLock::new(),
                }),
                store,
                asset_id: asset_id.to_owned(),
                opened: None,
            }
        }

        /// The store's services, opened now if they were not yet.
        fn opened(&mut self) -> Result<&mut LocalPlatform, HostError> {
            let platform = match self.opened.take() {
                Some(platform) => platform,
                None => self.store.platform(&self.asset_id)?,
            };
            Ok(self.opened.insert(platform))
        }
    }

    impl Platform for StoreOnFirstUse {
        fn save_container(&mut self, container: &Container) -> Result<SavedContainer, HostError> {
            self.opened()?.save_container(container)
        }

        fn save_artifacts(
            &mut self,
            container_id: i64,
            artifacts: &[Artifact],
        ) -> Result<Vec<SavedArtifact>, HostError> {
            self.opened()?.save_artifacts(container_id, artifacts)
        }

        fn vault_tmp_dir(&mut self) -> Result<PathBuf, HostError> {
            self.opened()?.vault_tmp_dir()
        }

        fn vault_add(&mut self, file: VaultEntry) -> Result<VaultEntry, HostError> {
            self.opened()?.vault_add(file)
        }

        fn vault_info(&mut self, vault_id: &str) -> Result<Vec<VaultEntry>, HostError> {
            self.opened()?.vault_info(vault_id)
        }

        fn sealer(&self) -> Arc<dyn Sealer> {
            self.key.clone()
        }
    }

    /// The store's key, read (or made) on the first secret sealed or unsealed.
    struct KeyOnFirstUse {
        store: Store,
        cipher: OnceLock<LocalCipher>,
    }

    impl KeyOnFirstUse {
        fn cipher(&self) -> Result<&LocalCipher, HostError> {
            if let Some(cipher) = self.cipher.get() {
                return Ok(cipher);
            }
            let cipher = self.store.cipher()?;
            Ok(self.cipher.get_or_init(|| cipher))
        }
    }

    impl Sealer for KeyOnFirstUse {
        fn encrypt(&self, plain: &str, salt: &str) -> Result<String, HostError> {
            self.cipher()?.encrypt(plain, salt)
        }

        fn decrypt(&self, sealed: &str, salt: &str) -> Result<String, HostError> {
            self.cipher()?.decrypt(sealed, salt)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::MemoryState;
    use serde_json::json;

    /// A state store that counts its saves.
    #[derive(Default)]
    struct Counting {
        state: MemoryState,
        saves: usize,
    }

    impl StateStore for Counting {
        fn load(&mut self) -> Result<Map<String, Value>, HostError> {
            self.state.load()
        }

        fn save(&mut self, state: &Map<String, Value>) -> Result<(), HostError> {
            self.saves += 1;
            self.state.save(state)
        }
    }

    fn object(value: Value) -> Map<String, Value> {
        value.as_object().cloned().unwrap_or_default()
    }

    #[test]
    fn only_a_changed_state_is_saved() {
        let mut store = SavedWhenChanged::new(Counting::default());
        let loaded = store.load().unwrap();
        store.save(&loaded).unwrap();
        assert_eq!(
            store.inner.saves, 0,
            "an untouched empty state is not written"
        );
        let changed = object(json!({"token": "t"}));
        store.save(&changed).unwrap();
        store.save(&changed).unwrap();
        assert_eq!(store.inner.saves, 1, "the same state is written once");
        store.save(&Map::new()).unwrap();
        assert_eq!(store.inner.saves, 2, "emptying a saved state is a change");
        assert!(store.inner.state.snapshot().is_empty());
    }
}
