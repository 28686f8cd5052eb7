//! Test connectivity, in the last file by name but listed first.

use soar_runtime::prelude::*;

/// Check the asset.
#[test_connectivity]
fn check(_connector: &mut super::Order) {}
