// A connector whose attribute does not parse (`license` is missing), under a runtime path
// override: its stub implements the override's Connector, so the only error is the attribute's
// (a stub under the default path would add "`Lookup: rt::connector::Connector` is not
// satisfied").
mod rt {
    pub use soar_runtime::*;

    /// The override's own connector traits, standing in for a re-export under another name.
    pub mod connector {
        pub trait Hooks {}

        pub trait Connector: Hooks {
            fn app_json() -> soar_runtime::app_json::AppJson;
            fn from_config(
                config: &soar_runtime::config::Config,
                ctx: &mut soar_runtime::context::Ctx,
            ) -> Result<Self, soar_runtime::error::ActionError>
            where
                Self: Sized;
            fn handle_action(
                &mut self,
                ctx: &mut soar_runtime::context::Ctx,
                result: &mut soar_runtime::result::ActionResult,
            ) -> Result<(), soar_runtime::error::ActionError>;
        }
    }
}

/// Looks things up.
#[soar_runtime::connector(
    appid = "1b4c2f39-0a55-4c1e-9d57-5f3f1a7c9e21",
    name = "Lookup",
    publisher = "Example Corp",
    app_type = "information",
    product_vendor = "Generic",
    product_name = "Lookup",
    crate = "crate::rt",
)]
pub struct Lookup {}

fn uses_the_override<C: rt::connector::Connector>() {}

fn main() {
    uses_the_override::<Lookup>();
}
