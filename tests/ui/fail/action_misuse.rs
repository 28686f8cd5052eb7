// Actions declared the wrong way: a method outside #[actions], no connector argument, the
// reserved kinds and identifiers, a custom render without its view, a lock on no parameter,
// on poll with two arguments.
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

impl Lookup {
    /// Look a domain up.
    #[action]
    fn whois(&mut self) {}
}

/// Look a domain up.
#[action]
fn no_connector(domain: String) {
    let _ = domain;
}

/// Check the asset.
#[action(identifier = "test_connectivity", kind = "test")]
fn check(_connector: &mut Lookup) {}

/// Look a domain up.
#[action(render = "custom", lock = "domain")]
fn render_and_lock(_connector: &mut Lookup, name: String) {
    let _ = name;
}

/// Ingest.
#[on_poll]
fn poll(_connector: &mut Lookup, params: PollParams, more: PollParams) {
    let _ = (params, more);
}

fn main() {}
