//! The connector: app metadata and asset configuration fields.

use darling::util::SpannedValue;
use darling::{Error, FromField};
use syn::{Ident, ItemStruct, LitStr, Type};

use super::Text;
use crate::docs::Docs;
use crate::names;
use crate::parse::connector::{ConfigFieldArgs, ConnectorArgs, WebhookArgs};
use crate::parse::literal::Literal;

/// The oldest platform version a connector runs on unless it says otherwise.
pub const MIN_PLATFORM_VERSION: &str = "6.3.0";
/// The Python versions of the bridge unless the connector says otherwise.
pub const PYTHON_VERSION: &str = "3.9, 3.13";

/// A `#[connector]` struct.
#[derive(Debug)]
pub struct Connector {
    /// The struct's name.
    pub ident: Ident,
    /// Where generated code finds the runtime.
    pub runtime: syn::Path,
    /// App-level metadata.
    pub app: App,
    /// The struct's fields.
    pub fields: Vec<ConfigField>,
    /// Whether the author implements `Hooks` for the struct (otherwise the defaults apply).
    pub hooks: bool,
}

/// App-level metadata.
#[derive(Debug)]
pub struct App {
    /// The app's UUID.
    pub appid: SpannedValue<String>,
    /// Display name.
    pub name: SpannedValue<String>,
    /// The struct's doc comment, first paragraph.
    pub description: Text,
    /// Who publishes the app.
    pub publisher: String,
    /// The app `type`.
    pub app_type: SpannedValue<String>,
    /// Vendor of the product.
    pub product_vendor: String,
    /// The product.
    pub product_name: String,
    /// Supported product versions.
    pub product_version_regex: String,
    /// `x.y.z`; `None` for the crate's version.
    pub app_version: Option<SpannedValue<String>>,
    /// License statement.
    pub license: String,
    /// Oldest platform version.
    pub min_phantom_version: SpannedValue<String>,
    /// Python versions of the bridge.
    pub python_version: SpannedValue<String>,
    /// `phantom_<slug>` unless given.
    pub package_name: String,
    /// `<slug>_connector.py` unless given.
    pub main_module: SpannedValue<String>,
    /// Logo for light backgrounds.
    pub logo: String,
    /// Logo for dark backgrounds.
    pub logo_dark: String,
    /// Contributors' names.
    pub contributors: Vec<String>,
    /// Whether the app runs on FIPS-compliant platforms.
    pub fips_compliant: bool,
    /// Product versions the app was tested with.
    pub latest_tested_versions: Vec<String>,
    /// Version of the app wizard that created the app.
    pub app_wizard_version: Option<String>,
    /// How the platform renders the asset configuration form.
    pub app_config_render: Option<String>,
    /// Whether the platform merges the app's result widgets.
    pub consolidate_widgets: Option<bool>,
    /// The Rust function that answers requests to the app's REST URL, if it has one.
    pub rest_handler: Option<syn::Path>,
    /// The webhook, if the connector has one.
    pub webhook: Option<Webhook>,
    /// The app's own wheels for Python 3.9 (paths in the package), each with its place.
    pub pip39_wheels: Vec<SpannedValue<String>>,
    /// The app's own wheels for Python 3.13 (paths in the package), each with its place.
    pub pip313_wheels: Vec<SpannedValue<String>>,
}

/// The webhook of a connector.
#[derive(Debug)]
pub struct Webhook {
    /// The Rust function that answers the requests.
    pub handler: syn::Path,
    /// Whether callers must authenticate to the platform.
    pub requires_auth: bool,
    /// The request headers the platform passes on.
    pub allowed_headers: Vec<String>,
    /// The networks (CIDR) allowed to call, each with its place in the attribute.
    pub ip_allowlist: Vec<SpannedValue<String>>,
}

/// The networks a webhook accepts calls from unless it says otherwise: all of them, as the
/// official SDK's default.
pub const IP_ALLOWLIST: [&str; 2] = ["0.0.0.0/0", "::/0"];

/// One field of the connector struct.
#[derive(Debug)]
pub struct ConfigField {
    /// The struct field.
    pub member: Ident,
    /// Its type.
    pub ty: Type,
    /// What the field is: a configuration field, or skipped.
    pub role: FieldRole,
}

/// Whether a struct field is part of the asset configuration.
#[derive(Debug)]
pub enum FieldRole {
    /// A configuration field.
    Config(ConfigSpec),
    /// `#[config(skip)]`: built with `Default`.
    Skipped,
}

/// What the app JSON says about a configuration field.
#[derive(Debug)]
pub struct ConfigSpec {
    /// The configuration key.
    pub name: SpannedValue<String>,
    /// The description.
    pub description: Text,
    /// The default.
    pub default: Option<Literal>,
    /// The values to choose from.
    pub value_list: Vec<Literal>,
}

/// Builds the model of a `#[connector]` struct.
pub fn build(args: ConnectorArgs, item: &ItemStruct) -> darling::Result<Connector> {
    let mut errors = Error::accumulator();
    if !item.generics.params.is_empty() {
        errors.push(
            Error::custom("a connector cannot be generic: the platform runs one concrete type")
                .with_span(&item.generics),
        );
    }
    let named = match &item.fields {
        syn::Fields::Named(named) => Some(named),
        _ => {
            errors.push(
                Error::custom(
                    "a connector is a struct with named fields (its asset configuration)",
                )
                .with_span(&item.ident),
            );
            None
        }
    };
    let fields = named
        .into_iter()
        .flat_map(|named| &named.named)
        .filter_map(|field| {
            errors.handle(ConfigFieldArgs::from_field(field).and_then(config_field))
        })
        .collect();
    let slug = names::slug(&args.name);
    let app = App {
        description: Text::described(None, &Docs::of(&item.attrs), String::new, item.ident.span()),
        publisher: args.publisher,
        app_type: args.app_type,
        product_vendor: args.product_vendor,
        product_name: args.product_name,
        product_version_regex: args
            .product_version_regex
            .unwrap_or_else(|| ".*".to_owned()),
        app_version: args.app_version,
        license: args.license,
        min_phantom_version: args.min_platform_version.unwrap_or_else(|| {
            SpannedValue::new(MIN_PLATFORM_VERSION.to_owned(), item.ident.span())
        }),
        python_version: args
            .python_version
            .unwrap_or_else(|| SpannedValue::new(PYTHON_VERSION.to_owned(), item.ident.span())),
        package_name: args
            .package_name
            .map_or_else(|| format!("phantom_{slug}"), SpannedValue::into_inner),
        main_module: args.main_module.unwrap_or_else(|| {
            SpannedValue::new(format!("{slug}_connector.py"), item.ident.span())
        }),
        logo: args.logo.unwrap_or_else(|| "logo.svg".to_owned()),
        logo_dark: args.logo_dark.unwrap_or_else(|| "logo_dark.svg".to_owned()),
        contributors: args.contributors.iter().map(syn::LitStr::value).collect(),
        fips_compliant: args.fips_compliant.is_present(),
        latest_tested_versions: args
            .latest_tested_versions
            .iter()
            .map(syn::LitStr::value)
            .collect(),
        app_wizard_version: args.app_wizard_version,
        app_config_render: args.app_config_render,
        consolidate_widgets: args.consolidate_widgets,
        rest_handler: args.rest_handler.map(|rest| rest.handler),
        webhook: args
            .webhook
            .map(|webhook| webhook_of(webhook, item.ident.span())),
        pip39_wheels: spanned_texts(&args.pip39_wheels),
        pip313_wheels: spanned_texts(&args.pip313_wheels),
        appid: args.appid,
        name: args.name,
    };
    errors.finish_with(Connector {
        ident: item.ident.clone(),
        runtime: crate::parse::runtime_path(args.krate.as_ref()),
        hooks: args.hooks.is_present(),
        app,
        fields,
    })
}

/// The webhook of `webhook(...)`, with the SDK's defaults; `span` is where a default network
/// is reported.
fn webhook_of(args: WebhookArgs, span: proc_macro2::Span) -> Webhook {
    Webhook {
        handler: args.handler,
        requires_auth: args.requires_auth.unwrap_or(true),
        allowed_headers: args.allowed_headers.iter().map(LitStr::value).collect(),
        ip_allowlist: match args.ip_allowlist {
            Some(networks) => spanned_texts(&networks),
            None => IP_ALLOWLIST
                .iter()
                .map(|network| SpannedValue::new((*network).to_owned(), span))
                .collect(),
        },
    }
}

/// String literals as texts that keep their places, for errors about one of them.
fn spanned_texts(literals: &[LitStr]) -> Vec<SpannedValue<String>> {
    literals
        .iter()
        .map(|literal| SpannedValue::new(literal.value(), literal.span()))
        .collect()
}

fn config_field(args: ConfigFieldArgs) -> darling::Result<ConfigField> {
    let member = args
        .ident
        .ok_or_else(|| Error::custom("a connector field needs a name").with_span(&args.ty))?;
    let role = if args.skip.is_present() {
        FieldRole::Skipped
    } else {
        let plain = member.to_string().trim_start_matches("r#").to_owned();
        let name = args
            .name
            .unwrap_or_else(|| SpannedValue::new(plain.clone(), member.span()));
        let docs = Docs::of(&args.attrs);
        FieldRole::Config(ConfigSpec {
            description: Text::described(
                args.description.as_ref(),
                &docs,
                || names::title(&plain),
                member.span(),
            ),
            name,
            default: args.default,
            value_list: args.value_list.map(|list| list.0).unwrap_or_default(),
        })
    };
    Ok(ConfigField {
        ty: args.ty,
        member,
        role,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::ty;
    use quote::quote;
    use syn::parse_quote;

    fn built(args: proc_macro2::TokenStream, item: ItemStruct) -> darling::Result<Connector> {
        crate::parse::args(args).and_then(|args| build(args, &item))
    }

    const ARGS: &str = r#"appid = "1b4c2f39-0a55-4c1e-9d57-5f3f1a7c9e21", name = "WHOIS Sample App",
        publisher = "Example Corp", app_type = "information", product_vendor = "Generic",
        product_name = "Whois", license = "Apache-2.0""#;

    #[test]
    fn the_app_gets_its_defaults_and_the_fields_their_roles() {
        let connector = built(
            ARGS.parse().unwrap(),
            parse_quote! {
                /// Query WHOIS servers.
                ///
                /// Not the description.
                pub struct Whois {
                    /// Server to use
                    #[config(name = "server", default = "whois.iana.org")]
                    whois_server: Option<String>,
                    input_timeout: u32,
                    #[config(skip)]
                    cache: Vec<String>,
                }
            },
        )
        .unwrap();
        let app = &connector.app;
        assert_eq!(app.description.value, "Query WHOIS servers.");
        assert_eq!(app.package_name, "phantom_whoissampleapp");
        assert_eq!(*app.main_module, "whoissampleapp_connector.py");
        assert!(app.latest_tested_versions.is_empty() && app.rest_handler.is_none());
        assert!(app.webhook.is_none());
        assert_eq!(
            (
                &app.app_wizard_version,
                &app.app_config_render,
                app.consolidate_widgets
            ),
            (&None, &None, None)
        );
        assert_eq!(*app.min_phantom_version, MIN_PLATFORM_VERSION);
        assert_eq!(*app.python_version, PYTHON_VERSION);
        assert_eq!(
            (app.logo.as_str(), app.logo_dark.as_str()),
            ("logo.svg", "logo_dark.svg")
        );
        assert_eq!(app.product_version_regex, ".*");
        assert!(app.app_version.is_none() && !app.fips_compliant && !connector.hooks);
        let roles: Vec<(String, Option<&str>, Option<&str>)> = connector
            .fields
            .iter()
            .map(|field| match &field.role {
                FieldRole::Config(spec) => (
                    field.member.to_string(),
                    Some(spec.name.as_str()),
                    Some(spec.description.value.as_str()),
                ),
                FieldRole::Skipped => (field.member.to_string(), None, None),
            })
            .collect();
        assert_eq!(
            roles,
            [
                (
                    "whois_server".to_owned(),
                    Some("server"),
                    Some("Server to use")
                ),
                (
                    "input_timeout".to_owned(),
                    Some("input_timeout"),
                    Some("Input Timeout")
                ),
                ("cache".to_owned(), None, None),
            ]
        );
        assert_eq!(connector.fields[0].ty, ty("Option<String>"));
        assert_eq!(
            connector.runtime,
            crate::test_support::path("::soar_runtime")
        );
    }

    #[test]
    fn optional_arguments_and_the_hooks_flag() {
        let args: proc_macro2::TokenStream = format!(
            "{ARGS}, app_version = \"2.0.1\", min_platform_version = \"6.2.2.134\", python_version = \"3.13\", logo = \"w.svg\", contributors = [\"Ada\"], fips_compliant, hooks, crate = \"crate::rt\", package_name = \"phantom_whois\", main_module = \"whois_connector.py\", latest_tested_versions = [\"Whois 5.3\"], app_wizard_version = \"1.0.0\", app_config_render = \"default\", consolidate_widgets = false, rest_handler(handler = oauth::callback)"
        )
        .parse()
        .unwrap();
        let connector = built(
            args,
            parse_quote!(
                struct Whois {}
            ),
        )
        .unwrap();
        assert!(connector.hooks && connector.app.fips_compliant);
        assert_eq!(
            connector.app.app_version.as_deref().map(String::as_str),
            Some("2.0.1")
        );
        assert_eq!(*connector.app.min_phantom_version, "6.2.2.134");
        assert_eq!(connector.app.contributors, ["Ada"]);
        assert_eq!(connector.app.logo, "w.svg");
        let app = &connector.app;
        assert_eq!(
            (app.package_name.as_str(), app.main_module.as_str()),
            ("phantom_whois", "whois_connector.py")
        );
        assert_eq!(app.latest_tested_versions, ["Whois 5.3"]);
        assert_eq!(app.app_wizard_version.as_deref(), Some("1.0.0"));
        assert_eq!(app.app_config_render.as_deref(), Some("default"));
        assert_eq!(app.consolidate_widgets, Some(false));
        assert_eq!(
            app.rest_handler,
            Some(crate::test_support::path("oauth::callback"))
        );
        assert_eq!(connector.runtime, crate::test_support::path("crate::rt"));
    }

    #[test]
    fn a_webhook_gets_the_sdks_defaults_unless_it_says() {
        let webhook = |extra: &str| {
            let args: proc_macro2::TokenStream =
                format!("{ARGS}, webhook({extra})").parse().unwrap();
            built(
                args,
                parse_quote!(
                    struct Whois {}
                ),
            )
            .unwrap()
            .app
            .webhook
            .unwrap()
        };
        let plain = webhook("handler = hooks::pushed");
        assert_eq!(plain.handler, crate::test_support::path("hooks::pushed"));
        assert!(plain.requires_auth && plain.allowed_headers.is_empty());
        let networks: Vec<&str> = plain.ip_allowlist.iter().map(|n| n.as_str()).collect();
        assert_eq!(networks, IP_ALLOWLIST);
        let given = webhook(
            r#"handler = pushed, requires_auth = false, ip_allowlist = ["10.0.0.0/8"], allowed_headers = ["Content-Type"]"#,
        );
        assert!(!given.requires_auth);
        assert_eq!(given.allowed_headers, ["Content-Type"]);
        assert_eq!(*given.ip_allowlist[0], "10.0.0.0/8");
        let args: proc_macro2::TokenStream = format!("{ARGS}, webhook(requires_auth = false)")
            .parse()
            .unwrap();
        let error = built(
            args,
            parse_quote!(
                struct Whois {}
            ),
        )
        .unwrap_err();
        assert!(
            error.to_string().contains("Missing field `handler`"),
            "{error}"
        );
    }

    #[test]
    fn what_cannot_be_a_connector() {
        let errors: Vec<String> = built(
            ARGS.parse().unwrap(),
            parse_quote!(
                struct Whois<T>(T);
            ),
        )
        .unwrap_err()
        .into_iter()
        .map(|error| error.to_string())
        .collect();
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(errors[0].starts_with("a connector cannot be generic"));
        assert!(errors[1].starts_with("a connector is a struct with named fields"));
        let missing = built(
            quote!(appid = "x"),
            parse_quote!(
                struct Whois {}
            ),
        )
        .unwrap_err();
        assert!(missing.to_string().contains("Missing field"));
    }
}
