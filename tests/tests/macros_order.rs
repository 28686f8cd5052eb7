//! Actions are listed in declaration order, file (by path: `tests/tests/macros_order.rs`
//! before `tests/tests/order/alpha.rs`) then line, whatever the module order and the link
//! order: test connectivity first, on poll last.

// Declared in the opposite order of their file names on purpose: the app JSON follows the
// files, not the modules.
#[path = "order/alpha.rs"]
mod alpha;
#[path = "order/beta.rs"]
mod beta;
#[path = "order/zeta.rs"]
mod zeta;

use soar_runtime::prelude::*;

/// Orders actions.
#[connector(
    appid = "1b4c2f39-0a55-4c1e-9d57-5f3f1a7c9e21",
    name = "Order",
    publisher = "Example Corp",
    app_type = "information",
    product_vendor = "Generic",
    product_name = "Order",
    license = "Apache-2.0"
)]
pub struct Order {}

/// Last of this file.
#[action]
fn in_the_test_file(_connector: &mut Order) {}

#[test]
fn declaration_order_file_then_line() {
    let app = Order::app_json();
    let identifiers: Vec<&str> = app.actions.iter().map(|a| a.identifier.as_str()).collect();
    assert_eq!(
        identifiers,
        [
            "test_asset_connectivity",
            "in_the_test_file",
            "alpha_first",
            "alpha_second",
            "beta_only",
            "zeta_last",
            "on_poll"
        ]
    );
}
