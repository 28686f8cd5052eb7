//! The Python `main_module` of a bundle, rendered from the framework's template
//! (`assets/main_module.py`): a `BaseConnector` subclass that hands every hook to Rust.

use crate::{Failure, Outcome};

/// The template; `{{APP_NAME}}`, `{{CLASS_NAME}}` and `{{NATIVE_MODULE}}` are filled in.
const TEMPLATE: &str = include_str!("assets/main_module.py");

/// The name of the connector's extension module, from the `main_module` file name:
/// `whois_connector.py` gives `whois_connector_native`. Fails when the stem is not a Python
/// identifier.
pub fn native_module_name(main_module: &str) -> Outcome<String> {
    let stem = main_module.strip_suffix(".py").unwrap_or(main_module);
    let identifier = stem
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && stem.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if !identifier {
        return Err(Failure::new(format!(
            "`main_module` {main_module:?} is not `<python identifier>.py`"
        )));
    }
    Ok(format!("{stem}_native"))
}

/// The module's text for the app `app_name` whose `main_module` is `main_module`.
pub fn render(app_name: &str, main_module: &str, native_module: &str) -> String {
    let stem = main_module.strip_suffix(".py").unwrap_or(main_module);
    TEMPLATE
        .replace("{{APP_NAME}}", app_name)
        .replace("{{CLASS_NAME}}", &class_name(stem))
        .replace("{{NATIVE_MODULE}}", native_module)
}

/// `whois_connector` -> `WhoisConnector`.
fn class_name(stem: &str) -> String {
    stem.split('_')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn the_rendered_module_names_its_class_and_extension_and_spawns_nothing() {
        let text = render("WHOIS", "whois_connector.py", "whois_connector_native");
        assert!(text.contains("class WhoisConnector(BaseConnector):"));
        assert!(text.contains("import whois_connector_native as native"));
        assert!(!text.contains("{{"));
        for banned in ["subprocess", "os.system", "os.spawn", "os.exec", "os.popen"] {
            assert!(!text.contains(banned), "{banned}");
        }
    }
}
