// Wheels that are not wheels, that lie outside `wheels/`, that do not install on the Python of
// their list, or that are listed twice.
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
    pip39_wheels = ["wheels/py313/x-1.0-cp313-cp313-manylinux_2_28_x86_64.whl", "lib/x-1.0-py3-none-any.whl"],
    pip313_wheels = ["wheels/py3/x.whl", "wheels/py3/y-1-py3-none-any.whl", "wheels/py3/y-1-py3-none-any.whl"],
)]
pub struct Lookup {}

fn main() {}
