// Configuration fields: a secret with a default, a default of the wrong type, one not in its value list, a type that is not a field.
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
    /// API key
    #[config(default = "changeme")]
    api_key: Secret,
    /// Timeout in seconds
    #[config(default = "30")]
    timeout: u32,
    /// Output format
    #[config(default = "xml", value_list = ["json", "text"])]
    format: String,
    /// Extra headers
    headers: Vec<String>,
}

fn main() {}
