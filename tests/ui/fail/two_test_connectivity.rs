// Two test connectivity actions.
use soar_runtime::prelude::*;

/// Looks things up.
#[connector(
    appid = "1b4c2f39-0a55-4c1e-9d57-5f3f1a7c9e21",
    name = "Twice",
    publisher = "Example Corp",
    app_type = "information",
    product_vendor = "Generic",
    product_name = "Twice",
    license = "Apache-2.0",
)]
pub struct Twice {}

/// Check the asset.
#[test_connectivity]
fn check(_connector: &mut Twice) {}

mod again {
    /// Check the asset again.
    #[soar_runtime::test_connectivity(identifier = "test_connectivity")]
    fn check_again(_connector: &mut super::Twice) {}
}

fn main() {}
