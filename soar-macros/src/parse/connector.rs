//! `#[connector(...)]` on a struct, and `#[config(...)]` on its fields.

use darling::util::{Flag, SpannedValue};
use darling::{FromField, FromMeta};
use syn::{Attribute, Ident, LitStr, Type};

use super::literal::{Literal, LiteralList};

/// The arguments of `#[connector(...)]`: the app-level metadata.
#[derive(Debug, FromMeta)]
pub struct ConnectorArgs {
    /// The app's UUID.
    pub appid: SpannedValue<String>,
    /// Display name.
    pub name: SpannedValue<String>,
    /// Who publishes the app.
    pub publisher: String,
    /// The app `type`.
    pub app_type: SpannedValue<String>,
    /// Vendor of the product.
    pub product_vendor: String,
    /// The product.
    pub product_name: String,
    /// Supported product versions, `.*` unless given.
    pub product_version_regex: Option<String>,
    /// `x.y.z`, the crate's version unless given.
    pub app_version: Option<SpannedValue<String>>,
    /// License statement.
    pub license: String,
    /// Oldest platform version (`min_phantom_version`).
    pub min_platform_version: Option<SpannedValue<String>>,
    /// Python versions of the bridge.
    pub python_version: Option<SpannedValue<String>>,
    /// Logo for light backgrounds.
    pub logo: Option<String>,
    /// Logo for dark backgrounds.
    pub logo_dark: Option<String>,
    /// Contributors' names.
    #[darling(default)]
    pub contributors: Vec<LitStr>,
    /// Whether the app runs on FIPS-compliant platforms.
    pub fips_compliant: Flag,
    /// The Python package name, `phantom_<slug>` unless given.
    pub package_name: Option<SpannedValue<String>>,
    /// The module the platform imports, `<slug>_connector.py` unless given.
    pub main_module: Option<SpannedValue<String>>,
    /// Product versions the app was tested with.
    #[darling(default)]
    pub latest_tested_versions: Vec<LitStr>,
    /// Version of the app wizard that created the app.
    pub app_wizard_version: Option<String>,
    /// How the platform renders the asset configuration form.
    pub app_config_render: Option<String>,
    /// Whether the platform merges the app's result widgets.
    pub consolidate_widgets: Option<bool>,
    /// The REST handler: the Rust function that answers requests to the app's REST URL.
    pub rest_handler: Option<RestHandlerArgs>,
    /// The webhook: its handler function and settings.
    pub webhook: Option<WebhookArgs>,
    /// Wheels of the package the platform installs for Python 3.9, beside the connector's.
    #[darling(default)]
    pub pip39_wheels: Vec<LitStr>,
    /// Wheels of the package the platform installs for Python 3.13, beside the connector's.
    #[darling(default)]
    pub pip313_wheels: Vec<LitStr>,
    /// Whether the author implements `Hooks` (the lifecycle hooks) for the struct.
    pub hooks: Flag,
    /// Where generated code finds the runtime.
    #[darling(rename = "crate")]
    pub krate: Option<syn::Path>,
}

/// The arguments of `webhook(...)` in `#[connector(...)]`.
#[derive(Debug, FromMeta)]
pub struct WebhookArgs {
    /// The Rust function that answers the requests.
    pub handler: syn::Path,
    /// Whether callers must authenticate to the platform (the SDK's default: yes).
    pub requires_auth: Option<bool>,
    /// The request headers the platform passes on.
    #[darling(default)]
    pub allowed_headers: Vec<LitStr>,
    /// The networks (CIDR) allowed to call; every network unless given.
    pub ip_allowlist: Option<Vec<LitStr>>,
}

/// The arguments of `rest_handler(...)` in `#[connector(...)]`.
#[derive(Debug)]
pub struct RestHandlerArgs {
    /// The Rust function that answers the requests.
    pub handler: syn::Path,
}

/// `rest_handler(handler = ...)` as darling reads it; [`RestHandlerArgs`] adds the error for
/// the string form (a Python `module.function`), which no bundle could ship.
#[derive(FromMeta)]
struct RestHandlerList {
    handler: syn::Path,
}

impl FromMeta for RestHandlerArgs {
    fn from_list(items: &[darling::ast::NestedMeta]) -> darling::Result<Self> {
        RestHandlerList::from_list(items).map(|list| Self {
            handler: list.handler,
        })
    }

    fn from_string(value: &str) -> darling::Result<Self> {
        Err(darling::Error::custom(format!(
            "rest_handler takes a Rust function, `rest_handler(handler = <function>)`, not the Python {value:?}: the bundle writes the module the platform calls, which hands each request to that function"
        )))
    }
}

/// One field of the connector struct with its `#[config(...)]` attribute.
#[derive(Debug, FromField)]
#[darling(attributes(config), forward_attrs(doc))]
pub struct ConfigFieldArgs {
    /// The field.
    pub ident: Option<Ident>,
    /// Its type.
    pub ty: Type,
    /// Its doc comment.
    pub attrs: Vec<Attribute>,
    /// The configuration key, the field's name unless given.
    pub name: Option<SpannedValue<String>>,
    /// The description, the doc comment's unless given.
    pub description: Option<SpannedValue<String>>,
    /// The default value.
    pub default: Option<Literal>,
    /// The values to choose from.
    pub value_list: Option<LiteralList>,
    /// Not a configuration field: built with `Default`.
    pub skip: Flag,
}

/// Removes the `#[config]` attributes of the struct's fields.
pub fn strip(item: &mut syn::ItemStruct) {
    for field in &mut item.fields {
        field.attrs.retain(|attr| !attr.path().is_ident("config"));
    }
}
