// The smallest connector: no configuration, one action.
use soar_runtime::prelude::*;

/// Says hello.
#[connector(
    appid = "1b4c2f39-0a55-4c1e-9d57-5f3f1a7c9e21",
    name = "Hello",
    publisher = "Example Corp",
    app_type = "information",
    product_vendor = "Generic",
    product_name = "Hello",
    license = "Apache-2.0",
)]
pub struct Hello {}

/// Say hello.
#[action]
fn hello(_connector: &Hello, ctx: &mut Ctx) {
    ctx.save_progress("hello");
}

fn main() {
    let app = Hello::app_json();
    assert_eq!(app.actions.len(), 1);
    assert_eq!(app.actions[0].description, "Say hello");
}
