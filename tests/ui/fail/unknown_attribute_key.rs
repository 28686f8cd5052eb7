// Misspelled attribute keys.
use soar_runtime::prelude::*;

/// Looks things up.
#[connector(
    appid = "1b4c2f39-0a55-4c1e-9d57-5f3f1a7c9e21",
    name = "Lookup",
    publisher = "Example Corp",
    app_type = "information",
    product_vendor = "Generic",
    product_name = "Lookup",
    license = "Apache-2.0",
)]
pub struct Lookup {
    /// Port
    #[config(defualt = 43)]
    port: u16,
}

/// Look a domain up.
#[action(identifer = "whois_domain", read_onl)]
fn whois(_connector: &mut Lookup, #[param(primry)] domain: String) {
    let _ = domain;
}

fn main() {}
