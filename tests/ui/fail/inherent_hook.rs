// Lifecycle hooks written as inherent methods (the old way), which the runtime would never call.
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
    fn initialize(&mut self, ctx: &mut Ctx) -> Result<(), ActionError> {
        let _ = ctx;
        Ok(())
    }

    fn finalize(&mut self, ctx: &mut Ctx) -> Result<(), ActionError> {
        let _ = ctx;
        Ok(())
    }

    /// Not a hook's name: fine.
    fn initialise_cache(&mut self) {}
}

fn main() {}
