// The context is recognised by its type, wherever it is: a reference parameter is a parameter,
// a context out of place or taken shared is an error at that argument.
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

/// Look a name up.
#[action]
fn by_name(connector: &mut Lookup, name: &str) {
    let _ = (connector, name);
}

/// Look a name up later.
#[action]
fn late_context(connector: &mut Lookup, name: String, ctx: &mut Ctx) {
    let _ = (connector, name, ctx);
}

/// Look a name up without changing anything.
#[action]
fn shared_context(connector: &mut Lookup, ctx: &Ctx) {
    let _ = (connector, ctx);
}

/// Look a name up with a full path to the context.
#[action]
fn full_path(connector: &mut Lookup, name: String, ctx: &mut soar_runtime::context::Ctx) {
    let _ = (connector, name, ctx);
}

fn main() {}
