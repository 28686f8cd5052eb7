// A misspelled hook in the hooks impl, and a connector that says it writes its hooks but does not.
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
    hooks,
)]
pub struct Lookup {}

impl Hooks for Lookup {
    fn initalize(&mut self, ctx: &mut Ctx) -> Result<(), ActionError> {
        let _ = ctx;
        Ok(())
    }
}

/// Looks other things up.
#[connector(
    appid = "2b4c2f39-0a55-4c1e-9d57-5f3f1a7c9e21",
    name = "Other",
    publisher = "Example Corp",
    app_type = "information",
    product_vendor = "Generic",
    product_name = "Other",
    license = "Apache-2.0",
    hooks,
)]
pub struct Other {}

fn main() {}
