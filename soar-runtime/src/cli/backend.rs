//! Where a local run keeps its state and finds the platform services: with the `local`
//! feature, the local store ([`crate::local::Store`]) chosen by `--store`; the state in the
//! file `--state` names, else in the store's state file of the asset. Each is opened when the
//! run uses it ([`super::lazy`]).

use std::path::PathBuf;

use super::lazy::SavedWhenChanged;
use crate::app_json::AppJson;
use crate::platform::Platform;
use crate::state::{FileState, StateStore};

/// The asset id of local runs whose action JSON or command line names none.
pub(super) const LOCAL_ASSET: &str = "local";

/// The options that choose where state and ingested data are kept.
#[derive(Debug, Clone, clap::Args)]
pub(super) struct BackendArgs {
    /// Keep the connector's state in this JSON file between runs (instead of the store's
    /// state file of the asset).
    #[arg(long)]
    state: Option<PathBuf>,
    #[cfg(feature = "local")]
    #[command(flatten)]
    store: StoreArgs,
}

/// The option that chooses the local store.
#[cfg(feature = "local")]
#[derive(Debug, Clone, clap::Args)]
pub(super) struct StoreArgs {
    /// The root of the local store (default: $SOAR_STORE, else
    /// $XDG_DATA_HOME/soar-connectors, else ~/.local/share/soar-connectors).
    #[arg(long, value_name = "DIR")]
    store: Option<PathBuf>,
}

#[cfg(feature = "local")]
impl StoreArgs {
    /// The store `--store` names, else the one of the environment.
    pub(super) fn open(&self) -> Result<crate::local::Store, crate::platform::HostError> {
        crate::local::Store::from_flag(self.store.as_deref())
    }
}

/// The state and platform services of one run.
pub(super) struct Backend {
    /// Where the state is loaded from and saved to.
    pub(super) state: Box<dyn StateStore>,
    /// The platform services.
    pub(super) platform: Box<dyn Platform>,
}

impl BackendArgs {
    /// The backend of a run of `app` for the asset `asset_id`. Only what is wrong whatever
    /// the run does is an error here (no store root, an id that cannot name a state file);
    /// files are opened when the run uses them.
    pub(super) fn open(&self, app: &AppJson, asset_id: &str) -> Result<Backend, String> {
        let named = self
            .state
            .as_ref()
            .map(|path| FileState::new(path).with_app_version(&app.app_version));
        #[cfg(feature = "local")]
        {
            let message = |error: crate::platform::HostError| error.full_message();
            let store = self.store.open().map_err(message)?;
            let state = match named {
                Some(file) => file,
                None => store
                    .state_file(&app.appid, asset_id, &app.app_version)
                    .map_err(message)?,
            };
            Ok(Backend {
                state: Box::new(SavedWhenChanged::new(state)),
                platform: Box::new(super::lazy::StoreOnFirstUse::new(store, asset_id)),
            })
        }
        #[cfg(not(feature = "local"))]
        {
            let _ = asset_id;
            Ok(Backend {
                state: match named {
                    Some(file) => Box::new(SavedWhenChanged::new(file)),
                    None => Box::new(crate::state::MemoryState::new()),
                },
                platform: Box::new(crate::platform::MemoryPlatform::new()),
            })
        }
    }
}
