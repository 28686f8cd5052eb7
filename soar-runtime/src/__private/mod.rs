//! Support for the code that `#[connector]`, `#[action]` and `#[derive(ActionOutput)]`
//! generate. Not a public API: it changes whenever the macros do.

pub mod bounds;
pub mod build;
pub mod checks;
pub mod hooks;
pub mod output;
pub mod registry;
pub mod view;

pub use inventory;
#[cfg(feature = "python")]
pub use pyo3;
pub use serde;
pub use serde_json;
