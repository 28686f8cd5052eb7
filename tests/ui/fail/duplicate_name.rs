// Two actions with different identifiers and one name, in two different modules.
use soar_runtime::prelude::*;

/// Looks things up.
#[connector(
    appid = "1b4c2f39-0a55-4c1e-9d57-5f3f1a7c9e21",
    name = "Dup",
    publisher = "Example Corp",
    app_type = "information",
    product_vendor = "Generic",
    product_name = "Dup",
    license = "Apache-2.0",
)]
pub struct Dup {}

mod domains {
    use super::*;

    /// Look a domain up.
    #[action(name = "lookup")]
    fn lookup_domain(_connector: &mut Dup) {}
}

mod addresses {
    use super::*;

    /// Look an address up (its name is derived from its identifier).
    #[action]
    fn lookup(_connector: &mut Dup) {}
}

fn main() {}
