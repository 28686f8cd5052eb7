// Two methods of an `#[actions]` block with one identifier: the message names each method
// where it is.
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

#[actions]
impl Dup {
    /// Look a domain up.
    #[action(identifier = "lookup")]
    fn lookup_domain(&mut self) {}

    /// Look an address up.
    #[action(identifier = "lookup")]
    fn lookup_ip(&mut self) {}
}

fn main() {}
