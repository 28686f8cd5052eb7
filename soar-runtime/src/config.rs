//! The asset configuration: prepared as the platform prepares it (contract section 1, step 3)
//! and held so that password fields never show.

use std::fmt;

use indexmap::IndexMap;
use serde_json::{Map, Value};

use crate::app_json::AppJson;
use crate::secret::Secret;

/// Decrypts one password field to its plain value. The error text must not contain the value.
pub type Decryptor = dyn Fn(&DecryptRequest<'_>) -> Result<String, String> + Send + Sync;

/// What a [`Decryptor`] gets for one password field.
pub struct DecryptRequest<'a> {
    /// The field's name.
    pub field: &'a str,
    /// The value as the platform sent it.
    pub value: &'a str,
    /// The action JSON's `dec_key`, if any.
    pub key: Option<&'a Secret>,
    /// The salt: the asset id on the platform.
    pub salt: &'a str,
}

impl fmt::Debug for DecryptRequest<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DecryptRequest")
            .field("field", &self.field)
            .field("salt", &self.salt)
            .finish_non_exhaustive()
    }
}

/// The config key that carries the run's environment variables on the platform.
pub const RESERVED_ENVIRONMENT_KEY: &str = "_reserved_environment_variables";

/// The prepared asset configuration of a run.
///
/// Password fields (those the app JSON declares with `data_type: password`) are kept apart as
/// [`Secret`]s: [`Config::get`] does not return them and `Debug` shows only their names.
#[derive(Clone, Default)]
pub struct Config {
    values: Map<String, Value>,
    secrets: IndexMap<String, Secret>,
}

impl Config {
    /// A configuration from plain values and secrets (tests and hand-written connectors).
    pub fn new(values: Map<String, Value>, secrets: IndexMap<String, Secret>) -> Self {
        Self { values, secrets }
    }

    /// A non-password value.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.values.get(key)
    }

    /// A non-password value that is a string.
    pub fn get_str(&self, key: &str) -> Option<&str> {
        self.get(key).and_then(Value::as_str)
    }

    /// A password field.
    pub fn secret(&self, key: &str) -> Option<&Secret> {
        self.secrets.get(key)
    }

    /// Whether the key is present, as a value or as a secret.
    pub fn contains_key(&self, key: &str) -> bool {
        self.values.contains_key(key) || self.secrets.contains_key(key)
    }

    /// All non-password values.
    pub fn values(&self) -> &Map<String, Value> {
        &self.values
    }

    /// The names of the password fields present.
    pub fn secret_names(&self) -> impl Iterator<Item = &str> {
        self.secrets.keys().map(String::as_str)
    }
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("values", &self.values)
            .field("secrets", &self.secrets)
            .finish()
    }
}

/// The configuration of a run together with the environment variables it carried.
#[derive(Debug)]
pub(crate) struct PreparedConfig {
    pub(crate) config: Config,
    pub(crate) environment: Vec<(String, String)>,
}

/// Prepares the raw `config` of the action JSON: strips every string value, deletes keys whose
/// value is then empty, checks the required fields, moves password fields into secrets
/// (decrypting them when a decryptor is given), takes out the reserved environment variables,
/// and adds `main_module` and `app_version` from the app JSON when the platform did not.
pub(crate) fn prepare(
    mut raw: Map<String, Value>,
    app: &AppJson,
    decrypt: Option<&Decryptor>,
    key: Option<&Secret>,
    salt: &str,
) -> Result<PreparedConfig, String> {
    strip_and_drop_empty(&mut raw);
    let environment = match raw.shift_remove(RESERVED_ENVIRONMENT_KEY) {
        Some(Value::Object(vars)) => crate::action_json::environment_pairs(&vars),
        _ => Vec::new(),
    };
    for (name, field) in &app.configuration {
        if field.is_required() && !raw.contains_key(name) {
            return Err(format!("Required configuration field '{name}' is missing"));
        }
    }
    let mut secrets = IndexMap::new();
    for (name, field) in &app.configuration {
        if !field.is_password() {
            continue;
        }
        let Some(value) = raw.shift_remove(name) else {
            continue;
        };
        let Value::String(text) = value else {
            return Err(format!("Configuration field '{name}' must be a string"));
        };
        let plain = match decrypt {
            Some(decrypt) => decrypt(&DecryptRequest {
                field: name,
                value: &text,
                key,
                salt,
            })
            .map_err(|reason| {
                format!("Unable to decrypt configuration field '{name}': {reason}")
            })?,
            None => text,
        };
        secrets.insert(name.clone(), Secret::new(plain));
    }
    for (key, value) in [
        ("main_module", &app.main_module),
        ("app_version", &app.app_version),
    ] {
        if !raw.contains_key(key) {
            raw.insert(key.to_owned(), Value::String(value.clone()));
        }
    }
    Ok(PreparedConfig {
        config: Config::new(raw, secrets),
        environment,
    })
}

/// Gives every configuration field that `config` lacks its app JSON default, as the platform's
/// asset form does when an asset is saved. Runs started by hand get it
/// ([`crate::action_json::ActionJson::for_local_run`]); an action JSON is taken as the platform
/// sent it, defaults already applied.
pub fn fill_defaults(config: &mut Map<String, Value>, app: &AppJson) {
    for (name, field) in &app.configuration {
        if let Some(default) = &field.default
            && !config.contains_key(name)
        {
            config.insert(name.clone(), default.to_value());
        }
    }
}

/// Strips the surrounding white space of every string value and deletes keys whose value is then
/// empty (or null). The platform does this to the config and to every parameter dict.
pub(crate) fn strip_and_drop_empty(map: &mut Map<String, Value>) {
    map.retain(|_, value| match value {
        Value::String(text) => {
            let trimmed = text.trim();
            if trimmed.len() != text.len() {
                *text = trimmed.to_owned();
            }
            !text.is_empty()
        }
        Value::Null => false,
        _ => true,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn app() -> AppJson {
        AppJson {
            main_module: "x_connector.py".into(),
            app_version: "1.2.3".into(),
            configuration: serde_json::from_value(json!({
                "server": {"data_type": "string", "required": true},
                "token": {"data_type": "password", "required": false},
                "port": {"data_type": "numeric"}
            }))
            .unwrap(),
            ..AppJson::default()
        }
    }

    fn raw(value: Value) -> Map<String, Value> {
        value.as_object().unwrap().clone()
    }

    #[test]
    fn strips_drops_and_separates_secrets() {
        let prepared = prepare(
            raw(json!({"server": "  whois.arin.net ", "token": " s3cret ", "port": 43, "empty": "   ", "nothing": null})),
            &app(),
            None,
            None,
            "10",
        )
        .unwrap();
        let config = prepared.config;
        assert_eq!(config.get_str("server"), Some("whois.arin.net"));
        assert_eq!(config.get("port"), Some(&json!(43)));
        assert!(!config.contains_key("empty") && !config.contains_key("nothing"));
        assert_eq!(config.get("token"), None);
        assert_eq!(config.secret("token").unwrap().expose(), "s3cret");
        assert_eq!(config.get_str("main_module"), Some("x_connector.py"));
        assert_eq!(config.get_str("app_version"), Some("1.2.3"));
        assert!(!format!("{config:?}").contains("s3cret"));
    }

    #[test]
    fn a_missing_required_field_names_the_field() {
        let error = prepare(raw(json!({"server": "  "})), &app(), None, None, "10").unwrap_err();
        assert_eq!(error, "Required configuration field 'server' is missing");
    }

    #[test]
    fn decrypts_password_fields_with_the_asset_id_as_salt() {
        let key = Secret::new("k");
        let decrypt = |request: &DecryptRequest<'_>| -> Result<String, String> {
            Ok(format!(
                "{}:{}:{}:{}",
                request.field,
                request.value.to_uppercase(),
                request.key.map_or("-", Secret::expose),
                request.salt
            ))
        };
        let prepared = prepare(
            raw(json!({"server": "s", "token": "abc"})),
            &app(),
            Some(&decrypt),
            Some(&key),
            "10",
        )
        .unwrap();
        assert_eq!(
            prepared.config.secret("token").unwrap().expose(),
            "token:ABC:k:10"
        );
        let failing = |_: &DecryptRequest<'_>| -> Result<String, String> { Err("bad key".into()) };
        let error = prepare(
            raw(json!({"server": "s", "token": "abc"})),
            &app(),
            Some(&failing),
            None,
            "10",
        )
        .unwrap_err();
        assert_eq!(
            error,
            "Unable to decrypt configuration field 'token': bad key"
        );
    }

    #[test]
    fn takes_out_reserved_environment_variables() {
        let prepared = prepare(
            raw(json!({"server": "s", "_reserved_environment_variables": {"HTTP_PROXY": {"type": "string", "value": "http://p"}}})),
            &app(),
            None,
            None,
            "10",
        )
        .unwrap();
        assert!(!prepared.config.contains_key(RESERVED_ENVIRONMENT_KEY));
        assert_eq!(
            prepared.environment,
            vec![("HTTP_PROXY".to_owned(), "http://p".to_owned())]
        );
    }
}
