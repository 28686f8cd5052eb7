// An action result and an output field that cannot be described.
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
fn whois(_connector: &mut Lookup) -> std::collections::HashMap<String, String> {
    std::collections::HashMap::new()
}

/// A record with a field of no known shape.
#[derive(serde::Serialize, ActionOutput)]
struct Record {
    raw: serde_json::Value,
}

/// Look an address up.
#[action]
fn whois_ip(_connector: &mut Lookup) -> Record {
    Record { raw: serde_json::Value::Null }
}

fn main() {}
