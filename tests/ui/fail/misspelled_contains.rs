// A misspelled known contains, and an app-specific one without `custom`.
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

/// Look a domain up.
#[action]
fn whois(
    _connector: &mut Lookup,
    #[param(contains = ["domian"])] domain: String,
    #[param(contains = ["vendor ticket id", custom("vendor device id")])] ticket: String,
) {
    let _ = (domain, ticket);
}

fn main() {}
