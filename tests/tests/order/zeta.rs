//! Test connectivity, in the last file by name but listed first, and the action listed last
//! (but for on poll), although its module is declared first.

use soar_runtime::prelude::*;

/// Check the asset.
#[test_connectivity]
fn check(_connector: &mut super::Order) {}

/// Last of the files.
#[action]
fn zeta_last(_connector: &mut super::Order) {}
