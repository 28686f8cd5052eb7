//! Actions of the second file by name.

use soar_runtime::prelude::*;

/// The only one in this file.
#[action]
fn beta_only(_connector: &mut super::Order) {}
