// An appid that is not a UUID, and an unknown app type.
use soar_runtime::prelude::*;

/// Looks things up.
#[connector(
    appid = "776AB991-313e-48e7-bccd",
    name = "Lookup",
    publisher = "Example Corp",
    app_type = "informations",
    product_vendor = "Generic",
    product_name = "Lookup",
    license = "Apache-2.0",
)]
pub struct Lookup {}

fn main() {}
