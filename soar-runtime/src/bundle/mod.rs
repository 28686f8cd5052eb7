//! The files of a bundle that the runtime owns: the Python `main_module` that the platform
//! imports, which speaks this runtime's bridge protocol (the `python` feature), and the Python
//! side of the native extension's package (an `__init__.py` naming its members, type stubs,
//! `py.typed`). A connector binary hands them to the bundler with the rest of the
//! [`BundleManifest`] (`<connector> bundle-manifest`), so a bundle's Python side always matches
//! the Rust side it was built with, whatever the version of the tool.

use std::collections::BTreeMap;

use crate::app_json::{AppJson, BUNDLE_MANIFEST_FORMAT, BundleManifest};

/// The `main_module` template; `{{APP_NAME}}`, `{{CLASS_NAME}}`, `{{NATIVE_MODULE}}` and
/// `{{RUNTIME_VERSION}}` are filled in.
const MAIN_MODULE: &str = include_str!("main_module.py");

/// The native package's `__init__.py` template, with the same placeholders.
const NATIVE_INIT: &str = include_str!("native_init.py");

/// The native module's type stubs template, with the same placeholders.
const NATIVE_STUB: &str = include_str!("native_module.pyi");

/// The view module template, with the same placeholders and `{{VIEW_FUNCTIONS}}`.
const VIEW_MODULE: &str = include_str!("view_module.py");

/// The webhook module template, with the same placeholders.
const WEBHOOK_MODULE: &str = include_str!("webhook_module.py");

/// The function of the webhook module that the platform calls.
pub const WEBHOOK_FUNCTION: &str = "handle_webhook";

/// The REST handler module template, with the same placeholders.
const REST_MODULE: &str = include_str!("rest_module.py");

/// The function of the REST handler module that the platform calls.
pub const REST_FUNCTION: &str = "handle_request";

/// This crate's version, which the generated files name.
pub const RUNTIME_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The bundle manifest of a connector whose app JSON is `app`. Fails when its `main_module`
/// is not `<python identifier>.py`, which the macros never generate.
pub fn manifest(app: AppJson) -> Result<BundleManifest, String> {
    let native_module = native_module_name(&app.main_module)?;
    let main_module = render(MAIN_MODULE, &app, &native_module);
    let mut files = BTreeMap::from([(app.main_module.clone(), main_module)]);
    if let Some((name, text)) = view_module(&app, &native_module)? {
        files.insert(name, text);
    }
    if let Some((name, text)) = webhook_module(&app, &native_module)? {
        files.insert(name, text);
    }
    if let Some((name, text)) = rest_module(&app, &native_module)? {
        files.insert(name, text);
    }
    let native_files = BTreeMap::from([
        (
            "__init__.py".to_owned(),
            render(NATIVE_INIT, &app, &native_module),
        ),
        (
            format!("{native_module}.pyi"),
            render(NATIVE_STUB, &app, &native_module),
        ),
        // PEP 561: the package ships its own types.
        ("py.typed".to_owned(), String::new()),
    ]);
    Ok(BundleManifest {
        format: BUNDLE_MANIFEST_FORMAT,
        runtime_version: RUNTIME_VERSION.to_owned(),
        files,
        native_module,
        native_files,
        app_json: app,
    })
}

/// The name of the connector's extension module, from the `main_module` file name:
/// `whois_connector.py` gives `whois_connector_native`. Fails when the stem is not a Python
/// identifier.
pub fn native_module_name(main_module: &str) -> Result<String, String> {
    let stem = module_stem(main_module);
    if !soar_vocab::text::is_python_identifier(stem) {
        return Err(format!(
            "`main_module` {main_module:?} is not `<python identifier>.py`"
        ));
    }
    Ok(format!("{stem}_native"))
}

/// The name of the module that holds the views of the app whose `main_module` is
/// `main_module`: `whois_connector.py` gives `whois_connector_view`.
pub fn view_module_name(main_module: &str) -> String {
    format!("{}_view", module_stem(main_module))
}

/// The module name of the `main_module` file: `whois_connector.py` gives `whois_connector`,
/// from which the names of the bundle's other modules are made.
fn module_stem(main_module: &str) -> &str {
    main_module.strip_suffix(".py").unwrap_or(main_module)
}

/// The Python function of the view module that shows the results of action `identifier`:
/// `view_` and the identifier with every character that cannot be in a Python name written `_`.
pub fn view_function_name(identifier: &str) -> String {
    let name: String = identifier
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    format!("view_{name}")
}

/// The `render.view` of action `identifier`: `<view module>.<view function>`.
pub fn view_path(main_module: &str, identifier: &str) -> String {
    format!(
        "{}.{}",
        view_module_name(main_module),
        view_function_name(identifier)
    )
}

/// The view module of `app` (its file name and text) when an action's `render` names a view of
/// it, else `None`. Two actions whose identifiers give one function name are an error.
fn view_module(app: &AppJson, native_module: &str) -> Result<Option<(String, String)>, String> {
    let module = view_module_name(&app.main_module);
    let mut functions: BTreeMap<String, &str> = BTreeMap::new();
    let mut text = String::new();
    for action in &app.actions {
        let Some(view) = action
            .render
            .as_ref()
            .and_then(|render| render.view.as_deref())
        else {
            continue;
        };
        if view != view_path(&app.main_module, &action.identifier) {
            return Err(format!(
                "action `{}` names the view {view:?}, which this runtime does not write (its view is `render(view = <function>)`)",
                action.identifier
            ));
        }
        let function = view_function_name(&action.identifier);
        if let Some(other) = functions.insert(function.clone(), &action.identifier) {
            return Err(format!(
                "actions `{other}` and `{}` would share the view function `{function}`: rename one identifier",
                action.identifier
            ));
        }
        let identifier = serde_json::to_string(&action.identifier).unwrap_or_default();
        text.push_str(&format!(
            "\n\ndef {function}(_provides, all_app_runs, context):\n    \"\"\"The view of `{}`.\"\"\"\n    return _render({identifier}, all_app_runs, context)\n",
            action.action.replace('\\', "").replace('"', "'")
        ));
    }
    if functions.is_empty() {
        return Ok(None);
    }
    let body = render(VIEW_MODULE, app, native_module).replace("{{VIEW_FUNCTIONS}}", &text);
    Ok(Some((format!("{module}.py"), body)))
}

/// The name of the module that holds the webhook handler of the app whose `main_module` is
/// `main_module`: `whois_connector.py` gives `whois_connector_webhook`.
pub fn webhook_module_name(main_module: &str) -> String {
    format!("{}_webhook", module_stem(main_module))
}

/// The `webhook.handler` of the app whose `main_module` is `main_module`:
/// `<webhook module>.handle_webhook`.
pub fn webhook_handler_path(main_module: &str) -> String {
    format!("{}.{WEBHOOK_FUNCTION}", webhook_module_name(main_module))
}

/// The webhook module of `app` (its file name and text) when it has a webhook, else `None`.
/// A `webhook.handler` other than the module's function is an error: no bundle ships it.
fn webhook_module(app: &AppJson, native_module: &str) -> Result<Option<(String, String)>, String> {
    let Some(webhook) = &app.webhook else {
        return Ok(None);
    };
    entry_module(
        EntryModule {
            what: "the webhook's handler",
            attribute: "webhook(handler = <function>)",
            module: webhook_module_name(&app.main_module),
            function: WEBHOOK_FUNCTION,
            template: WEBHOOK_MODULE,
        },
        webhook.handler.as_deref(),
        app,
        native_module,
    )
    .map(Some)
}

/// The name of the module that holds the REST handler of the app whose `main_module` is
/// `main_module`: `whois_connector.py` gives `whois_connector_rest`.
pub fn rest_module_name(main_module: &str) -> String {
    format!("{}_rest", module_stem(main_module))
}

/// The `rest_handler` of the app whose `main_module` is `main_module`:
/// `<REST module>.handle_request`.
pub fn rest_handler_path(main_module: &str) -> String {
    format!("{}.{REST_FUNCTION}", rest_module_name(main_module))
}

/// The REST handler module of `app` (its file name and text) when it has a `rest_handler`,
/// else `None`. A `rest_handler` other than the module's function is an error: no bundle
/// ships it.
fn rest_module(app: &AppJson, native_module: &str) -> Result<Option<(String, String)>, String> {
    let Some(handler) = &app.rest_handler else {
        return Ok(None);
    };
    entry_module(
        EntryModule {
            what: "the rest_handler",
            attribute: "rest_handler(handler = <function>)",
            module: rest_module_name(&app.main_module),
            function: REST_FUNCTION,
            template: REST_MODULE,
        },
        Some(handler),
        app,
        native_module,
    )
    .map(Some)
}

/// One of the modules through which the platform's web processes reach a Rust handler (the
/// webhook's, the REST handler's).
struct EntryModule {
    /// What names the module in the app JSON, for the error.
    what: &'static str,
    /// The connector attribute that binds the handler, for the error.
    attribute: &'static str,
    /// The module's name.
    module: String,
    /// The function of the module the platform calls.
    function: &'static str,
    /// The module's template.
    template: &'static str,
}

/// The file name and text of `entry`, which the app JSON names as `named`; a name other than
/// `<module>.<function>` is an error, as no bundle would ship what it names.
fn entry_module(
    entry: EntryModule,
    named: Option<&str>,
    app: &AppJson,
    native_module: &str,
) -> Result<(String, String), String> {
    let expected = format!("{}.{}", entry.module, entry.function);
    if named != Some(expected.as_str()) {
        return Err(format!(
            "{} is {:?}, which this runtime does not write (it writes {expected:?} for `#[connector({})]`)",
            entry.what,
            named.unwrap_or_default(),
            entry.attribute,
        ));
    }
    Ok((
        format!("{}.py", entry.module),
        render(entry.template, app, native_module),
    ))
}

/// A template filled in for `app`, whose extension module is `native_module`.
fn render(template: &str, app: &AppJson, native_module: &str) -> String {
    let stem = module_stem(&app.main_module);
    template
        .replace(
            "{{THIRD_PARTY_IMPORTS}}",
            &third_party_imports(native_module),
        )
        .replace("{{APP_NAME}}", &app.name)
        .replace("{{CLASS_NAME}}", &class_name(stem))
        .replace("{{NATIVE_MODULE}}", native_module)
        .replace("{{RUNTIME_VERSION}}", RUNTIME_VERSION)
}

/// The `import` lines of the main module's third-party block, sorted by module name as isort
/// (and ruff's `I` rules, which Splunk's app template enables) wants them; the `from` lines
/// follow them in the template.
fn third_party_imports(native_module: &str) -> String {
    let mut imports = [
        ("phantom.app", "import phantom.app as phantom".to_owned()),
        (native_module, format!("import {native_module} as native")),
    ];
    imports.sort_by_key(|(module, _)| module.to_ascii_lowercase());
    imports.map(|(_, line)| line).join("\n")
}

/// `whois_connector` -> `WhoisConnector`.
fn class_name(stem: &str) -> String {
    soar_vocab::capitalised_words(stem).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app() -> AppJson {
        AppJson {
            name: "WHOIS".to_owned(),
            main_module: "whois_connector.py".to_owned(),
            ..AppJson::default()
        }
    }

    #[test]
    fn names_come_from_the_main_module() {
        assert_eq!(
            native_module_name("whois_connector.py").unwrap(),
            "whois_connector_native"
        );
        assert!(native_module_name("1x.py").is_err());
        assert!(native_module_name("my-app.py").is_err());
        assert_eq!(class_name("whois_connector"), "WhoisConnector");
    }

    #[test]
    fn the_main_module_names_its_class_and_extension_and_spawns_nothing() {
        let manifest = manifest(app()).unwrap();
        assert_eq!(manifest.native_module, "whois_connector_native");
        assert_eq!(manifest.format, BUNDLE_MANIFEST_FORMAT);
        let text = &manifest.files["whois_connector.py"];
        assert!(text.contains("class WhoisConnector(BaseConnector):"));
        assert!(text.contains("import whois_connector_native as native"));
        assert!(text.contains(RUNTIME_VERSION));
        assert!(!text.contains("{{"));
        for banned in ["subprocess", "os.system", "os.spawn", "os.exec", "os.popen"] {
            assert!(!text.contains(banned), "{banned}");
        }
    }

    #[test]
    fn the_native_package_names_the_members_the_main_module_uses() {
        let manifest = manifest(app()).unwrap();
        let files = &manifest.native_files;
        assert_eq!(
            files.keys().collect::<Vec<_>>(),
            ["__init__.py", "py.typed", "whois_connector_native.pyi"]
        );
        let init = &files["__init__.py"];
        assert!(
            init.contains("from .whois_connector_native import Cancellation, Session, connector")
        );
        let stub = &files["whois_connector_native.pyi"];
        assert!(stub.contains("connector: Connector"));
        assert!(stub.contains("class Session:"));
        assert!(files.values().all(|text| !text.contains("{{")));
    }

    #[test]
    fn the_native_import_sits_in_the_phantom_block_in_module_order() {
        assert_eq!(
            third_party_imports("alertdesk_connector_native"),
            "import alertdesk_connector_native as native\nimport phantom.app as phantom"
        );
        assert_eq!(
            third_party_imports("whois_connector_native"),
            "import phantom.app as phantom\nimport whois_connector_native as native"
        );
    }

    /// An action whose render names the view the runtime writes for it, or none.
    fn action(identifier: &str, view: Option<String>) -> crate::app_json::Action {
        crate::app_json::Action {
            action: identifier.replace(['_', '-'], " "),
            identifier: identifier.to_owned(),
            render: Some(crate::app_json::Render {
                kind: Some(if view.is_some() { "custom" } else { "table" }.to_owned()),
                view,
                ..Default::default()
            }),
            ..Default::default()
        }
    }

    fn with_views(identifiers: &[&str]) -> AppJson {
        let mut app = app();
        app.actions = identifiers
            .iter()
            .map(|id| action(id, Some(view_path(&app.main_module, id))))
            .collect();
        app.actions.push(action("whois_ip", None));
        app
    }

    #[test]
    fn an_app_without_views_has_no_view_module() {
        let mut app = app();
        app.actions.push(action("whois_ip", None));
        assert_eq!(manifest(app).unwrap().files.len(), 1);
    }

    #[test]
    fn the_view_module_has_a_function_per_view_and_imports_only_the_native_module() {
        assert_eq!(
            view_path("whois_connector.py", "look-up.domain"),
            "whois_connector_view.view_look_up_domain"
        );
        let manifest = manifest(with_views(&["whois_domain", "look-up"])).unwrap();
        let text = &manifest.files["whois_connector_view.py"];
        assert!(text.contains(
            "def view_whois_domain(_provides, all_app_runs, context):\n    \"\"\"The view of `whois domain`.\"\"\"\n    return _render(\"whois_domain\", all_app_runs, context)\n"
        ));
        assert!(text.contains("def view_look_up(_provides, all_app_runs, context):"));
        assert!(!text.contains("view_whois_ip"));
        assert_eq!(
            imports(text),
            ["import json", "import whois_connector_native as native"]
        );
        assert!(text.contains("context[\"prerender\"] = True"));
        assert!(text.ends_with(")\n") && !text.ends_with("\n\n"));
        assert!(!text.contains("{{"));
    }

    #[test]
    fn views_the_runtime_does_not_write_and_clashing_names_are_refused() {
        let mut app = with_views(&["whois_domain"]);
        app.actions[0].render.as_mut().unwrap().view = Some("views.domain".to_owned());
        let error = manifest(app).unwrap_err();
        assert!(error.contains("names the view \"views.domain\""), "{error}");
        let error = manifest(with_views(&["look-up", "look_up"])).unwrap_err();
        assert_eq!(
            error,
            "actions `look-up` and `look_up` would share the view function `view_look_up`: rename one identifier"
        );
    }

    /// The import lines of a Python module.
    fn imports(text: &str) -> Vec<&str> {
        text.lines()
            .filter(|line| line.starts_with("import ") || line.starts_with("from "))
            .collect()
    }

    fn with_webhook(handler: &str) -> AppJson {
        AppJson {
            webhook: Some(crate::app_json::Webhook {
                handler: Some(handler.to_owned()),
                ..Default::default()
            }),
            ..app()
        }
    }

    #[test]
    fn the_webhook_module_has_the_platforms_function_and_imports_only_the_native_module() {
        assert_eq!(
            webhook_handler_path("whois_connector.py"),
            "whois_connector_webhook.handle_webhook"
        );
        assert_eq!(
            manifest(app()).unwrap().files.len(),
            1,
            "no webhook, no module"
        );
        let manifest = manifest(with_webhook("whois_connector_webhook.handle_webhook")).unwrap();
        let text = &manifest.files["whois_connector_webhook.py"];
        assert!(text.contains(
            "def handle_webhook(method, headers, path_parts, query, body, asset, soar_rest_client=None):"
        ));
        assert_eq!(
            imports(text),
            ["import json", "import whois_connector_native as native"]
        );
        assert!(text.contains("native.connector.handle_webhook(payload)"));
        assert!(!text.contains("{{"));
    }

    #[test]
    fn a_webhook_handler_the_runtime_does_not_write_is_refused() {
        let error = manifest(with_webhook("whois_webhook.handle_webhook")).unwrap_err();
        assert!(
            error.starts_with("the webhook's handler is \"whois_webhook.handle_webhook\""),
            "{error}"
        );
    }

    fn with_rest_handler(handler: &str) -> AppJson {
        AppJson {
            rest_handler: Some(handler.to_owned()),
            ..app()
        }
    }

    #[test]
    fn the_rest_module_has_the_platforms_function_and_imports_only_the_native_module() {
        assert_eq!(
            rest_handler_path("whois_connector.py"),
            "whois_connector_rest.handle_request"
        );
        let manifest = manifest(with_rest_handler("whois_connector_rest.handle_request")).unwrap();
        let text = &manifest.files["whois_connector_rest.py"];
        assert!(text.contains("def handle_request(request, path_parts):"));
        assert_eq!(
            imports(text),
            [
                "import base64",
                "import json",
                "import whois_connector_native as native"
            ],
            "django and phantom are imported when a request comes"
        );
        assert!(text.contains("native.connector.handle_rest_request(payload)"));
        assert!(!text.contains("{{"));
    }

    #[test]
    fn a_rest_handler_the_runtime_does_not_write_is_refused() {
        let error = manifest(with_rest_handler("whois_connector.handle_request")).unwrap_err();
        assert_eq!(
            error,
            "the rest_handler is \"whois_connector.handle_request\", which this runtime does not write (it writes \"whois_connector_rest.handle_request\" for `#[connector(rest_handler(handler = <function>))]`)"
        );
    }

    #[test]
    fn a_main_module_that_is_no_python_identifier_has_no_manifest() {
        let app = AppJson {
            main_module: "my-app.py".to_owned(),
            ..app()
        };
        assert!(manifest(app).unwrap_err().contains("my-app.py"));
    }
}
