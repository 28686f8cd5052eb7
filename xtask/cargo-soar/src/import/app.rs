//! The connector of an imported app: `#[connector(...)]` with the app's metadata, and the
//! struct whose fields are the asset configuration, typed from their `data_type`.

use soar_app_json::{
    AppJson, ConfigField, DataType, DefaultValue, Pointer, PythonVersion, Webhook,
};
use std::collections::{BTreeMap, BTreeSet};

use soar_vocab::text;

use super::idents::{self, Scope};
use super::notes::Notes;
use super::text::{doc, fits_first_paragraph, list, string};
use super::{Refusal, values};

/// Names of the generated code that actions and outputs must not take.
pub const PRELUDE: &[&str] = &[
    "AppJson",
    "TimeZone",
    "Config",
    "Connector",
    "Hooks",
    "Ctx",
    "ActionError",
    "HttpClient",
    "Artifact",
    "Container",
    "Severity",
    "ActionOutput",
    "Output",
    "PollParams",
    "ActionResult",
    "Status",
    "Secret",
    "WebhookRequest",
    "WebhookResponse",
    "Serialize",
    "Deserialize",
];

/// What the rest of the import needs of the connector.
#[derive(Debug)]
pub struct Connector {
    /// The connector type's name.
    pub type_name: String,
    /// The Cargo package name the project takes by default.
    pub package: String,
    /// The type names taken so far.
    pub types: Scope,
    /// The function names taken so far (the webhook's stub, when the app has a webhook).
    pub functions: Scope,
    /// The app's wheels the connector lists, whose files the project gets.
    pub wheels: BTreeSet<String>,
}

/// The name of the webhook handler stub the import writes.
const WEBHOOK_FUNCTION: &str = "handle_webhook";

/// The name of the REST handler stub the import writes.
const REST_FUNCTION: &str = "handle_rest_request";

/// Writes the connector struct, listing the app's wheels whose files are `carried`; refuses an
/// app whose identity is unusable.
pub fn write(
    app: &AppJson,
    carried: &BTreeMap<String, Vec<u8>>,
    out: &mut String,
    notes: &mut Notes,
) -> Result<Connector, Refusal> {
    let root = Pointer::root();
    if !text::is_uuid(&app.appid) {
        return Err(Refusal::at(
            &root.child("appid"),
            format!(
                "{:?} is not an appid: expected a UUID such as \"776ab991-313e-48e7-bccd-e8c9650c239a\"",
                app.appid
            ),
        ));
    }
    let slug = soar_vocab::app_slug(&app.name);
    if slug.is_empty() {
        return Err(Refusal::at(
            &root.child("name"),
            "the app's name has no letter or digit",
        ));
    }
    for (key, version, valid) in [
        (
            "app_version",
            &app.app_version,
            text::is_app_version(&app.app_version),
        ),
        (
            "min_phantom_version",
            &app.min_phantom_version,
            text::is_min_phantom_version(&app.min_phantom_version),
        ),
    ] {
        if !valid {
            return Err(Refusal::at(
                &root.child(key),
                format!("{version:?} is not a version the platform reads"),
            ));
        }
    }
    let mut types = Scope::of_types(PRELUDE);
    let type_name = types.unique(idents::camel(&app.name, "App"));
    let mut args: Vec<String> = Vec::new();
    let arg =
        |args: &mut Vec<String>, key: &str, value: String| args.push(format!("{key} = {value}"));
    let appid = app.appid.to_ascii_lowercase();
    if appid != app.appid {
        notes.corrected(
            &root.child("appid"),
            "written in lower case, as the macros want (the same UUID)".to_owned(),
        );
    }
    arg(&mut args, "appid", string(&appid));
    arg(&mut args, "name", string(&app.name));
    arg(&mut args, "publisher", string(&app.publisher));
    let app_type = if soar_vocab::APP_TYPES.contains(&app.app_type.as_str()) {
        app.app_type.clone()
    } else {
        notes.corrected(
            &root.child("type"),
            format!(
                "{:?} is no app type of the CI schema; written as \"generic\"",
                app.app_type
            ),
        );
        "generic".to_owned()
    };
    arg(&mut args, "app_type", string(&app_type));
    arg(&mut args, "product_vendor", string(&app.product_vendor));
    arg(&mut args, "product_name", string(&app.product_name));
    arg(&mut args, "license", string(&app.license));
    if app.product_version_regex != ".*" {
        arg(
            &mut args,
            "product_version_regex",
            string(&app.product_version_regex),
        );
    }
    arg(&mut args, "app_version", string(&app.app_version));
    arg(
        &mut args,
        "min_platform_version",
        string(&app.min_phantom_version),
    );
    let has_views = app.actions.iter().any(|action| {
        action
            .render
            .as_ref()
            .is_some_and(|render| render.view.is_some())
    });
    let raised = soar_vocab::min_phantom_version(&app.min_phantom_version, has_views);
    if raised != app.min_phantom_version {
        notes.corrected(
            &root.child("min_phantom_version"),
            format!("{raised} for the app's views, which return pre-rendered HTML"),
        );
    }
    let python = match &app.python_version {
        PythonVersion::Text(text) => text.clone(),
        PythonVersion::List(items) => {
            notes.corrected(
                &root.child("python_version"),
                "a list; the macros write the same versions as one string".to_owned(),
            );
            items.join(", ")
        }
    };
    if text::is_python_version_text(&python) {
        arg(&mut args, "python_version", string(&python));
    } else {
        notes.corrected(
            &root.child("python_version"),
            format!(
                "{python:?} is not a list of Python 3 versions; the bridge's versions are written"
            ),
        );
    }
    if app.logo != "logo.svg" {
        arg(&mut args, "logo", string(&app.logo));
    }
    if app.logo_dark != "logo_dark.svg" {
        arg(&mut args, "logo_dark", string(&app.logo_dark));
    }
    if app.package_name != format!("phantom_{slug}") {
        arg(&mut args, "package_name", string(&app.package_name));
    }
    if !text::is_main_module(&app.main_module) {
        notes.corrected(&root.child("main_module"), format!("{:?} is no `<python identifier>.py`, which the bridge must be; the name derived from the app's name is written", app.main_module));
    } else if app.main_module != format!("{slug}_connector.py") {
        arg(&mut args, "main_module", string(&app.main_module));
    }
    if app.fips_compliant == Some(true) {
        args.push("fips_compliant".to_owned());
    }
    if let Some(contributors) = &app.contributors {
        let names: Vec<String> = contributors.iter().map(|c| string(&c.name)).collect();
        for (index, contributor) in contributors.iter().enumerate() {
            for key in contributor.extra.keys() {
                notes.dropped(
                    &root.child("contributors").child(index).child(key),
                    "the macros write a contributor's name only".to_owned(),
                );
            }
        }
        if !names.is_empty() {
            arg(&mut args, "contributors", list(&names));
        }
    }
    if let Some(versions) = &app.latest_tested_versions {
        arg(
            &mut args,
            "latest_tested_versions",
            list(&versions.iter().map(|v| string(v)).collect::<Vec<_>>()),
        );
    }
    if let Some(version) = &app.app_wizard_version {
        arg(&mut args, "app_wizard_version", string(version));
    }
    if let Some(render) = &app.app_config_render {
        arg(&mut args, "app_config_render", string(render));
    }
    if let Some(flag) = app.consolidate_widgets {
        arg(&mut args, "consolidate_widgets", flag.to_string());
    }
    if let Some(handler) = &app.rest_handler {
        args.push(format!("rest_handler(handler = {REST_FUNCTION})"));
        notes.corrected(
            &root.child("rest_handler"),
            format!("{handler:?} is the original's Python; the bundle writes its own REST module, which calls the Rust handler `{REST_FUNCTION}` (a stub until the handler is ported)"),
        );
    }
    if let Some(webhook) = &app.webhook {
        args.push(webhook_arg(webhook, &root.child("webhook"), notes));
    }
    let (wheel_args, wheels) = super::wheels::write(app, carried, notes);
    args.extend(wheel_args);
    dropped_top_level(app, notes);
    let description = description_text(&app.description, &root.child("description"), notes, || {
        app.name.clone()
    });
    doc(out, "", &description);
    out.push_str("#[connector(\n");
    for arg in &args {
        out.push_str(&format!("    {arg},\n"));
    }
    out.push_str(")]\n");
    out.push_str(&format!("pub struct {type_name} {{\n"));
    config_fields(app, out, notes);
    out.push_str("}\n");
    let mut functions = Scope::with(&["main"]);
    if let Some(webhook) = &app.webhook {
        functions.unique(WEBHOOK_FUNCTION.to_owned());
        let original = webhook.handler.as_deref();
        write_handler_stub(&app.name, HandlerStub::WEBHOOK, original, out);
    }
    if let Some(handler) = &app.rest_handler {
        functions.unique(REST_FUNCTION.to_owned());
        write_handler_stub(&app.name, HandlerStub::REST, Some(handler), out);
    }
    Ok(Connector {
        type_name,
        package: package_name(&app.package_name, &slug),
        types,
        functions,
        wheels,
    })
}

/// `webhook(...)` of the app's webhook, bound to the stub handler. The original's `handler`
/// names its own Python, in whose place the bundle writes the module that calls the Rust
/// handler; its `routes` record where the SDK's Python router declared them, and the platform
/// calls the one handler for every path.
fn webhook_arg(webhook: &Webhook, at: &Pointer, notes: &mut Notes) -> String {
    let mut args = vec![format!("handler = {WEBHOOK_FUNCTION}")];
    notes.corrected(
        &at.child("handler"),
        match &webhook.handler {
            Some(handler) => format!("{handler:?} is the original's Python; the bundle writes its own webhook module, which calls the Rust handler `{WEBHOOK_FUNCTION}` (a stub until the webhook is ported)"),
            None => format!("absent; the bundle's webhook module, which calls the Rust handler `{WEBHOOK_FUNCTION}`, is written"),
        },
    );
    match webhook.requires_auth {
        Some(flag) => args.push(format!("requires_auth = {flag}")),
        None => notes.corrected(
            &at.child("requires_auth"),
            "absent; the SDK's default, true, is written".to_owned(),
        ),
    }
    if let Some(headers) = &webhook.allowed_headers {
        let headers: Vec<String> = headers.iter().map(|header| string(header)).collect();
        args.push(format!("allowed_headers = {}", list(&headers)));
    }
    if let Some(networks) = &webhook.ip_allowlist {
        let mut kept = Vec::new();
        for (index, network) in networks.iter().enumerate() {
            if text::is_cidr(network) {
                kept.push(string(network));
            } else {
                notes.dropped(
                    &at.child("ip_allowlist").child(index),
                    format!("{network:?} is no network the SDK's `ip_network` takes"),
                );
            }
        }
        args.push(format!("ip_allowlist = {}", list(&kept)));
    }
    if webhook.routes.is_some() {
        notes.dropped(&at.child("routes"), "the platform calls the one handler for every path below the webhook's URL; the SDK's routes record where its Python router declared them (file and line of the original), and the Rust handler routes by `path_parts`".to_owned());
    }
    for key in webhook.extra.keys() {
        notes.dropped(
            &at.child(key),
            "a key of the webhook the SDK does not know".to_owned(),
        );
    }
    format!("webhook({})", args.join(", "))
}

/// A Rust handler the import binds in the place of the original's Python.
struct HandlerStub {
    /// What the handler answers, in its doc comment and its answer ("webhook").
    what: &'static str,
    /// The function's name.
    function: &'static str,
    /// Its request and response types.
    request: &'static str,
    response: &'static str,
}

impl HandlerStub {
    const WEBHOOK: Self = Self {
        what: "webhook",
        function: WEBHOOK_FUNCTION,
        request: "WebhookRequest",
        response: "WebhookResponse",
    };
    const REST: Self = Self {
        what: "REST handler",
        function: REST_FUNCTION,
        request: "RestRequest",
        response: "RestResponse",
    };
}

/// The handler `stub` the import binds (for the original's Python function `original`): it
/// answers `501` until the original's is ported.
fn write_handler_stub(app_name: &str, stub: HandlerStub, original: Option<&str>, out: &mut String) {
    let HandlerStub {
        what,
        function,
        request,
        response,
    } = stub;
    let original = original
        .map(|handler| format!(" (`{handler}` in the original app)"))
        .unwrap_or_default();
    out.push('\n');
    doc(
        out,
        "",
        &format!("The app's {what}{original}: answers that it is not ported yet."),
    );
    out.push_str(&format!(
        "fn {function}(request: {request}) -> Result<{response}, ActionError> {{\n    let _ = request;\n    Ok({response}::text(501, {}))\n}}\n",
        string(&format!("the {what} of '{app_name}' is not ported yet"))
    ));
}

/// The default package name: the app's package name without `phantom_`, as Cargo spells names.
fn package_name(package_name: &str, slug: &str) -> String {
    let stem = package_name
        .strip_prefix("phantom_")
        .unwrap_or(package_name);
    let name: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    let name = name.trim_matches('_').to_owned();
    if name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        name
    } else {
        format!("app_{slug}")
    }
}

/// Notes the top-level keys the macros do not write.
fn dropped_top_level(app: &AppJson, notes: &mut Notes) {
    let root = Pointer::root();
    if app.qa_metadata.is_some() {
        notes.dropped(
            &root.child("qa_metadata"),
            "the platform's QA writes it".to_owned(),
        );
    }
    for key in app.extra.keys() {
        notes.dropped(
            &root.child(key),
            "a key neither the platform's CI schema nor the SDK knows".to_owned(),
        );
    }
}

/// A description as the macros can write it: not starting with a lowercase letter, one
/// paragraph; `fallback` when empty.
pub fn description_text(
    text: &str,
    at: &Pointer,
    notes: &mut Notes,
    fallback: impl FnOnce() -> String,
) -> String {
    let mut value = text.to_owned();
    if value.trim().is_empty() {
        let fallback = fallback();
        notes.corrected(
            at,
            format!("empty; {fallback:?} is written, since the macros want a description"),
        );
        return capitalised(&fallback);
    }
    if !fits_first_paragraph(&value) {
        value = value.split_whitespace().collect::<Vec<_>>().join(" ");
        notes.corrected(
            at,
            "more than one line, or space around it: written as one line".to_owned(),
        );
    }
    if text::description_problem(&value).is_some() {
        value = capitalised(&value);
        notes.corrected(
            at,
            "starts with a lowercase letter, which the CI schema refuses: capitalised".to_owned(),
        );
    }
    value
}

/// `text` with its first letter in upper case.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

/// The configuration fields, in their `order`.
fn config_fields(app: &AppJson, out: &mut String, notes: &mut Notes) {
    let root = Pointer::root().child("configuration");
    let fields = values::in_order(&app.configuration, |field: &ConfigField| {
        field.order.as_ref()
    });
    let mut scope = Scope::default();
    let mut written = 0;
    for (name, field) in fields {
        let at = root.child(name);
        let base = match &field.data_type {
            DataType::String => "String",
            DataType::Password => "Secret",
            DataType::Boolean => "bool",
            DataType::Timezone => "TimeZone",
            DataType::File => "AssetFile",
            DataType::Ph => "Spacer",
            DataType::Numeric => values::numeric_type(
                field.default.as_ref().map(DefaultValue::to_value).as_ref(),
                field.value_list.as_deref(),
            ),
            other => {
                notes.dropped(
                    &at,
                    format!("a configuration field of data_type `{other}` has no Rust type yet"),
                );
                continue;
            }
        };
        if !values::is_position(field.order.as_ref(), written) {
            notes.corrected(
                &at.child("order"),
                format!(
                    "the fields' orders are written as their positions; this field is at {written}"
                ),
            );
        }
        written += 1;
        let ident = scope.unique(idents::snake(name, "field"));
        let mut attrs: Vec<String> = Vec::new();
        if idents::plain(&ident) != name.as_str() {
            attrs.push(format!("name = {}", string(name)));
        }
        if field.is_password() && field.default.is_some() {
            notes.dropped(
                &at.child("default"),
                "a secret cannot have a default".to_owned(),
            );
        }
        let default = field
            .default
            .as_ref()
            .filter(|_| !field.is_password())
            .map(DefaultValue::to_value);
        attrs.extend(values::default_and_values(
            base,
            default.as_ref(),
            field.value_list.as_deref(),
            &at,
            notes,
        ));
        let blank = field
            .description
            .as_deref()
            .is_none_or(|text| text.trim().is_empty());
        if field.data_type == DataType::Ph && blank {
            // A spacer shows no label; without a description the macros would title its name.
            attrs.push("description = \"\"".to_owned());
        } else {
            let description = field.description.as_deref().map(|text| {
                description_text(text, &at.child("description"), notes, || name.clone())
            });
            match &description {
                Some(text) => doc(out, "    ", text),
                None => notes.corrected(
                    &at.child("description"),
                    "missing; the macros write the field name's title".to_owned(),
                ),
            }
        }
        for (key, _) in &field.extra {
            notes.dropped(
                &at.child(key),
                "a key of configuration fields the macros do not write".to_owned(),
            );
        }
        for (key, present) in [
            ("category", field.category.is_some()),
            ("contains", field.contains.is_some()),
        ] {
            if present {
                notes.dropped(
                    &at.child(key),
                    "the macros do not write it for configuration fields yet".to_owned(),
                );
            }
        }
        if !attrs.is_empty() {
            out.push_str(&format!("    #[config({})]\n", attrs.join(", ")));
        }
        // A spacer has no value to require, and is its own type either way.
        let ty = if field.is_required() || field.data_type == DataType::Ph {
            base.to_owned()
        } else {
            format!("Option<{base}>")
        };
        out.push_str(&format!("    pub {ident}: {ty},\n"));
    }
}
