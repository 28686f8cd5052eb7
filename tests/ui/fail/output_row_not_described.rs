// Actions returning lists and options of a type that is not an ActionOutput: the error names it.
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

/// A row without `#[derive(ActionOutput)]`.
#[derive(serde::Serialize)]
struct Row {
    name: String,
}

/// List rows.
#[action]
fn list_rows(_connector: &mut Lookup) -> Vec<Row> {
    Vec::new()
}

/// Find a row.
#[action]
fn find_row(_connector: &mut Lookup) -> Result<Option<Row>, ActionError> {
    Ok(None)
}

fn main() {}
