// A REST handler that does not take a request and answer with a response.
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
    rest_handler(handler = callback),
)]
pub struct Lookup {}

fn callback(request: WebhookRequest) -> Result<RestResponse, ActionError> {
    Ok(RestResponse::text(200, request.path()))
}

fn main() {}
