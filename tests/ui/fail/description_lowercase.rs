// Descriptions that the platform's CI refuses and that cannot be normalised.
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
pub struct Lookup {}

/// look a domain up.
#[action]
fn whois(
    _connector: &mut Lookup,
    /// the domain
    domain: String,
) {
    let _ = domain;
}

/// Look an address up..
#[action]
fn whois_ip(_connector: &mut Lookup) {}

#[action]
fn undocumented(_connector: &mut Lookup) {}

fn main() {}
