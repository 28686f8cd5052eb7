//! [`Store`]: the root of the local store, where it is and what lies under it.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use super::{Database, LocalPlatform, key};
use crate::platform::{HostError, LocalCipher};
use crate::state::FileState;

/// The environment variable that names the store's root when no `--store` is given.
pub const STORE_ENV: &str = "SOAR_STORE";

/// The directory of the per-user default root, under the user's data directory.
const DEFAULT_DIR: &str = "soar-connectors";

/// The local store: one root directory holding
///
/// - `soar.db`: containers, artifacts and the vault index (SQLite);
/// - `vault/<first 2 hex digits>/<sha1>`: the vault's files, by content, and `vault/tmp/`,
///   where files are staged (on the same file system, so adding one is a rename);
/// - `state/<appid>/<asset_id>_state.json`: the connectors' state files;
/// - `state.key`: the key that encrypts the secrets of the state files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Store {
    root: PathBuf,
}

impl Store {
    /// The store at `root` (nothing is created until it is used).
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    /// The store the command line chose: `flag` (`--store`), else [`STORE_ENV`], else the
    /// per-user default ([`Store::resolve_root`] with the process's environment).
    pub fn from_flag(flag: Option<&Path>) -> Result<Self, HostError> {
        Self::resolve_root(flag, |name| std::env::var_os(name)).map(Self::new)
    }

    /// The root: `flag`, else the variable [`STORE_ENV`], else
    /// `$XDG_DATA_HOME/soar-connectors`, else `$HOME/.local/share/soar-connectors`. Empty
    /// values count as unset; `env` reads a variable.
    pub fn resolve_root(
        flag: Option<&Path>,
        env: impl Fn(&str) -> Option<OsString>,
    ) -> Result<PathBuf, HostError> {
        let var = |name: &str| {
            env(name)
                .filter(|value| !value.is_empty())
                .map(PathBuf::from)
        };
        if let Some(flag) = flag {
            return Ok(flag.to_owned());
        }
        if let Some(root) = var(STORE_ENV) {
            return Ok(root);
        }
        if let Some(data) = var("XDG_DATA_HOME").filter(|dir| dir.is_absolute()) {
            return Ok(data.join(DEFAULT_DIR));
        }
        var("HOME")
            .map(|home| home.join(".local/share").join(DEFAULT_DIR))
            .ok_or_else(|| {
                HostError::new(format!(
                    "no store: pass --store <dir> or set {STORE_ENV} (HOME is not set)"
                ))
            })
    }

    /// The root directory.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The database file, `soar.db`.
    pub fn database_path(&self) -> PathBuf {
        self.root.join("soar.db")
    }

    /// The vault's directory, `vault/`.
    pub fn vault_dir(&self) -> PathBuf {
        self.root.join("vault")
    }

    /// Where files bound for the vault are staged, `vault/tmp/`.
    pub fn vault_tmp_dir(&self) -> PathBuf {
        self.vault_dir().join("tmp")
    }

    /// The state file of an asset of an app, `state/<appid>/<asset_id>_state.json`.
    pub fn state_path(&self, appid: &str, asset_id: &str) -> PathBuf {
        self.root
            .join("state")
            .join(appid)
            .join(format!("{asset_id}_state.json"))
    }

    /// The key file, `state.key`.
    pub fn key_path(&self) -> PathBuf {
        self.root.join("state.key")
    }

    /// The state of an asset of an app, saved with the app's version. An app or asset id that
    /// would name another directory (empty, `.`, `..`, or with a `/`) is refused.
    pub fn state_file(
        &self,
        appid: &str,
        asset_id: &str,
        app_version: &str,
    ) -> Result<FileState, HostError> {
        for (what, id) in [("app id", appid), ("asset id", asset_id)] {
            if id.is_empty() || id == "." || id == ".." || id.contains(['/', '\\', '\0']) {
                return Err(HostError::new(format!(
                    "the {what} `{id}` cannot name a state file"
                )));
            }
        }
        Ok(FileState::new(self.state_path(appid, asset_id)).with_app_version(app_version))
    }

    /// The cipher of the store's key, made on first use.
    pub fn cipher(&self) -> Result<LocalCipher, HostError> {
        key::load_or_create(&self.key_path())
    }

    /// Opens (creating it when needed) the store's database.
    pub fn database(&self) -> Result<Database, HostError> {
        std::fs::create_dir_all(&self.root).map_err(|error| {
            HostError::caused_by(format!("cannot create {}", self.root.display()), error)
        })?;
        Database::open(&self.database_path())
    }

    /// The platform services of runs for the asset `asset_id`, kept in this store.
    pub fn platform(&self, asset_id: &str) -> Result<LocalPlatform, HostError> {
        LocalPlatform::open(self, asset_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(flag: Option<&str>, vars: &[(&str, &str)]) -> Result<PathBuf, HostError> {
        Store::resolve_root(flag.map(Path::new), |name| {
            vars.iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| OsString::from(value))
        })
    }

    #[test]
    fn the_flag_beats_the_environment_which_beats_the_default() {
        let all = [
            (STORE_ENV, "/env/store"),
            ("XDG_DATA_HOME", "/xdg"),
            ("HOME", "/home/u"),
        ];
        assert_eq!(resolve(Some("/flag"), &all).unwrap(), Path::new("/flag"));
        assert_eq!(resolve(None, &all).unwrap(), Path::new("/env/store"));
        assert_eq!(
            resolve(None, &all[1..]).unwrap(),
            Path::new("/xdg/soar-connectors")
        );
        assert_eq!(
            resolve(None, &all[2..]).unwrap(),
            Path::new("/home/u/.local/share/soar-connectors")
        );
        // Empty and relative XDG values are ignored, as the XDG specification says.
        let loose = [(STORE_ENV, ""), ("XDG_DATA_HOME", "rel"), ("HOME", "/h")];
        assert_eq!(
            resolve(None, &loose).unwrap(),
            Path::new("/h/.local/share/soar-connectors")
        );
        let none = resolve(None, &[]).unwrap_err().to_string();
        assert!(none.contains("--store"), "{none}");
    }

    #[test]
    fn the_layout_under_the_root() {
        let store = Store::new("/r");
        assert_eq!(store.database_path(), Path::new("/r/soar.db"));
        assert_eq!(store.vault_tmp_dir(), Path::new("/r/vault/tmp"));
        assert_eq!(
            store.state_path("app-1", "local"),
            Path::new("/r/state/app-1/local_state.json")
        );
        assert_eq!(store.key_path(), Path::new("/r/state.key"));
        for bad in ["", "..", "a/b"] {
            assert!(store.state_file("app-1", bad, "1.0.0").is_err(), "{bad}");
        }
    }
}
