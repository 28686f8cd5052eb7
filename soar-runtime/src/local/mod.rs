//! The local backend (feature `local`): what a connector ingests, its vault and its state,
//! kept on this machine under one [`Store`] root, so that `poll`, `run` and `action` behave
//! as on the platform and what was ingested can be inspected (`containers`, `artifacts`).
//!
//! - [`Store`]: the root (`--store`, `SOAR_STORE`, or the per-user default) and its layout.
//! - [`Database`]: containers, artifacts and the vault index in SQLite, one transaction per
//!   write; [`ContainerRecord`] and [`ArtifactRecord`] read them back.
//! - [`LocalPlatform`]: the [`crate::platform::Platform`] of local runs.
//! - The state of an asset is a [`crate::state::FileState`] at the platform's path
//!   ([`Store::state_file`]); its secrets are encrypted with the store's key.

mod db;
mod key;
mod platform;
mod records;
mod store;
mod vault_files;

pub use db::Database;
pub use platform::LocalPlatform;
pub use records::{ArtifactRecord, ContainerRecord};
pub use store::{STORE_ENV, Store};
