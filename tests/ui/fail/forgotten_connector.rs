// The connector argument forgotten: the context first. It used to compile, and the action
// was registered for `Ctx` and missing from the app JSON.
use soar_runtime::prelude::*;
use soar_runtime::values::Domain;

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
fn lookup_domain(ctx: &mut Ctx, domain: Domain) {
    let _ = (ctx, domain);
}

fn main() {}
